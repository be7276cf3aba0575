import { describe, expect, it } from 'vitest';
import { AdapterError } from '../../bot/port.js';
import { DEFAULT_RETRY_AFTER_MS, httpError, networkError, recipientFailure, redact, retryAfterFromHeader } from './errors.js';

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n.toLowerCase()] ?? null });

// Real error bodies (see shared/reference/notes/signal.md §4).
const RATE_429 = JSON.stringify({
  error:
    "Failed to send message due to rate limiting. Use the attached challenge tokens to lift the rate limit restrictions via the '/v1/accounts/{number}/rate-limit-challenge' endpoint.",
  challenge_tokens: ['26ccfae6-4fc1-4df0-a27c-084a8191704c'],
  account: '+15550100',
});
const CAPTCHA_400 = JSON.stringify({
  error:
    'Failed to send (some) messages:\n+19291043005: CAPTCHA proof required for sending to "+19291043005", available options "RECAPTCHA, PUSH_CHALLENGE" with challenge token "26ccfae6-4fc1-4df0-a27c-084a8191704c", or wait "86400" seconds.\nTo get the captcha token, go to https://signalcaptchas.org/challenge/generate.html\nFailed to send message due to rate limiting\n',
});
const UNTRUSTED_400 = JSON.stringify({
  error: 'Failed to send message: 1610795206942\nFailed to send (some) messages:\nUntrusted Identity for "+32987654321"\n\n',
});

function noSecrets(e: AdapterError): void {
  expect(e.message).not.toMatch(/\+\d{6,}/);
  expect(e.message).not.toContain('26ccfae6');
}

describe('httpError', () => {
  it('429 with challenge tokens is a rate limit with a default wait and a captcha hint', () => {
    const e = httpError(429, RATE_429);
    expect(e.code).toBe('rate_limited');
    expect(e.retryable).toBe(true);
    expect(e.retryAfterMs).toBe(DEFAULT_RETRY_AFTER_MS);
    expect(e.message).toContain('captcha');
    expect(e.cause).toEqual({ status: 429, challengeTokens: ['26ccfae6-4fc1-4df0-a27c-084a8191704c'] });
    noSecrets(e);
  });

  it('429 honours Retry-After (seconds or date)', () => {
    expect(httpError(429, RATE_429, headers({ 'retry-after': '7' })).retryAfterMs).toBe(7000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(httpError(429, '{}', headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }), now).retryAfterMs).toBe(30_000);
  });

  it('400 "CAPTCHA proof required" (normal mode) is a rate limit with the wait from the text', () => {
    const e = httpError(400, CAPTCHA_400);
    expect(e.code).toBe('rate_limited');
    expect(e.retryAfterMs).toBe(86_400_000);
    expect(e.message).toContain('captcha');
    expect((e.cause as { challengeTokens: string[] }).challengeTokens).toEqual(['26ccfae6-4fc1-4df0-a27c-084a8191704c']);
    noSecrets(e);
  });

  it('other 400s are rejections named by category, never with the server text', () => {
    const untrusted = httpError(400, UNTRUSTED_400);
    expect(untrusted.code).toBe('rejected');
    expect(untrusted.message).toContain('safety number');
    noSecrets(untrusted);
    const cases: [string, string][] = [
      ['Invalid Signal group size (12', 'group id'],
      ['A signal message cannot be sent to more than one group at once! Please use multiple REST API calls for that.', 'one recipient'],
      ['Cannot send message to group - please first update your profile.', 'profile name'],
      ["Couldn't process request - please provide at least one recipient", 'malformed'],
      ['User +15550100 is not registered.\n', 'bot number'],
      ['Failed to send (some) messages:\nUnregistered user "+15550123"', 'not (or no longer) registered'],
      ['something new', 'refused the request'],
    ];
    for (const [text, expected] of cases) {
      const e = httpError(400, JSON.stringify({ error: text }));
      expect(e.code, text).toBe('rejected');
      expect(e.message, text).toContain(expected);
      noSecrets(e);
    }
  });

  it('5xx, timeouts and non-JSON bodies', () => {
    expect(httpError(500, 'oops').code).toBe('unavailable');
    expect(httpError(502, '<html>').code).toBe('unavailable');
    expect(httpError(400, '{"error":"process killed as timeout reached"}').code).toBe('unavailable');
    expect(httpError(404, '{"error":"No attachment with that name found"}').code).toBe('rejected');
    expect(httpError(400, 'Bad Request\n{"error":"websocket: the client is not using the websocket protocol"}').code).toBe('rejected');
  });
});

describe('networkError', () => {
  it('connection refused and timeouts are unavailable', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
    });
    const e = networkError(refused);
    expect(e.code).toBe('unavailable');
    expect(e.message).toBe('signal-cli-rest-api is unreachable (ECONNREFUSED)');
    expect(networkError(new DOMException('timed out', 'TimeoutError')).code).toBe('unavailable');
    const passthrough = new AdapterError('rejected', 'x');
    expect(networkError(passthrough)).toBe(passthrough);
  });
});

describe('recipientFailure and redact', () => {
  it('maps signal-cli result types', () => {
    expect(recipientFailure('IDENTITY_FAILURE').code).toBe('rejected');
    expect(recipientFailure('NETWORK_FAILURE').code).toBe('unavailable');
    expect(recipientFailure('PROOF_REQUIRED_FAILURE').retryAfterMs).toBe(DEFAULT_RETRY_AFTER_MS);
  });

  it('redacts numbers, UUIDs and quoted text from logged server errors', () => {
    const r = redact('Untrusted Identity for "+32987654321" from 2f1e6c3a-8b4d-4e2f-9a61-7c5d3b2e1f04 and +15550123');
    expect(r).toBe('Untrusted Identity for "…" from … and …');
    expect(retryAfterFromHeader(null)).toBeUndefined();
  });

  it('keeps only known words and codes: names, numbers in any format, usernames and UUIDs all go', () => {
    const cases: [string, string][] = [
      [
        'Failed to send message to Maria Gomez (555) 123-4567: UNREGISTERED_FAILURE',
        'Failed to send message to … (…) … UNREGISTERED_FAILURE',
      ],
      [
        'User @maria_g92 is not registered. org.asamk.signal.manager.api.UnregisteredRecipientException',
        'User … is not registered. UnregisteredRecipientException',
      ],
      [
        'Failed to receive: connect ECONNREFUSED 127.0.0.1:8080 for +1 555 010 0100 and ana.ruiz@example.com',
        'Failed to receive: connect ECONNREFUSED … for … and …',
      ],
      ['Untrusted Identity for JOSE_GARCIA and josé garcía, RATE_LIMIT_FAILURE', 'Untrusted Identity for … and …, RATE_LIMIT_FAILURE'],
      ['Invalid group id: mHN1kiXgMXpKz5Ah2l110NLQHzIrYaFuC3c3mzpSoaE= (Vecinos de Soto)', 'Invalid group id: … (…)'],
      [
        'Failed to send (some) messages: PROOF_REQUIRED_FAILURE, NETWORK_FAILURE',
        'Failed to send (some) messages: PROOF_REQUIRED_FAILURE, NETWORK_FAILURE',
      ],
      ['Group not found: Vecinos🌹 de Soto ✨', 'Group not found: …'],
    ];
    for (const [raw, logged] of cases) expect(redact(raw), raw).toBe(logged);
    const long = redact(CAPTCHA_400);
    expect(long).not.toMatch(/\d{3}/);
    expect(long).not.toContain('26ccfae6');
    expect(long).toContain('CAPTCHA proof required');
  });
});
