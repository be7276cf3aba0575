/**
 * The on-duty roster and field dispatch, end to end on the real runtime and store (simulator):
 * field verifiers going on duty, an urgent report sent to them nearest first, `si 10` taken and
 * shown under the card, the second volunteer told they are not needed, the report from the
 * scene confirming the report and the alert going out; no answer -> the next ring -> the desk
 * and the on-call; "nobody there" closing a rumour; the honest after-hours reply.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../bot/config/index.js';
import { DEMO_CONFIG } from '../../bot/config/index.js';
import { Harness, photo } from '../support/harness.js';

const MIN = 60_000;
const URGENT_ES = 'están arrestando a un señor en 1st y Soto 90033, ahora, 4 agentes con chalecos de ICE, 2 SUV negras';
const CALM_EN = '3 ICE agents watching from a car at Olympic and Lorena, boyle heights, right now';

/** The demo network with three field verifiers; T0 is a Saturday 9:00, inside `staffed`. */
function fieldConfig(staffed: Config['dispatch']['staffedHours'] = []): Config {
  const c = structuredClone(DEMO_CONFIG) as Config;
  c.verifiers[0]!.name = 'Vera';
  c.fieldVerifiers = [
    { name: 'Ana', ids: [{ platform: 'simulator', id: 'ana' }], zones: ['eastside'], shifts: [], base: [34.045, -118.21] },
    { name: 'Beto', ids: [{ platform: 'simulator', id: 'beto' }], zones: ['eastside'], shifts: [], base: [34.06, -118.19] },
    { name: 'Carla', ids: [{ platform: 'simulator', id: 'carla' }], zones: ['westside'], shifts: [] },
  ];
  c.dispatch = { ...c.dispatch, staffedHours: staffed, answerMinutes: 0.5, unclaimedMinutes: 5, onCall: ['Vera'] };
  return c;
}

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

async function tipAndSubmit(who: string, text: string, ...answers: string[]): Promise<number> {
  await h.say(who, text);
  for (const a of answers) await h.say(who, a);
  await h.say(who, answers.length > 0 ? 'yes' : 'sí');
  return h.reports().at(-1)!.number;
}

describe('field dispatch (simulator)', () => {
  it('on duty, an urgent report dispatched nearest first, "si 10" on the card, the other not needed, the report from the scene alerts', async () => {
    h = await new Harness({ config: fieldConfig() }).start();
    await h.say('ana', '/disponible 2');
    expect(h.lastTo('ana')!.text).toContain('Estás de guardia hasta las 11:00 (Lado Este)');
    await h.say('beto', '/on');
    expect(h.lastTo('beto')!.text).toContain('You are on duty until 5:00 PM (East Side)');
    await h.say('beto', '/shift');

    const n = await tipAndSubmit('+15551234567', URGENT_ES);
    const ping = h.lastTo('ana')!.text;
    expect(ping).toContain(`Reporte urgente #${n}`);
    expect(ping).toContain('1st / Soto · 90033');
    expect(ping).toContain('Responde SÍ y los minutos');
    expect(ping).not.toContain('arrestando'); // parsed facts only
    expect(h.lastTo('beto')!.text).toContain('Reply YES');
    expect(h.lastTo('verifiers')!.text).toContain('pedimos que vayan a mirar a: Ana, Beto');

    await h.say('ana', 'si 10');
    expect(h.lastTo('ana')!.text).toContain(`el reporte #${n} es tuyo`);
    expect(h.lastTo('beto')!.text).toContain('No need to go');
    expect(h.lastTo('verifiers')!.text).toContain('Ana en camino, llega en ~10 min');
    await h.say('beto', 'yes 5');
    expect(h.lastTo('beto')!.text).toContain('someone else is already going');
    await h.say('verifier-1', '/guardia', 'verifiers');
    expect(h.lastTo('verifiers')!.text).toMatch(/Lado Este: Ana \(hasta 11:00\), Beto \(hasta 17:00\)/);
    expect(h.lastTo('verifiers')!.text).toContain(`#${n}: Ana en camino`);

    await h.advance(10 * MIN);
    expect(h.lastTo('ana')!.text).toContain(`¿Ya llegaste al reporte #${n}?`);
    expect(h.sentTo('responders-east')).toHaveLength(0); // nothing unverified reaches responders
    h.now += 20_000;
    await h.send('ana', { text: `/visto ${n} sí 6 agentes, 2 SUV`, attachments: [photo()] });
    const fromScene = h.sentTo('verifiers').find((m) => m.text.includes(`📷 #${n} · Ana envió 1 foto`));
    expect(fromScene?.attachments?.[0]?.mime).toBe('image/jpeg'); // cleaned, re-encoded without metadata
    const alert = h.lastTo('responders-east')!.text;
    expect(alert).toContain('ALERTA VERIFICADA');
    expect(alert).toContain('Visto en el sitio por el equipo: 6 agentes, 2 SUV');
    expect(alert).not.toContain('Ana');
    expect(h.sentTo('verifiers').some((m) => m.text.includes(`📬`) && m.text.includes(`#${n}`))).toBe(true); // truthful delivery
    expect(h.lastTo('+15551234567')!.text).toContain('avisó a la red');
    // The field volunteer never learns who the tipster is.
    for (const m of [...h.sentTo('ana'), ...h.sentTo('beto')]) expect(m.text).not.toContain('+1555123');
    expect(h.reports().at(-1)!.status).toBe('confirmed');
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/dispatch-urgent.txt');
  });

  it('no answer: the next ring, then the verifier chat, and the on-call is paged; a report nobody claimed is re-announced once', async () => {
    h = await new Harness({ config: fieldConfig() }).start();
    await h.say('ana', '/disponible 4');
    await h.say('carla', '/disponible 4');
    const n = await tipAndSubmit('+15551234567', URGENT_ES);
    expect(h.lastTo('ana')!.text).toContain(`#${n}`);
    await h.advance(31_000);
    expect(h.lastTo('carla')!.text).toContain(`#${n}`);
    expect(h.lastTo('verifiers')!.text).toContain('ahora preguntamos a: Carla');
    await h.say('carla', 'no puedo');
    expect(h.lastTo('carla')!.text).toContain('Preguntamos a otra persona');
    expect(h.lastTo('verifiers')!.text).toContain(`#${n}: nadie de campo dijo sí`);
    expect(h.lastTo('verifier-1')!.text).toContain(`Reporte urgente #${n}`); // the on-call, by DM
    await h.advance(5 * MIN);
    expect(h.lastTo('verifiers')!.text).toContain(`#${n} URGENTE (Lado Este) lleva`);
    await h.advance(5 * MIN);
    expect(h.sentTo('verifiers').filter((m) => m.text.includes('lleva'))).toHaveLength(1); // once
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/dispatch-escalation.txt');
  });

  it('"/seen … no one there" closes a rumour: the desk sees it with the time, the tipster hears it was checked', async () => {
    h = await new Harness({ config: fieldConfig() }).start();
    await h.say('beto', '/on 3');
    const n = await tipAndSubmit('+15557654321', CALM_EN, 'no');
    expect(h.sentTo('beto')).toHaveLength(1); // not urgent: nobody is sent until the desk says so
    await h.say('verifier-1', `/enviar ${n}`, 'verifiers');
    expect(h.lastTo('beto')!.text).toContain(`Report #${n}`);
    await h.say('beto', 'y');
    expect(h.lastTo('beto')!.text).toContain('In how many minutes');
    await h.say('beto', '15');
    expect(h.lastTo('verifiers')!.text).toContain('Beto en camino, llega en ~15 min');
    await h.say('beto', '/seen');
    expect(h.lastTo('beto')!.text).toContain(`What do you see at report #${n}?`);
    await h.say('beto', 'no one there, all quiet');
    expect(h.lastTo('verifiers')!.text).toMatch(new RegExp(`#${n} · Beto fue al sitio y no vio a nadie \\(9:\\d\\d\\)`));
    expect(h.lastTo('+15557654321')!.text).toContain('saw no activity');
    expect(h.reports().at(-1)!.status).toBe('rejected');
    expect(h.sentTo('responders-east')).toHaveLength(0);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/dispatch-nobody-there.txt');
  });

  it('after hours with nobody on duty: the tipster hears the hotline and when the team will see it', async () => {
    h = await new Harness({ config: fieldConfig([{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '06:00', to: '18:00' }]) }).start();
    await h.say('ana', '/fuera');
    const n = await tipAndSubmit('+15551234567', URGENT_ES);
    // Said with the submission (just before the "sent" confirmation), in the tipster's language.
    const reply = h.sentTo('+15551234567').find((m) => m.text.includes('🌙'))?.text ?? '';
    expect(reply).toContain('fuera de horario');
    expect(reply).toContain('+1 555 0100');
    expect(reply).toContain(`Tu reporte #${n} quedó guardado; el equipo lo verá a partir de: lun 6:00`);
    expect(reply).toContain('avisamos a la persona de guardia');
    expect(h.lastTo('verifier-1')!.text).toContain(`Reporte urgente #${n}`);
    await h.say('verifier-1', '/roster', 'verifiers');
    expect(h.lastTo('verifiers')!.text).toContain('outside staffed hours');
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/dispatch-after-hours.txt');
  });
});
