/**
 * What the dashboard reads, on better-sqlite3. Read-only: every change goes through the
 * verification decider. Tipster pseudonyms and reply addresses never leave this file; a report
 * says only how many distinct people back its incident.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Draft } from '../bot/engine/types.js';
import type { GeoPoint } from '../bot/messages.js';
import type { Lang } from '../bot/parse/types.js';
import type { ReportStatus } from '../bot/verification/rules.js';

/** A report as the dashboard shows it: no pseudonym, no reply address. */
export interface DashReport {
  number: number;
  status: ReportStatus;
  urgent: boolean;
  lang: Lang;
  platform: string;
  draft: Draft;
  zones: string[];
  point?: GeoPoint;
  seenAt: number;
  createdAt: number;
  claimedBy?: string;
  incident?: number;
  reportCount: number;
  note?: string;
  confirmedAt?: number;
  closedAt?: number;
  updateCount: number;
  relayOpen: boolean;
  reachable: boolean;
  priority: 'normal' | 'low';
  flags: string[];
  /** Waiting for a digest card (over its sender's hourly limit). */
  digest: boolean;
}

export interface AuditEntry {
  at: number;
  actor: string;
  action: string;
  report?: number;
  detail?: string;
}

export interface AlertDelivery {
  /** alert, update or clear. */
  kind: string;
  /** The update's sequence number. */
  seq?: number;
  /** The group, `platform:id`. */
  chat: string;
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
  sentAt?: number;
}

export interface PhotoInfo {
  ref: string;
  mime: string;
}

/** Times of one report for the numbers page (epoch ms). */
export interface ReportTimes {
  number: number;
  status: ReportStatus;
  zones: string[];
  createdAt: number;
  firstClaimAt?: number;
  confirmedAt?: number;
  /** When the first responder group got the alert. */
  deliveredAt?: number;
  flags: string[];
  incident?: number;
}

interface Row {
  number: number;
  status: ReportStatus;
  urgent: number;
  lang: Lang;
  platform: string;
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
  closed_at: number | null;
  update_count: number;
  relay_open: number;
  reply_address: string | null;
  priority: 'normal' | 'low';
  flags: string;
  digest: number;
}

/** Reports from blocked senders never show. */
const NOT_BLOCKED = `NOT EXISTS (SELECT 1 FROM blocks b WHERE b.tipster = reports.tipster) AND flags NOT LIKE '%"blocked"%'`;

export class DashboardQueries {
  private readonly st;

  constructor(readonly db: Database.Database) {
    const p = (sql: string) => db.prepare(sql);
    this.st = {
      active: p(`SELECT * FROM reports WHERE status IN ('new', 'incomplete', 'claimed', 'confirmed') AND ${NOT_BLOCKED}
        ORDER BY urgent DESC, created_at ASC LIMIT 500`),
      get: p(`SELECT * FROM reports WHERE number = ? AND ${NOT_BLOCKED}`),
      members: p(`SELECT * FROM reports WHERE incident = ? AND ${NOT_BLOCKED} ORDER BY number`),
      people: p(`SELECT COUNT(DISTINCT tipster) FROM reports WHERE (number = @n OR incident = @n) AND tipster IS NOT NULL`).pluck(),
      audit: p('SELECT at, actor, action, report, detail FROM audit WHERE report = ? ORDER BY at, id'),
      // Alerts, updates and all-clears to responder groups: `alert:N:chat`, `update:N:seq:chat`, `clear:N:0:chat`.
      targets: p(`SELECT dedupe_key AS key, status, attempts, sent_at AS sentAt FROM outbox
        WHERE dedupe_key LIKE 'alert:' || @n || ':%' OR dedupe_key LIKE 'update:' || @n || ':%' OR dedupe_key LIKE 'clear:' || @n || ':%'
        ORDER BY id`),
      acks: p('SELECT COUNT(*) FROM acks WHERE incident = ?').pluck(),
      photos: p(
        `SELECT ref, mime FROM media WHERE report_number = ? AND cleaned = 1 AND kind = 'image' AND length(bytes) > 0 ORDER BY created_at`,
      ),
      photo: p(`SELECT mime, bytes FROM media WHERE ref = ? AND report_number = ? AND cleaned = 1 AND kind = 'image'`),
      photoHashes: p(`SELECT bytes FROM media WHERE report_number = ? AND cleaned = 1 ORDER BY created_at`).pluck(),
      times: p(`SELECT r.number, r.status, r.zones, r.created_at, r.confirmed_at, r.flags, r.incident,
          (SELECT MIN(a.at) FROM audit a WHERE a.report = r.number AND a.action = 'claim') AS first_claim,
          (SELECT MIN(o.sent_at) FROM alert_targets t JOIN outbox o ON o.dedupe_key = t.dedupe_key
            WHERE t.report = r.number AND t.status = 'sent') AS delivered
        FROM reports r WHERE r.created_at >= ? AND r.created_at < ? ORDER BY r.created_at`),
      heads: p(`SELECT * FROM reports WHERE incident IS NULL AND created_at >= ? AND created_at < ? AND ${NOT_BLOCKED} ORDER BY number`),
    };
  }

  /** Active reports, urgent first, then oldest first. */
  active(): DashReport[] {
    return (this.st.active.all() as Row[]).map(toReport);
  }

  report(number: number): DashReport | undefined {
    const row = this.st.get.get(number) as Row | undefined;
    return row ? toReport(row) : undefined;
  }

  /** The reports merged into incident `head`. */
  members(head: number): DashReport[] {
    return (this.st.members.all(head) as Row[]).map(toReport);
  }

  /** How many different people back the incident `head` (counted by pseudonym, never shown). */
  distinctPeople(head: number): number {
    return this.st.people.get({ n: head }) as number;
  }

  timeline(number: number): AuditEntry[] {
    type A = { at: number; actor: string; action: string; report: number | null; detail: string | null };
    return (this.st.audit.all(number) as A[]).map((a) => ({
      at: a.at,
      // A stranger's refused attempt is shown as such, without the pseudonym.
      actor: a.actor.startsWith('anon:') ? 'anon' : a.actor,
      action: a.action,
      ...(a.report !== null ? { report: a.report } : {}),
      ...(a.detail !== null ? { detail: a.detail } : {}),
    }));
  }

  deliveries(number: number): AlertDelivery[] {
    type D = { key: string; status: AlertDelivery['status']; attempts: number; sentAt: number | null };
    return (this.st.targets.all({ n: String(number) }) as D[]).map((d) => {
      const [kind = '', , ...rest] = d.key.split(':');
      const seq = kind === 'alert' ? undefined : Number(rest.shift());
      return {
        kind,
        chat: rest.join(':'),
        ...(seq !== undefined && kind === 'update' ? { seq } : {}),
        status: d.status,
        attempts: d.attempts,
        ...(d.sentAt !== null ? { sentAt: d.sentAt } : {}),
      };
    });
  }

  acks(number: number): number {
    return this.st.acks.get(number) as number;
  }

  /** Cleaned photos of a report (re-encoded without metadata); nothing else is ever served. */
  photos(number: number): PhotoInfo[] {
    return this.st.photos.all(number) as PhotoInfo[];
  }

  photo(number: number, ref: string): { mime: string; bytes: Buffer } | undefined {
    return this.st.photo.get(ref, number) as { mime: string; bytes: Buffer } | undefined;
  }

  /** SHA-256 of each cleaned file of a report, for the legal export. */
  photoHashes(number: number): string[] {
    return (this.st.photoHashes.all(number) as Buffer[]).map((b) => createHash('sha256').update(b).digest('hex'));
  }

  /** The times of every report created in [from, to). */
  times(from: number, to: number): ReportTimes[] {
    type T = {
      number: number;
      status: ReportStatus;
      zones: string;
      created_at: number;
      confirmed_at: number | null;
      flags: string;
      incident: number | null;
      first_claim: number | null;
      delivered: number | null;
    };
    return (this.st.times.all(from, to) as T[]).map((t) => ({
      number: t.number,
      status: t.status,
      zones: JSON.parse(t.zones) as string[],
      createdAt: t.created_at,
      flags: JSON.parse(t.flags) as string[],
      ...(t.first_claim !== null ? { firstClaimAt: t.first_claim } : {}),
      ...(t.confirmed_at !== null ? { confirmedAt: t.confirmed_at } : {}),
      ...(t.delivered !== null ? { deliveredAt: t.delivered } : {}),
      ...(t.incident !== null ? { incident: t.incident } : {}),
    }));
  }

  /** Incidents (reports not merged into another) created in [from, to). */
  incidentHeads(from: number, to: number): DashReport[] {
    return (this.st.heads.all(from, to) as Row[]).map(toReport);
  }
}

function toReport(r: Row): DashReport {
  return {
    number: r.number,
    status: r.status,
    urgent: r.urgent === 1,
    lang: r.lang,
    platform: r.platform,
    draft: JSON.parse(r.fields) as Draft,
    zones: JSON.parse(r.zones) as string[],
    seenAt: r.seen_at,
    createdAt: r.created_at,
    reportCount: r.report_count,
    updateCount: r.update_count,
    relayOpen: r.relay_open === 1,
    reachable: r.reply_address !== null,
    priority: r.priority,
    flags: JSON.parse(r.flags) as string[],
    digest: r.digest === 1,
    ...(r.lat !== null && r.lng !== null ? { point: { lat: r.lat, lng: r.lng } } : {}),
    ...(r.claimed_by !== null ? { claimedBy: r.claimed_by } : {}),
    ...(r.incident !== null ? { incident: r.incident } : {}),
    ...(r.note !== null ? { note: r.note } : {}),
    ...(r.confirmed_at !== null ? { confirmedAt: r.confirmed_at } : {}),
    ...(r.closed_at !== null ? { closedAt: r.closed_at } : {}),
  };
}
