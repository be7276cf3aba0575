/**
 * Sends what the outbox holds, after commit: rows of one chat in order, chats in parallel,
 * retries with exponential backoff (or the platform's retry-after), and a row marked dead after
 * too many failures. A crash between sending and marking can send a row again on restart: no
 * acknowledged row is ever lost.
 */
import type { AdapterPort } from '../port.js';
import { AdapterError } from '../port.js';
import type { OutboundMessage, Platform } from '../messages.js';
import type { Vault } from '../privacy/vault.js';
import type { RuntimeLogger } from './runtime.js';
import type { OutboxRecord, RuntimeStore } from './store-port.js';

export interface DispatcherSettings {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Rows fetched per round; at most one per chat, sent in parallel. */
  batchSize?: number;
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
}

export class OutboxDispatcher {
  readonly counters = { sent: 0, retried: 0, dead: 0 };
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly d: DispatcherDeps) {}

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

  /** Ask for a drain soon (after a commit). */
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

  private async round(): Promise<number> {
    const rows = this.d.store.dueOutbox(this.d.clock(), this.d.settings.batchSize ?? 64);
    await Promise.all(rows.map((row) => this.sendOne(row)));
    return rows.length;
  }

  private async sendOne(row: OutboxRecord): Promise<void> {
    const adapter = this.d.adapters.get(row.platform);
    const attempts = row.attempts + 1;
    try {
      if (!adapter) throw new AdapterError('unavailable', `no adapter for ${row.platform}`);
      const chat = JSON.parse(this.d.vault.open(row.address)) as OutboundMessage['chat'];
      const body = JSON.parse(row.payload) as Omit<OutboundMessage, 'chat'>;
      const result = await adapter.send({ ...body, chat });
      this.d.store.markSent(row.id, this.d.clock(), result.messageId);
      this.counters.sent += 1;
    } catch (err) {
      this.failed(row, attempts, err);
    }
  }

  private failed(row: OutboxRecord, attempts: number, err: unknown): void {
    const error = err instanceof AdapterError ? err : new AdapterError('unavailable', errName(err), { cause: err });
    const reason = `${error.code}: ${error.message}`.slice(0, 300);
    if (!error.retryable || attempts >= this.d.settings.maxAttempts) {
      this.d.store.markDead(row.id, attempts, reason);
      this.counters.dead += 1;
      this.d.logger.warn({ outbox: row.id, platform: row.platform, attempts, code: error.code }, 'outbox row dead');
      return;
    }
    const { baseDelayMs, maxDelayMs } = this.d.settings;
    const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempts - 1));
    const jitter = 1 + ((this.d.random ?? Math.random)() - 0.5) * 0.2;
    const delay = Math.max(error.retryAfterMs ?? 0, Math.round(backoff * jitter));
    this.d.store.markRetry(row.id, attempts, this.d.clock() + delay, reason);
    this.counters.retried += 1;
    this.d.logger.debug({ outbox: row.id, platform: row.platform, attempts, code: error.code, delay }, 'outbox send will be retried');
  }
}

/** An error's class and code only: never its message, which may quote user content. */
function errName(err: unknown): string {
  if (err instanceof AdapterError) return `${err.code}: ${err.message}`;
  if (err instanceof Error) return err.name;
  return typeof err;
}
