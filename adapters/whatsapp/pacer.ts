/**
 * The send queue for WhatsApp. Centinela talks to WhatsApp as an unofficial client, and one that
 * sends fast gets its number banned, so every send waits its turn here:
 *
 * - one send at a time, at least `minGapMs` apart;
 * - at most `overallPerMinute` sends in any 60 s, and `perChatPerMinute` to any one chat;
 * - a chat at its own limit does not hold up the others (the first eligible job goes next, in
 *   arrival order);
 * - after WhatsApp says "rate-overlimit", {@link Pacer.pause} holds every send until then.
 *
 * Time is injectable (`now`, `sleep`) so tests run 50 sends through minutes of simulated time.
 *
 * @example
 * const pacer = new Pacer({ perChatPerMinute: 20, overallPerMinute: 60, minGapMs: 1000 });
 * await pacer.run(chatId, () => sock.sendMessage(chatId, { text: 'hola' }));
 */
import type { WhatsAppPacing } from './config.js';

const WINDOW_MS = 60_000;

export interface PacerOptions extends Pick<WhatsAppPacing, 'perChatPerMinute' | 'overallPerMinute' | 'minGapMs'> {
  now?: () => number;
  /** Waits `ms` (a fake clock advances here); default a timer. The pacer may stop waiting early. */
  sleep?: (ms: number) => Promise<void>;
}

interface Job {
  chat: string;
  run: () => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export class Pacer {
  private readonly now: () => number;
  private readonly queue: Job[] = [];
  /** Start times of sends in the last minute, overall and per chat. */
  private readonly overall: number[] = [];
  private readonly perChat = new Map<string, number[]>();
  private lastSend = -Infinity;
  private holdUntil = 0;
  private pumping = false;
  private closedWith: Error | undefined;
  private wakeUp: (() => void) | undefined;

  constructor(private readonly o: PacerOptions) {
    this.now = o.now ?? Date.now;
  }

  /** Runs `job` (one send) when the limits allow; resolves or rejects with its outcome. */
  run<T>(chat: string, job: () => Promise<T>): Promise<T> {
    if (this.closedWith !== undefined) return Promise.reject(this.closedWith);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ chat, run: job, resolve: resolve as (v: unknown) => void, reject });
      this.kick();
    });
  }

  /** Holds every send until `untilMs` (a clock time), e.g. after WhatsApp's rate-overlimit. */
  pause(untilMs: number): void {
    this.holdUntil = Math.max(this.holdUntil, untilMs);
  }

  /** Until when sends are held (0 or a past time: not held). */
  get pausedUntil(): number {
    return this.holdUntil;
  }

  /** Jobs waiting for their turn. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Rejects every waiting job (and later ones) with `reason`. The send under way finishes. */
  close(reason: Error): void {
    this.closedWith = reason;
    for (const job of this.queue.splice(0)) job.reject(reason);
    this.wakeUp?.();
  }

  /** Accepts jobs again after {@link close} (a restarted adapter). */
  reopen(): void {
    this.closedWith = undefined;
  }

  private kick(): void {
    if (this.pumping) {
      this.wakeUp?.();
      return;
    }
    this.pumping = true;
    void this.pump().finally(() => {
      this.pumping = false;
      if (this.queue.length > 0 && this.closedWith === undefined) this.kick();
    });
  }

  private async pump(): Promise<void> {
    while (this.queue.length > 0 && this.closedWith === undefined) {
      const now = this.now();
      this.forget(now);
      const globalReady = Math.max(
        this.lastSend + this.o.minGapMs,
        this.holdUntil,
        this.windowReady(this.overall, this.o.overallPerMinute),
      );
      let next: Job | undefined;
      let chatReady = Infinity;
      for (const job of this.queue) {
        const ready = this.windowReady(this.perChat.get(job.chat) ?? [], this.o.perChatPerMinute);
        if (ready <= now) {
          next = job;
          break;
        }
        chatReady = Math.min(chatReady, ready);
      }
      const at = next ? globalReady : Math.max(globalReady, chatReady);
      if (at > now) {
        await this.wait(at - now);
        continue;
      }
      if (!next) continue;
      this.queue.splice(this.queue.indexOf(next), 1);
      this.record(next.chat, now);
      try {
        next.resolve(await next.run());
      } catch (err) {
        next.reject(err);
      }
    }
  }

  /** When one more send fits in a window holding `times` (sorted) with room for `limit`. */
  private windowReady(times: number[], limit: number): number {
    if (times.length < limit) return -Infinity;
    return times[times.length - limit]! + WINDOW_MS;
  }

  private record(chat: string, at: number): void {
    this.lastSend = at;
    this.overall.push(at);
    const list = this.perChat.get(chat);
    if (list) list.push(at);
    else this.perChat.set(chat, [at]);
  }

  /** Drops send times older than the window. */
  private forget(now: number): void {
    const cutoff = now - WINDOW_MS;
    while (this.overall.length > 0 && this.overall[0]! <= cutoff) this.overall.shift();
    for (const [chat, list] of this.perChat) {
      while (list.length > 0 && list[0]! <= cutoff) list.shift();
      if (list.length === 0) this.perChat.delete(chat);
    }
  }

  /** Sleeps `ms`, or less when a job arrives or the pacer closes. */
  private wait(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (): void => {
        if (timer) clearTimeout(timer);
        if (this.wakeUp === done) this.wakeUp = undefined;
        resolve();
      };
      this.wakeUp = done;
      if (this.o.sleep) void this.o.sleep(ms).then(done, done);
      else timer = setTimeout(done, ms);
    });
  }
}
