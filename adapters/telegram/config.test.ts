import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES, parseTelegramConfig } from './config.js';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const SECRET = 'a'.repeat(16) + 'B_-9'.repeat(4);

describe('parseTelegramConfig', () => {
  it('applies defaults: polling, /telegram/webhook, api.telegram.org, 20 MB', () => {
    expect(parseTelegramConfig({ token: TOKEN })).toEqual({
      ok: true,
      config: {
        enabled: true,
        token: TOKEN,
        mode: 'polling',
        webhookPath: '/telegram/webhook',
        apiRoot: 'https://api.telegram.org',
        maxFileBytes: DEFAULT_MAX_FILE_BYTES,
      },
    });
  });

  it('takes the token and secret from the environment when the file leaves them out', () => {
    const r = parseTelegramConfig({ mode: 'webhook' }, { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET });
    expect(r.ok && r.config.token).toBe(TOKEN);
    expect(r.ok && r.config.secretToken).toBe(SECRET);
  });

  it('refuses webhook mode without a secret of at least 32 characters', () => {
    const expected = 'platforms.telegram.secretToken: webhook mode needs a secret token of at least 32 characters';
    for (const secretToken of [undefined, 'short', 'x'.repeat(31), `${'x'.repeat(32)}!`]) {
      const r = parseTelegramConfig({ token: TOKEN, mode: 'webhook', ...(secretToken !== undefined ? { secretToken } : {}) });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.errors).toHaveLength(1);
        expect(r.errors[0]).toContain(expected);
        if (secretToken) expect(r.errors[0]).not.toContain(secretToken);
      }
    }
    expect(parseTelegramConfig({ token: TOKEN, mode: 'webhook', secretToken: 'x'.repeat(32) }).ok).toBe(true);
  });

  it('a secret is not needed for polling', () => {
    expect(parseTelegramConfig({ token: TOKEN, mode: 'polling' }).ok).toBe(true);
  });

  it('reports every problem at once, without repeating the token', () => {
    const r = parseTelegramConfig({ token: 'not a token', mode: 'hook', maxFileBytes: -1, webhookPath: 'no-slash', secret_token: 'x' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        'platforms.telegram.mode: expected "polling" or "webhook"',
        'platforms.telegram.maxFileBytes: expected a positive whole number of bytes',
        expect.stringContaining('platforms.telegram.webhookPath:'),
        'platforms.telegram.secret_token: unknown key',
      ]),
    );
    const bad = parseTelegramConfig({ token: 'not a token' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors).toEqual(['platforms.telegram.token: expected the bot token from BotFather, like 123456789:AA…']);
      expect(bad.errors.join()).not.toContain('not a token');
    }
  });

  it('requires a token when enabled; a missing section or enabled: false needs none', () => {
    expect(parseTelegramConfig({})).toEqual({ ok: false, errors: ['platforms.telegram.token: required (or set TELEGRAM_BOT_TOKEN)'] });
    const off = parseTelegramConfig(undefined);
    expect(off.ok && off.config.enabled).toBe(false);
    expect(parseTelegramConfig({ enabled: false }).ok).toBe(true);
  });

  it('strips trailing slashes from apiRoot (grammY refuses them) and @ from botUsername', () => {
    const r = parseTelegramConfig({ token: TOKEN, apiRoot: 'http://127.0.0.1:8081/', botUsername: '@CentinelaBot' });
    expect(r.ok && r.config.apiRoot).toBe('http://127.0.0.1:8081');
    expect(r.ok && r.config.botUsername).toBe('CentinelaBot');
    expect(parseTelegramConfig({ token: TOKEN, apiRoot: 'ftp://x' }).ok).toBe(false);
  });
});
