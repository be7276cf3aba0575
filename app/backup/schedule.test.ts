import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../store/sqlite-store.js';
import { eventually } from '../../tests/support/eventually.js';
import { createLogger } from '../logger.js';
import { BackupSchedule, backupFileName, listBackups } from './schedule.js';

const T0 = Date.UTC(2026, 10, 21, 17, 0, 0);
const HOUR = 3_600_000;

let dir: string;
let recipient: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'centinela-schedule-'));
  recipient = await identityToRecipient(await generateX25519Identity());
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function schedule(clock: () => number, everyMs = HOUR, keep = 2) {
  const db = openDatabase(join(dir, 'data', 'centinela.db'));
  const s = new BackupSchedule({
    db,
    settings: { recipient, dir: join(dir, 'backups'), everyMs, keep },
    scratchParent: join(dir, 'data'),
    logger: createLogger('silent'),
    clock,
  });
  return { s, db };
}

describe('scheduled backups', () => {
  it('names each backup by its UTC time', () => {
    expect(backupFileName(T0)).toBe('centinela-20261121T170000Z.db.age');
  });

  it('keeps only the newest backup.keep, and leaves other files in the folder alone', async () => {
    let now = T0;
    const { s, db } = schedule(() => now);
    for (let i = 0; i < 4; i++) {
      await s.runOnce();
      now += HOUR;
    }
    writeFileSync(join(dir, 'backups', 'notes.txt'), 'mine');
    await s.runOnce();
    db.close();
    expect(readdirSync(join(dir, 'backups')).sort()).toEqual([
      'centinela-20261121T200000Z.db.age',
      'centinela-20261121T210000Z.db.age',
      'notes.txt',
    ]);
  });

  it('makes the first backup at start, then waits for the interval counted from the last one on disk', async () => {
    let now = T0;
    const first = schedule(() => now, 50);
    first.s.start();
    await eventually(() => expect(listBackups(join(dir, 'backups')).length).toBeGreaterThan(0));
    await first.s.stop();
    first.db.close();

    // A restart an hour into a day-long interval makes no backup now.
    now = T0 + HOUR;
    const second = schedule(() => now, 24 * HOUR);
    second.s.start();
    await new Promise((r) => setTimeout(r, 200));
    await second.s.stop();
    second.db.close();
    expect(listBackups(join(dir, 'backups')).map((b) => b.at)).toEqual([T0]);
  });
});
