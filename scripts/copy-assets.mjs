// Copies the non-TypeScript files the compiled app reads at run time (migrations, locales,
// the simulator page) into an output folder: `node scripts/copy-assets.mjs dist`. The folders are
// emptied first, so a migration renamed or removed in the source is not left behind in a build.
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? 'dist';
for (const dir of ['store/migrations', 'locales']) rmSync(join(out, dir), { recursive: true, force: true });
cpSync('store/migrations', join(out, 'store/migrations'), { recursive: true });
cpSync('locales', join(out, 'locales'), { recursive: true });
cpSync('adapters/simulator/page.html', join(out, 'adapters/simulator/page.html'));
