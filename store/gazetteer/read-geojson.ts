/**
 * Reads GeoJSON as osmium (`osmium export`, also its GeoJSON Text Sequence) or osmtogeojson
 * write it: LineString/MultiLineString features with `name` and `highway` are streets;
 * Point/Polygon/MultiPolygon features with `name` and a brand/shop/amenity... tag are places;
 * Polygons with place=neighbourhood/suburb or boundary=postal_code are areas. Tags are the
 * feature's properties (or its `properties.tags`, as older osmtogeojson writes them).
 * Coordinates are GeoJSON's [lng, lat].
 */
import { readFileSync } from 'node:fs';
import type { MapCollector, Tags } from './collect.js';

interface Feature {
  type?: unknown;
  properties?: unknown;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
}

export function readGeoJson(path: string, into: MapCollector): void {
  const text = readFileSync(path, 'utf8');
  for (const f of features(text)) feature(f, into);
}

function features(text: string): Feature[] {
  const trimmed = text.trimStart();
  if (
    trimmed.startsWith('\u001e') ||
    (trimmed.startsWith('{') && /}\s*\n\s*[\u001e{]/.test(trimmed.slice(0, 1 << 20)) && !/"FeatureCollection"/.test(trimmed.slice(0, 200)))
  ) {
    // A GeoJSON Text Sequence: one feature per line
    return trimmed
      .split(/[\u001e\n]+/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Feature);
  }
  const doc = JSON.parse(text) as { type?: unknown; features?: unknown };
  if (doc.type === 'FeatureCollection' && Array.isArray(doc.features)) return doc.features as Feature[];
  if (doc.type === 'Feature') return [doc as Feature];
  throw new Error('not GeoJSON: expected a FeatureCollection or features');
}

function tagsOf(f: Feature): Tags {
  const props = (typeof f.properties === 'object' && f.properties !== null ? f.properties : {}) as Record<string, unknown>;
  const source = typeof props.tags === 'object' && props.tags !== null ? (props.tags as Record<string, unknown>) : props;
  const tags: Tags = {};
  for (const [k, v] of Object.entries(source)) if (typeof v === 'string') tags[k] = v;
  return tags;
}

type Position = [number, number];

function isPosition(p: unknown): p is Position {
  return Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number';
}

/** [lng, lat][] -> [lat, lng, lat, lng, ...] */
function flat(line: unknown): number[] {
  if (!Array.isArray(line)) return [];
  const out: number[] = [];
  for (const p of line) if (isPosition(p)) out.push(p[1], p[0]);
  return out;
}

function feature(f: Feature, into: MapCollector): void {
  const g = f.geometry;
  if (!g || typeof g !== 'object') return;
  const tags = tagsOf(f);
  if (tags.name === undefined && tags.postal_code === undefined) return;
  const c = g.coordinates;
  switch (g.type) {
    case 'Point':
      if (isPosition(c)) into.node(tags, c[1], c[0]);
      return;
    case 'LineString':
      into.way(tags, flat(c));
      return;
    case 'MultiLineString':
      if (Array.isArray(c)) for (const line of c) into.way(tags, flat(line));
      return;
    case 'Polygon':
      if (Array.isArray(c) && c.length > 0) into.polygon(tags, flat(c[0]));
      return;
    case 'MultiPolygon': {
      if (!Array.isArray(c)) return;
      // The largest outer ring stands for the whole area.
      const rings = c.map((poly) => (Array.isArray(poly) ? flat(poly[0]) : []));
      const largest = rings.sort((a, b) => b.length - a.length)[0];
      if (largest && largest.length >= 6) into.polygon(tags, largest);
      return;
    }
  }
}
