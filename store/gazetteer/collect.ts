/**
 * What an import keeps of a map, whatever its format: named streets with their points, the
 * corners where differently named streets share a point, named places (businesses, schools,
 * parks, churches: anything with a brand, shop, amenity, leisure, tourism... tag) and
 * neighbourhood/ZIP areas. The readers (PBF, XML, GeoJSON) feed it; `finish` returns the rows.
 */
import { centroid, spread } from '../../bot/geo/gazetteer/geometry.js';
import { nameKey } from '../../bot/geo/gazetteer/names.js';
import type { AreaRow, GazetteerData, IntersectionRow, PlaceRow, StreetRow } from '../../bot/geo/gazetteer/types.js';

export type Tags = Record<string, string>;

/** Roads people name in a tip; paths, service roads and sidewalks are left out. */
const STREET_HIGHWAYS = new Set(
  'motorway trunk primary secondary tertiary unclassified residential living_street pedestrian road motorway_link trunk_link primary_link secondary_link tertiary_link'.split(
    ' ',
  ),
);
const PLACE_KEYS = ['brand', 'shop', 'amenity', 'leisure', 'tourism', 'office', 'craft', 'healthcare', 'public_transport', 'railway'];
const AREA_PLACES: Record<string, number> = { neighbourhood: 800, quarter: 1000, suburb: 1500, hamlet: 1000, village: 1500, town: 3000 };

export function isStreet(tags: Tags): boolean {
  return tags.name !== undefined && tags.highway !== undefined && STREET_HIGHWAYS.has(tags.highway);
}

export function isPlace(tags: Tags): boolean {
  return tags.name !== undefined && PLACE_KEYS.some((k) => tags[k] !== undefined) && tags.highway === undefined;
}

/** A neighbourhood (place=neighbourhood/suburb/...) or a ZIP area (boundary=postal_code). */
export function areaKind(tags: Tags): AreaRow['kind'] | undefined {
  if (tags.boundary === 'postal_code' && (tags.postal_code ?? tags.name)) return 'postcode';
  if (tags.name !== undefined && tags.place !== undefined && tags.place in AREA_PLACES) return 'neighbourhood';
  return undefined;
}

/** Whether an element matters to the gazetteer at all (the PBF reader keeps only these ways' nodes). */
export function isWanted(tags: Tags): boolean {
  return isStreet(tags) || isPlace(tags) || areaKind(tags) !== undefined;
}

export class MapCollector {
  private readonly streets: StreetRow[] = [];
  private readonly places: PlaceRow[] = [];
  private readonly areas: AreaRow[] = [];
  /** Point id (a node id, or rounded coordinates) -> index of the first street through it, or all of them. */
  private readonly through = new Map<number | string, number | number[]>();
  private readonly corners = new Set<string>();
  private readonly intersections: IntersectionRow[] = [];
  private readonly keys: string[] = [];

  /** A way or line: a street, a place drawn as an outline, or an area. `ids` are node ids when known. */
  way(tags: Tags, points: number[], ids?: ArrayLike<number>): void {
    if (points.length < 2) return;
    if (isStreet(tags)) return this.street(tags.name!, points, ids);
    const closed = points.length >= 8 && points[0] === points[points.length - 2] && points[1] === points[points.length - 1];
    if (!closed) return;
    const kind = areaKind(tags);
    if (kind) return this.area(tags, kind, points);
    if (isPlace(tags)) {
      const c = centroid(points.slice(0, -2));
      this.node(tags, c.lat, c.lng);
    }
  }

  /** A point: a place, or a neighbourhood's centre. */
  node(tags: Tags, lat: number, lng: number): void {
    const kind = areaKind(tags);
    if (kind === 'neighbourhood' && tags.place) {
      this.areas.push({ name: tags.name!, kind, lat, lng, radiusMeters: AREA_PLACES[tags.place] ?? 1000 });
      return;
    }
    if (!isPlace(tags)) return;
    const kindTag = tags.shop ?? tags.amenity ?? tags.leisure ?? tags.tourism ?? tags.office ?? tags.craft ?? tags.healthcare;
    this.places.push({ name: tags.name!, ...(tags.brand ? { brand: tags.brand } : {}), ...(kindTag ? { kind: kindTag } : {}), lat, lng });
  }

  private street(name: string, points: number[], ids?: ArrayLike<number>): void {
    const index = this.streets.length;
    this.streets.push({ name, points });
    const key = nameKey(name);
    this.keys.push(key);
    for (let i = 0; i < points.length / 2; i++) {
      const id = ids ? ids[i]! : `${points[2 * i]!.toFixed(6)},${points[2 * i + 1]!.toFixed(6)}`;
      const seen = this.through.get(id);
      if (seen === undefined) {
        this.through.set(id, index);
        continue;
      }
      const list = typeof seen === 'number' ? [seen] : seen;
      for (const other of list) {
        const otherKey = this.keys[other]!;
        if (otherKey === key || !otherKey || !key) continue;
        const id2 = `${key < otherKey ? key : otherKey}\u0000${key < otherKey ? otherKey : key}\u0000${String(id)}`;
        if (this.corners.has(id2)) continue;
        this.corners.add(id2);
        this.intersections.push({ a: this.streets[other]!.name, b: name, lat: points[2 * i]!, lng: points[2 * i + 1]! });
      }
      if (!list.includes(index)) this.through.set(id, [...list, index]);
    }
  }

  private area(tags: Tags, kind: AreaRow['kind'], ring: number[]): void {
    const name = kind === 'postcode' ? (tags.postal_code ?? tags.name)! : tags.name!;
    const c = centroid(ring.slice(0, -2));
    this.areas.push({ name, kind, lat: c.lat, lng: c.lng, radiusMeters: Math.round(spread(c.lat, c.lng, ring)), ring });
  }

  /** A GeoJSON polygon that is an area or a place. */
  polygon(tags: Tags, ring: number[]): void {
    const closed = ring[0] === ring[ring.length - 2] && ring[1] === ring[ring.length - 1];
    this.way(tags, closed ? ring : [...ring, ring[0]!, ring[1]!]);
  }

  finish(): GazetteerData {
    this.through.clear();
    this.corners.clear();
    return { streets: this.streets, intersections: this.intersections, places: this.places, areas: this.areas };
  }
}
