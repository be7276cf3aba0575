/**
 * The outbox rows of the store's open transaction, handed to one listener (the dispatcher) as
 * that transaction commits, so they are sent without being read back (see RuntimeStore.watchOutbox).
 * Rows of a savepoint or transaction that rolls back are dropped with it. A row written inside a
 * transaction someone else opened on the connection is not handed over: whether that commits is
 * not known here, and the dispatcher's poll timer reads it from the database.
 */
import type { NewOutboxRow, OutboxRecord } from '../bot/outbox-row.js';

export class OutboxHandover {
  private listener: ((rows: OutboxRecord[]) => void) | undefined;
  private written: OutboxRecord[] = [];

  watch(listener: (rows: OutboxRecord[]) => void): void {
    this.listener = listener;
  }

  /** Where a savepoint starts: {@link rolledBack} drops what was written after it. */
  mark(): number {
    return this.written.length;
  }

  /**
   * A row just inserted as `id`. `inOwnTransaction`: inside the store's transaction (handed over
   * at its commit); `onItsOwn`: outside any transaction (committed already, handed over now).
   */
  inserted(id: number, row: NewOutboxRow, now: number, where: { inOwnTransaction: boolean; onItsOwn: boolean }): void {
    if (!this.listener || !(where.inOwnTransaction || where.onItsOwn)) return;
    this.written.push({
      id,
      platform: row.platform,
      chatKey: row.chatKey,
      address: row.address,
      payload: row.payload,
      attempts: 0,
      nextAttemptAt: now,
      dedupeKey: row.dedupeKey ?? null,
      lane: row.lane ?? 1,
      ...(row.chat ? { chat: row.chat } : {}),
    });
    if (where.onItsOwn) this.committed();
  }

  /** A savepoint rolled back (`mark` from {@link mark}), or, with `all`, the whole transaction. */
  rolledBack(mark: number, all: boolean): void {
    if (all) this.written = [];
    else this.written.length = mark;
  }

  /** The store's outermost transaction committed: its rows go to the listener. */
  committed(): void {
    const rows = this.written;
    if (rows.length === 0) return;
    this.written = [];
    this.listener?.(rows);
  }

  /** The store's outermost transaction ended inside someone else's: its rows are left for the poll timer. */
  leftForPoll(): void {
    this.written = [];
  }
}
