/**
 * Whether two reports may be the same sighting by where it was: the same corner, or, when both
 * have a point, near each other in the same zone, else the same zone. The one rule behind the
 * chat card's "same as #N?" hints, flood counting and the dashboard's hints.
 */
import { distanceMeters } from '../geo/zones.js';
import type { GeoPoint } from '../messages.js';

export interface PlaceFacts {
  zones: readonly string[];
  point?: GeoPoint | undefined;
  cross?: [string, string] | undefined;
}

export function samePlace(place: PlaceFacts, other: PlaceFacts, maxMeters: number): boolean {
  const sameZone = place.zones.some((z) => other.zones.includes(z));
  const meters = place.point && other.point ? distanceMeters(place.point, other.point) : undefined;
  const sameCorner = place.cross !== undefined && sameStreets(place.cross, other.cross);
  return sameCorner || (meters !== undefined ? meters <= maxMeters && (sameZone || place.zones.length === 0) : sameZone);
}

function sameStreets(a: [string, string], b: [string, string] | undefined): boolean {
  if (!b) return false;
  const norm = (s: string) =>
    s
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/\b(st|street|ave|avenue|calle|blvd)\b\.?/g, '')
      .trim();
  const x = a.map(norm).sort();
  const y = b.map(norm).sort();
  return x[0] === y[0] && x[1] === y[1];
}
