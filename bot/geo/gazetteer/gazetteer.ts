/**
 * The lookup index built from imported map data (and the config's own places): names by key, by
 * sound and by one-letter typos, the corners of every pair of streets, and a point index of the
 * streets' geometry. Built once at start-up; read-only afterwards, so the engine can be handed it
 * like the clock.
 */
import { distance as levenshtein } from 'fastest-levenshtein';
import KDBush from 'kdbush';
import { inRing, metersBetween, metersToDegrees } from './geometry.js';
import { nameKey, plainKey, shortPlaceKey, soundKey } from './names.js';
import type { Corner, IndexView, NameEntry, NameHit, Street } from './index-view.js';
import { resolvePlace } from './resolve.js';
import type { AreaRow, GazetteerData, LookupMode, PlaceFinder, PlaceMatch, PlaceRow } from './types.js';

const FUZZY_MIN = 5;

export class Gazetteer implements PlaceFinder, IndexView {
  readonly names = new Map<string, NameEntry>();
  readonly places: PlaceRow[];
  readonly areas: AreaRow[];
  readonly counts: { streets: number; intersections: number; places: number; areas: number };
  private readonly corners = new Map<string, Corner[]>();
  private readonly sounds = new Map<string, string[]>();
  private readonly deletions = new Map<string, string[]>();
  private readonly pointIndex: KDBush | undefined;
  private readonly pointStreet: Street[] = [];
  private readonly xScale: number;

  /** `extra`: the network's own places and areas (the config's places, its zones by name and alias). */
  constructor(data: GazetteerData, extra: { places?: readonly PlaceRow[]; areas?: readonly AreaRow[] } = {}) {
    this.places = [...data.places, ...(extra.places ?? [])];
    this.areas = [...data.areas, ...(extra.areas ?? [])];
    this.counts = {
      streets: data.streets.length,
      intersections: data.intersections.length,
      places: this.places.length,
      areas: this.areas.length,
    };
    const streets = this.buildStreets(data);
    this.places.forEach((p, i) => {
      const keys = new Set<string>();
      for (const n of [p.name, p.brand, ...(p.aliases ?? [])]) if (n) keys.add(plainKey(n)).add(shortPlaceKey(n));
      for (const k of keys) this.entry(k)?.places.push(i);
    });
    this.areas.forEach((a, i) => this.entry(plainKey(a.name))?.areas.push(i));
    const keys = new Map<string, string>(); // one key per spelling: a county has far fewer names than corners
    const keyOf = (name: string) => {
      let k = keys.get(name);
      if (k === undefined) keys.set(name, (k = nameKey(name)));
      return k;
    };
    for (const c of data.intersections) {
      const id = pairId(keyOf(c.a), keyOf(c.b));
      const list = this.corners.get(id);
      if (list) list.push({ lat: c.lat, lng: c.lng });
      else this.corners.set(id, [{ lat: c.lat, lng: c.lng }]);
    }
    for (const key of this.names.keys()) {
      push(this.sounds, soundKey(key), key);
      if (key.length >= FUZZY_MIN) for (const d of deletionsOf(key)) push(this.deletions, d, key);
    }
    let total = 0;
    let latSum = 0;
    for (const s of streets) {
      total += s.points.length / 2;
      for (let i = 0; i < s.points.length; i += 2) latSum += s.points[i]!;
    }
    this.xScale = total > 0 ? Math.cos(((latSum / total) * Math.PI) / 180) : 1;
    if (total > 0) {
      const index = new KDBush(total);
      for (const s of streets) {
        for (let i = 0; i < s.points.length; i += 2) {
          index.add(s.points[i + 1]! * this.xScale, s.points[i]!);
          this.pointStreet.push(s);
        }
      }
      index.finish();
      this.pointIndex = index;
    }
  }

  /** What the tipster's words name, as a point with its uncertainty, a choice, or nothing. */
  lookup(text: string, mode: LookupMode = 'answer'): PlaceMatch {
    return resolvePlace(this, text, mode);
  }

  /** The names a written key may stand for: itself, names that sound the same, names one or two typos away. */
  namesLike(key: string): NameHit[] {
    const hits: NameHit[] = [];
    const exact = this.names.get(key);
    if (exact) hits.push({ key, entry: exact, score: 1 });
    const sound = soundKey(key);
    if (sound.replace(/ /g, '').length >= 3) {
      for (const k of this.sounds.get(sound) ?? []) if (k !== key) hits.push({ key: k, entry: this.names.get(k)!, score: 0.85 });
    }
    if (key.length >= FUZZY_MIN && !/^\d+$/.test(key)) {
      const max = key.length >= 9 ? 2 : 1;
      const seen = new Set(hits.map((h) => h.key));
      const consider = (k: string) => {
        if (seen.has(k)) return;
        seen.add(k);
        if (editDistance(key, k, max) <= max) hits.push({ key: k, entry: this.names.get(k)!, score: 0.75 });
      };
      for (const k of this.deletions.get(key) ?? []) consider(k);
      for (const d of deletionsOf(key)) {
        if (this.names.has(d)) consider(d);
        for (const k of this.deletions.get(d) ?? []) consider(k);
      }
    }
    return hits;
  }

  /** The corners where the two streets meet. */
  cornersOf(a: string, b: string): Corner[] {
    return this.corners.get(pairId(a, b)) ?? [];
  }

  /** Whether a street passes within `meters` of the point. */
  streetNear(street: Street, lat: number, lng: number, meters: number): boolean {
    if (!this.pointIndex) return false;
    const [s, w, n, e] = street.box;
    const d = metersToDegrees(meters);
    const dx = d / this.xScale;
    if (lat < s - d || lat > n + d || lng < w - dx || lng > e + dx) return false;
    const ids = this.pointIndex.within(lng * this.xScale, lat, metersToDegrees(meters));
    return ids.some((id) => this.pointStreet[id] === street);
  }

  /** Whether the point lies in the area (its ring, or its radius when it has none). */
  inArea(area: AreaRow, lat: number, lng: number, slackMeters = 0): boolean {
    if (area.ring && slackMeters === 0) return inRing(lat, lng, area.ring);
    return metersBetween(area.lat, area.lng, lat, lng) <= area.radiusMeters + slackMeters;
  }

  /** The name of the neighbourhood the point lies in, when the map has one. */
  areaAt(lat: number, lng: number): string | undefined {
    let best: AreaRow | undefined;
    for (const a of this.areas) {
      if (a.kind !== 'neighbourhood' || metersBetween(a.lat, a.lng, lat, lng) > a.radiusMeters) continue;
      if (a.ring ? inRing(lat, lng, a.ring) : true) if (!best || a.radiusMeters < best.radiusMeters) best = a;
    }
    return best?.name;
  }

  private entry(key: string): NameEntry | undefined {
    if (!key) return undefined;
    let e = this.names.get(key);
    if (!e) {
      e = { places: [], areas: [] };
      this.names.set(key, e);
    }
    return e;
  }

  /** One Street per key, its points the union of every way of that name; its label the commonest spelling. */
  private buildStreets(data: GazetteerData): Street[] {
    const byKey = new Map<string, { labels: Map<string, number>; parts: number[][]; size: number }>();
    for (const row of data.streets) {
      const key = nameKey(row.name);
      if (!key) continue;
      let acc = byKey.get(key);
      if (!acc) {
        acc = { labels: new Map(), parts: [], size: 0 };
        byKey.set(key, acc);
      }
      acc.labels.set(row.name, (acc.labels.get(row.name) ?? 0) + 1);
      acc.parts.push(row.points);
      acc.size += row.points.length;
    }
    const out: Street[] = [];
    for (const [key, acc] of byKey) {
      const points = new Float64Array(acc.size);
      let at = 0;
      for (const p of acc.parts) {
        points.set(p, at);
        at += p.length;
      }
      const label = [...acc.labels].sort((x, y) => y[1] - x[1])[0]![0];
      const box: Street['box'] = [Infinity, Infinity, -Infinity, -Infinity];
      for (let i = 0; i < points.length; i += 2) {
        box[0] = Math.min(box[0], points[i]!);
        box[1] = Math.min(box[1], points[i + 1]!);
        box[2] = Math.max(box[2], points[i]!);
        box[3] = Math.max(box[3], points[i + 1]!);
      }
      const street = { key, label, points, box };
      this.entry(key)!.street = street;
      out.push(street);
    }
    return out;
  }
}

function pairId(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function deletionsOf(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Levenshtein distance, giving up (returning max + 1) once it must exceed `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  return levenshtein(a, b);
}
