/**
 * The PNG text-chunk bomb over the Telegram webhook, through the real composition built like
 * `npm start`: the first delivery is answered at once (the message is recorded, its photo is
 * cleaned afterwards), and Telegram's redeliveries, during the cleaning or after it, decode
 * nothing and are answered once.
 */
import type { Update } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { FROM_LOOPBACK } from '../support/from-loopback.js';
import { ztxtBomb } from '../support/images.js';
import {
  TIPSTER,
  TIPSTER_DM as DM,
  WEBHOOK_PATH,
  WEBHOOK_SECRET,
  WEBHOOK_SETTINGS as WEBHOOK,
  eventually,
  messageUpdate,
  sendsTo,
  startTelegramBot,
  textOf,
  type TelegramBot,
} from './telegram-support.js';

let t: TelegramBot | undefined;
afterEach(async () => {
  await t?.bot.stop();
  await t?.api.close();
  t = undefined;
});

async function post(update: Update): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const res = await t!.bot.http.request(WEBHOOK_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': WEBHOOK_SECRET },
    body: JSON.stringify(update),
  });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started };
}

let updateId = 700_000;
function tipsterUpdate(content: Parameters<typeof messageUpdate>[4]): Update {
  t!.clock.advance(20_000);
  const u = messageUpdate(t!.api, t!.clock, DM, TIPSTER, content);
  t!.api.noteMessage(u.message!);
  return { update_id: ++updateId, ...u };
}

describe('Telegram webhook: the PNG text-chunk bomb', () => {
  it('the first delivery is answered in under 1 s, and redeliveries decode nothing', async () => {
    t = await startTelegramBot(WEBHOOK);
    const { api, bot } = t;
    expect((await post(tipsterUpdate({ text: 'hay 4 agentes de ICE tocando puertas' }))).status).toBe(200);
    await eventually(() => expect(sendsTo(api, DM)).toHaveLength(2));

    const bomb = await ztxtBomb(); // 1 MB; its 50 text chunks would inflate to 1 GiB, then copied over and over
    api.addFile('AgACAgEAAxkBAAIB-bomb', bomb, { file_path: 'photos/file_77.png' });
    const update = tipsterUpdate({
      photo: [{ file_id: 'AgACAgEAAxkBAAIB-bomb', file_unique_id: 'AQADb', width: 16, height: 16, file_size: bomb.byteLength }],
    });
    const first = await post(update);
    expect(first.status).toBe(200);
    expect(first.ms).toBeLessThan(1_000);
    const again = await post(update); // Telegram did not see our answer in time: the same update once more
    expect(again.status).toBe(200);

    await bot.runtime.idle();
    await bot.dispatcher.drain();
    expect(bot.runtime.decoder.counters.decodes).toBe(1);
    const third = await post(update); // and once more, after the photo was cleaned
    expect(third.status).toBe(200);
    await bot.runtime.idle();
    await bot.dispatcher.drain();
    expect(bot.runtime.decoder.counters.decodes).toBe(1);
    expect(bot.runtime.counters.duplicates).toBe(2);
    const metrics = await (await bot.http.request('/metrics', {}, FROM_LOOPBACK)).text();
    expect(metrics).toContain('centinela_media_decodes_total 1');

    const replies = sendsTo(api, DM).slice(2).map(textOf);
    expect(replies.filter((r) => r.includes('Recibido (1 en total)'))).toHaveLength(1); // answered once
    expect(api.calls('getFile').filter((c) => c.params['file_id'] === 'AgACAgEAAxkBAAIB-bomb').length).toBeGreaterThanOrEqual(1);
    console.info(
      `[telegram-webhook-media] first delivery answered in ${Math.round(first.ms)} ms, the redelivery in ${Math.round(again.ms)} ms; decodes: 1`,
    );
  }, 20_000);
});
