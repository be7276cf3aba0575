/**
 * Sends what the outbox holds, after commit. New rows are handed over by the store as their
 * transaction commits (read by id only at start and on the poll timer) and queued in memory per
 * chat: rows of one chat go out in order, chats go out in parallel. A failed send is retried with
 * exponential backoff (or the platform's retry-after); after too many failures the row is marked
 * dead. Outcomes of a round are recorded in one transaction. A crash between sending and
 * recording can send a row again on restart: an acknowledged row is never lost.
 *
 * Two lanes: when it has to choose (more chats due than `concurrency`), rows in the alert lane
 * (alerts, updates, all-clears) start before everything else. A settled row (sent, or dead) is
 * reported through `onSettled` in the same transaction, so alert delivery can be told to the
 * verifiers (see VerificationHost.settled).
 */
import { backoffDelay } from '../backoff.js';
import type { Logger } from '../logger.js';
import type { Attachment, Platform } from '../messages.js';
import { isAlertLane, openAddress, readPayload } from '../outbox-row.js';
import type { AdapterPort } from '../port.js';
import { AdapterError } from '../port.js';
import type { Vault } from '../privacy/vault.js';
import { tell, type SendObserver } from './send-observer.js';
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
  logger: Logger;
  /** 0..1, for jitter; injected so tests are repeatable. */
  random?: () => number;
  /** The platform id of an earlier sent row (by dedupe key), for threading replies under it. */
  resolveReplyTo?: (dedupeKey: string) => string | undefined;
  /** Told how each send attempt ended (metrics). */
  observer?: SendObserver;
  /**
   * Called for rows with a dedupe key, inside the transaction that records them as sent or dead
   * (alert delivery reports); rows it writes are picked up by the next pump.
   */
  onSettled?: (row: OutboxRecord, status: 'sent' | 'dead', attempts: number) => void;
}

const LOAD_BATCH = 1000;

/** How a finished send is recorded: in the database (in the flush's transaction), then in memory. */
interface Outcome {
  db: () => void;
  /** `recorded`: whether the flush's transaction committed what db() wrote. */
  memory: (recorded: boolean) => void;
}

export class OutboxDispatcher {
  readonly counters = { sent: 0, retried: 0, dead: 0 };
  /** Highest outbox id read from the database into the queues. */
  private cursor = 0;
  /** Whether the next pump reads the database for pending rows (see load()). */
  private readDue = true;
  /** Whether the database has been read at least once (rows an earlier run left are queued). */
  private readOnce = false;
  /** Ids above the cursor queued from the store's commits: a read that finds them again skips them. */
  private readonly accepted = new Set<number>();
  private readonly queues = new Map<string, OutboxRecord[]>();
  /** Chats with a send under way: one at a time per chat keeps their order. */
  private readonly inFlight = new Set<string>();
  /** Finished sends, recorded together in the next flush. */
  private outcomes: { chatKey: string; record: Outcome }[] = [];
  private flushScheduled = false;
  private pumpScheduled = false;
  private settled: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly d: DispatcherDeps) {
    d.store.watchOutbox((rows) => this.accept(rows));
  }

  /** Ids handed over at commit and not yet known sent (see accept()): none once everything is sent. */
  get handedOver(): number {
    return this.accepted.size;
  }

  /** Rows waiting in memory (pending or retrying). */
  get queued(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  /**
   * Starts sending what is due soon: after a commit (its rows came through accept()), or on the
   * poll timer (`read`: pending rows are read from the database too). Kicks in one tick share one look.
   */
  kick(read = false): void {
    if (read) this.readDue = true;
    if (this.stopped || this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      if (this.stopped) return;
      try {
        this.pump();
      } catch (err) {
        this.d.logger.warn({ err: errName(err) }, 'outbox pump failed');
      }
    });
  }

  /** Sends everything due now; resolves when nothing due is left and no send is under way. */
  async drain(): Promise<void> {
    for (;;) {
      if (!this.stopped) this.pump();
      if (this.inFlight.size === 0 && this.outcomes.length === 0) return;
      await new Promise<void>((resolve) => this.settled.push(resolve));
    }
  }

  /** Polls for rows whose retry time has come. */
  start(pollMs: number): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(true), pollMs);
    this.timer.unref();
  }

  /** Stops starting sends, and waits for those under way to be recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.drain();
  }

  /**
   * Rows this process commits are handed over by the store as it commits them, so they are never
   * read back. The database is read at the first pump (rows left by an earlier run) and on the
   * poll timer (rows another process wrote); a row found there that was handed over is skipped.
   */
  private accept(rows: readonly OutboxRecord[]): void {
    // Before the first read, rows an earlier run left would be queued behind these: read first
    // (that read also finds these rows), so each chat keeps its order.
    if (!this.readOnce) this.load();
    for (const row of rows) {
      if (row.id <= this.cursor) continue; // queued by that read
      this.accepted.add(row.id);
      this.queue(row);
    }
  }

  private queue(row: OutboxRecord): void {
    const q = this.queues.get(row.chatKey);
    if (q) q.push(row);
    else this.queues.set(row.chatKey, [row]);
  }

  private load(): void {
    if (!this.readDue) return;
    this.readDue = false;
    this.readOnce = true;
    for (;;) {
      const rows = this.d.store.pendingOutbox(this.cursor, LOAD_BATCH);
      for (const row of rows) {
        if (!this.accepted.delete(row.id)) this.queue(row);
        this.cursor = row.id;
      }
      if (rows.length < LOAD_BATCH) break;
    }
    // Everything pending has been read: the handed-over rows not found again are sent or given up.
    for (const id of this.accepted) if (id > this.cursor) this.cursor = id;
    this.accepted.clear();
  }

  /**
   * Starts a send for the head row of every chat that is due and not already sending. Each chat
   * moves on as soon as its own send is recorded: a slow chat never holds up the others.
   */
  private pump(): void {
    this.load();
    const now = this.d.clock();
    const limit = this.d.settings.concurrency ?? 256;
    // The alert lane first, then the rest, as long as there is room.
    for (const alertLane of [true, false]) {
      for (const [chatKey, q] of this.queues) {
        if (this.inFlight.size >= limit) return;
        const head = q[0];
        if (!head || head.nextAttemptAt > now || this.inFlight.has(chatKey) || isAlertLane(head.lane) !== alertLane) continue;
        this.inFlight.add(chatKey);
        void this.sendOne(head).then((record) => {
          this.outcomes.push({ chatKey, record });
          this.scheduleFlush();
        });
      }
    }
  }

  /** Records finished sends in one transaction (sends finishing together share a commit). */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      const batch = this.outcomes;
      this.outcomes = [];
      let recorded = false;
      try {
        this.d.store.transaction(() => {
          for (const o of batch) o.record.db();
        });
        recorded = true;
        // A sent goodbye to an erased tipster was just deleted: make that final in the file bytes.
        this.d.store.flushErasures();
      } catch (err) {
        // Not recorded: the rows stay pending in the database and are sent again after a restart.
        this.d.logger.warn({ err: errName(err) }, 'outbox outcomes not recorded');
      }
      for (const o of batch) {
        o.record.memory(recorded);
        this.inFlight.delete(o.chatKey);
      }
      if (!this.stopped) this.kick();
      const waiters = this.settled;
      this.settled = [];
      for (const resolve of waiters) resolve();
    });
  }

  /** Sends one row; returns how to record the outcome (applied in the round's transaction). */
  private async sendOne(row: OutboxRecord): Promise<Outcome> {
    const adapter = this.d.adapters.get(row.platform);
    const attempts = row.attempts + 1;
    try {
      if (!adapter) throw new AdapterError('unavailable', `no adapter for ${row.platform}`);
      const chat = row.chat ?? openAddress(this.d.vault, row.address);
      const { replyToKey, mediaRefs, uncleanedRefs, ...body } = readPayload(row.payload);
      const replyTo = replyToKey ? this.d.resolveReplyTo?.(replyToKey) : undefined;
      const attachments = this.attachments(mediaRefs, uncleanedRefs);
      const result = await adapter.send({
        ...body,
        chat,
        ...(replyTo ? { replyTo } : {}),
        ...(attachments.length > 0 ? { attachments } : {}),
        idempotencyKey: `outbox:${row.id}`,
      });
      const sentAt = this.d.clock();
      this.counters.sent += 1;
      tell(this.d.observer, { id: row.id, platform: row.platform, outcome: 'sent', chatKind: chat.kind, at: sentAt });
      // The platform's id is kept only for group messages (alerts are threaded under it); for a
      // direct chat it can contain the tipster's platform id (Telegram's is `<chat>:<message>`).
      const platformMessageId = chat.kind === 'group' ? result.messageId : undefined;
      return {
        db: () => this.settle(row, 'sent', attempts, () => this.d.store.markSent(row, sentAt, platformMessageId)),
        memory: (recorded) => this.forget(row, recorded),
      };
    } catch (err) {
      return this.failed(row, attempts, err);
    }
  }

  /**
   * The files a row names, loaded now (rows hold refs, never bytes). From `mediaRefs` only
   * cleaned photos are sent, whatever the row says; `uncleanedRefs` (verifier chats, by config)
   * as they are. Files deleted since the row was written are left out.
   */
  private attachments(mediaRefs: string[] = [], uncleanedRefs: string[] = []): Attachment[] {
    const out: Attachment[] = [];
    for (const [refs, cleanedOnly] of [
      [mediaRefs, true],
      [uncleanedRefs, false],
    ] as const) {
      for (const ref of refs) {
        const file = this.d.store.loadMedia(ref);
        if (!file || file.bytes.byteLength === 0 || (cleanedOnly && !file.cleaned)) continue;
        out.push({ kind: file.kind, mime: file.mime, size: file.bytes.byteLength, data: file.bytes });
      }
    }
    return out;
  }

  private failed(row: OutboxRecord, attempts: number, err: unknown): Outcome {
    const error = err instanceof AdapterError ? err : new AdapterError('unavailable', errName(err), { cause: err });
    const reason = `${error.code}: ${error.message}`.slice(0, 300);
    if (!error.retryable || attempts >= this.d.settings.maxAttempts) {
      this.counters.dead += 1;
      tell(this.d.observer, { id: row.id, platform: row.platform, outcome: 'dead', code: error.code, at: this.d.clock() });
      this.d.logger.warn({ outbox: row.id, platform: row.platform, attempts, code: error.code }, 'outbox row dead');
      return {
        db: () => this.settle(row, 'dead', attempts, () => this.d.store.markDead(row, attempts, reason)),
        memory: (recorded) => this.forget(row, recorded),
      };
    }
    const { baseDelayMs, maxDelayMs } = this.d.settings;
    const backoff = backoffDelay(attempts, { baseMs: baseDelayMs, maxMs: maxDelayMs, jitter: 0.2 }, this.d.random);
    const delay = Math.max(error.retryAfterMs ?? 0, backoff);
    const nextAt = this.d.clock() + delay;
    this.counters.retried += 1;
    tell(this.d.observer, { id: row.id, platform: row.platform, outcome: 'retry', code: error.code, at: this.d.clock() });
    this.d.logger.debug({ outbox: row.id, platform: row.platform, attempts, code: error.code, delay }, 'outbox send will be retried');
    return {
      db: () => this.d.store.markRetry(row.id, attempts, nextAt, reason),
      memory: () => {
        row.attempts = attempts;
        row.nextAttemptAt = nextAt;
      },
    };
  }

  /** Records a settled row, then lets `onSettled` add what follows from it (in the same transaction). */
  private settle(row: OutboxRecord, status: 'sent' | 'dead', attempts: number, record: () => void): void {
    record();
    if (this.d.onSettled && row.dedupeKey) this.d.onSettled(row, status, attempts);
  }

  /**
   * A sent or given-up row leaves its chat's queue. Once that is recorded, a read can no longer
   * find it pending, so its id need not be remembered either (see accept()); until then it is,
   * so that a read does not queue it again.
   */
  private forget(row: OutboxRecord, recorded: boolean): void {
    this.dequeue(row);
    if (recorded) this.accepted.delete(row.id);
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
