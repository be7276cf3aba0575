/**
 * Baileys errors → {@link AdapterError}, and a closed connection → what to do next.
 *
 * Baileys throws `@hapi/boom` errors: `output.statusCode` says why a connection closed
 * (Baileys' `DisconnectReason`), and an error WhatsApp answered to a request carries its code in
 * `data` (e.g. `rate-overlimit` with data 429).
 *
 * | error                                       | AdapterError                                 |
 * |---------------------------------------------|----------------------------------------------|
 * | `rate-overlimit` (data 429)                 | `rate_limited`, retry after the pause        |
 * | 400/401/403/404/406 from WhatsApp (`data`)  | `rejected` (not in the group, no such chat…) |
 * | connection closed/lost, timeout, anything else | `unavailable` (retry later)               |
 *
 * Messages carry the code and Baileys' short reason (scrubbed of JIDs and numbers); the `cause`
 * is a plain summary, never the Boom error, whose `data` can hold the whole message.
 */
import { DisconnectReason } from '@whiskeysockets/baileys';
import { AdapterError } from '../../bot/port.js';
import { backoffDelay } from '../../bot/backoff.js';
import { scrub } from './logger.js';

/** What `cause` holds on errors from this module. */
export interface WhatsAppErrorSummary {
  name: string;
  statusCode?: number;
  data?: number;
}

const REJECTED = new Set([400, 401, 403, 404, 406]);

/** The HTTP-like status of a Boom error (why a connection closed), if any. */
export function statusCodeOf(err: unknown): number | undefined {
  const code = (err as { output?: { statusCode?: unknown } } | undefined)?.output?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** The code WhatsApp answered a request with (`data` of Baileys' Boom), if a number. */
function dataCodeOf(err: unknown): number | undefined {
  const data = (err as { data?: unknown } | undefined)?.data;
  return typeof data === 'number' ? data : undefined;
}

/** Whether WhatsApp said we are sending too much. */
export function isRateLimit(err: unknown): boolean {
  return dataCodeOf(err) === 429 || (err instanceof Error && /rate-overlimit/i.test(err.message));
}

/** Translates an error from a Baileys call (`what`, e.g. `sendMessage`); `pauseMs` is our pause after a rate limit. */
export function toAdapterError(err: unknown, what: string, pauseMs: number): AdapterError {
  if (err instanceof AdapterError) return err;
  const name = err instanceof Error ? err.name : 'Error';
  const statusCode = statusCodeOf(err);
  const data = dataCodeOf(err);
  const cause: WhatsAppErrorSummary = {
    name,
    ...(statusCode !== undefined ? { statusCode } : {}),
    ...(data !== undefined ? { data } : {}),
  };
  const reason = err instanceof Error ? scrub(err.message).slice(0, 120) : 'unknown';
  const msg = `whatsapp ${what} failed: ${data ?? statusCode ?? '-'} ${reason}`;
  if (isRateLimit(err)) return new AdapterError('rate_limited', msg, { retryAfterMs: pauseMs, cause });
  if (data !== undefined && REJECTED.has(data)) return new AdapterError('rejected', msg, { cause });
  return new AdapterError('unavailable', msg, { cause });
}

/** What to do after the connection closed. */
export type DisconnectAction =
  /** 515: normal right after linking; open a new socket now with the same session. */
  | { kind: 'restart' }
  /** 401: the device was unlinked; wipe the session and wait for a new link. */
  | { kind: 'logged_out' }
  /** 440: another socket (usually a second Centinela) took the session; stop, do not fight it. */
  | { kind: 'replaced' }
  /** 403: the account is restricted or banned; stop and tell a human. */
  | { kind: 'forbidden' }
  /** Anything else (network, timeouts, server trouble, 405 stale version): try again later. */
  | { kind: 'reconnect'; delayMs: number };

/** First and longest wait between reconnects. */
export const RECONNECT_BASE_MS = 1_000;
export const RECONNECT_MAX_MS = 120_000;

/**
 * The action for a connection that closed with `error`, on the `attempt`-th reconnect in a row
 * (1 for the first). `random` (0..1) spreads reconnects (±20 %).
 */
export function disconnectAction(error: unknown, attempt: number, random: () => number = Math.random): DisconnectAction {
  switch (statusCodeOf(error)) {
    case DisconnectReason.restartRequired:
      return { kind: 'restart' };
    case DisconnectReason.loggedOut:
      return { kind: 'logged_out' };
    case DisconnectReason.connectionReplaced:
      return { kind: 'replaced' };
    case DisconnectReason.forbidden:
      return { kind: 'forbidden' };
    default:
      return { kind: 'reconnect', delayMs: backoffMs(attempt, random) };
  }
}

/** Exponential backoff from {@link RECONNECT_BASE_MS}, capped at {@link RECONNECT_MAX_MS}, ±20 % jitter. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  return backoffDelay(Math.max(1, attempt), { baseMs: RECONNECT_BASE_MS, maxMs: RECONNECT_MAX_MS, jitter: 0.4 }, random);
}
