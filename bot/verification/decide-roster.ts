/**
 * The on-duty roster: `/on [hours]` and `/off` set a person's own availability, `/shift` tells
 * them where they stand, `/roster` tells the desk who is on duty for each zone right now and who
 * is on the way where. Pure: from the input and the read model to events.
 */
import type { Lang } from '../parse/types.js';
import { onTheWay, personById, when } from './dispatch-out.js';
import type { CommandChat, FieldWriter } from './model.js';
import type { Out } from './out.js';
import { dutyOf, inHours, isStaffed, onDuty, type Duty, type RosterPerson } from './roster.js';

export function decideDuty(o: Out, from: FieldWriter, command: 'on' | 'off' | 'shift', hours: number | undefined): void {
  const { person, chat } = from;
  const f = o.net.field;
  const lang = chat.lang;
  const said = o.model.field?.availability.find((a) => a.person === person.id);
  const zones = o.zoneName(person.zones, lang);
  const reply = (key: string, params: Record<string, string | number> = {}) => o.reply(chat, key, params);
  if (command === 'on') {
    const until = o.now + (hours !== undefined ? hours * 3_600_000 : f.onMs);
    o.push(
      { type: 'duty_set', person: person.id, onUntil: until, offUntil: null, lang },
      { type: 'audit', actor: person.id, action: 'duty_on', detail: String(until) },
    );
    return person.field && zones
      ? reply('dispatch.duty_on_field', { until: when(o, until, lang), zones })
      : reply('dispatch.duty_on_desk', { until: when(o, until, lang) });
  }
  if (command === 'off') {
    // During a recurring shift, off means off for the rest of it; the next shift counts again.
    const shiftEnd = inHours(person.shifts, o.now, f.timezone);
    o.push(
      { type: 'duty_set', person: person.id, onUntil: null, offUntil: shiftEnd ?? null, lang },
      { type: 'audit', actor: person.id, action: 'duty_off' },
    );
    const after = dutyOf(person, { person: person.id, ...(shiftEnd !== undefined ? { offUntil: shiftEnd } : {}) }, o.now, f.timezone);
    return after.until !== undefined ? reply('dispatch.duty_off_next', { next: when(o, after.until, lang) }) : reply('dispatch.duty_off');
  }
  // /shift: where they stand, in the language they asked in (remembered for the bot's next messages).
  if (said?.lang !== lang)
    o.push({ type: 'duty_set', person: person.id, onUntil: said?.onUntil ?? null, offUntil: said?.offUntil ?? null, lang });
  const duty = dutyOf(person, said, o.now, f.timezone);
  o.reply(chat, 'dispatch.shift_status', { text: dutyLine(o, person, duty, lang) });
}

function dutyLine(o: Out, person: RosterPerson, duty: Duty, lang: Lang): string {
  const zones = o.zoneName(person.zones, lang) ?? o.t(lang, 'dispatch.desk');
  if (duty.on) {
    const key = duty.how === 'shift' ? 'dispatch.shift_on_shift' : 'dispatch.shift_on_self';
    return o.t(lang, key, { until: when(o, duty.until ?? o.now, lang), zones });
  }
  return duty.until !== undefined
    ? o.t(lang, 'dispatch.shift_off_next', { next: when(o, duty.until, lang), zones })
    : o.t(lang, 'dispatch.shift_off', { zones });
}

/** `/roster`: who is on duty for each zone now, the desk, who is on the way, and whether the line is staffed. */
export function decideRoster(o: Out, chat: CommandChat): void {
  const f = o.net.field;
  const lang = chat.lang;
  const duty = onDuty(f.people, o.model.field?.availability ?? [], o.now, f.timezone);
  const name = (p: RosterPerson, until: number | undefined, how: Duty['how']) =>
    o.t(lang, how === 'shift' ? 'dispatch.roster_person_shift' : 'dispatch.roster_person', {
      name: p.name,
      until: when(o, until ?? o.now, lang),
    });
  const lines = [o.t(lang, 'dispatch.roster_title')];
  for (const zone of o.net.zones) {
    const here = duty.filter((d) => d.person.field && d.person.zones.includes(zone.id));
    const names = here.map((d) => name(d.person, d.duty.until, d.duty.how)).join(', ');
    lines.push(
      o.t(lang, 'dispatch.roster_zone', {
        zone: o.zoneName([zone.id], lang) ?? zone.id,
        people: names || o.t(lang, 'dispatch.roster_nobody'),
      }),
    );
  }
  const desk = duty.filter((d) => !d.person.field);
  if (desk.length > 0) {
    lines.push(
      o.t(lang, 'dispatch.roster_zone', {
        zone: o.t(lang, 'dispatch.desk'),
        people: desk.map((d) => name(d.person, d.duty.until, d.duty.how)).join(', '),
      }),
    );
  }
  for (const { dispatch } of o.model.field?.active ?? []) {
    const person = personById(o, dispatch.assigned);
    if (person) lines.push(`#${dispatch.report}: ${onTheWay(o, person.name, dispatch.etaAt, lang)}`);
  }
  const staffed = isStaffed(f.staffedHours, o.now, f.timezone);
  if (f.staffedHours.length > 0) lines.push(o.t(lang, staffed ? 'dispatch.roster_staffed' : 'dispatch.roster_unstaffed'));
  o.push({
    type: 'send',
    to: { type: 'chat', platform: chat.platform, id: chat.id, kind: chat.kind },
    text: lines.join('\n'),
    key: 'dispatch.roster_title',
    lane: 'normal',
  });
}
