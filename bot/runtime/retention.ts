/**
 * Retention: how long each kind of data is kept, and the sweeper that deletes it. The policy is
 * here (cut-off instants from the config and the clock, and when to sweep); the deleting is done
 * by the store (store/retention-store.ts), in one transaction, followed by a WAL checkpoint so the
 * deleted rows are gone from the file bytes and not just unlinked (`secure_delete` is on).
 *
 * The schedule runs on the runtime's clock (Runtime.tick), so tests with a fake clock see the
 * same sweeps production does. docs/privacy.md lists what each table holds and for how long.
 */
import type { Logger } from '../logger.js';

/** The limits, in milliseconds (see `retention` in the config). */
export interface RetentionSettings {
  /** An active (unfinished) conversation not written to for this long is deleted with its held files. */
  draftMs: number;
  /** A finished conversation is deleted this long after its last write (the engine's own timer normally does it first). */
  doneSessionMs: number;
  /** Reports are deleted (with their files, approvals and acknowledgements) this long after they came in. */
  reportMs: number;
  /** Files are deleted this long after they came in, even while their report is kept. */
  mediaMs: number;
  auditMs: number;
  /** Ids of inbound messages (only there to ignore redeliveries). */
  inboxMs: number;
  /** Sent and given-up outbox rows. Pending rows are never swept. */
  outboxMs: number;
  /** Time between sweeps. */
  sweepMs: number;
}

/** Everything strictly older than these instants (epoch ms) goes. */
export interface RetentionCutoffs {
  /** Active sessions whose last write is before this; held (unattached) files that came in before it. */
  draftsBefore: number;
  /** Finished sessions whose last write is before this. */
  doneSessionsBefore: number;
  /** Reports that came in before this (a report always closes after it came in, so closed ones too). */
  reportsBefore: number;
  mediaBefore: number;
  auditBefore: number;
  inboxBefore: number;
  outboxBefore: number;
}

/** Rows removed (or, for `replyAddresses`, cleared) by one sweep, per table. */
export interface RetentionCounts {
  sessions: number;
  media: number;
  reports: number;
  approvals: number;
  acks: number;
  audit: number;
  inbox: number;
  outbox: number;
  /** Closed reports that still had a sealed reply address or an open relay (should stay 0: the desk clears them). */
  replyAddresses: number;
}

export interface SweepResult {
  counts: RetentionCounts;
  /** False when another connection kept the WAL from being checkpointed and truncated (retried next sweep). */
  walTruncated: boolean;
}

/** What the sweeper needs from storage. */
export interface RetentionStorePort {
  /** Deletes everything past its cut-off in one transaction, then checkpoints and truncates the WAL. */
  sweep(cutoffs: RetentionCutoffs): SweepResult;
}

/** The cut-off instants at `now`. */
export function retentionCutoffs(s: RetentionSettings, now: number): RetentionCutoffs {
  return {
    draftsBefore: now - s.draftMs,
    doneSessionsBefore: now - s.doneSessionMs,
    reportsBefore: now - s.reportMs,
    mediaBefore: now - s.mediaMs,
    auditBefore: now - s.auditMs,
    inboxBefore: now - s.inboxMs,
    outboxBefore: now - s.outboxMs,
  };
}

export function totalRemoved(c: RetentionCounts): number {
  return Object.values(c).reduce((a, b) => a + b, 0);
}

/** `reports:3 media:5` (non-zero counts only): counts, never contents. */
export function describeCounts(c: RetentionCounts): string {
  return Object.entries(c)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${table}:${n}`)
    .join(' ');
}

export interface RetentionSweeperDeps {
  store: RetentionStorePort;
  settings: RetentionSettings;
  logger: Logger;
}

/** Runs a sweep when `sweepMs` has passed since the last one (and at the first call). */
export class RetentionSweeper {
  private lastSweepAt: number | undefined;
  readonly counters = { sweeps: 0, removed: 0 };

  constructor(private readonly d: RetentionSweeperDeps) {}

  /** Sweeps if one is due; returns the counts when it swept. */
  maybeSweep(now: number): RetentionCounts | undefined {
    if (this.lastSweepAt !== undefined && now - this.lastSweepAt < this.d.settings.sweepMs) return undefined;
    return this.sweep(now);
  }

  /** Sweeps now. A failed sweep is retried at the next interval, not at every tick. */
  sweep(now: number): RetentionCounts {
    this.lastSweepAt = now;
    const started = performance.now();
    const { counts, walTruncated } = this.d.store.sweep(retentionCutoffs(this.d.settings, now));
    const removed = totalRemoved(counts);
    this.counters.sweeps += 1;
    this.counters.removed += removed;
    const elapsedMs = Math.round(performance.now() - started);
    if (removed > 0)
      this.d.logger.info({ component: 'retention', count: removed, removed: describeCounts(counts), elapsedMs }, 'retention sweep');
    else this.d.logger.debug({ component: 'retention', count: 0, elapsedMs }, 'retention sweep');
    if (!walTruncated)
      this.d.logger.warn(
        { component: 'retention', reason: 'busy' },
        'WAL not truncated after the sweep; deleted rows may linger in the -wal file until the next sweep',
      );
    if (counts.replyAddresses > 0)
      this.d.logger.warn({ component: 'retention', count: counts.replyAddresses }, 'closed reports still had reply addresses; cleared');
    return counts;
  }
}
