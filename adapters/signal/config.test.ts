import { describe, expect, it } from 'vitest';
import { parseSignalConfig, SIGNAL_DEFAULTS } from './config.js';

describe('parseSignalConfig', () => {
  it('fills in defaults', () => {
    const r = parseSignalConfig({ url: 'http://signal-api:8080', number: '+15550100' });
    expect(r).toEqual({
      ok: true,
      config: {
        enabled: true,
        url: 'http://signal-api:8080',
        number: '+15550100',
        receive: 'poll',
        pollIntervalMs: 0,
        pollTimeoutSeconds: 1,
        pollMaxMessages: 1,
        maxAttachmentBytes: 20 * 1024 * 1024,
        reconnect: { initialMs: 100, maxMs: 30_000 },
      },
    });
    expect(SIGNAL_DEFAULTS.receive).toBe('poll');
  });

  it('accepts websocket mode and overrides', () => {
    const r = parseSignalConfig({
      enabled: false,
      url: 'https://signal.example.org/api/',
      number: '+5215512345678',
      receive: 'websocket',
      pollIntervalMs: 250,
      pollTimeoutSeconds: 2,
      pollMaxMessages: 5,
      maxAttachmentBytes: 1024,
      reconnect: { initialMs: 50 },
    });
    expect(r.ok && r.config).toMatchObject({
      enabled: false,
      receive: 'websocket',
      pollIntervalMs: 250,
      pollTimeoutSeconds: 2,
      pollMaxMessages: 5,
      reconnect: { initialMs: 50, maxMs: 30_000 },
    });
  });

  it('reports every problem with its path, without echoing values', () => {
    const r = parseSignalConfig({
      url: 'ftp://x',
      number: '7775551234',
      receive: 'socket',
      pollIntervalMs: -1,
      pollTimeoutSeconds: 0,
      pollMaxMessages: 1000,
      recieve: 'poll',
    });
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors).toContain('platforms.signal.url: expected an http(s) URL, e.g. http://signal-api:8080');
    expect(errors.some((e) => e.startsWith('platforms.signal.number: expected'))).toBe(true);
    expect(errors.some((e) => e.startsWith('platforms.signal.receive: expected "poll"'))).toBe(true);
    expect(errors.some((e) => e.startsWith('platforms.signal.pollIntervalMs: expected a number of milliseconds, 0 or more'))).toBe(true);
    expect(errors).toContain('platforms.signal.pollTimeoutSeconds: expected a whole number of seconds from 1 to 30, e.g. 1');
    expect(errors).toContain('platforms.signal.pollMaxMessages: expected a whole number from 1 to 100, e.g. 1');
    expect(errors).toContain('platforms.signal.recieve: unknown key');
    expect(errors.join('\n')).not.toContain('7775551234');
  });

  it('says "required" for missing keys and rejects a non-section', () => {
    const r = parseSignalConfig({});
    expect(r.ok ? [] : r.errors).toEqual(['platforms.signal.url: required', 'platforms.signal.number: required']);
    const s = parseSignalConfig('yes');
    expect(s.ok ? [] : s.errors).toEqual(['platforms.signal: expected a section with url, number and receive']);
    const m = parseSignalConfig({ url: 'http://x', number: '+15550100', reconnect: { initialMs: 500, maxMs: 100 } });
    expect(m.ok ? [] : m.errors).toEqual(['platforms.signal.reconnect.maxMs: maxMs must not be smaller than initialMs']);
  });
});
