/**
 * Small, fast geometry for the gazetteer's hot path: distances short enough that the earth is
 * flat (an equirectangular projection, well under 1% off within a county), a centroid, and
 * point-in-ring. Zones keep using turf (bot/geo/zones.ts); these run thousands of times per lookup.
 */

const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LNG_EQ = 111_320;

/** Metres between two points a few kilometres apart. */
export function metersBetween(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dy = (lat2 - lat1) * M_PER_DEG_LAT;
  const dx = (lng2 - lng1) * M_PER_DEG_LNG_EQ * Math.cos(((lat1 + lat2) / 2) * (Math.PI / 180));
  return Math.sqrt(dx * dx + dy * dy);
}

/** Degrees of latitude in `meters` (for bounding boxes and the point index's search radius). */
export function metersToDegrees(meters: number): number {
  return meters / M_PER_DEG_LAT;
}

/** The mean of points given as [lat, lng, lat, lng, ...]. */
export function centroid(flat: ArrayLike<number>): { lat: number; lng: number } {
  let lat = 0;
  let lng = 0;
  const n = flat.length / 2;
  for (let i = 0; i < flat.length; i += 2) {
    lat += flat[i]!;
    lng += flat[i + 1]!;
  }
  return { lat: lat / n, lng: lng / n };
}

/** Whether a point lies inside a ring of [lat, lng, ...] (even-odd rule; closing point optional). */
export function inRing(lat: number, lng: number, ring: ArrayLike<number>): boolean {
  let inside = false;
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const yi = ring[2 * i]!;
    const xi = ring[2 * i + 1]!;
    const yj = ring[2 * j]!;
    const xj = ring[2 * j + 1]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The farthest any of the points lies from (lat, lng), in metres. */
export function spread(lat: number, lng: number, flat: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < flat.length; i += 2) max = Math.max(max, metersBetween(lat, lng, flat[i]!, flat[i + 1]!));
  return max;
}
