/**
 * `npx tsx bench/parse.bench.ts`: times every exported text parser in bot/parse over a mixed
 * corpus of short tipster messages (answers, greetings, keywords, full tips in Spanish and
 * English) and prints µs per call for each function as one JSON line.
 *
 * Each parser runs over the whole corpus for a warm-up, then in 8 rounds of BENCH_MS/8 ms
 * (BENCH_MS defaults to 400); µs/call is the mean over the messages of the corpus in the best
 * round, so a busy machine inflates the numbers less. `npx tsx bench/parse.bench.ts extractTip`
 * times one parser only.
 */
import { performance } from 'node:perf_hooks';
import * as parse from '../bot/parse/index.js';
import type { TimeContext } from '../bot/parse/index.js';

const CORPUS: string[] = [
  // greetings and keywords
  'hola',
  'Hola buenas tardes',
  'hi',
  'hello, I want to report something',
  'ayuda',
  '/help',
  'AYUDA!!',
  'atrás',
  'cancelar',
  'listo',
  'gracias',
  // yes / no answers
  'no',
  'sí',
  'si, lo vi yo',
  'yes',
  'nope',
  'no sé',
  'ok 👍',
  // time answers
  'hace 10 minutos',
  'ahorita',
  'ahora mismo',
  'now',
  '10 min ago',
  'hace media hora',
  'a las 8 de la mañana',
  '7:30',
  'como a las 3 de la tarde',
  'hace rato',
  'this morning around 9am',
  'yesterday at 5pm',
  // location answers
  '1st y Soto',
  'en la esquina de Cesar Chavez y Soto',
  'frente a la escuela Roosevelt',
  'Walmart on Atlantic Blvd 90022',
  '5th and Main',
  'https://maps.google.com/?q=34.0522,-118.2437',
  '34.0522, -118.2437',
  // size answers
  '4 agentes, 2 camionetas',
  'como 8',
  'unos 5 o 6 agentes',
  'two cars and 3 agents',
  'varios',
  // uniform / equipment / activity answers
  'chalecos de ICE',
  'de civil con mascaras',
  'vests that said POLICE and ICE',
  'placas 7ABC123, traían rifles',
  'están tocando puertas',
  'se llevaron a un señor',
  'parked outside, watching',
  'driving around the neighborhood',
  // full tips
  '4 agentes con chalecos de ICE en 1st y Soto, ahora, 2 SUV negras',
  'ICE arresting someone right now at the Home Depot on Soto St, 3 agents in vests, black Tahoe plate 8XYZ123',
  'Hay una redada en la tienda de la calle 8, como 10 agentes encapuchados, se están llevando a gente',
  'Vi dos camionetas blancas sin placas estacionadas frente a la iglesia desde las 7 de la mañana',
  'checkpoint on Whittier Blvd near Atlantic, about 6 cops, hace 15 minutos',
];

/** The clock moves on between messages, as it does for the bot (no caching on a fixed instant). */
let tick = 0;
const ctx = (): TimeContext => ({ now: Date.UTC(2026, 10, 21, 17, 0, 0) + (tick++ % 86_400) * 1000, timezone: 'America/Los_Angeles' });

const FUNCTIONS: Record<string, (text: string) => unknown> = {
  normalize: (t) => parse.normalize(t),
  detectLanguage: (t) => parse.detectLanguage(t),
  parseKeyword: (t) => parse.parseKeyword(t),
  parseYesNo: (t) => parse.parseYesNo(t),
  parseSize: (t) => parse.parseSize(t),
  parseTime: (t) => parse.parseTime(t, ctx()),
  parseMapLink: (t) => parse.parseMapLink(t),
  parseLocation: (t) => parse.parseLocation(t),
  parseActivity: (t) => parse.parseActivity(t),
  parseUniform: (t) => parse.parseUniform(t),
  parseEquipment: (t) => parse.parseEquipment(t),
  extractTip: (t) => parse.extractTip(t, ctx()),
};

const BENCH_MS = Number(process.env.BENCH_MS ?? 400);
const ROUNDS = 8;
let sink = 0;

/** µs per call: the best of ROUNDS timed rounds (the machine may be busy with other work). */
function timeOne(fn: (text: string) => unknown): number {
  const pass = (): void => {
    for (const text of CORPUS) if (fn(text) !== undefined) sink++;
  };
  for (let i = 0; i < 50; i++) pass(); // warm-up: let the JIT settle
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    let calls = 0;
    const t0 = performance.now();
    let elapsed: number;
    do {
      pass();
      calls += CORPUS.length;
      elapsed = performance.now() - t0;
    } while (elapsed < BENCH_MS / ROUNDS);
    best = Math.min(best, (elapsed * 1000) / calls);
  }
  return best;
}

const only = process.argv[2];
const result: Record<string, number> = { messages: CORPUS.length };
for (const [name, fn] of Object.entries(FUNCTIONS)) {
  if (only && name !== only) continue;
  result[name] = Math.round(timeOne(fn) * 100) / 100;
}
if (sink < 0) console.error(sink);
console.log(JSON.stringify(result));
