#!/usr/bin/env node
/**
 * Fails when the TypeScript sources import each other in a circle (type-only imports included:
 * a circle of types is still two concepts that cannot be understood apart). Uses the TypeScript
 * compiler's own import scanner, so it needs nothing beyond the compiler.
 *
 *   node scripts/import-cycles.mjs        # prints each cycle, exits 1 if there is any
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FOLDERS = ['adapters', 'app', 'bot', 'store', 'tests', 'bench', 'scripts'];
const SKIP = new Set(['node_modules', 'dist', 'dist-bench', '__golden__']);

function sources(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The relative imports of a file, resolved to source files (`./x.js` -> `./x.ts`). */
function importsOf(file) {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => resolve(dirname(file), spec).replace(/\.js$/, '.ts'))
    .map((path) => (existsSync(path) ? path : path.replace(/\.ts$/, '.tsx')))
    .filter((path) => existsSync(path));
}

/** Every elementary cycle found by a depth-first search, each listed once. */
export function findCycles(graph) {
  const cycles = new Map();
  const state = new Map(); // 1: on the stack, 2: done
  const stack = [];
  const visit = (node) => {
    state.set(node, 1);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 1) {
        const cycle = stack.slice(stack.indexOf(next));
        const start = cycle.indexOf([...cycle].sort()[0]);
        const key = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.set(key.join(' -> '), key);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 2);
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return [...cycles.values()];
}

export function projectCycles(root = ROOT) {
  const graph = new Map();
  for (const folder of FOLDERS) for (const file of sources(join(root, folder))) graph.set(file, importsOf(file));
  return findCycles(graph).map((cycle) => cycle.map((f) => relative(root, f)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cycles = projectCycles();
  for (const c of cycles) console.error(`import cycle: ${[...c, c[0]].join(' -> ')}`);
  if (cycles.length > 0) process.exit(1);
  console.log('no import cycles');
}
