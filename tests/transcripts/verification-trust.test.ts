/**
 * Verification you can trust, end to end: the bot never says "alerted" when nobody was, the
 * verifiers learn how each alert was delivered, merged incidents keep what matters and count
 * people rather than reports, nobody approves their own tip, relays close, and floods are
 * gathered into digest cards.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../bot/config/index.js';
import { DEMO_CONFIG } from '../../bot/config/index.js';
import { AdapterError } from '../../bot/port.js';
import { Harness } from '../support/harness.js';

const MIN = 60_000;
const CALM = 'hay 3 agentes de ICE vigilando en Soto y 1st, boyle heights, hace 5 minutos, 1 camioneta blanca';
const URGENT =
  'están arrestando a un señor en 1st y Soto, boyle heights, ahora, 4 agentes con chalecos de ICE, 2 SUV negras, placas 7ABC123';

/** One east-side group (named), the west group, no fallback; each report stays its own (no follow-up window). */
function config(edit: (c: Config) => void = () => {}): Config {
  const c = structuredClone(DEMO_CONFIG) as Config;
  c.chats.responders = [
    {
      platform: 'simulator',
      id: 'responders-east',
      name: 'Boyle Heights',
      zones: ['eastside'],
      language: 'es',
      fallback: false,
      precision: 'zone',
      media: false,
    },
    { platform: 'simulator', id: 'responders-west', zones: ['westside'], language: 'en', fallback: false, precision: 'zone', media: false },
  ];
  c.intake.followUpMinutes = 0;
  edit(c);
  return c;
}

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

/** A first message, the answers to what it leaves open, then "sí" at the review; returns the report number. */
async function tip(who: string, text: string, ...answers: string[]): Promise<number> {
  await h.say(who, text);
  for (const a of answers) await h.say(who, a);
  await h.say(who, 'sí');
  return h.reports().at(-1)!.number;
}

const toVerifiers = () =>
  h
    .sentTo('verifiers')
    .map((m) => m.text)
    .join('\n');

describe('verification you can trust', () => {
  it('a confirmation no group covers says so plainly, and neither verifiers nor tipster hear "alerted"', async () => {
    h = await new Harness({ config: config() }).start();
    const n = await tip('tipster-a', 'hay un retén de la migra en Main y 5th, ahora, 6 agentes', 'no');
    await h.say('verifier-1', `/confirm ${n}`, 'verifiers');
    expect(h.lastTo('verifiers')!.text).toContain('NO se alertó a nadie: no sabemos la zona del reporte');
    expect(toVerifiers()).not.toMatch(/La alerta va a|entregada/);
    expect(h.lastTo('tipster-a')!.text).toBe(`✅ Gracias: el equipo confirmó tu reporte #${n}.`);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/verify-no-group.txt');
  });

  it('an alert whose sends all fail is reported to the verifiers after its last try, and the tipster is not told "alerted"', async () => {
    h = await new Harness({ config: config() }).start();
    h.adapter.failingChats.set('responders-east', new AdapterError('unavailable', 'bot removed from the group'));
    const n = await tip('tipster-b', URGENT);
    await h.say('verifier-1', `/confirm ${n}`, 'verifiers');
    expect(h.lastTo('verifiers')!.text).toContain('La alerta va a: Boyle Heights');
    for (let i = 0; i < 8; i++) await h.advance(5 * MIN); // the retries, with backoff
    expect(h.lastTo('verifiers')!.text).toBe(
      `🛑 Alerta #${n} NO se entregó: Boyle Heights ✗ falló tras 8 intentos. Avisen a los grupos a mano.`,
    );
    expect(h.sentTo('verifiers').filter((m) => m.text.includes('NO se entregó'))).toHaveLength(1);
    expect(h.lastTo('tipster-b')!.text).not.toContain('avisó a la red');
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/verify-delivery-failed.txt');
  });

  it("an urgent report merged into a calm one: the alert is urgent, with the latest time, both reports' facts and two people", async () => {
    h = await new Harness({ config: config() }).start();
    const calm = await tip('tipster-c', CALM, 'no');
    h.now += 10 * MIN;
    const urgent = await tip('tipster-d', URGENT);
    await h.say('verifier-1', `/merge ${urgent} ${calm}`, 'verifiers');
    expect(h.lastTo('verifiers')!.text).toContain(`incidente #${calm} (2 reportes · personas distintas: 2)`);
    await h.say('verifier-1', `/confirm ${calm}`, 'verifiers');
    const alert = h.sentTo('responders-east')[0]!.text;
    expect(alert).toContain('DETENCIÓN EN CURSO');
    expect(alert).toContain('Qué: Detención en curso, Vigilancia');
    expect(alert).toContain('Última vez visto: 9:11'); // the urgent report's time, not the calm one's
    expect(alert).toContain('4 agentes, 2 vehículos');
    expect(alert).toContain('placas 7ABC123');
    expect(alert).toContain('Incidente con 2 reportes unidos');
    expect(alert).toContain('Respaldado por 2 personas distintas');
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/verify-merge-urgent.txt');
  });

  it('the same tipster reporting twice corroborates nothing: one person, two reports', async () => {
    h = await new Harness({ config: config() }).start();
    const first = await tip('tipster-e', CALM, 'no');
    h.now += 5 * MIN;
    const second = await tip('tipster-e', 'siguen 3 agentes de ICE en 1st y Soto, ahora', 'no');
    await h.say('verifier-1', `/unir ${second} ${first}`, 'verifiers');
    expect(h.lastTo('verifiers')!.text).toContain('(2 reportes · personas distintas: 1)');
    await h.say('verifier-1', `/confirmar ${first}`, 'verifiers');
    expect(h.sentTo('responders-east')[0]!.text).toContain('Respaldado por 1 persona.');
  });

  it('a verifier cannot approve their own tip, on any of their ids, and a person with two ids counts once', async () => {
    h = await new Harness({
      config: config((c) => {
        c.verification.approvals = 2;
        c.verifiers = [
          { platform: 'simulator', id: 'verifier-1' },
          { platform: 'simulator', id: 'ana-phone', name: 'Ana', person: 1 },
          { platform: 'simulator', id: 'ana-laptop', name: 'Ana', person: 1 },
          { platform: 'simulator', id: 'verifier-3' },
        ];
      }),
    }).start();
    const n = await tip('ana-phone', URGENT); // Ana sends a tip from her phone
    await h.say('ana-laptop', `/confirm ${n}`, 'verifiers');
    expect(h.lastTo('verifiers')!.text).toBe(
      `No puedes aprobar el reporte #${n}: lo enviaste tú. Otra persona del equipo tiene que confirmarlo.`,
    );
    await h.say('verifier-1', `/confirm ${n}`, 'verifiers');
    expect(h.lastTo('verifiers')!.text).toContain('(1 de 2)');
    expect(h.sentTo('responders-east')).toHaveLength(0);
    const other = await tip('tipster-f', CALM, 'no');
    await h.say('ana-phone', `/confirm ${other}`, 'verifiers');
    await h.say('ana-laptop', `/confirm ${other}`, 'verifiers'); // the same person
    expect(h.lastTo('verifiers')!.text).toContain('Ya aprobaste');
    await h.say('verifier-3', `/confirm ${n}`, 'verifiers');
    expect(h.sentTo('responders-east')).toHaveLength(1);
    const audit = h.bot.store.db.prepare(`SELECT actor, action FROM audit WHERE action LIKE 'approve%' AND report = ?`).all(n);
    expect(audit).toEqual([
      { actor: 'simulator:ana-phone', action: 'approve_refused_own' },
      { actor: 'simulator:verifier-1', action: 'approve' },
      { actor: 'simulator:verifier-3', action: 'approve' },
    ]);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/verify-own-tip.txt');
  });

  it('a relay closes after the first answer, or after relayMinutes; a new sighting during a relay is relayed and reported', async () => {
    h = await new Harness({ config: config((c) => (c.intake.followUpMinutes = 60)) }).start();
    const n = await tip('tipster-g', URGENT);
    await h.say('verifier-1', `/ask ${n} ¿Siguen ahí?`, 'verifiers');
    await h.say('tipster-g', 'ya se fueron hacia el norte');
    expect(h.lastTo('verifiers')!.text).toContain(`#${n} · respuesta del informante`);
    await h.say('tipster-g', 'gracias');
    expect(h.lastTo('verifiers')!.text).toContain('respuesta del informante'); // "gracias" was not relayed as an answer

    await h.say('verifier-1', `/ask ${n} ¿Cuántos carros?`, 'verifiers');
    await h.advance(31 * MIN);
    await h.say('tipster-g', 'perdón, no vi');
    expect(toVerifiers()).not.toContain('respuesta del informante:\nperdón, no vi'); // the question had closed: news, not an answer

    await h.say('verifier-1', `/ask ${n} ¿Y ahora?`, 'verifiers');
    await h.say('tipster-g', 'ahora hay 6 agentes de ICE en Cesar Chavez y Lorena, boyle heights');
    expect(toVerifiers()).toContain(`#${n} · respuesta del informante:\nahora hay 6 agentes de ICE en Cesar Chavez y Lorena`);
    await h.say('tipster-g', 'no');
    await h.say('tipster-g', 'sí');
    expect(h.reports()).toHaveLength(2);
    expect(h.lastTo('verifiers')!.text).toContain(`Reporte #${n + 1}`);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/verify-relay.txt');
  });

  it('a flood of 12 reports from one sender: 5 cards, then digest cards every few minutes', async () => {
    h = await new Harness({ config: config((c) => (c.abuse.digestMinutes = 2)) }).start();
    for (let i = 0; i < 8; i++) await tip('flooder', '4 agentes de ICE vigilando en 1st y Soto, boyle heights, ahora, 2 SUV negras');
    await h.advance(2 * MIN);
    for (let i = 0; i < 4; i++) await tip('flooder', '4 agentes de ICE vigilando en 1st y Soto, boyle heights, ahora, 2 SUV negras');
    await h.advance(2 * MIN);
    expect(h.sentTo('flooder').filter((m) => m.keys?.includes('intake.submitted'))).toHaveLength(12); // the sender can't tell
    const cards = h.sentTo('verifiers').filter((m) => m.text.includes('Reporte #'));
    const digests = h.sentTo('verifiers').filter((m) => m.text.startsWith('🗂️'));
    expect(cards).toHaveLength(5);
    expect(digests.map((d) => d.text.split('\n')[0])).toEqual([
      '🗂️ Resumen: 3 reportes más de personas que ya mandaron muchos en la última hora',
      '🗂️ Resumen: 4 reportes más de personas que ya mandaron muchos en la última hora',
    ]);
    expect(digests[0]!.text).toContain('#1006 · Vigilancia · Lado Este');
    expect(h.bot.store.db.prepare('SELECT COUNT(*) FROM reports WHERE digest = 1').pluck().get()).toBe(0);
  });

  it('follow-ups beyond the hourly cap are held, the tipster still thanked; strangers get one refusal', async () => {
    h = await new Harness({
      config: config((c) => {
        c.intake.followUpMinutes = 60;
        c.abuse.followUpsPerHour = 2;
      }),
    }).start();
    const n = await tip('tipster-h', URGENT);
    for (const news of ['siguen ahí', 'ahora son 5', 'llegó otra camioneta', 'se llevaron a otro']) await h.say('tipster-h', news);
    const followups = h.sentTo('verifiers').filter((m) => m.text.startsWith(`📝 #${n}`));
    expect(followups.map((m) => m.text.split('\n')[0])).toEqual([
      `📝 #${n} · novedad del informante:`,
      `📝 #${n} · novedad del informante:`,
      `📝 #${n}: el informante sigue mandando novedades (2 en la última hora). Pausamos las siguientes por una hora; usen /preguntar ${n} si necesitan algo.`,
    ]);
    expect(h.sentTo('tipster-h').filter((m) => m.keys?.includes('intake.followup.sent'))).toHaveLength(4);

    const before = h.sentTo('verifiers').length;
    for (let i = 0; i < 3; i++) await h.say('intruder', `/confirm ${n}`, 'verifiers');
    for (let i = 0; i < 8; i++) await h.say(`stranger-${i}`, `/reject ${n} no`, 'verifiers');
    expect(h.sentTo('verifiers').length - before).toBe(5); // one for the intruder, then four more strangers, then silence
    expect(h.bot.store.db.prepare(`SELECT COUNT(*) FROM audit WHERE action LIKE 'refused:%'`).pluck().get()).toBe(11);
  });
});
