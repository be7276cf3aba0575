/** Pending inbound messages (see bot/runtime/pending-inbound.ts) on better-sqlite3. */
import type Database from 'better-sqlite3';
import type { Platform } from '../bot/messages.js';
import type { PendingInbound, PendingInboundStore } from '../bot/runtime/pending-inbound.js';

export class SqlitePendingInboundStore implements PendingInboundStore {
  private readonly st;

  constructor(db: Database.Database) {
    this.st = {
      insert: db.prepare('INSERT INTO pending_inbound (message_key, platform, message, received_at) VALUES (?, ?, ?, ?)'),
      delete: db.prepare('DELETE FROM pending_inbound WHERE message_key = ?'),
      list: db.prepare(
        'SELECT message_key AS key, platform, message AS sealed, received_at AS receivedAt FROM pending_inbound ORDER BY received_at, rowid',
      ),
    };
  }

  savePending(row: { key: string; platform: Platform; sealed: string }, now: number): void {
    this.st.insert.run(row.key, row.platform, row.sealed, now);
  }

  takePending(key: string): boolean {
    return this.st.delete.run(key).changes === 1;
  }

  listPending(): PendingInbound[] {
    return this.st.list.all() as PendingInbound[];
  }
}
