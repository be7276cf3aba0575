/**
 * The runtime's store on better-sqlite3: WAL mode, prepared statements, one synchronous
 * transaction per inbound message.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Session, SubmittedReport } from '../bot/engine/types.js';
import type { Platform } from '../bot/messages.js';
import type {
  HeldMedia,
  NewOutboxRow,
  OutboxRecord,
  RuntimeStore,
  StoredSession,
} from '../bot/runtime/store-port.js';
import { migrate } from './migrate.js';

export interface OpenOptions {
  /** 'FULL' survives power loss; 'NORMAL' (default) survives a killed process, and is much faster in WAL mode. */
  synchronous?: 'NORMAL' | 'FULL';
}

/** Opens (creating folders and schema as needed) the database at `path` (':memory:' for tests). */
export function openDatabase(path: string, opts: OpenOptions = {}): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${opts.synchronous ?? 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

interface SessionRow {
  tipster: string;
  platform: Platform;
  address: string;
  state: string;
}

export class SqliteStore implements RuntimeStore {
  private readonly st;

  constructor(readonly db: Database.Database) {
    const p = <T extends unknown[] = unknown[]>(sql: string) => db.prepare<T>(sql);
    this.st = {
      inboxInsert: p('INSERT OR IGNORE INTO inbox (platform, message_id, received_at) VALUES (?, ?, ?)'),
      sessionGet: p('SELECT tipster, platform, address, state FROM sessions WHERE tipster = ?'),
      sessionPut: p(`INSERT INTO sessions (tipster, platform, address, state, wake_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (tipster) DO UPDATE SET platform = excluded.platform, address = excluded.address,
        state = excluded.state, wake_at = excluded.wake_at, updated_at = excluded.updated_at`),
      sessionDelete: p('DELETE FROM sessions WHERE tipster = ?'),
      sessionsDue: p('SELECT tipster, platform, address, state FROM sessions WHERE wake_at <= ? ORDER BY wake_at LIMIT ?'),
      counterGet: p("SELECT value FROM meta WHERE key = 'next_report_number'"),
      counterSet: p("UPDATE meta SET value = ? WHERE key = 'next_report_number'"),
      reportInsert: p(`INSERT INTO reports (number, status, urgent, lang, platform, tipster, fields, seen_at, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      mediaInsert: p('INSERT INTO media (ref, tipster, kind, mime, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      mediaAttach: p('UPDATE media SET report_number = ?, tipster = NULL WHERE ref = ?'),
      mediaDelete: p('DELETE FROM media WHERE ref = ? AND report_number IS NULL'),
      mediaDeleteTipster: p('DELETE FROM media WHERE tipster = ? AND report_number IS NULL'),
      reportsUnlink: p('UPDATE reports SET tipster = NULL WHERE tipster = ?'),
      outboxInsert: p(`INSERT OR IGNORE INTO outbox (dedupe_key, platform, chat_key, address, payload, next_attempt_at, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)`),
      outboxDue: p(`SELECT id, dedupe_key AS dedupeKey, platform, address, payload, attempts FROM outbox o
        WHERE o.status = 'pending' AND o.next_attempt_at <= ?
          AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.status = 'pending' AND p.chat_key = o.chat_key AND p.id < o.id)
        ORDER BY o.id LIMIT ?`),
      outboxSent: p(`UPDATE outbox SET status = 'sent', sent_at = ?, platform_message_id = ?, attempts = attempts + 1,
        payload = '{}', address = '' WHERE id = ?`),
      outboxRetry: p('UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?'),
      outboxDead: p(`UPDATE outbox SET status = 'dead', attempts = ?, last_error = ? WHERE id = ?`),
      outboxNextDue: p(`SELECT MIN(next_attempt_at) AS due FROM outbox WHERE status = 'pending'`),
      stats: p(`SELECT (SELECT COUNT(*) FROM sessions) AS sessions,
        (SELECT COUNT(*) FROM outbox WHERE status = 'pending') AS outboxPending,
        (SELECT COUNT(*) FROM outbox WHERE status = 'dead') AS outboxDead,
        (SELECT COUNT(*) FROM reports) AS reports`),
    };
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  markInbound(platform: Platform, messageId: string, now: number): boolean {
    return this.st.inboxInsert.run(platform, messageId, now).changes === 1;
  }

  loadSession(key: string): StoredSession | undefined {
    const row = this.st.sessionGet.get(key) as SessionRow | undefined;
    return row ? toSession(row) : undefined;
  }

  saveSession(s: StoredSession, now: number): void {
    this.st.sessionPut.run(s.key, s.platform, s.address, JSON.stringify(s.session), s.session.wakeAt ?? null, now);
  }

  deleteSession(key: string): void {
    this.st.sessionDelete.run(key);
  }

  dueSessions(now: number, limit: number): StoredSession[] {
    return (this.st.sessionsDue.all(now, limit) as SessionRow[]).map(toSession);
  }

  nextReportNumber(): number {
    const row = this.st.counterGet.get() as { value: string };
    const n = Number.parseInt(row.value, 10);
    this.st.counterSet.run(String(n + 1));
    return n;
  }

  insertReport(r: SubmittedReport, platform: Platform, tipster: string, mediaRefs: string[]): void {
    this.st.reportInsert.run(
      r.number, r.status, r.urgent ? 1 : 0, r.lang, platform, tipster,
      JSON.stringify(r.draft), r.seenAt, r.submittedAt, r.submittedAt,
    );
    for (const ref of mediaRefs) this.st.mediaAttach.run(r.number, ref);
  }

  holdMedia(m: HeldMedia, now: number): void {
    this.st.mediaInsert.run(m.ref, m.tipster, m.kind, m.mime, Buffer.from(m.bytes), now);
  }

  discardMedia(refs: string[]): void {
    for (const ref of refs) this.st.mediaDelete.run(ref);
  }

  eraseTipster(key: string): void {
    this.st.sessionDelete.run(key);
    this.st.mediaDeleteTipster.run(key);
    this.st.reportsUnlink.run(key);
  }

  enqueue(row: NewOutboxRow, now: number): boolean {
    return this.st.outboxInsert.run(row.dedupeKey, row.platform, row.chatKey, row.address, row.payload, now, now).changes === 1;
  }

  dueOutbox(now: number, limit: number): OutboxRecord[] {
    return this.st.outboxDue.all(now, limit) as OutboxRecord[];
  }

  markSent(id: number, now: number, platformMessageId: string | undefined): void {
    this.st.outboxSent.run(now, platformMessageId ?? null, id);
  }

  markRetry(id: number, attempts: number, nextAttemptAt: number, error: string): void {
    this.st.outboxRetry.run(attempts, nextAttemptAt, error, id);
  }

  markDead(id: number, attempts: number, error: string): void {
    this.st.outboxDead.run(attempts, error, id);
  }

  nextOutboxDue(): number | undefined {
    const row = this.st.outboxNextDue.get() as { due: number | null };
    return row.due ?? undefined;
  }

  stats(): { sessions: number; outboxPending: number; outboxDead: number; reports: number } {
    return this.st.stats.get() as { sessions: number; outboxPending: number; outboxDead: number; reports: number };
  }

  close(): void {
    this.db.close();
  }
}

function toSession(row: SessionRow): StoredSession {
  return { key: row.tipster, platform: row.platform, address: row.address, session: JSON.parse(row.state) as Session };
}
