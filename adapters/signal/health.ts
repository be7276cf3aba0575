/**
 * Connection health for the Signal adapter: whether receiving works right now, and how long it
 * has not (in json-rpc mode the server drops what arrives while no WebSocket is connected, so
 * this number is the window in which tips may have been lost).
 */

/**
 * - `connecting`: started, first connection not made yet.
 * - `up`: receiving (WebSocket open, or the last poll succeeded).
 * - `down`: not receiving (server unreachable, socket dropped and reconnecting, or stopped).
 * - `misconfigured`: the server answers but cannot work as configured (wrong mode, unknown
 *   account); an admin has to act. The adapter keeps checking and recovers when fixed.
 */
export type SignalHealthState = 'connecting' | 'up' | 'down' | 'misconfigured';

/**
 * What is wrong, named so that an alert can say what to do (each needs a different fix):
 * - `unreachable`: signal-cli-rest-api cannot be reached (stopped, crashed, network);
 * - `unregistered`: the bot number is not (or no longer) an account on the server;
 * - `captcha`: Signal asks for a captcha before it lets the bot send again;
 * - `rate_limited`: Signal slows the bot's sends down (no captcha asked);
 * - `version_too_old`: the server is older than Centinela supports;
 * - `wrong_mode`: the server's MODE does not fit `platforms.signal.receive`.
 */
export type SignalProblem = 'unreachable' | 'unregistered' | 'captcha' | 'rate_limited' | 'version_too_old' | 'wrong_mode';

export interface SignalHealth {
  state: SignalHealthState;
  /** Total ms since start() during which the adapter was not receiving. */
  disconnectedMsTotal: number;
  /** The last problem, as a fixed sentence without message text or numbers. */
  lastError?: string;
  /**
   * What is wrong now: with receiving (state not `up`), or else with sending (a captcha or rate
   * limit on the last send). Absent when everything works.
   */
  problem?: SignalProblem;
  /** What an admin must do about `problem`, as a fixed sentence. */
  action?: string;
}

/** What an admin must do, per problem. */
export const SIGNAL_ACTIONS: Readonly<Record<SignalProblem, string>> = {
  unreachable: 'start the signal-cli-rest-api container (docker compose up -d signal) and check platforms.signal.url',
  unregistered: 'link the bot number again (centinela signal link) or register it on the signal-cli-rest-api server',
  captcha:
    'solve a captcha at https://signalcaptchas.org/challenge/generate.html and submit it with POST /v1/accounts/{number}/rate-limit-challenge (see docs/run-with-signal.md, "Rate limits and captchas")',
  rate_limited: 'nothing for now: Signal slows down sends for a while; Centinela waits and retries',
  version_too_old: 'upgrade signal-cli-rest-api (bbernhard/signal-cli-rest-api 0.85 or newer; compose pins the tested version)',
  wrong_mode: "make platforms.signal.receive and the server's MODE agree (see the log line for which to change)",
};

/**
 * The problem a fixed error sentence (from errors.ts, the server check, or the receive loop)
 * names. Every sentence those write is our own, so matching on them is stable.
 */
export function signalProblemOf(state: SignalHealthState, error: string | undefined): SignalProblem | undefined {
  if (state === 'up' || state === 'connecting') return undefined;
  const text = error ?? '';
  if (/not an account|not registered/i.test(text)) return 'unregistered';
  if (/too old/i.test(text)) return 'version_too_old';
  if (/runs in mode|not in json-rpc mode/i.test(text)) return 'wrong_mode';
  if (/captcha/i.test(text)) return 'captcha';
  if (/rate limit/i.test(text)) return 'rate_limited';
  return 'unreachable';
}

/** The send-side problem an AdapterError from `send()` shows, if it is one that lasts. */
export function sendProblemOf(error: { code: string; message: string }): SignalProblem | undefined {
  if (error.code === 'rate_limited') return /captcha/i.test(error.message) ? 'captcha' : 'rate_limited';
  if (error.code === 'rejected' && /bot number is not an account/i.test(error.message)) return 'unregistered';
  return undefined;
}

/** Tracks state transitions and accumulates the time spent not receiving. */
export class HealthTracker {
  private state: SignalHealthState = 'down';
  private lastError: string | undefined;
  private totalMs = 0;
  private since: number | undefined;
  /** A lasting problem the last send met (captcha, rate limit); cleared by a send that works. */
  private sendProblem: SignalProblem | undefined;

  constructor(private readonly now: () => number) {}

  /**
   * The outcome of one send: a captcha or rate limit is a state of the account (later sends
   * meet it too) until a send works again. Other failures concern one recipient and are not kept.
   */
  sent(error?: { code: string; message: string }): void {
    if (error === undefined) this.sendProblem = undefined;
    else this.sendProblem = sendProblemOf(error) ?? this.sendProblem;
  }

  /** start() was called: not receiving yet. */
  begin(): void {
    this.state = 'connecting';
    this.since ??= this.now();
  }

  /** Receiving works. */
  up(): void {
    this.close();
    this.state = 'up';
  }

  /** Receiving does not work (any more). */
  down(state: Exclude<SignalHealthState, 'up'>, error?: string): void {
    this.since ??= this.now();
    this.state = state;
    if (error !== undefined) this.lastError = error;
  }

  /** stop() finished: stop counting; a misconfiguration stays visible. */
  end(): void {
    this.close();
    if (this.state !== 'misconfigured') this.state = 'down';
  }

  snapshot(): SignalHealth {
    const open = this.since === undefined ? 0 : Math.max(0, this.now() - this.since);
    const h: SignalHealth = { state: this.state, disconnectedMsTotal: this.totalMs + open };
    if (this.lastError !== undefined) h.lastError = this.lastError;
    const problem = signalProblemOf(this.state, this.lastError) ?? this.sendProblem;
    if (problem !== undefined) {
      h.problem = problem;
      h.action = SIGNAL_ACTIONS[problem];
    }
    return h;
  }

  private close(): void {
    if (this.since !== undefined) this.totalMs += Math.max(0, this.now() - this.since);
    this.since = undefined;
  }
}
