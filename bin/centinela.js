#!/usr/bin/env node
// `centinela ...` (`npx centinela` in a checkout, `centinela` in the Docker image): the TypeScript
// source through tsx when it is there, else the compiled CLI in dist/ (the image has only that).
import { existsSync } from 'node:fs';

const source = new URL('../app/cli.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('../dist/app/cli.js', import.meta.url).href);
}
