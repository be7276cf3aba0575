import { afterEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../bot/messages.js';
import { AdapterError } from '../../bot/port.js';
import { dataEnvelope, receiptEnvelope, typingEnvelope } from '../../tests/fakes/signal/envelopes.js';
import { FakeSignalServer } from '../../tests/fakes/signal/fake-server.js';
import type { FakeMode } from '../../tests/fakes/signal/fake-server.js';
import { BOT_NUMBER, clock, eventually, recordingLogger, testConfig, uuidFor } from '../../tests/fakes/signal/harness.js';
import { SignalAdapter } from './adapter.js';

const TIPSTER = { uuid: uuidFor('tipster') };

let fake: FakeSignalServer | undefined;
let adapter: SignalAdapter | undefined;

afterEach(async () => {
  await adapter?.stop();
  await fake?.close();
  adapter = undefined;
  fake = undefined;
});

async function setup(mode: FakeMode = 'json-rpc', over: Record<string, unknown> = {}) {
  const f = await FakeSignalServer.start({ mode });
  fake = f;
  const log = recordingLogger();
  const a = new SignalAdapter({
    config: testConfig(f.url, { receive: mode === 'json-rpc' ? 'websocket' : 'poll', ...over }),
    logger: log.logger,
  });
  adapter = a;
  const received: InboundMessage[] = [];
  return { fake: f, adapter: a, received, log, ts: clock(), handler: async (m: InboundMessage) => void received.push(m) };
}

async function rejection(p: Promise<unknown>): Promise<AdapterError> {
  const err: unknown = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AdapterError);
  return err as AdapterError;
}

describe('SignalAdapter over the fake signal-cli-rest-api', () => {
  it('receives over the WebSocket, ignores noise, replies threaded, and reports health', async () => {
    const s = await setup();
    await s.adapter.start(s.handler);
    expect(s.adapter.health().state).toBe('up');
    expect(s.fake.socketCount()).toBe(1);

    s.fake.pushEnvelope(typingEnvelope(TIPSTER, s.ts()));
    s.fake.pushEnvelope(receiptEnvelope(TIPSTER, s.ts(), [1]));
    const t = s.ts();
    s.fake.pushEnvelope(dataEnvelope(TIPSTER, 'hay agentes', { timestamp: t }));
    await eventually(() => expect(s.received.map((m) => m.text)).toEqual(['hay agentes']));
    const m = s.received[0]!;
    expect(m).toMatchObject({
      platform: 'signal',
      sender: TIPSTER.uuid,
      chat: { id: TIPSTER.uuid, kind: 'direct' },
      messageId: `${TIPSTER.uuid}:${t}`,
    });

    const r = await s.adapter.send({ chat: m.chat, text: '¿Cuántos?', replyTo: m.messageId, choices: [{ value: '1', label: 'Uno' }] });
    const sent = s.fake.sent();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatchObject({
      number: BOT_NUMBER,
      recipients: [TIPSTER.uuid],
      message: '¿Cuántos?\n\n1. Uno',
      quote_timestamp: t,
      quote_author: TIPSTER.uuid,
    });
    expect(r.messageId).toBe(`${BOT_NUMBER}:${sent[0]!.timestamp}`);

    const logged = JSON.stringify(s.log.lines);
    expect(logged).not.toContain('hay agentes');
    expect(logged).not.toContain(BOT_NUMBER);
    expect(logged).not.toContain(TIPSTER.uuid);
  });

  it('reconnects within a second when the WebSocket drops mid-stream', async () => {
    const s = await setup();
    await s.adapter.start(s.handler);
    s.fake.pushEnvelope(dataEnvelope(TIPSTER, 'one', { timestamp: s.ts() }));
    await eventually(() => expect(s.received).toHaveLength(1));

    s.fake.dropSockets();
    const dropped = Date.now();
    await s.fake.waitForSockets(1, 1_000);
    expect(Date.now() - dropped).toBeLessThan(1_000);
    s.fake.pushEnvelope(dataEnvelope(TIPSTER, 'two', { timestamp: s.ts() }));
    await eventually(() => expect(s.received.map((m) => m.text)).toEqual(['one', 'two']), 1_000);
    const h = s.adapter.health();
    expect(h.state).toBe('up');
    expect(h.disconnectedMsTotal).toBeLessThan(1_000);
  });

  it('starts while the server is down, reports it, and connects when it comes up', async () => {
    const f = await FakeSignalServer.start({ mode: 'json-rpc' });
    fake = f;
    await f.stop();
    const log = recordingLogger();
    const a = new SignalAdapter({ config: testConfig(f.url, { receive: 'websocket' }), logger: log.logger });
    adapter = a;
    const received: InboundMessage[] = [];
    await a.start(async (m) => void received.push(m));
    const down = a.health();
    expect(down.state).toBe('down');
    expect(down.lastError).toContain('unreachable');

    await new Promise((r) => setTimeout(r, 60));
    expect(a.health().disconnectedMsTotal).toBeGreaterThan(0);
    await f.start();
    await f.waitForSockets(1, 1_500);
    await eventually(() => expect(a.health().state).toBe('up'));
    f.pushEnvelope(dataEnvelope(TIPSTER, 'now it works', { timestamp: 1_722_868_000_001 }));
    await eventually(() => expect(received.map((m) => m.text)).toEqual(['now it works']));

    // And again: the whole server restarts.
    await f.stop();
    await eventually(() => expect(a.health().state).not.toBe('up'));
    await f.start();
    await f.waitForSockets(1, 1_500);
    f.pushEnvelope(dataEnvelope(TIPSTER, 'after restart', { timestamp: 1_722_868_000_002 }));
    await eventually(() => expect(received.map((m) => m.text)).toEqual(['now it works', 'after restart']));
  });

  it('refuses a server in the wrong mode with a clear message', async () => {
    const s = await setup('json-rpc', { receive: 'poll' });
    const e = await rejection(s.adapter.start(s.handler));
    expect(e.code).toBe('rejected');
    expect(e.message).toBe(
      'signal-cli-rest-api runs in mode json-rpc; run the server with MODE=native (or normal), which loses nothing while Centinela is down, or set platforms.signal.receive to websocket',
    );
    expect(s.adapter.health().state).toBe('misconfigured');
    expect(await rejection(s.adapter.send({ chat: { id: TIPSTER.uuid, kind: 'direct' }, text: 'x' }))).toMatchObject({
      code: 'not_started',
    });

    s.fake.mode = 'normal';
    const ws = new SignalAdapter({ config: testConfig(s.fake.url, { receive: 'websocket' }) });
    const e2 = await rejection(ws.start(s.handler));
    expect(e2.message).toContain('runs in mode normal; set platforms.signal.receive to poll');
  });

  it('refuses a number the server does not hold, without naming it', async () => {
    const s = await setup('json-rpc', { number: '+15550999' });
    const e = await rejection(s.adapter.start(s.handler));
    expect(e.message).toContain('platforms.signal.number is not an account on this signal-cli-rest-api server');
    expect(e.message).not.toContain('15550999');
  });

  it('notices a wrong mode when the server only comes up later', async () => {
    const f = await FakeSignalServer.start({ mode: 'normal' });
    fake = f;
    await f.stop();
    const a = new SignalAdapter({ config: testConfig(f.url, { receive: 'websocket' }) });
    adapter = a;
    await a.start(async () => undefined);
    await f.start();
    await eventually(() => expect(a.health()).toMatchObject({ state: 'misconfigured', lastError: expect.stringContaining('mode normal') }));
  });

  it('maps a 429 with challenge tokens to rate_limited with retryAfterMs, then sends again', async () => {
    const s = await setup();
    await s.adapter.start(s.handler);
    const chat = { id: TIPSTER.uuid, kind: 'direct' as const };
    s.fake.failNextSend({
      status: 429,
      body: {
        error: 'Failed to send message due to rate limiting. Use the attached challenge tokens…',
        challenge_tokens: ['a1b2c3d4-0000-4000-8000-000000000000'],
        account: BOT_NUMBER,
      },
    });
    const e = await rejection(s.adapter.send({ chat, text: 'too fast' }));
    expect(e).toMatchObject({ code: 'rate_limited', retryAfterMs: 60_000 });
    expect(e.message).toContain('captcha');

    s.fake.failNextSend({ status: 429, body: { error: 'rate limited' }, headers: { 'retry-after': '5' } });
    expect((await rejection(s.adapter.send({ chat, text: 'x' }))).retryAfterMs).toBe(5_000);
    await s.adapter.send({ chat, text: 'later' });
    expect(s.fake.sentTexts(TIPSTER.uuid)).toEqual(['later']);
  });

  it('maps what the server rejects, and an unreachable server on send', async () => {
    const s = await setup();
    const g = s.fake.addGroup('verifiers');
    await s.adapter.start(s.handler);
    const unknownGroup = await rejection(
      s.adapter.send({
        chat: { id: 'group.' + Buffer.from(Buffer.alloc(32, 7).toString('base64')).toString('base64'), kind: 'group' },
        text: 'x',
      }),
    );
    expect(unknownGroup.code).toBe('rejected');
    expect(unknownGroup.message).toContain('group id');
    await s.adapter.send({ chat: { id: g.internal_id, kind: 'group' }, text: 'raw id works too' });
    expect(s.fake.sentTexts(g.id)).toEqual(['raw id works too']);

    s.fake.sendResponse = 'array';
    const r = await s.adapter.send({ chat: { id: g.id, kind: 'group' }, text: 'array shape' });
    expect(r.messageId).toMatch(/^\+15550100:\d+$/);

    await s.fake.stop();
    const down = await rejection(s.adapter.send({ chat: { id: g.id, kind: 'group' }, text: 'x' }));
    expect(down.code).toBe('unavailable');
  });

  it('polls in normal mode, in order, and loses nothing across a restart', async () => {
    const s = await setup('normal');
    await s.adapter.start(s.handler);
    for (const text of ['a', 'b', 'c']) s.fake.pushEnvelope(dataEnvelope(TIPSTER, text, { timestamp: s.ts() }));
    s.fake.pushEnvelope(receiptEnvelope(TIPSTER, s.ts(), [1]));
    await eventually(() => expect(s.received.map((m) => m.text)).toEqual(['a', 'b', 'c']));
    expect(s.adapter.health().state).toBe('up');

    await s.adapter.stop();
    s.fake.pushEnvelope(dataEnvelope(TIPSTER, 'while stopped', { timestamp: s.ts() }));
    await new Promise((r) => setTimeout(r, 60));
    expect(s.received).toHaveLength(3);
    await s.adapter.start(s.handler);
    await eventually(() => expect(s.received.map((m) => m.text)).toEqual(['a', 'b', 'c', 'while stopped']));
  });

  it('poll mode: bounded calls back to back; stop() lets the call under way finish and delivers what it took', async () => {
    // Each call waits 3 s after its last message: longer than any fixed stop grace would allow.
    const s = await setup('normal', { pollMaxMessages: 2, pollTimeoutSeconds: 3 });
    await s.adapter.start(s.handler);
    expect(s.log.lines.find((l) => l.msg.startsWith('signal receive: bounded polling'))?.obj).toMatchObject({ lostOnKillAtMost: 2 });
    expect(s.log.lines.filter((l) => l.level === 'warn')).toEqual([]);
    for (const text of ['1', '2']) s.fake.pushEnvelope(dataEnvelope(TIPSTER, text, { timestamp: s.ts() }));
    await eventually(() => expect(s.received.map((m) => m.text)).toEqual(['1', '2']), 1_000); // max_messages reached: no wait
    expect(s.fake.receiveCalls()[0]!.taken).toHaveLength(2);

    // A graceful stop while a call holds a message: the call finishes, the message is delivered.
    await eventually(() => expect(s.fake.receiveCalls().some((c) => c.startedAt !== undefined && c.endedAt === undefined)).toBe(true));
    s.fake.pushEnvelope(dataEnvelope(TIPSTER, 'during stop', { timestamp: s.ts() }));
    await s.adapter.stop();
    expect(s.received.map((m) => m.text)).toEqual(['1', '2', 'during stop']);
    expect(s.fake.lostInFlight()).toEqual([]);
    expect(s.fake.receiveCalls().every((c) => c.outcome === 'answered')).toBe(true);
  });

  it('websocket mode warns at start what json-rpc mode loses', async () => {
    const s = await setup('json-rpc');
    await s.adapter.start(s.handler);
    const warning = s.log.lines.find((l) => l.level === 'warn')?.msg ?? '';
    expect(warning).toContain('drops every message that arrives while Centinela is not connected');
    expect(warning).toContain('MODE=native');
  });

  it('delivers one message at a time, in arrival order', async () => {
    const s = await setup();
    const events: string[] = [];
    await s.adapter.start(async (m) => {
      events.push(`start ${m.text}`);
      await new Promise((r) => setTimeout(r, 15));
      events.push(`end ${m.text}`);
    });
    for (const text of ['1', '2', '3']) s.fake.pushEnvelope(dataEnvelope(TIPSTER, text, { timestamp: s.ts() }));
    await eventually(() => expect(events).toHaveLength(6));
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('stop() delivers what was already received, then nothing more', async () => {
    const s = await setup();
    const events: string[] = [];
    let firstStarted!: () => void;
    const started = new Promise<void>((r) => (firstStarted = r));
    await s.adapter.start(async (m) => {
      events.push(`start ${m.text}`);
      firstStarted();
      await new Promise((r) => setTimeout(r, 20));
      events.push(`end ${m.text}`);
    });
    for (const text of ['1', '2', '3']) s.fake.pushEnvelope(dataEnvelope(TIPSTER, text, { timestamp: s.ts() }));
    await started;
    await s.adapter.stop();
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(s.adapter.health().state).toBe('down');
    s.fake.pushEnvelope(dataEnvelope(TIPSTER, '4', { timestamp: s.ts() }));
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toHaveLength(6);
  });

  it('downloads attachments, deletes them from the server, and skips oversize ones', async () => {
    const s = await setup('json-rpc', { maxAttachmentBytes: 1_000 });
    await s.adapter.start(s.handler);
    const photo = new Uint8Array(600).fill(0xab);
    const big = new Uint8Array(5_000).fill(1);
    s.fake.addAttachment('111.jpg', photo, 'image/jpeg');
    s.fake.addAttachment('222.mp4', big, 'video/mp4');
    s.fake.addAttachment('333.bin', big, 'application/octet-stream');
    s.fake.pushEnvelope(
      dataEnvelope(TIPSTER, null, {
        timestamp: s.ts(),
        attachments: [
          { id: '111.jpg', contentType: 'image/jpeg', size: photo.byteLength },
          { id: '222.mp4', contentType: 'video/mp4', size: big.byteLength },
          { id: '333.bin', contentType: 'application/octet-stream', size: 10 }, // lies about its size
          { id: '444.jpg', contentType: 'image/jpeg', size: 10 }, // already gone from the server
        ],
      }),
    );
    await eventually(() => expect(s.received).toHaveLength(1));
    const [a, b, c, d] = s.received[0]!.attachments;
    expect(a).toMatchObject({ kind: 'image', size: 600 });
    expect(a?.data).toEqual(photo);
    expect(b).toMatchObject({ kind: 'video', size: 5_000 });
    expect(b?.data).toBeUndefined();
    expect(c?.data).toBeUndefined();
    expect(d?.data).toBeUndefined();
    expect(s.fake.attachmentIds()).toEqual([]);
    expect(s.fake.requests).not.toContain('GET /v1/attachments/222.mp4');
  });

  it('logs a JSON-RPC error frame and carries on', async () => {
    const s = await setup();
    await s.adapter.start(s.handler);
    s.fake.pushFrame({ error: 'Failed to receive: something about +15550123' });
    s.fake.pushEnvelope(dataEnvelope(TIPSTER, 'still here', { timestamp: s.ts() }));
    await eventually(() => expect(s.received.map((m) => m.text)).toEqual(['still here']));
    const warn = s.log.lines.find((l) => l.msg === 'signal-cli reported a receive error');
    expect(warn).toBeDefined();
    expect(JSON.stringify(warn)).not.toContain('15550123');
  });

  it('refuses a sender whose sourceUuid is a phone number, with a log line that carries no id', async () => {
    const s = await setup();
    await s.adapter.start(s.handler);
    s.fake.pushEnvelope(dataEnvelope({ uuid: '+15557654321', number: '+15557654321' }, 'hola', { timestamp: s.ts() }));
    s.fake.pushEnvelope(dataEnvelope(TIPSTER, 'still here', { timestamp: s.ts() }));
    await eventually(() => expect(s.received.map((m) => m.text)).toEqual(['still here']));
    const refused = s.log.lines.filter((l) => l.obj['reason'] === 'bad_sender');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.level).toBe('warn');
    expect(JSON.stringify(s.log.lines)).not.toContain('5557654321');
  });

  it('retries a failing handler as every adapter does, then keeps going', async () => {
    const s = await setup();
    let calls = 0;
    await s.adapter.start(async (m) => {
      calls++;
      if (m.text === 'boom') throw new Error('db locked');
      s.received.push(m);
    });
    s.fake.pushEnvelope(dataEnvelope(TIPSTER, 'boom', { timestamp: s.ts() }));
    s.fake.pushEnvelope(dataEnvelope(TIPSTER, 'fine', { timestamp: s.ts() }));
    await eventually(() => expect(s.received.map((m) => m.text)).toEqual(['fine']));
    expect(calls).toBe(4); // 'boom' three times (the shared hand-off policy), then 'fine'
    expect(s.log.lines.some((l) => l.level === 'error' && l.msg === 'message could not be recorded; dropped')).toBe(true);
  });
});
