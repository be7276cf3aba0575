/**
 * The runtime's store on better-sqlite3: WAL mode, prepared statements, one synchronous
 * transaction per inbound message.
 */
import Database from 'better-sqlite3';
import type { Session } from '../bot/engine/types.js';
import type { Platform } from '../bot/messages.js';
import type {
  HeldMedia,
  MediaFile,
  MediaInfo,
  NewOutboxRow,
  NewReport,
  OutboxRecord,
  RuntimeStore,
  StepOutcome,
  StoredSession,
} from '../bot/runtime/store-port.js';
import { ONE_OFF_CHAT_PREFIX } from '../bot/outbox-row.js';
import { migrate } from './migrate.js';
import { OutboxHandover } from './outbox-handover.js';
import { OutboxIds } from './outbox-ids.js';
import { preparePrivateDatabase, tightenSidecars } from './private-files.js';
import { SqliteVerificationStore } from './verification-store.js';

export interface OpenOptions {
  /** 'FULL' survives power loss; 'NORMAL' (default) survives a killed process, and is much faster in WAL mode. */
  synchronous?: 'NORMAL' | 'FULL';
}

/**
 * Opens (creating folders and schema as needed) the database at `path` (':memory:' for tests).
 * A new folder is 0700 and the database, `-wal` and `-shm` files are 0600, whatever the umask.
 */
export function openDatabase(path: string, opts: OpenOptions = {}): Database.Database {
  preparePrivateDatabase(path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  tightenSidecars(path);
  db.pragma(`synchronous = ${opts.synchronous ?? 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  // better-sqlite3 builds SQLite with a 16 MB page cache per connection. 3 MB holds the pages hot
  // sessions and the outbox's tail live on (the rest is in the OS's file cache): in `npm run
  // bench`, 13 MB less memory for about 3% of the throughput (2 MB costs 13%).
  db.pragma('cache_size = -3000');
  db.pragma('busy_timeout = 5000');
  // Deleted and overwritten content is zeroed in the file, not just unlinked; the retention sweep
  // then truncates the WAL (store/retention-store.ts), so deleted rows leave no bytes behind.
  db.pragma('secure_delete = ON');
  if (db.pragma('secure_delete', { simple: true }) !== 1) throw new Error('SQLite refused PRAGMA secure_delete = ON');
  // Fewer, larger checkpoints: each one copies WAL pages back into the database file.
  db.pragma('wal_autocheckpoint = 10000');
  migrate(db);
  return db;
}

/**
 * Copies the WAL into the database file and truncates it to zero bytes, so old versions of
 * rewritten pages (with deleted values in them) are gone from the `-wal` file too. With
 * `secure_delete` on, a deleted value is then gone from both files. False when a reader kept it
 * from completing.
 */
export function truncateWal(db: Database.Database): boolean {
  const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return row?.busy === 0;
}

interface SessionRow {
  id: number;
  tipster: string;
  platform: Platform;
  address: string;
  state: string;
  seen: string;
}

/** Everything the runtime stores: sessions, inbox, outbox, media, and (inherited) verification data. */
export class SqliteStore extends SqliteVerificationStore implements RuntimeStore {
  private readonly st;
  /** Wake-up time of each session, mirrored in memory so no index has to be rewritten per message. */
  private readonly wakes = new Map<string, number>();
  private wakesSyncedAt = 0;
  /** The rowid of the session row loadSession() read last, for saveSession() to rewrite it in place. */
  private loaded: { key: string; id: number } | undefined;
  /** Set when something was erased that must leave the file bytes at the next flushErasures(). */
  private erasedSinceCheckpoint = false;
  /** One transaction wrapper for every call: building one per message cost more than some statements. */
  private readonly inTransaction: (fn: () => unknown) => unknown;
  private readonly outboxIds: OutboxIds;
  /**
   * The next report number, mirrored in memory so a message that submits nothing reads nothing;
   * undefined: read it from `meta`. Cleared when a transaction rolls back (the number with it).
   */
  private nextReport: number | undefined;
  /** Each commit's outbox rows, for the dispatcher (see watchOutbox). */
  private readonly handover = new OutboxHandover();
  /** How many of this store's transaction() calls are open (nested ones are savepoints). */
  private depth = 0;

  constructor(db: Database.Database) {
    super(db);
    this.inTransaction = db.transaction((fn: () => unknown) => fn());
    this.outboxIds = new OutboxIds(db);
    const p = <T extends unknown[] = unknown[]>(sql: string) => db.prepare<T>(sql);
    this.st = {
      inboxInsert: p('INSERT OR IGNORE INTO inbox (platform, message_id, received_at) VALUES (?, ?, ?)'),
      inboxHas: p('SELECT 1 FROM inbox WHERE platform = ? AND message_id = ?').pluck(),
      sessionGet: p('SELECT id, tipster, platform, address, state, seen FROM sessions WHERE tipster = ?'),
      // The row just read, rewritten by its rowid: no unique-index probe, no insert attempted first.
      sessionUpdate: p('UPDATE sessions SET state = ?, wake_at = ?, updated_at = ?, seen = ? WHERE id = ? AND tipster = ?'),
      sessionPut: p(`INSERT INTO sessions (tipster, platform, address, state, wake_at, updated_at, seen) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (tipster) DO UPDATE SET platform = excluded.platform, address = excluded.address,
        state = excluded.state, wake_at = excluded.wake_at, updated_at = excluded.updated_at, seen = excluded.seen`),
      sessionDelete: p('DELETE FROM sessions WHERE tipster = ?'),
      sessionsWakes: p('SELECT tipster, wake_at AS wakeAt FROM sessions WHERE wake_at IS NOT NULL'),
      counterGet: p("SELECT value FROM meta WHERE key = 'next_report_number'"),
      counterSet: p("UPDATE meta SET value = ? WHERE key = 'next_report_number'"),
      reportInsert: p(`INSERT INTO reports (number, status, urgent, lang, platform, tipster, fields, seen_at, created_at, updated_at,
        zones, lat, lng, reply_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      mediaInsert: p('INSERT INTO media (ref, tipster, kind, mime, bytes, cleaned, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      mediaInfo: p('SELECT ref, kind, mime, cleaned, length(bytes) > 0 AS hasBytes FROM media WHERE ref = ?'),
      mediaLoad: p('SELECT kind, mime, cleaned, bytes FROM media WHERE ref = ?'),
      mediaAttach: p('UPDATE media SET report_number = ?, tipster = NULL WHERE ref = ?'),
      mediaDelete: p('DELETE FROM media WHERE ref = ? AND report_number IS NULL'),
      mediaDeleteTipster: p('DELETE FROM media WHERE tipster = ? AND report_number IS NULL'),
      reportsUnlink: p('UPDATE reports SET tipster = NULL, reply_address = NULL, relay_open = 0 WHERE tipster = ?'),
      // A block stays (so a blocked sender cannot lift it with STOP), without the report it came from.
      blocksUnlink: p('UPDATE blocks SET report = NULL WHERE tipster = ?'),
      outboxDeleteChat: p('DELETE FROM outbox WHERE chat_key = ?'),
      outboxForgetOneOff: p(`DELETE FROM outbox WHERE id = ? AND chat_key LIKE '${ONE_OFF_CHAT_PREFIX}%'`),
      outboxInsert: p(`INSERT INTO outbox (id, dedupe_key, platform, chat_key, address, payload, next_attempt_at, created_at, lane)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING`),
      // A row without a dedupe key (a reply) cannot conflict on one: a plain insert skips the upsert's work.
      outboxInsertReply: p(`INSERT INTO outbox (id, platform, chat_key, address, payload, next_attempt_at, created_at, lane)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      outboxPending: p(`SELECT id, platform, chat_key AS chatKey, address, payload, attempts, next_attempt_at AS nextAttemptAt,
        dedupe_key AS dedupeKey, lane FROM outbox WHERE id > ? AND status = 'pending' ORDER BY id LIMIT ?`),
      outboxSent: p(`UPDATE outbox SET status = 'sent', sent_at = ?, platform_message_id = ?, attempts = attempts + 1,
        payload = '{}', address = '' WHERE id = ?`),
      outboxRetry: p('UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?'),
      outboxDead: p(`UPDATE outbox SET status = 'dead', attempts = ?, last_error = ? WHERE id = ?`),
      stats: p(`SELECT (SELECT COUNT(*) FROM sessions) AS sessions,
        (SELECT COUNT(*) FROM outbox WHERE status = 'pending') AS outboxPending,
        (SELECT COUNT(*) FROM outbox WHERE status = 'dead') AS outboxDead,
        (SELECT COUNT(*) FROM reports) AS reports`),
    };
    this.syncWakes(0);
  }

  /** Reloads the wake-up mirror from the database (at start, and now and then to heal after a rollback). */
  private syncWakes(now: number): void {
    this.wakes.clear();
    for (const row of this.st.sessionsWakes.all() as { tipster: string; wakeAt: number }[]) this.wakes.set(row.tipster, row.wakeAt);
    this.wakesSyncedAt = now;
  }

  transaction<T>(fn: () => T): T {
    const outermost = this.depth === 0;
    const mark = this.handover.mark();
    let result: T;
    this.depth += 1;
    try {
      result = this.inTransaction(fn) as T;
    } catch (err) {
      this.nextReport = undefined;
      // The rows of a rolled-back savepoint go with it; all of them when the transaction is gone.
      this.handover.rolledBack(mark, outermost || !this.db.inTransaction);
      throw err;
    } finally {
      this.depth -= 1;
    }
    if (outermost) {
      if (this.db.inTransaction)
        this.handover.leftForPoll(); // inside someone else's transaction
      else this.handover.committed();
    }
    return result;
  }

  watchOutbox(listener: (rows: OutboxRecord[]) => void): void {
    this.handover.watch(listener);
  }

  transactionEach<T>(steps: readonly (() => T)[]): StepOutcome<T>[] {
    const out: StepOutcome<T>[] = [];
    try {
      this.transaction(() => {
        for (const step of steps) {
          try {
            out.push({ ok: true, value: this.transaction(step) }); // nested: a savepoint
          } catch (error) {
            out.push({ ok: false, error });
            // SQLite ends the whole transaction on some errors (a full disk, an I/O error): then
            // nothing before this step is kept either, and nothing after it may run outside it.
            if (!this.db.inTransaction) throw error;
          }
        }
      });
    } catch (error) {
      return steps.map(() => ({ ok: false, error }));
    }
    return out;
  }

  markInbound(platform: Platform, messageId: string, now: number): boolean {
    return this.st.inboxInsert.run(platform, messageId, now).changes === 1;
  }

  wasInbound(platform: Platform, messageId: string): boolean {
    return this.st.inboxHas.get(platform, messageId) !== undefined;
  }

  loadSession(key: string): StoredSession | undefined {
    const row = this.st.sessionGet.get(key) as SessionRow | undefined;
    this.loaded = row ? { key, id: row.id } : undefined;
    return row ? toSession(row) : undefined;
  }

  /**
   * Writes a session. The row loadSession() just read is updated by its rowid (its platform and
   * sealed address never change); any other is inserted or replaced by its pseudonym.
   */
  saveSession(s: StoredSession, now: number): void {
    const state = JSON.stringify(s.session);
    const wakeAt = s.session.wakeAt ?? null;
    const loaded = this.loaded?.key === s.key ? this.loaded : undefined;
    if (!loaded || this.st.sessionUpdate.run(state, wakeAt, now, s.seen ?? '', loaded.id, s.key).changes === 0) {
      this.st.sessionPut.run(s.key, s.platform, s.address, state, wakeAt, now, s.seen ?? '');
    }
    if (s.session.wakeAt === undefined) this.wakes.delete(s.key);
    else this.wakes.set(s.key, s.session.wakeAt);
  }

  deleteSession(key: string): void {
    this.st.sessionDelete.run(key);
    this.wakes.delete(key);
  }

  /**
   * Sessions whose wake-up time has come. The in-memory mirror can be ahead of the database
   * after a rolled-back transaction, so each hit is re-read and the mirror corrected.
   */
  dueSessions(now: number, limit: number): StoredSession[] {
    if (now - this.wakesSyncedAt > 60_000) this.syncWakes(now);
    const due: StoredSession[] = [];
    for (const [key, wakeAt] of this.wakes) {
      if (wakeAt > now) continue;
      const stored = this.loadSession(key);
      const actual = stored?.session.wakeAt;
      if (!stored || actual === undefined) this.wakes.delete(key);
      else if (actual > now) this.wakes.set(key, actual);
      else due.push(stored);
      if (due.length >= limit) break;
    }
    return due;
  }

  peekReportNumber(): number {
    this.nextReport ??= Number.parseInt((this.st.counterGet.get() as { value: string }).value, 10);
    return this.nextReport;
  }

  useReportNumber(number: number): void {
    this.st.counterSet.run(String(number + 1));
    this.nextReport = number + 1;
  }

  insertReport(n: NewReport): void {
    const r = n.report;
    this.st.reportInsert.run(
      r.number,
      r.status,
      r.urgent ? 1 : 0,
      r.lang,
      n.platform,
      n.tipster,
      JSON.stringify(r.draft),
      r.seenAt,
      r.submittedAt,
      r.submittedAt,
      JSON.stringify(n.zones),
      n.point?.lat ?? null,
      n.point?.lng ?? null,
      n.replyAddress,
    );
    for (const ref of n.mediaRefs) this.st.mediaAttach.run(r.number, ref);
  }

  holdMedia(m: HeldMedia, now: number): void {
    this.st.mediaInsert.run(m.ref, m.tipster, m.kind, m.mime, Buffer.from(m.bytes), m.cleaned ? 1 : 0, now);
  }

  mediaInfo(refs: string[]): MediaInfo[] {
    type Row = Omit<MediaInfo, 'cleaned' | 'hasBytes'> & { cleaned: number; hasBytes: number };
    return refs.flatMap((ref) => {
      const row = this.st.mediaInfo.get(ref) as Row | undefined;
      return row ? [{ ...row, cleaned: row.cleaned === 1, hasBytes: row.hasBytes === 1 }] : [];
    });
  }

  loadMedia(ref: string): MediaFile | undefined {
    const row = this.st.mediaLoad.get(ref) as (Omit<MediaFile, 'cleaned' | 'bytes'> & { cleaned: number; bytes: Buffer }) | undefined;
    if (!row) return undefined;
    return {
      kind: row.kind,
      mime: row.mime,
      cleaned: row.cleaned === 1,
      bytes: new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength),
    };
  }

  discardMedia(refs: string[]): void {
    for (const ref of refs) this.st.mediaDelete.run(ref);
  }

  eraseTipster(key: string): void {
    this.deleteSession(key);
    this.st.mediaDeleteTipster.run(key);
    this.st.reportsUnlink.run(key);
    this.st.blocksUnlink.run(key);
    this.st.outboxDeleteChat.run(key);
    this.erasedSinceCheckpoint = true;
  }

  flushErasures(): boolean {
    if (!this.erasedSinceCheckpoint) return true;
    this.erasedSinceCheckpoint = false;
    return truncateWal(this.db);
  }

  /**
   * A one-off row (see ONE_OFF_CHAT_PREFIX) is deleted once it has been sent or given up, instead
   * of being kept as sent or dead; true when `chatKey` is one (its row is then gone).
   */
  private forgotOneOff(id: number, chatKey: string): boolean {
    if (!chatKey.startsWith(ONE_OFF_CHAT_PREFIX)) return false;
    if (this.st.outboxForgetOneOff.run(id).changes > 0) this.erasedSinceCheckpoint = true;
    return true;
  }

  enqueue(row: NewOutboxRow, now: number): boolean {
    const insert = () =>
      (row.dedupeKey === undefined
        ? this.st.outboxInsertReply.run(this.outboxIds.peek(), row.platform, row.chatKey, row.address, row.payload, now, now, row.lane ?? 1)
        : this.st.outboxInsert.run(
            this.outboxIds.peek(),
            row.dedupeKey,
            row.platform,
            row.chatKey,
            row.address,
            row.payload,
            now,
            now,
            row.lane ?? 1,
          )
      ).changes === 1;
    let inserted: boolean;
    try {
      inserted = insert();
    } catch (err) {
      if (!(err instanceof Database.SqliteError && err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')) throw err;
      this.outboxIds.resync();
      inserted = insert();
    }
    if (!inserted) return false;
    const onItsOwn = !this.db.inTransaction;
    this.handover.inserted(this.outboxIds.peek(), row, now, { inOwnTransaction: this.depth > 0, onItsOwn });
    this.outboxIds.use();
    return true;
  }

  pendingOutbox(afterId: number, limit: number): OutboxRecord[] {
    return this.st.outboxPending.all(afterId, limit) as OutboxRecord[];
  }

  markSent(row: { id: number; chatKey: string }, now: number, platformMessageId: string | undefined): void {
    if (!this.forgotOneOff(row.id, row.chatKey)) this.st.outboxSent.run(now, platformMessageId ?? null, row.id);
  }

  markRetry(id: number, attempts: number, nextAttemptAt: number, error: string): void {
    this.st.outboxRetry.run(attempts, nextAttemptAt, error, id);
  }

  markDead(row: { id: number; chatKey: string }, attempts: number, error: string): void {
    if (!this.forgotOneOff(row.id, row.chatKey)) this.st.outboxDead.run(attempts, error, row.id);
  }

  stats(): { sessions: number; outboxPending: number; outboxDead: number; reports: number } {
    return this.st.stats.get() as { sessions: number; outboxPending: number; outboxDead: number; reports: number };
  }

  close(): void {
    this.db.close();
  }
}

function toSession(row: SessionRow): StoredSession {
  return { key: row.tipster, platform: row.platform, address: row.address, seen: row.seen, session: JSON.parse(row.state) as Session };
}
