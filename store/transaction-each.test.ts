/**
 * Group commit in the store: each step in a savepoint, one commit. What a step was told must be
 * what the file holds: a step reported done is stored, a step reported failed left nothing, also
 * when SQLite gives up the whole transaction (a full disk) instead of one statement.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, SqliteStore } from './sqlite-store.js';

function store(): SqliteStore {
  return new SqliteStore(openDatabase(join(mkdtempSync(join(tmpdir(), 'centinela-group-')), 'g.db')));
}

const mark = (s: SqliteStore, id: string) => () => s.markInbound('simulator', id, 1);
const kept = (s: SqliteStore) => s.db.prepare('SELECT message_id FROM inbox ORDER BY message_id').pluck().all() as string[];

describe('transactionEach', () => {
  it('commits every step once; a step that throws is rolled back alone', () => {
    const s = store();
    const out = s.transactionEach([
      mark(s, 'a'),
      () => {
        mark(s, 'b')();
        throw new Error('engine bug');
      },
      mark(s, 'c'),
    ]);
    expect(out.map((o) => o.ok)).toEqual([true, false, true]);
    expect(kept(s)).toEqual(['a', 'c']);
    expect(s.db.inTransaction).toBe(false);
    s.close();
  });

  it('a full disk: whatever SQLite keeps, every step reported done is stored and every step reported failed is not', () => {
    const s = store();
    s.db.exec('CREATE TABLE filler (b BLOB)');
    const pages = s.db.pragma('page_count', { simple: true }) as number;
    s.db.pragma(`max_page_count = ${pages + 2}`);
    const ids = ['a', 'b', 'c', 'd'];
    const out = s.transactionEach(
      ids.map((id) => () => {
        mark(s, id)();
        if (id === 'b') s.db.prepare('INSERT INTO filler VALUES (?)').run(Buffer.alloc(64 * 1024)); // SQLITE_FULL
      }),
    );
    expect(out[1]?.ok).toBe(false);
    const done = ids.filter((_, i) => out[i]?.ok);
    expect(kept(s)).toEqual(done);
    expect(s.db.inTransaction).toBe(false);
    s.close();
  });
});
