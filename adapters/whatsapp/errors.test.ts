import { describe, expect, it } from 'vitest';
import { AdapterError } from '../../bot/port.js';
import { boom, disconnects, rateOverlimit } from '../../tests/fakes/whatsapp/boom.js';
import { backoffMs, disconnectAction, RECONNECT_MAX_MS, toAdapterError } from './errors.js';

describe('toAdapterError', () => {
  it('rate-overlimit → rate_limited with our pause as retry-after', () => {
    const e = toAdapterError(rateOverlimit(), 'sendMessage', 300_000);
    expect(e.code).toBe('rate_limited');
    expect(e.retryAfterMs).toBe(300_000);
    expect(e.retryable).toBe(true);
  });

  it('refusals → rejected; connection trouble → unavailable', () => {
    expect(toAdapterError(boom('not-authorized', 500, 401), 'sendMessage', 1).code).toBe('rejected');
    expect(toAdapterError(boom('item-not-found', 500, 404), 'sendMessage', 1).code).toBe('rejected');
    expect(toAdapterError(disconnects.connectionClosed(), 'sendMessage', 1).code).toBe('unavailable');
    expect(toAdapterError(boom('Timed Out', 408), 'sendMessage', 1).code).toBe('unavailable');
    expect(toAdapterError('weird', 'sendMessage', 1).code).toBe('unavailable');
  });

  it('keeps JIDs, numbers and message content out of the message and the cause', () => {
    const err = boom('error in sending to 15551230001@s.whatsapp.net: +1 555 123 0001', 500, { message: { conversation: 'secret tip' } });
    const e = toAdapterError(err, 'sendMessage', 1);
    expect(e).toBeInstanceOf(AdapterError);
    const shown = `${e.message} ${JSON.stringify(e.cause)}`;
    for (const s of ['15551230001', '555 123', 'secret tip']) expect(shown).not.toContain(s);
    expect(e.cause).toEqual({ name: 'Error', statusCode: 500 });
  });
});

describe('disconnectAction', () => {
  it.each([
    ['restartRequired', 'restart'],
    ['loggedOut', 'logged_out'],
    ['connectionReplaced', 'replaced'],
    ['forbidden', 'forbidden'],
    ['connectionClosed', 'reconnect'],
    ['connectionLost', 'reconnect'],
    ['badSession', 'reconnect'],
    ['unavailableService', 'reconnect'],
    ['staleVersion', 'reconnect'],
  ] as const)('%s → %s', (reason, kind) => {
    expect(disconnectAction(disconnects[reason](), 1, () => 0.5).kind).toBe(kind);
  });

  it('an error without a status (network) reconnects too', () => {
    expect(disconnectAction(new Error('ECONNRESET'), 1).kind).toBe('reconnect');
    expect(disconnectAction(undefined, 1).kind).toBe('reconnect');
  });

  it('backs off exponentially, capped, with jitter', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((a) => backoffMs(a, mid))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(backoffMs(30, mid)).toBe(RECONNECT_MAX_MS);
    expect(backoffMs(30, () => 1)).toBe(RECONNECT_MAX_MS * 1.2);
    expect(backoffMs(1, () => 0)).toBe(800);
  });
});
