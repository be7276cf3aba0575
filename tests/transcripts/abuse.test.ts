/**
 * Abuse handling in whole conversations: a flood from one sender is accepted quietly, marked
 * low priority and gathered into digest cards, /block hides a sender's reports without anyone learning who they are, many new
 * tipsters reporting one spot raise a flood flag, and STOP cuts a tipster off their reports.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CONFIG, type Config } from '../../bot/config/index.js';
import { Harness } from '../support/harness.js';

const TIP = '4 agentes de ICE vigilando en 1st y Soto, boyle heights, ahora, 2 SUV negras';
let h: Harness;

/** Repeated reports of one spot stay separate reports here (no follow-up window): that is what these tests flood. */
function separateReports(): Config {
  const c = structuredClone(DEMO_CONFIG) as Config;
  c.intake.followUpMinutes = 0;
  return c;
}

afterEach(async () => {
  await h?.stop();
});

async function say(who: string, text: string, chat?: string): Promise<void> {
  h.now += 30_000;
  await h.send(who, { text }, chat ? { chat, group: true } : {});
}

/** A first message, the answers to what it leaves open (e.g. triage), then "sí" at the review. */
async function report(who: string, text = TIP, ...answers: string[]): Promise<void> {
  await say(who, text);
  for (const a of answers) await say(who, a);
  await say(who, 'sí');
}

describe('abuse', () => {
  it('a flood from one sender is accepted with the same replies, marked low priority and gathered into a digest card', async () => {
    h = await new Harness({ config: separateReports() }).start();
    for (let i = 0; i < 6; i++) await report('flooder');
    const replies = h.sentTo('flooder').filter((m) => m.keys?.includes('intake.submitted'));
    expect(replies).toHaveLength(6);
    expect(h.sentTo('verifiers')).toHaveLength(5); // the sixth waits for the digest
    await h.advance(5 * 60_000);
    expect(h.lastTo('verifiers')!.text).toContain('🗂️ Resumen: 1 reporte más');
    expect(h.bot.store.db.prepare('SELECT priority FROM reports ORDER BY number').pluck().all()).toEqual([
      'normal',
      'normal',
      'normal',
      'normal',
      'normal',
      'low',
    ]);
  });

  it('/block hides a sender from verifiers without telling anyone who it is; /unblock restores them', async () => {
    h = await new Harness({ config: separateReports() }).start();
    await report('troll');
    await say('verifier-1', '/bloquear 1001', 'verifiers');
    expect(h.lastTo('verifiers')!.text).toContain('nadie sabe quién es');
    const cardsBefore = h.sentTo('verifiers').length;
    await report('troll');
    expect(h.lastTo('troll')!.keys).toEqual(['intake.submitted']); // the troll sees nothing different
    expect(h.sentTo('verifiers')).toHaveLength(cardsBefore);
    await report('someone-else');
    expect(h.sentTo('verifiers')).toHaveLength(cardsBefore + 1);
    await say('verifier-1', '/unblock 1001', 'verifiers');
    await report('troll');
    expect(h.lastTo('verifiers')!.text).toContain('#1004');
    const audit = h.bot.store.db.prepare('SELECT actor, action FROM audit ORDER BY id').all() as { actor: string; action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['block', 'held_blocked_sender', 'unblock']);
    expect(JSON.stringify(audit)).not.toContain('troll');
  });

  it('many new tipsters reporting the same spot in minutes raise a coordinated flood flag', async () => {
    h = await new Harness({ config: separateReports() }).start();
    await report('a1', 'hay migra en 1st y Soto, ahora, 3 agentes', 'no');
    await report('a2', 'ICE en Soto y 1st, ahorita, 5 agentes', 'no');
    await report('a3', 'agentes en 1st & Soto, ahora, 2 carros', 'no');
    expect(h.lastTo('verifiers')!.text).not.toContain('avalancha');
    await report('a4', 'redada en 1st y Soto, ahora, 10 agentes', 'no');
    expect(h.lastTo('verifiers')!.text).toContain('Posible avalancha coordinada: 4 reportes');
  });

  it('after STOP, the team can no longer reach the tipster or block them, and the report stays', async () => {
    h = await new Harness({ config: separateReports() }).start();
    await report('gone');
    await say('gone', 'BORRAR');
    expect(h.lastTo('gone')!.keys).toEqual(['privacy.erased']);
    expect(h.bot.store.db.prepare('SELECT tipster, reply_address FROM reports').get()).toEqual({ tipster: null, reply_address: null });
    await say('verifier-1', '/ask 1001 ¿siguen ahí?', 'verifiers');
    expect(h.lastTo('verifiers')!.text).toContain('No se puede preguntar');
    await say('verifier-1', '/block 1001', 'verifiers');
    expect(h.lastTo('verifiers')!.text).toContain('ya no está vinculado');
    expect(h.reports()).toHaveLength(1);
  });
});
