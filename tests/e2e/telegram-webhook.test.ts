/**
 * Telegram in webhook mode (issue 7), through the real composition built like `npm start`
 * (buildPlatforms + composeCentinela) and its HTTP app (`bot.http.request`), with the fake Bot
 * API on 127.0.0.1 answering the bot's own calls:
 *
 * - refuses to start without a secret token of at least 32 characters (and the real process
 *   exits with a clear message);
 * - accepts only the right `X-Telegram-Bot-Api-Secret-Token` (none or wrong → 401);
 * - an update delivered twice is answered once;
 * - a slow downstream never makes Telegram retry: the webhook answers 200 as soon as the update
 *   is recorded; replies go later, from the outbox, even when sendMessage takes 2 s.
 */
import type { Update } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../app/logger.js';
import { buildPlatforms } from '../../app/platforms.js';
import {
  TIPSTER,
  TIPSTER_DM as DM,
  VERIFIER,
  VERIFIER_GROUP,
  WEBHOOK_PATH,
  WEBHOOK_SECRET,
  WEBHOOK_SETTINGS as WEBHOOK,
  buttonsOf,
  eventually,
  expectPlainTextOnly,
  messageUpdate,
  sendsTo,
  startTelegramBot,
  taken,
  telegramConfig,
  textOf,
  type TelegramBot,
} from './telegram-support.js';
import { startBot, tempDir, writePlatformConfig, freePort } from './process.js';
import { FROM_LOOPBACK } from '../support/from-loopback.js';

const SECRET_ERROR = /^platforms\.telegram\.secretToken: webhook mode needs a secret token of at least 32 characters/;
const FAKE_TOKEN = '7000000001:FAKE-token_for-tests';

let t: TelegramBot | undefined;
afterEach(async () => {
  await t?.bot.stop();
  await t?.api.close();
  t = undefined;
});

/** POSTs an update to the webhook route as Telegram does (`secret: null`: no header); returns the status and how long it took. */
async function post(update: Update, secret: string | null = WEBHOOK_SECRET): Promise<{ status: number; ms: number }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret !== null) headers['X-Telegram-Bot-Api-Secret-Token'] = secret;
  const started = performance.now();
  const res = await t!.bot.http.request(WEBHOOK_PATH, { method: 'POST', headers, body: JSON.stringify(update) });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started };
}

let updateId = 500_000;
/** A tipster message as a full Update (with update_id), dated by the test clock, 20 s after the last. */
function tipsterMessage(text: string): Update {
  t!.clock.advance(20_000);
  const u = messageUpdate(t!.api, t!.clock, DM, TIPSTER, { text });
  t!.api.noteMessage(u.message!); // Telegram knows the chat and the message (ids stay in sequence)
  return { update_id: ++updateId, ...u };
}

describe('Telegram webhook mode (built like npm start)', () => {
  it('refuses to start without a secret token of at least 32 characters', async () => {
    const logger = createLogger('silent');
    const build = (telegram: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) =>
      buildPlatforms(telegramConfig({ token: FAKE_TOKEN, apiRoot: 'http://127.0.0.1:9', mode: 'webhook', ...telegram }), env, logger);

    const none = build({});
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.errors).toEqual([expect.stringMatching(SECRET_ERROR)]);
    expect(none.ok ? '' : none.errors[0]).toContain('TELEGRAM_WEBHOOK_SECRET'); // says where it may come from

    const short = 'a'.repeat(31);
    for (const bad of [{ secretToken: short }, { secretToken: 'has spaces and ! in it, 32+ characters long' }]) {
      const r = build(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.errors).toEqual([expect.stringMatching(SECRET_ERROR)]);
        expect(r.errors.join()).not.toContain(bad.secretToken); // a secret is never echoed
      }
    }
    expect(build({}, { TELEGRAM_WEBHOOK_SECRET: short }).ok).toBe(false);

    expect(build({ secretToken: 'a'.repeat(32) }).ok).toBe(true);
    const fromEnv = build({}, { TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET });
    expect(fromEnv.ok).toBe(true);
    if (fromEnv.ok) expect(fromEnv.platforms[0]!.routes).toBeDefined(); // the webhook route is mounted
  });

  it('the real process exits with the same clear message (nothing is contacted)', async () => {
    const dir = tempDir();
    const file = writePlatformConfig(
      dir,
      await freePort(),
      `  telegram: { mode: webhook, token: "${FAKE_TOKEN}", apiRoot: "http://127.0.0.1:9" }\n`,
    );
    const proc = startBot({
      CENTINELA_CONFIG: file,
      CENTINELA_SECRET: 'e2e-Qm7vZ2rK9xLp4Wn8Hs3Jd6Tb1Yc5Fg0Ae',
      TELEGRAM_WEBHOOK_SECRET: 'too-short',
      TELEGRAM_BOT_TOKEN: '',
    });
    const code = await Promise.race([proc.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000))]);
    if (code === 'timeout') proc.child.kill('SIGKILL');
    expect(code).toBe(1);
    expect(proc.output()).toContain('platforms.telegram.secretToken: webhook mode needs a secret token of at least 32 characters');
    expect(proc.output()).not.toContain('too-short');
  }, 20_000);

  it('accepts only the right secret token: none → 401, wrong → 401, right → 200', async () => {
    t = await startTelegramBot(WEBHOOK);
    const { api, bot } = t;
    // Registered with Telegram (here: the fake) with the secret and only the updates it handles.
    expect(api.webhook).toEqual({ url: WEBHOOK.webhookUrl, secret_token: WEBHOOK_SECRET });
    expect(api.calls('setWebhook')[0]!.params['allowed_updates']).toEqual(['message', 'edited_message', 'callback_query']);
    expect(api.calls('getUpdates')).toHaveLength(0); // no polling in webhook mode
    const health = (await (await bot.http.request('/health', {}, FROM_LOOPBACK)).json()) as {
      ok: boolean;
      platforms: Record<string, unknown>;
    };
    expect(health).toMatchObject({ ok: true, platforms: { telegram: { state: 'up', mode: 'webhook' } } });

    const update = tipsterMessage('hay 4 agentes de ICE tocando puertas');
    expect((await post(update, null)).status).toBe(401);
    expect((await post(update, 'wrong-secret-wrong-secret-wrong-secret')).status).toBe(401);
    expect((await post(update, WEBHOOK_SECRET.slice(0, -1))).status).toBe(401);
    expect((await post(update, `${WEBHOOK_SECRET}x`)).status).toBe(401);
    expect((await post(update, WEBHOOK_SECRET.toLowerCase())).status).toBe(401);
    expect(taken(bot)).toBe(0); // nothing recorded from the refused requests
    await bot.dispatcher.drain();
    expect(sendsTo(api, DM)).toHaveLength(0);

    const right = await post(update);
    expect(right.status).toBe(200);
    expect(taken(bot)).toBe(1); // recorded before the 200
    await eventually(() => expect(sendsTo(api, DM)).toHaveLength(2));
    expect(textOf(sendsTo(api, DM)[1]!)).toContain('¿Están deteniendo a alguien');

    // Other methods and paths: not the webhook.
    expect(
      (await bot.http.request(WEBHOOK_PATH, { method: 'GET', headers: { 'X-Telegram-Bot-Api-Secret-Token': WEBHOOK_SECRET } })).status,
    ).toBe(404);
  });

  it('a body over 1 MB gets 413 before the secret is looked at; a malformed one gets 200, not a redelivery loop', async () => {
    t = await startTelegramBot(WEBHOOK);
    const { api, bot } = t;
    const raw = async (body: string, secret: string | null): Promise<number> => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (secret !== null) headers['X-Telegram-Bot-Api-Secret-Token'] = secret;
      const res = await bot.http.request(WEBHOOK_PATH, { method: 'POST', headers, body });
      await res.arrayBuffer();
      return res.status;
    };
    const huge = JSON.stringify({ ...tipsterMessage('hola'), padding: 'x'.repeat(1_100_000) });
    expect(await raw(huge, null)).toBe(413);
    expect(await raw(huge, WEBHOOK_SECRET)).toBe(413);

    // Telegram resends anything not answered 2xx; these bodies would never get better.
    for (const body of ['{"update_id": 1, "message": ', '[1, 2]', JSON.stringify({ update_id: 2, message: { chat: 'x' } })]) {
      expect(await raw(body, WEBHOOK_SECRET)).toBe(200);
    }
    expect(taken(bot)).toBe(0);
    await bot.dispatcher.drain();
    expect(sendsTo(api, DM)).toHaveLength(0);

    // The bot is unharmed: the next real update is answered.
    expect((await post(tipsterMessage('hay 4 agentes de ICE tocando puertas'))).status).toBe(200);
    await eventually(() => expect(sendsTo(api, DM)).toHaveLength(2));
  });

  it('an update delivered twice is answered once (message and button press)', async () => {
    t = await startTelegramBot(WEBHOOK);
    const { api, bot } = t;
    const first = tipsterMessage('hay 4 agentes de ICE tocando puertas');
    expect((await post(first)).status).toBe(200);
    expect((await post(first)).status).toBe(200); // Telegram did not see our answer: it delivers again
    await bot.dispatcher.drain();
    expect(bot.runtime.counters).toMatchObject({ inbound: 1, duplicates: 1 });
    expect(sendsTo(api, DM)).toHaveLength(2); // the safety notice and the first question, once
    const question = sendsTo(api, DM)[1]!;
    expect(buttonsOf(question)).toEqual([
      ['1. Sí', '1'],
      ['2. No', '2'],
    ]);

    t.clock.advance(20_000);
    const press: Update = {
      update_id: ++updateId,
      callback_query: {
        id: 'wh-cbq-1',
        from: TIPSTER,
        chat_instance: '-7340001122334455',
        data: '2',
        message: {
          message_id: Math.max(...api.chats.get(String(DM.id))!.messages),
          date: Math.floor(t.clock.now / 1000) - 20,
          chat: DM,
          from: { id: api.botInfo.id, is_bot: true, first_name: api.botInfo.first_name },
          text: textOf(question),
        },
      },
    };
    api.pendingCallbacks.add('wh-cbq-1'); // Telegram knows the query it sent us
    expect((await post(press)).status).toBe(200);
    expect((await post(press)).status).toBe(200);
    await bot.dispatcher.drain();
    expect(bot.runtime.counters).toMatchObject({ inbound: 2, duplicates: 2 });
    expect(sendsTo(api, DM)).toHaveLength(3);
    expect(textOf(sendsTo(api, DM)[2]!)).toContain('¿Dónde?'); // one answer to the press
    await eventually(() => expect(api.answeredCallbacks.has('wh-cbq-1')).toBe(true));
    expectPlainTextOnly(api);
  });

  it('a slow downstream never makes Telegram retry: 200 at once, replies later from the outbox', async () => {
    t = await startTelegramBot(WEBHOOK);
    const { api, bot } = t;
    api.slow('sendMessage', 2_000); // every reply takes Telegram 2 s to accept

    const started = Date.now();
    const first = await post(tipsterMessage('hay 4 agentes de ICE tocando puertas'));
    expect(first.status).toBe(200);
    expect(first.ms).toBeLessThan(1_000);
    expect(taken(bot)).toBe(1); // recorded (committed) before answering
    // Replies are underway, but the webhook did not wait for them.
    await eventually(() => expect(api.calls('sendMessage')).toHaveLength(1), 2_000);
    expect(api.calls('sendMessage')[0]!.ok).toBe(false); // still waiting for the slow Bot API

    // More updates while replies are slow: each still answered at once (a group command too).
    const second = await post(tipsterMessage('son como las 9, en la calle 1st'));
    t.clock.advance(1_000);
    const cmd = messageUpdate(api, t.clock, VERIFIER_GROUP, VERIFIER, {
      text: '/confirm@CentinelaBot 999999',
      entities: [{ type: 'bot_command', offset: 0, length: '/confirm@CentinelaBot'.length }],
    });
    const third = await post({ update_id: ++updateId, ...cmd });
    for (const r of [second, third]) {
      expect(r.status).toBe(200);
      expect(r.ms).toBeLessThan(1_000);
    }
    expect(taken(bot)).toBe(3);

    // The replies arrive after all, each once.
    await eventually(() => {
      expect(sendsTo(api, DM).length).toBeGreaterThanOrEqual(3);
      expect(sendsTo(api, VERIFIER_GROUP)).toHaveLength(1);
    }, 10_000);
    const firstReplyAt = Date.now() - started;
    expect(textOf(sendsTo(api, VERIFIER_GROUP)[0]!)).toContain('No existe el reporte #999999');
    expect(sendsTo(api, DM)[0]!.at - started).toBeLessThan(1_000); // the outbox started right after commit
    const latencies = [first, second, third].map((r) => Math.round(r.ms));
    const attempts = api
      .calls('sendMessage')
      .map((c) => `${String(c.params['chat_id']) === String(DM.id) ? 'dm' : 'group'}@${c.at - started}`);
    console.info(
      `[telegram-webhook] webhook answered in ${latencies.join(' / ')} ms with sendMessage taking 2000 ms; ` +
        `sendMessage requests reached the Bot API at ${attempts.join(', ')} ms; all replies delivered by ${firstReplyAt} ms`,
    );
    expect(firstReplyAt).toBeGreaterThanOrEqual(2_000);
    const texts = sendsTo(api, DM).map(textOf);
    expect(new Set(texts).size).toBe(texts.length); // nothing sent twice
  }, 20_000);
});
