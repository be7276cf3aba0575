/**
 * Pins are kept only as precise as a rapid response needs. A shared location is often the
 * tipster's own doorstep: at `privacy.pinDecimals` = 3 decimals (about 100 m) it still finds the
 * zone and the street, but no longer the house.
 *
 * The engine coarsens every message before it reads it, so nothing downstream ever holds more:
 * not the session, the report, the card, the alert, a relayed answer or the first message kept
 * whole. A map link or typed coordinates in the text are replaced by a `geo:` URI of the rounded
 * point (the parsers read it back as the same point). The whole link goes, since a map link can
 * carry the point several times over (pin, viewport, place data).
 */
import type { GeoPoint } from '../messages.js';
import { findMapPoint } from '../parse/map-link.js';

/** `value` rounded to `decimals` places. */
export function roundCoordinate(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // The `+ 0` turns -0 into 0.
  return Math.round(value * factor) / factor + 0;
}

/** The point rounded to `decimals` places. */
export function roundPoint(p: GeoPoint, decimals: number): GeoPoint {
  return { lat: roundCoordinate(p.lat, decimals), lng: roundCoordinate(p.lng, decimals) };
}

/** A `geo:` URI of the rounded point, with exactly `decimals` places (so it reads back as coordinates). */
export function geoUri(p: GeoPoint, decimals: number): string {
  const r = roundPoint(p, decimals);
  return `geo:${r.lat.toFixed(decimals)},${r.lng.toFixed(decimals)}`;
}

/** Private-use characters marking a replaced point while the rest of the text is searched; they hold no digits. */
const MARK = '\uE000';
const MARKS = new RegExp(`${MARK}([a-z]+)${MARK}`, 'g');
const STRAY_MARKS = new RegExp(MARK, 'g');
/** A text of at most MAX_TEXT characters cannot hold more points than this. */
const MAX_POINTS = 500;

/**
 * `text` with every map link and typed coordinate pair replaced by a `geo:` URI of the point
 * rounded to `decimals` places. Text without coordinates comes back unchanged.
 *
 * @example coarsenText('ICE at https://maps.google.com/?q=34.05224,-118.24368 now', 3)
 *   // 'ICE at geo:34.052,-118.244 now'
 */
export function coarsenText(text: string, decimals: number): string {
  if (!/\d/.test(text)) return text;
  let work = text.replace(STRAY_MARKS, '');
  const points: GeoPoint[] = [];
  // Each round replaces one match (the finder does not always return the leftmost) with a
  // digit-free marker, so every round removes digits and the loop ends.
  for (let found = findMapPoint(work); found && points.length < MAX_POINTS; found = findMapPoint(work)) {
    work = `${work.slice(0, found.start)}${MARK}${label(points.length)}${MARK}${work.slice(found.end)}`;
    points.push(found.point);
  }
  if (points.length === 0) return text;
  return work.replace(MARKS, (_, l: string) => geoUri(points[index(l)]!, decimals));
}

/** A number written with letters only (a, b, …, z, ba, …) so a marker holds no digit. */
function label(n: number): string {
  return n.toString(26).replace(/./g, (d) => String.fromCharCode(97 + Number.parseInt(d, 26)));
}

function index(l: string): number {
  return Number.parseInt(
    l.replace(/./g, (c) => (c.charCodeAt(0) - 97).toString(26)),
    26,
  );
}
