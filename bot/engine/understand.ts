/**
 * The engine's one door to the text parsers: what a message is (a report, a rights question,
 * thanks...), what fields it carries, whether a place is usable, whether it corrects the last
 * answer. The engine calls only these functions, so how the parsers read text can change (or
 * gain a language) without touching the conversation logic.
 */
import { classifyMessage, correctionAnswer, extractTip, locationProblem, type LocationProblem } from '../parse/index.js';
import type { ExtractedTip, LocationField, MessageIntent, TimeContext } from '../parse/types.js';

/** What a message is, before any report is started. */
export type MessageKind = MessageIntent;

// ------------------------------------------------------------------ what a message is

/**
 * Reads what a message is: a report starts only when something is reported. `read` (see
 * {@link readTip}) is the same text already read, so a first message is read once.
 */
export function classify(text: string, read?: ExtractedTip): MessageKind {
  return classifyMessage(text, read);
}

/**
 * Every field the words carry, as read, before {@link understandTip} judges them: for a first
 * message, read once and given to both {@link classify} and {@link understandTip}.
 */
export function readTip(text: string, ctx: TimeContext): ExtractedTip {
  return extractTip(text, ctx);
}

/** Why a place is not one a responder could drive to; undefined when it is usable. */
export function placeProblem(text: string): LocationProblem | undefined {
  return locationProblem(text);
}

/** Whether a location field (a pin, a link, or words) can be driven to. */
export function isUsablePlace(location: LocationField | undefined): boolean {
  if (!location) return false;
  const problem = location.text !== undefined ? placeProblem(location.text) : undefined;
  if (problem === 'phone') return false; // a phone number is never a place, whatever digits it has
  if (location.point || location.zip || location.crossStreets) return true;
  return location.text !== undefined && problem === undefined;
}

/**
 * Whether a place said in passing, in an answer to another question, is specific enough to
 * stop asking where: cross streets, a ZIP, a pin, or a named or numbered place ("Home Depot",
 * "calle 4"). "la fábrica" or "the apartments" said while answering what is happening are not.
 */
export function isSpecificPlace(location: LocationField | undefined): boolean {
  if (!isUsablePlace(location) || !location) return false;
  if (location.point || location.zip || location.crossStreets) return true;
  return /\d|\p{Lu}/u.test(location.text ?? '');
}

// ------------------------------------------------------------------ what a message says

/**
 * Every field a message carries, ready for the draft: an unusable place is dropped (the engine
 * asks for it), and detention is settled when the text settles it. Watching or driving around
 * with nobody taken is not a detention; anything else the text leaves open stays undefined, and
 * the one-tap triage question is asked. `read` ({@link readTip} of the same text) is taken over,
 * not copied.
 */
export function understandTip(text: string, ctx: TimeContext, read?: ExtractedTip): ExtractedTip {
  const tip = read ?? extractTip(text, ctx);
  if (tip.location && !isUsablePlace(tip.location)) delete tip.location;
  if (tip.urgent === undefined && (tip.activity?.kind === 'surveillance' || tip.activity?.kind === 'patrol')) tip.urgent = false;
  return tip;
}

/**
 * When a message corrects the previous answer ("no espera, 4", "sorry, 5 agents", "I mean
 * Soto and 4th"), the corrected words without the opening; else undefined.
 */
export function correctionOf(text: string): string | undefined {
  return correctionAnswer(text);
}
