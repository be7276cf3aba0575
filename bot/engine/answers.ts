/**
 * Understanding one answer to one step. Returns the new field value, or undefined when the answer
 * does not fit (the engine then re-prompts with an example).
 */
import type { AnswerKind, FlowStep } from '../flows/flow.js';
import type { GeoPoint } from '../messages.js';
import {
  VOCABULARIES,
  normalize,
  parseActivity,
  parseEquipment,
  parseLocation,
  parseSize,
  parseTime,
  parseUniform,
  parseYesNo,
} from '../parse/index.js';
import type { Lang, TimeContext } from '../parse/types.js';
import type { Draft } from './types.js';

type Patch = Partial<Omit<Draft, 'skipped' | 'media' | 'description'>>;

/** Words that mean "I don't know" in either language: accepted as an answer to optional counts. */
const DONT_KNOW = new Set([
  'no se',
  'no lo se',
  'nose',
  'ni idea',
  'dont know',
  "don't know",
  'i dont know',
  "i don't know",
  'not sure',
  'unknown',
  'idk',
]);

export function isDontKnow(text: string): boolean {
  return DONT_KNOW.has(
    normalize(text)
      .replace(/[.!?¿¡]+/g, '')
      .trim(),
  );
}

/** Has at least one letter or digit: "???" or "." is not an answer to anything. */
function hasContent(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

export interface AnswerInput {
  text: string;
  location?: GeoPoint;
}

export function readAnswer(step: FlowStep, input: AnswerInput, ctx: TimeContext): Patch | undefined {
  const text = input.text.trim();
  switch (step.answer) {
    case 'yesno': {
      const value = parseYesNo(text, { numbered: true });
      return value === undefined ? undefined : { [step.id]: { value, text } };
    }
    case 'location': {
      if (input.location) {
        const extra = text && hasContent(text) ? parseLocation(text) : undefined;
        return { location: { ...extra, point: input.location } };
      }
      if (!hasContent(text) || text.length < 2) return undefined;
      const location = parseLocation(text);
      return location ? { location } : undefined;
    }
    case 'time': {
      // The "right now" choice (button or its number) keeps no text: the time says it all.
      if (text === '1') return { time: { text: '', at: ctx.now } };
      if (choiceIsNow(text)) return { time: { text, at: ctx.now } };
      const time = parseTime(text, ctx);
      return time ? { time } : undefined;
    }
    case 'size': {
      const size = parseSize(text);
      if (size) return { size };
      if (isDontKnow(text)) return { size: { text } };
      return undefined;
    }
    case 'activity':
      return freeText(text, parseActivity, 'activity');
    case 'uniform':
      return freeText(text, parseUniform, 'uniform');
    case 'equipment':
      return freeText(text, parseEquipment, 'equipment');
    case 'media':
      return undefined; // media answers are handled by the engine (attachments, SKIP, DONE)
  }
}

function freeText<K extends 'activity' | 'uniform' | 'equipment'>(
  text: string,
  parse: (t: string) => Draft[K] | undefined,
  key: K,
): Patch | undefined {
  if (!hasContent(text)) return undefined;
  const value = parse(text);
  return value ? { [key]: value } : undefined;
}

function choiceIsNow(text: string): boolean {
  return ['now', 'right now', 'ahora', 'ahorita', 'ahora mismo'].includes(normalize(text));
}

/** What three wrong answers keep: the tipster's words, unparsed. */
export function rawAnswer(step: FlowStep, text: string): Patch {
  const raw = text.trim().slice(0, 500);
  switch (step.answer) {
    case 'yesno':
      return { [step.id]: { text: raw } };
    case 'location':
      return { location: { text: raw } };
    case 'time':
      return { time: { text: raw } };
    case 'size':
      return { size: { text: raw } };
    case 'activity':
      return { activity: { text: raw } };
    case 'uniform':
      return { uniform: { text: raw, markings: [] } };
    case 'equipment':
      return { equipment: { text: raw, plates: [] } };
    case 'media':
      return {};
  }
}

/** Whether `text` picks one of the step's numbered choices (or is a yes/no for a yes/no step). */
export function isChoiceAnswer(step: FlowStep | undefined, text: string): boolean {
  if (!step) return false;
  const t = normalize(text);
  if (step.choices?.some((c) => c.value === t)) return true;
  return step.answer === 'yesno' && parseYesNo(text) !== undefined;
}

/** Language menu answers: a number from the menu, a code, or the language's name (its own, English, Spanish...). */
export function readLanguage(text: string, languages: Lang[]): Lang | undefined {
  const t = normalize(text).replace(/[.!]+$/, '');
  const n = Number.parseInt(t, 10);
  if (String(n) === t && n >= 1 && n <= languages.length) return languages[n - 1];
  return languages.find((l) => l === t || VOCABULARIES[l].names.includes(t));
}

export type { AnswerKind };
