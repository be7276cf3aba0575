/**
 * Issue 14, "channels that report their health", end to end: a network on Signal and Telegram,
 * built as `npm start` builds it (buildPlatforms, composeCentinela), against the fake
 * signal-cli-rest-api and the fake Bot API on 127.0.0.1. The Signal server goes away:
 * /livez stays 200, /readyz turns 503 and says why, and once Signal has been down for
 * `alerts.channelDownMinutes` the verifier chat on Telegram is told, once; when the server is
 * back, it is told that too, once. The Signal verifier chat is never written to about it.
 *
 * The bot's clock is a variable the test moves (the outage length); the network runs on real time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Centinela } from '../../app/compose.js';
import { createLogger } from '../../app/logger.js';
import { mustParseConfig } from '../../bot/config/validate.js';
import { FakeSignalServer, type FakeGroupEntry } from '../fakes/signal/fake-server.js';
import { BOT_NUMBER, uuidFor } from '../fakes/signal/harness.js';
import { FakeBotApi } from '../fakes/telegram/fake-bot-api.js';
import { eventually } from '../support/eventually.js';
import { FROM_LOOPBACK } from '../support/from-loopback.js';
import { composeBuilt, TEST_NETWORK } from '../support/network.js';

const TELEGRAM_VERIFIERS = { id: -1_001_111_111_111, type: 'supergroup' as const, title: 'Verificación' };
const TELEGRAM_RESPONDERS = { id: -4_005_556_667, type: 'group' as const, title: 'Responders' };

interface Running {
  signal: FakeSignalServer;
  telegram: FakeBotApi;
  bot: Centinela;
  signalVerifiers: FakeGroupEntry;
  now: { value: number };
}

let running: Running | undefined;
afterEach(async () => {
  const r = running;
  running = undefined;
  await r?.bot.stop();
  await r?.signal.close();
  await r?.telegram.close();
});

async function start(): Promise<Running> {
  const signal = await FakeSignalServer.start({ mode: 'json-rpc' });
  const signalVerifiers = signal.addGroup('Verificadores');
  const telegram = await FakeBotApi.start();
  telegram.addChat(TELEGRAM_VERIFIERS);
  telegram.addChat(TELEGRAM_RESPONDERS);
  const config = mustParseConfig(
    {
      network: TEST_NETWORK,
      zones: [{ id: 'eastside', name: { en: 'East Side', es: 'Lado Este' }, area: { center: [34.0341, -118.2053], radiusMeters: 3000 } }],
      chats: {
        verifiers: [
          { platform: 'signal', id: signalVerifiers.internal_id, language: 'es' },
          { platform: 'telegram', id: String(TELEGRAM_VERIFIERS.id), language: 'en' },
        ],
        responders: [{ platform: 'telegram', id: String(TELEGRAM_RESPONDERS.id), zones: ['eastside'], language: 'en' }],
      },
      verifiers: [{ platform: 'signal', id: uuidFor('verifier-ana'), name: 'Ana' }],
      platforms: {
        simulator: { enabled: false },
        signal: { url: signal.url, number: BOT_NUMBER, receive: 'websocket', reconnect: { initialMs: 20, maxMs: 200 } },
        telegram: { token: telegram.token, apiRoot: telegram.apiRoot },
      },
      alerts: { channelDownMinutes: 5 },
    },
    'channel health e2e config',
  );
  const logger = createLogger('silent');
  const { bot, now } = composeBuilt(config, logger);
  running = { signal, telegram, bot, signalVerifiers, now };
  await bot.start();
  return running;
}

async function get(bot: Centinela, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await bot.http.request(path, {}, FROM_LOOPBACK);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const telegramVerifierTexts = (r: Running) => r.telegram.sentTexts(TELEGRAM_VERIFIERS.id);

/** Lets the channel watch take a sample (once a second, real time) and the outbox send what it wrote. */
async function sampled(r: Running): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  await r.bot.dispatcher.drain();
}

describe('a channel that goes down', () => {
  it('/livez stays up, /readyz says what is wrong, and the verifiers on Telegram are told after channelDownMinutes and again on recovery', async () => {
    const r = await start();
    await eventually(async () => expect((await get(r.bot, '/readyz')).status).toBe(200), 3_000);
    expect(await get(r.bot, '/livez')).toMatchObject({ status: 200, body: { ok: true } });

    // The signal-cli-rest-api container stops.
    await r.signal.stop();
    const down = await eventually(async () => {
      const res = await get(r.bot, '/readyz');
      expect(res.status).toBe(503);
      return res.body;
    }, 3_000);
    expect(down).toMatchObject({
      ok: false,
      channels: { signal: { condition: 'down', problem: 'unreachable' }, telegram: { condition: 'up' } },
      store: { writable: true },
    });
    expect((down.problems as string[]).join('\n')).toMatch(/^signal is down \(unreachable\): start the signal-cli-rest-api container/m);
    // Alive all the same: restarting Centinela would not bring Signal back.
    expect((await get(r.bot, '/livez')).status).toBe(200);
    // /health keeps its own answer.
    expect((await get(r.bot, '/health')).status).toBe(503);

    // The watch sees the outage start; four minutes on, it is not yet news.
    await sampled(r);
    r.now.value += 4 * 60_000;
    await sampled(r);
    expect(telegramVerifierTexts(r)).toEqual([]);

    // Past five minutes: the Telegram verifier chat is told, in its language, with what to do.
    r.now.value += 61_000;
    await eventually(() => expect(telegramVerifierTexts(r)).toHaveLength(1), 3_000);
    const [told] = telegramVerifierTexts(r);
    expect(told).toContain('Signal has had a problem for 5 min: the bot cannot connect.');
    expect(told).toContain('docker compose up -d signal');
    // Told once, however long it lasts.
    r.now.value += 30 * 60_000;
    await sampled(r);
    expect(telegramVerifierTexts(r)).toHaveLength(1);

    // The server comes back: the adapter reconnects, and the verifiers are told once.
    await r.signal.start();
    await eventually(async () => expect((await get(r.bot, '/readyz')).status).toBe(200), 3_000);
    await eventually(() => expect(telegramVerifierTexts(r)).toHaveLength(2), 3_000);
    expect(telegramVerifierTexts(r)[1]).toBe('✅ Signal works again (it had a problem for 35 min).');
    await sampled(r);
    expect(telegramVerifierTexts(r)).toHaveLength(2);

    // Nothing was queued for the Signal verifier group, which could not have received it.
    expect(r.signal.sentTexts(r.signalVerifiers.id)).toEqual([]);
    const pendingForSignal = r.bot.store.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE platform = 'signal'").get() as { n: number };
    expect(pendingForSignal.n).toBe(0);

    const metrics = await (await r.bot.http.request('/metrics', {}, FROM_LOOPBACK)).text();
    expect(metrics).toContain('centinela_adapter_connected{platform="signal"} 1');
    expect(metrics).toMatch(/centinela_sends_total\{platform="telegram",result="sent"\} 2/);
  });

  it('a captcha on Signal sends: still ready, listed as degraded, and the Telegram verifiers are told what the admin must run', async () => {
    const r = await start();
    await eventually(async () => expect((await get(r.bot, '/readyz')).status).toBe(200), 3_000);
    // Signal answers a send with a rate-limit challenge (as it does for new accounts).
    r.signal.failNextSend({
      status: 429,
      body: {
        error: 'Failed to send message due to rate limiting.',
        challenge_tokens: ['0b9d3f6e-1c1a-4d7e-9d59-5a4c2f9e8a11'],
        account: BOT_NUMBER,
      },
    });
    await r.bot.adapters
      .get('signal')!
      .send({ chat: { id: r.signalVerifiers.id, kind: 'group' }, text: 'prueba' })
      .catch(() => undefined);
    const degraded = (await get(r.bot, '/readyz')).body;
    // Receiving still works: ready, but the problem is listed with what to run.
    expect(degraded).toMatchObject({ ok: true, channels: { signal: { condition: 'degraded', problem: 'captcha' } } });
    expect((degraded.problems as string[])[0]).toContain('rate-limit-challenge');

    await sampled(r);
    r.now.value += 5 * 60_000;
    await eventually(() => expect(telegramVerifierTexts(r)).toHaveLength(1), 3_000);
    expect(telegramVerifierTexts(r)[0]).toContain(
      'Signal has been working badly for 5 min: Signal asks for a captcha before the bot can send again.',
    );
    expect(telegramVerifierTexts(r)[0]).toContain('POST /v1/accounts/{number}/rate-limit-challenge');
  });
});
