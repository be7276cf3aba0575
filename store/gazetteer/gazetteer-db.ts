/**
 * The imported map, in its own SQLite file beside the bot's database (`gazetteer.db`): map data
 * is public, large and re-made from the extract at will, so it stays out of the bot's database
 * and its backups. One row per street, corner, place and area, tagged with the source file it
 * came from, and the file's size and modification time to tell when it must be imported again.
 */
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { preparePrivateDatabase } from '../private-files.js';
import { GAZETTEER_DEFAULTS } from '../../bot/config/defaults.js';
import type { GazetteerData } from '../../bot/geo/gazetteer/types.js';

const SCHEMA_VERSION = 1;

/** Where the imported map lives for a bot database path. */
export function gazetteerDbPath(storagePath: string): string {
  return join(dirname(resolve(storagePath)), GAZETTEER_DEFAULTS.file);
}

export interface SourceState {
  path: string;
  mtimeMs: number;
  size: number;
  importedAt: number;
  streets: number;
  intersections: number;
  places: number;
  areas: number;
  ms: number;
}

export function openGazetteerDb(path: string): Database.Database {
  if (path !== ':memory:') preparePrivateDatabase(path); // owner-only, like the database beside it
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== SCHEMA_VERSION) {
    db.exec(`
      DROP TABLE IF EXISTS sources; DROP TABLE IF EXISTS streets; DROP TABLE IF EXISTS corners;
      DROP TABLE IF EXISTS places; DROP TABLE IF EXISTS areas;
      CREATE TABLE sources (path TEXT PRIMARY KEY, mtime_ms INTEGER NOT NULL, size INTEGER NOT NULL,
        imported_at INTEGER NOT NULL, streets INTEGER NOT NULL, intersections INTEGER NOT NULL,
        places INTEGER NOT NULL, areas INTEGER NOT NULL, ms INTEGER NOT NULL);
      CREATE TABLE streets (source TEXT NOT NULL, name TEXT NOT NULL, points BLOB NOT NULL);
      CREATE TABLE corners (source TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, lat REAL NOT NULL, lng REAL NOT NULL);
      CREATE TABLE places (source TEXT NOT NULL, name TEXT NOT NULL, brand TEXT, kind TEXT, lat REAL NOT NULL, lng REAL NOT NULL);
      CREATE TABLE areas (source TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, lat REAL NOT NULL, lng REAL NOT NULL,
        radius_m REAL NOT NULL, ring BLOB);
      CREATE INDEX streets_source ON streets (source); CREATE INDEX corners_source ON corners (source);
      CREATE INDEX places_source ON places (source); CREATE INDEX areas_source ON areas (source);
      PRAGMA user_version = ${SCHEMA_VERSION};
    `);
  }
  return db;
}

export function sourceState(db: Database.Database, path: string): SourceState | undefined {
  const row = db.prepare('SELECT * FROM sources WHERE path = ?').get(path) as Record<string, number | string> | undefined;
  if (!row) return undefined;
  return {
    path,
    mtimeMs: Number(row.mtime_ms),
    size: Number(row.size),
    importedAt: Number(row.imported_at),
    streets: Number(row.streets),
    intersections: Number(row.intersections),
    places: Number(row.places),
    areas: Number(row.areas),
    ms: Number(row.ms),
  };
}

const blob = (points: number[]): Buffer => Buffer.from(new Float64Array(points).buffer);
const unblob = (b: Buffer): number[] => Array.from(new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)));

/** Replaces what is stored for the source with `data`, in one transaction. */
export function saveSource(
  db: Database.Database,
  state: Omit<SourceState, 'streets' | 'intersections' | 'places' | 'areas'>,
  data: GazetteerData,
): void {
  const p = state.path;
  db.transaction(() => {
    for (const t of ['streets', 'corners', 'places', 'areas', 'sources'])
      db.prepare(`DELETE FROM ${t} WHERE ${t === 'sources' ? 'path' : 'source'} = ?`).run(p);
    const st = db.prepare('INSERT INTO streets (source, name, points) VALUES (?, ?, ?)');
    for (const s of data.streets) st.run(p, s.name, blob(s.points));
    const co = db.prepare('INSERT INTO corners (source, a, b, lat, lng) VALUES (?, ?, ?, ?, ?)');
    for (const c of data.intersections) co.run(p, c.a, c.b, c.lat, c.lng);
    const pl = db.prepare('INSERT INTO places (source, name, brand, kind, lat, lng) VALUES (?, ?, ?, ?, ?, ?)');
    for (const x of data.places) pl.run(p, x.name, x.brand ?? null, x.kind ?? null, x.lat, x.lng);
    const ar = db.prepare('INSERT INTO areas (source, name, kind, lat, lng, radius_m, ring) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const a of data.areas) ar.run(p, a.name, a.kind, a.lat, a.lng, a.radiusMeters, a.ring ? blob(a.ring) : null);
    db.prepare(
      'INSERT INTO sources (path, mtime_ms, size, imported_at, streets, intersections, places, areas, ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      p,
      Math.floor(state.mtimeMs),
      state.size,
      state.importedAt,
      data.streets.length,
      data.intersections.length,
      data.places.length,
      data.areas.length,
      Math.round(state.ms),
    );
  })();
}

/** Everything stored for these sources, as one data set. */
export function loadSources(db: Database.Database, paths: readonly string[]): GazetteerData {
  const data: GazetteerData = { streets: [], intersections: [], places: [], areas: [] };
  for (const p of paths) {
    for (const r of db.prepare('SELECT name, points FROM streets WHERE source = ?').iterate(p) as Iterable<{
      name: string;
      points: Buffer;
    }>)
      data.streets.push({ name: r.name, points: unblob(r.points) });
    for (const r of db.prepare('SELECT a, b, lat, lng FROM corners WHERE source = ?').iterate(p) as Iterable<{
      a: string;
      b: string;
      lat: number;
      lng: number;
    }>)
      data.intersections.push(r);
    for (const r of db.prepare('SELECT name, brand, kind, lat, lng FROM places WHERE source = ?').iterate(p) as Iterable<{
      name: string;
      brand: string | null;
      kind: string | null;
      lat: number;
      lng: number;
    }>)
      data.places.push({
        name: r.name,
        ...(r.brand ? { brand: r.brand } : {}),
        ...(r.kind ? { kind: r.kind } : {}),
        lat: r.lat,
        lng: r.lng,
      });
    for (const r of db.prepare('SELECT name, kind, lat, lng, radius_m, ring FROM areas WHERE source = ?').iterate(p) as Iterable<{
      name: string;
      kind: 'neighbourhood' | 'postcode';
      lat: number;
      lng: number;
      radius_m: number;
      ring: Buffer | null;
    }>)
      data.areas.push({
        name: r.name,
        kind: r.kind,
        lat: r.lat,
        lng: r.lng,
        radiusMeters: r.radius_m,
        ...(r.ring ? { ring: unblob(r.ring) } : {}),
      });
  }
  return data;
}
