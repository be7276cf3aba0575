/** Who is on duty when: own /on and /off, recurring shifts (also past midnight), staffed hours, in the network's zone. */
import { describe, expect, it } from 'vitest';
import { dutyOf, inHours, isStaffed, nextStart, type RosterPerson } from './roster.js';

const TZ = 'America/Los_Angeles';
const HOUR = 3_600_000;
/** Saturday 21 November 2026, 09:00 in Los Angeles. */
const SAT_9 = Date.UTC(2026, 10, 21, 17, 0, 0);
const weekdays = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, from: '06:00', to: '18:00' }];
const night = [{ days: ['fri'] as const, from: '22:00', to: '06:00' }];
const ana: RosterPerson = {
  id: 'signal:ana',
  name: 'Ana',
  ids: [{ platform: 'signal', id: 'ana' }],
  zones: ['eastside'],
  field: true,
  shifts: [{ days: ['sat'], from: '06:00', to: '12:00' }],
};

describe('the roster', () => {
  it('staffed hours are read in the network zone; none set means always staffed', () => {
    expect(isStaffed(weekdays, SAT_9, TZ)).toBe(false);
    expect(isStaffed(weekdays, SAT_9 + 2 * 24 * HOUR, TZ)).toBe(true); // Monday 9:00
    expect(isStaffed([], SAT_9, TZ)).toBe(true);
    expect(new Date(nextStart(weekdays, SAT_9, TZ)!).toISOString()).toBe('2026-11-23T14:00:00.000Z'); // Monday 6:00 PST
  });

  it('a shift past midnight covers the early hours of the next day', () => {
    const satEarly = SAT_9 - 5 * HOUR; // Saturday 4:00
    expect(inHours(night, satEarly, TZ)).toBe(SAT_9 - 3 * HOUR); // until Saturday 6:00
    expect(inHours(night, SAT_9, TZ)).toBeUndefined();
  });

  it('own /on wins; /off holds for the rest of the shift; the next shift counts again', () => {
    expect(dutyOf(ana, undefined, SAT_9, TZ)).toEqual({ on: true, until: SAT_9 + 3 * HOUR, how: 'shift' });
    expect(dutyOf(ana, { person: ana.id, offUntil: SAT_9 + 3 * HOUR }, SAT_9, TZ).on).toBe(false);
    expect(dutyOf(ana, { person: ana.id, offUntil: SAT_9 + 3 * HOUR }, SAT_9 + 7 * 24 * HOUR, TZ).on).toBe(true);
    expect(dutyOf(ana, { person: ana.id, onUntil: SAT_9 + 5 * HOUR }, SAT_9 + 4 * HOUR, TZ)).toEqual({
      on: true,
      until: SAT_9 + 5 * HOUR,
      how: 'self',
    });
    expect(dutyOf(ana, { person: ana.id, onUntil: SAT_9 - HOUR }, SAT_9 + 4 * HOUR, TZ)).toMatchObject({ on: false, how: 'none' });
  });
});
