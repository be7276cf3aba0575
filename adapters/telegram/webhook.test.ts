/**
 * Webhook mode through hono's `app.request()` (no server for the route itself); the fake Bot API
 * on 127.0.0.1 answers the adapter's own calls (setWebhook, answerCallbackQuery, getFile).
 *
 * The InboundHandler is the durable record (the runtime's one SQLite transaction): the request
 * waits for it and nothing else. If it takes longer than `webhookTimeoutMs` or fails, the answer
 * is 500 and Telegram delivers the update again; the runtime dedupes on the message id.
 */
import type { Update } from 'grammy/types';
import type { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../bot/messages.js';
import type { InboundHandler } from '../../bot/port.js';
import { FakeBotApi } from '../../tests/fakes/telegram/fake-bot-api.js';
import { IDS, fixture } from '../../tests/fakes/telegram/updates.js';
import { TelegramAdapter } from './adapter.js';
import { parseTelegramConfig } from './config.js';

const SECRET = 'Zq8-webhook_secret-0123456789abcdefXYZ';
const PATH = '/telegram/webhook';

describe('TelegramAdapter (webhook)', () => {
  let api: FakeBotApi;
  let adapter: TelegramAdapter;
  let app: Hono;
  let received: InboundMessage[];

  async function setup(handler?: InboundHandler, webhookTimeoutMs = 2_000): Promise<void> {
    const parsed = parseTelegramConfig(
      { token: api.token, apiRoot: api.apiRoot, mode: 'webhook', webhookUrl: 'https://bot.example.org/telegram/webhook' },
      { TELEGRAM_WEBHOOK_SECRET: SECRET },
    );
    if (!parsed.ok) throw new Error(parsed.errors.join());
    adapter = new TelegramAdapter({ config: parsed.config, botInfo: api.botInfo, webhookTimeoutMs });
    app = adapter.webhookRoutes();
    await adapter.start(handler ?? (async (m) => void received.push(m)));
  }

  function post(update: Update, secret?: string): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (secret !== undefined) headers['X-Telegram-Bot-Api-Secret-Token'] = secret;
    return Promise.resolve(app.request(PATH, { method: 'POST', headers, body: JSON.stringify(update) }));
  }

  beforeEach(async () => {
    api = await FakeBotApi.start();
    received = [];
  });

  afterEach(async () => {
    await adapter?.stop();
    await api.close();
  });

  it('registers the webhook with its secret and only the updates it handles', async () => {
    await setup();
    expect(api.webhook).toEqual({ url: 'https://bot.example.org/telegram/webhook', secret_token: SECRET });
    expect(api.calls('setWebhook')[0]!.params['allowed_updates']).toEqual(['message', 'edited_message', 'callback_query']);
  });

  it('answers 401 without the secret header or with a wrong one, and delivers nothing', async () => {
    await setup();
    expect((await post(fixture('private-text'))).status).toBe(401);
    expect((await post(fixture('private-text'), `${SECRET.slice(0, -1)}x`)).status).toBe(401);
    expect((await post(fixture('private-text'), 'short')).status).toBe(401);
    expect(received).toEqual([]);
  });

  it('answers 200 with the right secret once the message is recorded', async () => {
    await setup();
    const res = await post(fixture('group-command-mention'), SECRET);
    expect(res.status).toBe(200);
    expect(received).toHaveLength(1); // recorded before the answer
    expect(received[0]).toMatchObject({ text: '/confirm 1042', chat: { id: String(IDS.group), kind: 'group' } });
  });

  it('passes a duplicate update on twice with the same message id (the runtime dedupes)', async () => {
    await setup();
    const u = fixture('private-text');
    expect((await post(u, SECRET)).status).toBe(200);
    expect((await post(u, SECRET)).status).toBe(200);
    expect(received.map((m) => m.messageId)).toEqual([`${IDS.maria}:17`, `${IDS.maria}:17`]);
  });

  it('answers a button press without waiting on it, and hands on the value', async () => {
    await setup();
    api.pushUpdate(fixture('callback-query')); // so the fake knows the query id
    expect((await post(fixture('callback-query'), SECRET)).status).toBe(200);
    expect(received.map((m) => m.text)).toEqual(['2']);
    await expect.poll(() => api.calls('answerCallbackQuery').length).toBe(1);
  });

  it('does not hold the request longer than webhookTimeoutMs: 500, and Telegram redelivers', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((r) => (release = r));
    await setup(async (m) => {
      await slow;
      received.push(m);
    }, 100);
    const started = Date.now();
    const res = await post(fixture('private-text'), SECRET);
    expect(res.status).toBe(500);
    expect(Date.now() - started).toBeLessThan(1_500);
    release();
    await expect.poll(() => received.length).toBe(1); // the record still completes
  });

  it('answers 500 when recording fails, so Telegram delivers the update again', async () => {
    let fail = true;
    await setup(async (m) => {
      if (fail) {
        fail = false;
        throw new Error('disk full');
      }
      received.push(m);
    });
    expect((await post(fixture('private-text'), SECRET)).status).toBe(500);
    expect((await post(fixture('private-text'), SECRET)).status).toBe(200);
    expect(received.map((m) => m.messageId)).toEqual([`${IDS.maria}:17`]);
  });

  it('ignores what it does not handle with a 200 (no redelivery loop)', async () => {
    await setup();
    for (const name of ['channel-post', 'service-new-members', 'own-echo'] as const) {
      expect((await post(fixture(name), SECRET)).status).toBe(200);
    }
    expect(received).toEqual([]);
  });

  it('answers 503 before start and after stop, and delivers nothing then', async () => {
    const parsed = parseTelegramConfig({ token: api.token, apiRoot: api.apiRoot, mode: 'webhook', secretToken: SECRET });
    if (!parsed.ok) throw new Error(parsed.errors.join());
    adapter = new TelegramAdapter({ config: parsed.config, botInfo: api.botInfo });
    app = adapter.webhookRoutes();
    expect((await post(fixture('private-text'), SECRET)).status).toBe(503);
    await adapter.start(async (m) => void received.push(m));
    expect(api.calls('setWebhook')).toEqual([]); // no webhookUrl: registered out of band
    expect(adapter.health()).toEqual({ state: 'up', mode: 'webhook', webhookErrors: 0 });
    expect((await post(fixture('private-text'), SECRET)).status).toBe(200);
    await adapter.stop();
    expect((await post(fixture('location'), SECRET)).status).toBe(503);
    expect(received).toHaveLength(1);
    expect(adapter.health().state).toBe('down');
  });

  /** POSTs a raw body, as Telegram (or someone else) might. */
  function postRaw(body: string, secret?: string): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (secret !== undefined) headers['X-Telegram-Bot-Api-Secret-Token'] = secret;
    return Promise.resolve(app.request(PATH, { method: 'POST', headers, body }));
  }

  it('answers 413 to a body over 1 MB before anything else, secret or not, and reads nothing', async () => {
    await setup();
    const huge = JSON.stringify({ ...fixture('private-text'), padding: 'x'.repeat(1024 * 1024) });
    for (const secret of [undefined, 'wrong', SECRET]) expect((await postRaw(huge, secret)).status).toBe(413);
    expect(received).toEqual([]);
    // Just under the limit is read as usual.
    const fits = JSON.stringify({ ...fixture('private-text'), padding: 'x'.repeat(1000 * 1000) });
    expect((await postRaw(fits, SECRET)).status).toBe(200);
    expect(received).toHaveLength(1);
  });

  it('answers 200 to a body that is no readable update (so Telegram stops resending it), never 500', async () => {
    const warnings: string[] = [];
    const parsed = parseTelegramConfig({ token: api.token, apiRoot: api.apiRoot, mode: 'webhook', secretToken: SECRET });
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const logger = {
      debug() {},
      info() {},
      error() {},
      warn: (obj: Record<string, unknown>, msg: string) => void warnings.push(`${msg} ${JSON.stringify(obj)}`),
    };
    adapter = new TelegramAdapter({ config: parsed.config, botInfo: api.botInfo, logger });
    app = adapter.webhookRoutes();
    await adapter.start(async (m) => void received.push(m));

    const good = fixture('private-text');
    const bodies = [
      'not json',
      '',
      '[]',
      'null',
      '"update"',
      '{}',
      JSON.stringify({ update_id: 'seven', message: good.message }),
      JSON.stringify({ ...good, message: 5 }),
      JSON.stringify({ ...good, message: { ...good.message, text: 42 } }),
      JSON.stringify({ ...good, message: { ...good.message, chat: null } }),
      JSON.stringify({ ...good, message: { ...good.message, from: { id: '12' } } }),
      JSON.stringify({ ...good, message: { ...good.message, photo: [{ file_size: 3 }] } }),
      JSON.stringify({ update_id: 9, callback_query: { id: 'q', from: null, data: '1' } }),
    ];
    for (const body of bodies) expect((await postRaw(body, SECRET)).status, body.slice(0, 60)).toBe(200);
    expect(received).toEqual([]);
    expect(warnings).toHaveLength(bodies.length);
    expect(warnings.join('\n')).not.toContain('42'); // field paths, never values
    expect(warnings[8]).toContain('message.text');

    // Without the secret a malformed body is still 401: nothing is read before the secret matches.
    expect((await postRaw('not json')).status).toBe(401);
    // The next good update goes through as usual.
    expect((await postRaw(JSON.stringify(good), SECRET)).status).toBe(200);
    expect(received).toHaveLength(1);
  });

  it('is refused by the config without a secret token of at least 32 characters', () => {
    const r = parseTelegramConfig({ token: api.token, mode: 'webhook', secretToken: 'x'.repeat(31) });
    expect(r).toEqual({ ok: false, errors: [expect.stringContaining('webhook mode needs a secret token of at least 32 characters')] });
  });

  it('has no webhook route in polling mode', async () => {
    const parsed = parseTelegramConfig({ token: api.token, apiRoot: api.apiRoot });
    if (!parsed.ok) throw new Error(parsed.errors.join());
    adapter = new TelegramAdapter({ config: parsed.config, botInfo: api.botInfo });
    expect(() => adapter.webhookRoutes()).toThrow(/mode: webhook/);
  });
});
