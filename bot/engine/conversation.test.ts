/**
 * Engine-level checks of how the conversation reads people: bursts on platform timestamps,
 * corrections, places nobody could drive to, triage and where first, follow-ups, HELP.
 */
import { describe, expect, it } from 'vitest';
import { intakeFlow } from '../flows/intake.js';
import { step } from './step.js';
import type { EngineEvent, Session } from './types.js';
import { T0, testEngineEnv, testEngineSettings } from '../../tests/support/engine-settings.js';

const settings = testEngineSettings({ pinDecimals: 4 });

/** A scripted tipster: each message carries its sending time; `now` is when the bot gets to it. */
class Tipster {
  session: Session | null = null;
  events: EngineEvent[] = [];
  private n = 0;
  send(text: string, sentAt: number, now = sentAt): string[][] {
    const out = step(
      intakeFlow,
      this.session,
      { type: 'message', messageId: `m${++this.n}`, text, media: [], timestamp: sentAt },
      testEngineEnv(now, settings),
    );
    this.session = out.session;
    this.events = out.events;
    return out.events.flatMap((e) => (e.type === 'reply' ? [e.parts.map((p) => ('key' in p ? p.key : 'summary'))] : []));
  }
}

describe('bursts on platform timestamps', () => {
  it('an answer sent 1.5 s after the question was asked is an answer, not part of the last one', () => {
    const t = new Tipster();
    t.send('hola', T0);
    expect(t.send('no', T0 + 1_500)).toEqual([['intake.activity.ask']]);
    expect(t.send('tocando puertas', T0 + 3_000)).toEqual([['intake.location.ask']]);
    expect(t.send('1st y Soto', T0 + 4_200)).toEqual([['intake.time.ask']]);
    expect(t.session?.draft.location?.text).toBe('1st y Soto');
  });

  it('a message sent before the bot asked (it was slow) joins the previous answer, silently', () => {
    const t = new Tipster();
    t.send('hola', T0);
    t.send('no', T0 + 20_000);
    expect(t.send('agents knocking', T0 + 40_000, T0 + 43_000)).toEqual([['intake.location.ask']]);
    expect(t.send('on doors', T0 + 41_000, T0 + 43_100)).toEqual([]);
    expect(t.session?.draft.activity?.text).toBe('agents knocking on doors');
  });

  it('measures the window on sending times, not arrival: 10 s apart on arrival, 1 s apart when sent', () => {
    const t = new Tipster();
    t.send('hola', T0);
    t.send('no', T0 + 20_000);
    t.send('vigilando', T0 + 40_000, T0 + 50_000);
    expect(t.send('desde una troca', T0 + 41_000, T0 + 60_000)).toEqual([]);
    expect(t.session?.draft.activity?.text).toBe('vigilando desde una troca');
  });

  it('reads "hace 10 minutos" from when it was sent, not when it arrived', () => {
    const t = new Tipster();
    t.send('hola', T0);
    t.send('no', T0 + 20_000);
    t.send('vigilando', T0 + 40_000);
    t.send('1st y Soto', T0 + 60_000);
    t.send('hace 10 minutos', T0 + 80_000, T0 + 380_000);
    expect(t.session?.draft.time?.at).toBe(T0 + 80_000 - 600_000);
  });

  it('a correction after the next question replaces the answer and says so, in one message', () => {
    const t = new Tipster();
    for (const [i, text] of ['hola', 'no', 'vigilando', '1st y Soto', 'ahora', '3'].entries()) t.send(text, T0 + i * 20_000);
    expect(t.send('no espera, 4', T0 + 101_000)).toEqual([['intake.corrected', 'intake.extras.ask']]);
    expect(t.session?.draft.size?.agents).toBe(4);
  });
});

describe('questions', () => {
  it('a vague place is not stored and is asked again once; the second time the report goes on without it', () => {
    const t = new Tipster();
    for (const [i, text] of ['hello', 'no', 'watching'].entries()) t.send(text, T0 + i * 20_000);
    expect(t.send('right outside', T0 + 60_000)).toEqual([['intake.location.again']]);
    expect(t.session?.draft.location).toBeUndefined();
    expect(t.send('my street', T0 + 80_000)).toEqual([['intake.location.missing', 'intake.time.ask']]);
    expect(t.session?.draft.skipped).toContain('location');
    expect(t.session?.draft.location).toBeUndefined();
  });

  it('a rich first message that leaves detention open asks triage first, then goes to the review', () => {
    const t = new Tipster();
    expect(t.send('4 agentes con chalecos de ICE en 1st y Soto, ahora, 2 SUV negras', T0).at(-1)).toEqual(['intake.urgent.ask']);
    expect(t.send('no', T0 + 20_000)[0]).toContain('intake.review.title');
  });

  it('someone detained: the hotline at once, then where, before anything else', () => {
    const t = new Tipster();
    t.send('hola', T0);
    expect(t.send('sí', T0 + 20_000)).toEqual([['intake.urgent.hotline'], ['intake.location.ask']]);
  });

  it('HELP shows the hotline before the commands', () => {
    const t = new Tipster();
    expect(t.send('HELP', T0)[0]?.slice(0, 2)).toEqual(['intake.hotline', 'intake.help']);
  });

  it('a rights question gets the rights card and the hotline, and no report starts', () => {
    const t = new Tipster();
    expect(t.send('¿les abro la puerta si no traen orden?', T0)).toEqual([
      ['rights.card', 'intake.hotline', 'intake.not_report.rights_more'],
    ]);
    expect(t.session?.status).toBe('done');
  });
});

describe('after submitting', () => {
  function submitted(): Tipster {
    const t = new Tipster();
    t.send('4 agentes vigilando en 1st y Soto, ahora, 2 SUV negras', T0);
    t.send('sí', T0 + 20_000);
    return t;
  }

  it('more news within the follow-up window is an update to the report, acknowledged once per burst', () => {
    const t = submitted();
    expect(t.send('siguen ahí', T0 + 600_000)).toEqual([['intake.followup.sent']]);
    expect(t.events).toContainEqual({ type: 'report_followup', report: 1001, text: 'siguen ahí', media: [] });
    expect(t.send('son 5 ya', T0 + 601_000)).toEqual([]);
    expect(t.events.map((e) => e.type)).toEqual(['report_followup']);
  });

  it('a different place, or news after the window, starts a new report', () => {
    const t = submitted();
    t.send('hay otra troca en 3rd y Indiana', T0 + 600_000);
    expect(t.events.some((e) => e.type === 'report_followup')).toBe(false);
    const later = submitted();
    later.send('siguen ahí', T0 + 2 * 3_600_000);
    expect(later.events.some((e) => e.type === 'report_followup')).toBe(false);
    expect(later.session?.status).toBe('active');
  });
});

describe('sender clocks that are not ours', () => {
  /** A fast typist (answers 1.2-1.8 s after each reply) whose phone stamps messages with `stamp`. */
  function fastTypist(stamp: (sentAt: number) => number): string[][][] {
    const t = new Tipster();
    const answers = ['hola', 'no', 'están vigilando desde un carro', '1st y Soto', 'hace 10 minutos', '2 agentes', 'no', 'sí'];
    let now = T0;
    return answers.map((text, i) => {
      const sent = now + (i % 2 === 0 ? 1_200 : 1_800);
      now = sent + 250; // delivery
      return t.send(text, stamp(sent), now);
    });
  }

  it.each([
    ['a phone 10 s slow', (at: number) => at - 10_000],
    ['a phone 10 s fast', (at: number) => at + 10_000],
    ['whole-second timestamps (Telegram)', (at: number) => Math.floor(at / 1000) * 1000],
    ['a phone 10 s slow, in whole seconds', (at: number) => Math.floor((at - 10_000) / 1000) * 1000],
  ])('%s: every answer of a fast typist is answered once', (_name, stamp) => {
    const replies = fastTypist(stamp);
    // The first message gets the safety notice and the first question; every later one, one reply.
    expect(replies.slice(1).map((r) => r.length)).toEqual(replies.slice(1).map(() => 1));
    expect(replies.at(-1)).toEqual([['intake.submitted']]);
  });

  it('a slow bot does not make the clock look wrong: "hace 10 minutos" keeps its sending time', () => {
    const t = new Tipster();
    t.send('hola', T0 - 10_000, T0); // a phone 10 s slow
    t.send('no', T0 + 10_000, T0 + 20_000);
    t.send('vigilando', T0 + 30_000, T0 + 40_000);
    t.send('1st y Soto', T0 + 50_000, T0 + 60_000);
    // The bot was down for 5 minutes: the message waited, and still answers the question.
    expect(t.send('hace 10 minutos', T0 + 70_000, T0 + 380_000)).toEqual([['intake.size.ask']]);
    expect(t.session?.draft.time?.at).toBe(T0 + 70_000 - 600_000);
  });
});
