/**
 * Verification data on better-sqlite3: report lifecycle, approvals, audit, acknowledgements,
 * digest queue, relays and alert delivery.
 */
import type Database from 'better-sqlite3';
import type { Draft } from '../bot/engine/types.js';
import type { Platform } from '../bot/messages.js';
import type { Lang } from '../bot/parse/types.js';
import type { AlertTarget, IncidentMember, NearbyReport, ReportView } from '../bot/verification/model.js';
import type { ReportPatch, ReportStatus } from '../bot/verification/rules.js';
import type { VerificationStore } from '../bot/verification/store-port.js';

interface ReportRow {
  number: number;
  status: ReportStatus;
  urgent: number;
  lang: Lang;
  platform: Platform;
  fields: string;
  seen_at: number;
  created_at: number;
  zones: string;
  lat: number | null;
  lng: number | null;
  claimed_by: string | null;
  incident: number | null;
  report_count: number;
  note: string | null;
  confirmed_at: number | null;
  last_update_at: number | null;
  update_count: number;
  reply_address: string | null;
  relay_open: number;
  tipster: string | null;
}

const COLUMNS: Record<keyof ReportPatch, string> = {
  status: 'status',
  claimedBy: 'claimed_by',
  note: 'note',
  incident: 'incident',
  reportCount: 'report_count',
  confirmedAt: 'confirmed_at',
  closedAt: 'closed_at',
  lastUpdateAt: 'last_update_at',
  replyAddress: 'reply_address',
  relayOpen: 'relay_open',
  updateCount: 'update_count',
  priority: 'priority',
  flags: 'flags',
  relayUntil: 'relay_until',
  digest: 'digest',
};

export class SqliteVerificationStore implements VerificationStore {
  private readonly vst;

  constructor(readonly db: Database.Database) {
    const p = (sql: string) => db.prepare(sql);
    this.vst = {
      get: p('SELECT * FROM reports WHERE number = ?'),
      approvals: p('SELECT verifier FROM approvals WHERE report = ? ORDER BY at'),
      approve: p('INSERT OR IGNORE INTO approvals (report, verifier, at) VALUES (?, ?, ?)'),
      audit: p('INSERT INTO audit (at, actor, action, report, detail) VALUES (?, ?, ?, ?, ?)'),
      recent:
        p(`SELECT number, zones, lat, lng, seen_at, created_at, status, tipster, json_extract(fields, '$.location.crossStreets') AS cross,
          (SELECT MIN(o.created_at) FROM reports o WHERE o.tipster = reports.tipster) AS first_at
        FROM reports WHERE created_at >= ? ORDER BY number DESC LIMIT 50`),
      incident: p(
        'SELECT number, tipster, urgent, seen_at, fields, zones, lat, lng FROM reports WHERE number = @head OR incident = @head ORDER BY number = @head DESC, number',
      ),
      auditCount: p(`SELECT COUNT(*) FROM audit WHERE action LIKE @action AND at >= @since
        AND (@report IS NULL OR report = @report) AND (@actor IS NULL OR actor = @actor) AND (@anyDetail = 1 OR detail IS @detail)`).pluck(),
      digestQueue: p('SELECT * FROM reports WHERE digest = 1 ORDER BY number LIMIT ?'),
      hasAck: p('SELECT 1 FROM acks WHERE incident = ? AND responder = ?').pluck(),
      targetAdd: p('INSERT OR IGNORE INTO alert_targets (dedupe_key, report, chat) VALUES (?, ?, ?)'),
      targetSettle: p(
        `UPDATE alert_targets SET status = ?, attempts = ? WHERE dedupe_key = ? AND status = 'pending' RETURNING report`,
      ).pluck(),
      targets: p('SELECT dedupe_key AS dedupeKey, chat, status, attempts FROM alert_targets WHERE report = ? ORDER BY id'),
      reportsBy: p('SELECT COUNT(*) FROM reports WHERE tipster = ? AND created_at >= ?').pluck(),
      isBlocked: p('SELECT 1 FROM blocks WHERE tipster = ?').pluck(),
      block: p('INSERT OR REPLACE INTO blocks (tipster, blocked_by, report, at) VALUES (?, ?, ?, ?)'),
      unblock: p('DELETE FROM blocks WHERE tipster = ?'),
      open: p(`SELECT * FROM reports WHERE status IN ('new', 'incomplete', 'claimed', 'confirmed') ORDER BY number DESC LIMIT ?`),
      ack: p('INSERT OR IGNORE INTO acks (incident, responder, at) VALUES (?, ?, ?)'),
      ackCount: p('SELECT COUNT(*) FROM acks WHERE incident = ?').pluck(),
      ackEta: p('UPDATE acks SET eta_at = ? WHERE incident = ? AND responder = ?'),
      relay: p(`SELECT number AS report, lang FROM reports WHERE tipster = ? AND relay_open = 1 AND (relay_until IS NULL OR relay_until > ?)
        ORDER BY number DESC LIMIT 1`),
      attach: p('UPDATE media SET report_number = ?, tipster = NULL WHERE ref = ?'),
      sentId: p(`SELECT platform_message_id FROM outbox WHERE dedupe_key = ? AND status = 'sent'`).pluck(),
      dashboardLogin: p(
        'INSERT OR IGNORE INTO dashboard_logins (token_hash, person, created_at, expires_at) VALUES (@tokenHash, @person, @at, @expiresAt)',
      ),
      expiring: p(`SELECT * FROM reports
        WHERE (status = 'confirmed' AND COALESCE(last_update_at, confirmed_at) < ?)
           OR (status IN ('new', 'incomplete', 'claimed') AND created_at < ?)
        ORDER BY number LIMIT ?`),
    };
  }

  getReport(number: number): ReportView | undefined {
    const row = this.vst.get.get(number) as ReportRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  incidentOf(head: number): IncidentMember[] {
    type Row = Pick<ReportRow, 'number' | 'tipster' | 'urgent' | 'seen_at' | 'fields' | 'zones' | 'lat' | 'lng'>;
    return (this.vst.incident.all({ head }) as Row[]).map((r) => ({
      number: r.number,
      urgent: r.urgent === 1,
      seenAt: r.seen_at,
      draft: JSON.parse(r.fields) as Draft,
      zones: JSON.parse(r.zones) as string[],
      ...(r.tipster !== null ? { tipster: r.tipster } : {}),
      ...(r.lat !== null && r.lng !== null ? { point: { lat: r.lat, lng: r.lng } } : {}),
    }));
  }

  approvalsOf(number: number): string[] {
    return (this.vst.approvals.all(number) as { verifier: string }[]).map((r) => r.verifier);
  }

  addApproval(number: number, verifier: string, at: number): void {
    this.vst.approve.run(number, verifier, at);
  }

  patchReport(number: number, patch: ReportPatch): void {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof ReportPatch, unknown][];
    if (entries.length === 0) return;
    const sets = entries.map(([k]) => `${COLUMNS[k]} = ?`).join(', ');
    const values = entries.map(([, v]) => (typeof v === 'boolean' ? (v ? 1 : 0) : v));
    this.db.prepare(`UPDATE reports SET ${sets}, updated_at = updated_at WHERE number = ?`).run(...values, number);
  }

  audit(e: { at: number; actor: string; action: string; report?: number; detail?: string }): void {
    this.vst.audit.run(e.at, e.actor, e.action, e.report ?? null, e.detail ?? null);
  }

  auditCount(action: string, since: number, by: { report?: number; actor?: string; detail?: string | null } = {}): number {
    return this.vst.auditCount.get({
      action,
      since,
      report: by.report ?? null,
      actor: by.actor ?? null,
      anyDetail: by.detail === undefined ? 1 : 0,
      detail: by.detail ?? null,
    }) as number;
  }

  recentReports(since: number): NearbyReport[] {
    type Row = Pick<ReportRow, 'number' | 'zones' | 'lat' | 'lng' | 'seen_at' | 'created_at' | 'status'> & {
      cross: string | null;
      tipster: string | null;
      first_at: number | null;
    };
    return (this.vst.recent.all(since) as Row[]).map((r) => ({
      number: r.number,
      zones: JSON.parse(r.zones) as string[],
      seenAt: r.seen_at,
      createdAt: r.created_at,
      status: r.status,
      ...(r.tipster ? { tipster: r.tipster } : {}),
      ...(r.first_at !== null ? { firstReportAt: r.first_at } : {}),
      ...(r.cross ? { cross: JSON.parse(r.cross) as [string, string] } : {}),
      ...(r.lat !== null && r.lng !== null ? { point: { lat: r.lat, lng: r.lng } } : {}),
    }));
  }

  reportsBy(tipster: string, since: number): number {
    return this.vst.reportsBy.get(tipster, since) as number;
  }

  isBlocked(tipster: string): boolean {
    return this.vst.isBlocked.get(tipster) === 1;
  }

  setBlocked(tipster: string, blocked: boolean, by: string, report: number, at: number): void {
    if (blocked) this.vst.block.run(tipster, by, report, at);
    else this.vst.unblock.run(tipster);
  }

  openReports(limit: number): ReportView[] {
    return (this.vst.open.all(limit) as ReportRow[]).map(toRecord);
  }

  digestQueue(limit: number): ReportView[] {
    return (this.vst.digestQueue.all(limit) as ReportRow[]).map(toRecord);
  }

  addAck(incident: number, responder: string, at: number, etaAt?: number): boolean {
    if (etaAt !== undefined) {
      const added = this.vst.ack.run(incident, responder, at).changes > 0;
      this.vst.ackEta.run(etaAt, incident, responder);
      return added;
    }
    return this.vst.ack.run(incident, responder, at).changes === 1;
  }

  hasAck(incident: number, responder: string): boolean {
    return this.vst.hasAck.get(incident, responder) === 1;
  }

  ackCount(incident: number): number {
    return this.vst.ackCount.get(incident) as number;
  }

  openRelayFor(tipster: string, now: number): { report: number; lang: Lang } | undefined {
    return this.vst.relay.get(tipster, now) as { report: number; lang: Lang } | undefined;
  }

  attachMedia(refs: string[], number: number): void {
    for (const ref of refs) this.vst.attach.run(number, ref);
  }

  sentMessageId(dedupeKey: string): string | undefined {
    return (this.vst.sentId.get(dedupeKey) as string | null | undefined) ?? undefined;
  }

  expiring(incidentBefore: number, reportBefore: number, limit: number): ReportView[] {
    return (this.vst.expiring.all(incidentBefore, reportBefore, limit) as ReportRow[]).map(toRecord);
  }

  addAlertTarget(t: { dedupeKey: string; report: number; chat: string }): void {
    this.vst.targetAdd.run(t.dedupeKey, t.report, t.chat);
  }

  settleAlertTarget(dedupeKey: string, status: 'sent' | 'dead', attempts: number): number | undefined {
    return (this.vst.targetSettle.get(status, attempts, dedupeKey) as number | undefined) ?? undefined;
  }

  alertTargets(report: number): AlertTarget[] {
    return this.vst.targets.all(report) as AlertTarget[];
  }

  addDashboardLogin(login: { tokenHash: string; person: string; expiresAt: number }, at: number): void {
    this.vst.dashboardLogin.run({ ...login, at });
  }
}

function toRecord(r: ReportRow): ReportView {
  const draft = JSON.parse(r.fields) as Draft;
  return {
    number: r.number,
    status: r.status,
    seenAt: r.seen_at,
    reportCount: r.report_count,
    reachable: r.reply_address !== null,
    platform: r.platform,
    lang: r.lang,
    urgent: r.urgent === 1,
    zones: JSON.parse(r.zones) as string[],
    draft,
    mediaRefs: draft.media?.items.map((m) => m.ref) ?? [],
    updateCount: r.update_count,
    relayOpen: r.relay_open === 1,
    createdAt: r.created_at,
    ...(r.lat !== null && r.lng !== null ? { point: { lat: r.lat, lng: r.lng } } : {}),
    ...(r.claimed_by !== null ? { claimedBy: r.claimed_by } : {}),
    ...(r.incident !== null ? { incident: r.incident } : {}),
    ...(r.note !== null ? { note: r.note } : {}),
    ...(r.confirmed_at !== null ? { confirmedAt: r.confirmed_at } : {}),
    ...(r.last_update_at !== null ? { lastUpdateAt: r.last_update_at } : {}),
    ...(r.reply_address !== null ? { replyAddress: r.reply_address } : {}),
    ...(r.tipster !== null ? { tipster: r.tipster } : {}),
  };
}
