/**
 * Sends what the outbox holds, after commit. New rows are read by id and queued in memory per
 * chat: rows of one chat go out in order, chats go out in parallel. A failed send is retried with
 * exponential backoff (or the platform's retry-after); after too many failures the row is marked
 * dead. Outcomes of a round are recorded in one transaction. A crash between sending and
 * recording can send a row again on restart: an acknowledged row is never lost.
 */
import type { OutboundMessage, Platform } from '../messages.js';
import type { AdapterPort } from '../port.js';
import { AdapterError } from '../port.js';
import type { Vault } from '../privacy/vault.js';
import type { RuntimeLogger } from './runtime.js';
import type { OutboxRecord, RuntimeStore } from './store-port.js';

export interface DispatcherSettings {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Most rows sent at once (one per chat). */
  concurrency?: number;
}

export interface DispatcherDeps {
  store: RuntimeStore;
  adapters: ReadonlyMap<Platform, AdapterPort>;
  vault: Vault;
  clock: () => number;
  settings: DispatcherSettings;
  logger: RuntimeLogger;
  /** 0..1, for jitter; injected so tests are repeatable. */
  random?: () => number;
  /** The platform id of an earlier sent row (by dedupe key), for threading replies under it. */
  resolveReplyTo?: (dedupeKey: string) => string | undefined;
}

const LOAD_BATCH = 1000;

export class OutboxDispatcher {
  readonly counters = { sent: 0, retried: 0, dead: 0 };
  /** Highest outbox id loaded into the queues. */
  private cursor = 0;
  private readonly queues = new Map<string, OutboxRecord[]>();
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly d: DispatcherDeps) {}

  /** Rows waiting in memory (pending or retrying). */
  get queued(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  /** Sends everything due now; resolves when nothing due is left. Safe to call while running. */
  drain(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          while (!this.stopped && (await this.round()) > 0) {
            /* keep going while rows were due */
          }
        } while (this.again && !this.stopped);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** Asks for a drain soon (after a commit). */
  kick(): void {
    if (!this.stopped) void this.drain().catch((err: unknown) => this.d.logger.warn({ err: errName(err) }, 'outbox drain failed'));
  }

  /** Polls for rows whose retry time has come. */
  start(pollMs: number): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private load(): void {
    for (;;) {
      const rows = this.d.store.pendingOutbox(this.cursor, LOAD_BATCH);
      for (const row of rows) {
        const q = this.queues.get(row.chatKey);
        if (q) q.push(row);
        else this.queues.set(row.chatKey, [row]);
        this.cursor = row.id;
      }
      if (rows.length < LOAD_BATCH) return;
    }
  }

  private async round(): Promise<number> {
    this.load();
    const now = this.d.clock();
    const limit = this.d.settings.concurrency ?? 256;
    const heads: OutboxRecord[] = [];
    for (const q of this.queues.values()) {
      const head = q[0];
      if (head && head.nextAttemptAt <= now) heads.push(head);
      if (heads.length >= limit) break;
    }
    if (heads.length === 0) return 0;
    const outcomes = await Promise.all(heads.map((row) => this.sendOne(row)));
    // One transaction records the whole round: far fewer commits than one per row.
    this.d.store.transaction(() => {
      for (const apply of outcomes) apply();
    });
    return heads.length;
  }

  /** Sends one row; returns how to record the outcome (applied in the round's transaction). */
  private async sendOne(row: OutboxRecord): Promise<() => void> {
    const adapter = this.d.adapters.get(row.platform);
    const attempts = row.attempts + 1;
    try {
      if (!adapter) throw new AdapterError('unavailable', `no adapter for ${row.platform}`);
      const chat = JSON.parse(this.d.vault.open(row.address)) as OutboundMessage['chat'];
      const { replyToKey, ...body } = JSON.parse(row.payload) as Omit<OutboundMessage, 'chat'> & { replyToKey?: string };
      const replyTo = replyToKey ? this.d.resolveReplyTo?.(replyToKey) : undefined;
      const result = await adapter.send({ ...body, chat, ...(replyTo ? { replyTo } : {}) });
      const sentAt = this.d.clock();
      this.counters.sent += 1;
      return () => {
        this.d.store.markSent(row.id, sentAt, result.messageId);
        this.dequeue(row);
      };
    } catch (err) {
      return this.failed(row, attempts, err);
    }
  }

  private failed(row: OutboxRecord, attempts: number, err: unknown): () => void {
    const error = err instanceof AdapterError ? err : new AdapterError('unavailable', errName(err), { cause: err });
    const reason = `${error.code}: ${error.message}`.slice(0, 300);
    if (!error.retryable || attempts >= this.d.settings.maxAttempts) {
      this.counters.dead += 1;
      this.d.logger.warn({ outbox: row.id, platform: row.platform, attempts, code: error.code }, 'outbox row dead');
      return () => {
        this.d.store.markDead(row.id, attempts, reason);
        this.dequeue(row);
      };
    }
    const { baseDelayMs, maxDelayMs } = this.d.settings;
    const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempts - 1));
    const jitter = 1 + ((this.d.random ?? Math.random)() - 0.5) * 0.2;
    const delay = Math.max(error.retryAfterMs ?? 0, Math.round(backoff * jitter));
    const nextAt = this.d.clock() + delay;
    this.counters.retried += 1;
    this.d.logger.debug({ outbox: row.id, platform: row.platform, attempts, code: error.code, delay }, 'outbox send will be retried');
    return () => {
      this.d.store.markRetry(row.id, attempts, nextAt, reason);
      row.attempts = attempts;
      row.nextAttemptAt = nextAt;
    };
  }

  private dequeue(row: OutboxRecord): void {
    const q = this.queues.get(row.chatKey);
    if (!q) return;
    if (q[0] === row) q.shift();
    if (q.length === 0) this.queues.delete(row.chatKey);
  }
}

/** An error's class and code only: never its message, which may quote user content. */
function errName(err: unknown): string {
  if (err instanceof AdapterError) return `${err.code}: ${err.message}`;
  if (err instanceof Error) return err.name;
  return typeof err;
}
