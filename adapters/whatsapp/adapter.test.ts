import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InboundMessage } from '../../bot/messages.js';
import { AdapterError } from '../../bot/port.js';
import { emptyAuth, linkedAuth } from '../../tests/fakes/whatsapp/auth.js';
import { disconnects, rateOverlimit } from '../../tests/fakes/whatsapp/boom.js';
import { FakeWhatsApp } from '../../tests/fakes/whatsapp/fake-socket.js';
import {
  BOT,
  RESPONDER_GROUP,
  TIPSTER,
  VERIFIER_GROUP,
  dmFrom,
  image,
  location,
  text,
  waMessage,
} from '../../tests/fakes/whatsapp/messages.js';
import { WhatsAppAdapter } from './adapter.js';
import type { WhatsAppAdapterOptions } from './adapter.js';
import { parseWhatsAppConfig } from './config.js';
import type { Logger } from '../../bot/logger.js';
import type { WhatsAppAuthStore } from '../../store/whatsapp-auth-store.js';
import { configuredUserJid } from './lid-lookup.js';
import { eventually } from '../../tests/support/eventually.js';

const FAST = { perChatPerMinute: 1000, overallPerMinute: 1000, minGapMs: 0, pauseOnLimitMs: 60_000 };

function config(pacing: Record<string, number> = FAST, extra: Record<string, unknown> = {}) {
  const parsed = parseWhatsAppConfig({ pacing, ...extra });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.config;
}

/** Every log line, to check none carries a JID, a number or message text. */
function recordingLogger() {
  const lines: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
  const at = (level: string) => (obj: Record<string, unknown>, msg: string) => void lines.push({ level, obj, msg });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}

let adapter: WhatsAppAdapter | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await adapter?.stop();
  adapter = undefined;
});

async function started(o: Partial<Omit<WhatsAppAdapterOptions, 'auth'>> & { wa?: FakeWhatsApp; auth?: WhatsAppAuthStore } = {}) {
  const wa = o.wa ?? new FakeWhatsApp();
  const store = o.auth ? { auth: o.auth } : linkedAuth();
  const log = recordingLogger();
  const received: InboundMessage[] = [];
  adapter = new WhatsAppAdapter({
    config: config(),
    socketFactory: wa.factory,
    downloadMedia: wa.download,
    logger: log.logger,
    ...o,
    auth: store.auth,
  });
  await adapter.start(async (m) => void received.push(m));
  if (store.auth.linked()) await eventually(() => expect(adapter!.health().state).toBe('up'));
  return { wa, auth: store.auth, received, log, adapter };
}

function expectNoPii(lines: { obj: Record<string, unknown>; msg: string }[]): void {
  const all = JSON.stringify(lines);
  for (const s of ['15551230001', '123450000000001', '15550009999', '99990000111122', '@s.whatsapp.net', '@lid', '@g.us', 'hola'])
    expect(all).not.toContain(s);
}

describe('WhatsAppAdapter: connection', () => {
  it('without a linked session: no socket, health needs_link, sends fail as unavailable', async () => {
    const wa = new FakeWhatsApp();
    const { auth } = emptyAuth();
    const { log } = await started({ wa, auth });
    expect(wa.sockets).toHaveLength(0);
    expect(adapter!.health()).toMatchObject({ state: 'needs_link', action: expect.stringContaining('centinela whatsapp link') });
    const err = await adapter!.send({ chat: { id: TIPSTER.lid, kind: 'direct' }, text: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdapterError);
    expect((err as AdapterError).code).toBe('unavailable');
    expect(log.lines.some((l) => l.level === 'warn' && l.msg.includes('whatsapp link'))).toBe(true);
  });

  it('515 restart required → a new socket at once, with the same session', async () => {
    const { wa } = await started();
    const first = wa.current;
    first.close(disconnects.restartRequired());
    await eventually(() => expect(wa.sockets).toHaveLength(2));
    await eventually(() => expect(adapter!.health().state).toBe('up'));
    expect(wa.current.options.auth.creds.noiseKey.public).toEqual(first.options.auth.creds.noiseKey.public);
  });

  it('401 logged out → session wiped, health needs_link, no reconnect (no crash loop)', async () => {
    const { wa, auth, log } = await started();
    wa.current.close(disconnects.loggedOut());
    await eventually(() => expect(adapter!.health().state).toBe('needs_link'));
    expect(adapter!.health()).toMatchObject({ reason: 'logged out', action: expect.stringContaining('whatsapp link') });
    expect(auth.isEmpty()).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(wa.sockets).toHaveLength(1);
    const err = await adapter!.send({ chat: { id: TIPSTER.lid, kind: 'direct' }, text: 'x' }).catch((e: unknown) => e);
    expect((err as AdapterError).code).toBe('unavailable');
    expect((err as AdapterError).message).toContain('needs a new link');
    expect(log.lines.find((l) => l.level === 'error')!.msg).toMatch(/logged this device out.*wiped.*whatsapp link/);
    expectNoPii(log.lines);
  });

  it('440 connection replaced → stops, health replaced, does not fight back', async () => {
    const { wa } = await started();
    wa.current.close(disconnects.connectionReplaced());
    await eventually(() => expect(adapter!.health().state).toBe('replaced'));
    await new Promise((r) => setTimeout(r, 50));
    expect(wa.sockets).toHaveLength(1);
  });

  it('403 forbidden → stops, health down', async () => {
    const { wa } = await started();
    wa.current.close(disconnects.forbidden());
    await eventually(() => expect(adapter!.health()).toMatchObject({ state: 'down', reason: expect.stringContaining('restricted') }));
    await new Promise((r) => setTimeout(r, 50));
    expect(wa.sockets).toHaveLength(1);
  });

  it.each(['connectionClosed', 'connectionLost', 'badSession', 'unavailableService', 'staleVersion'] as const)(
    '%s → reconnect after a backoff that grows and is capped',
    async (reason) => {
      const clock = { value: Date.now() };
      const { wa, log } = await started({ random: () => 0.5, now: () => clock.value });
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const delays: number[] = [];
      for (let i = 0; i < 9; i++) {
        wa.current.close(disconnects[reason]());
        expect(adapter!.health()).toMatchObject({ state: 'down', reason: 'reconnecting' });
        const delay = log.lines.at(-1)!.obj['delayMs'] as number;
        delays.push(delay);
        const before = wa.sockets.length;
        vi.advanceTimersByTime(delay - 1);
        expect(wa.sockets).toHaveLength(before);
        vi.advanceTimersByTime(1);
        await vi.waitFor(() => expect(wa.sockets).toHaveLength(before + 1));
        // The socket fails again before it opens: attempts keep counting.
      }
      expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 120_000, 120_000]);
      // A socket that opens and drops at once keeps the backoff (no reconnect storm, see
      // health.test.ts); once one has stayed up a minute, the backoff starts over.
      vi.useRealTimers();
      await eventually(() => expect(adapter!.health().state).toBe('up'));
      clock.value += 60_000;
      wa.current.close(disconnects[reason]());
      expect(log.lines.at(-1)!.obj['delayMs']).toBe(1_000);
      // Only ever one live socket.
      expect(wa.sockets.filter((s) => !s.ended).length).toBeLessThanOrEqual(1);
    },
  );

  it('a QR request from the server (session no longer valid) → needs_link, the socket is closed', async () => {
    const { wa } = await started();
    wa.current.showQr();
    await eventually(() => expect(adapter!.health().state).toBe('needs_link'));
    expect(wa.current.ended).toBe(true);
  });

  it('takes its session store at start() when given a function (the database opens after the adapters are built)', async () => {
    const wa = new FakeWhatsApp();
    const later: { store?: WhatsAppAuthStore } = {};
    adapter = new WhatsAppAdapter({ config: config(), auth: () => later.store!, socketFactory: wa.factory });
    expect(adapter.health().state).toBe('down');
    later.store = linkedAuth().auth;
    await adapter.start(async () => undefined);
    await eventually(() => expect(adapter!.health().state).toBe('up'));
  });

  it('saves creds on creds.update', async () => {
    const { wa, auth } = await started();
    wa.current.ev.emit('creds.update', { lastPropHash: 'abc123', routingInfo: Buffer.from('route') });
    expect(auth.loadCreds()).toMatchObject({ lastPropHash: 'abc123' });
    expect(Buffer.isBuffer(auth.loadCreds()!.routingInfo)).toBe(true);
  });

  it('stop() ends the socket; nothing is handed on after it; send() fails with not_started', async () => {
    const { wa, received } = await started();
    const socket = wa.current;
    await adapter!.stop();
    expect(socket.ended).toBe(true);
    socket.deliver([waMessage(dmFrom(), text('late'))]);
    await new Promise((r) => setTimeout(r, 20));
    expect(received).toHaveLength(0);
    const err = await adapter!.send({ chat: { id: TIPSTER.lid, kind: 'direct' }, text: 'x' }).catch((e: unknown) => e);
    expect((err as AdapterError).code).toBe('not_started');
  });
});

describe('WhatsAppAdapter: receiving', () => {
  it('hands on notify and append (the offline backlog, flushed at once), in order', async () => {
    const { wa, received } = await started();
    wa.current.backlog([waMessage(dmFrom(TIPSTER, { id: 'OFF1' }), text('uno')), waMessage(dmFrom(TIPSTER, { id: 'OFF2' }), text('dos'))]);
    wa.current.deliver([waMessage(dmFrom(TIPSTER, { id: 'NEW1' }), text('tres'))]);
    await eventually(() => expect(received.map((m) => m.text)).toEqual(['uno', 'dos', 'tres']));
    expect(received.map((m) => m.messageId)).toEqual([`${TIPSTER.lid}/OFF1`, `${TIPSTER.lid}/OFF2`, `${TIPSTER.lid}/NEW1`]);
  });

  it('a message delivered twice keeps its id (the runtime dedupes on it)', async () => {
    const { wa, received } = await started();
    const m = waMessage(dmFrom(TIPSTER, { id: 'TWICE' }), text('hola'));
    wa.current.deliver([m]);
    wa.current.backlog([structuredClone(m)]);
    await eventually(() => expect(received).toHaveLength(2));
    expect(new Set(received.map((r) => r.messageId))).toEqual(new Set([`${TIPSTER.lid}/TWICE`]));
  });

  it('downloads a photo before handing it on; a pin is a location', async () => {
    const { wa, received } = await started();
    const photo = waMessage(dmFrom(TIPSTER, { id: 'PHOTO1' }), image('foto', 9));
    wa.files.set('PHOTO1', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    wa.current.deliver([waMessage(dmFrom(), location(34.03, -118.2)), photo]);
    await eventually(() => expect(received).toHaveLength(2));
    expect(received[0]!.location).toEqual({ lat: 34.03, lng: -118.2 });
    expect(received[1]!.attachments).toEqual([
      { kind: 'image', mime: 'image/jpeg', size: 9, ref: 'imageMessage', data: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]) },
    ]);
  });

  it('never downloads past maxMediaBytes, and passes the message on without the file', async () => {
    const wa = new FakeWhatsApp();
    const { received, log } = await started({ wa, config: config(FAST, { maxMediaBytes: 10_000 }) });
    wa.files.set('BIG2', new Uint8Array(20_000)); // announced small, turns out big
    wa.current.deliver([
      waMessage(dmFrom(TIPSTER, { id: 'BIG1' }), image('announced big', 50_000)),
      waMessage(dmFrom(TIPSTER, { id: 'BIG2' }), image('actually big', 5_000)),
      waMessage(dmFrom(TIPSTER, { id: 'GONE' }), image('expired', 100)),
    ]);
    await eventually(() => expect(received).toHaveLength(3));
    expect(wa.downloads).toEqual(['BIG2', 'GONE']); // BIG1 was not even fetched
    for (const m of received) expect(m.attachments[0]!.data).toBeUndefined();
    expect(received.map((m) => m.text)).toEqual(['announced big', 'actually big', 'expired']);
    expect(log.lines.filter((l) => l.msg.includes('not downloaded')).map((l) => l.obj['outcome'])).toEqual([
      'too_big',
      'too_big',
      'failed',
    ]);
    expectNoPii(log.lines);
  });

  it('uses the LID Baileys stored for a sender known only by number', async () => {
    const { wa, auth, received } = await started();
    await auth.keys.set({ 'lid-mapping': { '15551230001': '123450000000001' } });
    wa.current.deliver([waMessage({ chat: TIPSTER.pnDevice }, text('solo número'))]);
    await eventually(() => expect(received).toHaveLength(1));
    expect(received[0]!.sender).toBe(TIPSTER.lid);
  });

  it('knows verifiers configured by phone number by that number, also when WhatsApp gives only their LID', async () => {
    const verifier = { lid: '123450000000002@lid', pn: '15551230002@s.whatsapp.net' };
    const { wa, auth, received } = await started({ pnSenders: [configuredUserJid('+1 555 123 0002')!] });
    await auth.keys.set({ 'lid-mapping': { '15551230002': '123450000000002', '123450000000002_reverse': '15551230002' } });
    wa.current.deliver([
      waMessage({ chat: VERIFIER_GROUP, participant: verifier.lid, participantAlt: verifier.pn }, text('/confirmar 1')),
      waMessage({ chat: VERIFIER_GROUP, participant: `${verifier.lid.replace('@', ':3@')}` }, text('/confirmar 2')),
      waMessage(dmFrom(TIPSTER), text('hola')),
    ]);
    await eventually(() => expect(received).toHaveLength(3));
    expect(received.map((m) => m.sender)).toEqual([verifier.pn, verifier.pn, TIPSTER.lid]);
  });

  it('retries a failing handler, then drops the message with a log line', async () => {
    const wa = new FakeWhatsApp();
    const { auth } = linkedAuth();
    const log = recordingLogger();
    let calls = 0;
    adapter = new WhatsAppAdapter({ config: config(), auth, socketFactory: wa.factory, logger: log.logger });
    await adapter.start(async () => {
      calls += 1;
      throw new Error('db locked');
    });
    await eventually(() => expect(adapter!.health().state).toBe('up'));
    wa.current.deliver([waMessage(dmFrom(), text('hola'))]);
    await eventually(() => expect(calls).toBe(3));
    await eventually(() => expect(log.lines.some((l) => l.msg.includes('dropped'))).toBe(true));
    expectNoPii(log.lines);
  });
});

describe('WhatsAppAdapter: sending', () => {
  it('sends text with choices as a numbered list, images with captions, and replies quoting the alert', async () => {
    const { wa } = await started();
    const alert = await adapter!.send({
      chat: { id: RESPONDER_GROUP, kind: 'group' },
      text: 'Alerta #1042',
      attachments: [{ kind: 'image', mime: 'image/jpeg', data: new Uint8Array([0xff, 0xd8, 1]) }],
    });
    expect(alert.messageId).toMatch(new RegExp(`^${RESPONDER_GROUP}/3EB0`));
    await adapter!.send({
      chat: { id: RESPONDER_GROUP, kind: 'group' },
      text: 'Actualización #1042',
      replyTo: alert.messageId!,
      choices: [{ value: '1', label: 'Voy' }],
    });
    const [first, second] = wa.sentTo(RESPONDER_GROUP);
    expect(first!.content).toMatchObject({ caption: 'Alerta #1042', mimetype: 'image/jpeg' });
    expect(second!.content).toEqual({ text: 'Actualización #1042\n\n1. Voy', linkPreview: null });
    expect(second!.options!.quoted!.key).toEqual({ remoteJid: RESPONDER_GROUP, id: first!.result.key.id, fromMe: true });
    expect(second!.options!.quoted!.message).toEqual(first!.result.message);
  });

  it('refuses chat ids that are not WhatsApp JIDs, and groups not in the config', async () => {
    await started({ allowedGroups: [VERIFIER_GROUP] });
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'sent',
        (e: unknown) => (e as AdapterError).code,
      );
    expect(await codeOf(adapter!.send({ chat: { id: 'status@broadcast', kind: 'group' }, text: 'x' }))).toBe('rejected');
    expect(await codeOf(adapter!.send({ chat: { id: TIPSTER.lid, kind: 'group' }, text: 'x' }))).toBe('rejected');
    expect(await codeOf(adapter!.send({ chat: { id: RESPONDER_GROUP, kind: 'group' }, text: 'x' }))).toBe('rejected');
    expect(await codeOf(adapter!.send({ chat: { id: VERIFIER_GROUP, kind: 'group' }, text: 'x' }))).toBe('sent');
    expect(await codeOf(adapter!.send({ chat: { id: TIPSTER.lid, kind: 'direct' }, text: 'x' }))).toBe('sent');
  });

  it('waits for a connection being opened', async () => {
    const wa = new FakeWhatsApp({ autoOpen: false });
    const { auth } = linkedAuth();
    adapter = new WhatsAppAdapter({ config: config(), auth, socketFactory: wa.factory });
    await adapter.start(async () => undefined);
    expect(adapter.health().state).toBe('connecting');
    const sending = adapter.send({ chat: { id: TIPSTER.lid, kind: 'direct' }, text: 'hola' });
    setTimeout(() => wa.current.open(), 20);
    await expect(sending).resolves.toHaveProperty('messageId');
    expect(wa.sentTexts(TIPSTER.lid)).toEqual(['hola']);
  });

  it('50 alerts for one group go out no faster than the configured rate', async () => {
    const clock = { now: 1_800_000_000_000 };
    const wa = new FakeWhatsApp({ now: () => clock.now, echoOwnSends: false });
    await started({
      wa,
      config: config({ perChatPerMinute: 20, overallPerMinute: 60, minGapMs: 1000 }),
      now: () => clock.now,
      sleep: async (ms) => void (clock.now += ms),
    });
    const start = clock.now;
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => adapter!.send({ chat: { id: RESPONDER_GROUP, kind: 'group' }, text: `Alerta ${i + 1}` })),
    );
    const times = wa.sentTo(RESPONDER_GROUP).map((c) => c.at);
    expect(wa.sentTexts(RESPONDER_GROUP)).toEqual(Array.from({ length: 50 }, (_, i) => `Alerta ${i + 1}`));
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
    for (const t of times) expect(times.filter((x) => x >= t && x < t + 60_000).length).toBeLessThanOrEqual(20);
    expect(times.at(-1)! - start).toBe(129_000);
  });

  it('rate-overlimit → rate_limited, and every send waits out the pause', async () => {
    const clock = { now: 1_800_000_000_000 };
    const wa = new FakeWhatsApp({ now: () => clock.now });
    const { log } = await started({
      wa,
      now: () => clock.now,
      sleep: async (ms) => void (clock.now += ms),
      config: config({ ...FAST, pauseOnLimitMs: 300_000 }),
    });
    wa.failNextSend(rateOverlimit());
    const err = (await adapter!.send({ chat: { id: TIPSTER.lid, kind: 'direct' }, text: 'hola' }).catch((e: unknown) => e)) as AdapterError;
    expect(err.code).toBe('rate_limited');
    expect(err.retryAfterMs).toBe(300_000);
    const before = clock.now;
    await adapter!.send({ chat: { id: RESPONDER_GROUP, kind: 'group' }, text: 'otra' });
    expect(wa.sentTo(RESPONDER_GROUP)[0]!.at - before).toBe(300_000);
    expectNoPii(log.lines);
  });

  it('ignores its own sends coming back (emitOwnEvents)', async () => {
    const { received } = await started();
    await adapter!.send({ chat: { id: TIPSTER.lid, kind: 'direct' }, text: 'hola' });
    await new Promise((r) => setTimeout(r, 20));
    expect(received).toHaveLength(0);
    expect(BOT.lid).toBeDefined();
  });
});
