/** Reads the recorded-shape Signal receive fixtures (`fixtures/*.json`) by name. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Every fixture, keyed by file name without `.json`. */
export function loadSignalFixtures(): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const file of readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    out.set(file.slice(0, -'.json'.length), JSON.parse(readFileSync(DIR + file, 'utf8')) as unknown);
  }
  return out;
}

/** One fixture by name. */
export function signalFixture(name: string): unknown {
  const f = loadSignalFixtures().get(name);
  if (f === undefined) throw new Error(`no Signal fixture ${name}`);
  return f;
}
