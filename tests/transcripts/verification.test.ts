/**
 * Verification and dispatch, end to end on the real runtime and store: cards, commands,
 * approvals, alerts per responder group and language, updates threaded under the alert,
 * all-clear, relayed questions, and what strangers can and cannot do.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../bot/config/index.js';
import { DEMO_CONFIG } from '../../bot/config/index.js';
import type { InboundMessage } from '../../bot/messages.js';
import { Harness } from '../support/harness.js';

const MIN = 60_000;
const RICH_ES = 'están arrestando a un señor en 1st y Soto 90033, ahora, 4 agentes con chalecos de ICE, 2 SUV negras';

/** The demo network plus an English responder group for the same zone and a fallback group. */
function networkConfig(approvals = 1): Config {
  const c = structuredClone(DEMO_CONFIG) as Config;
  c.chats.responders[0]!.fallback = false;
  c.chats.responders.push(
    {
      platform: 'simulator',
      id: 'responders-east-en',
      zones: ['eastside'],
      language: 'en',
      fallback: false,
      precision: 'zone',
      media: false,
    },
    { platform: 'simulator', id: 'regional', zones: [], language: 'es', fallback: true, precision: 'exact', media: false },
  );
  c.verification.approvals = approvals;
  return c;
}

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

/** A first message, the answers to what it leaves open (e.g. triage), then "sí" at the review. */
async function tipAndSubmit(who: string, text = RICH_ES, ...answers: string[]): Promise<number> {
  await h.say(who, text);
  for (const a of answers) await h.say(who, a);
  await h.say(who, 'sí');
  const reports = h.reports();
  return reports[reports.length - 1]!.number;
}

describe('verification and alerts', () => {
  it('a Spanish tip, confirmed once, alerts each matching group once in its own language, and no other zone', async () => {
    h = await new Harness({ config: networkConfig() }).start();
    const n = await tipAndSubmit('+15551234567');
    const card = h.lastTo('verifiers')!.text;
    expect(card).toContain(`#${n}`);
    expect(card).toContain('Zona: Lado Este');
    expect(card).toContain(`/confirmar ${n}`);
    expect(h.sentTo('responders-east')).toHaveLength(0); // nothing unverified reaches responders

    const confirm = await h.send('verifier-1', { text: `/confirmar ${n} lo vio nuestro observador` }, { chat: 'verifiers', group: true });
    await h.deliver(confirm); // the platform delivers the command twice
    await h.say('verifier-2', `/confirm ${n}`, 'verifiers'); // a second verifier confirms too

    const es = h.sentTo('responders-east');
    const en = h.sentTo('responders-east-en');
    expect(es).toHaveLength(1);
    expect(en).toHaveLength(1);
    expect(es[0]!.text).toContain('ALERTA VERIFICADA');
    expect(es[0]!.text).toContain('1st / Soto');
    expect(es[0]!.text).toContain('lo vio nuestro observador');
    expect(en[0]!.text).toContain('VERIFIED ALERT');
    expect(en[0]!.text).toContain('East Side'); // zone precision: the zone, not the address
    expect(en[0]!.text).not.toContain('Soto 90033');
    expect(h.sentTo('responders-west')).toHaveLength(0);
    expect(h.sentTo('regional')).toHaveLength(0);
    expect(h.lastTo('+15551234567')!.text).toContain(`#${n}`); // the tipster is told
    expect(h.lastTo('+15551234567')!.text).toContain('avisó a la red'); // once a group really got it
    expect(
      h
        .sentTo('verifiers')
        .map((m) => m.text)
        .join('\n'),
    ).toContain(`Alerta #${n} entregada: Lado Este (responders-east) ✓, Lado Este (responders-east-en) ✓`);
    expect(h.lastTo('verifiers')!.text).toContain('ya está confirmado');
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/verify-confirm.txt');
  });

  it('a crash between commit and send still sends each alert exactly once after restart', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'centinela-crash-')), 'c.db');
    h = await new Harness({ config: networkConfig(), dbPath }).start();
    const n = await tipAndSubmit('tipster-a');
    h.now += 20_000;
    const confirm = (timestamp: number): InboundMessage => ({
      platform: 'simulator',
      chat: { id: 'verifiers', kind: 'group' },
      sender: 'verifier-1',
      messageId: 'confirm-1',
      timestamp,
      text: `/confirm ${n}`,
      attachments: [],
    });
    // Commit the confirmation without letting the dispatcher send anything, then "crash".
    await h.adapter.stop();
    h.bot.runtime.handleInbound(confirm(h.now));
    const pending = h.bot.store.db
      .prepare(`SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE 'alert:%' AND status = 'pending'`)
      .pluck()
      .get();
    expect(pending).toBe(2);
    h.bot.store.db.close();

    const restarted = await new Harness({ config: networkConfig(), dbPath, start: h.now + 1000 }).start();
    h = restarted;
    await h.adapter.deliver(confirm(h.now)); // redelivered after the crash: already handled
    await h.flush();
    expect(h.sentTo('responders-east')).toHaveLength(1);
    expect(h.sentTo('responders-east-en')).toHaveLength(1);
    expect(h.sentTo('responders-west')).toHaveLength(0);
  });

  it('updates thread under the alert, responders acknowledge, and the all-clear closes the incident', async () => {
    h = await new Harness({ config: networkConfig() }).start();
    const n = await tipAndSubmit('tipster-b');
    await h.say('verifier-1', `/claim ${n}`, 'verifiers');
    await h.say('verifier-1', `/confirm ${n}`, 'verifiers');
    const alert = h.sentTo('responders-east')[0]!;
    await h.say('responder-9', `/voy ${n}`, 'responders-east');
    await h.say('responder-8', `/going ${n}`, 'responders-east-en');
    await h.say('responder-8', `/going ${n}`, 'responders-east-en'); // same person twice counts once
    expect(h.lastTo('verifiers')!.text).toContain('2 personas van');
    await h.say('verifier-2', `/actualizar ${n} Se llevaron a una persona; la familia necesita apoyo`, 'verifiers');
    const update = h.lastTo('responders-east')!;
    expect(update.text).toContain('ACTUALIZACIÓN');
    expect(update.replyTo).toBe(alert.messageId);
    await h.say('verifier-1', `/despejado ${n}`, 'verifiers');
    expect(h.lastTo('responders-east')!.text).toContain('DESPEJADO');
    expect(h.lastTo('responders-east-en')!.text).toContain('ALL CLEAR');
    await h.say('verifier-1', `/update ${n} more`, 'verifiers');
    expect(h.lastTo('verifiers')!.text).toContain('no aplica');
    const audit = h.bot.store.db.prepare('SELECT actor, action FROM audit WHERE report = ? ORDER BY id').all(n);
    expect(audit).toEqual([
      { actor: 'simulator:verifier-1', action: 'claim' },
      { actor: 'simulator:verifier-1', action: 'approve' },
      { actor: 'simulator:verifier-1', action: 'confirm' },
      { actor: 'system', action: 'alert_delivered' },
      { actor: 'simulator:verifier-2', action: 'update' },
      { actor: 'simulator:verifier-1', action: 'clear' },
    ]);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/verify-update-clear.txt');
  });

  it('/ask relays a question to the tipster and their answer back, tagged, without revealing them', async () => {
    h = await new Harness({ config: networkConfig() }).start();
    const n = await tipAndSubmit('+15557654321');
    await h.say('verifier-1', `/preguntar ${n} ¿Siguen ahí? ¿Hacia dónde van?`, 'verifiers');
    expect(h.lastTo('+15557654321')!.text).toContain('¿Siguen ahí?');
    await h.say('+15557654321', 'ya se fueron hacia el norte por Soto');
    const relayed = h.lastTo('verifiers')!.text;
    expect(relayed).toContain(`#${n}`);
    expect(relayed).toContain('ya se fueron hacia el norte');
    expect(relayed).not.toContain('5557654321');
    expect(h.lastTo('+15557654321')!.text).toContain('le pasamos tu respuesta');
    await h.say('verifier-1', `/rechazar ${n} ya no están`, 'verifiers');
    expect(h.lastTo('+15557654321')!.text).toContain('no pudo confirmarlo');
    await h.say('+15557654321', 'hola'); // the relay closed: a new message starts a new report
    expect(h.lastTo('verifiers')!.text).not.toContain('hola');
    await h.say('verifier-1', `/ask ${n} otra cosa`, 'verifiers');
    expect(h.lastTo('verifiers')!.text).toContain('No se puede preguntar');
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/verify-ask.txt');
  });

  it('strangers are refused politely and recorded; chatter is ignored; bad commands get usage help', async () => {
    h = await new Harness({ config: networkConfig() }).start();
    const n = await tipAndSubmit('tipster-c');
    await h.say('intruder', `/confirm ${n}`, 'verifiers');
    expect(h.lastTo('verifiers')!.text).toContain('Solo el equipo de verificación');
    await h.say('tipster-c', `/confirm ${n}`); // a DM from a non-enrolled sender
    expect(h.lastTo('tipster-c')!.text).toContain('Only enrolled verifiers'); // answered in the command's language
    const before = h.sentTo('verifiers').length;
    await h.say('verifier-1', 'buenos días equipo', 'verifiers');
    await h.say('intruder', 'hola a todos', 'responders-east');
    expect(h.sentTo('verifiers')).toHaveLength(before);
    expect(h.sentTo('responders-east')).toHaveLength(0);
    await h.say('verifier-1', '/confirmar', 'verifiers');
    expect(h.lastTo('verifiers')!.text).toContain('Uso: /confirmar');
    await h.say('verifier-1', '/confirm 999999', 'verifiers');
    expect(h.lastTo('verifiers')!.text).toContain('No existe el reporte #999999');
    expect(h.reports()[0]!.status).toBe('new');
    const refusals = h.bot.store.db.prepare(`SELECT actor, action FROM audit WHERE action LIKE 'refused:%'`).all() as { actor: string }[];
    expect(refusals).toHaveLength(2);
    for (const r of refusals) {
      expect(r.actor).toMatch(/^anon:/);
      expect(r.actor).not.toContain('intruder');
      expect(r.actor).not.toContain('tipster-c');
    }
  });

  it('two approvals needed: one verifier cannot approve twice; stale sightings need --stale', async () => {
    h = await new Harness({ config: networkConfig(2) }).start();
    const n = await tipAndSubmit('tipster-d');
    await h.say('verifier-1', `/confirm ${n}`, 'verifiers');
    expect(h.lastTo('verifiers')!.text).toContain('(1 de 2)');
    await h.say('verifier-1', `/confirm ${n}`, 'verifiers');
    expect(h.lastTo('verifiers')!.text).toContain('Ya aprobaste');
    expect(h.sentTo('responders-east')).toHaveLength(0);
    h.now += 90 * MIN;
    await h.say('verifier-2', `/confirm ${n}`, 'verifiers');
    expect(h.lastTo('verifiers')!.text).toContain('--stale');
    expect(h.sentTo('responders-east')).toHaveLength(0);
    await h.say('verifier-2', `/confirm ${n} --stale`, 'verifiers');
    expect(h.sentTo('responders-east')).toHaveLength(1);
  });

  it('duplicates are flagged on the card, merge raises the count, and unknown zones go to the fallback group', async () => {
    h = await new Harness({ config: networkConfig() }).start();
    const first = await tipAndSubmit('tipster-e');
    h.now += 5 * MIN;
    await h.say('tipster-f', 'hay 3 agentes de ICE vigilando en Soto y 1st, boyle heights, hace 5 minutos, 1 camioneta blanca');
    await h.say('tipster-f', 'sí');
    const second = h.reports().at(-1)!.number;
    expect(h.lastTo('verifiers')!.text).toContain(`Puede ser el mismo que #${first}`);
    await h.say('verifier-1', `/unir ${second} ${first}`, 'verifiers');
    expect(h.lastTo('verifiers')!.text).toContain(`incidente #${first} (2 reportes · personas distintas: 2)`);
    await h.say('verifier-1', `/confirm ${first}`, 'verifiers');
    expect(h.sentTo('responders-east')[0]!.text).toContain('Respaldado por 2 personas distintas');

    const third = await tipAndSubmit('tipster-g', 'hay un retén de la migra en Main y 5th, ahora, 6 agentes, 3 patrullas', 'no');
    expect(h.lastTo('verifiers')!.text).toContain('Zona: desconocida');
    await h.say('verifier-1', `/confirm ${third}`, 'verifiers');
    expect(h.sentTo('regional')).toHaveLength(1);
    expect(h.sentTo('responders-east')).toHaveLength(1);
  });

  it('confirming a report no group covers warns the verifiers that nobody was alerted', async () => {
    const c = networkConfig();
    c.chats.responders = c.chats.responders.filter((g) => !g.fallback);
    h = await new Harness({ config: c }).start();
    const n = await tipAndSubmit('tipster-i', 'hay un retén de la migra en Main y 5th, ahora, 6 agentes', 'no');
    await h.say('verifier-1', `/confirm ${n}`, 'verifiers');
    expect(h.adapter.sent.filter((m) => m.text.includes('ALERTA VERIFICADA'))).toHaveLength(0);
    expect(
      h
        .sentTo('verifiers')
        .map((m) => m.text)
        .join('\n'),
    ).toContain('NO se alertó a nadie');
    expect(
      h
        .sentTo('verifiers')
        .map((m) => m.text)
        .join('\n'),
    ).not.toContain('La alerta va a');
    expect(h.lastTo('tipster-i')!.text).not.toContain('avisó'); // nobody was alerted: the tipster is not told so
  });

  it('quiet incidents expire with a notice to the groups; /status lists what is open', async () => {
    h = await new Harness({ config: networkConfig() }).start();
    const n = await tipAndSubmit('tipster-h');
    await h.say('verifier-1', `/confirm ${n}`, 'verifiers');
    await h.say('verifier-1', '/estado', 'verifiers');
    expect(h.lastTo('verifiers')!.text).toContain(`#${n} · confirmado · Lado Este`);
    await h.advance(5 * 60 * MIN);
    expect(h.lastTo('responders-east')!.text).toContain('se da por cerrado');
    expect(h.reports()[0]!.status).toBe('expired');
    await h.say('verifier-1', '/status', 'verifiers');
    expect(h.lastTo('verifiers')!.text).toContain('No hay reportes abiertos');
  });
});
