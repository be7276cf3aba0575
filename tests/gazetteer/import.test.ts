/**
 * Importing a map: the same fixture as .osm.pbf (encoded in the test), .osm XML and GeoJSON gives
 * the same streets, corners, places and areas; `centinela gazetteer import FILE` shows progress
 * and stores them beside the database; start-up imports a source only when it is newer than its
 * index, says what it loaded, and starts without a map when none is configured or a file is bad.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../app/cli.js';
import { loadGazetteer } from '../../app/gazetteer.js';
import { loadConfig } from '../../bot/config/index.js';
import { Gazetteer } from '../../bot/geo/gazetteer/gazetteer.js';
import { gazetteerDbPath, loadSources, openGazetteerDb } from '../../store/gazetteer/gazetteer-db.js';
import { readMap } from '../../store/gazetteer/import.js';
import { fixtureMap } from './fixture/map.js';
import { toGeoJson, toOsmXml, toPbf } from './fixture/write.js';
import { FIXTURE } from './support.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'centinela-gaz-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function summary(d: Awaited<ReturnType<typeof readMap>>) {
  const pairs = d.intersections.map((c) => [c.a, c.b].sort().join(' & ')).sort();
  return {
    streets: d.streets.map((s) => s.name).sort(),
    pairs,
    places: d.places.map((p) => `${p.name}|${p.brand ?? ''}|${p.kind ?? ''}`).sort(),
    areas: d.areas.map((a) => `${a.name}|${a.kind}`).sort(),
  };
}

describe('the three formats', () => {
  it('the committed fixture files are what make-fixture.ts writes', () => {
    expect(readFileSync(FIXTURE('osm'), 'utf8')).toBe(toOsmXml(fixtureMap()));
    expect(JSON.parse(readFileSync(FIXTURE('geojson'), 'utf8'))).toEqual(JSON.parse(toGeoJson(fixtureMap())));
  });

  it('.osm.pbf, .osm and .geojson give the same streets, corners, places and areas', async () => {
    const pbf = join(dir, 'boyle-heights.osm.pbf');
    writeFileSync(pbf, toPbf(fixtureMap()));
    const fromPbf = summary(await readMap(pbf));
    const fromXml = summary(await readMap(FIXTURE('osm')));
    const fromGeoJson = summary(await readMap(FIXTURE('geojson')));
    expect(fromPbf.streets).toHaveLength(41);
    expect(fromPbf.pairs).toContain('East Cesar E Chavez Avenue & North Lorena Street');
    expect(fromPbf.places).toContain('Walmart Supercenter|Walmart|supermarket');
    expect(fromPbf.areas).toContain('Boyle Heights|neighbourhood');
    expect(fromPbf.areas).toContain('90033|postcode');
    expect(fromXml).toEqual(fromPbf);
    expect(fromGeoJson).toEqual(fromPbf);
    // and the PBF's coordinates survive the encoding
    const g = new Gazetteer(await readMap(pbf));
    const m = g.lookup('cesar chavez y lorena');
    expect(m.kind === 'found' && Math.abs(m.place.lat - 34.0468) < 1e-5).toBe(true);
  });

  it('osmium GeoJSON Text Sequences and osmtogeojson `tags` properties are read too', async () => {
    const features = (JSON.parse(toGeoJson(fixtureMap())) as { features: { properties: Record<string, unknown> }[] }).features;
    const seq = join(dir, 'x.geojsonseq');
    writeFileSync(seq, features.map((f) => `\u001e${JSON.stringify(f)}\n`).join(''));
    const nested = join(dir, 'nested.geojson');
    const old = features.map((f) => ({ ...f, properties: { tags: f.properties, id: f.properties.id } }));
    writeFileSync(nested, JSON.stringify({ type: 'FeatureCollection', features: old }));
    const want = summary(await readMap(FIXTURE('geojson')));
    expect(summary(await readMap(seq))).toEqual(want);
    expect(summary(await readMap(nested))).toEqual(want);
  });

  it('a file that is not a map is refused with a readable message', async () => {
    const bad = join(dir, 'bad.osm.pbf');
    writeFileSync(bad, 'hello, this is not a pbf at all');
    await expect(readMap(bad)).rejects.toThrow(/not an OSM PBF file/);
    const xml = join(dir, 'bad.osm');
    writeFileSync(xml, '<osm><node id="1" lat="1" lon="2"></osm>');
    await expect(readMap(xml)).rejects.toThrow(/not a readable \.osm file/);
  });
});

function writeConfig(extra: string): NodeJS.ProcessEnv {
  const path = join(dir, 'centinela.yaml');
  writeFileSync(
    path,
    `network: { name: "Test RRN", hotline: "+1 555 0100", timezone: America/Los_Angeles, languages: [es, en] }
storage: { path: ${JSON.stringify(join(dir, 'data', 'centinela.db'))} }
chats: { verifiers: [{ platform: simulator, id: verifiers }] }
platforms: { simulator: { enabled: true } }
${extra}
`,
  );
  return { CENTINELA_CONFIG: path };
}

function config(env: NodeJS.ProcessEnv) {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  return loaded.config;
}

function recorder() {
  const lines: { msg: string; fields: Record<string, unknown> }[] = [];
  const log = (fields: unknown, msg?: string) => {
    if (typeof fields === 'string') lines.push({ msg: fields, fields: {} });
    else lines.push({ msg: msg ?? '', fields: fields as Record<string, unknown> });
  };
  return { lines, logger: { info: log, warn: log, error: log } as never };
}

describe('centinela gazetteer import', () => {
  it('imports the file with progress and says what it stored', async () => {
    const pbf = join(dir, 'county.osm.pbf');
    writeFileSync(pbf, toPbf(fixtureMap()));
    let text = '';
    const code = await runCli(['gazetteer', 'import', pbf], { write: (s) => void (text += s) }, writeConfig(''));
    expect(code).toBe(0);
    expect(text).toContain(`Importing ${pbf}`);
    expect(text).toMatch(/ 100%/);
    expect(text).toMatch(/41 streets, \d+ corners, 19 places, 8 areas in/);
    const db = openGazetteerDb(gazetteerDbPath(join(dir, 'data', 'centinela.db')));
    expect(loadSources(db, [pbf]).streets).toHaveLength(41);
    db.close();
  });

  it('a missing file or an unknown format is an error, not a crash', async () => {
    let text = '';
    const env = writeConfig('');
    expect(await runCli(['gazetteer', 'import', join(dir, 'nope.osm.pbf')], { write: (s) => void (text += s) }, env)).toBe(1);
    expect(text).toContain('file not found');
    const csv = join(dir, 'streets.csv');
    writeFileSync(csv, 'a,b');
    expect(await runCli(['gazetteer', 'import', csv], { write: (s) => void (text += s) }, env)).toBe(1);
    expect(text).toContain('unknown map format');
  });
});

describe('start-up', () => {
  it('imports a configured source once, again only when the file is newer, and says what it loaded', async () => {
    const map = join(dir, 'county.geojson');
    copyFileSync(FIXTURE('geojson'), map);
    const cfg = config(
      writeConfig(
        `gazetteer: { sources: [${JSON.stringify(map)}] }\nplaces: [{ name: Tiendita Don Pepe, aliases: [la tiendita], at: [34.0436, -118.2072] }]`,
      ),
    );
    const dbPath = join(dir, 'data', 'centinela.db');

    const first = recorder();
    const g = await loadGazetteer(cfg, dbPath, first.logger);
    expect(first.lines.map((l) => l.msg)).toEqual([
      'gazetteer: map file is newer than its index; importing',
      'gazetteer: imported',
      'gazetteer: loaded; place lookups run on this machine',
    ]);
    expect(first.lines[1]!.fields).toMatchObject({ streets: 41, places: 19, areas: 8 });
    expect(first.lines[2]!.fields).toMatchObject({ sources: 1, streets: 41, places: 20, configPlaces: 1 });
    expect(g?.lookup('en la tiendita').kind).toBe('found');

    const second = recorder();
    await loadGazetteer(cfg, dbPath, second.logger);
    expect(second.lines.map((l) => l.msg)).toEqual(['gazetteer: loaded; place lookups run on this machine']);

    const later = new Date(Date.now() + 60_000);
    utimesSync(map, later, later);
    const third = recorder();
    await loadGazetteer(cfg, dbPath, third.logger);
    expect(third.lines.map((l) => l.msg)).toContain('gazetteer: imported');
  });

  it('no map configured: no index, and it says so', async () => {
    const r = recorder();
    expect(await loadGazetteer(config(writeConfig('')), join(dir, 'data', 'centinela.db'), r.logger)).toBeUndefined();
    expect(r.lines[0]!.msg).toContain('no map configured');
  });

  it('a missing or broken source is logged and left out; the bot still starts', async () => {
    const broken = join(dir, 'broken.osm.pbf');
    writeFileSync(broken, 'garbage');
    const cfg = config(writeConfig(`gazetteer: { sources: [${JSON.stringify(join(dir, 'missing.osm.pbf'))}, ${JSON.stringify(broken)}] }`));
    const r = recorder();
    const g = await loadGazetteer(cfg, join(dir, 'data', 'centinela.db'), r.logger);
    expect(r.lines.map((l) => l.msg)).toEqual([
      'gazetteer: map file not found (gazetteer.sources); left out',
      'gazetteer: map file is newer than its index; importing',
      'gazetteer: cannot import this map file; left out',
      'gazetteer: loaded; place lookups run on this machine',
    ]);
    expect(g?.lookup('cesar chavez y lorena').kind).toBe('none');
  });
});

describe('config', () => {
  it('a place without a point, or sources that are not a list, are named errors', () => {
    const env = writeConfig('places: [{ name: La Tiendita, at: [34.04] }]\ngazetteer: { sources: ./maps/county.osm.pbf }');
    const loaded = loadConfig(env);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.errors.join('\n')).toMatch(/places\[0\]\.at/);
      expect(loaded.errors.join('\n')).toMatch(/gazetteer\.sources: expected a list of map files/);
    }
  });
});

describe('check-config', () => {
  it('says what the offline map will be, and names a map file that is not there', async () => {
    const env = writeConfig(`gazetteer: { sources: [${JSON.stringify(join(dir, 'missing.osm.pbf'))}] }`);
    let text = '';
    const code = await runCli(
      ['check-config'],
      { write: (s) => void (text += s) },
      { ...env, CENTINELA_SECRET: 'kR8vN2qXw5Lz9Tb4Hc7Jm1Pd6Fs3Gy0Ue-Va_Qo' },
    );
    expect(code).toBe(0);
    expect(text).toContain(
      `Offline map: 1 map file(s), not found (left out at start-up): ${join(dir, 'missing.osm.pbf')}; 0 place(s) of your own.`,
    );
  });
});
