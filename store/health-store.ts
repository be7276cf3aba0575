/**
 * What /readyz and /metrics read from the database: a write probe, the outbox's backlog, report
 * counts by status, and the verification steps (first claim, confirmation) whose timing the
 * histograms show. Every query is one indexed lookup or one pass over a small table; nothing
 * here runs on the path of a tipster's message.
 */
import type Database from 'better-sqlite3';

export interface OutboxBacklog {
  pending: number;
  dead: number;
  /** created_at of the oldest pending row; undefined when nothing is pending. */
  oldestPendingAt: number | undefined;
}

/** A verification step, with when its report came in. */
export interface VerificationStep {
  /** Audit id (steps are read in this order, after a cursor). */
  id: number;
  action: 'claim' | 'confirm';
  at: number;
  reportCreatedAt: number;
  /** The first step of this kind for its report (a second claim after a release is not "first"). */
  first: boolean;
}

const PROBE_KEY = 'ready_probe';

export class HealthStore {
  private readonly st;

  constructor(private readonly db: Database.Database) {
    const p = (sql: string) => db.prepare(sql);
    this.st = {
      probe: p(`INSERT INTO meta (key, value) VALUES ('${PROBE_KEY}', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`),
      backlog: p(`SELECT COALESCE(SUM(status = 'pending'), 0) AS pending, COALESCE(SUM(status = 'dead'), 0) AS dead,
        MIN(CASE WHEN status = 'pending' THEN created_at END) AS oldest FROM outbox`),
      byStatus: p('SELECT status, COUNT(*) AS n FROM reports GROUP BY status'),
      maxAudit: p('SELECT COALESCE(MAX(id), 0) AS id FROM audit'),
      steps: p(`SELECT a.id, a.action, a.at, r.created_at AS reportCreatedAt,
          a.id = (SELECT MIN(b.id) FROM audit b WHERE b.report = a.report AND b.action = a.action) AS first
        FROM audit a JOIN reports r ON r.number = a.report
        WHERE a.id > ? AND a.action IN ('claim', 'confirm') ORDER BY a.id LIMIT ?`),
      dedupeKey: p('SELECT dedupe_key AS key FROM outbox WHERE id = ?'),
      confirmedAt: p('SELECT confirmed_at AS at FROM reports WHERE number = ?'),
    };
  }

  /**
   * Writes one small row and commits: true when the database takes writes (not read-only, disk
   * not full, not locked by another process past the busy timeout).
   */
  probeWrite(now: number): boolean {
    try {
      this.st.probe.run(String(now));
      return true;
    } catch {
      return false;
    }
  }

  outboxBacklog(): OutboxBacklog {
    const r = this.st.backlog.get() as { pending: number; dead: number; oldest: number | null };
    return { pending: r.pending, dead: r.dead, oldestPendingAt: r.oldest ?? undefined };
  }

  reportsByStatus(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.st.byStatus.all() as { status: string; n: number }[]) out[r.status] = r.n;
    return out;
  }

  /** The newest audit id: steps before it happened before this process started watching. */
  latestAuditId(): number {
    return (this.st.maxAudit.get() as { id: number }).id;
  }

  /** Claims and confirmations recorded after audit id `afterId`, oldest first. */
  verificationSteps(afterId: number, limit = 1_000): VerificationStep[] {
    const rows = this.st.steps.all(afterId, limit) as (Omit<VerificationStep, 'first'> & { first: number })[];
    return rows.map((r) => ({ ...r, first: r.first === 1 }));
  }

  /** When the report an outbox row alerts about was confirmed; undefined for any other row. */
  alertConfirmedAt(outboxId: number): number | undefined {
    const key = (this.st.dedupeKey.get(outboxId) as { key: string | null } | undefined)?.key;
    const number = key?.startsWith('alert:') ? Number(key.split(':')[1]) : NaN;
    if (!Number.isInteger(number)) return undefined;
    return (this.st.confirmedAt.get(number) as { at: number | null } | undefined)?.at ?? undefined;
  }
}
