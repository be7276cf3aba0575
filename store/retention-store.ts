/**
 * The retention sweep on better-sqlite3: every delete in one transaction, then a WAL checkpoint
 * that copies the rewritten pages into the database file and truncates the `-wal` file. With
 * `PRAGMA secure_delete = ON` (set by openDatabase) SQLite overwrites deleted cells and freed
 * pages with zeros, so after the checkpoint a deleted value is gone from the file bytes.
 *
 * Rows that other rows depend on are deleted explicitly (approvals, files and acknowledgements
 * before their report) so the counts are exact; the foreign keys' cascades then find nothing.
 */
import type Database from 'better-sqlite3';
import type { RetentionCounts, RetentionCutoffs, RetentionStorePort, SweepResult } from '../bot/runtime/retention.js';
import { truncateWal } from './sqlite-store.js';

/** Report statuses after which nobody writes to the tipster again (see bot/verification/decide.ts). */
const CLOSED = "('rejected', 'merged', 'expired', 'cleared')";
/** A session's status lives in its JSON state: 'active' while a report is being written, then 'done'. */
const STATUS = "json_extract(state, '$.status')";

export class RetentionStore implements RetentionStorePort {
  private readonly st;

  constructor(readonly db: Database.Database) {
    const p = (sql: string) => db.prepare(sql);
    this.st = {
      // Unfinished conversations nobody wrote to in draftHours, and finished ones after doneSessionHours.
      sessions: p(`DELETE FROM sessions
        WHERE (${STATUS} = 'active' AND updated_at < @draftsBefore) OR (${STATUS} IS NOT 'active' AND updated_at < @doneSessionsBefore)`),
      // Files held for a report being written, once no live conversation holds them.
      heldMedia: p(`DELETE FROM media WHERE report_number IS NULL AND created_at < @draftsBefore
        AND (tipster IS NULL OR tipster NOT IN (SELECT tipster FROM sessions WHERE ${STATUS} = 'active'))`),
      // The desk clears these when a report closes; this is the safety net.
      replyAddresses: p(`UPDATE reports SET reply_address = NULL, relay_open = 0
        WHERE status IN ${CLOSED} AND (reply_address IS NOT NULL OR relay_open != 0)`),
      reportApprovals: p('DELETE FROM approvals WHERE report IN (SELECT number FROM reports WHERE created_at < @reportsBefore)'),
      reportMedia: p('DELETE FROM media WHERE report_number IN (SELECT number FROM reports WHERE created_at < @reportsBefore)'),
      reports: p('DELETE FROM reports WHERE created_at < @reportsBefore'),
      acks: p('DELETE FROM acks WHERE incident NOT IN (SELECT number FROM reports)'),
      media: p('DELETE FROM media WHERE created_at < @mediaBefore'),
      audit: p('DELETE FROM audit WHERE at < @auditBefore'),
      inbox: p('DELETE FROM inbox WHERE received_at < @inboxBefore'),
      outbox: p(`DELETE FROM outbox WHERE status != 'pending' AND COALESCE(sent_at, created_at) < @outboxBefore`),
    };
  }

  /** Deletes everything past its cut-off (one transaction), then checkpoints and truncates the WAL. */
  sweep(c: RetentionCutoffs): SweepResult {
    const counts = this.db.transaction((): RetentionCounts => {
      const run = (stmt: Database.Statement, ...keys: (keyof RetentionCutoffs)[]) =>
        (keys.length > 0 ? stmt.run(Object.fromEntries(keys.map((k) => [k, c[k]]))) : stmt.run()).changes;
      const sessions = run(this.st.sessions, 'draftsBefore', 'doneSessionsBefore');
      let media = run(this.st.heldMedia, 'draftsBefore');
      const replyAddresses = run(this.st.replyAddresses);
      const approvals = run(this.st.reportApprovals, 'reportsBefore');
      media += run(this.st.reportMedia, 'reportsBefore');
      const reports = run(this.st.reports, 'reportsBefore');
      const acks = run(this.st.acks);
      media += run(this.st.media, 'mediaBefore');
      return {
        sessions,
        media,
        reports,
        approvals,
        acks,
        audit: run(this.st.audit, 'auditBefore'),
        inbox: run(this.st.inbox, 'inboxBefore'),
        outbox: run(this.st.outbox, 'outboxBefore'),
        replyAddresses,
      };
    })();
    return { counts, walTruncated: this.checkpoint() };
  }

  /**
   * Copies the WAL into the database file and truncates it to zero bytes, so old versions of
   * rewritten pages (with the deleted values in them) are gone from the `-wal` file too. False
   * when a reader kept it from completing.
   */
  checkpoint(): boolean {
    return truncateWal(this.db);
  }
}
