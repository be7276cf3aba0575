/**
 * When a sighting happened, from a tipster's words in Spanish or English. The Spanish grammar
 * ("hace 10 minutos", "hace media hora", "hace un ratito", "ahorita") is written by hand here;
 * clock times are in time-clock.ts, the clock itself in time-env.ts, and the words (now words,
 * day words, units) come from each language's vocabulary.
 */
import { splitAtCorrection } from './corrections.js';
import { clean, fold, matchesOf } from './normalize.js';
import { NUMBER_WORD_PATTERN, wordNumber } from './numbers.js';
import { chronoTimes, DATE_HINT, dayContext, findClockTimes, HOUR_WORDS, resolveClock } from './time-clock.js';
import { MINUTE, TimeEnv, type TimeMatch } from './time-env.js';
import type { TimeBucket, TimeContext, TimeField } from './types.js';
import { alternation, bounded, phraseRegex, vocabularies, WORD_END, WORD_START } from './vocab/index.js';

export { TimeEnv, zoneOffset, type TimeMatch } from './time-env.js';

/** Longest first, so "minutos" is tried before "min". */
function longestFirst(words: string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).join('|');
}

const N = `\\d{1,3}(?:[.,]5)?|${NUMBER_WORD_PATTERN}`;
const QTY_WORDS = `${NUMBER_WORD_PATTERN}|${longestFirst(vocabularies().flatMap((v) => v.time.quantities))}`;
/** A quantity and the space after it: digits may touch the unit ("10min"), words may not ("ahora" is not "a hora"). */
const QTY = `(?:(\\d{1,3}(?:[.,]5)?)\\s*|(${QTY_WORDS})\\s+)(?:(?:something|odd|y\\s+pico|y\\s+algo)\\s+)?`;
/** Minutes per unit word where the first letter does not tell ("phut", "gio", "分钟"), from every vocabulary. */
const UNIT_MINUTES = new Map<string, number>(vocabularies().flatMap((v) => Object.entries(v.time.unitMinutes)));
const UNIT = longestFirst([...vocabularies().flatMap((v) => v.time.units), ...UNIT_MINUTES.keys()]);
const ABOUT = longestFirst(vocabularies().flatMap((v) => v.time.about));

/** "10 min ago", "half an hour ago", "an hour and a half ago", "10 minutos atras". */
const AGO = new RegExp(
  `\\b(?:(?:${ABOUT})\\s+)?${QTY}(?:(?:-|to|or|o|a)\\s*(?:${N})\\s*)?(${UNIT})\\b(?:\\s+(and a half|y media|or so|or two|o mas|o algo asi))?\\s+(?:ago|atras|back)\\b`,
  'g',
);

/** "hace 10 minutos", "hace media hora", "hace una hora y media", "hace unos 5 min". */
const HACE = new RegExp(
  `\\bhace\\s+(?:(?:${ABOUT})\\s+)?${QTY}(?:(?:-|o|a)\\s*(?:${N})\\s*)?(${UNIT})\\b(?:\\s+(y media|y pico|y cuarto|o mas|o algo asi))?`,
  'g',
);

/** A regex for the vocabularies' sources, or undefined when no vocabulary has any (an empty alternation would match everywhere). */
function vocabRegex(sources: string[], build: (alternation: string) => string, flags: string): RegExp | undefined {
  return sources.length ? new RegExp(build(sources.map((p) => `(?:${p})`).join('|')), flags) : undefined;
}

/** "il y a 10 min", "ha 10 minutos", "cach day 10 phut", "قبل 10 دقايق": the vocabularies' words before a duration. */
const AGO_BEFORE = vocabRegex(
  vocabularies().flatMap((v) => v.time.agoBefore),
  (words) => `${WORD_START}(?:${words})\\s*(?:(?:${ABOUT})\\s+)?${QTY}(?:-\\s*(?:${N})\\s*)?(${UNIT})${WORD_END}()`,
  'g',
);
/** "10 phut truoc", "10 分钟 前", "10 분 전": the vocabularies' words after a duration. */
const AGO_AFTER = vocabRegex(
  vocabularies().flatMap((v) => v.time.agoAfter),
  (words) => `${WORD_START}(?:(?:${ABOUT})\\s+)?${QTY}(?:-\\s*(?:${N})\\s*)?(${UNIT})${WORD_END}()\\s*(?:${words})${WORD_END}`,
  'g',
);

/** A whole answer that is just a duration ("10 min", "como 20 minutos"): read as that long ago. */
const BARE_DURATION = new RegExp(`^(?:(?:${ABOUT}|hace)\\s+)?${QTY}(${UNIT})(?:\\s+(y media|and a half))?\\s*[.!]*$`);

/** Fixed relative expressions ("hace un ratito", "a while ago") and how many minutes ago they mean. */
const FIXED: Array<[RegExp, number]> = vocabularies().flatMap((v) =>
  v.time.fixedAgo.map(([p, minutes]): [RegExp, number] => [new RegExp(bounded(p), 'g'), minutes]),
);
/** Matches where any FIXED pattern matches: one scan rules them out. */
const FIXED_ANY = new RegExp(FIXED.map(([re]) => `(?:${re.source})`).join('|'));

/** Expressions meaning "now". */
const NOW = phraseRegex((v) => v.time.nowPatterns, 'g');
/** "earlier today", "más temprano": the same day, no hour. */
const EARLIER = phraseRegex((v) => v.time.earlierPatterns, 'g');

const YA_ALONE = /^(?:ya|ya mismo|ya ya)\s*[.!]*$/;
const BARE_HOUR = /^(\d{1,2})(?::([0-5]\d))?\s*[.!]*$/;
const TRAILING_BANG = /[.!]+$/;

/** Every vocabulary's stale day words ("anoche", "last week") with their regex. */
const STALE = vocabularies().flatMap((v) => v.time.stale.map((w) => ({ re: new RegExp(bounded(w.pattern), 'g'), word: w })));
/** "el lunes", "last monday": a weekday without an hour. */
const WEEKDAYS = vocabularies().flatMap((v) =>
  v.time.weekdays.map((day, i) => ({
    re: new RegExp(bounded(`(?:(?:${v.time.weekdayLeadPatterns.join('|')})\\s+)?${day}`), 'g'),
    weekday: i + 1,
  })),
);
/** Where a day word or weekday could be: one short scan rules them out (most text has none). */
const STALE_ANY = phraseRegex((v) => v.time.stale.map((w) => w.pattern));
const WEEKDAYS_ANY = phraseRegex((v) => v.time.weekdays);

/**
 * Day words without a clock time: "anoche" → yesterday 21:00, "ayer" → yesterday noon, "last
 * week" → seven days ago, "this morning" → today 08:00 (or two hours ago, if earlier than
 * that), "el lunes" → that weekday's noon; "más temprano" → the same day, no hour. A clock
 * time with a day word ("anoche como a las 9") is read by findClockTimes and wins, being longer.
 */
function findDayWords(s: string, env: TimeEnv, found: TimeMatch[]): void {
  for (const m of matchesOf(EARLIER, s)) found.push({ start: m.index, end: m.index + m[0].length, bucket: 'earlier' });
  if (!env.zoneOk || !STALE_ANY.test(s)) return;
  for (const { re, word } of STALE) {
    for (const m of matchesOf(re, s)) {
      let at = env.at(-word.daysBack, word.hour, 0);
      if (at > env.now) at = env.now - 2 * 60 * MINUTE;
      found.push({ start: m.index, end: m.index + m[0].length, at });
    }
  }
}

/** "el lunes", "last monday" with no hour: that weekday's noon, unless a longer match covers it. */
function findWeekdays(s: string, env: TimeEnv, found: TimeMatch[]): void {
  if (!WEEKDAYS_ANY.test(s)) return;
  for (const { re, weekday } of WEEKDAYS) {
    for (const m of matchesOf(re, s)) {
      if (found.some((f) => f.start < m.index + m[0].length && m.index < f.end)) continue;
      const today = env.weekday();
      let back = (today - weekday + 7) % 7;
      let at = env.at(-back, 12, 0);
      if (at > env.now) {
        back += 7;
        at = env.at(-back, 12, 0);
      }
      found.push({ start: m.index, end: m.index + m[0].length, at });
    }
  }
}

function unitMinutes(unit: string): number {
  const known = UNIT_MINUTES.get(unit);
  if (known !== undefined) return known;
  if (unit.startsWith('s')) return 1 / 60;
  if (unit.startsWith('m')) return 1;
  if (unit.startsWith('h')) return 60;
  return 1440; // days / dias
}

const SPACES = /\s+/g;
const DIGIT_FIRST = /^\d/;
const QTY_ONE = /^(?:an?|un|una|uno)$/;
const QTY_HALF = /^(?:half an?|a half|media|meia)$/;
const QTY_TWO = /couple|par/;
const QTY_FEW = /few|cuant|poc|^unos$|^unas$/;

function qtyValue(q: string): number | undefined {
  const s = q.replace(SPACES, ' ');
  if (DIGIT_FIRST.test(s)) return Number(s.replace(',', '.'));
  if (QTY_ONE.test(s)) return 1;
  if (QTY_HALF.test(s)) return 0.5;
  if (QTY_TWO.test(s)) return 2;
  if (QTY_FEW.test(s)) return 3;
  return wordNumber(s);
}

function durationMinutes(qty: string, unit: string, extra: string | undefined): number | undefined {
  const n = qtyValue(qty);
  if (n === undefined || n > 999) return undefined;
  let minutes = n * unitMinutes(unit);
  if (extra === 'and a half' || extra === 'y media') minutes += 0.5 * unitMinutes(unit);
  if (extra === 'y cuarto') minutes += 0.25 * unitMinutes(unit);
  return minutes;
}

/**
 * Every time expression needs a digit or one of these words (at a word start): "now" words,
 * "ago"/"hace", hour words, noon/midnight, weekdays. Text without any is skipped after the
 * whole-answer checks. A superset on purpose: it only has to rule out text that cannot match.
 */
const TIME_GATE = new RegExp(
  `\\d|${WORD_START}(?:${alternation((v) => [...v.time.nowPatterns, ...v.time.earlierPatterns, ...v.time.stale.map((w) => w.pattern), ...v.time.weekdays, ...v.time.fixedAgo.map(([p]) => p), ...v.time.agoBefore, ...v.time.agoAfter, ...v.time.clock.am, ...v.time.clock.pm, ...v.time.clock.night])}|moment|speak|ago|atras|back|hace|noon|midday|mediodia|medio|midnight|medianoche|${HOUR_WORDS}|mon|tue|wed|thu|fri|sat|sun)`,
);

/**
 * Finds every time expression in `text` (cleaned, original case), earliest first, non-overlapping.
 * `whole`: the text is a whole answer or clause, so "ya" alone and a bare duration ("10 min")
 * count; `bareHour`: a bare "8" is a clock time. Clock times need a valid IANA `ctx.timezone`
 * (with an invalid one only "now" and "… ago" are read).
 */
export function findTimes(text: string, ctx: TimeContext, opts: { whole?: boolean; bareHour?: boolean } = {}): TimeMatch[] {
  return findTimesIn(fold(text), text, new TimeEnv(ctx), opts);
}

/** `findTimes` on text already folded (`s === fold(text)`), with a shared `TimeEnv`. */
export function findTimesIn(s: string, text: string, env: TimeEnv, opts: { whole?: boolean; bareHour?: boolean }): TimeMatch[] {
  const now = env.now;
  const found: TimeMatch[] = [];
  if (opts.whole) {
    const trimmed = s.trim();
    const lead = s.length - s.trimStart().length;
    if (YA_ALONE.test(trimmed)) found.push({ start: lead, end: lead + trimmed.length, at: now, now: true });
    const hour = opts.bareHour ? BARE_HOUR.exec(trimmed) : null;
    if (hour && env.zoneOk && Number(hour[1]) <= 23) {
      // an answer to "when?" that is just "8": eight o'clock
      found.push({
        start: lead,
        end: lead + hour[0].length,
        at: resolveClock(Number(hour[1]), Number(hour[2] ?? 0), undefined, false, dayContext(s), env),
      });
    }
    const bare = BARE_DURATION.exec(trimmed);
    if (bare) {
      const minutes = durationMinutes(bare[1] ?? bare[2]!, bare[3]!, bare[4]);
      if (minutes !== undefined) found.push(agoMatch(env, lead, lead + trimmed.replace(TRAILING_BANG, '').length, minutes));
    }
  }
  if (!TIME_GATE.test(s)) return found.length > 1 ? pickNonOverlapping(found) : found;
  for (const m of matchesOf(NOW, s)) found.push({ start: m.index, end: m.index + m[0].length, at: now, now: true });
  findDayWords(s, env, found);
  const hasAgo = s.includes('ago') || s.includes('atras') || s.includes('back');
  const hasHace = s.includes('hace');
  if (hasAgo) {
    for (const m of matchesOf(AGO, s)) {
      const minutes = durationMinutes(m[1] ?? m[2]!, m[3]!, m[4]);
      if (minutes !== undefined) found.push(agoMatch(env, m.index, m.index + m[0].length, minutes));
    }
  }
  if (hasHace) {
    for (const m of matchesOf(HACE, s)) {
      const minutes = durationMinutes(m[1] ?? m[2]!, m[3]!, m[4]);
      if (minutes !== undefined) found.push(agoMatch(env, m.index, m.index + m[0].length, minutes));
    }
  }
  for (const re of [AGO_BEFORE, AGO_AFTER]) {
    if (!re) continue;
    for (const m of matchesOf(re, s)) {
      const minutes = durationMinutes(m[1] ?? m[2]!, m[3]!, undefined);
      if (minutes !== undefined) found.push(agoMatch(env, m.index, m.index + m[0].length, minutes));
    }
  }
  if (FIXED_ANY.test(s)) {
    for (const [re, minutes] of FIXED) for (const m of matchesOf(re, s)) found.push(agoMatch(env, m.index, m.index + m[0].length, minutes));
  }
  if (env.zoneOk) {
    findClockTimes(s, env, found);
    if (text.length <= 300 && DATE_HINT.test(s)) found.push(...chronoTimes(text, env));
    findWeekdays(s, env, found);
  }
  return found.length > 1 ? pickNonOverlapping(found) : found;
}

function agoMatch(env: TimeEnv, start: number, end: number, minutes: number): TimeMatch {
  return { start, end, at: env.minus(Math.round(minutes * MINUTE)) };
}

/** Stable, like Array.prototype.sort, and quicker for the few matches a message has. */
function insertionSort(found: TimeMatch[]): void {
  for (let i = 1; i < found.length; i++) {
    const x = found[i]!;
    let j = i - 1;
    while (j >= 0 && byPosition(found[j]!, x) > 0) {
      found[j + 1] = found[j]!;
      j--;
    }
    found[j + 1] = x;
  }
}

function byPosition(a: TimeMatch, b: TimeMatch): number {
  return a.start - b.start || b.end - a.end;
}

function pickNonOverlapping(found: TimeMatch[]): TimeMatch[] {
  if (found.length <= 16) insertionSort(found);
  else found.sort(byPosition);
  const out: TimeMatch[] = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.start >= lastEnd) {
      out.push(f);
      lastEnd = f.end;
    }
  }
  return out;
}

/** Minutes after which a sighting is old unless `TimeContext.staleAfterMinutes` says otherwise (as verification's default). */
const DEFAULT_STALE_MINUTES = 60;
const RECENT_MINUTES = 30;

/**
 * How fresh a sighting is: 'now' (at the current minute: "ahora", "still there"), 'recent' (30
 * minutes or less), 'earlier' (older, the same local day, within `ctx.staleAfterMinutes`,
 * default 60), 'old' (beyond that, or another day: "hace 2 horas", "anoche", "last week").
 */
export function timeBucket(at: number, ctx: TimeContext): TimeBucket {
  const age = ctx.now - at;
  if (age < MINUTE) return 'now';
  if (age <= RECENT_MINUTES * MINUTE) return 'recent';
  const stale = (ctx.staleAfterMinutes ?? DEFAULT_STALE_MINUTES) * MINUTE;
  if (age <= stale && new TimeEnv(ctx).sameLocalDay(at)) return 'earlier';
  return 'old';
}

/** The field for a time match: the words, the instant when known, and its bucket. */
export function timeField(text: string, match: TimeMatch, ctx: TimeContext): TimeField {
  if (match.at === undefined) return { text, bucket: match.bucket ?? 'earlier' };
  return { text, at: match.at, bucket: match.now ? 'now' : timeBucket(match.at, ctx) };
}

/**
 * When the sighting happened, worked out in `ctx.timezone` relative to `ctx.now`:
 * "now"/"ahora"/"ahorita"/"ya" → now; "10 min ago"/"hace 10 minutos"/"hace media hora"/
 * "hace rato" (30 min) → now minus that; "7:30", "8am", "a las 8", "8 de la mañana", "15:45" →
 * that local time today, or yesterday if today's would be more than an hour in the future (a
 * bare "8" is read as a clock time too; without am/pm the most recent reading is used); day
 * words ("anoche", "ayer", "this morning", "last week", "el lunes") → that day. A correction
 * wins: "ahora, bueno hace 5 min" is five minutes ago. Undefined when no time could be worked
 * out ("no sé"). `text` is the trimmed input; `at` is epoch ms; `bucket` says how fresh it is.
 */
export function parseTime(text: string, ctx: TimeContext): TimeField | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const corrected = splitAtCorrection(trimmed);
  const match = (corrected && firstTime(corrected.after, ctx)) || firstTime(trimmed, ctx);
  return match ? timeField(trimmed, match, ctx) : undefined;
}

function firstTime(text: string, ctx: TimeContext): TimeMatch | undefined {
  const src = clean(text);
  return findTimesIn(fold(src), src, new TimeEnv(ctx), { whole: true, bareHour: true })[0];
}
