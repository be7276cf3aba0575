/**
 * Who wants to know how each outbox send ended (metrics: sends by result, time from a
 * confirmation to its alert being delivered). The dispatcher calls it after each attempt; an
 * observer must be quick and must not throw (it runs between a send and its record).
 */
import type { Platform } from '../messages.js';

/** How one send attempt ended: sent, to be retried, or given up (dead). */
export type SendOutcome = 'sent' | 'retry' | 'dead';

export interface SendAttempt {
  /** Outbox row id. */
  id: number;
  platform: Platform;
  outcome: SendOutcome;
  /** On a sent row: a direct chat (a reply to a person) or a group. */
  chatKind?: 'direct' | 'group';
  /** The AdapterError code when it failed (`rate_limited`, `unavailable`, ...). */
  code?: string;
  /** When the attempt ended (the dispatcher's clock). */
  at: number;
}

export interface SendObserver {
  attempted(attempt: SendAttempt): void;
}

/** Calls the observer, and keeps a faulty one from breaking a send. */
export function tell(observer: SendObserver | undefined, attempt: SendAttempt): void {
  try {
    observer?.attempted(attempt);
  } catch {
    // Metrics are never worth a lost send.
  }
}
