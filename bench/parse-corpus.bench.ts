/**
 * `npm run bench:parse`: runs every text parser over the labelled tipster messages in
 * tests/parse-corpus/ and prints per-field accuracy (the same figures the accuracy test
 * checks) and how many messages per second the parsers read.
 *
 * Speed: every message goes through extractTip, classifyMessage, parseLocation,
 * locationProblem, parseSize and parseTime; the corpus is read once to warm up, then for
 * BENCH_MS ms (default 2000); the figure is messages per second over that time.
 */
import { performance } from 'node:perf_hooks';
import { classifyMessage, extractTip, locationProblem, parseLocation, parseSize, parseTime } from '../bot/parse/index.js';
import { accuracyTable, CORPUS_CONTEXT, loadCorpus, loadLanguageCorpora, measure, tableText } from '../tests/parse-corpus/accuracy.js';

const corpus = loadCorpus();
const report = measure(corpus);
console.log(
  `Parser accuracy on ${report.messages} labelled messages (${corpus.filter((m) => m.lang === 'es').length} Spanish, ${corpus.filter((m) => m.lang === 'en').length} English)`,
);
console.table(accuracyTable(report));
for (const [lang, set] of loadLanguageCorpora()) console.log(`${lang}: ${set.length} labelled messages\n${tableText(measure(set))}`);

function readAll(step: number): void {
  for (const m of corpus) {
    const ctx = { ...CORPUS_CONTEXT, now: CORPUS_CONTEXT.now + step };
    extractTip(m.t, ctx);
    classifyMessage(m.t);
    parseLocation(m.t);
    locationProblem(m.t);
    parseSize(m.t);
    parseTime(m.t, ctx);
  }
}

readAll(0);
const budget = Number(process.env.BENCH_MS ?? 2000);
const start = performance.now();
let rounds = 0;
while (performance.now() - start < budget) readAll(++rounds * 60_000);
const seconds = (performance.now() - start) / 1000;
const perSecond = Math.round((rounds * corpus.length) / seconds);
console.log(`Speed: ${perSecond} messages/s (every parser on each message; ${rounds} passes in ${seconds.toFixed(1)} s)`);
