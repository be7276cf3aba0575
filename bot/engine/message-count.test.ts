/**
 * How many messages a tipster sends before seeing the review. Each partial tip opens with what
 * people write first, then answers whatever the bot asks from its own notes (answers keyed by
 * question). Prints every count and the median; the median must stay at 6 or fewer.
 */
import { describe, expect, it } from 'vitest';
import { intakeFlow } from '../flows/intake.js';
import { step } from './step.js';
import type { Session, StepId } from './types.js';
import { T0, testEngineEnv, testEngineSettings } from '../../tests/support/engine-settings.js';

const settings = testEngineSettings({ pinDecimals: 4 });

type Answers = Partial<Record<StepId, string>>;
const ES: Answers = {
  urgent: 'no',
  activity: 'están vigilando',
  location: '1st y Soto',
  time: 'hace 10 minutos',
  size: '3 agentes',
  extras: 'no',
  firsthand: 'sí',
  language: '1',
};
const EN: Answers = {
  urgent: 'no',
  activity: 'they are watching',
  location: '1st and Soto',
  time: '10 min ago',
  size: '3 agents',
  extras: 'no',
  firsthand: 'yes',
  language: '2',
};

/** Partial tips as people send them: some fields in the first message, the rest asked. */
const TIPS: [string, Answers][] = [
  ['hay migra en la 4 y Soto', ES],
  ['están arrestando a un señor en el Food 4 Less de Cesar Chavez', ES],
  ['ICE en la escuela Roosevelt, 2 trocas', ES],
  ['hola', ES],
  ['vi 3 agentes de ICE hace rato', ES],
  ['la migra está tocando puertas en los apartamentos de Lorena y 1st', { ...ES, urgent: 'no' }],
  ['ICE agents at 1st and Boyle', EN],
  ['there are agents parked outside the Home Depot on Soto', EN],
  ['hello', EN],
  ['they just took a guy at the car wash on Olympic!!', { ...EN, urgent: 'yes' }],
  ['2 black SUVs with ICE agents near Evergreen park', EN],
  ['checkpoint on Whittier Blvd', EN],
];

function messagesToReview(first: string, answers: Answers): number {
  let session: Session | null = null;
  let now = T0;
  let text = first;
  for (let sent = 1; sent <= 15; sent += 1) {
    const out = step(
      intakeFlow,
      session,
      { type: 'message', messageId: `m${sent}`, text, media: [], timestamp: now },
      testEngineEnv(now, settings),
    );
    session = out.session;
    const keys = out.events.flatMap((e) => (e.type === 'reply' ? e.parts.map((p) => ('key' in p ? p.key : '')) : []));
    if (keys.includes('intake.review.title')) return sent;
    const asked = session?.step;
    text = (asked && answers[asked]) ?? 'no';
    now += 20_000;
  }
  return Infinity;
}

describe('messages to the review', () => {
  it('the median partial tip reaches the review in 6 messages or fewer', () => {
    const counts = TIPS.map(([first, answers]) => ({ first, messages: messagesToReview(first, answers) }));
    const sorted = counts.map((c) => c.messages).sort((a, b) => a - b);
    const median = (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2;
    console.log(
      [
        'messages to review (partial tips):',
        ...counts.map((c) => `  ${c.messages}  ${c.first}`),
        `  median ${median} of ${counts.length}`,
      ].join('\n'),
    );
    expect(counts.length).toBeGreaterThanOrEqual(10);
    expect(median).toBeLessThanOrEqual(6);
    expect(Math.max(...sorted)).toBeLessThanOrEqual(9);
  });

  it('a rich first message with what, where, when and how many reaches the review in one', () => {
    expect(messagesToReview('4 agentes de ICE vigilando en 1st y Soto, ahora, 2 SUV negras', ES)).toBe(1);
    expect(messagesToReview('3 ICE agents parked watching at Cesar Chavez and Soto right now, 2 vans', EN)).toBe(1);
  });
});
