/**
 * The one retry policy for handing an inbound message to the runtime, the same on every platform.
 * The runtime records a message in one SQLite transaction, so a failure there is a passing store
 * problem (a busy or briefly full disk): the message is tried {@link HAND_OFF.attempts} times with
 * a short growing pause, then dropped with one error line. Where the platform itself delivers the
 * message again on failure (a Telegram webhook), the first failure is passed back instead.
 */
import { backoffDelay } from '../../bot/backoff.js';
import type { Logger } from '../../bot/logger.js';
import type { InboundMessage } from '../../bot/messages.js';
import type { InboundHandler } from '../../bot/port.js';

export const HAND_OFF = { attempts: 3, baseMs: 250, maxMs: 2_000 } as const;

export type HandOffResult = 'handled' | 'dropped' | 'stopped';

export interface HandOffOptions {
  log: Logger;
  /** False once the adapter is stopping: no further try is made. */
  accepting?: () => boolean;
  /** The platform redelivers on failure: throw the first failure instead of retrying here. */
  platformRedelivers?: boolean;
  sleep?: (ms: number) => Promise<void>;
}

/** Hands `msg` to `handler` under the policy above; logs the error class only, never the message. */
export async function handOff(msg: InboundMessage, handler: InboundHandler, o: HandOffOptions): Promise<HandOffResult> {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    if (o.accepting && !o.accepting()) return 'stopped';
    try {
      await handler(msg);
      return 'handled';
    } catch (err) {
      if (o.platformRedelivers) throw err;
      const name = err instanceof Error ? err.name : 'unknown';
      if (attempt >= HAND_OFF.attempts) {
        o.log.error({ platform: msg.platform, err: name, attempts: attempt }, 'message could not be recorded; dropped');
        return 'dropped';
      }
      o.log.warn({ platform: msg.platform, err: name, attempt }, 'message could not be recorded; retrying');
      await sleep(backoffDelay(attempt, HAND_OFF));
    }
  }
}
