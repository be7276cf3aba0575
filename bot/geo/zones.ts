/**
 * Which zone a report belongs to: a map point inside a zone's circle or polygon, or a text
 * location naming one of the zone's aliases (neighbourhood names, ZIP codes). Geometry is done
 * by turf (note: turf takes [lng, lat]; our config and points are lat/lng).
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import distance from '@turf/distance';
import { point, polygon } from '@turf/helpers';
import type { Zone } from '../config/index.js';
import type { GeoPoint } from '../messages.js';
import { normalize } from '../parse/index.js';
import type { LocationField } from '../parse/types.js';

/** Great-circle distance between two points, in metres. */
export function distanceMeters(a: GeoPoint, b: GeoPoint): number {
  return distance(point([a.lng, a.lat]), point([b.lng, b.lat]), { units: 'meters' });
}

/** Whether `p` lies inside the zone's area (circle edge included). */
export function zoneContains(zone: Zone, p: GeoPoint): boolean {
  const area = zone.area;
  if ('center' in area) {
    const [lat, lng] = area.center;
    return distanceMeters({ lat, lng }, p) <= area.radiusMeters;
  }
  const ring = area.polygon.map(([lat, lng]) => [lng, lat]);
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([...first]);
  return booleanPointInPolygon(point([p.lng, p.lat]), polygon([ring]));
}

/** Whether the text names one of the zone's aliases, as whole words ("boyle heights", "90033"). */
export function zoneNamedIn(zone: Zone, text: string): boolean {
  const hay = ` ${normalize(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const names = [...zone.aliases, ...Object.values(zone.name)];
  return names.some((alias) => {
    const needle = normalize(alias)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    return needle.length > 0 && hay.includes(` ${needle} `);
  });
}

/**
 * The ids of the zones a location falls in. A map point decides when there is one, then the
 * point the offline map found for the words (`place`); otherwise the text (and ZIP) is matched
 * against aliases. Empty when the zone is unknown.
 */
export function zonesFor(zones: readonly Zone[], location: LocationField | undefined): string[] {
  if (!location) return [];
  for (const p of [location.point, placePoint(location)]) {
    if (!p) continue;
    const hits = zones.filter((z) => zoneContains(z, p)).map((z) => z.id);
    if (hits.length > 0) return hits;
  }
  const text = [location.text, location.zip].filter(Boolean).join(' ');
  if (!text) return [];
  return zones.filter((z) => zoneNamedIn(z, text)).map((z) => z.id);
}

/** The point the offline map found for a location's words, if it did. */
export function placePoint(location: LocationField | undefined): GeoPoint | undefined {
  const place = location?.place;
  return place ? { lat: place.lat, lng: place.lng } : undefined;
}

/** A representative point of a location for distance checks: the pin, the map's point for the words, else the zone's centre. */
export function approximatePoint(zones: readonly Zone[], location: LocationField | undefined): GeoPoint | undefined {
  if (location?.point) return location.point;
  const onMap = placePoint(location);
  if (onMap) return onMap;
  const [id] = zonesFor(zones, location);
  const zone = zones.find((z) => z.id === id);
  if (!zone) return undefined;
  if ('center' in zone.area) return { lat: zone.area.center[0], lng: zone.area.center[1] };
  const pts = zone.area.polygon;
  const lat = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const lng = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  return { lat, lng };
}
