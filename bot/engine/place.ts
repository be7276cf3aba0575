/**
 * Where exactly, with the offline map: once a place is given in words, the gazetteer the host
 * passed in (`env.places`, read-only, like the clock) turns it into a point with its
 * uncertainty. When two or three places fit, the tipster gets one numbered question ("¿Cuál?
 * 1. ... 2. ..."); when none does, one question for the neighbourhood, a business nearby or the
 * ZIP. Either is asked once per report (see Turn.proceed), and any answer moves on. No map:
 * nothing changes.
 */
import { findZip } from '../parse/index.js';
import { isDontKnow } from './answers.js';
import { MAX_TEXT, placeLabel, type Turn } from './turn.js';
import type { LocationField } from '../parse/types.js';
import type { Part, Session } from './types.js';

const CHOICE = /^\s*(?:#|n[uú]mero|numero|number|opci[oó]n|option|la|el|the)?\s*([1-3])\s*[.)!]*\s*$/i;

/**
 * The answer to the place question. A number picks that option; other words are looked up with
 * the place already given ("Boyle Heights", "cerca del Walmart", "90033") and kept with it for
 * the verifiers; "no sé" or anything not found moves on without a point.
 */
export function answerPlace(t: Turn, s: Session, text: string): void {
  const options = s.placeOptions;
  s.placeOptions = undefined;
  const loc = s.draft.location;
  const lead: Part[] = [];
  const picked = options ? CHOICE.exec(text) : null;
  const chosen = picked ? options?.[Number(picked[1]) - 1] : undefined;
  if (loc && chosen) {
    s.draft.location = { ...loc, place: chosen };
  } else if (loc && text && !isDontKnow(text)) {
    const finder = t.env.places;
    const before = loc.text ?? '';
    const match = finder?.lookup(`${before} ${text}`);
    const alone = match?.kind === 'found' ? match : finder?.lookup(text);
    const place = match?.kind === 'found' ? match.place : alone?.kind === 'found' ? alone.place : undefined;
    const zip = loc.zip ?? findZip(text);
    const words = `${before}${before ? '; ' : ''}${text}`.slice(0, MAX_TEXT);
    s.draft.location = { ...loc, text: words, ...(zip ? { zip } : {}), ...(place ? { place } : {}) };
    s.placeLooked = s.draft.location.text;
  }
  const place = s.draft.location?.place;
  if (place) lead.push({ key: 'intake.place.noted', params: { place: placeLabel(place) } });
  s.lastAnswer = { step: 'place', at: t.at };
  t.proceed(s, lead);
}

/** SKIP (or BACK) at the place question: the place stays as the tipster gave it. */
export function leavePlace(t: Turn, s: Session): void {
  s.placeOptions = undefined;
  t.proceed(s);
}

/**
 * A first message whose words the parsers did not read as a place ("la pasific y florens en
 * hantinton park") but the map places surely: the location, as the map names it. Only a sure
 * match counts here; a choice would be a guess from words that may not be a place at all.
 */
export function placeFromMessage(t: Turn, text: string): LocationField | undefined {
  const match = t.env.places?.lookup(text, 'message');
  return match?.kind === 'found' ? { text: match.place.label, place: match.place } : undefined;
}

/**
 * An answer to "where?" that the parsers find too vague ("la pasific y florens") but the map
 * knows: taken as the place (a choice among two or three is asked next, by Turn.proceed).
 */
export function mapKnows(t: Turn, text: string): boolean {
  const match = t.env.places?.lookup(text);
  return match !== undefined && match.kind !== 'none';
}
