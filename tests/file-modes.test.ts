/**
 * Everything Centinela keeps on disk is readable by its owner only, whatever the umask: the data
 * folder it creates (0700), the database, its `-wal` and `-shm`, the simulator's history and a
 * generated secret (0600). Files left with looser modes by an earlier version are tightened.
 */
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSecret } from '../app/secret.js';
import { openDatabase } from '../store/sqlite-store.js';
import { Harness } from './support/harness.js';

let dir: string;
let umask: number;
let h: Harness | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'centinela-modes-'));
  // As permissive as a umask gets: whatever is private below is private on purpose.
  umask = process.umask(0o000);
});
afterEach(async () => {
  await h?.stop();
  h = undefined;
  process.umask(umask);
  rmSync(dir, { recursive: true, force: true });
});

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('file modes', () => {
  it('creates the data folder 0700 and the database, WAL, SHM, simulator history and secret 0600', async () => {
    const data = join(dir, 'var', 'data');
    const dbPath = join(data, 'centinela.db');
    const { source } = loadSecret({}, data, { mayGenerate: true });
    expect(source).toBe('generated');
    h = await new Harness({ dbPath }).start();
    await h.send('ana', { text: 'hola' }); // writes, so the WAL has pages in it

    const files = ['centinela.db', 'centinela.db-wal', 'centinela.db-shm', 'simulator.db', 'secret.key'].map((f) => join(data, f));
    for (const f of files) expect(existsSync(f), f).toBe(true);
    expect(Object.fromEntries(files.map((f) => [f.slice(data.length + 1), mode(f)]))).toEqual({
      'centinela.db': '600',
      'centinela.db-wal': '600',
      'centinela.db-shm': '600',
      'simulator.db': '600',
      'secret.key': '600',
    });
    expect(mode(data)).toBe('700');
    expect(mode(join(dir, 'var'))).toBe('700');
  });

  it('tightens a database, WAL and SHM left world-readable by an earlier run', () => {
    const dbPath = join(dir, 'centinela.db');
    openDatabase(dbPath).close();
    for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) {
      if (!existsSync(f)) writeFileSync(f, '');
      chmodSync(f, 0o644);
    }
    const db = openDatabase(dbPath);
    try {
      db.prepare("INSERT INTO meta (key, value) VALUES ('probe', 'x')").run();
      for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) expect(mode(f), f).toBe('600');
    } finally {
      db.close();
    }
  });
});
