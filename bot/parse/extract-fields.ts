/**
 * Filling an ExtractedTip from the parts of a message that extract.ts found: uniform, equipment
 * and location words, the choice of the place where the agents are, links and phone numbers
 * blanked out before parsing, the SALUTE template read field by field, and the last passes over
 * the whole text (urgency, own door, contacts).
 */
import type { Span } from './clauses.js';
import { findPhones, scrubContacts } from './contacts.js';
import { findCounts } from './counts.js';
import { detentionNow } from './detention.js';
import { findMarkings, findPlates, parseActivity, parseEquipment, parseUniform, weaponsMention } from './fields.js';
import { parseLocation } from './location.js';
import { findCrossStreets, findZip } from './streets.js';
import { isLinkToken } from './map-link.js';
import { clean, fold, trimPunct } from './normalize.js';
import { atOwnDoor, isSelfClause, isUsableLocation } from './place.js';
import { parseSize } from './size.js';
import type { SaluteField } from './template.js';
import { parseTime } from './time.js';
import type { ExtractedTip, TimeContext } from './types.js';
import { wordSet } from './vocab/index.js';

const MAP_HOST =
  /^(?:https?:\/\/)?(?:[a-z0-9-]+\.){0,3}(?:goo\.gl|google\.[a-z.]{2,6}\/maps|maps\.google\.|maps\.apple\.com|openstreetmap\.org|osm\.org|waze\.com|bing\.com\/maps)/i;
const NON_SPACE_RUN = /\S+/g;
/** Simple prepositions dropped from the front of a location ("en 1st y Soto" → "1st y Soto"). */
const SIMPLE_PREP = wordSet((v) => v.pieces.droppedPrepositions);
const LEAD_CON = new RegExp(`^(?:${[...wordSet((v) => v.pieces.with)].join('|')})\\s+`, 'i');
const FIRST_WORD = /^(\S+)\s+/;

export function join(a: string | undefined, b: string): string {
  return a ? `${a}, ${b}` : b;
}

/**
 * `src` with every link token and phone number replaced by as many spaces (indexes stay
 * valid); map links are added to `mapLinks`. Only tokens with a "." or ":" can be links.
 */
export function blankLinksAndPhones(src: string, mapLinks: string[]): string {
  let out = src;
  if (src.includes('.') || src.includes(':')) {
    let built = '';
    let copied = 0;
    NON_SPACE_RUN.lastIndex = 0;
    for (let m = NON_SPACE_RUN.exec(src); m !== null; m = NON_SPACE_RUN.exec(src)) {
      const tok = m[0];
      if ((!tok.includes('.') && !tok.includes(':')) || !isLinkToken(tok)) continue;
      if (MAP_HOST.test(tok)) mapLinks.push(tok);
      built += src.slice(copied, m.index) + ' '.repeat(tok.length);
      copied = m.index + tok.length;
    }
    if (copied > 0) out = built + src.slice(copied);
  }
  for (const p of findPhones(out)) out = out.slice(0, p.start) + ' '.repeat(p.end - p.start) + out.slice(p.end);
  return out;
}

export function addUniform(tip: ExtractedTip, src: string, folded: string, p: Span & { markings?: string[] }): void {
  const words = trimPunct(src.slice(p.start, p.end)).replace(LEAD_CON, '');
  const uniform = tip.uniform ?? { text: '', markings: [] };
  uniform.text = join(uniform.text || undefined, words);
  for (const m of p.markings ?? findMarkings(folded.slice(p.start, p.end))) if (!uniform.markings.includes(m)) uniform.markings.push(m);
  tip.uniform = uniform;
}

export function addEquipment(tip: ExtractedTip, src: string, folded: string, p: Span): void {
  const words = trimPunct(src.slice(p.start, p.end));
  const eq = tip.equipment ?? { text: '', plates: [] };
  eq.text = join(eq.text || undefined, words);
  for (const plate of findPlates(words)) if (!eq.plates.includes(plate)) eq.plates.push(plate);
  const weapons = weaponsMention(folded.slice(p.start, p.end));
  if (weapons === true || (weapons === false && eq.weapons === undefined)) eq.weapons = weapons;
  tip.equipment = eq;
}

/** The words of a location piece, without a leading "en"/"at"/"@". */
function locationWords(src: string, span: Span): string {
  const words = trimPunct(src.slice(span.start, span.end));
  const lead = FIRST_WORD.exec(words);
  if (lead && SIMPLE_PREP.has(fold(lead[1]!))) return words.slice(lead[0].length);
  if (words.startsWith('@')) return words.slice(1).trim();
  return words;
}

/** Sets the tip's location from chosen words (already known to be usable). */
export function setLocation(tip: ExtractedTip, words: string): void {
  const loc = tip.location ?? {};
  loc.text = join(loc.text, words);
  if (!loc.zip) {
    const zip = findZip(words);
    if (zip) loc.zip = zip;
  }
  if (!loc.crossStreets) {
    const cross = findCrossStreets(words, true);
    if (cross) loc.crossStreets = cross;
  }
  tip.location = loc;
}

/**
 * A message in the SALUTE template, read field by field with each field's own parser. Vehicles
 * counted under E ("E - 2 black SUVs") join the size when S gave none.
 */
export function templateTip(fields: Partial<Record<SaluteField, string>>, whole: string, ctx: TimeContext): ExtractedTip {
  const tip: ExtractedTip = {};
  readField(tip, 'size', fields.size, parseSize);
  readField(tip, 'activity', fields.activity, parseActivity);
  readField(tip, 'location', fields.location, parseLocation);
  readField(tip, 'uniform', fields.uniform, parseUniform);
  readField(tip, 'time', fields.time, (text) => parseTime(text, ctx));
  readField(tip, 'equipment', fields.equipment, parseEquipment);
  if (fields.equipment) {
    const vehicles = findCounts(fold(clean(fields.equipment)), { allowBare: false }).vehicles;
    if (vehicles !== undefined && tip.size?.vehicles === undefined) tip.size = { ...(tip.size ?? { text: fields.equipment }), vehicles };
  }
  finish(tip, fold(clean(whole)));
  return tip;
}

/** Sets `key` from a template field's text read with its own parser, when the field is there and says something. */
function readField<K extends keyof ExtractedTip>(
  tip: ExtractedTip,
  key: K,
  text: string | undefined,
  parse: (text: string) => ExtractedTip[K] | undefined,
): void {
  if (!text) return;
  const value = parse(text);
  if (value !== undefined) tip[key] = value;
}

/** The passes over the whole message: urgency, own door, and no contact details left in any field. */
export function finish(tip: ExtractedTip, folded: string): void {
  const urgent = detentionNow(folded, tip.time?.bucket);
  if (urgent !== undefined) tip.urgent = urgent;
  else if (tip.activity?.kind === 'arrest' && tip.time?.bucket === 'now') tip.urgent = true;
  if (atOwnDoor(folded)) tip.atOwnDoor = true;
  for (const field of [tip.activity, tip.location, tip.time, tip.size, tip.uniform, tip.equipment]) {
    if (field?.text) field.text = scrubContacts(field.text);
  }
}

/** A place named in the message: the merged location pieces of one clause. */
export interface LocationCandidate extends Span {
  clause: number;
}

/**
 * The place where the agents are, among the location pieces: only places a responder could
 * drive to; one named after a correction ("no perdón, en la 4th") replaces those before it; a
 * place in a clause about the tipster's own movements ("I parked at...") counts only when there
 * is no other. Places that remain equal are kept together ("123 Main St, 90011").
 */
export function chooseLocation(
  src: string,
  folded: string,
  clauses: Span[],
  candidates: LocationCandidate[],
  corrections: number[],
): string | undefined {
  let best: { words: string[]; score: number } | undefined;
  let previousEnd = -1;
  for (const c of candidates) {
    const words = locationWords(src, c);
    const clause = clauses[c.clause]!;
    const corrected = corrections.some((at) => at > previousEnd && at <= c.start);
    previousEnd = c.end;
    if (!words || !isUsableLocation(words)) continue;
    const score = (corrected ? 10 : 0) - (isSelfClause(folded.slice(clause.start, clause.end)) ? 5 : 0);
    if (!best || score > best.score) best = { words: [words], score };
    else if (score === best.score) best.words.push(words);
  }
  return best?.words.join(', ');
}

/** Cross streets named inside a clause read as something else ("se llevaron a un muchacho de la tienda de la 1st y Boyle"). */
export function crossStreetsIn(tip: ExtractedTip, src: string, clauses: Span[]): void {
  for (const c of clauses) {
    const crossStreets = findCrossStreets(src.slice(c.start, c.end));
    if (crossStreets) {
      tip.location = { text: `${crossStreets[0]} & ${crossStreets[1]}`, crossStreets };
      return;
    }
  }
}

/** The words of the clauses that hold a count, for a size found across pieces of other fields. */
export function countedClauses(src: string, countText: string, clauses: Span[]): string {
  let text: string | undefined;
  for (const c of clauses) {
    const counts = findCounts(countText.slice(c.start, c.end), { allowBare: false });
    if (counts.agents !== undefined || counts.vehicles !== undefined) text = join(text, sliceOf(src, c));
  }
  return text ?? '';
}

/** The trimmed words of a part of the text. */
export function sliceOf(src: string, p: Span): string {
  return trimPunct(src.slice(p.start, p.end));
}
