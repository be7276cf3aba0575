/**
 * Reads an OpenStreetMap .osm XML file (as JOSM, Overpass or `osmium cat -o x.osm` write it),
 * streamed through `saxes`. Keeps every node's coordinates in memory, which suits a
 * neighbourhood or a city; for a county use the .osm.pbf extract.
 */
import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';
import type { MapCollector, Tags } from './collect.js';
import type { Progress } from './read-pbf.js';

export async function readOsmXml(path: string, into: MapCollector, progress?: Progress, total = 0): Promise<void> {
  const parser = new SaxesParser();
  const coords = new Map<number, [number, number]>();
  let node: { id: number; lat: number; lng: number; tags: Tags } | undefined;
  let way: { refs: number[]; tags: Tags } | undefined;
  let failure: Error | undefined;
  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    switch (tag.name) {
      case 'node': {
        const id = Number(a.id);
        const lat = Number(a.lat);
        const lng = Number(a.lon);
        if (!Number.isFinite(lat) || !Number.isFinite(lng)) return;
        coords.set(id, [lat, lng]);
        node = { id, lat, lng, tags: {} };
        return;
      }
      case 'way':
        way = { refs: [], tags: {} };
        return;
      case 'nd':
        if (way && a.ref !== undefined) way.refs.push(Number(a.ref));
        return;
      case 'tag':
        if (a.k === undefined || a.v === undefined) return;
        if (way) way.tags[a.k] = a.v;
        else if (node) node.tags[a.k] = a.v;
        return;
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'node' && node) {
      if (node.tags.name !== undefined) into.node(node.tags, node.lat, node.lng);
      node = undefined;
    } else if (tag.name === 'way' && way) {
      const points: number[] = [];
      const ids: number[] = [];
      for (const r of way.refs) {
        const c = coords.get(r);
        if (!c) continue;
        points.push(c[0], c[1]);
        ids.push(r);
      }
      into.way(way.tags, points, ids);
      way = undefined;
    }
  });
  parser.on('error', (err) => {
    failure ??= err;
  });
  let done = 0;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    parser.write(chunk as string);
    if (failure) throw new Error(`not a readable .osm file: ${failure.message.split('\n')[0]}`);
    done += Buffer.byteLength(chunk as string);
    progress?.(done, total);
  }
  parser.close();
  if (failure) throw new Error(`not a readable .osm file: ${failure.message.split('\n')[0]}`);
}
