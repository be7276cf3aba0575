/**
 * `/metrics` in the Prometheus text format (prom-client), with HELP and TYPE for each series:
 * what came in, what went out and how, the outbox backlog, each channel's connection, and how
 * long verification takes (histograms).
 *
 * Kept off the message path: messages and sends are tallied in plain numbers (one indexed lookup
 * for a group message, to time alerts); prom-client is loaded, and the tallies mirrored into it,
 * only when /metrics is first asked, so a bot nobody scrapes never holds it in memory. Everything
 * else is read at scrape time (gauges from the store, counters the runtime already keeps, and
 * the audit log's claims and confirmations since the last scrape, read after a cursor).
 */
import type { Counter, Histogram, Registry } from 'prom-client';
import type { ChannelStatus } from '../bot/health/channel-alerts.js';
import type { Platform } from '../bot/messages.js';
import type { SendAttempt, SendObserver } from '../bot/runtime/send-observer.js';
import type { HealthStore } from '../store/health-store.js';

export interface MetricsSources {
  health: HealthStore;
  clock: () => number;
  channels: () => ChannelStatus[];
  /** Counters the runtime keeps (read at scrape time). */
  runtime: () => { duplicates: number; ignored: number; reports: number };
  /** Photo decodes run and refused (the decode queue's counters). */
  mediaDecodes: () => { decodes: number; refused: number };
  /** Undecryptable messages per platform since start (WhatsApp's CIPHERTEXT stubs). */
  decryptFailures: () => Partial<Record<Platform, number>>;
  sessions: () => number;
}

/** Seconds from a report coming in to its first claim, or to its confirmation: minutes to hours. */
const VERIFY_BUCKETS = [15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400];
/** Seconds from a confirmation to the alert being delivered to a responder group. */
const DELIVERY_BUCKETS = [0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900];

/**
 * A counter that mirrors a running total kept elsewhere: at each scrape it adds what the total
 * grew by (prom-client counters only go up).
 */
function mirror(counter: Counter<string>, read: () => number, labels: Record<string, string> = {}): () => void {
  let seen = 0;
  return () => {
    const now = read();
    if (now > seen) counter.inc(labels, now - seen);
    seen = Math.max(seen, now);
  };
}

/** Most alert delivery times kept between two scrapes (one per alert and group: far more than happen). */
const MAX_PENDING_OBSERVATIONS = 10_000;

/** The running totals kept on the message path, by their labels. */
class Tally<L extends string> {
  readonly totals = new Map<string, { labels: Record<L, string>; n: number }>();
  inc(labels: Record<L, string>): void {
    const key = Object.values(labels).join('\u0000');
    const t = this.totals.get(key);
    if (t) t.n += 1;
    else this.totals.set(key, { labels, n: 1 });
  }
}

/** What prom-client holds, built at the first scrape. */
interface Series {
  registry: Registry;
  toClaim: Histogram;
  toConfirm: Histogram;
  toDelivered: Histogram;
  mirrors: (() => void)[];
}

export class CentinelaMetrics {
  private readonly inbound = new Tally<'platform'>();
  private readonly replies = new Tally<'platform'>();
  private readonly sends = new Tally<'platform' | 'result'>();
  /** Alert delivery times (seconds) not yet handed to the histogram. */
  private delivered: number[] = [];
  /** Built at the first scrape (scrapes at the same moment share it). */
  private series: Promise<Series> | undefined;
  private auditCursor: number;

  constructor(private readonly s: MetricsSources) {
    // Claims and confirmations made before this process started were timed by the one before.
    this.auditCursor = s.health.latestAuditId();
  }

  /** Loads prom-client and declares every series (first scrape only). */
  private async build(): Promise<Series> {
    const { Counter, Gauge, Histogram, Registry } = await import('prom-client');
    const s = this.s;
    const registry = new Registry();
    const registers = [registry];
    const mirrors: (() => void)[] = [];
    const tallied = <L extends string>(counter: Counter<L>, tally: Tally<L>) => {
      const seen = new Map<string, number>();
      mirrors.push(() => {
        for (const [key, t] of tally.totals) {
          if (t.n > (seen.get(key) ?? 0)) counter.inc(t.labels, t.n - (seen.get(key) ?? 0));
          seen.set(key, t.n);
        }
      });
    };
    const inbound = new Counter({
      name: 'centinela_inbound_total',
      help: 'Messages received from each platform (before deduplication).',
      labelNames: ['platform'],
      registers,
    });
    tallied(inbound, this.inbound);
    const replies = new Counter({
      name: 'centinela_replies_total',
      help: 'Messages delivered to a person in a direct chat (tipster replies, verifier answers).',
      labelNames: ['platform'],
      registers,
    });
    tallied(replies, this.replies);
    const sends = new Counter({
      name: 'centinela_sends_total',
      help: 'Outbox send attempts by platform and result: sent, retry (failed, will be tried again) or dead (given up).',
      labelNames: ['platform', 'result'],
      registers,
    });
    tallied(sends, this.sends);
    // Totals the runtime and the decode queue keep, mirrored at each scrape.
    const totals: { name: string; help: string; read: () => number }[] = [
      {
        name: 'centinela_inbound_duplicates_total',
        help: 'Messages received again (redeliveries), answered once.',
        read: () => s.runtime().duplicates,
      },
      {
        name: 'centinela_inbound_ignored_total',
        help: 'Messages ignored (the bot itself, unknown groups, empty).',
        read: () => s.runtime().ignored,
      },
      { name: 'centinela_reports_submitted_total', help: 'Reports tipsters submitted.', read: () => s.runtime().reports },
      { name: 'centinela_media_decodes_total', help: 'Photos decoded and cleaned of metadata.', read: () => s.mediaDecodes().decodes },
      {
        name: 'centinela_media_decodes_refused_total',
        help: 'Photos refused before decoding (too large, not an image).',
        read: () => s.mediaDecodes().refused,
      },
    ];
    for (const { name, help, read } of totals) mirrors.push(mirror(new Counter({ name, help, registers }), read));
    const decrypt = new Counter({
      name: 'centinela_decrypt_failures_total',
      help: 'Messages the platform delivered but that could not be decrypted (WhatsApp "Bad MAC" / "No session"): the sender got no answer.',
      labelNames: ['platform'],
      registers,
    });
    mirrors.push(mirror(decrypt, () => s.decryptFailures().whatsapp ?? 0, { platform: 'whatsapp' }));

    new Gauge({
      name: 'centinela_reports',
      help: 'Reports kept, by status.',
      labelNames: ['status'],
      registers,
      collect() {
        this.reset();
        for (const [status, n] of Object.entries(s.health.reportsByStatus())) this.set({ status }, n);
      },
    });
    const backlog = () => s.health.outboxBacklog();
    new Gauge({
      name: 'centinela_outbox_pending',
      help: 'Messages waiting to be sent (including those waiting for a retry).',
      registers,
      collect() {
        this.set(backlog().pending);
      },
    });
    new Gauge({
      name: 'centinela_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest message waiting to be sent (0 when none waits). A growing value means the outbox is stuck.',
      registers,
      collect() {
        const oldest = backlog().oldestPendingAt;
        this.set(oldest === undefined ? 0 : Math.max(0, (s.clock() - oldest) / 1000));
      },
    });
    new Gauge({
      name: 'centinela_outbox_dead',
      help: 'Messages given up after too many failures (kept until the outbox retention sweeps them).',
      registers,
      collect() {
        this.set(backlog().dead);
      },
    });
    new Gauge({
      name: 'centinela_sessions',
      help: 'Open conversations.',
      registers,
      collect() {
        this.set(s.sessions());
      },
    });
    new Gauge({
      name: 'centinela_adapter_connected',
      help: 'Whether each platform is connected and receiving (1) or not (0).',
      labelNames: ['platform'],
      registers,
      collect() {
        for (const c of s.channels()) this.set({ platform: c.platform }, c.condition === 'down' ? 0 : 1);
      },
    });
    new Gauge({
      name: 'centinela_adapter_degraded',
      help: 'Whether each platform works but loses or holds back messages (1: decrypt failures, a captcha on sends).',
      labelNames: ['platform'],
      registers,
      collect() {
        for (const c of s.channels()) this.set({ platform: c.platform }, c.condition === 'degraded' ? 1 : 0);
      },
    });

    const toClaim = new Histogram({
      name: 'centinela_time_to_first_claim_seconds',
      help: 'From a report coming in to its first claim by a verifier.',
      buckets: VERIFY_BUCKETS,
      registers,
    });
    const toConfirm = new Histogram({
      name: 'centinela_time_to_confirm_seconds',
      help: 'From a report coming in to its confirmation.',
      buckets: VERIFY_BUCKETS,
      registers,
    });
    const toDelivered = new Histogram({
      name: 'centinela_confirm_to_alert_delivered_seconds',
      help: 'From a confirmation to its alert being delivered to a responder group (one per group).',
      buckets: DELIVERY_BUCKETS,
      registers,
    });
    return { registry, toClaim, toConfirm, toDelivered, mirrors };
  }

  /** A message came in from `platform` (called where adapters hand messages to the runtime). */
  received(platform: Platform): void {
    this.inbound.inc({ platform });
  }

  /** For the outbox dispatcher: counts each attempt, and times alerts when they are delivered. */
  readonly sendObserver: SendObserver = {
    attempted: (a: SendAttempt) => {
      this.sends.inc({ platform: a.platform, result: a.outcome });
      if (a.outcome !== 'sent') return;
      if (a.chatKind === 'direct') this.replies.inc({ platform: a.platform });
      else {
        const confirmedAt = this.s.health.alertConfirmedAt(a.id);
        if (confirmedAt !== undefined && this.delivered.length < MAX_PENDING_OBSERVATIONS) {
          this.delivered.push(Math.max(0, (a.at - confirmedAt) / 1000));
        }
      }
    },
  };

  /** The text /metrics answers. */
  async render(): Promise<string> {
    const series = await (this.series ??= this.build());
    for (const m of series.mirrors) m();
    for (const seconds of this.delivered) series.toDelivered.observe(seconds);
    this.delivered = [];
    this.timeVerification(series);
    return series.registry.metrics();
  }

  /** Observes the claims and confirmations recorded since the last scrape. */
  private timeVerification(series: Series): void {
    for (;;) {
      const steps = this.s.health.verificationSteps(this.auditCursor);
      for (const step of steps) {
        this.auditCursor = step.id;
        if (!step.first) continue;
        const seconds = Math.max(0, (step.at - step.reportCreatedAt) / 1000);
        (step.action === 'claim' ? series.toClaim : series.toConfirm).observe(seconds);
      }
      if (steps.length < 1_000) return;
    }
  }
}
