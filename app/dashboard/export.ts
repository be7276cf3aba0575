/**
 * The legal team's export: the incidents of a date range, de-identified. Each incident carries
 * its parsed fields (what, how many, uniforms, vehicles, cross streets; never the tipster's own
 * words, pin or photos), zone, times, disposition, counts, the verifiers' actions by stable id and
 * the SHA-256 of each cleaned photo. No pseudonym, no reply address, no platform id of a tipster.
 * Served by the dashboard and written by `centinela export --from --to`.
 */
import type { DashboardQueries, DashReport } from '../../store/dashboard-queries.js';

export interface ExportedIncident {
  incident: number;
  status: string;
  urgent: boolean;
  zones: string[];
  crossStreets?: string;
  zip?: string;
  activity?: string;
  agents?: number;
  vehicles?: number;
  uniforms?: string;
  plates?: string;
  firsthand?: boolean;
  seenAt: string;
  reportedAt: string;
  confirmedAt?: string;
  closedAt?: string;
  reports: number;
  people: number;
  updates: number;
  note?: string;
  photoSha256: string[];
  actions: { at: string; by: string; action: string; report: number; detail?: string }[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Verifier actions worth a record: refusals of strangers and system bookkeeping are left out. */
function isVerifierAction(actor: string): boolean {
  return !actor.startsWith('anon') && actor !== 'system';
}

function incidentOf(q: DashboardQueries, head: DashReport): ExportedIncident {
  const d = head.draft;
  const members = [head, ...q.members(head.number)];
  const cross = d.location?.crossStreets;
  const actions = members
    .flatMap((m) => q.timeline(m.number).map((a) => ({ ...a, report: m.number })))
    .filter((a) => isVerifierAction(a.actor))
    .sort((a, b) => a.at - b.at)
    .map((a) => ({
      at: iso(a.at),
      by: a.actor,
      action: a.action,
      report: a.report,
      // A rejection reason or a note is the verifier's; a question asked by /ask may quote the tipster, so it stays out.
      ...(a.detail !== undefined && a.action !== 'ask' ? { detail: a.detail } : {}),
    }));
  return {
    incident: head.number,
    status: head.status,
    urgent: members.some((m) => m.urgent),
    zones: head.zones,
    ...(cross ? { crossStreets: cross.join(' & ') } : {}),
    ...(d.location?.zip ? { zip: d.location.zip } : {}),
    ...(d.activity?.kind ? { activity: d.activity.kind } : {}),
    ...(d.size?.agents !== undefined ? { agents: d.size.agents } : {}),
    ...(d.size?.vehicles !== undefined ? { vehicles: d.size.vehicles } : {}),
    ...(d.uniform?.markings?.length ? { uniforms: d.uniform.markings.join(', ') } : {}),
    ...(d.equipment?.plates?.length ? { plates: d.equipment.plates.join(', ') } : {}),
    ...(d.firsthand?.value !== undefined ? { firsthand: d.firsthand.value } : {}),
    seenAt: iso(head.seenAt),
    reportedAt: iso(head.createdAt),
    ...(head.confirmedAt !== undefined ? { confirmedAt: iso(head.confirmedAt) } : {}),
    ...(head.closedAt !== undefined ? { closedAt: iso(head.closedAt) } : {}),
    reports: members.length,
    people: q.distinctPeople(head.number),
    updates: head.updateCount,
    ...(head.note !== undefined ? { note: head.note } : {}),
    photoSha256: members.flatMap((m) => q.photoHashes(m.number)),
    actions,
  };
}

/** The incidents first reported in [from, to). */
export function exportIncidents(q: DashboardQueries, from: number, to: number): ExportedIncident[] {
  return q.incidentHeads(from, to).map((head) => incidentOf(q, head));
}

const COLUMNS: (keyof ExportedIncident)[] = [
  'incident',
  'status',
  'urgent',
  'zones',
  'crossStreets',
  'zip',
  'activity',
  'agents',
  'vehicles',
  'uniforms',
  'plates',
  'firsthand',
  'seenAt',
  'reportedAt',
  'confirmedAt',
  'closedAt',
  'reports',
  'people',
  'updates',
  'note',
  'photoSha256',
  'actions',
];

/** One CSV cell (RFC 4180); a leading =, +, - or @ is quoted away so a spreadsheet never runs it. */
function cell(value: unknown): string {
  if (value === undefined) return '';
  let s = Array.isArray(value)
    ? value
        .map((v) => (typeof v === 'object' ? `${v.at} ${v.by} ${v.action} #${v.report}${v.detail ? ` (${v.detail})` : ''}` : String(v)))
        .join('; ')
    : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(incidents: readonly ExportedIncident[]): string {
  const lines = [COLUMNS.join(',')];
  for (const i of incidents) lines.push(COLUMNS.map((k) => cell(i[k])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The export as a file (CSV or pretty JSON), and the audit detail that records it. */
export function exportFile(
  incidents: readonly ExportedIncident[],
  format: 'csv' | 'json',
  days: { from: string; to: string },
): { text: string; auditDetail: string } {
  return {
    text: format === 'csv' ? toCsv(incidents) : `${JSON.stringify(incidents, null, 2)}\n`,
    auditDetail: `${days.from}..${days.to} ${format}`,
  };
}

/** Parses a `YYYY-MM-DD` day (UTC) into epoch ms; `to` days are inclusive (the end is the next midnight). */
export function dayRange(from: string, to: string): { from: number; to: number } | undefined {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!day.test(from) || !day.test(to)) return undefined;
  const f = Date.parse(`${from}T00:00:00Z`);
  const t = Date.parse(`${to}T00:00:00Z`) + 86_400_000;
  return Number.isFinite(f) && Number.isFinite(t) && f < t ? { from: f, to: t } : undefined;
}
