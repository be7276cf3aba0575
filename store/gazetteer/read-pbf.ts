/**
 * Reads an OpenStreetMap .osm.pbf extract (https://wiki.openstreetmap.org/wiki/PBF_Format) with
 * mapbox's `pbf` decoder and node:zlib: only the glue for the format's two small schemas.
 * Two passes keep memory small on a county extract: the first keeps the wanted ways (streets,
 * places, areas) and the node ids they use; the second reads those nodes' coordinates and the
 * tagged nodes (shops, neighbourhood centres). Relations are not read (multipolygon areas come
 * from GeoJSON exports; see the README).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { PbfReader as Pbf } from 'pbf';
import { isWanted, type MapCollector, type Tags } from './collect.js';

export type Progress = (done: number, total: number) => void;

interface Way {
  tags: Tags;
  refs: number[];
}

/** The PBF's data blocks, inflated, one at a time. */
function* blocks(path: string, progress: Progress | undefined, pass: number): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    const total = fstatSync(fd).size;
    let pos = 0;
    const lenBuf = Buffer.alloc(4);
    while (pos < total) {
      if (readSync(fd, lenBuf, 0, 4, pos) < 4) break;
      const headerLen = lenBuf.readUInt32BE(0);
      if (headerLen > 64 * 1024) throw new Error('not an OSM PBF file (blob header too large)');
      const header = Buffer.alloc(headerLen);
      readSync(fd, header, 0, headerLen, pos + 4);
      const h = readBlobHeader(header);
      if (h.size > 64 * 1024 * 1024) throw new Error('not an OSM PBF file (blob too large)');
      const blob = Buffer.alloc(h.size);
      readSync(fd, blob, 0, h.size, pos + 4 + headerLen);
      pos += 4 + headerLen + h.size;
      if (h.type === 'OSMData') yield readBlob(blob);
      else if (h.type !== 'OSMHeader') throw new Error(`not an OSM PBF file (block type ${JSON.stringify(h.type.slice(0, 20))})`);
      progress?.((pass - 1) * total + pos, 2 * total);
    }
  } finally {
    closeSync(fd);
  }
}

function readBlobHeader(buf: Uint8Array): { type: string; size: number } {
  return new Pbf(buf).readFields<{ type: string; size: number }>(
    (tag, h, p) => {
      if (tag === 1) h.type = p.readString();
      else if (tag === 3) h.size = p.readVarint();
    },
    { type: '', size: 0 },
  );
}

function readBlob(buf: Uint8Array): Uint8Array {
  const b = new Pbf(buf).readFields<{ raw?: Uint8Array; zlib?: Uint8Array }>((tag, o, p) => {
    if (tag === 1) o.raw = p.readBytes();
    else if (tag === 3) o.zlib = p.readBytes();
    else if (tag === 4 || tag === 6 || tag === 7) throw new Error('PBF block compression not supported (only zlib or none)');
  }, {});
  if (b.raw) return b.raw;
  if (b.zlib) return inflateSync(b.zlib);
  throw new Error('empty PBF block');
}

interface BlockHandlers {
  node?: (id: number, lat: number, lng: number, tags: Tags | undefined) => void;
  way?: (id: number, tags: Tags, refs: number[]) => void;
}

/** Decodes one PrimitiveBlock, calling the handlers for its nodes (plain and dense) and ways. */
function readPrimitiveBlock(buf: Uint8Array, h: BlockHandlers): void {
  const pbf = new Pbf(buf);
  const strings: string[] = [];
  const groups: [number, number][] = [];
  let granularity = 100;
  let latOffset = 0;
  let lonOffset = 0;
  pbf.readFields((tag, _o, p) => {
    if (tag === 1) {
      const end = p.readVarint() + p.pos;
      while (p.pos < end) {
        const v = p.readVarint();
        if (v >> 3 === 1) strings.push(p.readString());
        else p.skip(v);
      }
    } else if (tag === 2) {
      const len = p.readVarint();
      groups.push([p.pos, p.pos + len]);
      p.pos += len;
    } else if (tag === 17) granularity = p.readVarint();
    else if (tag === 19) latOffset = p.readVarint(true);
    else if (tag === 20) lonOffset = p.readVarint(true);
  }, {});
  const lat = (v: number) => (latOffset + granularity * v) * 1e-9;
  const lon = (v: number) => (lonOffset + granularity * v) * 1e-9;
  const tagsOf = (keys: number[], vals: number[]): Tags => {
    const t: Tags = {};
    for (let i = 0; i < keys.length; i++) t[strings[keys[i]!]!] = strings[vals[i]!]!;
    return t;
  };
  for (const [start, end] of groups) {
    pbf.pos = start;
    while (pbf.pos < end) {
      const val = pbf.readVarint();
      const tag = val >> 3;
      const len = (val & 7) === 2 ? pbf.readVarint() : 0;
      const stop = pbf.pos + len;
      if (tag === 2 && h.node) readDense(pbf, stop, strings, lat, lon, h.node);
      else if (tag === 1 && h.node) {
        const n = { id: 0, keys: [] as number[], vals: [] as number[], lat: 0, lon: 0 };
        pbf.readFields(
          (t, o, p) => {
            if (t === 1) o.id = p.readSVarint();
            else if (t === 2) p.readPackedVarint(o.keys);
            else if (t === 3) p.readPackedVarint(o.vals);
            else if (t === 8) o.lat = p.readSVarint();
            else if (t === 9) o.lon = p.readSVarint();
          },
          n,
          stop,
        );
        h.node(n.id, lat(n.lat), lon(n.lon), n.keys.length ? tagsOf(n.keys, n.vals) : undefined);
      } else if (tag === 3 && h.way) {
        const w = { id: 0, keys: [] as number[], vals: [] as number[], refs: [] as number[] };
        pbf.readFields(
          (t, o, p) => {
            if (t === 1) o.id = p.readVarint();
            else if (t === 2) p.readPackedVarint(o.keys);
            else if (t === 3) p.readPackedVarint(o.vals);
            else if (t === 8) p.readPackedSVarint(o.refs);
          },
          w,
          stop,
        );
        for (let i = 1; i < w.refs.length; i++) w.refs[i]! += w.refs[i - 1]!;
        h.way(w.id, tagsOf(w.keys, w.vals), w.refs);
      }
      pbf.pos = stop;
    }
  }
}

function readDense(
  pbf: Pbf,
  end: number,
  strings: string[],
  lat: (v: number) => number,
  lon: (v: number) => number,
  onNode: NonNullable<BlockHandlers['node']>,
): void {
  const d = { ids: [] as number[], lats: [] as number[], lons: [] as number[], kv: [] as number[] };
  pbf.readFields(
    (t, o, p) => {
      if (t === 1) p.readPackedSVarint(o.ids);
      else if (t === 8) p.readPackedSVarint(o.lats);
      else if (t === 9) p.readPackedSVarint(o.lons);
      else if (t === 10) p.readPackedVarint(o.kv, true);
    },
    d,
    end,
  );
  let id = 0;
  let la = 0;
  let lo = 0;
  let k = 0;
  for (let i = 0; i < d.ids.length; i++) {
    id += d.ids[i]!;
    la += d.lats[i]!;
    lo += d.lons[i]!;
    let tags: Tags | undefined;
    if (k < d.kv.length) {
      while (d.kv[k] !== 0 && k < d.kv.length) {
        tags ??= {};
        tags[strings[d.kv[k]!]!] = strings[d.kv[k + 1]!]!;
        k += 2;
      }
      k++;
    }
    onNode(id, lat(la), lon(lo), tags);
  }
}

/** Reads the extract at `path` into the collector. */
export function readPbf(path: string, into: MapCollector, progress?: Progress): void {
  const ways: Way[] = [];
  let needed: number[] = [];
  for (const block of blocks(path, progress, 1)) {
    readPrimitiveBlock(block, {
      way: (_id, tags, refs) => {
        if (!isWanted(tags)) return;
        ways.push({ tags, refs });
        for (const r of refs) needed.push(r);
      },
    });
  }
  const ids = Float64Array.from(needed).sort();
  needed = [];
  const coords = new Float64Array(ids.length * 2).fill(Number.NaN);
  for (const block of blocks(path, progress, 2)) {
    readPrimitiveBlock(block, {
      node: (id, la, lo, tags) => {
        if (tags && tags.name !== undefined) into.node(tags, la, lo);
        const at = search(ids, id);
        if (at >= 0) {
          coords[2 * at] = la;
          coords[2 * at + 1] = lo;
        }
      },
    });
  }
  for (const w of ways) {
    const points: number[] = [];
    const used: number[] = [];
    for (const r of w.refs) {
      const at = search(ids, r);
      if (at < 0 || Number.isNaN(coords[2 * at]!)) continue; // a node outside the extract
      points.push(coords[2 * at]!, coords[2 * at + 1]!);
      used.push(r);
    }
    into.way(w.tags, points, used);
  }
}

function search(sorted: Float64Array, id: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
