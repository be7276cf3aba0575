/**
 * Issue 16 over Signal: the on-duty roster and field dispatch through the real composition
 * (buildPlatforms, composeCentinela, SQLite, outbox) talking HTTP to the fake signal-cli-rest-api
 * on 127.0.0.1, in poll mode as `npm start` runs it. Field verifiers write to the bot in Spanish
 * and English; the bot's clock is a variable the tests move, and timers run as the ticker runs them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Centinela } from '../../app/compose.js';
import { createLogger } from '../../app/logger.js';
import { parseConfig, type Config } from '../../bot/config/index.js';
import { dataEnvelope } from '../fakes/signal/envelopes.js';
import { FakeSignalServer, type FakeGroupEntry } from '../fakes/signal/fake-server.js';
import { BOT_NUMBER, eventually, uuidFor } from '../fakes/signal/harness.js';
import { composeBuilt, EASTSIDE_ZONE, TEST_NETWORK, WESTSIDE_ZONE } from '../support/network.js';

const URGENT_ES = 'están arrestando a un señor en 1st y Soto 90033, ahora, 4 agentes con chalecos de ICE, 2 SUV negras';
const CALM_EN = '3 ICE agents watching from a car at Olympic and Lorena, boyle heights, right now';
type Who = { uuid: string; number: string | null; name: string };
const TIPSTER: Who = { uuid: uuidFor('tipster-d'), number: null, name: 'Vecina' };
const NEIGHBOUR: Who = { uuid: uuidFor('tipster-e'), number: null, name: 'Neighbour' };
const RESPONDER: Who = { uuid: uuidFor('responder-luz'), number: '+15550199', name: 'Luz' };
const DESK: Who = { uuid: uuidFor('desk-vera'), number: '+15550177', name: 'Vera' };
const ANA: Who = { uuid: uuidFor('field-ana'), number: null, name: 'Ana' };
const BEN: Who = { uuid: uuidFor('field-ben'), number: '+15550188', name: 'Ben' };
const WAIT_MS = 4_000;

interface Running {
  fake: FakeSignalServer;
  bot: Centinela;
  groups: { verifiers: FakeGroupEntry; east: FakeGroupEntry };
  now: { value: number };
}

let running: Running | undefined;
afterEach(async () => {
  const r = running;
  running = undefined;
  await r?.bot.stop();
  await r?.fake.close();
});

async function startBot(dispatch: Record<string, unknown> = {}): Promise<Running> {
  const fake = await FakeSignalServer.start({ mode: 'native' });
  const groups = { verifiers: fake.addGroup('Verificadores'), east: fake.addGroup('Respuesta Lado Este') };
  const parsed = parseConfig({
    network: TEST_NETWORK,
    zones: [EASTSIDE_ZONE, WESTSIDE_ZONE],
    chats: {
      verifiers: [{ platform: 'signal', id: groups.verifiers.id, language: 'es' }],
      responders: [{ platform: 'signal', id: groups.east.id, zones: ['eastside'], language: 'es' }],
    },
    verifiers: [{ platform: 'signal', id: DESK.uuid, name: 'Vera' }],
    fieldVerifiers: [
      { name: 'Ana', ids: [{ platform: 'signal', id: ANA.uuid.toUpperCase() }], zones: ['eastside'], base: [34.045, -118.21] },
      { name: 'Ben', ids: [{ platform: 'signal', id: BEN.uuid }], zones: ['eastside'], base: [34.06, -118.19], language: 'en' },
    ],
    dispatch: { answerMinutes: 0.5, unclaimedMinutes: 5, onCall: ['Vera'], ...dispatch },
    platforms: {
      simulator: { enabled: false },
      signal: { url: fake.url, number: BOT_NUMBER, receive: 'poll', pollIntervalMs: 20 },
    },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const { bot, now } = composeBuilt(parsed.config as Config, createLogger('silent'));
  running = { fake, bot, groups, now };
  await bot.start();
  return running;
}

/** `from` writes `text` (in `group` if given) 20 s after the last message; waits for a new message to `chat` containing `expected`. */
async function say(
  r: Running,
  from: Who,
  text: string,
  expected: string,
  opts: { group?: FakeGroupEntry; chat?: string } = {},
): Promise<string> {
  const chat = opts.chat ?? opts.group?.id ?? from.uuid;
  const before = r.fake.sentTexts(chat).length;
  r.now.value += 20_000;
  const env = dataEnvelope(
    from,
    text,
    opts.group ? { timestamp: r.now.value, groupId: opts.group.internal_id } : { timestamp: r.now.value },
  );
  r.fake.pushEnvelope(env);
  return waitFor(r, chat, expected, before);
}

async function waitFor(r: Running, chat: string, expected: string, before = 0): Promise<string> {
  let found: string | undefined;
  await eventually(() => {
    found = r.fake
      .sentTexts(chat)
      .slice(before)
      .find((t) => t.includes(expected));
    expect(found, `a message to ${chat} containing ${JSON.stringify(expected)}`).toBeDefined();
  }, WAIT_MS);
  return found!;
}

/** Moves the bot's clock on and runs the timers, as the one-second ticker does. */
async function later(r: Running, ms: number): Promise<void> {
  r.now.value += ms;
  r.bot.runtime.tick();
  await r.bot.dispatcher.drain();
}

async function tip(r: Running, text: string, answers: string[] = [], who = TIPSTER): Promise<number> {
  await say(r, who, text, '');
  for (const a of answers) await say(r, who, a, '');
  const card = await say(r, who, answers.length > 0 ? 'yes' : 'sí', 'Reporte #', { chat: r.groups.verifiers.id });
  return Number(/#(\d+)/.exec(card)?.[1]);
}

describe('field dispatch over Signal (issue 16)', () => {
  it('on duty (es, en), an urgent report dispatched, "si 10" under the card, the other not needed, /visto confirms and alerts', async () => {
    const r = await startBot();
    const { fake, groups } = r;
    await say(r, ANA, '/disponible 2', 'Estás de guardia hasta las');
    await say(r, BEN, '/on 2', 'You are on duty until');
    expect(await say(r, BEN, '/shift', 'You are on duty until')).toContain('East Side');

    const n = await tip(r, URGENT_ES);
    const ping = await waitFor(r, ANA.uuid, `Reporte urgente #${n}`);
    expect(ping).toContain('1st / Soto · 90033');
    expect(ping).toContain('«si 10»');
    await waitFor(r, BEN.uuid, `Urgent report #${n}`);

    await say(r, ANA, 'si 10', `el reporte #${n} es tuyo`);
    await waitFor(r, groups.verifiers.id, 'Ana en camino, llega en ~10 min');
    await waitFor(r, BEN.uuid, 'No need to go');
    // The desk's notice is threaded under the report's card (a Signal quote of it).
    const threaded = fake.sent().find((s) => s.body.message?.includes('Ana en camino'));
    expect(threaded?.body.quote_timestamp).toBeDefined();
    await say(r, BEN, 'yes 5', 'someone else is already going');
    const roster = await say(r, DESK, '/guardia', 'De guardia ahora', { group: groups.verifiers });
    expect(roster).toContain(`#${n}: Ana en camino`);

    expect(fake.sentTexts(groups.east.id)).toEqual([]); // nothing unverified reaches responders
    await say(r, ANA, `/visto ${n} sí 6 agentes, 2 SUV`, 'confirmación en el sitio');
    const alert = await waitFor(r, groups.east.id, `ALERTA VERIFICADA · DETENCIÓN EN CURSO · Incidente #${n}`);
    expect(alert).toContain('Visto en el sitio por el equipo: 6 agentes, 2 SUV');
    await waitFor(r, groups.verifiers.id, `📬`); // the truthful delivery report
    await waitFor(r, TIPSTER.uuid, 'avisó a la red');
    // A responder on the way says when they arrive; the desk sees it.
    const eta = await say(r, RESPONDER, `/voy ${n} 15`, `incidente #${n}`, { group: groups.east, chat: groups.verifiers.id });
    expect(eta).toContain('llega en ~15 min');
    for (const t of [...fake.sentTexts(ANA.uuid), ...fake.sentTexts(BEN.uuid)]) expect(t.toLowerCase()).not.toContain(TIPSTER.uuid);
  });

  it('no yes in time: the verifier chat and the on-call; then /seen … no one there (en) closes a rumour', async () => {
    const r = await startBot();
    const { groups } = r;
    await say(r, ANA, '/disponible', 'Estás de guardia');
    const n = await tip(r, URGENT_ES);
    await waitFor(r, ANA.uuid, `#${n}`);
    await later(r, 31_000);
    await waitFor(r, groups.verifiers.id, `#${n}: nadie de campo dijo sí`);
    await waitFor(r, DESK.uuid, `Reporte urgente #${n}`);

    await say(r, BEN, '/on 3', 'You are on duty');
    const m = await tip(r, CALM_EN, ['no'], NEIGHBOUR);
    const asked = await say(r, DESK, `/dispatch ${m}`, `#${m}: pedimos que vayan a mirar a:`, { group: groups.verifiers });
    expect(asked).toContain('Ben');
    await waitFor(r, BEN.uuid, `Report #${m}`);
    await say(r, BEN, 'y 15', `report #${m} is yours`);
    await say(r, BEN, `/seen ${m} no one there`, 'Noted: no one');
    await waitFor(r, groups.verifiers.id, `#${m} · Ben fue al sitio y no vio a nadie`);
    await waitFor(r, NEIGHBOUR.uuid, 'saw no activity');
    expect(r.bot.store.db.prepare('SELECT status FROM reports WHERE number = ?').pluck().get(m)).toBe('rejected');
  });

  it('after hours with nobody on duty: an honest reply to the tipster, and the on-call is paged', async () => {
    const r = await startBot({ staffedHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '06:00', to: '18:00' }] });
    await say(r, ANA, '/fuera', 'Ya no estás de guardia');
    const n = await tip(r, URGENT_ES);
    const reply = await waitFor(r, TIPSTER.uuid, 'fuera de horario');
    expect(reply).toContain('+1 555 0100');
    expect(reply).toContain(`Tu reporte #${n} quedó guardado; el equipo lo verá a partir de: lun 6:00`);
    await waitFor(r, DESK.uuid, `Reporte urgente #${n}`);
  });
});
