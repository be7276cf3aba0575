/**
 * From a tipster's words to a place: finds the names in them (streets, places, neighbourhoods,
 * ZIPs; spelled any way), then, in order, two streets that meet, a place by a street or in a
 * neighbourhood, a street in a neighbourhood, a neighbourhood or ZIP alone, a short street
 * alone. A corner found in several spots far apart is a choice of two or three, or nothing when
 * there are more.
 */
import type { IndexView as Gazetteer, NameHit, Street } from './index-view.js';
import { centroid, metersBetween, spread } from './geometry.js';
import { ARTICLES, canonicalWord, fold, keyOfWords, plainKeyOfWords, shortName, STREET_TYPES } from './names.js';
import type { AreaRow, LookupMode, PlaceMatch, PlaceRow, ResolvedPlace } from './types.js';

/** Words that join or surround names and are never part of one. */
const BOUNDARY = new Set(
  (
    'y and & con esquina corner at en in on of por cerca near frente afuera adentro junto by de with from entre between ' +
    'a to sobre para que hay esta estan is are was were there aqui here alli over around area zona barrio neighborhood ' +
    'neighbourhood cruce cross crossing calles streets block cuadra frente front inside outside dentro fuera parking ' +
    'estacionamiento lot'
  ).split(' '),
);
const NUMBER_LEAD = new Set(['calle', 'la', 'street', 'avenida', 'avenue', 'av', 'ave', 'st']);
const ZIP = /^\d{5}$/;
const MAX_WORDS = 80;
const MAX_SPAN = 4;
/** Corners of the same two streets closer than this are one corner (a divided road, a wide junction). */
const SAME_CORNER_M = 200;
/** How close a business must be to the street it is named with. */
const NEAR_STREET_M = 400;
/** A street named alone is a place only when it is this short. */
const SHORT_STREET_M = 1500;

interface Hit extends NameHit {
  start: number;
  end: number;
  /** Said right after a place preposition ("en la Wabash", "on Soto"): meant as a place. */
  led: boolean;
}

const PLACE_PREPOSITIONS = new Set('en por on at in sobre'.split(' '));

export function resolvePlace(g: Gazetteer, text: string, mode: LookupMode = 'answer'): PlaceMatch {
  const hits = findNames(g, text);
  if (hits.length === 0) return { kind: 'none' };
  const areas = hits.filter((h) => h.entry.areas.length > 0);
  return (
    corner(g, hits, areas) ??
    placeBy(g, hits, areas) ??
    streetInArea(g, hits, areas) ??
    areaAlone(g, areas) ??
    shortStreet(g, mode === 'answer' ? hits : hits.filter((h) => h.led)) ?? { kind: 'none' }
  );
}

/** Every span of up to four words that names something, with the best matches first. */
function findNames(g: Gazetteer, text: string): Hit[] {
  const raw = fold(text).split(' ').filter(Boolean).slice(0, MAX_WORDS);
  const words = raw.map(canonicalWord);
  const bare = (i: number) => /^\d+$/.test(raw[i]!) && !ZIP.test(raw[i]!);
  // "calle 8", "8 street": a street number; "Food 4 Less": a number inside a name
  const streetNumber = (i: number) => NUMBER_LEAD.has(raw[i - 1] ?? '') || STREET_TYPES.has(raw[i + 1] ?? '');
  const word = (w: string | undefined) => w !== undefined && /^\p{L}/u.test(w) && !BOUNDARY.has(w);
  const usable = raw.map((w, i) => {
    if (BOUNDARY.has(w)) return false;
    if (w === 'e') return !/^h?i/.test(raw[i + 1] ?? ''); // "Soto e Indiana", but "Cesar E Chavez"
    if (bare(i)) return streetNumber(i) || (word(raw[i - 1]) && word(raw[i + 1]));
    return true;
  });
  const hits: Hit[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!usable[i]) continue;
    for (let len = 1; len <= MAX_SPAN && i + len <= words.length; len++) {
      if (!usable[i + len - 1]) break;
      const last = i + len - 1;
      if ((bare(i) && !streetNumber(i)) || (bare(last) && !streetNumber(last))) continue;
      const span = words.slice(i, i + len);
      if (len > 1 && ARTICLES.has(span[0]!)) continue; // "la Soto" is found as "Soto"
      const bonus = 1 + 0.3 * (len - 1);
      const before = ARTICLES.has(raw[i - 1] ?? '') ? raw[i - 2] : raw[i - 1];
      const led = PLACE_PREPOSITIONS.has(before ?? '');
      const seen = new Set<string>();
      for (const key of new Set([keyOfWords(span), plainKeyOfWords(span)])) {
        if (key.length < 3 && !/^\d+$/.test(key)) continue;
        for (const h of g.namesLike(key)) {
          if (seen.has(h.key)) continue;
          seen.add(h.key);
          hits.push({ ...h, score: h.score * bonus, start: i, end: i + len, led });
        }
      }
    }
  }
  return hits.sort((a, b) => b.score - a.score);
}

function overlaps(a: Hit, b: Hit): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Two streets that meet: the best-scoring pair with corners, narrowed by a neighbourhood when one is named. */
function corner(g: Gazetteer, hits: Hit[], areas: Hit[]): PlaceMatch | undefined {
  const streets = hits.filter((h) => h.entry.street);
  let best: { a: Hit; b: Hit; score: number; corners: { lat: number; lng: number }[] } | undefined;
  for (let i = 0; i < streets.length; i++) {
    for (let j = i + 1; j < streets.length; j++) {
      const a = streets[i]!;
      const b = streets[j]!;
      if (a.key === b.key || overlaps(a, b)) continue;
      const score = a.score + b.score;
      if (best && score <= best.score) continue;
      const corners = g.cornersOf(a.key, b.key);
      if (corners.length > 0) best = a.start < b.start ? { a, b, score, corners } : { a: b, b: a, score, corners };
    }
  }
  if (!best) return undefined;
  const { a, b } = best;
  let clusters = cluster(best.corners);
  const area = areas.find((h) => !overlaps(h, a) && !overlaps(h, b));
  if (area && clusters.length > 1) {
    const inside = clusters.filter((c) => area.entry.areas.some((i) => g.inArea(g.areas[i]!, c.lat, c.lng)));
    if (inside.length > 0) clusters = inside;
  }
  const label = `${shortName(a.entry.street!.label)} & ${shortName(b.entry.street!.label)}`;
  return choice(
    g,
    clusters.map((c) => ({ label, lat: c.lat, lng: c.lng, radiusMeters: c.radius })),
  );
}

/** Groups corners closer than SAME_CORNER_M; each group's centre and how far it spreads (at least 40 m). */
function cluster(points: { lat: number; lng: number }[]): { lat: number; lng: number; radius: number }[] {
  const groups: { lat: number; lng: number }[][] = [];
  for (const p of points) {
    const g = groups.find((grp) => metersBetween(grp[0]!.lat, grp[0]!.lng, p.lat, p.lng) <= SAME_CORNER_M);
    if (g) g.push(p);
    else groups.push([p]);
  }
  return groups.map((grp) => {
    const flat = grp.flatMap((p) => [p.lat, p.lng]);
    const c = centroid(flat);
    return { ...c, radius: Math.max(40, Math.round(spread(c.lat, c.lng, flat) + 20)) };
  });
}

/** A business or landmark, by the street it is on or the neighbourhood it is in ("el Walmart de la Cesar Chavez"). */
function placeBy(g: Gazetteer, hits: Hit[], areas: Hit[]): PlaceMatch | undefined {
  const named = hits.filter((h) => h.entry.places.length > 0);
  for (const p of named) {
    let rows = p.entry.places.map((i) => g.places[i]!);
    let by = '';
    const street = hits.find((h) => h.entry.street && !overlaps(h, p) && h.key !== p.key);
    const near = street ? rows.filter((r) => g.streetNear(street.entry.street!, r.lat, r.lng, NEAR_STREET_M)) : [];
    if (near.length > 0) {
      rows = near;
      by = shortName(street!.entry.street!.label);
    } else {
      const area = areas.find((h) => !overlaps(h, p));
      const inside = area ? rows.filter((r) => area.entry.areas.some((i) => g.inArea(g.areas[i]!, r.lat, r.lng))) : [];
      if (inside.length > 0) rows = inside;
    }
    const options = dedupe(rows).map((r) => ({ label: placeLabel(r, by), lat: r.lat, lng: r.lng, radiusMeters: 75 }));
    const match = choice(g, options);
    if (match.kind !== 'none') return match;
  }
  return undefined;
}

function placeLabel(r: PlaceRow, street: string): string {
  return street ? `${r.name} (${street})` : r.name;
}

/** Places of one name closer than SAME_CORNER_M are one (a store and its parking lot). */
function dedupe(rows: PlaceRow[]): PlaceRow[] {
  const out: PlaceRow[] = [];
  for (const r of rows) if (!out.some((o) => metersBetween(o.lat, o.lng, r.lat, r.lng) <= SAME_CORNER_M)) out.push(r);
  return out;
}

/** A street in a neighbourhood or ZIP: the middle of the part of the street inside it. */
function streetInArea(g: Gazetteer, hits: Hit[], areas: Hit[]): PlaceMatch | undefined {
  for (const s of hits) {
    const street = s.entry.street;
    if (!street) continue;
    for (const a of areas) {
      if (overlaps(a, s)) continue;
      for (const i of a.entry.areas) {
        const area = g.areas[i]!;
        const inside = pointsIn(g, street, area);
        if (inside.length === 0) continue;
        const c = centroid(inside);
        const radius = Math.max(150, Math.round(spread(c.lat, c.lng, inside)));
        return found(g, { label: `${shortName(street.label)}, ${area.name}`, lat: c.lat, lng: c.lng, radiusMeters: radius });
      }
    }
  }
  return undefined;
}

function pointsIn(g: Gazetteer, street: Street, area: AreaRow): number[] {
  const out: number[] = [];
  const p = street.points;
  for (let i = 0; i < p.length; i += 2) {
    if (metersBetween(area.lat, area.lng, p[i]!, p[i + 1]!) > area.radiusMeters) continue;
    if (g.inArea(area, p[i]!, p[i + 1]!)) out.push(p[i]!, p[i + 1]!);
  }
  return out;
}

/** A neighbourhood or ZIP named alone: its centre, as uncertain as it is large. */
function areaAlone(g: Gazetteer, areas: Hit[]): PlaceMatch | undefined {
  const a = areas[0];
  if (!a) return undefined;
  // One place under several names (a map suburb and a zone alias): the smallest one stands for the others.
  const rows = a.entry.areas.map((i) => g.areas[i]!).sort((x, y) => x.radiusMeters - y.radiusMeters);
  const distinct = rows.filter((r, i) => !rows.slice(0, i).some((s) => metersBetween(s.lat, s.lng, r.lat, r.lng) <= r.radiusMeters));
  const options = distinct.map((r) => ({ label: r.name, lat: r.lat, lng: r.lng, radiusMeters: r.radiusMeters }));
  const match = choice(g, options, false);
  return match.kind === 'none' ? undefined : match;
}

/**
 * A street named alone, when it is short enough that a responder would find it, or lies whole
 * in one neighbourhood (then the neighbourhood is what is known, and the radius says so).
 */
function shortStreet(g: Gazetteer, hits: Hit[]): PlaceMatch | undefined {
  const s = hits.find((h) => h.entry.street && h.score >= 0.85);
  const street = s?.entry.street;
  if (!street) return undefined;
  const c = centroid(street.points);
  const extent = spread(c.lat, c.lng, street.points);
  const label = shortName(street.label);
  if (extent <= SHORT_STREET_M / 2) return found(g, { label, lat: c.lat, lng: c.lng, radiusMeters: Math.max(100, Math.round(extent)) });
  const area = g.areaAt(c.lat, c.lng);
  const within = area && g.areas.some((a) => a.name === area && a.ring && pointsIn(g, street, a).length === street.points.length);
  return within ? found(g, { label: `${label}, ${area}`, lat: c.lat, lng: c.lng, radiusMeters: Math.round(extent) }) : undefined;
}

function found(g: Gazetteer, p: ResolvedPlace): PlaceMatch {
  return { kind: 'found', place: withArea(g, p) };
}

/** One option: found; two or three: a choice; none or more than three: nothing (ask for the neighbourhood). */
function choice(g: Gazetteer, options: ResolvedPlace[], named = true): PlaceMatch {
  if (options.length === 1) return found(g, options[0]!);
  if (options.length < 2 || options.length > 3) return { kind: 'none' };
  return { kind: 'choose', options: options.map((o) => (named ? withArea(g, o) : o)) };
}

function withArea(g: Gazetteer, p: ResolvedPlace): ResolvedPlace {
  const area = g.areaAt(p.lat, p.lng);
  return {
    label: p.label,
    lat: Math.round(p.lat * 1e5) / 1e5,
    lng: Math.round(p.lng * 1e5) / 1e5,
    radiusMeters: p.radiusMeters,
    ...(area && !p.label.endsWith(area) ? { area } : {}),
  };
}
