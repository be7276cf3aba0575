/**
 * While the team waits for an answer to /ask, a tipster may write about something else: a new
 * sighting at another corner. That message is still passed on as the answer, and it also starts
 * (or updates) a report of its own, so the verifiers see both.
 */
import { classifyMessage, extractTip, normalize } from '../parse/index.js';
import type { LocationField, TimeContext } from '../parse/types.js';

/**
 * Whether `text`, sent while a question about a report at `askedAbout` is open, reports a sighting
 * somewhere else: it reads as a report and names cross streets or a pin other than the report's.
 * @example isNewSighting('ahora hay 6 agentes en Cesar Chavez y Lorena', { crossStreets: ['1st', 'Soto'] }, ctx) // true
 */
export function isNewSighting(text: string, askedAbout: LocationField | undefined, ctx: TimeContext): boolean {
  if (classifyMessage(text) !== 'report') return false;
  const place = extractTip(text, ctx).location;
  if (!place?.crossStreets) return false;
  const asked = askedAbout?.crossStreets;
  if (!asked) return true;
  const key = (streets: [string, string]) =>
    streets
      .map((s) => normalize(s))
      .sort()
      .join('|');
  return key(place.crossStreets) !== key(asked);
}
