/**
 * signal-cli-rest-api failures -> AdapterError. The server answers `{"error": "..."}` with 400
 * for nearly everything (validation and signal-cli's own failures, whose raw text often names
 * phone numbers), 429 with challenge tokens for rate limits in json-rpc mode, and a 400 with
 * "CAPTCHA proof required" for the same in normal/native mode.
 *
 * Our messages are fixed sentences chosen by category: they never repeat the server's text,
 * which may contain numbers or message content. `cause` carries the status and, for rate
 * limits, the challenge tokens an admin needs to lift the limit.
 */
import { AdapterError } from '../../bot/port.js';

/** Used when a rate limit says nothing about how long to wait. */
export const DEFAULT_RETRY_AFTER_MS = 60_000;

const CAPTCHA_HINT =
  'an admin may need to solve a captcha (https://signalcaptchas.org/challenge/generate.html) and submit it with ' +
  'POST /v1/accounts/{number}/rate-limit-challenge';

/** What an AdapterError's `cause` holds for an HTTP failure. */
export interface SignalHttpFailure {
  status: number;
  /** Rate-limit challenge tokens from the server, for the admin's captcha. */
  challengeTokens?: string[];
}

/** Header access as on a fetch `Response`. */
export interface HeaderBag {
  get(name: string): string | null;
}

function parseErrorBody(text: string): { error?: string; challengeTokens?: string[] } {
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object') {
      const o = body as Record<string, unknown>;
      const out: { error?: string; challengeTokens?: string[] } = {};
      if (typeof o['error'] === 'string') out.error = o['error'];
      const tokens = o['challenge_tokens'];
      if (Array.isArray(tokens)) out.challengeTokens = tokens.filter((t): t is string => typeof t === 'string');
      return out;
    }
  } catch {
    // Not JSON (e.g. gorilla's "Bad Request\n{...}" or a proxy's HTML page): use the raw text.
  }
  return { error: text };
}

/** `Retry-After` as seconds or an HTTP date, in ms; undefined when absent or unusable. */
export function retryAfterFromHeader(value: string | null, nowMs: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** signal-cli's `or wait "86400" seconds` / `retryAfterSeconds` in an error text, in ms. */
function retryAfterFromText(text: string): number | undefined {
  const m = /wait\s+\\?"?(\d+)\\?"?\s+seconds/i.exec(text) ?? /retryAfterSeconds\\?"?\s*:\s*(\d+)/.exec(text);
  return m?.[1] !== undefined ? Number(m[1]) * 1000 : undefined;
}

function tokensFromText(text: string): string[] {
  return [...text.matchAll(/challenge token \\?"([0-9a-f-]{8,})\\?"/gi)].map((m) => m[1]!).filter((t) => t !== '');
}

const RATE_LIMIT_TEXT = /CAPTCHA proof required|rate limit|RATE_LIMIT_FAILURE|PROOF_REQUIRED/i;

/** Rejections we can name; the first match wins. Patterns match signal-cli and REST server texts. */
const REJECTIONS: [RegExp, string][] = [
  [
    /untrusted identit|untrusted recipient keys|IDENTITY_FAILURE/i,
    "the recipient's safety number changed; trust the new identity on the Signal server (or set JSON_RPC_TRUST_NEW_IDENTITIES)",
  ],
  [
    /Number not registered with JSON-RPC|Specified account does not exist|User \S+ is not registered/i,
    'the configured bot number is not an account on this signal-cli-rest-api server',
  ],
  [/Unregistered user|UNREGISTERED_FAILURE|not registered/i, 'the recipient is not (or no longer) registered on Signal'],
  [/Invalid group id|Invalid Signal group size|Invalid identifier|Group not found/i, 'invalid or unknown Signal group id'],
  [/more than one group|cannot be specified together/i, 'one recipient per send (one group, or one person)'],
  [/first update your profile/i, 'the bot account needs a profile name before it can send to groups (PUT /v1/profiles/{number})'],
  [/please provide|invalid request|Invalid recipient/i, 'the request was malformed'],
];

/**
 * Maps an HTTP error response to an AdapterError.
 * @example httpError(429, '{"error":"...","challenge_tokens":["t"]}', res.headers) // rate_limited, 60 s
 */
export function httpError(status: number, bodyText: string, headers?: HeaderBag, nowMs?: number): AdapterError {
  const body = parseErrorBody(bodyText);
  const text = body.error ?? '';
  const headerRetry = retryAfterFromHeader(headers?.get('retry-after') ?? null, nowMs);

  if (status === 429 || (status === 400 && RATE_LIMIT_TEXT.test(text))) {
    const challengeTokens = body.challengeTokens ?? tokensFromText(text);
    const retryAfterMs = headerRetry ?? retryAfterFromText(text) ?? DEFAULT_RETRY_AFTER_MS;
    const captcha = challengeTokens.length > 0 || /captcha|challenge/i.test(text);
    const message = captcha ? `Signal rate limit (HTTP ${status}); ${CAPTCHA_HINT}` : `Signal rate limit (HTTP ${status})`;
    const cause: SignalHttpFailure = { status, challengeTokens };
    return new AdapterError('rate_limited', message, { retryAfterMs, cause });
  }
  const cause: SignalHttpFailure = { status };
  if (status >= 500 || status === 408 || /process killed as timeout reached/i.test(text)) {
    const opts = headerRetry === undefined ? { cause } : { cause, retryAfterMs: headerRetry };
    return new AdapterError('unavailable', `signal-cli-rest-api failed (HTTP ${status})`, opts);
  }
  if (status === 404) return new AdapterError('rejected', 'signal-cli-rest-api: not found (HTTP 404)', { cause });
  for (const [pattern, reason] of REJECTIONS) {
    if (pattern.test(text)) return new AdapterError('rejected', `Signal refused: ${reason} (HTTP ${status})`, { cause });
  }
  return new AdapterError('rejected', `signal-cli-rest-api refused the request (HTTP ${status})`, { cause });
}

function errorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Maps a thrown fetch/WebSocket error (connection refused, DNS, timeout) to `unavailable`.
 * AdapterErrors pass through unchanged.
 */
export function networkError(err: unknown): AdapterError {
  if (err instanceof AdapterError) return err;
  const name = err instanceof Error ? err.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new AdapterError('unavailable', 'signal-cli-rest-api did not answer in time', { cause: { name } });
  }
  const code = errorCode(err);
  const what = code && /^[A-Z_]+$/.test(code) ? ` (${code})` : '';
  return new AdapterError('unavailable', `signal-cli-rest-api is unreachable${what}`, { cause: { name, code } });
}

/**
 * Maps a per-recipient failure from a successful `/v2/send` (the newer array response) to an
 * AdapterError. Reasons are signal-cli's SendMessageResult types.
 */
export function recipientFailure(reason: string): AdapterError {
  switch (reason) {
    case 'RATE_LIMIT_FAILURE':
      return new AdapterError('rate_limited', 'Signal rate limit for this recipient', { retryAfterMs: DEFAULT_RETRY_AFTER_MS });
    case 'PROOF_REQUIRED_FAILURE':
      return new AdapterError('rate_limited', `Signal rate limit; ${CAPTCHA_HINT}`, { retryAfterMs: DEFAULT_RETRY_AFTER_MS });
    case 'NETWORK_FAILURE':
      return new AdapterError('unavailable', 'Signal servers could not be reached by signal-cli');
    case 'UNREGISTERED_FAILURE':
      return new AdapterError('rejected', 'Signal refused: the recipient is not (or no longer) registered on Signal');
    case 'IDENTITY_FAILURE':
      return new AdapterError(
        'rejected',
        "Signal refused: the recipient's safety number changed; trust the new identity on the Signal server",
      );
    default:
      return new AdapterError('rejected', 'Signal refused the message for this recipient');
  }
}

/**
 * Words that signal-cli and signal-cli-rest-api use in their error texts, and nothing that could
 * be a name: the only words `redact` lets through.
 */
const SAFE_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or not no of to for from with without by in on at as is are was be been has have had ' +
    'this that it its there some all any one more than too many after before while during again later ' +
    'failed failure fail error errors exception unknown unexpected invalid illegal missing unsupported ' +
    'send sending sent receive receiving received message messages envelope envelopes request requests ' +
    'response reply timeout timed out reached process killed closed close connection connect refused reset ' +
    'network server internal bad service unavailable lock locked database storage config file data ' +
    'account accounts number user users recipient recipients group groups device devices profile contact ' +
    'registered unregistered registration linked link identity identities untrusted trusted trust keys key ' +
    'safety session sessions rate limit limiting limited captcha proof required challenge token tokens ' +
    'wait seconds retry retrying attachment attachments sticker stickers id ids size found exist exists ' +
    'does did could couldn can cannot please provide least update updated first specified use used using ' +
    'websocket json rpc jsonrpc protocol client daemon signal signal-cli api rest mode normal native ' +
    'authorization unauthorized forbidden permission denied expired decrypt decryption encrypt encrypted ' +
    'null end stream input output io socket http https push recaptcha options available'
  ).split(' '),
);

/** A stable code: `RATE_LIMIT_FAILURE`, `PUSH_CHALLENGE` (safe words in capitals, joined by underscores). */
const CODE = /^[A-Z]+(?:_[A-Z]+)+$/;
/** errno codes and Java exception class names, which never hold a person's name. */
const ERRNO = /^E(?:CONNREFUSED|CONNRESET|CONNABORTED|HOSTUNREACH|NETUNREACH|TIMEDOUT|PIPE|NOTFOUND|AI_AGAIN|ADDRINUSE)$/;
const EXCEPTION = /^(?:[a-z][a-z0-9]*\.)*([A-Z][A-Za-z]*(?:Exception|Error))$/;
/** A word: anything between spaces and the few marks that only shape a sentence (so an emoji or a symbol is a word too). */
const WORD = /[^\s"(),;!?[\]{}<>`]+/gu;

/** One word of an error text as it may be logged, or undefined when it is not known to be safe. */
function safeWord(word: string): string | undefined {
  const core = word.replace(/^[.'’:/-]+|[.'’:/-]+$/g, '');
  if (core === '' || SAFE_WORDS.has(core.toLowerCase()) || ERRNO.test(core)) return word;
  if (CODE.test(core) && core.split('_').every((part) => SAFE_WORDS.has(part.toLowerCase()))) return word;
  const exception = EXCEPTION.exec(core)?.[1];
  return exception === undefined ? undefined : word.replace(core, exception);
}

/**
 * Makes a server or daemon error text safe to log, by allow-list, as the logs themselves are
 * built: only words signal-cli uses in its errors and stable codes (`RATE_LIMIT_FAILURE`,
 * `ECONNREFUSED`, `UntrustedIdentityException`) are kept; every other word (a name, a number in
 * any format, a username, a UUID, quoted text) becomes `…`, and runs of them one `…`. Cut to
 * 200 characters.
 * @example redact('Untrusted Identity for "+32987654321" (Maria Gomez)') // 'Untrusted Identity for "…" (…)'
 */
export function redact(text: string): string {
  const kept = text.replace(WORD, (word) => safeWord(word) ?? '\u2026');
  return kept
    .replace(/\s+/g, ' ')
    .replace(/\u2026(?:[\s,;:.+-]*\u2026)+/gu, '\u2026')
    .trim()
    .slice(0, 200);
}
