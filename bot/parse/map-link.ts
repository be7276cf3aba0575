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
      'gi',
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
const HEMI =
  /(?<![\d.])(\d{1,2}(?:\.\d{1,15})?)\s{0,2}°?\s{0,2}([NS])\s{0,3}[,;]?\s{0,3}(\d{1,3}(?:\.\d{1,15})?)\s{0,2}°?\s{0,2}([EW])\b/gi;
const DMS =
  /(\d{1,2})\s{0,2}°\s{0,2}(\d{1,2})\s{0,2}['′]\s{0,2}(\d{1,2}(?:\.\d{1,6})?)\s{0,2}(?:"|″|'')?\s{0,2}([NS])\s{0,3},?\s{0,3}(\d{1,3})\s{0,2}°\s{0,2}(\d{1,2})\s{0,2}['′]\s{0,2}(\d{1,2}(?:\.\d{1,6})?)\s{0,2}(?:"|″|'')?\s{0,2}([EW])/gi;

function valid(lat: number, lng: number): GeoPoint | undefined {
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return undefined;
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined;
  if (lat === 0 && lng === 0) return undefined; // "geo:0,0" means "no coordinates"
  return { lat, lng };
}

const SPACE = /\s/;

/** Start/end of the whitespace-delimited token around [start, end). */
function tokenSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s > 0 && !SPACE.test(text[s - 1]!)) s--;
  while (e < text.length && !SPACE.test(text[e]!)) e++;
  return [s, e];
}

const HAS_DIGIT = /\d/;
const DECIMAL = /\d\.\d/;
const LINK_HINT = /https?:\/\/|www\.|maps\.|openstreetmap|osm\.org|geo:/i;
const GEO = /geo:/i;
const GEO_Q = new RegExp(`[?&]q=${NUM}${SEP}${NUM}`, 'i');
const SOUTH = /s/i;
const WEST = /w/i;
const URL_START = /^(?:https?:\/\/|www\.)/i;
const URL_PATH = /\.[a-z]{2,}\//i;

type Reader = (m: RegExpExecArray, src: string, lat: number, lng: number) => MapPointMatch | undefined;

/** The first match of global `re` in `src` that `read` turns into a point (resets `re`). */
function firstMatch(re: RegExp, src: string, read: Reader, lat = 1, lng = 2): MapPointMatch | undefined {
  re.lastIndex = 0;
  for (let m = re.exec(src); m !== null; m = re.exec(src)) {
    const r = read(m, src, lat, lng);
    if (r !== undefined) {
      re.lastIndex = 0;
      return r;
    }
  }
  return undefined;
}

function readGeo(m: RegExpExecArray, src: string): MapPointMatch | undefined {
  let point = valid(Number(m[1]), Number(m[2]));
  if (!point && m[3]) {
    // "geo:0,0?q=34.05,-118.21(Label)"
    const q = GEO_Q.exec(m[3]);
    if (q) point = valid(Number(q[1]), Number(q[2]));
  }
  if (!point) return undefined;
  const [s, e] = tokenSpan(src, m.index, m.index + m[0].length);
  return { point, start: s, end: e, kind: 'url' };
}

function readUrl(m: RegExpExecArray, src: string, lat: number, lng: number): MapPointMatch | undefined {
  const point = valid(Number(m[lat]), Number(m[lng]));
  if (!point) return undefined;
  const [s, e] = tokenSpan(src, m.index, m.index + m[0].length);
  return { point, start: s, end: e, kind: 'url' };
}

function readDms(m: RegExpExecArray): MapPointMatch | undefined {
  const lat = (Number(m[1]) + Number(m[2]) / 60 + Number(m[3]) / 3600) * (SOUTH.test(m[4]!) ? -1 : 1);
  const lng = (Number(m[5]) + Number(m[6]) / 60 + Number(m[7]) / 3600) * (WEST.test(m[8]!) ? -1 : 1);
  const point = valid(round(lat), round(lng));
  return point ? { point, start: m.index, end: m.index + m[0].length, kind: 'coords' } : undefined;
}

function readHemi(m: RegExpExecArray): MapPointMatch | undefined {
  if (!m[0].includes('°') && !(m[1]!.includes('.') && m[3]!.includes('.'))) return undefined;
  const lat = Number(m[1]) * (SOUTH.test(m[2]!) ? -1 : 1);
  const lng = Number(m[3]) * (WEST.test(m[4]!) ? -1 : 1);
  const point = valid(lat, lng);
  return point ? { point, start: m.index, end: m.index + m[0].length, kind: 'coords' } : undefined;
}

function readBare(m: RegExpExecArray, src: string): MapPointMatch | undefined {
  const point = valid(Number(m[1]), Number(m[2]));
  if (!point) return undefined;
  // A pair inside a link (short link, unknown site) belongs to the link
  const [s, e] = tokenSpan(src, m.index, m.index + m[0].length);
  const token = src.slice(s, e);
  const inUrl = URL_START.test(token) || URL_PATH.test(token);
  return inUrl ? { point, start: s, end: e, kind: 'url' } : { point, start: m.index, end: m.index + m[0].length, kind: 'coords' };
}

/** Finds the first usable point in `text` and where it is. See `parseMapLink`. */
export function findMapPoint(text: string): MapPointMatch | undefined {
  if (!text) return undefined;
  const src = text.length > 20_000 ? text.slice(0, 20_000) : text;
  // Every pattern below needs digits
  if (!HAS_DIGIT.test(src)) return undefined;
  if (GEO.test(src)) {
    const found = firstMatch(GEO_URI, src, readGeo);
    if (found) return found;
  }
  if (LINK_HINT.test(src)) {
    for (const { re, lat, lng } of URL_PATTERNS) {
      const found = firstMatch(re, src, readUrl, lat, lng);
      if (found) return found;
    }
  }
  const hasDegree = src.includes('°');
  if (hasDegree) {
    const found = firstMatch(DMS, src, readDms);
    if (found) return found;
  }
  // A hemisphere pair needs a degree sign or two decimals; a bare pair needs decimals
  const hasDecimal = DECIMAL.test(src);
  if (hasDegree || hasDecimal) {
    const found = firstMatch(HEMI, src, readHemi);
    if (found) return found;
  }
  return hasDecimal ? firstMatch(BARE, src, readBare) : undefined;
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

const LINK_START = /^(?:https?:\/\/|www\.|geo:)/i;
const LINK_DOMAIN = /^(?:[a-z0-9-]{1,63}\.){1,5}(?:com|org|net|gl|app|ly|co|me|io|maps)(?:\/|$)/i;
const LINK_MAP_HOST = /^(?:maps\.app\.goo\.gl|goo\.gl|maps\.apple\.com|maps\.google\.|google\.[a-z.]+\/maps|openstreetmap\.org|osm\.org)/i;

/** True for a token that is a link (http, www., a map host, geo:). */
export function isLinkToken(token: string): boolean {
  return LINK_START.test(token) || LINK_DOMAIN.test(token) || LINK_MAP_HOST.test(token);
}
