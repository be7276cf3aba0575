/**
 * A thin client for the few signal-cli-rest-api endpoints Centinela uses. Every failure comes
 * out as an AdapterError (see errors.ts); nothing here logs.
 */
import { AdapterError } from '../../bot/port.js';
import { httpError, networkError } from './errors.js';

/** `GET /v1/about`. */
export interface SignalAbout {
  versions?: string[];
  build?: number;
  /** `normal`, `native` or `json-rpc`. */
  mode: string;
  version?: string;
}

/** One entry of `GET /v1/groups/{number}`. */
export interface SignalGroupEntry {
  name: string;
  /** The `group.` form used for sending. */
  id: string;
  /** signal-cli's raw id, as received envelopes carry it. */
  internal_id: string;
  members?: string[];
  blocked?: boolean;
}

export interface SignalHttpOptions {
  /** Base URL of the server, e.g. `http://signal-api:8080`. */
  url: string;
  fetch?: typeof fetch;
  /** Per-request timeout; default 60 s (normal mode spawns a JVM per call). */
  timeoutMs?: number;
  /**
   * Send requests one at a time (receive calls aside). In normal/native mode the server runs
   * them one at a time anyway (signal-cli locks the account); queued here rather than there,
   * a request that a crash cuts short is never sent, and it stays pending in the outbox.
   */
  oneAtATime?: boolean;
}

/** What one `GET /v1/receive/{number}` asks for (normal/native mode). */
export interface ReceiveParams {
  /** signal-cli's idle timeout: the call ends this long after the last message (or the start). */
  timeoutSeconds: number;
  /** The call ends after this many messages. */
  maxMessages: number;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export class SignalHttp {
  readonly base: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  /** Requests under way that are not receive calls (sends, group lists, attachments). */
  private busy = 0;
  /** When the last such request finished (ms, performance.now()). */
  private lastDoneAt = 0;
  private readonly oneAtATime: boolean;
  /** The tail of the one-at-a-time queue. */
  private turn: Promise<void> = Promise.resolve();

  constructor(opts: SignalHttpOptions) {
    this.base = opts.url.replace(/\/+$/, '');
    this.fetchImpl = opts.fetch ?? globalThis.fetch;
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    this.oneAtATime = opts.oneAtATime ?? false;
  }

  /** Full URL for an API path such as `/v1/about`. */
  url(path: string): string {
    return this.base + path;
  }

  /** WebSocket URL for an API path (`http` -> `ws`, `https` -> `wss`). */
  wsUrl(path: string): string {
    return this.url(path).replace(/^http/, 'ws');
  }

  /**
   * Sends a request; resolves with the Response when it is 2xx, else throws the mapped
   * AdapterError. `signal` aborts it (e.g. on stop()).
   */
  async request(
    method: string,
    path: string,
    opts: { json?: unknown; signal?: AbortSignal; timeoutMs?: number; receive?: boolean } = {},
  ): Promise<Response> {
    if (opts.receive) return this.fetchChecked(method, path, opts);
    this.busy++;
    const previous = this.turn;
    let done: (() => void) | undefined;
    if (this.oneAtATime) this.turn = new Promise((resolve) => (done = resolve));
    try {
      if (this.oneAtATime) await previous;
      return await this.fetchChecked(method, path, opts);
    } finally {
      this.busy--;
      this.lastDoneAt = performance.now();
      done?.();
    }
  }

  /**
   * Waits `quietMs`, then until no request other than a receive call has been under way for
   * `quietMs` (at most `maxWaitMs` in all). In normal/native mode every signal-cli call holds
   * the account's lock; the poll loop waits here so that the replies to what it just delivered
   * (which start a moment after delivery) go out before the next receive call takes the lock
   * for up to its timeout.
   */
  async quiet(quietMs: number, maxWaitMs: number, signal?: AbortSignal): Promise<void> {
    const deadline = performance.now() + maxWaitMs;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    while (performance.now() < deadline && !signal?.aborted) {
      const idleFor = performance.now() - this.lastDoneAt;
      if (this.busy === 0 && idleFor >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, this.busy === 0 ? Math.max(1, quietMs - idleFor) : quietMs));
    }
  }

  private async fetchChecked(
    method: string,
    path: string,
    opts: { json?: unknown; signal?: AbortSignal; timeoutMs?: number },
  ): Promise<Response> {
    const signals = [AbortSignal.timeout(opts.timeoutMs ?? this.timeoutMs)];
    if (opts.signal) signals.push(opts.signal);
    const init: RequestInit = { method, signal: AbortSignal.any(signals) };
    if (opts.json !== undefined) {
      init.body = JSON.stringify(opts.json);
      init.headers = { 'content-type': 'application/json' };
    }
    let res: Response;
    try {
      res = await this.fetchImpl(this.url(path), init);
    } catch (err) {
      throw networkError(err);
    }
    if (!res.ok) {
      const text = await res.text().catch(() => '');
      throw httpError(res.status, text, res.headers);
    }
    return res;
  }

  /** Reads a JSON body whatever its Content-Type (receive answers `text/plain`). */
  async json(res: Response): Promise<unknown> {
    const text = await res.text().catch((err: unknown) => {
      throw networkError(err);
    });
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new AdapterError('unavailable', 'signal-cli-rest-api sent a response that is not JSON');
    }
  }

  /** `GET /v1/about`. */
  async about(signal?: AbortSignal): Promise<SignalAbout> {
    const body = await this.json(await this.request('GET', '/v1/about', signal ? { signal, timeoutMs: 10_000 } : { timeoutMs: 10_000 }));
    const mode = body && typeof body === 'object' ? (body as { mode?: unknown }).mode : undefined;
    if (typeof mode !== 'string') throw new AdapterError('unavailable', 'signal-cli-rest-api /v1/about has no mode');
    return { ...(body as object), mode };
  }

  /** `GET /v1/accounts`: the numbers registered or linked on the server. */
  async accounts(signal?: AbortSignal): Promise<string[]> {
    const body = await this.json(await this.request('GET', '/v1/accounts', signal ? { signal, timeoutMs: 10_000 } : { timeoutMs: 10_000 }));
    if (!Array.isArray(body)) throw new AdapterError('unavailable', 'signal-cli-rest-api /v1/accounts did not return a list');
    return body.filter((a: unknown): a is string => typeof a === 'string');
  }

  /**
   * One `GET /v1/receive/{number}` (normal/native mode): the messages the call took, in order.
   * The server consumes them from Signal whatever becomes of this request, so a caller that
   * gives up on it (a timeout, an abort) loses them: keep `timeoutMs` well above the call's
   * own bound.
   */
  async receive(number: string, p: ReceiveParams): Promise<unknown[]> {
    // What the bot never uses is not fetched (less on the server's disk); tip photos are.
    const query = `timeout=${p.timeoutSeconds}&max_messages=${p.maxMessages}&ignore_stories=true&ignore_avatars=true&ignore_stickers=true`;
    const opts: { receive: true; signal?: AbortSignal; timeoutMs?: number } = { receive: true };
    if (p.signal) opts.signal = p.signal;
    if (p.timeoutMs !== undefined) opts.timeoutMs = p.timeoutMs;
    const body = await this.json(await this.request('GET', `/v1/receive/${encodeURIComponent(number)}?${query}`, opts));
    if (!Array.isArray(body)) throw new AdapterError('unavailable', 'signal-cli-rest-api receive did not return a list');
    return body;
  }

  /** `GET /v1/groups/{number}`. */
  async groups(number: string): Promise<SignalGroupEntry[]> {
    const body = await this.json(await this.request('GET', `/v1/groups/${encodeURIComponent(number)}`));
    if (!Array.isArray(body)) throw new AdapterError('unavailable', 'signal-cli-rest-api /v1/groups did not return a list');
    return body.filter(
      (g: unknown): g is SignalGroupEntry =>
        !!g &&
        typeof g === 'object' &&
        typeof (g as SignalGroupEntry).id === 'string' &&
        typeof (g as SignalGroupEntry).internal_id === 'string',
    );
  }
}

export { readLimited } from '../shared/read-limited.js';
