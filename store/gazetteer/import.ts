/**
 * Importing a map extract: picks the reader by the file's name (.osm.pbf, .osm/.xml, GeoJSON),
 * collects what the gazetteer keeps, and stores it. `needsImport` tells a source
 * newer than its stored index, which start-up imports again for every configured source.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { GazetteerData } from '../../bot/geo/gazetteer/types.js';
import { MapCollector } from './collect.js';
import { saveSource, sourceState, type SourceState } from './gazetteer-db.js';
import { readGeoJson } from './read-geojson.js';
import { readOsmXml } from './read-osm-xml.js';
import { readPbf, type Progress } from './read-pbf.js';

export type MapFormat = 'pbf' | 'osm' | 'geojson';

/** The format a map file is read as, from its name; undefined when it is none we read. */
export function formatOf(path: string): MapFormat | undefined {
  const p = path.toLowerCase();
  if (p.endsWith('.pbf')) return 'pbf';
  if (p.endsWith('.osm') || p.endsWith('.xml')) return 'osm';
  if (/\.(geo)?json(l|seq)?$/.test(p)) return 'geojson';
  return undefined;
}

/** Reads a map file into what the gazetteer keeps. Throws a plain Error with a readable message on a bad file. */
export async function readMap(path: string, progress?: Progress): Promise<GazetteerData> {
  const format = formatOf(path);
  if (!format) throw new Error(`${path}: unknown map format (expected .osm.pbf, .osm or .geojson)`);
  const into = new MapCollector();
  const size = statSync(path).size;
  if (format === 'pbf') readPbf(path, into, progress);
  else if (format === 'osm') await readOsmXml(path, into, progress, size);
  else readGeoJson(path, into);
  return into.finish();
}

/** Imports the file into the gazetteer database, replacing what was stored for it. */
export async function importSource(db: Database.Database, file: string, progress?: Progress, now = Date.now): Promise<SourceState> {
  const path = resolve(file);
  const stat = statSync(path);
  const started = performance.now();
  const data = await readMap(path, progress);
  const ms = performance.now() - started;
  saveSource(db, { path, mtimeMs: stat.mtimeMs, size: stat.size, importedAt: now(), ms }, data);
  return sourceState(db, path)!;
}

/** Whether the stored index of the file is missing or older than the file. */
export function needsImport(db: Database.Database, file: string): boolean {
  const path = resolve(file);
  const stat = statSync(path);
  const state = sourceState(db, path);
  return !state || Math.floor(stat.mtimeMs) > state.mtimeMs || stat.size !== state.size;
}
