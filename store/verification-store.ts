/** Verification data on better-sqlite3: report lifecycle, approvals, audit, acknowledgements. */
import type Database from 'better-sqlite3';
import type { Draft } from '../bot/engine/types.js';
import type { Platform } from '../bot/messages.js';
import type { Lang } from '../bot/parse/types.js';
import type { ReportStatus } from '../bot/verification/decide.js';
import type { NearbyReport, ReportRecord, StoredPatch, VerificationStore } from '../bot/verification/store-port.js';

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
}

const COLUMNS: Record<keyof StoredPatch, string> = {
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
      recent: p(`SELECT number, zones, lat, lng, seen_at, status, tipster, json_extract(fields, '$.location.crossStreets') AS cross,
          EXISTS (SELECT 1 FROM reports o WHERE o.tipster = reports.tipster AND o.created_at < @since) AS established
        FROM reports WHERE created_at >= @since AND number != @excluding ORDER BY number DESC LIMIT 50`),
      reportsBy: p('SELECT COUNT(*) FROM reports WHERE tipster = ? AND created_at >= ?').pluck(),
      isBlocked: p('SELECT 1 FROM blocks WHERE tipster = ?').pluck(),
      block: p('INSERT OR REPLACE INTO blocks (tipster, blocked_by, report, at) VALUES (?, ?, ?, ?)'),
      unblock: p('DELETE FROM blocks WHERE tipster = ?'),
      open: p(`SELECT * FROM reports WHERE status IN ('new', 'incomplete', 'claimed', 'confirmed') ORDER BY number DESC LIMIT ?`),
      ack: p('INSERT OR IGNORE INTO acks (incident, responder, at) VALUES (?, ?, ?)'),
      ackCount: p('SELECT COUNT(*) FROM acks WHERE incident = ?').pluck(),
      relay: p('SELECT number AS report, lang FROM reports WHERE tipster = ? AND relay_open = 1 ORDER BY number DESC LIMIT 1'),
      tipsterOf: p('SELECT tipster FROM reports WHERE number = ?').pluck(),
      attach: p('UPDATE media SET report_number = ?, tipster = NULL WHERE ref = ?'),
      sentId: p(`SELECT platform_message_id FROM outbox WHERE dedupe_key = ? AND status = 'sent'`).pluck(),
      expiring: p(`SELECT * FROM reports
        WHERE (status = 'confirmed' AND COALESCE(last_update_at, confirmed_at) < ?)
           OR (status IN ('new', 'incomplete', 'claimed') AND created_at < ?)
        ORDER BY number LIMIT ?`),
    };
  }

  getReport(number: number): ReportRecord | undefined {
    const row = this.vst.get.get(number) as ReportRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  approvalsOf(number: number): string[] {
    return (this.vst.approvals.all(number) as { verifier: string }[]).map((r) => r.verifier);
  }

  addApproval(number: number, verifier: string, at: number): void {
    this.vst.approve.run(number, verifier, at);
  }

  patchReport(number: number, patch: StoredPatch): void {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof StoredPatch, unknown][];
    if (entries.length === 0) return;
    const sets = entries.map(([k]) => `${COLUMNS[k]} = ?`).join(', ');
    const values = entries.map(([, v]) => (typeof v === 'boolean' ? (v ? 1 : 0) : v));
    this.db.prepare(`UPDATE reports SET ${sets}, updated_at = updated_at WHERE number = ?`).run(...values, number);
  }

  audit(e: { at: number; actor: string; action: string; report?: number; detail?: string }): void {
    this.vst.audit.run(e.at, e.actor, e.action, e.report ?? null, e.detail ?? null);
  }

  recentReports(since: number, excluding: number): NearbyReport[] {
    type Row = Pick<ReportRow, 'number' | 'zones' | 'lat' | 'lng' | 'seen_at' | 'status'> & {
      cross: string | null;
      tipster: string | null;
      established: number;
    };
    return (this.vst.recent.all({ since, excluding }) as Row[]).map((r) => ({
      number: r.number,
      zones: JSON.parse(r.zones) as string[],
      seenAt: r.seen_at,
      status: r.status,
      established: r.established === 1,
      ...(r.tipster ? { tipster: r.tipster } : {}),
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

  openReports(limit: number): ReportRecord[] {
    return (this.vst.open.all(limit) as ReportRow[]).map(toRecord);
  }

  addAck(incident: number, responder: string, at: number): boolean {
    return this.vst.ack.run(incident, responder, at).changes === 1;
  }

  ackCount(incident: number): number {
    return this.vst.ackCount.get(incident) as number;
  }

  openRelayFor(tipster: string): { report: number; lang: Lang } | undefined {
    return this.vst.relay.get(tipster) as { report: number; lang: Lang } | undefined;
  }

  tipsterOf(number: number): string | undefined {
    return (this.vst.tipsterOf.get(number) as string | null | undefined) ?? undefined;
  }

  attachMedia(refs: string[], number: number): void {
    for (const ref of refs) this.vst.attach.run(number, ref);
  }

  sentMessageId(dedupeKey: string): string | undefined {
    return (this.vst.sentId.get(dedupeKey) as string | null | undefined) ?? undefined;
  }

  expiring(incidentBefore: number, reportBefore: number, limit: number): ReportRecord[] {
    return (this.vst.expiring.all(incidentBefore, reportBefore, limit) as ReportRow[]).map(toRecord);
  }
}

function toRecord(r: ReportRow): ReportRecord {
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
    draft: JSON.parse(r.fields) as Draft,
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
  };
}
