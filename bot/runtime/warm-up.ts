/**
 * Made-up conversations for warming up the message path at start (see Runtime.warmUp): code
 * runs several times slower the first few hundred times it runs, and without this the first
 * tipsters after a restart (often a backlog the platforms kept while the bot was down) would
 * wait for it. The conversations stop before the review, so no report is ever submitted.
 */
import type { Logger } from '../logger.js';
import type { InboundMessage } from '../messages.js';

/** Each line is one message; the conversations take turns, as real tipsters' messages do. */
const SCRIPTS: readonly (readonly string[])[] = [
  [
    'hola',
    'no',
    'están tocando puertas',
    'en la Cesar Chavez y Soto',
    'hace como 15 min',
    'son 3 agentes en 2 camionetas',
    'chalecos de ICE',
  ],
  [
    'hi',
    'no',
    'agents knocking on doors on my block',
    '4th and Mott',
    'about 10 minutes ago',
    '5 agents, 2 vans',
    'vests that say POLICE ICE',
  ],
  ['buenas', 'acaban de llegar 4 agentes de ICE a la 1st y Soto con 2 camionetas blancas', 'ahorita', 'no sé', 'no'],
  ['hello', 'there are like 6 ICE agents outside the Food 4 Less on Whittier, 3 unmarked SUVs', 'right now', 'no'],
];

/** How many made-up conversations are run at start. */
const CONVERSATIONS = 48;

/** The messages of the made-up tipsters, in the order they arrive. */
function warmUpMessages(conversations: number, now: number): InboundMessage[] {
  const out: InboundMessage[] = [];
  const longest = Math.max(...SCRIPTS.map((s) => s.length));
  for (let line = 0; line < longest; line++) {
    for (let c = 0; c < conversations; c++) {
      const text = SCRIPTS[c % SCRIPTS.length]![line];
      if (text === undefined) continue;
      out.push({
        platform: 'simulator',
        chat: { id: `warm-up-${c}`, kind: 'direct' },
        sender: `warm-up-${c}`,
        messageId: `warm-up-${c}-${line}`,
        timestamp: now,
        text,
        attachments: [],
      });
    }
  }
  return out;
}

/**
 * Runs made-up conversations through `handle` (the whole path of a direct message: engine,
 * parsers, texts, the store's statements) in one transaction, then rolls it back: nothing is
 * stored, sent or counted. Run at start, before any adapter. Returns how many messages it ran;
 * a failure is logged, never thrown (the bot then starts without it).
 */
export function warmUp(
  d: { store: { transaction<T>(fn: () => T): T }; clock: () => number; logger: Logger },
  handle: (msg: InboundMessage) => unknown,
): number {
  const messages = warmUpMessages(CONVERSATIONS, d.clock());
  const rolledBack = new Error('warm-up rolled back');
  try {
    d.store.transaction(() => {
      for (const msg of messages) handle(msg);
      throw rolledBack;
    });
  } catch (err) {
    if (err !== rolledBack) {
      d.logger.warn({ err: err instanceof Error ? err.name : typeof err }, 'warm-up failed; going on without it');
      return 0;
    }
  }
  return messages.length;
}
