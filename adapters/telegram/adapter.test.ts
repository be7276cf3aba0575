/** TelegramAdapter in polling mode over the fake Bot API (real HTTP on 127.0.0.1). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { telegramStatus } from '../../app/channel-status.js';
import type { InboundMessage } from '../../bot/messages.js';
import { AdapterError } from '../../bot/port.js';
import type { InboundHandler } from '../../bot/port.js';
import { FakeBotApi } from '../../tests/fakes/telegram/fake-bot-api.js';
import { IDS, fixture, groupChat, privateChat, textMessage, user } from '../../tests/fakes/telegram/updates.js';
import { TelegramAdapter } from './adapter.js';
import type { Logger } from '../../bot/logger.js';
import { parseTelegramConfig } from './config.js';
import type { TelegramConfig } from './config.js';
import { eventually } from '../../tests/support/eventually.js';

interface LogLine {
  level: string;
  obj: Record<string, unknown>;
  msg: string;
}

function recordingLogger(lines: LogLine[]): Logger {
  const at = (level: string) => (obj: Record<string, unknown>, msg: string) => void lines.push({ level, obj, msg });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

describe('TelegramAdapter (polling)', () => {
  let api: FakeBotApi;
  let adapter: TelegramAdapter;
  let received: InboundMessage[];
  let logs: LogLine[];
  let config: TelegramConfig;

  function make(over: Partial<TelegramConfig> = {}, threads?: Record<string, number | string>): TelegramAdapter {
    const parsed = parseTelegramConfig({ token: api.token, apiRoot: api.apiRoot });
    if (!parsed.ok) throw new Error(parsed.errors.join());
    config = { ...parsed.config, ...over };
    return new TelegramAdapter({
      config,
      botInfo: api.botInfo,
      pollTimeoutSeconds: 1,
      logger: recordingLogger(logs),
      ...(threads ? { threads } : {}),
    });
  }

  async function startWith(
    handler?: InboundHandler,
    over: Partial<TelegramConfig> = {},
    threads?: Record<string, number | string>,
  ): Promise<void> {
    adapter = make(over, threads);
    await adapter.start(handler ?? (async (m) => void received.push(m)));
  }

  beforeEach(async () => {
    api = await FakeBotApi.start();
    received = [];
    logs = [];
  });

  afterEach(async () => {
    await adapter?.stop();
    await api.close();
  });

  it('delivers messages of one chat in order while other chats go on in parallel', async () => {
    const order: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((r) => (releaseFirst = r));
    await startWith(async (m) => {
      order.push(`start ${m.text}`);
      if (m.text === 'a1') await firstHeld;
      if (m.text === 'b1') releaseFirst();
      order.push(`end ${m.text}`);
      received.push(m);
    });
    const a = privateChat(IDS.maria);
    api.pushUpdate(textMessage({ chat: a, from: user(IDS.maria), text: 'a1', messageId: 1 }));
    api.pushUpdate(textMessage({ chat: a, from: user(IDS.maria), text: 'a2', messageId: 2 }));
    api.pushUpdate(textMessage({ chat: groupChat(IDS.group), from: user(IDS.ana), text: 'b1', messageId: 1 }));
    await eventually(() => expect(received.map((m) => m.text)).toHaveLength(3));
    // b1 ran while a1 was held (it released it); a2 waited for a1.
    expect(order.indexOf('start b1')).toBeLessThan(order.indexOf('end a1'));
    expect(order.indexOf('end a1')).toBeLessThan(order.indexOf('start a2'));
  });

  it('answers a button press and hands on its value as the answer', async () => {
    await startWith();
    api.pushUpdate(fixture('callback-query'));
    await eventually(() => expect(received).toHaveLength(1));
    expect(received[0]).toMatchObject({
      text: '2',
      sender: String(IDS.maria),
      chat: { id: String(IDS.maria), kind: 'direct' },
      messageId: 'cb:4382bfdwdsb323b2d9',
    });
    await eventually(() =>
      expect(api.calls('answerCallbackQuery').map((c) => c.params['callback_query_id'])).toEqual(['4382bfdwdsb323b2d9']),
    );
  });

  it('acknowledges a press on a keyboard a newer one replaced, without handing it on', async () => {
    api.addChat(privateChat(IDS.maria));
    await startWith();
    const chat = { id: String(IDS.maria), kind: 'direct' as const };
    const first = await adapter.send({ chat, text: '¿Cuándo?', choices: [{ value: '1', label: 'Ahora mismo' }] });
    await adapter.send({ chat, text: 'Recibido.' }); // no buttons: the first keyboard is still the open one
    const press = (id: string, ref: string, data: string) => {
      const { update_id: _, ...u } = fixture('callback-query'); // a new update each time
      u.callback_query!.id = id;
      u.callback_query!.data = data;
      u.callback_query!.message!.message_id = Number(ref.split(':')[1]);
      api.pushUpdate(u);
    };
    press('cb-open', first.messageId!, '1');
    await eventually(() => expect(received.map((m) => m.messageId)).toEqual(['cb:cb-open']));
    const second = await adapter.send({
      chat,
      text: '¿Lo viste tú?',
      choices: [
        { value: '1', label: 'Sí' },
        { value: '2', label: 'No' },
      ],
    });
    press('cb-stale', first.messageId!, '1'); // the old "1. Ahora mismo" would answer "¿Lo viste tú?"
    press('cb-current', second.messageId!, '2');
    await eventually(() => expect(received.map((m) => m.messageId)).toEqual(['cb:cb-open', 'cb:cb-current']));
    await eventually(() => expect([...api.answeredCallbacks].sort()).toEqual(['cb-current', 'cb-open', 'cb-stale'])); // all acknowledged
  });

  it('downloads a photo through getFile and the file URL', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    api.addFile('AgACAgEAAxkBAAMTphoto-large', bytes, { file_path: 'photos/file_7.jpg' });
    await startWith();
    api.pushUpdate(fixture('photo-caption'));
    await eventually(() => expect(received).toHaveLength(1));
    const [a] = received[0]!.attachments;
    expect(a).toMatchObject({ kind: 'image', mime: 'image/jpeg', size: bytes.byteLength, ref: 'AgACAgEAAxkBAAMTphoto-large' });
    expect(a!.data).toEqual(bytes);
    expect(received[0]!.text).toBe('Dos camionetas blancas, placas 8ABC123');
  });

  it('skips files over the limit: no data, size set when known', async () => {
    api.addFile('AgACAgEAAxkBAAMTphoto-large', new Uint8Array(64));
    api.addFile('BQACAgEAAxkBAAMUdocument-png', new Uint8Array(8), { file_size: 25 * 1024 * 1024 });
    await startWith(undefined, { maxFileBytes: 32 });
    const photo = fixture('photo-caption');
    delete photo.message!.photo![2]!.file_size;
    api.pushUpdate(photo); // size unknown until getFile says 64
    api.pushUpdate(fixture('document')); // declared 245760: not even asked for
    const doc = fixture('document');
    delete doc.message!.document!.file_size;
    doc.message!.message_id = 99;
    api.pushUpdate(doc); // getFile refuses: "file is too big" (over the Bot API's 20 MB)
    await eventually(() => expect(received).toHaveLength(3));
    const [a, b, c] = received.map((m) => m.attachments[0]!);
    expect(a).toMatchObject({ size: 64 });
    expect(b).toMatchObject({ size: 245760 });
    expect(c!.size).toBeUndefined();
    for (const x of [a, b, c]) expect(x!.data).toBeUndefined();
    expect(api.calls('getFile').map((x) => x.params['file_id'])).toEqual(['AgACAgEAAxkBAAMTphoto-large', 'BQACAgEAAxkBAAMUdocument-png']);
    expect(logs.filter((l) => l.level === 'warn')).toEqual([]);
  });

  it('sends plain text with buttons, no parse_mode, no link preview, threaded replies', async () => {
    api.addChat(privateChat(IDS.maria));
    api.noteMessage({ message_id: 17, date: 1, chat: privateChat(IDS.maria), from: user(IDS.maria), text: 'x' });
    await startWith();
    const r = await adapter.send({
      chat: { id: String(IDS.maria), kind: 'direct' },
      text: 'Is it happening now? https://example.org',
      choices: [{ value: '1', label: 'Sí' }],
      replyTo: `${IDS.maria}:17`,
    });
    expect(r.messageId).toMatch(new RegExp(`^${IDS.maria}:\\d+$`));
    const [call] = api.calls('sendMessage');
    expect(call!.params).not.toHaveProperty('parse_mode');
    expect(call!.params).toMatchObject({
      chat_id: IDS.maria,
      link_preview_options: { is_disabled: true },
      reply_parameters: { message_id: 17, allow_sending_without_reply: true },
      reply_markup: { inline_keyboard: [[{ text: '1. Sí', callback_data: '1' }]] },
    });
  });

  it('sends alerts to a configured forum topic, and replies into the topic they answer', async () => {
    api.addChat({ id: IDS.forum, type: 'supergroup', title: 'Respuesta Este', is_forum: true }, { topics: [42, 77] });
    await startWith(undefined, {}, { [String(IDS.forum)]: '77' });
    const alert = await adapter.send({ chat: { id: String(IDS.forum), kind: 'group' }, text: 'Alerta' });
    api.pushUpdate(fixture('forum-topic-message')); // someone writes in topic 42
    await eventually(() => expect(received).toHaveLength(1));
    await adapter.send({ chat: received[0]!.chat, text: 'gracias', replyTo: received[0]!.messageId });
    await adapter.send({ chat: { id: String(IDS.forum), kind: 'group' }, text: 'Actualización', replyTo: alert.messageId! });
    expect(api.calls('sendMessage').map((c) => c.params['message_thread_id'])).toEqual([77, 42, 77]);
  });

  it('uploads a photo with sendPhoto (multipart) and its caption', async () => {
    api.addChat(groupChat(IDS.group));
    await startWith();
    const data = new Uint8Array([0xff, 0xd8, 0xff, 9, 9, 9]);
    const r = await adapter.send({
      chat: { id: String(IDS.group), kind: 'group' },
      text: 'Foto',
      attachments: [{ kind: 'image', mime: 'image/jpeg', data }],
    });
    expect(r.messageId).toMatch(/^-4001234567:\d+$/);
    const [call] = api.calls('sendPhoto');
    expect(call!.params['caption']).toBe('Foto');
    expect(Object.values(call!.files).map((f) => f.bytes)).toEqual([data]);
  });

  it('surfaces 429 as rate_limited with retry_after, and a blocked user as rejected', async () => {
    api.addChat(privateChat(IDS.maria));
    await startWith();
    const chat = { id: String(IDS.maria), kind: 'direct' as const };
    api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 5', parameters: { retry_after: 5 } });
    const limited = await adapter.send({ chat, text: 'secret words' }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(AdapterError);
    expect(limited).toMatchObject({ code: 'rate_limited', retryAfterMs: 5000 });
    expect((limited as Error).message).not.toContain('secret words');
    api.blockChat(IDS.maria);
    await expect(adapter.send({ chat, text: 'x' })).rejects.toMatchObject({ code: 'rejected' });
    await expect(adapter.send({ chat: { id: '-999', kind: 'group' }, text: 'x' })).rejects.toMatchObject({ code: 'rejected' });
  });

  it('follows a group upgraded to a supergroup: retries once to the new id, remembers it, warns', async () => {
    api.addChat(groupChat(IDS.group));
    api.migrateChat(IDS.group, IDS.supergroup);
    await startWith();
    const old = { id: String(IDS.group), kind: 'group' as const };
    const r1 = await adapter.send({ chat: old, text: 'one' });
    expect(r1.messageId).toMatch(/^-1001987654321:\d+$/);
    await adapter.send({ chat: old, text: 'two' });
    expect(api.calls('sendMessage').map((c) => [c.params['chat_id'], c.ok])).toEqual([
      [IDS.group, false],
      [IDS.supergroup, true],
      [IDS.supergroup, true],
    ]);
    expect(adapter.chatMigrations()).toEqual({ [String(IDS.group)]: String(IDS.supergroup) });
    expect(logs.filter((l) => l.level === 'warn').map((l) => l.obj)).toEqual([{ from: String(IDS.group), to: String(IDS.supergroup) }]);
  });

  it('learns a migration from the service message, which is not handed on', async () => {
    await startWith();
    api.pushUpdate(fixture('supergroup-migration'));
    api.pushUpdate(fixture('private-text'));
    await eventually(() => expect(received).toHaveLength(1));
    await eventually(() => expect(adapter.chatMigrations()).toEqual({ [String(IDS.group)]: String(IDS.supergroup) }));
    await adapter.send({ chat: { id: String(IDS.group), kind: 'group' }, text: 'to the new chat' });
    expect(api.calls('sendMessage').map((c) => c.params['chat_id'])).toEqual([IDS.supergroup]);
  });

  it('hands on a redelivered update with the same message id, and retries a failed handler', async () => {
    let failures = 1;
    await startWith(async (m) => {
      if (failures-- > 0) throw new Error('database is locked');
      received.push(m);
    });
    const u = fixture('private-text');
    api.pushUpdate(u);
    await eventually(() => expect(received).toHaveLength(1));
    api.pushUpdate({ ...u, update_id: u.update_id + 1 });
    api.pushUpdate(fixture('edited-message'));
    await eventually(() => expect(received).toHaveLength(3));
    expect(received.map((m) => m.messageId)).toEqual([`${IDS.maria}:17`, `${IDS.maria}:17`, `${IDS.maria}:17:edit:1700000095`]);
    expect(received[2]!.editOf).toBe(`${IDS.maria}:17`);
  });

  it("refuses a thread that is not a topic id, and warns when the token is another bot's", async () => {
    expect(() => make({}, { '-100': 'general' })).toThrow(/thread must be a forum topic id/);
    await startWith(undefined, { botUsername: 'SomeOtherBot' });
    expect(logs.filter((l) => l.level === 'warn').map((l) => l.obj)).toEqual([{ configured: 'SomeOtherBot', actual: 'CentinelaBot' }]);
  });

  it('reports health, goes down when polling is refused, and is not_started after stop', async () => {
    adapter = make();
    expect(adapter.health()).toEqual({ state: 'down', mode: 'polling', webhookErrors: 0 });
    const starting = adapter.start(async (m) => void received.push(m));
    expect(adapter.health().state).toBe('starting');
    await starting;
    expect(adapter.health().state).toBe('up');
    expect(api.calls('deleteWebhook')).toHaveLength(1);
    // Someone sets a webhook: getUpdates now answers 409 Conflict, which stops polling.
    await eventually(() => expect(api.calls('getUpdates').length).toBeGreaterThan(0)); // a long poll is waiting
    api.webhook = { url: 'https://example.org/hook' };
    api.pushUpdate(fixture('private-text'));
    await eventually(() => expect(adapter.health().state).toBe('down'));
    expect(adapter.health().pollError).toBe('409');
    expect(telegramStatus(adapter.health())).toMatchObject({
      condition: 'down',
      problem: 'misconfigured',
      action: expect.stringContaining('another program polls'),
    });
    expect(logs.some((l) => l.level === 'error')).toBe(true);
    await eventually(() => expect(received).toHaveLength(1)); // the update it did get is handed on
    await adapter.send({ chat: received[0]!.chat, text: 'sending still works' });
    await adapter.stop();
    await expect(adapter.send({ chat: { id: String(IDS.maria), kind: 'direct' }, text: 'x' })).rejects.toMatchObject({
      code: 'not_started',
    });
  });

  it('on stop(), hands on what was already taken in (confirmed to Telegram), then nothing more', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let calls = 0;
    await startWith(async (m) => {
      calls++;
      if (m.text === 'a1') await held;
      received.push(m);
    });
    const chat = privateChat(IDS.maria);
    for (const [i, text] of ['a1', 'a2', 'a3'].entries())
      api.pushUpdate(textMessage({ chat, from: user(IDS.maria), text, messageId: i + 1 }));
    await eventually(() => expect(calls).toBe(1)); // a2, a3 wait behind a1 (same chat)
    const stopping = adapter.stop();
    expect(adapter.health().state).toBe('down');
    setTimeout(release, 50);
    await stopping;
    expect(received.map((m) => m.text)).toEqual(['a1', 'a2', 'a3']);
    api.pushUpdate(fixture('location'));
    await new Promise((r) => setTimeout(r, 150));
    expect(calls).toBe(3);
  });

  it('keeps message text, tokens and user ids out of the logs', async () => {
    api.addChat(groupChat(IDS.group));
    api.migrateChat(IDS.group, IDS.supergroup);
    api.addFile('AgACAgEAAxkBAAMTphoto-large', new Uint8Array(1), { gone: true });
    await startWith(async () => {
      throw new Error('Hay agentes en la esquina');
    });
    api.pushUpdate(fixture('photo-caption'));
    await adapter.send({ chat: { id: String(IDS.group), kind: 'group' }, text: 'texto secreto' });
    await eventually(() => expect(logs.filter((l) => l.msg.includes('dropped'))).toHaveLength(1));
    const all = JSON.stringify(logs);
    for (const secret of [api.token, 'Hay agentes', 'texto secreto', 'camionetas', String(IDS.maria)]) expect(all).not.toContain(secret);
    expect(logs.map((l) => l.level)).toEqual(expect.arrayContaining(['warn', 'error']));
    expect(logs.some((l) => l.msg.includes('not downloaded'))).toBe(true);
  });
});
