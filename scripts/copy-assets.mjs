// Copies the non-TypeScript files the compiled app reads at run time (migrations, locales,
// the simulator page) into an output folder: `node scripts/copy-assets.mjs dist`.
import { cpSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? 'dist';
cpSync('store/migrations', join(out, 'store/migrations'), { recursive: true });
cpSync('locales', join(out, 'locales'), { recursive: true });
cpSync('adapters/simulator/page.html', join(out, 'adapters/simulator/page.html'));
