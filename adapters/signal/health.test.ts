/**
 * What the Signal adapter reports when it is sick, named so that an alert can say what to do:
 * server unreachable, account unregistered, a captcha on sends, a server too old.
 */
import { describe, expect, it } from 'vitest';
import { signalStatus } from '../../app/channel-status.js';
import { AdapterError } from '../../bot/port.js';
import { httpError, networkError } from './errors.js';
import { HealthTracker } from './health.js';
import { modeProblem } from './receiver.js';
import { versionProblem } from './server-version.js';

function tracker(): HealthTracker {
  const t = new HealthTracker(() => 1_000);
  t.begin();
  return t;
}

describe('Signal health problems', () => {
  it('server unreachable: down, with the command that starts it', () => {
    const t = tracker();
    t.down('down', networkError(Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } })).message);
    expect(t.snapshot()).toMatchObject({
      state: 'down',
      problem: 'unreachable',
      action: expect.stringContaining('docker compose up -d signal'),
    });
    expect(signalStatus(t.snapshot())).toMatchObject({ condition: 'down', problem: 'unreachable' });
    t.up();
    expect(t.snapshot().problem).toBeUndefined();
    expect(signalStatus(t.snapshot())).toEqual({ platform: 'signal', condition: 'up' });
  });

  it('account not on the server (unregistered or unlinked): down, link it again', () => {
    const t = tracker();
    t.down(
      'misconfigured',
      'platforms.signal.number is not an account on this signal-cli-rest-api server; link it (centinela signal link) or register it there first',
    );
    expect(t.snapshot()).toMatchObject({ problem: 'unregistered', action: expect.stringContaining('centinela signal link') });
    // The same, as a poll in normal mode reports it.
    const polled = tracker();
    polled.down('misconfigured', httpError(400, '{"error":"User +15550100 is not registered."}').message);
    expect(polled.snapshot().problem).toBe('unregistered');
  });

  it('a captcha on sends: receiving works, so the channel is degraded until a send works again', () => {
    const t = tracker();
    t.up();
    t.sent(httpError(429, JSON.stringify({ error: 'Failed to send message due to rate limiting.', challenge_tokens: ['0b9d3f6e-1c1a'] })));
    expect(t.snapshot()).toMatchObject({ state: 'up', problem: 'captcha', action: expect.stringContaining('rate-limit-challenge') });
    expect(signalStatus(t.snapshot())).toMatchObject({ condition: 'degraded', problem: 'captcha' });
    // A failure about one recipient does not clear it, nor replace it.
    t.sent(new AdapterError('rejected', 'Signal refused: the recipient is not (or no longer) registered on Signal (HTTP 400)'));
    expect(t.snapshot().problem).toBe('captcha');
    t.sent();
    expect(t.snapshot().problem).toBeUndefined();
    // A rate limit without a captcha: degraded too, nothing to run.
    t.sent(httpError(429, '{"error":"rate limit"}'));
    expect(signalStatus(t.snapshot())).toMatchObject({ condition: 'degraded', problem: 'rate_limited' });
  });

  it('a server too old or in the wrong mode: down, misconfigured, with what to change', () => {
    const t = tracker();
    t.down('misconfigured', versionProblem('0.80')!);
    expect(signalStatus(t.snapshot())).toMatchObject({
      condition: 'down',
      problem: 'version_too_old',
      action: expect.stringContaining('upgrade signal-cli-rest-api'),
    });
    t.down('misconfigured', modeProblem('normal', 'websocket')!);
    expect(signalStatus(t.snapshot())).toMatchObject({ condition: 'down', problem: 'misconfigured' });
  });

  it('still connecting: down, starting', () => {
    expect(signalStatus(tracker().snapshot())).toEqual({ platform: 'signal', condition: 'down', problem: 'starting' });
  });
});

describe('versionProblem', () => {
  it('refuses releases before 0.85 (they cannot send to account UUIDs), accepts later ones and builds without a number', () => {
    expect(versionProblem('0.84')).toMatch(/0\.84 is too old; Centinela needs 0\.85/);
    expect(versionProblem('0.9')).toMatch(/too old/);
    for (const ok of ['0.85', '0.100', '0.92.1', 'v1.0', 'unknown', '', undefined]) expect(versionProblem(ok), String(ok)).toBeUndefined();
  });
});
