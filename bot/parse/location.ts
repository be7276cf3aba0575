import { findMapPoint, isLinkToken } from './map-link.js';
import { clean, trimPunct } from './normalize.js';
import type { LocationField } from './types.js';
import { CONTACT_MARK, scrubContacts } from './contacts.js';
import { splitAtCorrection } from './corrections.js';
import { isUsableLocation } from './place.js';
import { findCrossStreets, findZip } from './streets.js';

const SPACE_RUNS = /(\s+)/;

/** Removes link tokens (and a typed coordinate pair) from the text, keeping the rest. */
function withoutMapText(src: string, match: { start: number; end: number; kind: 'url' | 'coords' }): string {
  const rest = src.slice(0, match.start) + ' ' + src.slice(match.end);
  let out = '';
  for (const piece of rest.split(SPACE_RUNS)) if (!isLinkToken(piece)) out += piece;
  return out;
}

const BLANKS = /[ \t]+/g;
const LINE_BREAK = /\s*\n\s*/g;

/**
 * A location answer, or undefined when it is not somewhere a responder could drive to (see
 * `locationProblem` for why: 'vague' for "aquí afuera", "my door", "la parada del bus";
 * 'phone' for a phone number). A correction wins: "en la 3rd, no perdón, en la 4th y Main" is
 * 4th y Main. Fills what it can: `point` from a map link or typed coordinates, `zip` (a 5-digit
 * US ZIP standing alone), `crossStreets` ("1st y Soto", "1st & Soto", "corner of X and Y",
 * "esquina de X y Y", "X con Y", "por la Whittier y la Atlantic", "Main St at 5th Ave").
 * `text` is the trimmed input with the map link and any phone number or e-mail removed
 * (undefined if nothing else is left). A link without coordinates (a short link like
 * maps.app.goo.gl/…) stays in `text` so a human can still open it.
 */
export function parseLocation(text: string): LocationField | undefined {
  const src = clean(text).trim();
  if (!src) return undefined;
  const corrected = splitAtCorrection(src);
  if (corrected && isUsableLocation(corrected.after)) return locationField(corrected.after);
  return isUsableLocation(src) ? locationField(src) : undefined;
}

function locationField(src: string): LocationField {
  const field: LocationField = {};
  const found = findMapPoint(src);
  let rest = src;
  if (found) {
    field.point = found.point;
    rest = withoutMapText(src, found);
  }
  rest = trimPunct(scrubContacts(rest).replaceAll(CONTACT_MARK, ' ').replace(BLANKS, ' ').replace(LINE_BREAK, '\n'));
  if (rest) {
    field.text = rest;
    const zip = findZip(rest);
    if (zip) field.zip = zip;
    const cross = findCrossStreets(rest, true);
    if (cross) field.crossStreets = cross;
  }
  return field;
}
