/**
 * Ids for new outbox rows, never reused (the dispatcher reads new rows by id, after the highest it
 * has seen; a reused id would not be sent until a restart). AUTOINCREMENT guaranteed this by
 * rewriting `sqlite_sequence` with every row, a page written per message; here the ids come from
 * blocks reserved in `meta` (`outbox_ids_reserved`, the highest id reserved so far), one small
 * write per block. Ids of a block a crash cut short are skipped, never handed out again.
 */
import type Database from 'better-sqlite3';

const RESERVED_KEY = 'outbox_ids_reserved';
/** Ids reserved per write of `meta`. */
export const OUTBOX_ID_BLOCK = 1000;

export class OutboxIds {
  private readonly st;
  /** The id the next row takes. */
  private next: number;
  /** The highest id this process has reserved (and written to `meta`). */
  private reservedTo: number;

  constructor(db: Database.Database) {
    this.st = {
      reserved: db.prepare<[], string>(`SELECT value FROM meta WHERE key = '${RESERVED_KEY}'`).pluck(),
      maxId: db.prepare<[], number | null>('SELECT MAX(id) FROM outbox').pluck(),
      reserve: db.prepare(
        `INSERT INTO meta (key, value) VALUES ('${RESERVED_KEY}', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ),
    };
    this.reservedTo = this.persisted();
    this.next = this.reservedTo + 1;
  }

  /**
   * The id for a row being written in the current transaction; `use()` it once the row is in.
   * Reserves the next block first when this one is used up, in the same transaction.
   */
  peek(): number {
    if (this.next > this.reservedTo) {
      // Read again: after a rolled-back transaction the stored value can be below what this
      // process thought it had reserved (the ids it used since are in rows, or were rolled back
      // too); take whichever is higher.
      const base = Math.max(this.persisted(), this.next - 1);
      this.reservedTo = base + OUTBOX_ID_BLOCK;
      this.st.reserve.run(String(this.reservedTo));
    }
    return this.next;
  }

  /** Marks the id from `peek()` used. */
  use(): void {
    this.next += 1;
  }

  /**
   * Starts a new block above everything in the database: for when the id from `peek()` was taken
   * after all (another process writing to the same database).
   */
  resync(): void {
    this.reservedTo = this.persisted();
    this.next = this.reservedTo + 1;
  }

  /** The highest id reserved or used so far, as the database says. */
  private persisted(): number {
    const reserved = Number.parseInt(this.st.reserved.get() ?? '0', 10);
    return Math.max(Number.isFinite(reserved) ? reserved : 0, this.st.maxId.get() ?? 0);
  }
}
