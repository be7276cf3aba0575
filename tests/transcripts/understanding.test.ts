/**
 * Golden transcripts of tipsters who write the way people write: fast, in bursts, correcting
 * themselves, giving places nobody could drive to, asking questions that are not reports, and
 * writing again after their report went in. Each scenario runs in Spanish and in English.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Attachment } from '../../bot/messages.js';
import { Harness } from '../support/harness.js';

let h: Harness;

afterEach(async () => {
  await h.stop();
});

async function harness(): Promise<Harness> {
  h = await new Harness().start();
  return h;
}

/** A tipster's message `gap` ms after the previous one (20 s: time to read and type). */
async function say(who: string, text: string, gap = 20_000): Promise<void> {
  h.now += gap;
  await h.send(who, { text });
}

/** The bot's replies to `who` after their last message. */
function repliesSince(who: string, before: number): string[][] {
  return h
    .sentTo(who)
    .slice(before)
    .map((m) => m.keys ?? []);
}

function draftOf(): Record<string, { text?: string; agents?: number; vehicles?: number; at?: number }> {
  const state = h.bot.store.db.prepare('SELECT state FROM sessions').pluck().get() as string;
  return (JSON.parse(state) as { draft: never }).draft;
}

describe('understanding tipsters', () => {
  it('a fast typist answering 1-2 s apart gets every answer answered once (es, en)', async () => {
    await harness();
    const es = ['no', 'están vigilando desde un carro', '1st y Soto', 'hace 10 minutos', '2 agentes', 'no', 'sí'];
    const en = ['no', 'they are parked watching the school', 'Cesar Chavez and Soto', '5 min ago', '3 agents', 'no', 'yes'];
    for (const [who, first, answers] of [
      ['ana', 'hola', es],
      ['ben', 'hello', en],
    ] as const) {
      await say(who, first);
      for (const [i, text] of answers.entries()) {
        const before = h.sentTo(who).length;
        await say(who, text, i % 2 === 0 ? 1_200 : 1_800);
        expect(h.sentTo(who).length - before, `reply to "${text}"`).toBe(1);
      }
      expect(h.sentTo(who).some((m) => m.keys?.includes('intake.review.title'))).toBe(true);
    }
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/fast-typist.txt');
  });

  it('a correction in a burst replaces what it corrects, with one reply (es, en)', async () => {
    await harness();
    for (const [who, first, what, where, when] of [
      ['cruz', 'hola', 'tocando puertas', '4th y Soto', 'ahorita'],
      ['dee', 'hello', 'knocking on doors', '4th and Soto', 'right now'],
    ] as const) {
      await say(who, first);
      await say(who, 'no');
      await say(who, what);
      await say(who, where);
      await say(who, when);
    }
    // After the next question was shown: the correction is answered with a short note.
    await say('cruz', '3');
    let before = h.sentTo('cruz').length;
    await say('cruz', 'no espera, 4', 1_000);
    expect(repliesSince('cruz', before)).toEqual([['intake.corrected', 'intake.extras.ask']]);
    // Under load: both messages were sent before the bot got to the first; one reply in all.
    const sent = h.now + 20_000;
    h.now = sent + 3_000;
    before = h.sentTo('dee').length;
    await h.send('dee', { text: '3 agents', sentAt: sent });
    h.now += 100;
    await h.send('dee', { text: 'sorry, 4 agents', sentAt: sent + 1_300 });
    expect(repliesSince('dee', before)).toEqual([['intake.extras.ask']]);
    const sizes = (h.bot.store.db.prepare('SELECT state FROM sessions').pluck().all() as string[]).map(
      (s) => (JSON.parse(s) as { draft: { size?: { agents?: number } } }).draft.size?.agents,
    );
    expect(sizes).toEqual([4, 4]);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/burst-correction.txt');
  });

  it('a place nobody could drive to is asked again once, kindly; then the report goes on without it (es, en)', async () => {
    await harness();
    await say('eva', 'hola');
    await say('eva', 'no');
    await say('eva', 'están tocando puertas');
    await say('eva', 'en mi calle');
    expect(h.lastTo('eva')?.keys).toEqual(['intake.location.again']);
    await say('eva', 'Soto y 4th, frente a la lavandería');
    expect(draftOf().location?.text).toBe('Soto y 4th, frente a la lavandería');
    await say('fay', 'hello');
    await say('fay', 'no');
    await say('fay', 'agents knocking on doors');
    await say('fay', 'idk the street name sorry');
    expect(h.lastTo('fay')?.keys).toEqual(['intake.location.again']);
    await say('fay', 'my door');
    expect(h.lastTo('fay')?.keys).toEqual(['intake.location.missing', 'intake.time.ask']);
    await say('gus', 'hola');
    await say('gus', 'no');
    await say('gus', 'vigilando');
    await say('gus', '213 555 0199');
    expect(h.lastTo('gus')?.keys).toEqual(['intake.location.phone']);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/location-non-answers.txt');
  });

  it('triage comes first when the words leave detention open, even after a rich message; not when they settle it (es, en)', async () => {
    await harness();
    await say('hal', '4 agentes con chalecos de ICE en 1st y Soto, ahora, 2 SUV negras');
    expect(h.lastTo('hal')?.keys).toEqual(['intake.urgent.ask']);
    await say('hal', '2');
    expect(h.lastTo('hal')?.keys).toContain('intake.review.title');
    await say('ida', '3 ICE agents parked watching the school at Cesar Chavez and Soto right now, 2 vans');
    expect(h.sentTo('ida')).toHaveLength(2); // safety notice + review, no triage
    expect(h.lastTo('ida')?.keys).toContain('intake.review.title');
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/triage-first.txt');
  });

  it('someone detained: hotline, then where at once; where cannot be skipped silently (es, en)', async () => {
    await harness();
    await say('jon', 'hola');
    await say('jon', 'sí');
    expect(h.lastTo('jon')?.keys).toEqual(['intake.location.ask']);
    await say('jon', 'saltar');
    expect(h.lastTo('jon')?.keys).toEqual(['intake.location.again']);
    await say('jon', 'no sé');
    expect(h.lastTo('jon')?.keys).toEqual(['intake.location.missing', 'intake.size.ask']);
    await say('kai', 'hello');
    await say('kai', 'yes');
    expect(h.lastTo('kai')?.keys).toEqual(['intake.location.ask']);
    await say('kai', 'Olympic and Lorena, by the gas station');
    expect(h.lastTo('kai')?.keys).toEqual(['intake.size.ask']);
    await say('kai', 'skip');
    await say('kai', 'no');
    await say('kai', 'yes');
    await say('kai', 'yes');
    expect(h.reports()[0]?.urgent).toBe(1);
    expect(h.sentTo('verifiers').at(-1)?.text).toContain('Qué pasa: Detención en curso');
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/urgent-where.txt');
  });

  it('a card whose time nobody gave prints no time; a rich message without a time is asked for it (es, en)', async () => {
    await harness();
    await say('lia', 'están vigilando en 1st y Soto, 3 agentes de ICE');
    expect(h.lastTo('lia')?.keys).toEqual(['intake.time.ask']);
    await say('lia', 'hace 15 minutos');
    expect(h.lastTo('lia')?.keys).toContain('intake.review.title');
    await say('lia', 'sí');
    expect(h.sentTo('verifiers').at(-1)?.text).toMatch(/Visto: 8:45/);
    await say('max', 'hello');
    await say('max', 'no');
    await say('max', 'ICE agents watching from a car');
    await say('max', '1st and Boyle');
    await h.advance(31 * 60_000);
    const card = h.sentTo('verifiers').at(-1)?.text ?? '';
    expect(card).toContain('Visto: hora desconocida'); // the verifier chat reads Spanish
    expect(card).not.toMatch(/hace \d+ min/);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/time-unknown.txt');
  });

  it('not every message is a report: rights questions, thanks, tests, emoji, rumours, own door (es, en)', async () => {
    await harness();
    await say('ned', '¿pueden entrar a mi casa sin orden?');
    expect(h.lastTo('ned')?.keys).toEqual(['rights.card', 'intake.hotline', 'intake.not_report.rights_more']);
    await say('oli', 'What do I do if they knock? Do I have to open the door?');
    expect(h.lastTo('oli')?.keys).toEqual(['rights.card', 'intake.hotline', 'intake.not_report.rights_more']);
    await say('pat', 'prueba');
    expect(h.lastTo('pat')?.keys).toEqual(['intake.not_report.test']);
    await say('quin', 'thanks!');
    expect(h.lastTo('quin')?.keys).toEqual(['intake.done.welcome']);
    await say('ray', '🙏');
    expect(h.lastTo('ray')?.keys).toEqual(['intake.done.welcome']);
    await say('sol', '¿es cierto que hay redada en el Walmart de Soto?');
    expect(h.lastTo('sol')?.keys).toEqual(['intake.not_report.question']);
    await say('tom', 'is it true they are raiding the car wash?');
    expect(h.lastTo('tom')?.keys).toEqual(['intake.not_report.question']);
    expect(h.reports()).toHaveLength(0);
    await say('uma', 'están tocando mi puerta, son de inmigración');
    expect(h.sentTo('uma')[0]?.keys).toEqual(['intake.own_door', 'rights.card']);
    await say('vic', 'ICE agents are knocking on my door right now');
    expect(h.sentTo('vic')[0]?.keys).toEqual(['intake.own_door', 'rights.card']);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/not-a-report.txt');
  });

  it('after submitting, more news is an update to the report for the verifiers; a different place is a new report (es, en)', async () => {
    await harness();
    await say('wen', '4 agentes vigilando en 1st y Soto, ahora, 2 SUV negras');
    await say('wen', 'sí');
    await say('wen', 'siguen ahí, todavía vigilando');
    expect(h.lastTo('wen')?.keys).toEqual(['intake.followup.sent']);
    expect(h.sentTo('verifiers').at(-1)?.text).toContain('#1001');
    expect(h.sentTo('verifiers').at(-1)?.text).toContain('todavía vigilando');
    await say('wen', 'ahora hay otra camioneta en 3rd y Indiana');
    expect(h.lastTo('wen')?.keys).not.toEqual(['intake.followup.sent']);
    await say('xan', '3 ICE agents parked watching at Cesar Chavez and Soto right now, 2 vans');
    await say('xan', 'yes');
    await say('xan', "they're still there, now they're arresting someone");
    expect(h.lastTo('xan')?.keys).toEqual(['intake.followup.sent', 'intake.hotline']);
    expect(h.reports()).toHaveLength(2);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/follow-up.txt');
  });

  it('never asks for what was already said; one "anything else?" for uniforms, vehicles, plates, photos (es, en)', async () => {
    await harness();
    await say('yul', 'hola');
    await say('yul', 'no');
    await say('yul', 'vigilando, son 3 trocas en la calle 4 y Soto');
    expect(h.lastTo('yul')?.keys).toEqual(['intake.time.ask']);
    expect(draftOf().size?.vehicles).toBe(3);
    await say('yul', 'ahorita');
    expect(h.lastTo('yul')?.keys).toEqual(['intake.extras.ask']);
    await say('yul', 'chalecos de ICE, una troca blanca placa 8ABC123');
    expect(h.lastTo('yul')?.keys).toEqual(['intake.firsthand.ask']);
    await say('zoe', 'hello');
    await say('zoe', 'no');
    await say('zoe', 'patrolling');
    await say('zoe', 'Main and 3rd');
    await say('zoe', 'now');
    await say('zoe', '2 agents in 1 car');
    expect(h.lastTo('zoe')?.keys).toEqual(['intake.extras.ask']);
    await say('zoe', 'no');
    expect(h.lastTo('zoe')?.keys).toEqual(['intake.firsthand.ask']);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/no-repeated-questions.txt');
  });

  it('HELP / AYUDA shows the emergency hotline first, then the commands (es, en)', async () => {
    await harness();
    await say('abe', 'AYUDA');
    expect(h.sentTo('abe')[0]?.keys?.slice(0, 2)).toEqual(['intake.hotline', 'intake.help']);
    await say('abe', 'no');
    await say('abe', 'ayuda');
    expect(h.lastTo('abe')?.keys).toBeDefined();
    await say('bea', 'HELP');
    expect(h.sentTo('bea')[0]?.keys?.slice(0, 2)).toEqual(['intake.hotline', 'intake.help']);
    expect(h.sentTo('bea')[0]?.text).toMatch(/^If someone is being detained right now, call the hotline: \+1 555 0100/);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/help-hotline-first.txt');
  });

  it('fast typists whose phone is 10 s slow or 10 s fast, or who send whole-second timestamps, get every answer answered once (es, en)', async () => {
    await harness();
    const es = ['hola', 'no', 'están vigilando desde un carro', '1st y Soto', 'hace 10 minutos', '2 agentes', 'no', 'sí', 'sí'];
    const en = ['hello', 'no', 'they are parked watching the school', 'Cesar Chavez and Soto', '5 min ago', '3 agents', 'no', 'yes', 'yes'];
    const clocks: [string, string[], (sent: number) => number][] = [
      ['slow-es', es, (sent) => sent - 10_000],
      ['fast-en', en, (sent) => sent + 10_000],
      ['telegram-es', es, (sent) => Math.floor(sent / 1000) * 1000],
      ['slow-telegram-en', en, (sent) => Math.floor((sent - 10_000) / 1000) * 1000],
    ];
    for (const [who, answers, stamp] of clocks) {
      h.lines.push(`# ${who}`);
      for (const [i, text] of answers.entries()) {
        const before = h.sentTo(who).length;
        const sent = h.now + (i === 0 ? 20_000 : i % 2 === 0 ? 1_200 : 1_800);
        h.now = sent + 300; // delivery
        await h.send(who, { text, sentAt: stamp(sent) });
        expect(h.sentTo(who).length - before, `${who}: reply to "${text}"`).toBeGreaterThan(0);
        if (i > 0) expect(h.sentTo(who).length - before, `${who}: reply to "${text}"`).toBe(1);
        if (h.lastTo(who)?.keys?.includes('intake.submitted')) break;
      }
      expect(h.lastTo(who)?.keys).toEqual(['intake.submitted']);
    }
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/clock-skew.txt');
  });

  it('every kind of message gets a reply in every state: unusable photos, files we do not take, pins, empty messages, emoji', async () => {
    await harness();
    const broken = new Uint8Array(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')); // a PNG cut off in its header
    const inputs: [string, { text?: string; location?: { lat: number; lng: number }; attachments?: Attachment[] }][] = [
      ['broken photo', { attachments: [{ kind: 'image', mime: 'image/png', data: broken }] }],
      ['unknown format', { attachments: [{ kind: 'image', mime: 'image/jpeg', data: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]) }] }],
      ['audio', { attachments: [{ kind: 'audio', mime: 'audio/ogg', data: new Uint8Array([1, 2]) }] }],
      ['pin', { location: { lat: 34.0335, lng: -118.207 } }],
      ['empty', { text: '' }],
      ['emoji', { text: '👍' }],
    ];
    const states: [string, string[]][] = [
      ['first contact', []],
      ['language menu', ['ok']],
      ['triage', ['hola']],
      ['where', ['hola', 'no', 'vigilando']],
      ['anything else', ['hola', 'no', 'vigilando', '1st y Soto', 'hace 10 minutos', '3 agentes']],
      ['review', ['hola', 'no', 'vigilando', '1st y Soto', 'hace 10 minutos', '3 agentes', 'no', 'sí']],
      ['after the report', ['hola', 'no', 'vigilando', '1st y Soto', 'hace 10 minutos', '3 agentes', 'no', 'sí', 'sí']],
    ];
    let n = 0;
    for (const [state, script] of states) {
      for (const [input, content] of inputs) {
        const who = `t${++n}`;
        for (const text of script) await say(who, text);
        const before = h.sentTo(who).length;
        h.now += 20_000;
        await h.send(who, content);
        const got = h
          .sentTo(who)
          .slice(before)
          .flatMap((m) => m.keys ?? []);
        expect(got.length, `${input} at ${state}`).toBeGreaterThan(0);
        if (content.attachments && input !== 'audio') expect(got[0], `${input} at ${state}`).toBe('intake.media.unsupported');
      }
    }
    expect(h.bot.store.db.prepare('SELECT COUNT(*) FROM media').pluck().get()).toBe(0);
  });
});
