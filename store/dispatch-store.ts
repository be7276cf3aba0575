/**
 * The on-duty roster and field dispatch on better-sqlite3 (tables `duty`, `dispatches`,
 * `dispatch_pings`; see migration 014). Synchronous, so it runs inside the caller's transaction.
 */
import type Database from 'better-sqlite3';
import type { Lang } from '../bot/parse/types.js';
import type { DispatchPatch, DispatchPing, DispatchStore, DispatchView } from '../bot/verification/dispatch-state.js';
import type { Availability } from '../bot/verification/roster.js';

interface DispatchRow {
  report: number;
  started_by: string;
  started_at: number;
  ring: number;
  ring_at: number;
  assigned: string | null;
  accepted_at: number | null;
  eta_at: number | null;
  reminded: number;
  awaiting: number;
  outcome: 'yes' | 'nobody' | null;
  done_at: number | null;
}

const COLUMNS: Record<keyof DispatchPatch, string> = {
  ring: 'ring',
  ringAt: 'ring_at',
  assigned: 'assigned',
  acceptedAt: 'accepted_at',
  etaAt: 'eta_at',
  reminded: 'reminded',
  awaiting: 'awaiting',
  outcome: 'outcome',
  doneAt: 'done_at',
};

export class SqliteDispatchStore implements DispatchStore {
  private readonly st;

  constructor(private readonly db: Database.Database) {
    const p = (sql: string) => db.prepare(sql);
    this.st = {
      duty: p('SELECT person, on_until, off_until, lang FROM duty'),
      setDuty: p(`INSERT INTO duty (person, on_until, off_until, lang, updated_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (person) DO UPDATE SET on_until = excluded.on_until, off_until = excluded.off_until, lang = excluded.lang, updated_at = excluded.updated_at`),
      get: p('SELECT * FROM dispatches WHERE report = ?'),
      active: p('SELECT * FROM dispatches WHERE done_at IS NULL ORDER BY report LIMIT ?'),
      assignment: p('SELECT * FROM dispatches WHERE assigned = ? AND done_at IS NULL ORDER BY accepted_at DESC LIMIT 1'),
      openPing: p(`SELECT d.* FROM dispatches d LEFT JOIN dispatch_pings p ON p.report = d.report AND p.person = @person
        WHERE d.done_at IS NULL AND ((p.person IS NOT NULL AND p.answer IS NULL) OR (d.assigned = @person AND d.outcome IS NULL))
        ORDER BY (d.awaiting = 1 AND d.assigned = @person) DESC, COALESCE(p.sent_at, d.started_at) DESC LIMIT 1`),
      pings: p('SELECT person, ring, sent_at AS at, answer FROM dispatch_pings WHERE report = ? ORDER BY sent_at, person'),
      start: p('INSERT OR IGNORE INTO dispatches (report, started_by, started_at, ring, ring_at) VALUES (?, ?, ?, ?, ?)'),
      ping: p('INSERT OR IGNORE INTO dispatch_pings (report, person, ring, sent_at) VALUES (?, ?, ?, ?)'),
      answer: p('UPDATE dispatch_pings SET answer = ?, answered_at = ? WHERE report = ? AND person = ?'),
      unclaimed: p(`SELECT number FROM reports r WHERE status IN ('new', 'incomplete') AND created_at < ?
        AND unclaimed_announced_at IS NULL AND digest = 0 AND flags NOT LIKE '%blocked%'
        AND NOT EXISTS (SELECT 1 FROM dispatches d WHERE d.report = r.number AND d.assigned IS NOT NULL)
        ORDER BY number LIMIT ?`).pluck(),
      announced: p('UPDATE reports SET unclaimed_announced_at = ? WHERE number = ?'),
    };
  }

  availability(): Availability[] {
    type Row = { person: string; on_until: number | null; off_until: number | null; lang: Lang | null };
    return (this.st.duty.all() as Row[]).map((r) => ({
      person: r.person,
      ...(r.on_until !== null ? { onUntil: r.on_until } : {}),
      ...(r.off_until !== null ? { offUntil: r.off_until } : {}),
      ...(r.lang !== null ? { lang: r.lang } : {}),
    }));
  }

  setDuty(person: string, onUntil: number | null, offUntil: number | null, lang: Lang, at: number): void {
    this.st.setDuty.run(person, onUntil, offUntil, lang, at);
  }

  dispatchOf(report: number): DispatchView | undefined {
    const row = this.st.get.get(report) as DispatchRow | undefined;
    return row ? this.view(row) : undefined;
  }

  activeDispatches(limit: number): DispatchView[] {
    return (this.st.active.all(limit) as DispatchRow[]).map((r) => this.view(r));
  }

  assignmentOf(person: string): DispatchView | undefined {
    const row = this.st.assignment.get(person) as DispatchRow | undefined;
    return row ? this.view(row) : undefined;
  }

  openPingFor(person: string): DispatchView | undefined {
    const row = this.st.openPing.get({ person }) as DispatchRow | undefined;
    return row ? this.view(row) : undefined;
  }

  startDispatch(report: number, by: string, ring: number, at: number): void {
    this.st.start.run(report, by, at, ring, at);
  }

  patchDispatch(report: number, patch: DispatchPatch): void {
    const sets: string[] = [];
    const values: (string | number | null)[] = [];
    for (const [key, value] of Object.entries(patch) as [keyof DispatchPatch, unknown][]) {
      if (value === undefined) continue;
      sets.push(`${COLUMNS[key]} = ?`);
      values.push(typeof value === 'boolean' ? Number(value) : (value as string | number | null));
    }
    if (sets.length === 0) return;
    this.db.prepare(`UPDATE dispatches SET ${sets.join(', ')} WHERE report = ?`).run(...values, report);
  }

  addPing(report: number, person: string, ring: number, at: number): void {
    this.st.ping.run(report, person, ring, at);
  }

  answerPing(report: number, person: string, answer: 'yes' | 'no', at: number): void {
    this.st.answer.run(answer, at, report, person);
  }

  unclaimedReports(before: number, limit: number): number[] {
    return this.st.unclaimed.all(before, limit) as number[];
  }

  markAnnounced(report: number, at: number): void {
    this.st.announced.run(at, report);
  }

  private view(r: DispatchRow): DispatchView {
    type PingRow = { person: string; ring: number; at: number; answer: 'yes' | 'no' | null };
    const pings: DispatchPing[] = (this.st.pings.all(r.report) as PingRow[]).map((p) => ({
      person: p.person,
      ring: p.ring,
      at: p.at,
      ...(p.answer !== null ? { answer: p.answer } : {}),
    }));
    return {
      report: r.report,
      startedBy: r.started_by,
      startedAt: r.started_at,
      ring: r.ring,
      ringAt: r.ring_at,
      reminded: r.reminded === 1,
      awaiting: r.awaiting === 1,
      pings,
      ...(r.assigned !== null ? { assigned: r.assigned } : {}),
      ...(r.accepted_at !== null ? { acceptedAt: r.accepted_at } : {}),
      ...(r.eta_at !== null ? { etaAt: r.eta_at } : {}),
      ...(r.outcome !== null ? { outcome: r.outcome } : {}),
      ...(r.done_at !== null ? { doneAt: r.done_at } : {}),
    };
  }
}
