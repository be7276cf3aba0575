/**
 * How field dispatch speaks: to one roster person in their language (the one they last used,
 * else their configured one, else the network's), to the verifier chats threaded under a report's
 * card, and the texts built from a report's parsed facts (never the tipster's own words, never
 * who they are). Pure helpers over {@link Out}.
 */
import { DateTime } from 'luxon';
import type { Param } from '../engine/types.js';
import { distanceMeters } from '../geo/zones.js';
import type { Lang } from '../parse/types.js';
import { incidentFacts } from './incident.js';
import type { ReportView } from './model.js';
import { chatId, type Out } from './out.js';
import type { RosterPerson } from './roster.js';

/** The language a person reads: the one they last used with the bot, else their own, else the network's. */
export function langOf(o: Out, person: RosterPerson): Lang {
  const said = o.model.field?.availability.find((a) => a.person === person.id)?.lang;
  return said ?? person.language ?? o.net.defaultLang;
}

export function personById(o: Out, id: string | undefined): RosterPerson | undefined {
  return id === undefined ? undefined : o.net.field.people.find((p) => p.id === id);
}

/** A direct message to a person, on their first enrolled id, in their language. */
export function dm(
  o: Out,
  person: RosterPerson,
  key: string,
  params: Record<string, Param> = {},
  opts: { dedupe?: string; text?: string } = {},
): void {
  const to = person.ids[0];
  if (!to) return;
  const lang = langOf(o, person);
  o.push({
    type: 'send',
    to: { type: 'chat', platform: to.platform, id: to.id, kind: 'direct' },
    text: opts.text ?? o.t(lang, key, params),
    key,
    lane: 'normal',
    ...(opts.dedupe !== undefined ? { dedupeKey: opts.dedupe } : {}),
  });
}

/** One message per verifier chat, threaded under report `n`'s card where the platform can. */
export function toDesk(o: Out, n: number, key: string, render: (lang: Lang) => string, dedupe?: string, mediaRefs: string[] = []): void {
  for (const chat of o.net.verifierChats) {
    const lang = o.langOf(chat);
    o.push({
      type: 'send',
      to: { type: 'chat', platform: chat.platform, id: chat.id, kind: 'group' },
      text: render(lang),
      key,
      lane: 'normal',
      replyToKey: `card:${n}:${chatId(chat)}`,
      ...(dedupe !== undefined ? { dedupeKey: `${dedupe}:${chatId(chat)}` } : {}),
      ...(mediaRefs.length > 0 ? { mediaRefs } : {}),
    });
  }
}

/** An instant as people read it: "9:55" today, "lun 6:00" / "Mon 6:00 AM" another day. */
export function when(o: Out, ms: number, lang: Lang): string {
  const zone = o.net.field.timezone;
  const t = DateTime.fromMillis(ms, { zone }).setLocale(lang);
  const today = DateTime.fromMillis(o.now, { zone });
  const clock = t.toFormat(lang === 'en' ? 'h:mm a' : 'H:mm');
  return t.hasSame(today, 'day') ? clock : `${t.toFormat('ccc')} ${clock}`;
}

/** Whole minutes from `from` to `to`, at least 0. */
export function minutesBetween(from: number, to: number): number {
  return Math.max(0, Math.round((to - from) / 60_000));
}

/** "Ana en camino, llega en ~10 min (10:24)" or without an ETA. */
export function onTheWay(o: Out, name: string, etaAt: number | undefined, lang: Lang): string {
  if (etaAt === undefined) return o.t(lang, 'dispatch.on_the_way_no_eta', { name });
  return o.t(lang, 'dispatch.on_the_way', { name, minutes: minutesBetween(o.now, etaAt), time: when(o, etaAt, lang) });
}

/**
 * The ping to a field verifier: what (parsed kinds, counts, uniforms, plates), where at full
 * precision (cross streets, ZIP, the pin as rounded at intake, the zone), since when, how far
 * from their base, and how to answer. Nothing the tipster typed freely, nothing about who they are.
 */
export function pingText(o: Out, report: ReportView, person: RosterPerson, lang: Lang): string {
  const f = incidentFacts([
    { number: report.number, urgent: report.urgent, seenAt: report.seenAt, draft: report.draft, zones: report.zones },
  ]);
  const what = [
    ...f.kinds.map((k) => o.t(lang, `activity.kind.${k}`)),
    f.agents !== undefined ? o.t(lang, 'alert.agents', { count: f.agents }) : '',
    f.vehicles !== undefined ? o.t(lang, 'alert.vehicles', { count: f.vehicles }) : '',
    ...f.markings.map((m) => o.t(lang, `marking.${m}`)),
    f.plates.length > 0 ? o.t(lang, 'alert.plates', { plates: f.plates.join(', ') }) : '',
  ].filter(Boolean);
  const point = f.point ?? report.point;
  const zone = o.zoneName(report.zones, lang);
  const since =
    report.draft.time?.at === undefined
      ? o.t(lang, 'alert.time_unknown')
      : o.t(lang, 'dispatch.since', { time: when(o, report.seenAt, lang), minutes: minutesBetween(report.seenAt, o.now) });
  const far = point && person.base ? o.t(lang, 'dispatch.distance', { km: (distanceMeters(point, person.base) / 1000).toFixed(1) }) : '';
  return [
    o.t(lang, report.urgent ? 'dispatch.ping_title_urgent' : 'dispatch.ping_title', { number: report.number }),
    o.t(lang, 'alert.what', { text: what.length > 0 ? what.join(', ') : o.t(lang, 'activity.kind.other') }),
    o.t(lang, 'alert.where', { text: o.env.texts.where(lang, f, { precision: 'exact', ...(zone ? { zone } : {}) }) }),
    since,
    far,
    o.t(lang, 'dispatch.ping_observe'),
    o.t(lang, 'dispatch.ping_answer', { number: report.number }),
  ]
    .filter(Boolean)
    .join('\n');
}
