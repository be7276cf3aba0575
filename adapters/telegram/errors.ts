/**
 * grammY errors → {@link AdapterError}. grammY already separates "Telegram refused"
 * (`GrammyError`, with the API's `error_code`, `description` and `parameters`) from "the request
 * failed" (`HttpError`); we keep that split:
 *
 * | grammY                                   | AdapterError                                   |
 * |------------------------------------------|------------------------------------------------|
 * | 429 Too Many Requests + retry_after       | `rate_limited`, `retryAfterMs = retry_after*1000` |
 * | 400 (chat not found, text empty, …), 403  | `rejected` (blocked, kicked, no rights)        |
 * | 401/404 (bad token), 5xx, 409             | `unavailable` (fix the token, or retry later)  |
 * | HttpError (network, timeout)             | `unavailable`                                  |
 * | 400 + parameters.migrate_to_chat_id      | {@link migrationTarget}: the adapter follows it |
 *
 * Messages carry the method, code and Telegram's description only. The `cause` is a plain
 * summary, never grammY's error, whose `payload` holds the message text and chat id.
 */
import { GrammyError, HttpError } from 'grammy';
import { AdapterError } from '../../bot/port.js';

/** What `cause` holds on errors from this module. */
export interface TelegramErrorSummary {
  name: 'GrammyError' | 'HttpError' | 'Error';
  method: string;
  error_code?: number;
  description?: string;
}

const MAX_DESCRIPTION = 200;

/** Translates an error from a Bot API call (`method`, e.g. `sendMessage`). */
export function toAdapterError(err: unknown, method: string): AdapterError {
  if (err instanceof AdapterError) return err;
  if (err instanceof GrammyError) {
    const called = err.method || method;
    const description = clean(err.description);
    const cause: TelegramErrorSummary = { name: 'GrammyError', method: called, error_code: err.error_code, description };
    const msg = `telegram ${called} failed: ${err.error_code} ${description}`;
    const retryAfter = err.parameters?.retry_after;
    if (err.error_code === 429) {
      return new AdapterError('rate_limited', msg, retryAfter !== undefined ? { retryAfterMs: retryAfter * 1000, cause } : { cause });
    }
    if (err.error_code === 400 || err.error_code === 403 || err.error_code === 413) return new AdapterError('rejected', msg, { cause });
    return new AdapterError('unavailable', msg, { cause });
  }
  if (err instanceof HttpError) {
    return new AdapterError('unavailable', `telegram ${method} could not reach the Bot API`, { cause: { name: 'HttpError', method } });
  }
  const name = err instanceof Error ? err.name : 'Error';
  return new AdapterError('unavailable', `telegram ${method} failed (${clean(name)})`, { cause: { name: 'Error', method } });
}

/**
 * The new chat id when Telegram refused a call because the group became a supergroup
 * (400 "group chat was upgraded to a supergroup chat", `parameters.migrate_to_chat_id`).
 */
export function migrationTarget(err: unknown): string | undefined {
  if (!(err instanceof GrammyError)) return undefined;
  const to = err.parameters?.migrate_to_chat_id;
  return to !== undefined ? String(to) : undefined;
}

/** Whether getFile refused because the file is over the Bot API's download limit. */
export function isFileTooBig(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && /file is too big/i.test(err.description);
}

/** Telegram's descriptions are fixed phrases; still, keep them short and on one line. */
function clean(s: string): string {
  return s.replace(/\s+/g, ' ').slice(0, MAX_DESCRIPTION);
}
