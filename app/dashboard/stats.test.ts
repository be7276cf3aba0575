import { describe, expect, it } from 'vitest';
import type { ReportTimes } from '../../store/dashboard-queries.js';
import { computeNumbers, percentile } from './stats.js';

const MIN = 60_000;
/** Saturday 21 November 2026, 09:00 in Los Angeles. */
const T0 = Date.UTC(2026, 10, 21, 17, 0, 0);

function report(number: number, createdAt: number, claimMin?: number, confirmMin?: number, deliverMin?: number): ReportTimes {
  return {
    number,
    status: confirmMin !== undefined ? 'confirmed' : claimMin !== undefined ? 'claimed' : 'new',
    zones: number % 2 ? ['eastside'] : [],
    createdAt,
    flags: number === 3 ? ['coordinated_flood'] : [],
    ...(claimMin !== undefined ? { firstClaimAt: createdAt + claimMin * MIN } : {}),
    ...(confirmMin !== undefined ? { confirmedAt: createdAt + confirmMin * MIN } : {}),
    ...(deliverMin !== undefined && confirmMin !== undefined ? { deliveredAt: createdAt + (confirmMin + deliverMin) * MIN } : {}),
  };
}

describe('dashboard numbers', () => {
  it('takes nearest-rank percentiles', () => {
    expect(percentile([], 0.5)).toBeUndefined();
    expect(percentile([5, 1, 3], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
  });

  it('gives p50/p90 per local day and ISO week, and counts by status and zone', () => {
    const times = [
      report(1, T0, 2, 10, 1),
      report(2, T0 + 10 * MIN, 4, 20, 3),
      report(3, T0 + 20 * MIN, 6),
      // 23:30 in Los Angeles is the next day in UTC, but the same local day.
      report(5, Date.UTC(2026, 10, 22, 7, 30), 8),
    ];
    const n = computeNumbers(times, 'America/Los_Angeles');
    expect(n.days.map((d) => d.period)).toEqual(['2026-11-21']);
    const day = n.days[0]!;
    expect(day.reports).toBe(4);
    expect(day.toClaim).toEqual({ count: 4, p50: 4 * MIN, p90: 8 * MIN });
    expect(day.toConfirm).toEqual({ count: 2, p50: 10 * MIN, p90: 20 * MIN });
    expect(day.toDelivered).toEqual({ count: 2, p50: 1 * MIN, p90: 3 * MIN });
    expect(n.weeks.map((w) => w.period)).toEqual(['2026-W47']);
    expect(n.byStatus).toEqual({ confirmed: 2, claimed: 2 });
    expect(n.byZone).toEqual({ eastside: 3, '': 1 });
    expect(n.flood).toBe(1);
  });
});
