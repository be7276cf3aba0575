/**
 * The numbers page: how fast reports are handled (report to first claim, report to
 * confirmation, confirmation to the alert delivered; p50 and p90 by day and by week) and how
 * many there are (by status, by zone, floods, merged duplicates). Aggregates only: nothing here
 * names a report's sender or says anything about one.
 */
import { DateTime } from 'luxon';
import type { ReportTimes } from '../../store/dashboard-queries.js';

/** The q-quantile (0..1) of `values` by the nearest-rank method; undefined for none. */
export function percentile(values: readonly number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1];
}

export interface Durations {
  count: number;
  p50?: number;
  p90?: number;
}

function durations(values: number[]): Durations {
  const p50 = percentile(values, 0.5);
  const p90 = percentile(values, 0.9);
  return { count: values.length, ...(p50 !== undefined ? { p50 } : {}), ...(p90 !== undefined ? { p90 } : {}) };
}

export interface PeriodRow {
  /** `2026-11-21` for a day, `2026-W47` for a week (ISO), in the network's time zone. */
  period: string;
  reports: number;
  toClaim: Durations;
  toConfirm: Durations;
  toDelivered: Durations;
}

export interface Numbers {
  days: PeriodRow[];
  weeks: PeriodRow[];
  byStatus: Record<string, number>;
  byZone: Record<string, number>;
  flood: number;
  merged: number;
  total: number;
}

function periodRows(times: readonly ReportTimes[], keyOf: (t: ReportTimes) => string): PeriodRow[] {
  const groups = new Map<string, ReportTimes[]>();
  for (const t of times) {
    const k = keyOf(t);
    groups.set(k, [...(groups.get(k) ?? []), t]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([period, ts]) => ({
      period,
      reports: ts.length,
      toClaim: durations(ts.flatMap((t) => (t.firstClaimAt !== undefined ? [t.firstClaimAt - t.createdAt] : []))),
      toConfirm: durations(ts.flatMap((t) => (t.confirmedAt !== undefined ? [t.confirmedAt - t.createdAt] : []))),
      toDelivered: durations(
        ts.flatMap((t) => (t.confirmedAt !== undefined && t.deliveredAt !== undefined ? [t.deliveredAt - t.confirmedAt] : [])),
      ),
    }));
}

function count<T>(items: readonly T[], keysOf: (t: T) => string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) for (const k of keysOf(item)) out[k] = (out[k] ?? 0) + 1;
  return out;
}

/** Every number of the page, from the times of the reports in the period shown. */
export function computeNumbers(times: readonly ReportTimes[], timezone: string): Numbers {
  const local = (t: ReportTimes) => DateTime.fromMillis(t.createdAt, { zone: timezone });
  return {
    days: periodRows(times, (t) => local(t).toISODate() ?? ''),
    weeks: periodRows(times, (t) => local(t).toFormat("kkkk-'W'WW")),
    byStatus: count(times, (t) => [t.status]),
    byZone: count(times, (t) => (t.zones.length > 0 ? t.zones : [''])),
    flood: times.filter((t) => t.flags.includes('coordinated_flood')).length,
    merged: times.filter((t) => t.status === 'merged').length,
    total: times.length,
  };
}
