#!/usr/bin/env node
/**
 * `npm run check`: the fast lane before a commit. Runs the format check, the import-cycle check,
 * the typecheck, lint and the unit tests (vitest.unit.config.ts) side by side, prints each one's
 * output as it finishes (never interleaved) with its time, and fails if any of them fails.
 *
 * Prettier, TypeScript and ESLint keep caches in node_modules/.cache/centinela, so a second run
 * only looks again at what changed. Prettier's and TypeScript's caches are exact. ESLint's is
 * per file: a type change in one file does not re-lint the unchanged files that use it, so a
 * rule about promises may only fire there in `npm test`, the full, uncached suite CI runs.
 *
 *   node scripts/check.mjs
 */
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const CACHE = 'node_modules/.cache/centinela';
const BIN = 'node_modules/.bin';

const STEPS = [
  ['format', `${BIN}/prettier`, ['--check', '--log-level', 'warn', '--cache', '--cache-location', `${CACHE}/prettier`, '.']],
  ['import cycles', 'node', ['scripts/import-cycles.mjs']],
  ['typecheck', `${BIN}/tsc`, ['-p', 'tsconfig.json', '--noEmit', '--incremental', '--tsBuildInfoFile', `${CACHE}/tsconfig.tsbuildinfo`]],
  ['lint', `${BIN}/eslint`, ['--cache', '--cache-strategy', 'content', '--cache-location', `${CACHE}/eslint`, '.']],
  ['unit tests', `${BIN}/vitest`, ['run', '-c', 'vitest.unit.config.ts']],
];

/** Runs one step with its output captured; resolves with its exit code, output and time. */
function run(name, command, args) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '1' } });
    const out = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => out.push(c));
    child.on('error', (err) => resolve({ name, code: 1, output: String(err), seconds: 0 }));
    child.on('close', (code) =>
      resolve({ name, code: code ?? 1, output: Buffer.concat(out).toString(), seconds: (performance.now() - started) / 1000 }),
    );
  });
}

const started = performance.now();
const results = await Promise.all(
  STEPS.map(([name, command, args]) =>
    run(name, command, args).then((r) => {
      const mark = r.code === 0 ? 'ok' : 'FAILED';
      if (r.code !== 0 && r.output.trim()) process.stdout.write(`\n--- ${name} ---\n${r.output.trimEnd()}\n`);
      console.log(`${mark.padEnd(6)} ${name} (${r.seconds.toFixed(1)} s)`);
      return r;
    }),
  ),
);
const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
console.log(
  `\ncheck ${failed.length ? `failed: ${failed.join(', ')}` : 'passed'} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(failed.length ? 1 : 0);
