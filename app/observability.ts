/**
 * What an operator sees of a running Centinela, wired in one place: each channel's status in
 * shared words, /readyz, /metrics, and the channel watch that tells verifiers when a platform is
 * sick. The composition root builds it once the store and adapters exist.
 */
import type Database from 'better-sqlite3';
import type { Config } from '../bot/config/index.js';
import type { ChannelStatus } from '../bot/health/channel-alerts.js';
import type { Platform } from '../bot/messages.js';
import { HealthStore } from '../store/health-store.js';
import { ChannelWatch, type ChannelWatchDeps } from './channel-watch.js';
import { CentinelaMetrics } from './metrics.js';
import type { PlatformAdapter } from './platforms.js';
import { readiness, type Readiness } from './readiness.js';

/** The channel watch's own needs (renderer, vault, outbox, logger) are passed through to it. */
export interface ObservabilityDeps extends Pick<ChannelWatchDeps, 'renderer' | 'vault' | 'store' | 'onOutbox' | 'logger'> {
  config: Config;
  db: Database.Database;
  clock: () => number;
  /** Every adapter's platform, in order. */
  platforms: () => Platform[];
  /** Real platforms, with their own health reports (others are up while started). */
  platformAdapters: ReadonlyMap<Platform, PlatformAdapter>;
  /** Whether the adapter of a platform was started (and not stopped). */
  started: (p: Platform) => boolean;
  runtime: () => { duplicates: number; ignored: number; reports: number };
  mediaDecodes: () => { decodes: number; refused: number };
  sessions: () => number;
}

export interface Observability {
  metrics: CentinelaMetrics;
  watch: ChannelWatch;
  channels(): ChannelStatus[];
  ready(): Readiness;
}

export function createObservability(d: ObservabilityDeps): Observability {
  const health = new HealthStore(d.db);
  const channels = (): ChannelStatus[] =>
    d.platforms().map((platform) => {
      if (!d.started(platform)) return { platform, condition: 'down', problem: 'starting' };
      const real = d.platformAdapters.get(platform);
      if (!real) return { platform, condition: 'up' };
      return real.status?.() ?? (real.healthy() ? { platform, condition: 'up' } : { platform, condition: 'down' });
    });
  const metrics = new CentinelaMetrics({
    health,
    clock: d.clock,
    channels,
    runtime: d.runtime,
    mediaDecodes: d.mediaDecodes,
    sessions: d.sessions,
    decryptFailures: () => {
      const wa = d.platformAdapters.get('whatsapp')?.health().decryptFailures as { total?: unknown } | undefined;
      return typeof wa?.total === 'number' ? { whatsapp: wa.total } : {};
    },
  });
  const watch = new ChannelWatch({
    statuses: channels,
    clock: d.clock,
    config: d.config,
    renderer: d.renderer,
    vault: d.vault,
    store: d.store,
    onOutbox: d.onOutbox,
    logger: d.logger,
  });
  return {
    metrics,
    watch,
    channels,
    ready: () =>
      readiness({
        channels: channels(),
        storeWritable: health.probeWrite(d.clock()),
        backlog: health.outboxBacklog(),
        now: d.clock(),
        outboxStuckMs: d.config.alerts.outboxStuckMinutes * 60_000,
      }),
  };
}
