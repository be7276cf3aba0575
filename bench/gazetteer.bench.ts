/**
 * The offline map at county size: a synthetic extract of about 100,000 street segments (a
 * 225 x 225 grid of streets, each line cut into named streets of a few blocks, 5,000 named
 * places with chains among them, neighbourhood and ZIP areas) written as .osm.pbf, imported as
 * `centinela gazetteer import` does, indexed as start-up does, then 5,000 lookups as tipsters
 * write them (corners either way round, misspelt, without street types, brand + street, street
 * + neighbourhood, words that name nothing). Prints one JSON line: import time, index time, and
 * the p99 of a lookup both as wall time (`p99_ms`, which on a busy machine includes time the OS
 * gave to other processes) and as the CPU time the lookup itself used (`p99_cpu_ms`).
 * BENCH_GRID (default 225 streets a side) and BENCH_LOOKUPS change the size; BENCH_KEEP=FILE keeps the extract.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Gazetteer } from '../bot/geo/gazetteer/gazetteer.js';
import { loadSources, openGazetteerDb } from '../store/gazetteer/gazetteer-db.js';
import { importSource } from '../store/gazetteer/import.js';
import type { OsmMap, OsmNode, OsmWay } from '../tests/gazetteer/fixture/map.js';
import { toPbf } from '../tests/gazetteer/fixture/write.js';

const GRID = Number(process.env.BENCH_GRID ?? 225);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 5000);
const BLOCK_DEG = 0.0012; // ~130 m between streets
const SOUTH = 33.7;
const WEST = -118.6;

/** A small deterministic random source (mulberry32), so every run measures the same map. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = random(12);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const SYLLABLES =
  'ca sa lo re na mi to ver gar fi e mon te ro san ta al ham bra wil ton ash ford lin col bel or che vez mar go cum ming ri ver del val le ga ge flo ren pa ci sou to'.split(
    ' ',
  );
const TYPES = ['Street', 'Avenue', 'Boulevard', 'Drive', 'Place', 'Road'];
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const newName = () => `${cap(Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(SYLLABLES)).join(''))} ${pick(TYPES)}`;
const ORD = (n: number) =>
  `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'} Street`;

function syntheticCounty(): { map: OsmMap; corners: [string, string][]; chains: { brand: string; street: string }[]; segments: number } {
  const nodes: OsmNode[] = [];
  const ways: OsmWay[] = [];
  const id = (i: number, j: number) => i * GRID + j + 1;
  for (let i = 0; i < GRID; i++)
    for (let j = 0; j < GRID; j++) nodes.push({ id: id(i, j), lat: SOUTH + i * BLOCK_DEG, lng: WEST + j * BLOCK_DEG });
  const nameAt = new Map<string, string>(); // "h:i:j" -> name of the horizontal street from node (i,j)
  let wayId = 1;
  let segments = 0;
  for (const horizontal of [true, false]) {
    for (let line = 0; line < GRID; line++) {
      let j = 0;
      while (j < GRID - 1) {
        const length = 5 + Math.floor(rand() * 20);
        const end = Math.min(GRID - 1, j + length);
        const name = !horizontal && line % 9 === 0 && line / 9 <= 120 ? ORD(line / 9 + 1) : newName();
        const refs: number[] = [];
        for (let k = j; k <= end; k++) {
          refs.push(horizontal ? id(line, k) : id(k, line));
          if (k < end) nameAt.set(`${horizontal ? 'h' : 'v'}:${horizontal ? line : k}:${horizontal ? k : line}`, name);
        }
        segments += end - j;
        ways.push({ id: wayId++, refs, tags: { name, highway: pick(['residential', 'residential', 'tertiary', 'secondary', 'primary']) } });
        j = end;
      }
    }
  }
  const corners: [string, string][] = [];
  for (let n = 0; n < 2000; n++) {
    const i = 1 + Math.floor(rand() * (GRID - 2));
    const j = 1 + Math.floor(rand() * (GRID - 2));
    corners.push([nameAt.get(`h:${i}:${j}`)!, nameAt.get(`v:${i}:${j}`)!]);
  }
  const brands = [
    'Walmart',
    "McDonald's",
    'Food 4 Less',
    'The Home Depot',
    'El Super',
    'Superior Grocers',
    'Northgate Market',
    'Target',
    '7-Eleven',
    'AutoZone',
  ];
  const chains: { brand: string; street: string }[] = [];
  let nodeId = GRID * GRID + 1;
  for (let p = 0; p < 5000; p++) {
    const i = Math.floor(rand() * (GRID - 1));
    const j = Math.floor(rand() * (GRID - 1));
    const chain = p % 3 === 0;
    const brand = pick(brands);
    const tags: Record<string, string> = chain
      ? { name: brand, brand, shop: 'supermarket' }
      : {
          name: `${cap(pick(SYLLABLES))}${pick(SYLLABLES)} ${pick(['Market', 'Taqueria', 'Church', 'School', 'Park', 'Clinic'])}`,
          amenity: 'restaurant',
        };
    nodes.push({ id: nodeId++, lat: SOUTH + (i + 0.1) * BLOCK_DEG, lng: WEST + (j + 0.5) * BLOCK_DEG, tags });
    if (chain && chains.length < 500) chains.push({ brand, street: nameAt.get(`h:${i}:${j}`)! });
  }
  // Neighbourhoods on a 15 x 15 grid of squares, and ZIP areas on a 10 x 10 grid
  const areaGrid = (cells: number, tags: (k: number) => Record<string, string>) => {
    const size = (GRID - 1) / cells;
    let k = 0;
    for (let a = 0; a < cells; a++) {
      for (let b = 0; b < cells; b++) {
        const ring = [
          [a, b],
          [a + 1, b],
          [a + 1, b + 1],
          [a, b + 1],
        ].map(([x, y]) => {
          nodes.push({ id: nodeId, lat: SOUTH + x! * size * BLOCK_DEG, lng: WEST + y! * size * BLOCK_DEG });
          return nodeId++;
        });
        ways.push({ id: wayId++, refs: [...ring, ring[0]!], tags: tags(k++) });
      }
    }
  };
  areaGrid(15, (k) => ({
    name: `${cap(pick(SYLLABLES))}${pick(SYLLABLES)} ${pick(['Heights', 'Park', 'Hills', 'Village', 'Gardens'])} ${k}`,
    place: 'neighbourhood',
  }));
  areaGrid(10, (k) => ({ boundary: 'postal_code', postal_code: String(90001 + k) }));
  return { map: { nodes, ways }, corners, chains, segments };
}

/** A word as tipsters misspell it: one letter dropped or doubled. */
function typo(word: string): string {
  const at = 1 + Math.floor(rand() * (word.length - 2));
  return rand() < 0.5 ? word.slice(0, at) + word.slice(at + 1) : word.slice(0, at) + word[at] + word.slice(at);
}
const bare = (name: string) => name.replace(/ (Street|Avenue|Boulevard|Drive|Place|Road)$/, '');

function queries(corners: [string, string][], chains: { brand: string; street: string }[]): string[] {
  const out: string[] = [];
  for (let q = 0; q < LOOKUPS; q++) {
    const [a, b] = pick(corners);
    const c = pick(chains);
    switch (q % 6) {
      case 0:
        out.push(`${a} y ${b}`);
        break;
      case 1:
        out.push(`esquina de la ${bare(b).toLowerCase()} con la ${bare(a).toLowerCase()}`);
        break;
      case 2:
        out.push(`hay migra en la ${typo(bare(a).toLowerCase())} and ${bare(b)}`);
        break;
      case 3:
        out.push(`el ${c.brand} de la ${bare(c.street)}`);
        break;
      case 4:
        out.push(`${bare(a)} cerca del 9000${Math.floor(rand() * 10)}`);
        break;
      default:
        out.push('están aquí afuera de la fábrica de tortillas, vengan rápido por favor');
    }
  }
  return out;
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'centinela-gaz-bench-'));
  try {
    const { map, corners, chains, segments } = syntheticCounty();
    const file = process.env.BENCH_KEEP ?? join(dir, 'county.osm.pbf');
    writeFileSync(file, toPbf(map));
    const db = openGazetteerDb(join(dir, 'gazetteer.db'));
    let t = performance.now();
    const imported = importSource(db, file);
    return void imported.then((s) => {
      const importMs = performance.now() - t;
      t = performance.now();
      const g = new Gazetteer(loadSources(db, [s.path]));
      const indexMs = performance.now() - t;
      db.close();
      const qs = queries(corners, chains);
      // Steady state, as in the running bot: the JIT warmed up, the import's garbage collected.
      for (const q of qs.slice(0, 500)) g.lookup(q);
      (globalThis as { gc?: () => void }).gc?.();
      const times = new Float64Array(qs.length);
      const cpu = new Float64Array(qs.length);
      const kinds = { found: 0, choose: 0, none: 0 };
      qs.forEach((q, i) => {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const m = g.lookup(q);
        times[i] = performance.now() - t0;
        const c1 = process.cpuUsage(c0);
        cpu[i] = (c1.user + c1.system) / 1000;
        kinds[m.kind]++;
      });
      if (process.env.BENCH_DEBUG) {
        for (let k = 0; k < 6; k++) {
          const ts = Array.from(times)
            .filter((_, i) => i % 6 === k)
            .sort((a, b) => a - b);
          process.stderr.write(
            `kind ${k}: p50 ${ts[Math.floor(ts.length / 2)]!.toFixed(3)} p99 ${ts[Math.floor(ts.length * 0.99)]!.toFixed(3)} e.g. ${qs[k]!}\n`,
          );
        }
      }
      const sorted = Array.from(times).sort((a, b) => a - b);
      const cpuSorted = Array.from(cpu).sort((a, b) => a - b);
      const result = {
        scenario: `gazetteer-county-${segments}-segments`,
        pbf_mb: +(statSync(file).size / 1024 / 1024).toFixed(1),
        streets: s.streets,
        corners: s.intersections,
        places: s.places,
        areas: s.areas,
        import_ms: Math.round(importMs),
        index_ms: Math.round(indexMs),
        lookups: qs.length,
        found: kinds.found,
        choose: kinds.choose,
        none: kinds.none,
        p50_ms: +sorted[Math.floor(sorted.length * 0.5)]!.toFixed(3),
        p99_ms: +sorted[Math.floor(sorted.length * 0.99)]!.toFixed(3),
        // CPU time per lookup: what the lookup costs, without the time the OS gave other processes
        p99_cpu_ms: +cpuSorted[Math.floor(cpu.length * 0.99)]!.toFixed(3),
        rss_mb: Math.round(process.memoryUsage().rss / 1024 / 1024),
      };
      rmSync(dir, { recursive: true, force: true });
      process.stdout.write(`${JSON.stringify(result)}\n`);
    });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

main();
