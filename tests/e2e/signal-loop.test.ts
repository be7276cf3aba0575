/**
 * Issue 5, end to end over Signal: the real composition (composeCentinela, SQLite store, outbox,
 * verification desk) with the Signal adapter built by buildPlatforms exactly as `npm start`
 * builds it, talking real HTTP and a real WebSocket to the fake signal-cli-rest-api on 127.0.0.1.
 *
 * The bot's clock is a variable the tests move (intake timers, outbox retry times); the network
 * and the adapter's reconnects run on real time, with bounded waits only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Centinela } from '../../app/compose.js';
import { createLogger } from '../../app/logger.js';
import { parseConfig, type Config } from '../../bot/config/index.js';
import { dataEnvelope } from '../fakes/signal/envelopes.js';
import { FakeSignalServer, type FakeGroupEntry, type FakeMode } from '../fakes/signal/fake-server.js';
import { BOT_NUMBER, eventually, uuidFor } from '../fakes/signal/harness.js';
import { loadSignalFixtures } from '../fakes/signal/load-fixtures.js';
import { FROM_LOOPBACK } from '../support/from-loopback.js';
import { composeBuilt, EASTSIDE_ZONE, TEST_NETWORK, WESTSIDE_ZONE } from '../support/network.js';

const RICH_ES = '4 agentes con chalecos de ICE vigilando en 1st y Soto, boyle heights, ahora, 2 SUV negras';
/** A tipster who hides their number: signal-cli gives only the UUID (sourceNumber null). */
const TIPSTER = { uuid: uuidFor('tipster-hidden'), number: null, name: 'Vecina' };
/** An enrolled verifier; their number is visible, as it often is inside a group. */
const VERIFIER = { uuid: uuidFor('verifier-ana'), number: '+15550177', name: 'Ana' };
const STRANGER = { uuid: uuidFor('stranger'), number: '+15550199', name: 'Ana' };
/** The raw group id the fixtures' group messages carry. */
const FIXTURE_GROUP_RAW = 'mHN1kiXgMXpKz5Ah2l110NLQHzIrYaFuC3c3mzpSoaE=';
const E164 = /\+\d{7,15}/;
const NEXT_QUESTION_WAIT_MS = 3_000;

interface Running {
  fake: FakeSignalServer;
  bot: Centinela;
  logs: string[];
  groups: { verifiers: FakeGroupEntry; east: FakeGroupEntry; west: FakeGroupEntry };
  /** The bot's clock. */
  now: { value: number };
}

let running: Running | undefined;
afterEach(async () => {
  const r = running;
  running = undefined;
  await r?.bot.stop();
  await r?.fake.close();
});

/**
 * A network with Signal only: verifier group written in the RAW id form, responder groups in the
 * `group.` form, one enrolled verifier by UUID (upper case, as an admin might paste it).
 */
function signalConfig(fake: FakeSignalServer, groups: Running['groups'], signal: Record<string, unknown> = {}): Config {
  const parsed = parseConfig({
    network: TEST_NETWORK,
    zones: [EASTSIDE_ZONE, WESTSIDE_ZONE],
    chats: {
      verifiers: [{ platform: 'signal', id: groups.verifiers.internal_id, language: 'es' }],
      responders: [
        { platform: 'signal', id: groups.east.id, zones: ['eastside'], language: 'es' },
        { platform: 'signal', id: groups.west.id, zones: ['westside'], language: 'en' },
      ],
    },
    verifiers: [{ platform: 'signal', id: VERIFIER.uuid.toUpperCase(), name: 'Ana' }],
    platforms: {
      simulator: { enabled: false },
      signal: {
        url: fake.url,
        number: BOT_NUMBER,
        receive: 'websocket',
        reconnect: { initialMs: 20, maxMs: 200 },
        pollIntervalMs: 20,
        ...signal,
      },
    },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.config;
}

/** Starts the fake (unless told not to) and the whole bot, built as `npm start` builds it. */
async function startBot(opts: { mode?: FakeMode; fakeUp?: boolean; verifierGroupRaw?: string } = {}): Promise<Running> {
  const mode = opts.mode ?? 'json-rpc';
  const fake = await FakeSignalServer.start({ mode });
  const groups = {
    verifiers: fake.addGroup('Verificadores Este', opts.verifierGroupRaw),
    east: fake.addGroup('Respuesta Lado Este'),
    west: fake.addGroup('West Side Responders'),
  };
  if (opts.fakeUp === false) await fake.stop();
  const logs: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logs.push(line) });
  const { bot, now } = composeBuilt(signalConfig(fake, groups, mode === 'json-rpc' ? {} : { receive: 'poll' }), logger);
  running = { fake, bot, logs, groups, now };
  await bot.start();
  return running;
}

/** A Signal envelope from `from`, stamped with the bot's clock moved on 20 s (past the burst window). */
function push(r: Running, from: { uuid: string; number?: string | null; name?: string }, text: string, group?: FakeGroupEntry): number {
  r.now.value += 20_000;
  const timestamp = r.now.value;
  const env = dataEnvelope(from, text, group ? { timestamp, groupId: group.internal_id } : { timestamp });
  expect(r.fake.pushEnvelope(env), 'the bot has a receive socket open').toBe(true);
  return timestamp;
}

/** Waits until `chat` has received `count` messages in all; returns them. */
async function waitForTexts(r: Running, chat: string, count: number, ms = NEXT_QUESTION_WAIT_MS): Promise<string[]> {
  await eventually(() => expect(r.fake.sentTexts(chat).length).toBeGreaterThanOrEqual(count), ms);
  return r.fake.sentTexts(chat);
}

/**
 * Sends `text` from `from` (in `group` if given) and waits for a new message to `chat` (default:
 * the sender's own chat) that contains `expected`; returns that message.
 */
async function say(
  r: Running,
  from: { uuid: string; number?: string | null; name?: string },
  text: string,
  expected: string,
  opts: { group?: FakeGroupEntry; chat?: string } = {},
): Promise<string> {
  const chat = opts.chat ?? opts.group?.id ?? from.uuid;
  const before = r.fake.sentTexts(chat).length;
  push(r, from, text, opts.group);
  let found: string | undefined;
  await eventually(() => {
    found = r.fake
      .sentTexts(chat)
      .slice(before)
      .find((t) => t.includes(expected));
    expect(found, `a new message to ${chat} containing ${JSON.stringify(expected)}`).toBeDefined();
  }, NEXT_QUESTION_WAIT_MS);
  return found!;
}

/** Lets anything in flight settle: the adapter's delivery queue and the outbox. */
async function settle(r: Running): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 100));
  await r.bot.dispatcher.drain();
}

async function health(
  bot: Centinela,
): Promise<{ status: number; body: { ok: boolean; platforms: Record<string, { state: string; disconnectedMsTotal?: number }> } }> {
  const res = await bot.http.request('/health', {}, FROM_LOOPBACK);
  return { status: res.status, body: (await res.json()) as never };
}

describe('Signal end to end (issue 5)', () => {
  it('a hidden-number tipster reports, the verifier group confirms, the eastside responder group gets the alert once', async () => {
    const r = await startBot();
    const { fake, groups } = r;
    await fake.waitForSockets(1);
    expect((await health(r.bot)).status).toBe(200);

    const review = await say(r, TIPSTER, RICH_ES, 'Revisa tu reporte');
    expect(review).toContain('1st y Soto');

    const card = await say(r, TIPSTER, 'sí', '/confirmar', { chat: groups.verifiers.id });
    const n = Number(/#(\d+)/.exec(card)?.[1]);
    expect(n).toBeGreaterThan(0);
    expect(card).toContain('Zona: Lado Este');
    expect(card).toContain(`/confirmar ${n}`);
    expect(fake.sentTexts(groups.east.id)).toEqual([]); // nothing unverified reaches responders

    // Someone in the group who is not enrolled (same display name as the verifier) cannot confirm.
    await say(r, STRANGER, `/confirm ${n}`, 'Solo el equipo de verificación', { group: groups.verifiers });
    expect(fake.sentTexts(groups.east.id)).toEqual([]);

    const alert = await say(r, VERIFIER, `/confirm ${n}`, `ALERTA VERIFICADA · Incidente #${n}`, {
      group: groups.verifiers,
      chat: groups.east.id,
    });
    const confirmAt = r.now.value;
    expect(alert).toContain('1st / Soto'); // the parsed corner, never the words as typed
    expect(fake.sentTexts(groups.east.id)).toHaveLength(1);

    // Signal delivers the same command again (same author and timestamp): still one alert.
    fake.pushEnvelope(dataEnvelope(VERIFIER, `/confirm ${n}`, { timestamp: confirmAt, groupId: groups.verifiers.internal_id }));
    // and a second confirm is answered, not alerted again
    await say(r, VERIFIER, `/confirmar ${n}`, 'ya está confirmado', { group: groups.verifiers });
    await settle(r);
    expect(r.bot.runtime.counters.duplicates).toBe(1);
    expect(fake.sentTexts(groups.east.id)).toHaveLength(1);
    expect(fake.sentTexts(groups.west.id)).toEqual([]);
    expect(fake.sentTexts(TIPSTER.uuid).at(-1)).toContain(`#${n}`); // the tipster is told

    // Who sent the tip is nowhere in what the groups got, nor in the logs.
    const groupTexts = [...fake.sentTexts(groups.verifiers.id), ...fake.sentTexts(groups.east.id)];
    for (const text of groupTexts) {
      expect(text.toLowerCase()).not.toContain(TIPSTER.uuid);
      expect(text).not.toMatch(E164);
    }
    expect(r.logs.join('\n')).not.toContain(TIPSTER.uuid);

    // Every send was one recipient, in the `group.` form for groups (the raw config id was converted).
    const recipients = new Set(fake.sent().map((s) => s.body.recipients?.[0]));
    expect(recipients).toEqual(new Set([TIPSTER.uuid, groups.verifiers.id, groups.east.id]));
    const audit = r.bot.store.db.prepare('SELECT actor, action FROM audit WHERE report = ? ORDER BY id').all(n);
    expect(audit).toContainEqual({ actor: `signal:${VERIFIER.uuid}`, action: 'confirm' });
    // Nor anywhere in the database (inbox, reports, audit, outbox, sessions, media...): Signal
    // message ids begin with the sender's UUID, so the runtime keeps only keyed hashes of them.
    const db = r.bot.store.db;
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    expect(tables).toContain('inbox');
    expect(tables).toContain('reports');
    for (const table of tables) expect(JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all()), table).not.toContain(TIPSTER.uuid);
  });

  it('every fixture envelope goes through the whole app: used, or ignored without a crash', async () => {
    const r = await startBot({ verifierGroupRaw: FIXTURE_GROUP_RAW });
    const { fake, bot } = r;
    await fake.waitForSockets(1);
    const fixtures = loadSignalFixtures();
    const TIP = '2f1e6c3a-8b4d-4e2f-9a61-7c5d3b2e1f04'; // the fixtures' tipster (hidden number)
    const ROSA = 'b73a0708-5c1e-4d7f-8e2a-f7f432d7bf6c'; // the fixtures' other sender (number visible)
    const REAL = ['hidden-number', 'direct-text', 'edit', 'quote', 'attachment', 'sticker']; // a sticker sent directly is answered too
    const SKIP = new Set([...REAL, 'normal-mode-receive']);
    const ignorable = [...fixtures.keys()].filter((k) => !SKIP.has(k));
    expect(ignorable.sort()).toEqual(
      [
        'call',
        'exception',
        'group-text',
        'group-update',
        'jsonrpc-error',
        'mention',
        'reaction',
        'receipt-delivery',
        'receipt-read',
        'remote-delete',
        'story',
        'sync-sent',
        'typing',
      ].sort(),
    );
    for (const id of ['3174707558046123701.jpg', '8812093847561234987.mp4'])
      fake.addAttachment(id, new Uint8Array([1, 2, 3, 4]), 'image/jpeg');

    // 1. Everything that is not a tip, plus the normal-mode array sent whole as one (wrong) frame.
    for (const name of ignorable) expect(fake.pushFrame(fixtures.get(name)), name).toBe(true);
    fake.pushFrame(fixtures.get('normal-mode-receive'));
    // 2. The first real message: frames are handled in arrival order, so once it is answered,
    //    everything before it has been through the app.
    fake.pushFrame(fixtures.get('hidden-number'));
    await waitForTexts(r, TIP, 1);
    await settle(r);
    expect(bot.runtime.counters).toMatchObject({ inbound: 1, duplicates: 0 });
    expect(bot.runtime.counters.ignored).toBe(2); // the group chatter (group-text, mention) reached the desk and was ignored
    expect(new Set(fake.sent().map((s) => s.body.recipients?.[0]))).toEqual(new Set([TIP]));

    // 3. The other real messages, one at a time: each is handled (edits, quotes, photos, a visible number).
    let inbound = 1;
    for (const name of REAL.slice(1)) {
      r.now.value += 20_000;
      fake.pushFrame(fixtures.get(name));
      await eventually(() => expect(bot.runtime.counters.inbound, name).toBe(inbound + 1), NEXT_QUESTION_WAIT_MS);
      inbound += 1;
    }
    // 4. The normal-mode array's elements, as frames: the text is used, the receipt ignored.
    r.now.value += 20_000;
    for (const frame of fixtures.get('normal-mode-receive') as unknown[]) fake.pushFrame(frame);
    await eventually(() => expect(bot.runtime.counters.inbound).toBe(inbound + 1), NEXT_QUESTION_WAIT_MS);
    // 5. Redelivered envelopes are recognised as duplicates.
    fake.pushFrame(fixtures.get('direct-text'));
    await eventually(() => expect(bot.runtime.counters.duplicates).toBe(1), NEXT_QUESTION_WAIT_MS);
    await settle(r);

    expect(fake.sentTexts(ROSA).length).toBeGreaterThanOrEqual(1); // Rosa's tip was answered (to her UUID)
    expect(new Set(fake.sent().map((s) => s.body.recipients?.[0]))).toEqual(new Set([TIP, ROSA]));
    expect(fake.sent().every((s) => s.body.number === BOT_NUMBER)).toBe(true);
    expect(fake.attachmentIds()).toEqual([]); // photos downloaded, then deleted from the server
    expect(fake.socketCount()).toBe(1); // nothing made the adapter drop or reconnect
    const h = await health(bot);
    expect(h.status).toBe(200);
    expect(h.body.ok).toBe(true);
    expect(h.body.platforms.signal!.state).toBe('up');
    expect(bot.store.stats().outboxDead).toBe(0);
  });

  it('normal mode: the fixture array from GET /v1/receive is used (text) and ignored (receipt)', async () => {
    const r = await startBot({ mode: 'normal' });
    const { fake, bot } = r;
    const TIP = '2f1e6c3a-8b4d-4e2f-9a61-7c5d3b2e1f04';
    for (const frame of loadSignalFixtures().get('normal-mode-receive') as unknown[]) fake.pushFrame(frame);
    await waitForTexts(r, TIP, 1);
    await settle(r);
    expect(bot.runtime.counters).toMatchObject({ inbound: 1, ignored: 0, duplicates: 0 });
    expect(fake.queued()).toBe(0);
    expect((await health(bot)).status).toBe(200);
  });

  it('the WebSocket drops mid-conversation: reconnected within a second, the next answer gets the next question', async () => {
    const r = await startBot();
    const { fake, bot } = r;
    await fake.waitForSockets(1);
    await say(r, TIPSTER, 'hola', '¿Están deteniendo a alguien en este momento?');

    const dropped = Date.now();
    fake.dropSockets();
    await fake.waitForSockets(1, 1_000);
    const reconnectMs = Date.now() - dropped;
    expect(reconnectMs).toBeLessThan(1_000);
    await eventually(async () => expect((await health(bot)).status).toBe(200), 1_000);
    const gap = (await health(bot)).body.platforms.signal!.disconnectedMsTotal!;
    expect(gap).toBeLessThan(1_000);
    console.info(`[signal e2e] reconnected after ${reconnectMs} ms; /health disconnectedMsTotal ${gap} ms`);

    await say(r, TIPSTER, '2', '¿Qué están haciendo?'); // "no": nobody is being detained right now
    await say(r, TIPSTER, 'están tocando puertas', '¿Dónde?');

    // The server itself restarts (container restart): unhealthy while it is gone, back after.
    await fake.stop();
    await eventually(async () => expect((await health(bot)).status).toBe(503), 1_000);
    await fake.start();
    await fake.waitForSockets(1, 1_000);
    await eventually(async () => expect((await health(bot)).status).toBe(200), 1_000);
    await say(r, TIPSTER, '1st y Soto, boyle heights', '¿Cuándo lo viste?');
  });

  it('the server is down at start-up: start() resolves, /health is 503, the bot keeps trying and connects when it comes up', async () => {
    const started = Date.now();
    const r = await startBot({ fakeUp: false });
    const { fake, bot } = r;
    expect(Date.now() - started).toBeLessThan(2_000);
    const down = await health(bot);
    expect(down.status).toBe(503);
    expect(down.body.ok).toBe(false);
    expect(down.body.platforms.signal!.state).not.toBe('up');

    // It keeps trying (with backoff), and stays unhealthy without crashing.
    await eventually(() => expect(r.logs.filter((l) => l.includes('retrying')).length).toBeGreaterThanOrEqual(3), 3_000);
    expect((await health(bot)).status).toBe(503);
    expect(r.logs.join('\n')).not.toMatch(/"level":(50|60)/); // no error, no crash

    await fake.start();
    await fake.waitForSockets(1, 2_000);
    await eventually(async () => expect((await health(bot)).status).toBe(200), 1_000);

    await say(r, TIPSTER, RICH_ES, 'Revisa tu reporte');
  });

  it('a 429 on send: retried after the retry-after on the bot clock, and delivered exactly once', async () => {
    const r = await startBot();
    const { fake, bot } = r;
    await fake.waitForSockets(1);
    fake.failNextSend({
      status: 429,
      body: {
        error:
          "Failed to send message due to rate limiting. Use the attached challenge tokens to lift the rate limit restrictions via the '/v1/accounts/{number}/rate-limit-challenge' endpoint.",
        challenge_tokens: ['5b6c9a7e-1d2f-4a3b-8c4d-9e0f1a2b3c4d'],
        account: BOT_NUMBER,
      },
      headers: { 'retry-after': '30' },
    });
    push(r, TIPSTER, RICH_ES);
    await eventually(() => expect(bot.dispatcher.counters.retried).toBe(1), NEXT_QUESTION_WAIT_MS);
    const sends = () => fake.requests.filter((q) => q === 'POST /v2/send').length;
    expect(sends()).toBe(1); // the refused attempt
    expect(fake.sentTexts(TIPSTER.uuid)).toEqual([]);

    // Real time passes (the outbox polls every 250 ms) but the bot clock does not: nothing is due.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await bot.dispatcher.drain();
    expect(fake.sentTexts(TIPSTER.uuid)).toEqual([]);

    r.now.value += 29_000; // not yet
    await bot.dispatcher.drain();
    expect(fake.sentTexts(TIPSTER.uuid)).toEqual([]);
    expect(sends()).toBe(1);

    r.now.value += 1_500; // 30.5 s after the refusal: due
    await bot.dispatcher.drain();
    // The held reply (privacy note + review, queued in order behind it) goes out, each once.
    const texts = fake.sentTexts(TIPSTER.uuid);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('No guardamos tu número');
    expect(texts[1]).toContain('Revisa tu reporte');
    expect(sends()).toBe(3);

    await settle(r);
    r.now.value += 60_000; // later still (under the 10-minute reminder): nothing is sent again
    await bot.dispatcher.drain();
    expect(fake.sentTexts(TIPSTER.uuid).filter((t) => t.includes('No guardamos tu número'))).toHaveLength(1);
    expect(sends()).toBe(3);

    // The 0.100 server's own 429 has no Retry-After header (only challenge tokens in the body):
    // the adapter's default of 60 s applies. Here it holds the card for the verifier group.
    fake.failNextSend({
      status: 429,
      body: { error: 'Failed to send message due to rate limiting', challenge_tokens: ['t-1'], account: BOT_NUMBER },
    });
    push(r, TIPSTER, 'sí');
    await eventually(() => expect(bot.dispatcher.counters.retried).toBe(2), NEXT_QUESTION_WAIT_MS);
    const cards = () => fake.sentTexts(r.groups.verifiers.id);
    r.now.value += 59_000;
    await bot.dispatcher.drain();
    expect(cards()).toEqual([]);
    r.now.value += 1_500;
    await bot.dispatcher.drain();
    expect(cards()).toHaveLength(1);
    await settle(r);
    expect(cards()).toHaveLength(1);

    const metrics = await (await bot.http.request('/metrics', {}, FROM_LOOPBACK)).text();
    expect(metrics).toContain('centinela_sends_total{platform="signal",result="retry"} 2');
    expect(metrics).toMatch(/centinela_sends_total\{platform="signal",result="sent"\} [3-9]/);
    expect(metrics).not.toContain('result="dead"');
  });
});
