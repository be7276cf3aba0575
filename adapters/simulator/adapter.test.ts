import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../bot/messages.js';
import { AdapterError } from '../../bot/port.js';
import { SimulatorAdapter, SimulatorInputError } from './adapter.js';
import type { SimInbound } from './adapter.js';

function setup(opts: { historyPath?: string } = {}) {
  let clock = 1_700_000_000_000;
  let n = 0;
  const adapter = new SimulatorAdapter({
    groupChats: ['verifiers', 'east'],
    now: () => (clock += 1000),
    newId: () => `sim-${++n}`,
    ...opts,
  });
  const received: InboundMessage[] = [];
  return { adapter, received, handler: async (m: InboundMessage) => void received.push(m) };
}

describe('SimulatorAdapter', () => {
  let s: ReturnType<typeof setup>;
  beforeEach(async () => {
    s = setup();
    await s.adapter.start(s.handler);
  });
  afterEach(() => s.adapter.close());

  it('keeps a repeated send of one outbox row once (idempotent sends after a crash)', async () => {
    const msg = { chat: { id: 'ana', kind: 'direct' as const }, text: '¿Dónde?', idempotencyKey: 'outbox:7' };
    const first = await s.adapter.send(msg);
    const again = await s.adapter.send(msg);
    expect(again.messageId).toBe(first.messageId);
    expect(s.adapter.history('ana')).toHaveLength(1);
    await s.adapter.send({ ...msg, idempotencyKey: 'outbox:8' });
    expect(s.adapter.history('ana')).toHaveLength(2);
  });

  it('builds an InboundMessage for a direct message, the chat being the sender', async () => {
    const r = await s.adapter.receive({ sender: 'tipster-1234', text: 'hola' });
    expect(r).toEqual({ id: 'sim-1', duplicate: false });
    expect(s.received).toEqual([
      {
        platform: 'simulator',
        chat: { id: 'tipster-1234', kind: 'direct' },
        sender: 'tipster-1234',
        messageId: 'sim-1',
        timestamp: 1_700_000_001_000,
        text: 'hola',
        attachments: [],
      },
    ]);
  });

  it('classifies group chats from groupChats', async () => {
    await s.adapter.receive({ chat: 'verifiers', sender: 'verifier-1', text: '/confirm 1001' });
    await s.adapter.receive({ chat: 'somebody-else', sender: 'verifier-1', text: 'dm' });
    expect(s.received.map((m) => m.chat)).toEqual([
      { id: 'verifiers', kind: 'group' },
      { id: 'somebody-else', kind: 'direct' },
    ]);
  });

  it('passes location, attachments (decoded) and replyTo', async () => {
    const data = Buffer.from([0xff, 0xd8, 0xff, 0x00]).toString('base64');
    await s.adapter.receive({
      sender: 't',
      location: { lat: 34.0335, lng: -118.207 },
      attachments: [{ kind: 'image', mime: 'image/jpeg', name: 'a.jpg', dataBase64: data }],
      replyTo: 'sim-0',
    });
    const m = s.received[0]!;
    expect(m.text).toBeUndefined();
    expect(m.location).toEqual({ lat: 34.0335, lng: -118.207 });
    expect(m.replyTo).toBe('sim-0');
    expect(m.attachments).toEqual([
      { kind: 'image', mime: 'image/jpeg', name: 'a.jpg', data: new Uint8Array([0xff, 0xd8, 0xff, 0x00]), size: 4 },
    ]);
    const [h] = s.adapter.history('t', { include: 'all' });
    expect(h).toMatchObject({ from: 'user', sender: 't', text: '', attachments: [{ kind: 'image', mime: 'image/jpeg', name: 'a.jpg' }] });
    expect(JSON.stringify(h)).not.toContain(data);
  });

  it('hands a redelivered id to the handler again but records it once', async () => {
    expect(await s.adapter.receive({ sender: 't', text: 'x', id: 'm-1' })).toEqual({ id: 'm-1', duplicate: false });
    expect(await s.adapter.receive({ sender: 't', text: 'x', id: 'm-1' })).toEqual({ id: 'm-1', duplicate: true });
    expect(s.received.map((m) => m.messageId)).toEqual(['m-1', 'm-1']);
    expect(s.adapter.history('t', { include: 'all' })).toHaveLength(1);
    // The same id in another chat is another message.
    expect(await s.adapter.receive({ sender: 'u', text: 'x', id: 'm-1' })).toEqual({ id: 'm-1', duplicate: false });
  });

  it('records sends with choices rendered into the text and kept for buttons', async () => {
    await s.adapter.receive({ sender: 't', text: 'hola' });
    const r = await s.adapter.send({
      chat: { id: 't', kind: 'direct' },
      text: '¿Qué idioma?',
      choices: [
        { value: '1', label: 'Español' },
        { value: '2', label: 'English' },
      ],
    });
    expect(r).toEqual({ messageId: 'sim-2' });
    await s.adapter.send({ chat: { id: 't', kind: 'direct' }, text: 'Gracias', replyTo: 'sim-1' });
    expect(s.adapter.history('t')).toEqual([
      {
        id: 'sim-2',
        chat: 't',
        from: 'bot',
        text: '¿Qué idioma?\n\n1. Español\n2. English',
        choices: [
          { value: '1', label: 'Español' },
          { value: '2', label: 'English' },
        ],
        at: 1_700_000_002_000,
      },
      { id: 'sim-3', chat: 't', from: 'bot', text: 'Gracias', replyTo: 'sim-1', at: 1_700_000_003_000 },
    ]);
    expect(s.adapter.history('t', { include: 'all' }).map((m) => m.from)).toEqual(['user', 'bot', 'bot']);
    expect(s.adapter.chats()).toEqual(['t']);
  });

  it('accepts an attachment without text and records its kind', async () => {
    await s.adapter.send({
      chat: { id: 'east', kind: 'group' },
      text: '',
      attachments: [{ kind: 'image', mime: 'image/png', data: new Uint8Array([1]) }],
    });
    expect(s.adapter.history('east')).toMatchObject([{ text: '', attachments: [{ kind: 'image', mime: 'image/png' }] }]);
  });

  it('rejects an empty chat id or an empty message', async () => {
    await expect(s.adapter.send({ chat: { id: '', kind: 'direct' }, text: 'x' })).rejects.toMatchObject({ code: 'rejected' });
    await expect(s.adapter.send({ chat: { id: 't', kind: 'direct' }, text: '  ' })).rejects.toMatchObject({ code: 'rejected' });
    expect(s.adapter.chats()).toEqual([]);
  });

  it('fails the next n sends with the injected error, then recovers', async () => {
    const limit = new AdapterError('rate_limited', 'slow down', { retryAfterMs: 1500 });
    s.adapter.failNextSends(2, limit);
    const msg = { chat: { id: 't', kind: 'direct' as const }, text: 'x' };
    await expect(s.adapter.send(msg)).rejects.toBe(limit);
    await expect(s.adapter.send(msg)).rejects.toBe(limit);
    await expect(s.adapter.send(msg)).resolves.toEqual({ messageId: 'sim-1' });
    expect(s.adapter.history('t')).toHaveLength(1);
  });

  it('refuses invalid input with SimulatorInputError, without calling the handler', async () => {
    const bad: unknown[] = [
      { text: 'no sender' },
      { sender: '', text: 'x' },
      { sender: 'a'.repeat(201), text: 'x' },
      { sender: 't' },
      { sender: 't', text: '   ' },
      { sender: 't', text: 'x'.repeat(10_001) },
      { sender: 't', location: { lat: 91, lng: 0 } },
      { sender: 't', attachments: [{ kind: 'sticker', mime: 'image/png' }] },
      { sender: 't', text: 'x', extra: true },
    ];
    for (const input of bad) {
      await expect(s.adapter.receive(input as SimInbound)).rejects.toBeInstanceOf(SimulatorInputError);
    }
    expect(s.received).toEqual([]);
    expect(s.adapter.chats()).toEqual([]);
  });

  it('passes the handler error on, keeping the message in the platform history', async () => {
    await s.adapter.stop();
    await s.adapter.start(async () => {
      throw new Error('store down');
    });
    await expect(s.adapter.receive({ sender: 't', text: 'x', id: 'm-9' })).rejects.toThrow('store down');
    expect(s.adapter.history('t', { include: 'all' })).toHaveLength(1);
  });

  it('delivers and sends nothing before start() or after stop(), and can start again', async () => {
    const fresh = setup();
    await expect(fresh.adapter.receive({ sender: 't', text: 'x' })).rejects.toMatchObject({ code: 'not_started' });
    await expect(fresh.adapter.send({ chat: { id: 't', kind: 'direct' }, text: 'x' })).rejects.toMatchObject({ code: 'not_started' });
    fresh.adapter.close();

    await s.adapter.stop();
    await expect(s.adapter.receive({ sender: 't', text: 'x' })).rejects.toBeInstanceOf(AdapterError);
    await expect(s.adapter.send({ chat: { id: 't', kind: 'direct' }, text: 'x' })).rejects.toMatchObject({ code: 'not_started' });
    expect(s.received).toEqual([]);
    expect(s.adapter.chats()).toEqual([]);

    await s.adapter.start(s.handler);
    await s.adapter.receive({ sender: 't', text: 'back' });
    expect(s.received).toHaveLength(1);
  });

  it('stop() waits for deliveries already under way', async () => {
    await s.adapter.stop();
    let release!: () => void;
    let finished = false;
    await s.adapter.start(async () => {
      await new Promise<void>((r) => (release = r));
      finished = true;
    });
    const delivery = s.adapter.receive({ sender: 't', text: 'slow' });
    const stopped = s.adapter.stop().then(() => finished);
    await new Promise((r) => setTimeout(r, 10));
    release();
    expect(await stopped).toBe(true);
    await delivery;
  });
});

describe('SimulatorAdapter history file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'centinela-sim-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('survives re-opening the same historyPath (a bot restart)', async () => {
    const historyPath = join(dir, 'sim.db');
    const first = setup({ historyPath });
    await first.adapter.start(first.handler);
    await first.adapter.receive({ sender: 't', text: 'hola', id: 'm-1' });
    await first.adapter.send({ chat: { id: 't', kind: 'direct' }, text: 'Hola, ¿qué viste?' });
    await first.adapter.stop();
    first.adapter.close();

    const second = setup({ historyPath });
    await second.adapter.start(second.handler);
    expect(second.adapter.history('t', { include: 'all' }).map((m) => [m.from, m.text])).toEqual([
      ['user', 'hola'],
      ['bot', 'Hola, ¿qué viste?'],
    ]);
    expect(second.adapter.chats()).toEqual(['t']);
    // A redelivery after the restart is still recognised as one.
    expect(await second.adapter.receive({ sender: 't', text: 'hola', id: 'm-1' })).toEqual({ id: 'm-1', duplicate: true });
    second.adapter.close();
  });
});
