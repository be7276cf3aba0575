/**
 * A dashboard sign-in link is a secret for ten minutes: once the message carrying it was sent,
 * its token is nowhere in the database files (the `.db` and its `-wal`), not just gone from the
 * outbox table. Only the token's hash stays, to check the link when it is opened.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { Harness } from '../support/harness.js';

let dir: string | undefined;
let h: Harness | undefined;

afterEach(async () => {
  await h?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('the sign-in link leaves the database files once it is sent', async () => {
  dir = mkdtempSync(join(tmpdir(), 'centinela-link-'));
  const dbPath = join(dir, 'centinela.db');
  h = await new Harness({ dbPath }).start();
  await h.say('verifier-1', '/dashboard');
  const reply = h.lastTo('verifier-1')?.text ?? '';
  const token = /token=([\w-]+)/.exec(reply)?.[1];
  expect(token).toBeDefined();
  await h.flush();
  const wal = `${dbPath}-wal`;
  const bytes = Buffer.concat([readFileSync(dbPath), existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)]);
  expect(bytes.includes(Buffer.from(token!))).toBe(false);
});
