/**
 * What a verifier (or responder) command does. Pure: from the command, the read model and the
 * instant to events. Nothing unverified reaches responders: only a confirmation with enough
 * approvals from enrolled people other than the incident's own tipsters queues an alert, and the
 * reply says which groups will get it, or that none will and why.
 */
import type { Command, ParsedCommand } from './commands.js';
import { REPORT_COMMANDS } from './commands.js';
import { incidentFacts } from './incident.js';
import type { CommandChat, ReportView } from './model.js';
import { alertKey, chatId, cleanedPhotos, type Out } from './out.js';
import { FORGET_TIPSTER, isClosed, isOpen } from './rules.js';

export function decideCommand(o: Out, chat: CommandChat, parsed: ParsedCommand): void {
  const actor = o.model.actor;
  if (!actor) throw new Error('a command needs its actor');
  if (chat.role === 'responders') {
    if (parsed.ok && parsed.command.name === 'going') acknowledge(o, parsed.command.report, parsed.command.minutes);
    return;
  }
  if (!parsed.ok) {
    if (!actor.enrolled && REPORT_COMMANDS.has(parsed.name)) return refuse(o, chat, parsed.name);
    return o.reply(chat, `verify.usage.${parsed.name}`);
  }
  const command = parsed.command;
  if (command.name === 'help') {
    // The roster and dispatch commands follow the verifier commands (dispatch.help).
    return o.push({
      type: 'send',
      to: { type: 'chat', platform: chat.platform, id: chat.id, kind: chat.kind },
      text: `${o.t(chat.lang, 'verify.help')}\n${o.t(chat.lang, 'dispatch.help')}`,
      key: 'verify.help',
      lane: 'normal',
    });
  }
  if (command.name === 'going') return; // only in responder groups
  if (!actor.enrolled) return refuse(o, chat, command.name, 'report' in command ? command.report : undefined);
  if (command.name === 'status') return status(o, chat);
  if (command.name === 'dashboard') return dashboardLink(o, chat);
  const report = o.model.report;
  if (!report) return o.reply(chat, 'verify.unknown_report', { number: command.report });
  onReport(o, chat, command, report);
}

/**
 * A stranger sent a verifier command: recorded under a pseudonym, and answered at most
 * `refusalsPerStranger` times per stranger and `refusalsPerWindow` times in all per window, so
 * nobody can make the bot flood a verifier chat with refusals.
 */
export function refuse(o: Out, chat: CommandChat, name: string, report?: number): void {
  const { refusals } = o.model;
  const s = o.net.settings;
  const answer = refusals.byActor < s.refusalsPerStranger && refusals.total < s.refusalsPerWindow;
  o.push({
    type: 'audit',
    actor: o.model.actor?.id ?? 'anon',
    action: `refused:${name}`,
    ...(report !== undefined ? { report } : {}),
    ...(answer ? {} : { detail: 'unanswered' }),
  });
  if (answer) o.reply(chat, 'verify.not_enrolled');
}

function status(o: Out, chat: CommandChat): void {
  const reports = o.model.reports.map((r) => ({ ...r, ...optional('zone', o.zoneName(r.zones, chat.lang)) }));
  o.push({
    type: 'send',
    to: { type: 'chat', platform: chat.platform, id: chat.id, kind: chat.kind },
    text: o.env.texts.statusList(reports, chat.lang),
    key: 'verify.status_title',
    lane: 'normal',
  });
}

/**
 * `/panel`, `/dashboard`: a sign-in link valid once, for a few minutes, sent only in a direct
 * message (a group would let everyone in it sign in as this verifier). Only its hash is kept.
 */
function dashboardLink(o: Out, chat: CommandChat): void {
  const login = o.model.login;
  const dashboard = o.net.dashboard;
  if (chat.kind !== 'direct' || chat.role !== 'direct') return o.reply(chat, 'verify.dashboard_direct_only');
  if (!login || !dashboard) return o.reply(chat, 'verify.dashboard_off');
  const actor = o.model.actor?.id ?? 'anon';
  o.push(
    { type: 'dashboard_login', person: actor, tokenHash: login.hash, expiresAt: o.now + dashboard.linkMs },
    { type: 'audit', actor, action: 'dashboard_link' },
  );
  // The link's row is deleted once sent: the token never stays in the outbox.
  o.reply(
    chat,
    'verify.dashboard_link',
    { url: `${dashboard.loginUrl}?token=${login.token}`, minutes: Math.round(dashboard.linkMs / 60_000) },
    `login:${login.hash}`,
  );
}

type ReportCommand = Exclude<Command, { name: 'status' | 'help' | 'going' | 'dashboard' }>;

function onReport(o: Out, chat: CommandChat, command: ReportCommand, report: ReportView): void {
  const n = report.number;
  const actor = o.model.actor?.id ?? 'anon';
  const now = o.now;
  const audit = (action: string, detail?: string) => o.push({ type: 'audit', actor, action, report: n, ...(detail ? { detail } : {}) });
  const notNow = () => o.reply(chat, 'verify.wrong_status', { number: n, status: { key: `status.${report.status}` } });

  switch (command.name) {
    case 'claim':
      if (!isOpen(report.status)) return notNow();
      o.push({ type: 'report_patched', report: n, patch: { status: 'claimed', claimedBy: actor } });
      audit('claim');
      return o.reply(chat, 'verify.claimed', { number: n });

    case 'confirm':
      return confirm(o, chat, command, report);

    case 'reject':
      if (!isOpen(report.status)) return notNow();
      o.push({ type: 'report_patched', report: n, patch: { status: 'rejected', note: command.reason, closedAt: now } });
      audit('reject', command.reason);
      o.toTipster(report, 'tipster.rejected', {}, `tipster:tipster.rejected:${n}`);
      o.push({ type: 'report_patched', report: n, patch: FORGET_TIPSTER });
      return o.reply(chat, 'verify.rejected', { number: n });

    case 'ask':
      if (isClosed(report.status) || !report.reachable) return o.reply(chat, 'verify.cannot_ask', { number: n });
      o.push({ type: 'report_patched', report: n, patch: { relayOpen: true, relayUntil: now + o.net.settings.relayMs } });
      o.toTipster(report, 'tipster.question', { text: command.question });
      audit('ask', command.question);
      return o.reply(chat, 'verify.asked', { number: n, minutes: Math.round(o.net.settings.relayMs / 60_000) });

    case 'merge':
      return merge(o, chat, command.into, report);

    case 'update': {
      if (report.status !== 'confirmed') return notNow();
      const seq = report.updateCount + 1;
      o.push({ type: 'report_patched', report: n, patch: { lastUpdateAt: now, updateCount: seq } });
      o.toGroups(n, o.groupsFor(report.zones), 'alert.update', (lang) => o.env.texts.update(n, command.text, lang), `update:${n}:${seq}`);
      audit('update');
      return o.reply(chat, 'verify.update_posted', { number: n });
    }

    case 'clear':
      if (report.status !== 'confirmed') return notNow();
      o.push({ type: 'report_patched', report: n, patch: { status: 'cleared', closedAt: now, lastUpdateAt: now, ...FORGET_TIPSTER } });
      o.toGroups(n, o.groupsFor(report.zones), 'alert.clear', (lang) => o.env.texts.clear(n, lang), `clear:${n}:0`);
      audit('clear');
      return o.reply(chat, 'verify.cleared', { number: n });

    case 'block':
    case 'unblock': {
      const blocked = command.name === 'block';
      if (!report.tipster) o.reply(chat, 'verify.cannot_block', { number: n });
      else {
        o.push({ type: 'sender_blocked', tipster: report.tipster, blocked, by: actor, report: n });
        o.reply(chat, blocked ? 'verify.blocked' : 'verify.unblocked', { number: n });
      }
      return audit(command.name);
    }

    case 'reopen': {
      if (!['rejected', 'merged', 'expired'].includes(report.status)) return notNow();
      o.push({ type: 'report_patched', report: n, patch: { status: 'new', incident: null, closedAt: null, claimedBy: null } });
      const target = o.model.target;
      if (report.status === 'merged' && target) {
        o.push({
          type: 'report_patched',
          report: target.number,
          patch: { reportCount: Math.max(1, target.reportCount - report.reportCount) },
        });
      }
      audit('reopen');
      return o.reply(chat, 'verify.reopened', { number: n });
    }
  }
}

/**
 * An approval, and with enough of them the alert. `standsForAll`: an on-site "yes" from a field
 * verifier, when the network lets it stand for every approval it asks (see decide-report-back.ts).
 */
export function confirm(
  o: Out,
  chat: CommandChat,
  command: Extract<Command, { name: 'confirm' }>,
  report: ReportView,
  opts: { standsForAll?: boolean } = {},
): void {
  const n = report.number;
  const actor = o.model.actor;
  if (!actor) return;
  const audit = (action: string, detail?: string) =>
    o.push({ type: 'audit', actor: actor.id, action, report: n, ...(detail ? { detail } : {}) });
  if (report.status === 'confirmed') return o.reply(chat, 'verify.already_confirmed', { number: n });
  if (!isOpen(report.status)) return o.reply(chat, 'verify.wrong_status', { number: n, status: { key: `status.${report.status}` } });
  // Independent approvals: nobody approves a sighting they reported themselves, on any of their platforms.
  const own = o.model.incident.some((m) => m.tipster !== undefined && actor.keys.includes(m.tipster));
  if (own) {
    audit('approve_refused_own');
    return o.reply(chat, 'verify.own_report', { number: n });
  }
  if (o.model.approvals.some((a) => a.id === actor.id)) return o.reply(chat, 'verify.already_approved', { number: n });
  const ageMs = o.now - report.seenAt;
  if (ageMs > o.net.settings.staleAfterMs && !command.stale) {
    audit('confirm_refused_stale');
    return o.reply(chat, 'verify.stale', { number: n, minutes: Math.round(ageMs / 60_000) });
  }
  // Approvals count from people who are not tipsters of the incident as it stands now (a report
  // merged in after someone approved can make their approval their own).
  const tipsters = new Set(o.model.incident.flatMap((m) => (m.tipster ? [m.tipster] : [])));
  const needed = o.net.settings.approvals;
  const count = opts.standsForAll ? needed : o.model.approvals.filter((a) => !a.keys.some((k) => tipsters.has(k))).length + 1;
  o.push({ type: 'approval_added', report: n, verifier: actor.id });
  audit('approve', command.stale ? 'stale' : undefined);
  if (count < needed) return o.reply(chat, 'verify.approval_recorded', { number: n, count, needed });

  o.push({
    type: 'report_patched',
    report: n,
    patch: { status: 'confirmed', confirmedAt: o.now, lastUpdateAt: o.now, note: command.note ?? null },
  });
  audit('confirm');
  const facts = incidentFacts(o.model.incident.length > 0 ? o.model.incident : [report]);
  const groups = o.groupsFor(report.zones);
  if (groups.length === 0) {
    // Confirmed, and said plainly that nobody gets an alert: neither the verifiers nor the tipster hear "alerted".
    const zone = o.zoneName(report.zones, chat.lang);
    const reason = zone ? { key: 'verify.no_groups_zone', zone } : { key: 'verify.no_groups_unknown' };
    o.reply(chat, 'verify.confirmed_none', { number: n, reason: o.t(chat.lang, reason.key, zone ? { zone } : {}) });
    o.toTipster(report, 'tipster.confirmed_quiet', {}, `tipster:tipster.confirmed:${n}`);
    return;
  }
  const photos = cleanedPhotos(o.model.files);
  const note = command.note;
  o.toGroups(
    n,
    groups,
    'alert.title',
    (lang, g) =>
      o.env.texts.alert(facts, lang, {
        precision: g.precision,
        ...optional('zone', o.zoneName(report.zones, lang)),
        ...optional('note', note),
      }),
    'alert',
    { mediaRefs: photos },
  );
  for (const g of groups) o.push({ type: 'alert_queued', report: n, dedupeKey: alertKey(n, g), chat: chatId(g) });
  // The tipster hears "alerted" once a group really got it (see decideDelivery).
  o.reply(chat, 'verify.confirmed', { number: n, groups: o.groupNames(groups, chat.lang).join(', ') });
}

/** /merge N M: N joins incident M. A confirmed incident's groups hear what it now stands at. */
function merge(o: Out, chat: CommandChat, into: number, report: ReportView): void {
  const n = report.number;
  const target = o.model.target;
  const actor = o.model.actor?.id ?? 'anon';
  if (!target) return o.reply(chat, 'verify.unknown_report', { number: into });
  if (isClosed(report.status) || report.status === 'confirmed') {
    return o.reply(chat, 'verify.wrong_status', { number: n, status: { key: `status.${report.status}` } });
  }
  if (isClosed(target.status))
    return o.reply(chat, 'verify.wrong_status', { number: target.number, status: { key: `status.${target.status}` } });
  const count = target.reportCount + report.reportCount;
  o.push(
    { type: 'report_patched', report: n, patch: { status: 'merged', incident: target.number, closedAt: o.now, ...FORGET_TIPSTER } },
    { type: 'report_patched', report: target.number, patch: { reportCount: count } },
    { type: 'audit', actor, action: 'merge', report: n, detail: `into ${target.number}` },
  );
  const facts = incidentFacts(o.model.incident);
  if (target.status === 'confirmed') {
    const seq = target.updateCount + 1;
    o.push({ type: 'report_patched', report: target.number, patch: { lastUpdateAt: o.now, updateCount: seq } });
    o.toGroups(
      target.number,
      o.groupsFor(target.zones),
      'alert.joined',
      (lang, g) => o.env.texts.incidentUpdate(facts, lang, { precision: g.precision, ...optional('zone', o.zoneName(target.zones, lang)) }),
      `update:${target.number}:${seq}`,
    );
  }
  o.reply(chat, 'verify.merged', { number: n, into: target.number, count, people: facts.tipsters });
}

/**
 * A responder said they are going: counted once per person, and the verifiers see the count, and
 * when they arrive if they said (`/voy 1042 15`; saying it again with minutes updates the time).
 */
function acknowledge(o: Out, number: number, minutes: number | undefined): void {
  const report = o.model.report;
  const actor = o.model.actor;
  if (report?.status !== 'confirmed' || !actor || (o.model.acks.already && minutes === undefined)) return;
  const count = o.model.acks.count + (o.model.acks.already ? 0 : 1);
  const etaAt = minutes !== undefined ? o.now + minutes * 60_000 : undefined;
  o.push({ type: 'ack_added', report: number, responder: actor.responderKey, ...optional('etaAt', etaAt) });
  if (etaAt === undefined) {
    o.toVerifiers('verify.acks', (lang) => o.t(lang, 'verify.acks', { number, count }), { dedupe: `acks:${number}:${count}` });
    return;
  }
  o.toVerifiers(
    'verify.acks_eta',
    (lang) => o.t(lang, 'verify.acks_eta', { number, count, minutes: minutes ?? 0, time: { time: etaAt } }),
    {
      dedupe: `acks:${number}:${actor.responderKey.slice(0, 12)}:${etaAt}`,
    },
  );
}

/** `{ [key]: value }` when value is defined, else `{}`. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
