/**
 * The fast lane (`npm run check`): every test except the suites that run the bot as a process or
 * drive adapters over the platform fakes' real loopback servers with real retry timings. Those
 * take seconds each (measured with vitest's JSON report) and run in `npm test`, which CI runs.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/** Suites left to `npm test`: processes, and adapters over the platform fakes (1.5-5 s per file). */
const SLOW_SUITES = [
  'tests/e2e/**',
  'tests/contract/**',
  'tests/fakes/**',
  'adapters/signal/adapter.test.ts',
  'adapters/telegram/adapter.test.ts',
  'adapters/whatsapp/adapter.test.ts',
];

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [...(base.test?.exclude ?? []), ...SLOW_SUITES],
      // Test files in a worker share loaded modules instead of each importing the tree afresh:
      // 25 s instead of 2 min on two cores. `npm test` keeps isolation, so a test that leans on
      // another file's leftovers still fails there.
      isolate: false,
    },
  }),
);
