/**
 * Golden transcripts of whole intake conversations. Each scenario runs against the real runtime
 * and store with a fake clock; the transcript (every message's locale keys and text, every report
 * created) is compared with the reviewed file in __golden__/. `npx vitest run -u` regenerates
 * them; in CI a missing golden file fails.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Harness, photo } from '../support/harness.js';

const MIN = 60_000;
let h: Harness;

afterEach(async () => {
  await h.stop();
});

async function harness(): Promise<Harness> {
  h = await new Harness().start();
  return h;
}

/** Tipsters take a while to read and type: keep answers outside the burst window. */
async function answer(who: string, text: string): Promise<void> {
  h.now += 20_000;
  await h.send(who, { text });
}

describe('intake transcripts', () => {
  it('rich first message in Spanish reaches the review in one reply, and is sent on "sí"', async () => {
    await harness();
    await h.send('ana', { text: '4 agentes con chalecos de ICE vigilando en 1st y Soto, ahora, 2 SUV negras' });
    const afterFirst = h.sentTo('ana');
    expect(afterFirst.at(-1)?.keys).toContain('intake.review.title');
    expect(afterFirst.length).toBe(2); // safety notice + review
    await answer('ana', 'sí');
    expect(h.reports()).toHaveLength(1);
    expect(h.reports()[0]?.status).toBe('new');
    expect(h.sentTo('verifiers')).toHaveLength(1);
    expect(h.sentTo('verifiers')[0]?.text).toContain('#1001');
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/rich-first-message.txt');
  });

  it('step by step in English, every question answered', async () => {
    await harness();
    await h.send('ben', { text: 'hello' });
    await answer('ben', '2'); // nobody detained right now
    await answer('ben', 'they are knocking on doors at the apartments');
    await answer('ben', '1st and Soto, near the school');
    await answer('ben', '10 min ago');
    await answer('ben', '3 agents and 2 vans');
    expect(h.lastTo('ben')?.keys).toEqual(['intake.extras.ask']); // uniforms, vehicles, plates, photos in one
    await answer('ben', 'vests that say ICE, grey minivan plate 8XYZ123');
    await answer('ben', 'yes');
    expect(h.lastTo('ben')?.keys).toContain('intake.review.title');
    await answer('ben', 'yes');
    const [report] = h.reports();
    expect(report?.lang).toBe('en');
    const fields = JSON.parse(report?.fields ?? '{}') as { size?: { agents?: number; vehicles?: number } };
    expect(fields.size).toMatchObject({ agents: 3, vehicles: 2 });
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/step-by-step.txt');
  });

  it('urgent triage shows the hotline at once, then asks where before anything else', async () => {
    await harness();
    await h.send('cruz', { text: 'hola' });
    await answer('cruz', 'si');
    const last = h.sentTo('cruz').slice(-2);
    expect(last[0]?.keys).toEqual(['intake.urgent.hotline']);
    expect(last[0]?.text).toContain('+1 555 0100');
    expect(last[1]?.keys).toEqual(['intake.location.ask']);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/urgent-triage.txt');
  });

  it('every keyword: help, rights, back, skip (optional and required), language, cancel', async () => {
    await harness();
    await h.send('dana', { text: 'hola, hay migra' });
    await answer('dana', 'AYUDA');
    await answer('dana', 'derechos');
    await answer('dana', 'no');
    await answer('dana', 'saltar'); // activity is required
    await answer('dana', 'atrás'); // back to the triage question
    await answer('dana', 'no');
    await answer('dana', 'están vigilando desde un carro');
    await answer('dana', 'Cesar Chavez y Soto');
    await answer('dana', 'ahorita');
    await answer('dana', 'SALTAR'); // the optional "anything else?" (how many was said with the activity)
    await answer('dana', 'idioma');
    await answer('dana', '2');
    await answer('dana', 'help');
    await answer('dana', 'cancel');
    expect(h.lastTo('dana')?.keys).toEqual(['intake.cancelled']);
    expect(h.reports()).toHaveLength(0);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/keywords.txt');
  });

  it('wrong answers re-prompt with an example; three in a row move on keeping the raw text', async () => {
    await harness();
    await h.send('eli', { text: 'hola' });
    await answer('eli', 'tal vez');
    expect(h.lastTo('eli')?.keys).toEqual(['intake.retry', 'intake.urgent.ask']);
    await answer('eli', 'no');
    await answer('eli', 'arrestando a un señor');
    await answer('eli', 'por la tienda de la esquina de 1st y Soto');
    await answer('eli', 'ni idea de la hora');
    await answer('eli', 'no sé, temprano');
    await answer('eli', '???');
    const fields = JSON.parse(
      JSON.stringify(
        h.bot.store.loadSession(h.bot.store.db.prepare('SELECT tipster FROM sessions').pluck().get() as string)?.session.draft,
      ),
    );
    expect(fields.time).toEqual({ text: '???' });
    expect(h.lastTo('eli')?.keys).toEqual(['intake.size.ask']);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/wrong-answers.txt');
  });

  it('a burst of photos counts as one answer', async () => {
    await harness();
    await h.send('fer', { text: 'hola' });
    await answer('fer', 'no');
    await answer('fer', 'operativo en la fábrica');
    await answer('fer', 'Olympic y Lorena');
    await answer('fer', 'hace 5 minutos');
    await answer('fer', 'saltar');
    expect(h.lastTo('fer')?.keys).toEqual(['intake.extras.ask']);
    const before = h.sentTo('fer').length;
    h.now += 20_000;
    await h.send('fer', { attachments: [photo('a.jpg')] });
    h.now += 800;
    await h.send('fer', { attachments: [photo('b.jpg')] });
    h.now += 800;
    await h.send('fer', { attachments: [photo('c.jpg')] });
    expect(h.sentTo('fer').length - before).toBe(2); // one "received" + the next question
    await answer('fer', 'sí');
    await answer('fer', 'sí');
    const media = h.bot.store.db.prepare('SELECT COUNT(*) FROM media WHERE report_number = 1001').pluck().get();
    expect(media).toBe(3);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/burst-of-photos.txt');
  });

  it('a burst of texts sent before the next question joins the answer it follows, with one reply', async () => {
    await harness();
    await h.send('gil', { text: 'hello' });
    await answer('gil', 'no');
    // Sent 0.8 s and 1.5 s after the first, all before the bot (slow under load) asked "Where?".
    h.now += 20_000;
    const sent = h.now;
    h.now += 2_500;
    await h.send('gil', { text: 'agents in the parking lot', sentAt: sent });
    const before = h.sentTo('gil').length;
    h.now += 100;
    await h.send('gil', { text: 'of the Home Depot', sentAt: sent + 800 });
    h.now += 100;
    await h.send('gil', { text: 'on Soto St', sentAt: sent + 1_500 });
    const session = h.bot.store.db.prepare('SELECT state FROM sessions').pluck().get() as string;
    expect(JSON.parse(session).draft.activity.text).toBe('agents in the parking lot of the Home Depot on Soto St');
    // The burst said where, so "Where?" is answered: one reply, the next question.
    expect(
      h
        .sentTo('gil')
        .slice(before)
        .map((m) => m.keys),
    ).toEqual([['intake.time.ask']]);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/burst-of-texts.txt');
  });

  it('going quiet: a reminder after 10 minutes, then an incomplete report after 30', async () => {
    await harness();
    await h.send('hugo', { text: 'hay agentes de ICE en Soto y 4th' });
    await h.advance(10 * MIN);
    expect(h.lastTo('hugo')?.keys).toEqual(['intake.urgent.ask']);
    await h.advance(20 * MIN);
    const [report] = h.reports();
    expect(report?.status).toBe('incomplete');
    expect(h.sentTo('verifiers').at(-1)?.text).toContain('#1001');
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/timeout-incomplete.txt');
  });

  it('going quiet with nothing useful discards the draft', async () => {
    await harness();
    await h.send('ivan', { text: 'hola' });
    await h.advance(31 * MIN);
    expect(h.reports()).toHaveLength(0);
    expect(h.lastTo('ivan')?.keys).toEqual(['intake.expired_discarded']);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/timeout-discarded.txt');
  });

  it('language switch mid-way keeps the answers and continues in the new language', async () => {
    await harness();
    await h.send('jo', { text: 'hola' });
    await answer('jo', 'no');
    await answer('jo', 'tocando puertas');
    await answer('jo', 'LANGUAGE');
    await answer('jo', 'English');
    expect(h.lastTo('jo')?.text).toMatch(/^Where\?/);
    await answer('jo', '1st and Boyle');
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/language-switch.txt');
  });

  it('an unclear first message asks for the language first', async () => {
    await harness();
    await h.send('kim', { text: 'ICE' });
    expect(h.lastTo('kim')?.keys).toEqual(['language.menu']);
    await answer('kim', '1');
    expect(h.lastTo('kim')?.keys).toEqual(['intake.urgent.ask']);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/language-menu.txt');
  });

  it('STOP deletes the draft and what was held, and says so', async () => {
    await harness();
    await h.send('lu', { text: 'hola' });
    await answer('lu', 'no');
    h.now += 20_000;
    await h.send('lu', { attachments: [photo()] });
    await answer('lu', 'BORRAR');
    expect(h.lastTo('lu')?.keys).toEqual(['privacy.erased']);
    expect(h.bot.store.db.prepare('SELECT COUNT(*) FROM sessions').pluck().get()).toBe(0);
    expect(h.bot.store.db.prepare('SELECT COUNT(*) FROM media').pluck().get()).toBe(0);
    await answer('lu', 'hola');
    expect(h.lastTo('lu')?.keys).toEqual(['intake.urgent.ask']);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/stop.txt');
  });

  it('a map link pasted as text gives the location, and review edits go back to the review', async () => {
    await harness();
    await h.send('max', { text: 'ICE agents arresting someone at https://maps.google.com/?q=34.0335,-118.2070 right now, 3 agents' });
    expect(h.lastTo('max')?.keys).toContain('intake.review.title');
    await answer('max', '9');
    await answer('max', 'yes');
    expect(h.lastTo('max')?.keys).toContain('intake.review.title');
    await answer('max', 'yes');
    const [report] = h.reports();
    expect(report?.urgent).toBe(1);
    // Kept to privacy.pinDecimals (3): the link said 34.0335, -118.2070.
    expect(JSON.parse(report?.fields ?? '{}').location.point).toEqual({ lat: 34.034, lng: -118.207 });
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/map-link-and-edit.txt');
  });

  it('bad input: empty, huge, unsupported files and group strangers never break a conversation', async () => {
    await harness();
    await h.send('ned', { text: 'hello' });
    await answer('ned', '');
    expect(h.lastTo('ned')?.keys).toEqual(['intake.urgent.ask']); // an empty message still gets the question again
    await answer('ned', 'x'.repeat(5000));
    expect(h.lastTo('ned')?.keys).toEqual(['intake.too_long']);
    h.now += 20_000;
    await h.send('ned', { attachments: [{ kind: 'audio', mime: 'audio/ogg', data: new Uint8Array([1, 2]) }] });
    expect(h.sentTo('ned').at(-1)?.keys).toEqual(['intake.urgent.ask']);
    await h.send('stranger', { text: 'hola' }, { chat: 'responders-east', group: true });
    expect(h.sentTo('responders-east')).toHaveLength(0);
    await answer('ned', 'no');
    expect(h.lastTo('ned')?.keys).toEqual(['intake.activity.ask']);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/bad-input.txt');
  });

  it('a message delivered twice is answered once', async () => {
    await harness();
    const first = await h.send('ola', { text: 'hola' });
    const count = h.sentTo('ola').length;
    await h.deliver(first);
    await h.deliver(first);
    expect(h.sentTo('ola').length).toBe(count);
    expect(h.bot.runtime.counters.duplicates).toBe(2);
  });

  it('after submitting, thanks get a short answer and a new sighting starts a new report', async () => {
    await harness();
    await h.send('pia', { text: '4 agentes con chalecos de ICE vigilando en 1st y Soto, ahora, 2 SUV negras' });
    await answer('pia', 'si');
    await answer('pia', 'gracias');
    expect(h.lastTo('pia')?.keys).toEqual(['intake.done.welcome']);
    await answer('pia', 'ahora hay otra camioneta en 3rd y Indiana');
    expect(h.sentTo('pia').at(-1)?.keys).not.toEqual(['intake.done.welcome']);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/after-submit.txt');
  });
});
