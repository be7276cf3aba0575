/**
 * The roster and field dispatch in the verification decider: routes each field input to its
 * decision, and adds to a submitted report what the roster says about it (the honest after-hours
 * reply, the page of the on-call, the automatic dispatch of an urgent report). Also the clock's
 * re-announcement of reports nobody claimed. Pure: from the input and the read model to events.
 */
import type { Platform } from '../messages.js';
import { decideAnswer, decideDispatch, decideDispatchTimers, page } from './decide-dispatch.js';
import { refuse } from './decide-command.js';
import { decideSeen } from './decide-report-back.js';
import { decideDuty, decideRoster } from './decide-roster.js';
import { minutesBetween, toDesk, when } from './dispatch-out.js';
import type { FieldInput, ReportView } from './model.js';
import type { Out } from './out.js';
import { isStaffed, nextStart, onDuty } from './roster.js';

export function decideField(o: Out, input: FieldInput): void {
  switch (input.kind) {
    case 'duty':
      return decideDuty(o, input.from, input.command, input.hours);
    case 'roster':
      return decideRoster(o, input.chat);
    case 'dispatch': {
      const report = o.model.report;
      if (!report) return o.reply(input.chat, 'verify.unknown_report', { number: input.report });
      return decideDispatch(o, report, o.model.actor?.id ?? 'anon', input.chat);
    }
    case 'answer': {
      const report = o.model.report;
      if (!report) return o.reply(input.from.chat, 'dispatch.no_request');
      return decideAnswer(o, input.from, report, input.answer);
    }
    case 'seen':
      return decideSeen(o, input.from, o.model.report, input.text, input.media ?? []);
    case 'usage':
      return o.reply(input.chat, `dispatch.usage.${input.name}`);
    case 'refused':
      return refuse(o, input.chat, input.name);
    case 'tick':
      decideDispatchTimers(o);
      return decideUnclaimed(o);
  }
}

/**
 * After a report is stored (see decideSubmitted): outside staffed hours with nobody on duty, the
 * tipster hears so honestly (the hotline for a detention, when the team will see it) and an urgent
 * report pages the on-call; otherwise an urgent report goes to the field at once.
 */
export function decideFieldOnSubmit(o: Out, tipster: { platform: Platform; key: string; address: string }): void {
  const stored = o.events.find((e) => e.type === 'report_stored');
  if (stored?.type !== 'report_stored') return;
  const held = o.events.some((e) => e.type === 'audit' && (e.action === 'held_blocked_sender' || e.action === 'digest_queued'));
  const r = stored.report;
  const report: ReportView = {
    number: r.number,
    status: r.status,
    seenAt: r.seenAt,
    reportCount: 1,
    reachable: true,
    platform: tipster.platform,
    lang: r.lang,
    urgent: r.urgent,
    zones: stored.zones,
    draft: r.draft,
    updateCount: 0,
    relayOpen: false,
    createdAt: o.now,
    mediaRefs: stored.mediaRefs,
    replyAddress: tipster.address,
    tipster: tipster.key,
    ...(stored.point ? { point: stored.point } : {}),
  };
  const f = o.net.field;
  const nobodyOn = onDuty(f.people, o.model.field?.availability ?? [], o.now, f.timezone).length === 0;
  if (!isStaffed(f.staffedHours, o.now, f.timezone) && nobodyOn) {
    // Held reports (over the hourly limit, a blocked sender) get the same reply, so nobody can tell.
    const paged = r.urgent && !held ? page(o, report, 'dispatch.page_after_hours') : 0;
    const next = nextStart(f.staffedHours, o.now, f.timezone);
    const lang = r.lang;
    const lines = [
      o.t(lang, 'dispatch.after_hours', { hotline: f.hotline }),
      next !== undefined ? o.t(lang, 'dispatch.after_hours_when', { number: r.number, when: when(o, next, lang) }) : '',
      paged > 0 ? o.t(lang, 'dispatch.after_hours_paged') : '',
    ].filter(Boolean);
    o.push({
      type: 'send',
      to: { type: 'tipster', ...tipster },
      text: lines.join('\n'),
      key: 'dispatch.after_hours',
      lane: 'normal',
      dedupeKey: `afterhours:${r.number}`,
    });
    return;
  }
  // A network without field verifiers has nobody to send: the card is all there is.
  if (r.urgent && f.autoUrgent && !held && f.people.some((p) => p.field)) decideDispatch(o, report, 'auto');
}

/** Reports nobody claimed within `unclaimedMs`: re-announced once to the desk; an urgent one pages the on-call. */
function decideUnclaimed(o: Out): void {
  for (const report of o.model.field?.unclaimed ?? []) {
    const n = report.number;
    o.push({ type: 'unclaimed_announced', report: n }, { type: 'audit', actor: 'system', action: 'unclaimed', report: n });
    const minutes = minutesBetween(report.createdAt, o.now);
    const key = report.urgent ? 'dispatch.unclaimed_urgent' : 'dispatch.unclaimed';
    // Paged first, so the notice says so only when someone really was.
    const paged = report.urgent ? page(o, report, 'dispatch.page_unclaimed') : 0;
    toDesk(
      o,
      n,
      key,
      (lang) =>
        [
          o.t(lang, key, { number: n, minutes, zone: o.zoneName(report.zones, lang) ?? o.t(lang, 'alert.zone_unknown') }),
          paged > 0 ? o.t(lang, 'dispatch.unclaimed_paged', { count: paged }) : '',
        ]
          .filter(Boolean)
          .join('\n'),
      `unclaimed:${n}`,
    );
  }
}
