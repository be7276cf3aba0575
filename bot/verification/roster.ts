/**
 * The on-duty roster: who is on duty, for which zones, at an instant. A person is on duty while
 * their own `/on` lasts, or during one of their recurring shifts unless they said `/off` for it.
 * Staffed hours say when the line has a team at all. Pure: hours are read in the network's time
 * zone from the instant given, never from the clock.
 */
import { DateTime } from 'luxon';
import type { GeoPoint, Platform } from '../messages.js';
import type { Weekday } from '../config/defaults.js';
import type { Lang } from '../parse/types.js';

export type { Weekday };

/** Hours on some days of the week ("06:00" to "18:00"); `to` at or before `from` runs past midnight. */
export interface WeeklyHours {
  days: readonly Weekday[];
  from: string;
  to: string;
}

/** Someone enrolled who can set their availability: a field verifier (with zones) or a desk verifier. */
export interface RosterPerson {
  /** Stable id: `platform:id` of the first listed id (as approvals and the audit log record it). */
  id: string;
  name: string;
  ids: readonly { platform: Platform; id: string }[];
  /** Zones they go to look in; empty for desk verifiers (they are paged, never sent). */
  zones: readonly string[];
  field: boolean;
  shifts: readonly WeeklyHours[];
  /** Where they usually start from (to ask the nearest first). */
  base?: GeoPoint;
  language?: Lang;
}

/** What a person said about their availability (`/on`, `/off`), as stored. */
export interface Availability {
  person: string;
  /** On duty until then (their own `/on`). */
  onUntil?: number;
  /** Off until then, a shift notwithstanding (their own `/off` during a shift). */
  offUntil?: number;
  /** The language they last used with the bot. */
  lang?: Lang;
}

export interface Duty {
  on: boolean;
  /** When it ends (on) or when the next shift starts (off), if known. */
  until?: number;
  how: 'self' | 'shift' | 'none';
}

const DAY_INDEX: Record<Weekday, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

function at(day: DateTime, clock: string): DateTime {
  const [h, m] = clock.split(':').map(Number);
  return day.startOf('day').plus({ hours: h ?? 0, minutes: m ?? 0 });
}

/** The windows of `hours` that start on the days around `now` (yesterday to a week ahead). */
function windows(hours: readonly WeeklyHours[], now: number, tz: string): { start: number; end: number }[] {
  const today = DateTime.fromMillis(now, { zone: tz });
  const out: { start: number; end: number }[] = [];
  for (let offset = -1; offset <= 7; offset += 1) {
    const day = today.plus({ days: offset });
    for (const h of hours) {
      if (!h.days.some((d) => DAY_INDEX[d] === day.weekday)) continue;
      const start = at(day, h.from);
      let end = at(day, h.to);
      if (end <= start) end = end.plus({ days: 1 });
      out.push({ start: start.toMillis(), end: end.toMillis() });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The end of the window of `hours` that `now` is in, or undefined when outside them all. */
export function inHours(hours: readonly WeeklyHours[], now: number, tz: string): number | undefined {
  const open = windows(hours, now, tz).filter((w) => w.start <= now && now < w.end);
  return open.length > 0 ? Math.max(...open.map((w) => w.end)) : undefined;
}

/** When the next window of `hours` starts after `now`, or undefined when there is none. */
export function nextStart(hours: readonly WeeklyHours[], now: number, tz: string): number | undefined {
  return windows(hours, now, tz).find((w) => w.start > now)?.start;
}

/** Whether the line is staffed at `now`: always when no staffed hours are set. */
export function isStaffed(hours: readonly WeeklyHours[], now: number, tz: string): boolean {
  return hours.length === 0 || inHours(hours, now, tz) !== undefined;
}

/** A person's duty at `now`, from their own `/on` and `/off` and their recurring shifts. */
export function dutyOf(person: RosterPerson, availability: Availability | undefined, now: number, tz: string): Duty {
  if (availability?.onUntil !== undefined && availability.onUntil > now) return { on: true, until: availability.onUntil, how: 'self' };
  const shiftEnd = inHours(person.shifts, now, tz);
  const saidOff = availability?.offUntil !== undefined && availability.offUntil > now;
  if (shiftEnd !== undefined && !saidOff) return { on: true, until: shiftEnd, how: 'shift' };
  const next = nextStart(person.shifts, now, tz);
  return { on: false, how: 'none', ...(next !== undefined ? { until: next } : {}) };
}

/** The people on duty at `now`, with their duty. */
export function onDuty(
  people: readonly RosterPerson[],
  availability: readonly Availability[],
  now: number,
  tz: string,
): { person: RosterPerson; duty: Duty }[] {
  const byPerson = new Map(availability.map((a) => [a.person, a]));
  return people.map((person) => ({ person, duty: dutyOf(person, byPerson.get(person.id), now, tz) })).filter((p) => p.duty.on);
}
