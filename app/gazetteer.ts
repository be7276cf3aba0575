/**
 * The offline map at start-up and on the command line. Start-up imports every configured
 * source that is newer than its stored index (logging counts and time), then builds the lookup
 * index from all of them plus the config's own places and says what was loaded. No source and
 * no place: no index, and zones come from pins and aliases as before. Nothing here goes on the
 * network: a lookup is a read of this index in memory.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../bot/config/index.js';
import { Gazetteer } from '../bot/geo/gazetteer/gazetteer.js';
import { centroid, spread } from '../bot/geo/gazetteer/geometry.js';
import type { AreaRow, PlaceRow } from '../bot/geo/gazetteer/types.js';
import { gazetteerDbPath, loadSources, openGazetteerDb } from '../store/gazetteer/gazetteer-db.js';
import { importSource, needsImport } from '../store/gazetteer/import.js';
import type { Out } from './cli-output.js';

/** The config's own places as gazetteer rows. */
export function configPlaces(config: Config): PlaceRow[] {
  return config.places.map((p) => ({ name: p.name, aliases: p.aliases, lat: p.at[0], lng: p.at[1] }));
}

/**
 * The config's zones as named areas, by name and by alias, so "1st y Main en el centro" or
 * "Soto, Lado Este" narrows a lookup the way a neighbourhood on the map does.
 */
export function zoneAreas(config: Config): AreaRow[] {
  return config.zones.flatMap((z) => {
    const names = [...new Set([...Object.values(z.name), ...z.aliases])];
    const area = z.area;
    const shape =
      'center' in area
        ? { lat: area.center[0], lng: area.center[1], radiusMeters: area.radiusMeters }
        : (() => {
            const ring = area.polygon.flat();
            const c = centroid(ring);
            return { ...c, radiusMeters: Math.round(spread(c.lat, c.lng, ring)), ring };
          })();
    return names.map((name) => ({ name, kind: 'neighbourhood' as const, ...shape }));
  });
}

/**
 * Imports what is stale, then builds the index; undefined when the config names no map and no
 * place. A source that is missing or cannot be read is logged and left out; the bot still starts.
 */
export async function loadGazetteer(
  config: Config,
  dbPath: string,
  logger: Pick<Logger, 'info' | 'warn' | 'error'>,
): Promise<Gazetteer | undefined> {
  const sources = config.gazetteer.sources.map((s) => resolve(s));
  const places = configPlaces(config);
  if (sources.length === 0 && places.length === 0) {
    logger.info('gazetteer: no map configured; zones come from pins and zone aliases only');
    return undefined;
  }
  const started = performance.now();
  const usable: string[] = [];
  const db = sources.length > 0 ? openGazetteerDb(dbPath === ':memory:' ? ':memory:' : gazetteerDbPath(dbPath)) : undefined;
  try {
    for (const source of sources) {
      if (!existsSync(source)) {
        logger.error({ source }, 'gazetteer: map file not found (gazetteer.sources); left out');
        continue;
      }
      try {
        if (db && needsImport(db, source)) {
          logger.info({ source }, 'gazetteer: map file is newer than its index; importing');
          const s = await importSource(db, source);
          logger.info(
            {
              source,
              streets: s.streets,
              intersections: s.intersections,
              places: s.places,
              areas: s.areas,
              seconds: +(s.ms / 1000).toFixed(1),
            },
            'gazetteer: imported',
          );
        }
        usable.push(source);
      } catch (err) {
        logger.error({ source, err: err instanceof Error ? err.message : String(err) }, 'gazetteer: cannot import this map file; left out');
      }
    }
    const data = db ? loadSources(db, usable) : { streets: [], intersections: [], places: [], areas: [] };
    const g = new Gazetteer(data, { places, areas: zoneAreas(config) });
    logger.info(
      { sources: usable.length, ...g.counts, configPlaces: places.length, seconds: +((performance.now() - started) / 1000).toFixed(1) },
      'gazetteer: loaded; place lookups run on this machine',
    );
    return g;
  } finally {
    db?.close();
  }
}

/** `centinela gazetteer import FILE...`: imports the files now, with progress on the terminal. */
export async function gazetteerImport(config: Config, files: string[], out: Out): Promise<number> {
  if (files.length === 0) {
    out.write('Usage: centinela gazetteer import FILE [FILE...]   (.osm.pbf, .osm or .geojson)\n');
    return 2;
  }
  const dbPath = gazetteerDbPath(config.storage.path);
  const db = openGazetteerDb(dbPath);
  try {
    for (const file of files) {
      if (!existsSync(file)) {
        out.write(`${file}: file not found\n`);
        return 1;
      }
      out.write(`Importing ${file} ...\n`);
      let shown = -1;
      try {
        const s = await importSource(db, file, (done, total) => {
          const pct = total > 0 ? Math.floor((100 * done) / total) : 0;
          if (pct >= shown + 10) {
            shown = pct - (pct % 10);
            out.write(`  ${shown}%\n`);
          }
        });
        out.write(
          `${file}: ${s.streets} streets, ${s.intersections} corners, ${s.places} places, ${s.areas} areas in ${(s.ms / 1000).toFixed(1)} s\n`,
        );
      } catch (err) {
        out.write(`${file}: ${err instanceof Error ? err.message : String(err)}\n`);
        return 1;
      }
    }
    out.write(`Stored in ${dbPath}. List the file(s) under gazetteer.sources in the config so the bot uses them.\n`);
    return 0;
  } finally {
    db.close();
  }
}
