/**
 * The adapter port: what every platform adapter (Signal, WhatsApp, Telegram, simulator) implements.
 * Kept deliberately small: start, send, stop.
 */
import type { InboundMessage, OutboundMessage, Platform } from './messages.js';

/** Called by an adapter for each inbound message. Resolves once the message is durably recorded. */
export type InboundHandler = (message: InboundMessage) => Promise<void>;

export interface SendResult {
  /** The platform's id for the sent message, used to reply/thread later. */
  messageId?: string;
}

export interface AdapterPort {
  readonly platform: Platform;
  /** Connect and begin delivering inbound messages to `onMessage`. */
  start(onMessage: InboundHandler): Promise<void>;
  /** Send one message. Throws an {@link AdapterError} on failure. */
  send(message: OutboundMessage): Promise<SendResult>;
  /** Disconnect; no message is delivered after this resolves. */
  stop(): Promise<void>;
}

export type AdapterErrorCode =
  /** The platform asked us to slow down; retry after `retryAfterMs`. */
  | 'rate_limited'
  /** The platform (or its local server) could not be reached; retry later. */
  | 'unavailable'
  /** The platform refused the message (bad chat id, blocked, too large): retrying will not help. */
  | 'rejected'
  /** The adapter is not connected/started. */
  | 'not_started';

/**
 * The one error type adapters throw. `retryAfterMs` is set when the platform said how long to wait.
 * Messages never carry message text or phone numbers.
 */
export class AdapterError extends Error {
  readonly code: AdapterErrorCode;
  readonly retryAfterMs: number | undefined;
  override readonly cause: unknown;

  constructor(code: AdapterErrorCode, message: string, opts: { retryAfterMs?: number; cause?: unknown } = {}) {
    super(message);
    this.name = 'AdapterError';
    this.code = code;
    this.retryAfterMs = opts.retryAfterMs;
    this.cause = opts.cause;
  }

  /** Whether sending again later may succeed. */
  get retryable(): boolean {
    return this.code !== 'rejected';
  }
}
