/**
 * Sending someone to look: a report goes to the on-duty field verifiers of its zone (nearest
 * first when a point is known), then, if nobody says yes within `answerMs`, to the others on
 * duty, then to the verifier chat. The first yes is assigned and the others are told they are
 * not needed; the desk sees "Ana en camino, llega en ~10 min" under the card; a reminder goes out
 * when the ETA passes. Pure: from the input and the read model to events.
 */
import type { Param } from '../engine/types.js';
import { distanceMeters } from '../geo/zones.js';
import type { PingAnswer } from './field-commands.js';
import type { DispatchView } from './dispatch-state.js';
import { dm, langOf, minutesBetween, onTheWay, personById, pingText, toDesk, when } from './dispatch-out.js';
import type { CommandChat, FieldWriter, ReportView } from './model.js';
import type { Out } from './out.js';
import { onDuty, type RosterPerson } from './roster.js';
import { isClosed, isOpen } from './rules.js';

/** The last ring: nobody in the field said yes, the verifier chat is asked. */
export const DESK_RING = 3;

/** `/dispatch N` from the desk (or automatically for an urgent report, `chat` undefined). */
export function decideDispatch(o: Out, report: ReportView, by: string, chat?: CommandChat): void {
  const n = report.number;
  const existing = o.model.field?.dispatch;
  const reply = (key: string, params: Record<string, Param> = {}) => chat && o.reply(chat, key, { number: n, ...params });
  if (!isOpen(report.status)) return void reply('verify.wrong_status', { status: { key: `status.${report.status}` } });
  if (existing) {
    const person = personById(o, existing.assigned);
    if (existing.outcome) return void reply('dispatch.already_seen');
    if (person)
      return void reply('dispatch.already_going', { text: onTheWay(o, person.name, existing.etaAt, chat?.lang ?? o.net.defaultLang) });
    return void reply('dispatch.already_asking');
  }
  o.push({ type: 'dispatch_started', report: n, by, ring: 1 }, { type: 'audit', actor: by, action: 'dispatch', report: n });
  const asked = ring(o, report, 1, new Set());
  // A command from a direct chat is answered there too; in the verifier chat the notice above is the answer.
  if (chat && chat.role !== 'verifiers') reply(asked > 0 ? 'dispatch.started_dm' : 'dispatch.nobody_dm', { count: asked });
}

/**
 * Asks the next ring that has anyone in it, from `from` on: pings each person, records the ring
 * and tells the desk. With nobody left, the verifier chat is asked (and the on-call paged for an
 * urgent report). Returns how many people were asked.
 */
function ring(o: Out, report: ReportView, from: number, asked: ReadonlySet<string>): number {
  const n = report.number;
  for (let r = from; r < DESK_RING; r += 1) {
    const people = ringPeople(o, report, r, asked);
    if (people.length === 0) continue;
    o.push({ type: 'dispatch_patched', report: n, patch: { ring: r, ringAt: o.now } });
    for (const p of people) {
      o.push({ type: 'dispatch_pinged', report: n, person: p.id, ring: r });
      const lang = langOf(o, p);
      dm(o, p, 'dispatch.ping_title', {}, { dedupe: `ping:${n}:${p.id}`, text: pingText(o, report, p, lang) });
    }
    const minutes = Math.round((o.net.field.answerMs / 60_000) * 10) / 10;
    toDesk(
      o,
      n,
      r === 1 ? 'dispatch.asked' : 'dispatch.asked_wider',
      (lang) =>
        o.t(lang, r === 1 ? 'dispatch.asked' : 'dispatch.asked_wider', { number: n, names: people.map((p) => p.name).join(', '), minutes }),
      `dispatch:${n}:${r}`,
    );
    return people.length;
  }
  o.push({ type: 'dispatch_patched', report: n, patch: { ring: DESK_RING, ringAt: o.now } });
  const key = asked.size > 0 ? 'dispatch.desk_ring' : 'dispatch.desk_ring_nobody';
  toDesk(o, n, key, (lang) => o.t(lang, key, { number: n }), `dispatch:${n}:${DESK_RING}`);
  if (report.urgent) page(o, report, 'dispatch.page_no_field');
  return 0;
}

/** The on-duty field verifiers of a ring who were not asked yet: ring 1 those of the report's zones, ring 2 the others. Nearest first. */
function ringPeople(o: Out, report: ReportView, r: number, asked: ReadonlySet<string>): RosterPerson[] {
  const f = o.net.field;
  const field = f.people.filter((p) => p.field && !asked.has(p.id));
  const duty = onDuty(field, o.model.field?.availability ?? [], o.now, f.timezone).map((d) => d.person);
  const inZone = (p: RosterPerson) => p.zones.some((z) => report.zones.includes(z));
  const list = duty.filter((p) => (r === 1 ? inZone(p) : !inZone(p)));
  const point = report.draft.location?.point ?? report.point;
  if (!point) return list;
  const far = (p: RosterPerson) => (p.base ? distanceMeters(point, p.base) : Number.POSITIVE_INFINITY);
  return [...list].sort((a, b) => far(a) - far(b));
}

/**
 * DMs the on-call people (and desk verifiers on duty) about an urgent report, once per report
 * and person whatever the reason. Returns how many were paged.
 */
export function page(o: Out, report: Pick<ReportView, 'number' | 'zones'>, reason: string): number {
  const f = o.net.field;
  const desk = onDuty(
    f.people.filter((p) => !p.field),
    o.model.field?.availability ?? [],
    o.now,
    f.timezone,
  ).map((d) => d.person);
  const people = [...new Map([...f.people.filter((p) => f.onCall.includes(p.id)), ...desk].map((p) => [p.id, p])).values()];
  for (const p of people) {
    const lang = langOf(o, p);
    const zone = o.zoneName(report.zones, lang) ?? o.t(lang, 'alert.zone_unknown');
    dm(o, p, 'dispatch.page', { number: report.number, zone, reason: o.t(lang, reason) }, { dedupe: `page:${report.number}:${p.id}` });
  }
  if (people.length > 0) o.push({ type: 'audit', actor: 'system', action: 'page', report: report.number, detail: reason });
  return people.length;
}

/** A field verifier answered a ping: `si 10`, `sí`, `voy 15`, `n`, `no puedo`. */
export function decideAnswer(o: Out, from: FieldWriter, report: ReportView, answer: PingAnswer): void {
  const { person, chat } = from;
  const n = report.number;
  const d = o.model.field?.dispatch;
  const reply = (key: string, params: Record<string, Param> = {}) => o.reply(chat, key, { number: n, ...params });
  if (!d || !d.pings.some((p) => p.person === person.id)) return reply('dispatch.no_request');
  const assigned = personById(o, d.assigned);
  if (assigned && assigned.id !== person.id) {
    o.push({ type: 'dispatch_answered', report: n, person: person.id, answer: answer.yes ? 'yes' : 'no' });
    return reply(answer.yes ? 'dispatch.not_needed_late' : 'dispatch.noted_no');
  }
  if (assigned) {
    // Theirs already: a number updates the ETA; a no gives it back.
    if (!answer.yes) return giveBack(o, person, report, d, chat);
    if (answer.minutes === undefined) return reply('dispatch.assigned_again');
    const etaAt = o.now + answer.minutes * 60_000;
    o.push({ type: 'dispatch_patched', report: n, patch: { etaAt, reminded: false } });
    toDesk(o, n, 'dispatch.on_the_way', (lang) => `#${n}: ${onTheWay(o, person.name, etaAt, lang)}`);
    return reply('dispatch.eta_updated', { minutes: answer.minutes });
  }
  if (!isOpen(report.status) && report.status !== 'confirmed')
    return reply('dispatch.closed', { status: { key: `status.${report.status}` } });
  if (!answer.yes) {
    o.push({ type: 'dispatch_answered', report: n, person: person.id, answer: 'no' });
    reply('dispatch.noted_no');
    // Everyone asked said no: the next ring now, not when the time runs out.
    const left = d.pings.filter((p) => p.ring === d.ring && p.person !== person.id && p.answer === undefined);
    if (left.length === 0 && d.ring < DESK_RING) ring(o, report, d.ring + 1, new Set(d.pings.map((p) => p.person)));
    return;
  }
  const etaAt = answer.minutes !== undefined ? o.now + answer.minutes * 60_000 : undefined;
  o.push(
    { type: 'dispatch_answered', report: n, person: person.id, answer: 'yes' },
    { type: 'dispatch_patched', report: n, patch: { assigned: person.id, acceptedAt: o.now, etaAt: etaAt ?? null } },
    {
      type: 'audit',
      actor: person.id,
      action: 'dispatch_accept',
      report: n,
      ...(answer.minutes !== undefined ? { detail: `${answer.minutes} min` } : {}),
    },
  );
  if (report.status === 'new' || report.status === 'incomplete') {
    o.push({ type: 'report_patched', report: n, patch: { status: 'claimed', claimedBy: person.id } });
  }
  reply(etaAt !== undefined ? 'dispatch.assigned' : 'dispatch.assigned_no_eta', { name: person.name });
  for (const p of d.pings) {
    const other = personById(o, p.person);
    if (!other || other.id === person.id || p.answer === 'no') continue;
    dm(o, other, 'dispatch.not_needed', { number: n }, { dedupe: `notneeded:${n}:${other.id}` });
  }
  toDesk(o, n, 'dispatch.on_the_way', (lang) => `#${n}: ${onTheWay(o, person.name, etaAt, lang)}`, `going:${n}:${person.id}`);
}

/** The assigned person cannot go after all: the report is asked of the next ring. */
function giveBack(o: Out, person: RosterPerson, report: ReportView, d: DispatchView, chat: CommandChat): void {
  const n = report.number;
  o.push(
    { type: 'dispatch_answered', report: n, person: person.id, answer: 'no' },
    { type: 'dispatch_patched', report: n, patch: { assigned: null, etaAt: null } },
    { type: 'audit', actor: person.id, action: 'dispatch_giveback', report: n },
  );
  if (report.status === 'claimed' && report.claimedBy === person.id)
    o.push({ type: 'report_patched', report: n, patch: { status: 'new', claimedBy: null } });
  o.reply(chat, 'dispatch.given_back', { number: n });
  toDesk(o, n, 'dispatch.given_back_desk', (lang) => o.t(lang, 'dispatch.given_back_desk', { number: n, name: person.name }));
  ring(o, report, Math.min(d.ring + 1, DESK_RING), new Set(d.pings.map((p) => p.person)));
}

/** The clock: rings nobody answered move on, passed ETAs get a reminder, closed reports end their dispatch. */
export function decideDispatchTimers(o: Out): void {
  const f = o.net.field;
  for (const { dispatch: d, report } of o.model.field?.active ?? []) {
    const n = report.number;
    const assigned = personById(o, d.assigned);
    if (isClosed(report.status)) {
      o.push({ type: 'dispatch_patched', report: n, patch: { doneAt: o.now } });
      // Someone on the way to a report the desk closed meanwhile is told they can stand down.
      if (assigned && !d.outcome) dm(o, assigned, 'dispatch.stand_down', { number: n }, { dedupe: `standdown:${n}:${assigned.id}` });
      continue;
    }
    if (!assigned && d.ring < DESK_RING && o.now >= d.ringAt + f.answerMs) {
      o.push({ type: 'audit', actor: 'system', action: 'dispatch_no_answer', report: n, detail: `ring ${d.ring}` });
      ring(o, report, d.ring + 1, new Set(d.pings.map((p) => p.person)));
      continue;
    }
    if (assigned && d.etaAt !== undefined && o.now >= d.etaAt && !d.reminded && !d.outcome) {
      o.push({ type: 'dispatch_patched', report: n, patch: { reminded: true, awaiting: true } });
      dm(o, assigned, 'dispatch.eta_reminder', { number: n }, { dedupe: `eta:${n}:${d.etaAt}` });
      toDesk(o, n, 'dispatch.eta_passed', (lang) =>
        o.t(lang, 'dispatch.eta_passed', {
          number: n,
          name: assigned.name,
          time: when(o, d.etaAt ?? o.now, lang),
          minutes: minutesBetween(d.acceptedAt ?? o.now, o.now),
        }),
      );
    }
  }
}
