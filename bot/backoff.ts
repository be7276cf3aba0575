/**
 * The one backoff rule, for everything that waits before trying again: outbox sends, platform
 * reconnects, receive polls, handing a message to the runtime. Pure: randomness comes in.
 */
export interface BackoffPolicy {
  /** The wait before the first retry. */
  baseMs: number;
  /** No wait is longer than this (before jitter). */
  maxMs: number;
  /** Total spread as a fraction: 0.2 makes each wait 90–110 % of the plain one. Default 0. */
  jitter?: number;
}

/**
 * The wait before retry number `attempt` (1 for the first): baseMs doubling each time, capped at
 * maxMs, spread by the jitter. 0 for attempt 0 or less (retry at once).
 * @example backoffDelay(3, { baseMs: 100, maxMs: 30_000 }) === 400
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  if (attempt <= 0) return 0;
  const plain = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt - 1, 40));
  return policy.jitter ? Math.round(plain * (1 + (random() - 0.5) * policy.jitter)) : plain;
}
