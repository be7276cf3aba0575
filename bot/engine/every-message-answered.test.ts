/**
 * Every message gets an answer. Each kind of input a tipster can send (a photo we could not use,
 * one too large, a good photo, a pin alone, a file we do not take, an empty message, words) is
 * sent in each state of a conversation (first contact, the language menu, each question, the
 * "anything else?" step, the review, after the report, with a team question open) and must get
 * a reply. The one documented exception: a message sent within the burst window and before
 * the bot's last reply joins that burst, whose reply was already on its way.
 */
import { describe, expect, it } from 'vitest';
import { intakeFlow } from '../flows/intake.js';
import { step } from './step.js';
import type { EngineEvent, EngineInput, MediaItem, Session } from './types.js';
import { T0, testEngineEnv } from '../../tests/support/engine-settings.js';

type Message = Omit<Extract<EngineInput, { type: 'message' }>, 'type' | 'messageId' | 'timestamp'>;

const image = (ref: string, problem?: MediaItem['problem']): MediaItem => ({
  ref,
  kind: 'image',
  mime: 'image/jpeg',
  ...(problem ? { problem } : {}),
});

/** What a tipster can send, as the runtime hands it to the engine. */
const INPUTS: Record<string, Message> = {
  'a photo we could not read (bomb, truncated, unknown format)': { media: [image('bad', 'unsupported')] },
  'a photo over the size limit': { media: [image('big', 'too_large')] },
  'a good photo': { media: [image('ok')] },
  'a pin alone': { media: [], location: { lat: 34.0335, lng: -118.207 } },
  'an audio file (not taken)': { media: [{ ref: 'voice', kind: 'audio', mime: 'audio/ogg', problem: 'unsupported' }] },
  'an empty message': { media: [], text: '' },
  'an emoji': { media: [], text: '👍' },
};

/** A conversation driven to a state, 20 s between messages. */
class Conversation {
  session: Session | null = null;
  at = T0;
  private n = 0;

  /** Sends `msg` 20 s after the last one (or at `now`); `sentAt` is the platform timestamp. */
  send(msg: Message, opts: { sentAt?: number; now?: number; relay?: { report: number; lang: 'es' | 'en' } } = {}): EngineEvent[] {
    this.at = opts.now ?? this.at + 20_000;
    const input: EngineInput = {
      type: 'message',
      messageId: `m${++this.n}`,
      timestamp: opts.sentAt ?? this.at,
      ...msg,
      ...(opts.relay ? { relay: opts.relay } : {}),
    };
    const out = step(intakeFlow, this.session, input, testEngineEnv(this.at));
    this.session = out.session;
    return out.events;
  }

  say(...texts: string[]): this {
    for (const text of texts) this.send({ text, media: [] });
    return this;
  }
}

const STATES: Record<string, () => Conversation> = {
  'first contact': () => new Conversation(),
  'the language menu': () => new Conversation().say('ok'),
  'the triage question': () => new Conversation().say('hola'),
  'the "what" question': () => new Conversation().say('hola', 'no'),
  'the "where" question': () => new Conversation().say('hola', 'no', 'vigilando'),
  '"anything else?"': () => new Conversation().say('hola', 'no', 'vigilando', '1st y Soto', 'hace 10 minutos', '3 agentes'),
  'the review': () => new Conversation().say('hola', 'no', 'vigilando', '1st y Soto', 'hace 10 minutos', '3 agentes', 'no', 'sí'),
  'after the report': () =>
    new Conversation().say('hola', 'no', 'vigilando', '1st y Soto', 'hace 10 minutos', '3 agentes', 'no', 'sí', 'sí'),
};

const replies = (events: EngineEvent[]) => events.filter((e) => e.type === 'reply');
const keys = (events: EngineEvent[]) =>
  replies(events).flatMap((e) => (e.type === 'reply' ? e.parts.map((p) => ('key' in p ? p.key : 'summary')) : []));

describe('every message gets an answer', () => {
  for (const [state, reach] of Object.entries(STATES)) {
    for (const [input, msg] of Object.entries(INPUTS)) {
      it(`${input}, at ${state}`, () => {
        const c = reach();
        const events = c.send(msg);
        expect(replies(events).length, keys(events).join(', ')).toBeGreaterThan(0);
        // A file we could not use is never dropped without saying so.
        const rejected = msg.media.find((m) => m.problem);
        if (rejected)
          expect(keys(events)).toContain(rejected.problem === 'too_large' ? 'intake.media.too_large' : 'intake.media.unsupported');
      });
    }
  }

  it.each(Object.entries(INPUTS))('%s, with a team question open, is answered too', (_name, msg) => {
    const c = STATES['after the report']!();
    const events = c.send(msg, { relay: { report: 1001, lang: 'es' } });
    expect(replies(events).length).toBeGreaterThan(0);
  });

  it('a first message with only a photo we could not use says so, then opens the conversation as usual', () => {
    const c = new Conversation();
    const events = c.send({ media: [image('bomb', 'unsupported')] });
    expect(keys(events)).toEqual(['intake.media.unsupported', 'language.menu']);
    expect(events).toContainEqual({ type: 'media_discarded', refs: ['bomb'] });
    expect(c.session?.draft.media).toBeUndefined();
  });

  it('a pin shared during a team question reaches the team', () => {
    const c = STATES['after the report']!();
    const events = c.send({ media: [], location: { lat: 34.0335, lng: -118.207 } }, { relay: { report: 1001, lang: 'es' } });
    expect(events).toContainEqual(expect.objectContaining({ type: 'relay_reply', report: 1001, text: '📍 34.034, -118.207' }));
  });

  it('the documented exception: a message sent before the last reply, within the burst window, joins that burst', () => {
    const c = new Conversation().say('hola', 'no');
    const sent = c.at + 20_000;
    // The bot was busy: it gets to "tocando puertas" 3 s after it was sent, and answers it.
    expect(keys(c.send({ text: 'tocando puertas', media: [] }, { sentAt: sent, now: sent + 3_000 }))).toEqual(['intake.location.ask']);
    // Sent 1 s after it, before that question could have reached the phone: it joins the answer.
    expect(replies(c.send({ text: 'en los apartamentos', media: [] }, { sentAt: sent + 1_000, now: sent + 3_100 }))).toEqual([]);
    expect(c.session?.draft.activity?.text).toBe('tocando puertas en los apartamentos');
  });

  it('a photo sent with an answer joins it; one sent after the next question was shown is acknowledged', () => {
    const c = new Conversation().say('hola', 'no', 'vigilando');
    const sent = c.at + 20_000;
    expect(keys(c.send({ text: '1st y Soto', media: [] }, { sentAt: sent, now: sent + 2_000 }))).toEqual(['intake.time.ask']);
    expect(replies(c.send({ media: [image('p1')] }, { sentAt: sent + 500, now: sent + 2_500 }))).toEqual([]);
    expect(keys(c.send({ media: [image('p2')] }, { sentAt: sent + 5_000, now: sent + 5_100 }))).toEqual([
      'intake.media.received',
      'intake.time.ask',
    ]);
    expect(c.session?.draft.media?.items.map((m) => m.ref)).toEqual(['p1', 'p2']);
  });
});
