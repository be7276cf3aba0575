/**
 * The whole loop on WhatsApp (issue 6), through the real composition (composeCentinela: engine,
 * runtime, SQLite store, outbox) with the WhatsApp adapter over the fake socket, and a clock the
 * test moves by hand. (It belongs with tests/e2e; it lives here until app/platforms.ts builds the
 * WhatsApp adapter, which the e2e tests go through.)
 *
 * - a tipster (LID, with a display name) answers the intake with a location pin and a photo; the
 *   card reaches the WhatsApp verifier group; the enrolled verifier confirms; the alert (photo and
 *   caption) reaches the WhatsApp responder group, once; the tipster's identity reaches no group;
 * - the connection drops; what arrived meanwhile comes as the offline backlog (`append`), with a
 *   message WhatsApp delivered twice: each is handled once, answered once;
 * - WhatsApp logs the device out: the session is wiped, /health says the link is needed, and
 *   there is no reconnect loop.
 */
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { WhatsAppAdapter } from '../../adapters/whatsapp/adapter.js';
import { parseWhatsAppConfig } from '../../adapters/whatsapp/config.js';
import { composeCentinela, type Centinela } from '../../app/compose.js';
import { createLogger } from '../../app/logger.js';
import { mustParseConfig } from '../../bot/config/validate.js';
import type { WhatsAppAuthStore } from '../../store/whatsapp-auth-store.js';
import { TEST_SECRET, T0 } from '../support/harness.js';
import { linkedAuth } from '../fakes/whatsapp/auth.js';
import { disconnects } from '../fakes/whatsapp/boom.js';
import { FakeWhatsApp, textOfContent } from '../fakes/whatsapp/fake-socket.js';
import type { SentCall } from '../fakes/whatsapp/fake-socket.js';
import {
  RESPONDER_GROUP,
  TIPSTER,
  VERIFIER,
  VERIFIER_GROUP,
  dmFrom,
  groupFrom,
  image,
  location,
  text,
  waMessage,
} from '../fakes/whatsapp/messages.js';
import type { From } from '../fakes/whatsapp/messages.js';
import { eventually } from '../support/eventually.js';
import { FROM_LOOPBACK } from '../support/from-loopback.js';
import { EASTSIDE_ZONE, TEST_NETWORK } from '../support/network.js';

const OTHER_GROUP = '120363040000000009@g.us';

function whatsappConfig() {
  return mustParseConfig(
    {
      network: TEST_NETWORK,
      zones: [
        EASTSIDE_ZONE,
        {
          id: 'westside',
          name: { en: 'West Side', es: 'Lado Oeste' },
          aliases: ['westlake'],
          area: { center: [34.058, -118.28], radiusMeters: 1500 },
        },
      ],
      chats: {
        verifiers: [{ platform: 'whatsapp', id: VERIFIER_GROUP, language: 'es' }],
        responders: [
          { platform: 'whatsapp', id: RESPONDER_GROUP, zones: ['eastside'], language: 'es', media: true },
          { platform: 'whatsapp', id: OTHER_GROUP, zones: ['westside'], language: 'en' },
        ],
      },
      verifiers: [{ platform: 'whatsapp', id: VERIFIER.lid, name: 'Vera' }],
      platforms: { whatsapp: { pacing: { minGapMs: 0, perChatPerMinute: 1000, overallPerMinute: 1000 } } },
    },
    'whatsapp loop config',
  );
}

interface Running {
  wa: FakeWhatsApp;
  bot: Centinela;
  adapter: WhatsAppAdapter;
  auth: WhatsAppAuthStore;
  clock: { now: number };
}

let r: Running | undefined;
afterEach(async () => {
  await r?.bot.stop();
  r = undefined;
});

/** Built as `npm start` would build it once app/platforms.ts knows WhatsApp (see the adapter's wiring). */
async function startBot(): Promise<Running> {
  const config = whatsappConfig();
  const parsed = parseWhatsAppConfig(config.platforms.whatsapp);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const wa = new FakeWhatsApp();
  const { auth } = linkedAuth();
  const groups = [...config.chats.verifiers, ...config.chats.responders].filter((c) => c.platform === 'whatsapp').map((c) => c.id);
  const adapter = new WhatsAppAdapter({
    config: parsed.config,
    auth,
    socketFactory: wa.factory,
    downloadMedia: wa.download,
    allowedGroups: groups,
    logger: createLogger('silent'),
  });
  const clock = { now: T0 };
  const bot = composeCentinela({
    config,
    secret: TEST_SECRET,
    logger: createLogger('silent'),
    dbPath: ':memory:',
    clock: () => clock.now,
    platforms: [{ adapter, healthy: () => adapter.health().state === 'up', health: () => ({ ...adapter.health() }) }],
  });
  await bot.start();
  await eventually(() => expect(adapter.health().state).toBe('up'));
  return { wa, bot, adapter, auth, clock };
}

function taken(bot: Centinela): number {
  const c = bot.runtime.counters;
  return c.inbound + c.duplicates + c.ignored;
}

/** Delivers messages (new, or the offline backlog), waits until the runtime took them all, and returns what the bot sent. */
async function deliver(messages: ReturnType<typeof waMessage>[], how: 'notify' | 'backlog' = 'notify'): Promise<SentCall[]> {
  const { wa, bot, clock } = r!;
  clock.now += 20_000;
  const before = taken(bot);
  const calls = wa.calls.length;
  if (how === 'backlog') wa.current.backlog(messages);
  else wa.current.deliver(messages);
  await eventually(() => expect(taken(bot)).toBe(before + messages.length));
  await bot.dispatcher.drain();
  return wa.calls.slice(calls);
}

/** A message from the tipster, stamped (as WhatsApp does, in seconds) when deliver() will hand it over. */
const tipster = (extra: Partial<From> = {}): From =>
  dmFrom(TIPSTER, { pushName: 'María López', timestamp: Math.floor((r!.clock.now + 20_000) / 1000), ...extra });
const say = (body: string, extra: Partial<From> = {}) => deliver([waMessage(tipster(extra), text(body))]);
const lastTo = (calls: SentCall[], jid: string) => textOfContent(calls.filter((c) => c.jid === jid).at(-1)!.content) ?? '';

describe('WhatsApp: the whole loop', () => {
  it('pin and photo from a tipster → card in the verifier group → confirmed → one alert with the photo in the responder group', async () => {
    r = await startBot();
    const { wa, bot } = r;
    const health = (await (await bot.http.request('/health', {}, FROM_LOOPBACK)).json()) as {
      ok: boolean;
      platforms: Record<string, { state: string }>;
    };
    expect(health).toMatchObject({ ok: true, platforms: { whatsapp: { state: 'up' } } });

    let sent = await say('hay 4 agentes de ICE tocando puertas');
    expect(sent.map((c) => c.jid)).toEqual([TIPSTER.lid, TIPSTER.lid]); // replies go to the LID chat
    expect(textOfContent(sent[0]!.content)).toContain('No guardamos tu número');
    expect(textOfContent(sent[1]!.content)).toContain('¿Están deteniendo a alguien en este momento?\n\n1. Sí\n2. No');
    expect(lastTo(await say('2'), TIPSTER.lid)).toContain('¿Dónde?');

    // A location pin answers "where".
    sent = await deliver([waMessage(tipster(), location(34.0335, -118.207))]);
    expect(lastTo(sent, TIPSTER.lid)).toContain('¿Cuándo lo viste?');
    expect(lastTo(await say('1'), TIPSTER.lid)).toContain('¿Algo más?');

    // A photo, downloaded with the media helper, cleaned and kept.
    const jpeg = new Uint8Array(
      await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 120, b: 150 } } })
        .jpeg()
        .toBuffer(),
    );
    wa.files.set('PHOTO0001', jpeg);
    sent = await deliver([waMessage(tipster({ id: 'PHOTO0001' }), image(undefined, jpeg.byteLength))]);
    expect(wa.downloads).toEqual(['PHOTO0001']);
    expect(textOfContent(sent[0]!.content)).toContain('Recibido (1 en total)');
    expect(bot.store.db.prepare('SELECT COUNT(*) FROM media WHERE cleaned = 1').pluck().get()).toBe(1);

    expect(lastTo(await say('chalecos que dicen ICE y una camioneta gris'), TIPSTER.lid)).toContain('¿Lo viste tú mismo/a?');
    const review = lastTo(await say('1'), TIPSTER.lid);
    expect(review).toContain('📍 ubicación en el mapa (34.034, -118.207)'); // kept to privacy.pinDecimals
    expect(review).toContain('Fotos/video: 1 archivo');
    expect(wa.sentTo(VERIFIER_GROUP)).toHaveLength(0);

    // Submitted: the card (with the cleaned photo) reaches the verifier group.
    sent = await say('sí');
    const cards = wa.sentTo(VERIFIER_GROUP);
    expect(cards).toHaveLength(1);
    const card = cards[0]!.content as { image?: Buffer; caption?: string };
    expect(Buffer.isBuffer(card.image)).toBe(true);
    expect(card.caption).toContain('Reporte #1001');
    expect(card.caption).toContain('Zona: Lado Este');
    expect(lastTo(sent, TIPSTER.lid)).toContain('Reporte #1001 enviado');
    expect(wa.sentTo(RESPONDER_GROUP)).toHaveLength(0);

    // A group member who is not enrolled cannot confirm; the enrolled verifier (by LID) can.
    const stranger = { lid: '123450000000777@lid', pn: '15551230777@s.whatsapp.net' };
    sent = await deliver([waMessage(groupFrom(VERIFIER_GROUP, stranger), text('/confirmar 1001'))]);
    expect(lastTo(sent, VERIFIER_GROUP)).toContain('Solo el equipo de verificación');
    sent = await deliver([waMessage(groupFrom(VERIFIER_GROUP, VERIFIER), text('/confirmar 1001 lo vio nuestro observador'))]);
    const alerts = wa.sentTo(RESPONDER_GROUP);
    expect(alerts).toHaveLength(1);
    const alert = alerts[0]!.content as { image?: Buffer; caption?: string };
    expect(Buffer.isBuffer(alert.image)).toBe(true); // media: true for this group
    expect(alert.caption).toContain('ALERTA VERIFICADA · Incidente #1001');
    expect(alert.caption).toContain('lo vio nuestro observador');
    expect(wa.sentTo(OTHER_GROUP)).toHaveLength(0);
    expect(lastTo(sent, VERIFIER_GROUP)).toContain('Alerta #1001 entregada'); // after 'Reporte #1001 confirmado', the true delivery
    expect(lastTo(sent, TIPSTER.lid)).toContain('confirmó tu reporte #1001');

    // The tipster's identity (LID, number, display name) reaches no group.
    const groupSends = JSON.stringify(wa.calls.filter((c) => c.jid.endsWith('@g.us')).map((c) => ({ ...c.content, image: undefined })));
    for (const needle of ['123450000000001', '15551230001', 'María', 'López']) expect(groupSends).not.toContain(needle);
    // Nor the database's reports, sessions or inbox.
    for (const table of ['reports', 'sessions', 'inbox', 'audit']) {
      const rows = JSON.stringify(bot.store.db.prepare(`SELECT * FROM "${table}"`).all());
      for (const needle of ['123450000000001', '15551230001', 'María']) expect(rows, `${table} holds ${needle}`).not.toContain(needle);
    }
  });

  it('the offline backlog (append) is handled once, and a message WhatsApp delivers twice is answered once', async () => {
    r = await startBot();
    const { wa, bot } = r;
    const first = waMessage(tipster({ id: 'AC0000DUP1' }), text('hay 4 agentes de ICE tocando puertas'));
    let sent = await deliver([first]);
    expect(sent).toHaveLength(2);
    // The same message again (live, then in a backlog): taken, but nothing more is sent.
    sent = await deliver([structuredClone(first)]);
    expect(sent).toHaveLength(0);
    expect(bot.runtime.counters.duplicates).toBe(1);

    // The connection drops; a new socket (restart) gets what arrived meanwhile as `append`,
    // including the first message once more.
    wa.current.close(disconnects.restartRequired());
    await eventually(() => expect(wa.sockets).toHaveLength(2));
    await eventually(() => expect(r!.adapter.health().state).toBe('up'));
    sent = await deliver([structuredClone(first), waMessage(tipster({ id: 'AC0000OFF1' }), text('2'))], 'backlog');
    expect(bot.runtime.counters.duplicates).toBe(2);
    expect(sent.map((c) => textOfContent(c.content))).toEqual([expect.stringContaining('¿Dónde?')]); // answered once
    // And the backlog delivered again after another reconnect: nothing new.
    wa.current.close(disconnects.restartRequired());
    await eventually(() => expect(r!.adapter.health().state).toBe('up'));
    sent = await deliver([waMessage(tipster({ id: 'AC0000OFF1' }), text('2'))], 'backlog');
    expect(sent).toHaveLength(0);
    expect(bot.runtime.counters.duplicates).toBe(3);
  });

  it('logged out: session wiped, /health says a new link is needed, no reconnect loop, no crash', async () => {
    r = await startBot();
    const { wa, bot, auth } = r;
    await say('hola');
    wa.current.close(disconnects.loggedOut());
    await eventually(() => expect(r!.adapter.health().state).toBe('needs_link'));
    expect(auth.isEmpty()).toBe(true);
    const res = await bot.http.request('/health', {}, FROM_LOOPBACK);
    const health = (await res.json()) as { ok: boolean; platforms: Record<string, Record<string, unknown>> };
    expect(health.ok).toBe(false);
    expect(health.platforms['whatsapp']).toMatchObject({
      state: 'needs_link',
      reason: 'logged out',
      action: expect.stringContaining('centinela whatsapp link'),
    });
    // Replies wait in the outbox (retried later), nothing crashes, no new socket is opened.
    r.clock.now += 20_000;
    await bot.runtime.receive({
      platform: 'whatsapp',
      chat: { id: TIPSTER.lid, kind: 'direct' },
      sender: TIPSTER.lid,
      messageId: `${TIPSTER.lid}/LATE1`,
      timestamp: r.clock.now,
      text: '2',
      attachments: [],
    });
    await bot.dispatcher.drain();
    await new Promise((res) => setTimeout(res, 100));
    expect(wa.sockets).toHaveLength(1);
    expect(
      bot.store.db.prepare(`SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND attempts >= 1`).pluck().get(),
    ).toBeGreaterThanOrEqual(1);
    expect(bot.store.db.prepare(`SELECT COUNT(*) FROM outbox WHERE status = 'dead'`).pluck().get()).toBe(0);
  });
});
