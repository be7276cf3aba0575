/**
 * What a verifier command does to a report: a pure function from the command, the report as it
 * is, and who sent it, to a list of effects the runtime applies in one transaction. Nothing
 * unverified reaches responders: only `alert` effects do, and only once enough distinct enrolled
 * verifiers approved.
 */
import type { Command } from './commands.js';

export type ReportStatus = 'new' | 'incomplete' | 'claimed' | 'confirmed' | 'rejected' | 'merged' | 'expired' | 'cleared';

/** What verification needs to know about a report. */
export interface ReportState {
  number: number;
  status: ReportStatus;
  seenAt: number;
  claimedBy?: string;
  incident?: number;
  reportCount: number;
  /** Whether the bot can still reach the tipster (their address is kept while the report is open). */
  reachable: boolean;
}

export interface Actor {
  /** Stable id, `platform:id` for an enrolled verifier, a pseudonym otherwise. */
  id: string;
  enrolled: boolean;
}

export interface DecideContext {
  actor: Actor;
  report?: ReportState;
  /** For /merge: the incident it joins. */
  target?: ReportState;
  /** Verifiers who already approved `report`. */
  approvals: readonly string[];
  settings: { approvals: number; staleAfterMs: number };
  now: number;
}

export type ReportPatch = Partial<{
  status: ReportStatus;
  claimedBy: string | null;
  note: string | null;
  incident: number | null;
  reportCount: number;
  confirmedAt: number;
  closedAt: number | null;
  lastUpdateAt: number;
}>;

export type Effect =
  /** A reply in the chat the command came from; `key` is a locale key. */
  | { type: 'say'; key: string; params?: Record<string, string | number> }
  | { type: 'patch'; report: number; patch: ReportPatch }
  | { type: 'approve'; report: number; verifier: string }
  | { type: 'audit'; action: string; report?: number; detail?: string }
  /** Confirmed: one alert per matching responder group. */
  | { type: 'alert'; report: number }
  | { type: 'post_update'; report: number; text: string }
  | { type: 'post_clear'; report: number }
  | { type: 'tell_tipster'; report: number; key: string }
  | { type: 'relay_question'; report: number; question: string }
  /** Forget the tipster's address: the report is closed. */
  | { type: 'close_relay'; report: number }
  | { type: 'status_list' }
  /** Block (or unblock) the sender of a report, known only by pseudonym. */
  | { type: 'block'; report: number; blocked: boolean };

const OPEN: ReadonlySet<ReportStatus> = new Set(['new', 'incomplete', 'claimed']);
const CLOSED: ReadonlySet<ReportStatus> = new Set(['rejected', 'merged', 'expired', 'cleared']);

function isOpen(status: ReportStatus): boolean {
  return OPEN.has(status);
}

function isClosed(status: ReportStatus): boolean {
  return CLOSED.has(status);
}

/** Decides what `command` does. Never throws: every refusal is a `say` with a reason. */
export function decide(command: Command, ctx: DecideContext): Effect[] {
  const { actor, report, now } = ctx;
  if (command.name === 'help') return [{ type: 'say', key: 'verify.help' }];
  if (command.name === 'going') return []; // handled by the responder side
  if (!actor.enrolled) {
    return [
      { type: 'say', key: 'verify.not_enrolled' },
      { type: 'audit', action: `refused:${command.name}`, ...('report' in command ? { report: command.report } : {}) },
    ];
  }
  if (command.name === 'status') return [{ type: 'status_list' }];
  if (!report) return [{ type: 'say', key: 'verify.unknown_report', params: { number: command.report } }];
  const n = report.number;
  const notNow = (): Effect[] => [{ type: 'say', key: 'verify.wrong_status', params: { number: n, status: report.status } }];
  const audit = (action: string, detail?: string): Effect => ({ type: 'audit', action, report: n, ...(detail ? { detail } : {}) });

  switch (command.name) {
    case 'claim':
      if (!isOpen(report.status)) return notNow();
      return [
        { type: 'patch', report: n, patch: { status: 'claimed', claimedBy: actor.id } },
        audit('claim'),
        { type: 'say', key: 'verify.claimed', params: { number: n } },
      ];

    case 'confirm': {
      if (report.status === 'confirmed') return [{ type: 'say', key: 'verify.already_confirmed', params: { number: n } }];
      if (!isOpen(report.status)) return notNow();
      if (ctx.approvals.includes(actor.id)) return [{ type: 'say', key: 'verify.already_approved', params: { number: n } }];
      const ageMs = now - report.seenAt;
      if (ageMs > ctx.settings.staleAfterMs && !command.stale) {
        return [
          audit('confirm_refused_stale'),
          { type: 'say', key: 'verify.stale', params: { number: n, minutes: Math.round(ageMs / 60_000) } },
        ];
      }
      const count = ctx.approvals.length + 1;
      const needed = ctx.settings.approvals;
      const effects: Effect[] = [{ type: 'approve', report: n, verifier: actor.id }, audit('approve', command.stale ? 'stale' : undefined)];
      if (count < needed) {
        effects.push({ type: 'say', key: 'verify.approval_recorded', params: { number: n, count, needed } });
        return effects;
      }
      effects.push(
        { type: 'patch', report: n, patch: { status: 'confirmed', confirmedAt: now, lastUpdateAt: now, note: command.note ?? null } },
        audit('confirm'),
        { type: 'alert', report: n },
        { type: 'tell_tipster', report: n, key: 'tipster.confirmed' },
        { type: 'say', key: 'verify.confirmed', params: { number: n } },
      );
      return effects;
    }

    case 'reject':
      if (!isOpen(report.status)) return notNow();
      return [
        { type: 'patch', report: n, patch: { status: 'rejected', note: command.reason, closedAt: now } },
        audit('reject', command.reason),
        { type: 'tell_tipster', report: n, key: 'tipster.rejected' },
        { type: 'close_relay', report: n },
        { type: 'say', key: 'verify.rejected', params: { number: n } },
      ];

    case 'ask':
      if (isClosed(report.status) || !report.reachable) return [{ type: 'say', key: 'verify.cannot_ask', params: { number: n } }];
      return [
        { type: 'relay_question', report: n, question: command.question },
        audit('ask'),
        { type: 'say', key: 'verify.asked', params: { number: n } },
      ];

    case 'merge': {
      const target = ctx.target;
      if (!target) return [{ type: 'say', key: 'verify.unknown_report', params: { number: command.into } }];
      if (isClosed(report.status) || report.status === 'confirmed') return notNow();
      if (isClosed(target.status)) {
        return [{ type: 'say', key: 'verify.wrong_status', params: { number: target.number, status: target.status } }];
      }
      return [
        { type: 'patch', report: n, patch: { status: 'merged', incident: target.number, closedAt: now } },
        { type: 'patch', report: target.number, patch: { reportCount: target.reportCount + report.reportCount } },
        audit('merge', `into ${target.number}`),
        { type: 'close_relay', report: n },
        { type: 'say', key: 'verify.merged', params: { number: n, into: target.number, count: target.reportCount + report.reportCount } },
      ];
    }

    case 'update':
      if (report.status !== 'confirmed') return notNow();
      return [
        { type: 'patch', report: n, patch: { lastUpdateAt: now } },
        { type: 'post_update', report: n, text: command.text },
        audit('update'),
        { type: 'say', key: 'verify.update_posted', params: { number: n } },
      ];

    case 'clear':
      if (report.status !== 'confirmed') return notNow();
      return [
        { type: 'patch', report: n, patch: { status: 'cleared', closedAt: now, lastUpdateAt: now } },
        { type: 'post_clear', report: n },
        audit('clear'),
        { type: 'close_relay', report: n },
        { type: 'say', key: 'verify.cleared', params: { number: n } },
      ];

    case 'block':
    case 'unblock':
      return [
        { type: 'block', report: n, blocked: command.name === 'block' },
        audit(command.name),
      ];

    case 'reopen': {
      if (!['rejected', 'merged', 'expired'].includes(report.status)) return notNow();
      const effects: Effect[] = [
        { type: 'patch', report: n, patch: { status: 'new', incident: null, closedAt: null, claimedBy: null } },
      ];
      if (report.status === 'merged' && ctx.target) {
        effects.push({ type: 'patch', report: ctx.target.number, patch: { reportCount: Math.max(1, ctx.target.reportCount - report.reportCount) } });
      }
      effects.push(audit('reopen'), { type: 'say', key: 'verify.reopened', params: { number: n } });
      return effects;
    }
  }
}
