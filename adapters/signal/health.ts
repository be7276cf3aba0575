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

export interface SignalHealth {
  state: SignalHealthState;
  /** Total ms since start() during which the adapter was not receiving. */
  disconnectedMsTotal: number;
  /** The last problem, as a fixed sentence without message text or numbers. */
  lastError?: string;
}

/** Tracks state transitions and accumulates the time spent not receiving. */
export class HealthTracker {
  private state: SignalHealthState = 'down';
  private lastError: string | undefined;
  private totalMs = 0;
  private since: number | undefined;

  constructor(private readonly now: () => number) {}

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
    return h;
  }

  private close(): void {
    if (this.since !== undefined) this.totalMs += Math.max(0, this.now() - this.since);
    this.since = undefined;
  }
}
