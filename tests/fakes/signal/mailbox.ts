/**
 * Signal's servers and signal-cli as the fake needs them in normal/native mode, where every REST
 * call runs signal-cli (bbernhard/signal-cli-rest-api client.go Receive, cli.go Execute;
 * AsamK/signal-cli ReceiveHelper, SignalAccount.openFileChannel):
 *
 * - Messages wait on Signal's servers, per account, until a receive call takes them. Taking
 *   consumes them (signal-cli acknowledges each one to Signal).
 * - `receive -t T --max-messages N`: takes queued messages one at a time and returns T seconds
 *   after the last one (an idle timeout; T counts again after each message), or after N
 *   messages. `-t 0` returns at once with nothing; a negative T waits until the REST server
 *   kills signal-cli after SIGNAL_CLI_CMD_TIMEOUT, and whatever it took is lost.
 * - One signal-cli process at a time per account: the account file lock. Receive and send
 *   calls wait for it in turn.
 * - The REST server answers when signal-cli exits and does not stop it when the HTTP client
 *   goes away: a call whose client is gone still takes its messages, which nobody gets.
 *
 * Every call is recorded ({@link ReceiveCall}) so tests can say which messages a crash cost.
 */

/** One `GET /v1/receive/{number}` in normal/native mode. */
export interface ReceiveCall {
  id: number;
  account: string;
  /** When the request came in (Date.now()). */
  requestedAt: number;
  /** When signal-cli got the account lock. */
  startedAt?: number;
  endedAt?: number;
  /** The messages this call took from Signal, in order: gone from the server whatever happens next. */
  taken: unknown[];
  /**
   * - `answered`: the HTTP answer went to a connected client;
   * - `orphaned`: the client had gone (e.g. killed) before the answer: the messages are lost;
   * - `killed`: the server stopped mid-call, or signal-cli ran past the command timeout.
   */
  outcome?: 'answered' | 'orphaned' | 'killed';
}

export interface MailboxTiming {
  /** How long one second of a receive `timeout` lasts, in ms. Default 1000 (real time). */
  secondMs?: number;
  /** Start-up time of each signal-cli call, in ms (JVM or native binary). Default 0. */
  spawnMs?: number;
  /** SIGNAL_CLI_CMD_TIMEOUT, in seconds of `secondMs`. Default 120. */
  commandTimeoutSeconds?: number;
}

type Release = () => void;

export class Mailbox {
  readonly calls: ReceiveCall[] = [];
  private readonly queues = new Map<string, unknown[]>();
  private readonly locks = new Map<string, Promise<void>>();
  private readonly waiters = new Map<string, Set<() => void>>();
  /** Aborted when the server stops: calls under way end as `killed`. */
  private shutdown = new AbortController();
  private readonly secondMs: number;
  private readonly spawnMs: number;
  private readonly commandTimeoutMs: number;

  constructor(timing: MailboxTiming = {}) {
    this.secondMs = timing.secondMs ?? 1000;
    this.spawnMs = timing.spawnMs ?? 0;
    this.commandTimeoutMs = (timing.commandTimeoutSeconds ?? 120) * this.secondMs;
  }

  /** Signal delivers a message to `account`: it waits for a receive call. */
  push(account: string, frame: unknown): void {
    const q = this.queues.get(account) ?? [];
    q.push(frame);
    this.queues.set(account, q);
    for (const wake of this.waiters.get(account) ?? []) wake();
  }

  queued(account: string): number {
    return this.queues.get(account)?.length ?? 0;
  }

  /** Takes everything at once (the WebSocket-in-normal-mode path, which never waits). */
  takeAll(account: string): unknown[] {
    const items = this.queues.get(account) ?? [];
    this.queues.set(account, []);
    return items;
  }

  /** Runs `fn` as one signal-cli call: after the account lock and the start-up time. */
  async asCommand<T>(account: string, fn: () => T): Promise<T> {
    const release = await this.lock(account);
    try {
      await this.wait(this.spawnMs);
      return fn();
    } finally {
      release();
    }
  }

  /**
   * Runs one receive call to its end. `clientGone` says, at the end, whether the HTTP client is
   * still there to be answered. Resolves with the call; `error` is set when the REST server
   * answers 400 instead (command timeout, server stopping).
   */
  async receive(
    account: string,
    timeoutSeconds: number,
    maxMessages: number,
    clientGone: () => boolean,
  ): Promise<{ call: ReceiveCall; error?: string }> {
    const call: ReceiveCall = { id: this.calls.length + 1, account, requestedAt: Date.now(), taken: [] };
    this.calls.push(call);
    const stop = this.shutdown.signal;
    const release = await this.lock(account);
    try {
      call.startedAt = Date.now();
      await this.wait(this.spawnMs);
      const killedAt = performance.now() + this.commandTimeoutMs;
      let remaining = maxMessages > 0 ? maxMessages : -1;
      // signal-cli returns before reading anything when the timeout is 0.
      while (remaining !== 0 && timeoutSeconds !== 0 && !stop.aborted) {
        const q = this.queues.get(account) ?? [];
        if (q.length > 0) {
          call.taken.push(q.shift());
          remaining--;
          continue;
        }
        const idleMs =
          timeoutSeconds < 0 ? killedAt - performance.now() : Math.min(timeoutSeconds * this.secondMs, killedAt - performance.now());
        if (idleMs <= 0 || !(await this.nextMessage(account, idleMs, stop))) {
          if (timeoutSeconds < 0 || performance.now() >= killedAt) return this.end(call, 'killed', 'process killed as timeout reached');
          break;
        }
      }
      if (stop.aborted) return this.end(call, 'killed', 'signal-cli-rest-api is shutting down');
      return this.end(call, clientGone() ? 'orphaned' : 'answered');
    } finally {
      release();
    }
  }

  /** The server stops: calls under way end, and what they took is lost. */
  abortAll(): void {
    this.shutdown.abort();
    this.shutdown = new AbortController();
  }

  /** The messages taken by calls whose answer nobody got. */
  lost(): unknown[] {
    return this.calls.filter((c) => c.outcome === 'orphaned' || c.outcome === 'killed').flatMap((c) => c.taken);
  }

  private end(call: ReceiveCall, outcome: NonNullable<ReceiveCall['outcome']>, error?: string): { call: ReceiveCall; error?: string } {
    call.outcome = outcome;
    call.endedAt = Date.now();
    return error === undefined ? { call } : { call, error };
  }

  /** The account file lock, first come first served. */
  private async lock(account: string): Promise<Release> {
    const previous = this.locks.get(account) ?? Promise.resolve();
    let release!: Release;
    const mine = new Promise<void>((resolve) => (release = resolve));
    this.locks.set(
      account,
      previous.then(() => mine),
    );
    await previous;
    return release;
  }

  /** Resolves true when a message arrives for `account`, false after `ms` or on shutdown. */
  private nextMessage(account: string, ms: number, stop: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      const set = this.waiters.get(account) ?? new Set<() => void>();
      this.waiters.set(account, set);
      const done = (got: boolean): void => {
        clearTimeout(timer);
        set.delete(wake);
        stop.removeEventListener('abort', aborted);
        resolve(got);
      };
      const wake = (): void => done(true);
      const aborted = (): void => done(false);
      const timer = setTimeout(() => done(false), ms);
      set.add(wake);
      stop.addEventListener('abort', aborted, { once: true });
    });
  }

  private wait(ms: number): Promise<void> {
    return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  }
}
