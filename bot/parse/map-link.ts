import type { GeoPoint } from '../messages.js';

/** Where a point was found in the text, so callers can cut it out. */
export interface MapPointMatch {
  point: GeoPoint;
  start: number;
  end: number;
  /** 'url' when it came from a link or geo: URI (cut the whole link), 'coords' for a typed pair. */
  kind: 'url' | 'coords';
}

// Numbers: bounded digit runs only, so no pattern can backtrack badly on long input.
const NUM = '([-+]?\\d{1,3}(?:\\.\\d{1,15})?)';
const DEC_LAT = '([-+]?\\d{1,2}\\.\\d{3,15})';
const DEC_LNG = '([-+]?\\d{1,3}\\.\\d{3,15})';
const SEP = '(?:\\s|,|%2c|%20|\\+|~){1,6}';
const DEC = '([-+]?\\d{1,3}\\.\\d{2,15})';

const URL_PATTERNS: Array<{ re: RegExp; lat: number; lng: number }> = [
  // Google place data: the pin itself ("!3d34.05!4d-118.21"), better than the viewport "@"
  { re: new RegExp(`!3d${NUM}!4d${NUM}`, 'gi'), lat: 1, lng: 2 },
  // OpenStreetMap marker: "?mlat=34.05&mlon=-118.21" (either order)
  { re: new RegExp(`[?&;]mlat=${NUM}&(?:amp;)?mlon=${NUM}`, 'gi'), lat: 1, lng: 2 },
  { re: new RegExp(`[?&;]mlon=${NUM}&(?:amp;)?mlat=${NUM}`, 'gi'), lat: 2, lng: 1 },
  // Query parameters: Google q/query/ll/center/destination, Apple ll/q/sll/daddr, Bing cp
  {
    re: new RegExp(
      `[?&;](?:q|query|ll|sll|center|daddr|saddr|destination|origin|cp|coordinates|point|location)=(?:loc:)?\\s{0,3}${NUM}${SEP}${NUM}(?![\\d.])`,
      'gi'
    ),
    lat: 1,
    lng: 2,
  },
  // Google viewport: ".../@34.05,-118.21,17z"
  { re: new RegExp(`@${NUM},${NUM}(?![\\d.])`, 'gi'), lat: 1, lng: 2 },
  // OpenStreetMap viewport: "#map=17/34.05/-118.21"
  { re: new RegExp(`#map=\\d{1,2}/${NUM}/${NUM}(?![\\d.])`, 'gi'), lat: 1, lng: 2 },
  // Path coordinates: "google.com/maps/search/34.05,+-118.21", "/dir//34.05,-118.21"
  { re: new RegExp(`/${DEC}${SEP}${DEC}(?![\\d.])`, 'gi'), lat: 1, lng: 2 },
];

const GEO_URI = new RegExp(`\\bgeo:${NUM},${NUM}(?:,[-+]?\\d{1,6}(?:\\.\\d{1,6})?)?([;?][^\\s]{0,300})?`, 'gi');
const BARE = new RegExp(`(?<![\\d.\\w])${DEC_LAT}\\s{0,3}[,;/ ]\\s{0,3}\\+?${DEC_LNG}(?![\\d.])`, 'g');
const HEMI = /(?<![\d.])(\d{1,2}(?:\.\d{1,15})?)\s{0,2}°?\s{0,2}([NS])\s{0,3}[,;]?\s{0,3}(\d{1,3}(?:\.\d{1,15})?)\s{0,2}°?\s{0,2}([EW])\b/gi;
const DMS =
  /(\d{1,2})\s{0,2}°\s{0,2}(\d{1,2})\s{0,2}['′]\s{0,2}(\d{1,2}(?:\.\d{1,6})?)\s{0,2}(?:"|″|'')?\s{0,2}([NS])\s{0,3},?\s{0,3}(\d{1,3})\s{0,2}°\s{0,2}(\d{1,2})\s{0,2}['′]\s{0,2}(\d{1,2}(?:\.\d{1,6})?)\s{0,2}(?:"|″|'')?\s{0,2}([EW])/gi;

function valid(lat: number, lng: number): GeoPoint | undefined {
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return undefined;
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined;
  if (lat === 0 && lng === 0) return undefined; // "geo:0,0" means "no coordinates"
  return { lat, lng };
}

/** Start/end of the whitespace-delimited token around [start, end). */
function tokenSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s > 0 && !/\s/.test(text[s - 1]!)) s--;
  while (e < text.length && !/\s/.test(text[e]!)) e++;
  return [s, e];
}

/** Finds the first usable point in `text` and where it is. See `parseMapLink`. */
export function findMapPoint(text: string): MapPointMatch | undefined {
  if (!text) return undefined;
  const src = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const hasLink = /https?:\/\/|www\.|maps\.|openstreetmap|osm\.org|geo:/i.test(src);
  if (/geo:/i.test(src)) {
    for (const m of src.matchAll(GEO_URI)) {
      let point = valid(Number(m[1]), Number(m[2]));
      if (!point && m[3]) {
        // "geo:0,0?q=34.05,-118.21(Label)"
        const q = new RegExp(`[?&]q=${NUM}${SEP}${NUM}`, 'i').exec(m[3]);
        if (q) point = valid(Number(q[1]), Number(q[2]));
      }
      if (point) {
        const [s, e] = tokenSpan(src, m.index, m.index + m[0].length);
        return { point, start: s, end: e, kind: 'url' };
      }
    }
  }
  if (hasLink) {
    for (const { re, lat, lng } of URL_PATTERNS) {
      for (const m of src.matchAll(re)) {
        const point = valid(Number(m[lat]), Number(m[lng]));
        if (point) {
          const [s, e] = tokenSpan(src, m.index, m.index + m[0].length);
          return { point, start: s, end: e, kind: 'url' };
        }
      }
    }
  }
  for (const m of src.matchAll(DMS)) {
    const lat = (Number(m[1]) + Number(m[2]) / 60 + Number(m[3]) / 3600) * (/s/i.test(m[4]!) ? -1 : 1);
    const lng = (Number(m[5]) + Number(m[6]) / 60 + Number(m[7]) / 3600) * (/w/i.test(m[8]!) ? -1 : 1);
    const point = valid(round(lat), round(lng));
    if (point) return { point, start: m.index, end: m.index + m[0].length, kind: 'coords' };
  }
  for (const m of src.matchAll(HEMI)) {
    if (!m[0].includes('°') && !(m[1]!.includes('.') && m[3]!.includes('.'))) continue;
    const lat = Number(m[1]) * (/s/i.test(m[2]!) ? -1 : 1);
    const lng = Number(m[3]) * (/w/i.test(m[4]!) ? -1 : 1);
    const point = valid(lat, lng);
    if (point) return { point, start: m.index, end: m.index + m[0].length, kind: 'coords' };
  }
  for (const m of src.matchAll(BARE)) {
    const point = valid(Number(m[1]), Number(m[2]));
    if (point) {
      // A pair inside a link (short link, unknown site) belongs to the link
      const [s, e] = tokenSpan(src, m.index, m.index + m[0].length);
      const token = src.slice(s, e);
      const inUrl = /^(?:https?:\/\/|www\.)/i.test(token) || /\.[a-z]{2,}\//i.test(token);
      return inUrl ? { point, start: s, end: e, kind: 'url' } : { point, start: m.index, end: m.index + m[0].length, kind: 'coords' };
    }
  }
  return undefined;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * Coordinates from a map link or geo URI pasted as text (never fetched): Google Maps
 * ("/@lat,lng,17z", "?q=", "&ll=", "query=", "/place/.../data=!3d..!4d.."), Apple Maps
 * ("?ll=", "&q=", "sll="), OpenStreetMap ("#map=17/lat/lng", "?mlat=&mlon="), "geo:lat,lng"
 * (";u=" / "?q=" allowed) and typed pairs ("34.0522, -118.2437", "34.05° N, 118.24° W").
 * Latitude must be within ±90 and longitude within ±180. Short links (maps.app.goo.gl/…)
 * carry no coordinates, so they give undefined.
 */
export function parseMapLink(text: string): GeoPoint | undefined {
  return findMapPoint(text)?.point;
}

/** True for a token that is a link (http, www., a map host, geo:). */
export function isLinkToken(token: string): boolean {
  return (
    /^(?:https?:\/\/|www\.|geo:)/i.test(token) ||
    /^(?:[a-z0-9-]{1,63}\.){1,5}(?:com|org|net|gl|app|ly|co|me|io|maps)(?:\/|$)/i.test(token) ||
    /^(?:maps\.app\.goo\.gl|goo\.gl|maps\.apple\.com|maps\.google\.|google\.[a-z.]+\/maps|openstreetmap\.org|osm\.org)/i.test(token)
  );
}
