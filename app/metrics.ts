/**
 * `/metrics` in the Prometheus text format (prom-client), with HELP and TYPE for each series:
 * what came in, what went out and how, the outbox backlog, each channel's connection, and how
 * long verification takes (histograms).
 *
 * Kept off the message path: sends are counted through the dispatcher's observer (one indexed
 * lookup for a group message, to time alerts); everything else is read when /metrics is asked
 * (gauges from the store, counters the runtime already keeps, and the audit log's claims and
 * confirmations since the last scrape, read after a cursor).
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
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

export class CentinelaMetrics {
  readonly registry = new Registry();
  private readonly inbound: Counter<'platform'>;
  private readonly replies: Counter<'platform'>;
  private readonly sends: Counter<'platform' | 'result'>;
  private readonly toClaim: Histogram;
  private readonly toConfirm: Histogram;
  private readonly toDelivered: Histogram;
  private readonly mirrors: (() => void)[] = [];
  private auditCursor: number;

  constructor(private readonly s: MetricsSources) {
    const registers = [this.registry];
    this.inbound = new Counter({
      name: 'centinela_inbound_total',
      help: 'Messages received from each platform (before deduplication).',
      labelNames: ['platform'],
      registers,
    });
    this.replies = new Counter({
      name: 'centinela_replies_total',
      help: 'Messages delivered to a person in a direct chat (tipster replies, verifier answers).',
      labelNames: ['platform'],
      registers,
    });
    this.sends = new Counter({
      name: 'centinela_sends_total',
      help: 'Outbox send attempts by platform and result: sent, retry (failed, will be tried again) or dead (given up).',
      labelNames: ['platform', 'result'],
      registers,
    });
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
    for (const { name, help, read } of totals) this.mirrors.push(mirror(new Counter({ name, help, registers }), read));
    const decrypt = new Counter({
      name: 'centinela_decrypt_failures_total',
      help: 'Messages the platform delivered but that could not be decrypted (WhatsApp "Bad MAC" / "No session"): the sender got no answer.',
      labelNames: ['platform'],
      registers,
    });
    this.mirrors.push(mirror(decrypt, () => s.decryptFailures().whatsapp ?? 0, { platform: 'whatsapp' }));

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

    this.toClaim = new Histogram({
      name: 'centinela_time_to_first_claim_seconds',
      help: 'From a report coming in to its first claim by a verifier.',
      buckets: VERIFY_BUCKETS,
      registers,
    });
    this.toConfirm = new Histogram({
      name: 'centinela_time_to_confirm_seconds',
      help: 'From a report coming in to its confirmation.',
      buckets: VERIFY_BUCKETS,
      registers,
    });
    this.toDelivered = new Histogram({
      name: 'centinela_confirm_to_alert_delivered_seconds',
      help: 'From a confirmation to its alert being delivered to a responder group (one per group).',
      buckets: DELIVERY_BUCKETS,
      registers,
    });
    // Claims and confirmations made before this process started were timed by the one before.
    this.auditCursor = s.health.latestAuditId();
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
        if (confirmedAt !== undefined) this.toDelivered.observe(Math.max(0, (a.at - confirmedAt) / 1000));
      }
    },
  };

  /** The text /metrics answers. */
  async render(): Promise<string> {
    for (const m of this.mirrors) m();
    this.timeVerification();
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** Observes the claims and confirmations recorded since the last scrape. */
  private timeVerification(): void {
    for (;;) {
      const steps = this.s.health.verificationSteps(this.auditCursor);
      for (const step of steps) {
        this.auditCursor = step.id;
        if (!step.first) continue;
        const seconds = Math.max(0, (step.at - step.reportCreatedAt) / 1000);
        (step.action === 'claim' ? this.toClaim : this.toConfirm).observe(seconds);
      }
      if (steps.length < 1_000) return;
    }
  }
}
