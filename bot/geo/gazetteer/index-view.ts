/**
 * What the lookup (resolve.ts) reads of the index: names, corners, places, areas and the
 * geometry questions it asks. The Gazetteer class builds and implements it.
 */
import type { AreaRow, PlaceRow } from './types.js';

export interface Street {
  key: string;
  /** The name as the map writes it (the most common one under this key). */
  label: string;
  points: Float64Array;
  /** South, west, north, east: a quick "not near" before the point index is asked. */
  box: [number, number, number, number];
}

export interface Corner {
  lat: number;
  lng: number;
}

/** What a name key stands for: a street, places (indexes into `places`), areas. */
export interface NameEntry {
  street?: Street;
  places: number[];
  areas: number[];
}

/** A name in the tipster's words and how sure the match is (1 exact, less for sound-alikes and typos). */
export interface NameHit {
  key: string;
  entry: NameEntry;
  score: number;
}

export interface IndexView {
  readonly places: PlaceRow[];
  readonly areas: AreaRow[];
  namesLike(key: string): NameHit[];
  cornersOf(a: string, b: string): Corner[];
  streetNear(street: Street, lat: number, lng: number, meters: number): boolean;
  inArea(area: AreaRow, lat: number, lng: number, slackMeters?: number): boolean;
  areaAt(lat: number, lng: number): string | undefined;
}
