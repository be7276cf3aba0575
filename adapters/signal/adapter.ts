/**
 * The Signal adapter, over bbernhard/signal-cli-rest-api.
 *
 * Receiving: in json-rpc mode a WebSocket to `/v1/receive/{number}`, reconnected at once when it
 * drops and then with capped backoff (the server drops what arrives while no socket is
 * connected, so the gap is kept short and reported by {@link SignalAdapter.health}, and a
 * warning says so at start); in normal/native mode, the default, bounded `GET /v1/receive/{number}`
 * calls back to back, which lose nothing while Centinela is down (polling.ts). Each frame is translated
 * (inbound.ts), its attachments downloaded and deleted from the server, and handed to the
 * handler one at a time, in arrival order.
 *
 * A server that is unreachable at start-up does not fail start(): the adapter keeps trying in
 * the background. A server in the wrong mode does: start() throws a clear `rejected` error.
 *
 * @example
 * const signal = new SignalAdapter({ config, logger });
 * await signal.start(async (m) => runtime.handle(m));
 * signal.health(); // { state: 'up', disconnectedMsTotal: 12 }
 */
import { WebSocket } from 'ws';
import type { ClientOptions, RawData } from 'ws';
import type { InboundMessage, OutboundMessage } from '../../bot/messages.js';
import { AdapterError } from '../../bot/port.js';
import type { AdapterPort, InboundHandler, SendResult } from '../../bot/port.js';
import type { SignalConfig } from './config.js';
import { networkError, redact } from './errors.js';
import { HealthTracker } from './health.js';
import type { SignalHealth } from './health.js';
import { readLimited, SignalHttp } from './http.js';
import { classifyFrame } from './inbound.js';
import { parseSendResponse, toSendBody } from './outbound.js';
import { JSON_RPC_LOSS_WARNING, pollBounds, pollNote, pollOnce } from './polling.js';
import type { PollBounds } from './polling.js';
import { Run, backoffMs, modeProblem, receiveLoop } from './receiver.js';
import { silentLogger, type Logger } from '../../bot/logger.js';
import { handOff } from '../shared/hand-off.js';
import { versionProblem } from './server-version.js';

export type { SignalHealth, SignalHealthState } from './health.js';

/** The WebSocket class (ws's, or a stand-in with the same constructor). */
export type WebSocketClass = new (url: string, opts?: ClientOptions) => WebSocket;

export interface SignalAdapterOptions {
  config: SignalConfig;
  fetch?: typeof fetch;
  WebSocket?: WebSocketClass;
  logger?: Logger;
  now?: () => number;
  /** Client ping interval on the WebSocket; a socket without a pong in time is replaced. Default 30 s. */
  heartbeatMs?: number;
}

const noop = (): void => undefined;

/** A ws message payload as text. */
function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('utf8');
}

/** How long stop() waits for the server's close handshake before dropping the socket. */
const CLOSE_GRACE_MS = 1_000;

export class SignalAdapter implements AdapterPort {
  readonly platform = 'signal' as const;

  private readonly config: SignalConfig;
  private readonly http: SignalHttp;
  private readonly WS: WebSocketClass;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly heartbeatMs: number;
  private readonly tracker: HealthTracker;
  private readonly bounds: PollBounds;
  private run: Run | undefined;
  /** The delivery queue: each frame's delivery is chained after the previous one. */
  private chain: Promise<void> = Promise.resolve();
  private selfUuid: string | undefined;

  constructor(opts: SignalAdapterOptions) {
    this.config = opts.config;
    const oneAtATime = opts.config.receive === 'poll'; // the server runs one signal-cli call at a time
    this.http = new SignalHttp(opts.fetch ? { url: opts.config.url, fetch: opts.fetch, oneAtATime } : { url: opts.config.url, oneAtATime });
    this.WS = opts.WebSocket ?? WebSocket;
    this.log = opts.logger ?? silentLogger;
    this.now = opts.now ?? Date.now;
    this.heartbeatMs = opts.heartbeatMs ?? 30_000;
    this.tracker = new HealthTracker(this.now);
    this.bounds = pollBounds(opts.config);
  }

  /**
   * Checks the server's mode and begins receiving. Resolves once the WebSocket is open (or the
   * first poll is scheduled), or once the first attempt failed because the server is
   * unreachable; then it keeps retrying in the background (see {@link health}).
   * Throws AdapterError `rejected` when the server runs in a mode that does not match
   * `receive`, or does not hold the configured number.
   */
  async start(onMessage: InboundHandler): Promise<void> {
    if (this.run) throw new Error('signal adapter already started');
    const run = new Run(onMessage);
    this.run = run;
    this.tracker.begin();
    let ready!: { resolve: () => void; reject: (e: AdapterError) => void };
    const started = new Promise<void>((resolve, reject) => (ready = { resolve, reject }));
    run.loop = this.receive(run, ready).catch((err: unknown) => {
      this.log.error({ platform: 'signal', err: err instanceof Error ? err.name : typeof err }, 'signal receive loop crashed');
      ready.resolve();
    });
    await started;
    this.log.info({ platform: 'signal', receive: this.config.receive }, 'signal adapter started');
    if (this.config.receive === 'websocket') this.log.warn({ platform: 'signal', receive: 'websocket' }, JSON_RPC_LOSS_WARNING);
    else
      this.log.info(
        pollNote(this.config),
        "signal receive: bounded polling; a SIGKILL loses at most one call's messages, a graceful stop none",
      );
  }

  /** The whole receiving side of one run: the start-up check, the first connection, then the loop. */
  private async receive(run: Run, ready: { resolve: () => void; reject: (e: AdapterError) => void }): Promise<void> {
    let checked = false;
    try {
      const problem = await this.checkServer(run);
      if (problem) {
        this.tracker.down('misconfigured', problem);
        this.tracker.end();
        if (this.run === run) this.run = undefined;
        this.log.error({ platform: 'signal' }, problem);
        return ready.reject(new AdapterError('rejected', problem));
      }
      checked = true;
    } catch (err) {
      const e = networkError(err);
      this.tracker.down(e.code === 'rejected' ? 'misconfigured' : 'down', e.message);
      this.log.warn({ platform: 'signal', code: e.code }, 'signal-cli-rest-api not usable at start-up; retrying in the background');
    }
    let socket: WebSocket | undefined;
    if (checked && this.config.receive === 'websocket' && !run.stopping) {
      try {
        socket = await this.openSocket(run);
      } catch (err) {
        const e = networkError(err);
        this.tracker.down(e.code === 'rejected' ? 'misconfigured' : 'down', e.message);
        this.log.warn({ platform: 'signal', code: e.code }, 'signal websocket could not connect; retrying in the background');
      }
    }
    ready.resolve();
    await receiveLoop(run, {
      mode: this.config.receive,
      checked,
      socket,
      pollIntervalMs: this.config.pollIntervalMs,
      backoff: (failures) => backoffMs(failures, this.config.reconnect),
      check: () => this.checkServer(run),
      openSocket: () => this.openSocket(run),
      untilClosed: (ws) => this.untilClosed(ws),
      poll: () => this.pollOnce(run),
      tracker: this.tracker,
      log: this.log,
    });
  }

  /**
   * Asks the server what it is: a problem an admin must fix (wrong mode, unknown account), or
   * undefined when it fits the config. Throws when the server cannot be reached.
   */
  private async checkServer(run: Run): Promise<string | undefined> {
    const about = await this.http.about(run.wake.signal);
    const problem = modeProblem(about.mode, this.config.receive) ?? versionProblem(about.version);
    if (problem) return problem;
    const accounts = await this.http.accounts(run.wake.signal).catch(() => undefined);
    if (accounts && !accounts.includes(this.config.number)) {
      return 'platforms.signal.number is not an account on this signal-cli-rest-api server; link it (centinela signal link) or register it there first';
    }
    return undefined;
  }

  /**
   * Stops receiving. Frames already received are still delivered (the server will not send them
   * again) before this resolves; nothing is delivered afterwards.
   */
  async stop(): Promise<void> {
    const run = this.run;
    if (!run) return;
    if (run.stopping) return run.stopped;
    run.stopping = true;
    run.wake.abort();
    const socket = run.socket;
    let closeTimer: NodeJS.Timeout | undefined;
    if (socket && socket.readyState !== socket.CLOSED) {
      socket.close(1000);
      closeTimer = setTimeout(() => socket.terminate(), CLOSE_GRACE_MS);
    }
    // A receive call under way has already taken its messages from Signal: let it finish.
    const grace = setTimeout(() => run.pollAbort.abort(), this.bounds.stopGraceMs);
    await run.loop;
    clearTimeout(grace);
    if (closeTimer) clearTimeout(closeTimer);
    await this.chain;
    run.closed = true;
    this.run = undefined;
    this.tracker.end();
    run.markStopped();
    this.log.info({ platform: 'signal' }, 'signal adapter stopped');
  }

  /** Sends one message with `POST /v2/send`. Throws AdapterError (see errors.ts). */
  async send(message: OutboundMessage): Promise<SendResult> {
    const run = this.run;
    if (!run || run.stopping) throw new AdapterError('not_started', 'signal adapter is not started');
    const body = toSendBody(message, this.config.number);
    try {
      const res = await this.http.request('POST', '/v2/send', { json: body });
      const parsed = await this.http.json(res).catch(() => undefined);
      const result = parseSendResponse(parsed, this.config.number, message.chat.kind);
      this.tracker.sent();
      return result;
    } catch (err) {
      // A captcha or rate limit is a state of the account: health() reports it until a send works.
      if (err instanceof AdapterError) this.tracker.sent(err);
      throw err;
    }
  }

  /** Whether receiving works, and how long it has not since start(). */
  health(): SignalHealth {
    return this.tracker.snapshot();
  }

  // --- receiving ------------------------------------------------------------------------------

  private receivePath(): string {
    return `/v1/receive/${encodeURIComponent(this.config.number)}`;
  }

  /** Opens the WebSocket; resolves once open. Frames are queued for delivery from the start. */
  private openSocket(run: Run): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      if (run.stopping) return reject(new AdapterError('not_started', 'stopping'));
      const ws = new this.WS(this.http.wsUrl(this.receivePath()), { handshakeTimeout: 10_000 });
      run.socket = ws;
      ws.on('message', (data, isBinary) => {
        if (!isBinary) this.enqueue(run, rawText(data));
      });
      const onAbort = (): void => ws.terminate();
      run.wake.signal.addEventListener('abort', onAbort, { once: true });
      const cleanup = (): void => {
        ws.off('open', onOpen);
        ws.off('error', onError);
        run.wake.signal.removeEventListener('abort', onAbort);
      };
      const onOpen = (): void => {
        cleanup();
        resolve(ws);
      };
      const onError = (err: Error): void => {
        cleanup();
        ws.terminate();
        const status = /Unexpected server response: (\d+)/.exec(err.message)?.[1];
        if (status === '200') {
          reject(new AdapterError('rejected', 'signal-cli-rest-api answered the WebSocket with HTTP 200: it is not in json-rpc mode'));
        } else reject(networkError(err));
      };
      ws.on('error', onError);
      ws.once('open', onOpen);
      ws.on('error', noop); // keep later errors from being thrown; 'close' follows them
    });
  }

  /** Resolves when the socket closes; pings it so that a silently dead connection is noticed. */
  private untilClosed(ws: WebSocket): Promise<void> {
    return new Promise((resolve) => {
      if (ws.readyState === ws.CLOSED) return resolve();
      let alive = true;
      ws.on('pong', () => (alive = true));
      const timer = setInterval(() => {
        if (!alive) return ws.terminate();
        alive = false;
        try {
          ws.ping();
        } catch {
          ws.terminate();
        }
      }, this.heartbeatMs);
      timer.unref();
      ws.once('close', () => {
        clearInterval(timer);
        resolve();
      });
    });
  }

  /** One bounded receive call; queues what it returns and waits until it is delivered. */
  private async pollOnce(run: Run): Promise<void> {
    await pollOnce({
      http: this.http,
      config: this.config,
      bounds: this.bounds,
      wake: run.wake.signal,
      cut: run.pollAbort.signal,
      stopping: () => run.stopping,
      enqueue: (frame) => this.enqueue(run, frame),
      delivered: () => this.chain,
      sleep: (ms) => run.sleep(ms),
    });
  }

  // --- delivering -----------------------------------------------------------------------------

  private enqueue(run: Run, frame: unknown): void {
    if (run.closed) return;
    this.chain = this.chain.then(() => this.deliver(run, frame));
  }

  private async deliver(run: Run, raw: unknown): Promise<void> {
    if (run.closed) return;
    let frame = raw;
    if (typeof raw === 'string') {
      try {
        frame = JSON.parse(raw) as unknown;
      } catch {
        this.log.warn({ platform: 'signal' }, 'signal frame is not JSON; ignored');
        return;
      }
    }
    this.learnSelf(frame);
    const ctx = this.selfUuid === undefined ? { account: this.config.number } : { account: this.config.number, selfUuid: this.selfUuid };
    const result = classifyFrame(frame, ctx);
    if (result.kind === 'error') {
      this.log.warn({ platform: 'signal', detail: redact(result.error) }, 'signal-cli reported a receive error');
      return;
    }
    if (result.kind === 'ignored') {
      // A sender that is not a UUID is refused on purpose; the line says so without any id.
      if (result.reason === 'bad_sender')
        this.log.warn({ platform: 'signal', reason: result.reason }, 'signal sender is not a UUID; message refused');
      else this.log.debug({ platform: 'signal', reason: result.reason }, 'signal envelope ignored');
      return;
    }
    try {
      await this.fetchAttachments(result.message);
    } catch (err) {
      this.log.error({ platform: 'signal', err: err instanceof Error ? err.name : typeof err }, 'signal attachments failed');
      return;
    }
    await handOff(result.message, run.handler, { log: this.log, accepting: () => !run.closed });
  }

  /** The bot's own UUID appears on envelopes its own other devices send (sync messages). */
  private learnSelf(frame: unknown): void {
    if (this.selfUuid !== undefined || !frame || typeof frame !== 'object') return;
    const env = (frame as { envelope?: { sourceNumber?: unknown; sourceUuid?: unknown } }).envelope;
    if (env && env.sourceNumber === this.config.number && typeof env.sourceUuid === 'string') {
      this.selfUuid = env.sourceUuid.toLowerCase();
    }
  }

  /**
   * Downloads each attachment's bytes (within maxAttachmentBytes) and deletes it from the
   * server, which otherwise keeps every file forever. An oversize or failed download leaves
   * the attachment without `data`; the message is delivered anyway.
   */
  private async fetchAttachments(message: InboundMessage): Promise<void> {
    const max = this.config.maxAttachmentBytes;
    for (const att of message.attachments) {
      if (att.ref === undefined) continue;
      const path = `/v1/attachments/${encodeURIComponent(att.ref)}`;
      if (att.size === undefined || att.size <= max) {
        try {
          const data = await readLimited(await this.http.request('GET', path), max);
          if (data) {
            att.data = data;
            att.size = data.byteLength;
          } else this.log.warn({ platform: 'signal', max }, 'signal attachment over the size limit; skipped');
        } catch (err) {
          this.log.warn({ platform: 'signal', code: networkError(err).code }, 'signal attachment download failed');
        }
      } else this.log.warn({ platform: 'signal', size: att.size, max }, 'signal attachment over the size limit; skipped');
      await this.http.request('DELETE', path).catch((err: unknown) => {
        this.log.debug({ platform: 'signal', code: networkError(err).code }, 'signal attachment delete failed');
      });
    }
  }
}
