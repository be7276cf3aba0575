/**
 * The whole loop on Telegram (issue 7), through the real composition built like `npm start`
 * (buildPlatforms + composeCentinela, polling mode) against the fake Bot API on 127.0.0.1:
 *
 * - a tipster in a private chat answers the intake with button presses (callback_query, answered
 *   with answerCallbackQuery), a location pin, a photo and text, and submits; a press on an old
 *   question's button is acknowledged but does not answer the open question;
 * - the card reaches the Telegram verifier group; a stranger's /confirm is refused; the enrolled
 *   verifier (by Telegram user id) confirms with `/confirm@CentinelaBot N`;
 * - the alert reaches the responder forum **in its configured topic**, exactly once, and no other
 *   group; nothing is ever sent with a parse_mode and link previews are always off;
 * - the tipster's user id, username and names appear in no group message (nor in the database,
 *   the outbox's sent-message ids aside);
 * - a 429 with retry_after on the alert: retried after that delay (by the injected clock), once.
 *
 * The runtime and the outbox read a clock the test moves; real time only paces the HTTP calls.
 */
import type { Chat, Message, Update } from 'grammy/types';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../fakes/telegram/fake-bot-api.js';
import {
  EAST_FORUM,
  EAST_TOPIC,
  STRANGER,
  TIPSTER,
  VERIFIER,
  VERIFIER_GROUP,
  WEST_GROUP,
  buttonsOf,
  eventually,
  expectPlainTextOnly,
  messageUpdate,
  sendsTo,
  startTelegramBot,
  taken,
  textOf,
  type TelegramBot,
} from './telegram-support.js';
import { FROM_LOOPBACK } from '../support/from-loopback.js';

const DM: Chat = {
  id: TIPSTER.id,
  type: 'private',
  first_name: TIPSTER.first_name,
  last_name: TIPSTER.last_name!,
  username: TIPSTER.username!,
};
/** Inside the eastside zone (3 km around 34.0341, -118.2053). */
const PIN = { latitude: 34.0335, longitude: -118.207 };
/** A real (small) JPEG, as Telegram serves a photo's largest size. */
async function photoBytes(): Promise<Uint8Array> {
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 120, b: 150 } } })
    .jpeg()
    .toBuffer();
  return new Uint8Array(jpeg);
}

let t: TelegramBot | undefined;
afterEach(async () => {
  await t?.bot.stop();
  await t?.api.close();
  t = undefined;
});

/**
 * Delivers one update through getUpdates and waits (bounded) until the runtime has taken it and
 * the outbox has sent what it caused. Moves the clock 20 s first: people take a while to type,
 * and it keeps answers outside the intake's burst window.
 */
async function deliver(update: Omit<Update, 'update_id'> & { update_id?: number }): Promise<RecordedCall[]> {
  const { api, bot, clock } = t!;
  clock.advance(20_000);
  const before = taken(bot);
  const callsBefore = api.calls().length;
  api.pushUpdate(update);
  await eventually(() => expect(taken(bot)).toBe(before + 1));
  await bot.dispatcher.drain();
  return api
    .calls()
    .slice(callsBefore)
    .filter((c) => /^send/.test(c.method));
}

function say(chat: Chat, from: typeof TIPSTER, content: Partial<Message>): Promise<RecordedCall[]> {
  return deliver(messageUpdate(t!.api, t!.clock, chat, from, content));
}

/** The verifier command as Telegram delivers it in a group: `/confirm@Bot N` with its entity. */
function command(from: typeof VERIFIER, text: string): Promise<RecordedCall[]> {
  const length = text.split(' ')[0]!.length;
  return say(VERIFIER_GROUP, from, { text, entities: [{ type: 'bot_command', offset: 0, length }] });
}

/** The id of the latest message in the tipster's chat (right after a question: the question). */
function latestMessageId(): number {
  return Math.max(...t!.api.chats.get(String(DM.id))!.messages);
}

let pressed = 0;
function pressUpdate(keyboardMessage: RecordedCall, messageId: number, id: string, data: string): Omit<Update, 'update_id'> {
  return {
    callback_query: {
      id,
      from: TIPSTER,
      chat_instance: '-7340001122334455',
      data,
      message: {
        message_id: messageId,
        date: Math.floor(t!.clock.now / 1000) - 20,
        chat: DM,
        from: { id: t!.api.botInfo.id, is_bot: true, first_name: t!.api.botInfo.first_name, username: t!.api.botInfo.username },
        text: textOf(keyboardMessage),
        reply_markup: keyboardMessage.params['reply_markup'],
      } as Message,
    },
  };
}

/** Presses a button of the bot's latest message (the question just asked) in the tipster's chat. */
async function press(keyboardMessage: RecordedCall, data: string): Promise<{ id: string; sent: RecordedCall[] }> {
  expect(buttonsOf(keyboardMessage).map(([, d]) => d)).toContain(data);
  const id = `cbq-${++pressed}-${data}`;
  const sent = await deliver(pressUpdate(keyboardMessage, latestMessageId(), id, data));
  // The press is acknowledged (the client stops its spinner), exactly once.
  await eventually(() => expect(t!.api.answeredCallbacks.has(id)).toBe(true));
  expect(t!.api.calls('answerCallbackQuery').filter((c) => c.params['callback_query_id'] === id)).toHaveLength(1);
  return { id, sent };
}

const RICH_TIP = 'están arrestando a un señor en 1st y Soto 90033, ahora, 4 agentes con chalecos de ICE, 2 SUV negras';

describe('Telegram: the whole loop (polling, built like npm start)', () => {
  it('tipster DM with button presses, a pin and a photo → card → /confirm@Bot → one alert in the forum topic', async () => {
    t = await startTelegramBot();
    const { api, bot } = t;
    api.addChat(DM);
    const health = (await (await bot.http.request('/health', {}, FROM_LOOPBACK)).json()) as {
      ok: boolean;
      platforms: Record<string, { state: string; mode: string }>;
    };
    expect(health).toMatchObject({ ok: true, platforms: { telegram: { state: 'up', mode: 'polling' } } });

    // 1. First message: the safety notice, then the first question with its choices as buttons.
    let sent = await say(DM, TIPSTER, { text: 'hay 4 agentes de ICE tocando puertas' });
    expect(sent.map((c) => String(c.params['chat_id']))).toEqual([String(DM.id), String(DM.id)]);
    expect(textOf(sent[0]!)).toContain('No guardamos tu número');
    const urgentQ = sent[1]!;
    expect(textOf(urgentQ)).toContain('¿Están deteniendo a alguien en este momento?');
    expect(textOf(urgentQ)).toContain('1. Sí\n2. No'); // also readable as text (typing the number works)
    expect(buttonsOf(urgentQ)).toEqual([
      ['1. Sí', '1'],
      ['2. No', '2'],
    ]);

    // 2. A button press is the answer: the next question follows, and the press is acknowledged.
    sent = (await press(urgentQ, '2')).sent;
    expect(sent).toHaveLength(1);
    expect(textOf(sent[0]!)).toContain('¿Dónde?');

    // 3. A location pin answers "where".
    sent = await say(DM, TIPSTER, { location: PIN });
    const timeQ = sent.at(-1)!;
    const timeQMessageId = latestMessageId();
    expect(textOf(timeQ)).toContain('¿Cuándo lo viste?');
    expect(buttonsOf(timeQ)).toEqual([['1. Ahora mismo', '1']]);
    sent = (await press(timeQ, '1')).sent;
    expect(textOf(sent.at(-1)!)).toContain('¿Algo más?'); // uniforms, vehicles, plates, photos in one question

    // 4. A photo answers it (Telegram sends several sizes: the largest is downloaded through getFile).
    const PHOTO_BYTES = await photoBytes();
    api.addFile('AgACAgEAAxkBAAIBm-large', PHOTO_BYTES, { file_path: 'photos/file_42.jpg' });
    sent = await say(DM, TIPSTER, {
      photo: [
        { file_id: 'AgACAgEAAxkBAAIBm-small', file_unique_id: 'AQADs', width: 90, height: 68, file_size: 1_204 },
        { file_id: 'AgACAgEAAxkBAAIBm-large', file_unique_id: 'AQADl', width: 1280, height: 960, file_size: PHOTO_BYTES.byteLength },
      ],
    });
    expect(api.calls('getFile').map((c) => c.params['file_id'])).toEqual(['AgACAgEAAxkBAAIBm-large']);
    expect(textOf(sent[0]!)).toContain('Recibido (1 en total)');
    expect(bot.store.db.prepare('SELECT COUNT(*) FROM media').pluck().get()).toBe(1);

    // 5. The last button press.
    const firsthandQ = sent.at(-1)!;
    expect(textOf(firsthandQ)).toContain('¿Lo viste tú mismo/a?');
    // A press on the old "1. Ahora mismo" keyboard is acknowledged but does not answer this question.
    const callsBefore = t.api.calls().length;
    const takenBefore = taken(bot);
    t.api.pushUpdate(pressUpdate(timeQ, timeQMessageId, 'cbq-stale', '1'));
    await eventually(() => expect(api.answeredCallbacks.has('cbq-stale')).toBe(true));
    await bot.dispatcher.drain();
    expect(taken(bot)).toBe(takenBefore);
    expect(
      api
        .calls()
        .slice(callsBefore)
        .filter((c) => c.method !== 'getUpdates')
        .map((c) => c.method),
    ).toEqual(['answerCallbackQuery']);
    sent = (await press(firsthandQ, '1')).sent;
    const review = textOf(sent.at(-1)!);
    expect(review).toContain('Revisa tu reporte');
    expect(review).toContain('Detención ahora: no'); // the first press counted
    expect(review).toContain('📍'); // the pin
    expect(review).toContain('Fotos/video: 1 archivo');
    expect(review).toContain('Lo viste tú: sí'); // the last press counted
    expect(sendsTo(api, VERIFIER_GROUP)).toHaveLength(0); // nothing leaves the DM before submitting

    // 6. Submitting: the card reaches the verifier group; responders get nothing unverified.
    await say(DM, TIPSTER, { text: 'sí' });
    const cards = sendsTo(api, VERIFIER_GROUP);
    expect(cards).toHaveLength(1);
    const card = textOf(cards[0]!);
    const n = Number(/Reporte #(\d+)/.exec(card)?.[1]);
    expect(n).toBe(1001);
    expect(card).toContain('Zona: Lado Este');
    expect(card).toContain('ubicación en el mapa (34.034, -118.207)'); // kept to privacy.pinDecimals
    expect(card).toContain(`/confirmar ${n}`);
    expect(textOf(sendsTo(api, DM).at(-1)!)).toContain(`Reporte #${n} enviado`);
    expect(sendsTo(api, EAST_FORUM)).toHaveLength(0);

    // 7. Someone in the verifier group who is not enrolled cannot confirm.
    sent = await command(STRANGER, `/confirm@CentinelaBot ${n}`);
    expect(sent.map((c) => String(c.params['chat_id']))).toEqual([String(VERIFIER_GROUP.id)]);
    expect(textOf(sent[0]!)).toContain('Solo el equipo de verificación');
    expect(sendsTo(api, EAST_FORUM)).toHaveLength(0);

    // 8. The enrolled verifier (by Telegram user id) confirms, addressing the bot by name.
    const confirm = messageUpdate(api, t.clock, VERIFIER_GROUP, VERIFIER, {
      text: `/confirm@CentinelaBot ${n} lo vio nuestro observador`,
      entities: [{ type: 'bot_command', offset: 0, length: '/confirm@CentinelaBot'.length }],
    });
    await deliver(confirm);
    const alerts = sendsTo(api, EAST_FORUM);
    expect(alerts).toHaveLength(1);
    const alert = alerts[0]!;
    expect(alert.method).toBe('sendMessage');
    expect(alert.params['message_thread_id']).toBe(EAST_TOPIC); // in the configured forum topic
    expect(textOf(alert)).toContain(`ALERTA VERIFICADA · Incidente #${n}`);
    expect(textOf(alert)).toContain('Lado Este');
    expect(textOf(alert)).toContain('lo vio nuestro observador');
    expect(textOf(alert)).toContain('https://www.openstreetmap.org/'); // a link: previews must be off
    expect(sendsTo(api, WEST_GROUP)).toHaveLength(0); // another zone: nothing
    expect(sendsTo(api, VERIFIER_GROUP).map(textOf).join('\n')).toContain(`Reporte #${n} confirmado`);
    expect(textOf(sendsTo(api, VERIFIER_GROUP).at(-1)!)).toContain(`Alerta #${n} entregada`); // the true delivery
    expect(textOf(sendsTo(api, DM).at(-1)!)).toContain(`confirmó tu reporte #${n}`);

    // 9. Exactly once: the same command delivered again, a second /confirm, time passing.
    await deliver(confirm);
    expect(bot.runtime.counters.duplicates).toBe(1);
    await command(VERIFIER, `/confirm@CentinelaBot ${n}`);
    expect(textOf(sendsTo(api, VERIFIER_GROUP).at(-1)!)).toContain('ya está confirmado');
    t.clock.advance(10 * 60_000);
    bot.runtime.tick();
    await bot.dispatcher.drain();
    expect(sendsTo(api, EAST_FORUM)).toHaveLength(1);
    expect(api.calls().filter((c) => String(c.params['chat_id']) === String(EAST_FORUM.id))).toHaveLength(1); // not even a failed attempt

    // 10. Plain text only, link previews off: every call the bot made.
    expectPlainTextOnly(api);
    for (const c of api.calls().filter((x) => /^send/.test(x.method))) expect(c.params).not.toHaveProperty('entities');

    // 11. The tipster's identity never reaches a group: not their id, username or names.
    const groupTexts = api
      .calls()
      .filter((c) => /^send/.test(c.method) && Number(c.params['chat_id']) < 0)
      .map((c) => JSON.stringify(c.params));
    expect(groupTexts.length).toBeGreaterThanOrEqual(5); // card, refusal, ack, alert, "already confirmed"
    const identity = [String(TIPSTER.id), TIPSTER.username!, TIPSTER.first_name, TIPSTER.last_name!];
    for (const text of groupTexts) for (const needle of identity) expect(text).not.toContain(needle);
    // Nor the database, except the outbox (see below): reports, audit, sessions (sealed address),
    // media, inbox (message ids are kept as keyed hashes: a DM's id holds the user id).
    const tables = bot.store.db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'outbox'`)
      .pluck()
      .all() as string[];
    expect(tables).toEqual(expect.arrayContaining(['reports', 'audit', 'sessions', 'media', 'inbox']));
    for (const table of tables) {
      const rows = JSON.stringify(bot.store.db.prepare(`SELECT * FROM "${table}"`).all());
      for (const needle of identity) expect(rows, `${table} holds ${needle}`).not.toContain(needle);
    }
    // The outbox's payloads and addresses: the DM address is sealed, texts never name the tipster.
    // (Not checked: outbox.platform_message_id, which holds `${chat}:${message}` of sent DMs.)
    const outbox = JSON.stringify(bot.store.db.prepare('SELECT chat_key, address, payload FROM outbox').all());
    for (const needle of identity) expect(outbox).not.toContain(needle);
    const audit = bot.store.db.prepare('SELECT actor, action FROM audit ORDER BY id').all() as { actor: string; action: string }[];
    expect(audit).toContainEqual({ actor: `telegram:${VERIFIER.id}`, action: 'confirm' }); // who confirmed is on record
  });

  it('a 429 with retry_after on the alert: retried after that delay by the injected clock, delivered once', async () => {
    t = await startTelegramBot();
    const { api, bot, clock } = t;
    api.addChat(DM);
    await say(DM, TIPSTER, { text: RICH_TIP });
    await say(DM, TIPSTER, { text: 'sí' });
    const n = Number(/Reporte #(\d+)/.exec(textOf(sendsTo(api, VERIFIER_GROUP)[0]!))?.[1]);
    expect(n).toBe(1001);

    // Telegram answers the first send to the responder group: 429, retry after 3 s.
    api.failNext(
      'sendMessage',
      { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } },
      { chatId: EAST_FORUM.id },
    );
    await command(VERIFIER, `/confirm@CentinelaBot ${n}`);
    const failedAt = clock.now;
    const toForum = () => api.calls('sendMessage').filter((c) => String(c.params['chat_id']) === String(EAST_FORUM.id));
    expect(toForum()).toHaveLength(1);
    expect(toForum()[0]).toMatchObject({ ok: false, params: { message_thread_id: EAST_TOPIC } });
    // The other chats are not held up by the responder group's limit.
    expect(textOf(sendsTo(api, VERIFIER_GROUP).at(-1)!)).toContain(`Reporte #${n} confirmado`);
    // The tipster hears "alerted" only once the alert is delivered, not while it waits for its retry.
    expect(textOf(sendsTo(api, DM).at(-1)!)).not.toContain(`confirmó tu reporte #${n}`);

    const row = () =>
      bot.store.db
        .prepare(`SELECT status, attempts, next_attempt_at AS nextAt, last_error AS error FROM outbox WHERE dedupe_key LIKE 'alert:%'`)
        .all() as {
        status: string;
        attempts: number;
        nextAt: number;
        error: string;
      }[];
    expect(row()).toHaveLength(1);
    expect(row()[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row()[0]!.error).toContain('rate_limited');
    expect(row()[0]!.nextAt - failedAt).toBe(3_000); // Telegram's retry_after, not the 1 s backoff

    // Not before: real time passing (the outbox polls every 250 ms) and 2.999 s of clock time.
    await new Promise((r) => setTimeout(r, 400));
    clock.advance(2_999);
    await bot.dispatcher.drain();
    expect(toForum()).toHaveLength(1);

    // At 3 s it goes out, in the topic, once.
    clock.advance(1);
    await bot.dispatcher.drain();
    expect(toForum()).toHaveLength(2);
    const retried = toForum()[1]!;
    expect(retried).toMatchObject({ ok: true, params: { message_thread_id: EAST_TOPIC } });
    expect(textOf(retried)).toBe(textOf(toForum()[0]!));
    expect(textOf(retried)).toMatch(new RegExp(`ALERTA VERIFICADA · .*Incidente #${n}`));
    expect(row()[0]).toMatchObject({ status: 'sent', attempts: 2 });

    // And never again.
    for (let i = 0; i < 3; i++) {
      clock.advance(60_000);
      bot.runtime.tick();
      await bot.dispatcher.drain();
    }
    expect(toForum()).toHaveLength(2);
    expect(sendsTo(api, EAST_FORUM)).toHaveLength(1);
    const metrics = await (await bot.http.request('/metrics', {}, FROM_LOOPBACK)).text();
    expect(metrics).toContain('centinela_sends_total{platform="telegram",result="retry"} 1');
    expect(metrics).toContain('centinela_outbox_dead 0');
    expectPlainTextOnly(api);
  });
});
