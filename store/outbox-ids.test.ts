import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTBOX_ID_BLOCK } from './outbox-ids.js';
import { openDatabase, SqliteStore } from './sqlite-store.js';

const row = (chatKey: string, dedupeKey?: string) => ({
  platform: 'simulator' as const,
  address: 'sealed',
  chatKey,
  payload: '{}',
  ...(dedupeKey ? { dedupeKey } : {}),
});
const ids = (s: SqliteStore) => s.db.prepare('SELECT id FROM outbox ORDER BY id').pluck().all() as number[];

describe('outbox ids', () => {
  it('are never reused: not after the newest rows are deleted, not across a restart, not across blocks', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'centinela-ids-')), 'o.db');
    let store = new SqliteStore(openDatabase(path));
    store.transaction(() => {
      for (let i = 0; i < OUTBOX_ID_BLOCK + 5; i++) store.enqueue(row(`c${i}`), 1);
    });
    const first = ids(store);
    expect(first).toHaveLength(OUTBOX_ID_BLOCK + 5);
    expect(new Set(first).size).toBe(first.length);
    const highest = Math.max(...first);

    // A STOP deletes the newest rows; the next row still gets a new id.
    store.db.prepare('DELETE FROM outbox WHERE id > ?').run(highest - 3);
    store.enqueue(row('after-delete'), 2);
    expect(Math.max(...ids(store))).toBeGreaterThan(highest);
    const beforeRestart = Math.max(...ids(store));
    store.db.prepare('DELETE FROM outbox WHERE id = ?').run(beforeRestart);
    store.close();

    store = new SqliteStore(openDatabase(path));
    store.enqueue(row('after-restart'), 3);
    expect(Math.max(...ids(store))).toBeGreaterThan(beforeRestart);
    store.close();
  });

  it('a row with a dedupe key is written once, and takes no id when it is not', () => {
    const store = new SqliteStore(openDatabase(':memory:'));
    expect(store.enqueue(row('g', 'alert:1:g'), 1)).toBe(true);
    expect(store.enqueue(row('g', 'alert:1:g'), 1)).toBe(false);
    expect(store.enqueue(row('h'), 1)).toBe(true);
    const [a, b] = ids(store);
    expect(b).toBe(a! + 1);
    store.close();
  });

  it('another writer taking the next id does not lose the row', () => {
    const store = new SqliteStore(openDatabase(':memory:'));
    store.enqueue(row('a'), 1);
    const next = Math.max(...ids(store)) + 1;
    store.db
      .prepare(
        "INSERT INTO outbox (id, platform, chat_key, address, payload, next_attempt_at, created_at) VALUES (?, 'simulator', 'x', '', '{}', 0, 0)",
      )
      .run(next);
    expect(store.enqueue(row('b'), 1)).toBe(true);
    expect(ids(store)).toHaveLength(3);
    store.close();
  });
});
