/**
 * The Signal adapter's receive loops: keep one WebSocket open (json-rpc mode) or poll
 * (normal/native mode), with capped exponential backoff while the server is unreachable, and
 * keep the health tracker current. The I/O itself is injected by the adapter.
 */
import { backoffDelay } from '../../bot/backoff.js';
import type { WebSocket } from 'ws';
import type { InboundHandler } from '../../bot/port.js';
import type { SignalReceiveMode } from './config.js';
import { networkError } from './errors.js';
import type { HealthTracker } from './health.js';

/** One start()..stop() lifetime of the adapter. */
export class Run {
  /** Aborted by stop(): ends sleeps and connection attempts at once. */
  readonly wake = new AbortController();
  /** Aborted a grace period after stop(): cuts a poll that is still under way. */
  readonly pollAbort = new AbortController();
  socket: WebSocket | undefined;
  loop: Promise<void> = Promise.resolve();
  /** stop() was called. */
  stopping = false;
  /** stop() finished: nothing more is delivered. */
  closed = false;
  readonly stopped: Promise<void>;
  private resolveStopped!: () => void;

  constructor(readonly handler: InboundHandler) {
    this.stopped = new Promise((resolve) => (this.resolveStopped = resolve));
  }

  markStopped(): void {
    this.resolveStopped();
  }

  /** Waits `ms`, or less if stop() is called. */
  sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.wake.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake.signal.addEventListener('abort', done, { once: true });
    });
  }
}

/**
 * Delay before the next attempt after `failures` failed attempts in a row: none after the
 * first drop (reconnect at once), then initialMs, doubling, capped at maxMs.
 * @example backoffMs(0, r) === 0; backoffMs(1, r) === 100; backoffMs(20, r) === 30_000
 */
export function backoffMs(failures: number, r: { initialMs: number; maxMs: number }): number {
  return backoffDelay(failures, { baseMs: r.initialMs, maxMs: r.maxMs });
}

/** Why the server's mode (from `/v1/about`) cannot serve the configured receive mode, if it cannot. */
export function modeProblem(mode: string, receive: SignalReceiveMode): string | undefined {
  const shown = /^[\w-]{1,20}$/.test(mode) ? mode : 'unknown';
  if (receive === 'websocket' && !mode.startsWith('json-rpc')) {
    return `signal-cli-rest-api runs in mode ${shown}; set platforms.signal.receive to poll, or run the server with MODE=json-rpc`;
  }
  if (receive === 'poll' && mode !== 'normal' && mode !== 'native') {
    return `signal-cli-rest-api runs in mode ${shown}; run the server with MODE=native (or normal), which loses nothing while Centinela is down, or set platforms.signal.receive to websocket`;
  }
  return undefined;
}

/** What the loops need from the adapter. */
export interface ReceiveDeps {
  mode: SignalReceiveMode;
  /** The server was already checked and fits (see {@link ReceiveDeps.check}). */
  checked: boolean;
  /** A socket start() already opened, if any. */
  socket: WebSocket | undefined;
  pollIntervalMs: number;
  backoff(failures: number): number;
  /** A problem an admin must fix, or undefined when the server fits; throws when unreachable. */
  check(): Promise<string | undefined>;
  openSocket(): Promise<WebSocket>;
  untilClosed(ws: WebSocket): Promise<void>;
  /** One poll, including delivery of what it returned. */
  poll(): Promise<void>;
  tracker: HealthTracker;
  log: {
    info(o: Record<string, unknown>, m: string): void;
    warn(o: Record<string, unknown>, m: string): void;
    error(o: Record<string, unknown>, m: string): void;
  };
}

/** Runs until stop(); never rejects for a server problem (those go to health and the log). */
export function receiveLoop(run: Run, deps: ReceiveDeps): Promise<void> {
  return deps.mode === 'websocket' ? socketLoop(run, deps) : pollLoop(run, deps);
}

/** Checks the server; reports a misconfiguration and returns false. Throws when unreachable. */
async function serverMatches(deps: ReceiveDeps): Promise<boolean> {
  const problem = await deps.check();
  if (!problem) return true;
  if (deps.tracker.snapshot().state !== 'misconfigured') deps.log.error({ platform: 'signal' }, problem);
  deps.tracker.down('misconfigured', problem);
  return false;
}

function reportFailure(deps: ReceiveDeps, err: unknown, failures: number, what: string): void {
  const e = networkError(err);
  deps.tracker.down(e.code === 'rejected' ? 'misconfigured' : 'down', e.message);
  deps.log.warn({ platform: 'signal', code: e.code, failures }, what);
}

async function socketLoop(run: Run, deps: ReceiveDeps): Promise<void> {
  let socket = deps.socket;
  let checked = deps.checked;
  let failures = socket ? 0 : 1;
  while (!run.stopping) {
    if (!socket) {
      await run.sleep(deps.backoff(failures));
      if (run.stopping) break;
      try {
        if (!checked && !(await serverMatches(deps))) {
          failures++;
          continue;
        }
        checked = true;
        socket = await deps.openSocket();
      } catch (err) {
        if (run.stopping) break;
        checked = false;
        failures++;
        reportFailure(deps, err, failures, 'signal websocket connect failed; retrying');
        continue;
      }
      deps.log.info({ platform: 'signal', failures }, 'signal websocket connected');
    }
    deps.tracker.up();
    failures = 0;
    await deps.untilClosed(socket);
    socket = undefined;
    if (run.stopping) break;
    deps.tracker.down('down', 'the WebSocket connection to signal-cli-rest-api was lost');
    deps.log.warn({ platform: 'signal' }, 'signal websocket closed; reconnecting');
  }
}

async function pollLoop(run: Run, deps: ReceiveDeps): Promise<void> {
  let checked = deps.checked;
  let failures = checked ? 0 : 1;
  let first = checked;
  while (!run.stopping) {
    if (!first) await run.sleep(failures === 0 ? deps.pollIntervalMs : deps.backoff(failures));
    first = false;
    if (run.stopping) break;
    try {
      if (!checked && !(await serverMatches(deps))) {
        failures++;
        continue;
      }
      checked = true;
      await deps.poll();
      if (failures > 0) deps.log.info({ platform: 'signal', failures }, 'signal receive polling works again');
      deps.tracker.up();
      failures = 0;
    } catch (err) {
      if (run.stopping) break;
      checked = false;
      failures++;
      reportFailure(deps, err, failures, 'signal receive poll failed; retrying');
    }
  }
}
