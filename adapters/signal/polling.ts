/**
 * Lossless receiving from signal-cli-rest-api in normal/native mode: `GET /v1/receive/{number}`
 * calls back to back, each bounded, and what a stop or a crash can cost in each receive mode.
 *
 * How the server behaves (bbernhard/signal-cli-rest-api api.go Receive, client.go Receive;
 * signal-cli ReceiveHelper): each call runs `signal-cli receive -t TIMEOUT --max-messages N`.
 * signal-cli takes messages from Signal's servers one at a time, acknowledges each, and returns
 * TIMEOUT seconds after the last one (an idle timeout) or after N messages. The REST server
 * answers with all of them at the end, and does not stop signal-cli when the HTTP client goes
 * away. So messages wait safely on Signal's servers while nobody polls, and the only messages a
 * crash can lose are those the call under way had already taken: at most N.
 */
import type { SignalConfig } from './config.js';
import type { SignalHttp } from './http.js';

/** signal-cli-rest-api kills a signal-cli call after SIGNAL_CLI_CMD_TIMEOUT, 120 s by default. */
const SERVER_COMMAND_TIMEOUT_MS = 120_000;
/** Extra time a call may need beyond its own bound: starting signal-cli, waiting for the account lock. */
const CALL_OVERHEAD_MS = 10_000;
/** How long no send may have been under way before the next receive call takes the account lock. */
export const SEND_QUIET_MS = 25;
/** Receiving waits for sends at most this long, so a long outbox backlog cannot starve it. */
export const SEND_PRIORITY_MAX_MS = 5_000;
/** An empty answer faster than this means the server ignored `timeout`: pause before the next call. */
const EMPTY_TOO_FAST_MS = 100;
const EMPTY_PAUSE_MS = 1_000;

/** The time bounds that follow from the receive settings. */
export interface PollBounds {
  /** The longest one receive call runs on the server: (max_messages + 1) idle timeouts. */
  callMs: number;
  /**
   * How long stop() lets a receive call under way finish. Its messages are already taken from
   * Signal, so cutting it short would lose them.
   */
  stopGraceMs: number;
  /** The HTTP timeout of a receive call: beyond anything the server does before it answers. */
  requestTimeoutMs: number;
}

export function pollBounds(config: Pick<SignalConfig, 'pollTimeoutSeconds' | 'pollMaxMessages'>): PollBounds {
  const callMs = (config.pollMaxMessages + 1) * config.pollTimeoutSeconds * 1000;
  return {
    callMs,
    stopGraceMs: callMs + CALL_OVERHEAD_MS,
    requestTimeoutMs: Math.max(callMs, SERVER_COMMAND_TIMEOUT_MS) + CALL_OVERHEAD_MS,
  };
}

/** What json-rpc mode loses, said once at start-up so that an admin who chose it knows. */
export const JSON_RPC_LOSS_WARNING =
  'platforms.signal.receive is websocket (server MODE=json-rpc): signal-cli-rest-api drops every message that ' +
  'arrives while Centinela is not connected (restarts, crashes, upgrades, network drops), and those are never ' +
  'delivered; /health disconnectedMsTotal is that window. Messages on the socket not yet handled when Centinela ' +
  'is killed are lost too. To lose nothing, run the server with MODE=native (or normal) and set receive: poll';

/** What a SIGKILL can cost in poll mode, for the start-up log. */
export function pollNote(config: Pick<SignalConfig, 'pollTimeoutSeconds' | 'pollMaxMessages'>): Record<string, unknown> {
  return {
    platform: 'signal',
    receive: 'poll',
    timeoutSeconds: config.pollTimeoutSeconds,
    maxMessages: config.pollMaxMessages,
    lostOnKillAtMost: config.pollMaxMessages,
  };
}

export interface PollOnceDeps {
  http: Pick<SignalHttp, 'quiet' | 'receive'>;
  config: Pick<SignalConfig, 'number' | 'pollTimeoutSeconds' | 'pollMaxMessages'>;
  bounds: PollBounds;
  /** Aborted by stop(): ends the wait for sends (not the receive call). */
  wake: AbortSignal;
  /** Aborted only when stop()'s grace is over: cuts the receive call itself. */
  cut: AbortSignal;
  /** stop() was called: start no new receive call. */
  stopping(): boolean;
  /** Hands one frame to the delivery queue. */
  enqueue(frame: unknown): void;
  /** Resolves when every queued frame has been handled. */
  delivered(): Promise<void>;
  sleep(ms: number): Promise<void>;
}

/**
 * One receive call and the delivery of everything it returned. Sends go first (the server's
 * account lock would otherwise hold each reply up to a whole receive timeout). The next call
 * starts only once this call's messages are handled, so a crash can only ever lose one call's.
 */
export async function pollOnce(d: PollOnceDeps): Promise<number> {
  await d.http.quiet(SEND_QUIET_MS, SEND_PRIORITY_MAX_MS, d.wake);
  if (d.stopping()) return 0;
  const started = performance.now();
  const frames = await d.http.receive(d.config.number, {
    timeoutSeconds: d.config.pollTimeoutSeconds,
    maxMessages: d.config.pollMaxMessages,
    signal: d.cut,
    timeoutMs: d.bounds.requestTimeoutMs,
  });
  for (const frame of frames) d.enqueue(frame);
  await d.delivered();
  if (frames.length === 0 && performance.now() - started < EMPTY_TOO_FAST_MS) await d.sleep(EMPTY_PAUSE_MS);
  return frames.length;
}
