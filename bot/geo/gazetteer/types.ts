/**
 * The offline gazetteer's data: what an import keeps of a map (named streets with their
 * geometry, the corners where two of them meet, named places, neighbourhoods and ZIP areas), and
 * what a lookup answers. Plain values; coordinates are WGS84 degrees, lat first like the config.
 */

/** One named street (one map way, or several joined), its points as [lat, lng, lat, lng, ...]. */
export interface StreetRow {
  name: string;
  points: number[];
}

/** Where two differently named streets share a point. */
export interface IntersectionRow {
  a: string;
  b: string;
  lat: number;
  lng: number;
}

/** A named place: a business, school, park, church... `brand` as the map tags it ("Walmart"). */
export interface PlaceRow {
  name: string;
  brand?: string;
  /** The map's kind of place: a shop=*, amenity=*, leisure=* value ("supermarket", "school"). */
  kind?: string;
  lat: number;
  lng: number;
  /** Other names (the config's aliases). */
  aliases?: string[];
}

/** A neighbourhood or ZIP area: a ring (closed or not, [lat, lng, ...]) or a centre and radius. */
export interface AreaRow {
  name: string;
  kind: 'neighbourhood' | 'postcode';
  lat: number;
  lng: number;
  radiusMeters: number;
  ring?: number[];
}

/** Everything an import keeps; what the lookup index is built from. */
export interface GazetteerData {
  streets: StreetRow[];
  intersections: IntersectionRow[];
  places: PlaceRow[];
  areas: AreaRow[];
}

/** Where a place in a tipster's words was found to be. */
export interface ResolvedPlace {
  /** What was understood, for the card and the choice question ("Cesar Chavez Ave & Lorena St"). */
  label: string;
  lat: number;
  lng: number;
  /** How far the place may be from the point, in metres. */
  radiusMeters: number;
  /** The neighbourhood the point lies in, when the map has it ("Boyle Heights"). */
  area?: string;
}

/**
 * What a lookup found: one place, two or three to choose from, or nothing (the tipster is asked
 * once for a neighbourhood, a business nearby or the ZIP).
 */
export type PlaceMatch = { kind: 'found'; place: ResolvedPlace } | { kind: 'choose'; options: ResolvedPlace[] } | { kind: 'none' };

/** The read-only index the engine is given, like the clock: a pure, synchronous lookup. */
export interface PlaceFinder {
  /**
   * `text` is an answer to "where?" ('answer', the default) or a whole message that may name a
   * place among other words ('message': a street named alone is not taken, it could be anything).
   */
  lookup(text: string, mode?: LookupMode): PlaceMatch;
}

export type LookupMode = 'answer' | 'message';
