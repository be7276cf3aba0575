/** The queue's "same as #N?" hints follow the chat card's rule: the same corner counts, written either way round. */
import { describe, expect, it } from 'vitest';
import type { DashReport } from '../../store/dashboard-queries.js';
import { duplicateHints } from './views/queue.js';

const T0 = Date.UTC(2026, 10, 21, 17, 0, 0);
const SETTINGS = { staleAfterMs: 3_600_000, duplicateWindowMs: 30 * 60_000, duplicateDistanceMeters: 300 };

function report(number: number, cross: [string, string], zones: string[] = []): DashReport {
  return {
    number,
    status: 'new',
    urgent: false,
    lang: 'es',
    platform: 'simulator',
    draft: { skipped: [], location: { text: cross.join(' y '), crossStreets: cross } },
    zones,
    seenAt: T0,
    createdAt: T0 + number * 60_000,
    reportCount: 1,
    updateCount: 0,
    relayOpen: false,
    reachable: true,
    priority: 'normal',
    flags: [],
    digest: false,
  };
}

describe('duplicate hints on the dashboard', () => {
  it('name a report at the same corner, even with no zone and no pin, and not one at another corner', () => {
    const a = report(1, ['1st', 'Soto']);
    const b = report(2, ['Soto St', '1st']);
    const c = report(3, ['4th', 'Mott']);
    expect(duplicateHints(a, [a, b, c], SETTINGS)).toEqual([2]);
  });
});
