/**
 * Clock times in a tipster's words: "7:30", "8am", "a las 8 de la mañana", "las 3 y media",
 * "anoche como a las 9", "monday at 3pm" (weekdays and dates through chrono), resolved in the
 * network's time zone to the most recent instant they can mean.
 */
import { DateTime } from 'luxon';
import { AGENT_WORDS, VEHICLE_WORDS } from './counts.js';
import { lazyModule } from './lazy-module.js';
import { fold, matchesOf } from './normalize.js';
import { wordNumber } from './numbers.js';
import { MINUTE, type TimeEnv, type TimeMatch } from './time-env.js';
import { alternation, bounded, vocabularies, WORD_END, wordSet, type StaleWord, type Vocabulary } from './vocab/index.js';

export const HOUR_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce';
const CLOCK = new RegExp(`\\b(\\d{1,2})(?::([0-5]\\d))?(?![\\d:])|\\b(${HOUR_WORDS})\\b`, 'g');
const NOON = /\b(?:(?:at|around|a\s+las|al|a\s+la|por\s+el)\s+)?(noon|midday|mediodia|medio\s+dia|midnight|medianoche)\b/g;

const PREFIX_EN = /(?:^|\s)(at|around|by|since|til|until)\s+$/;
const PREFIX_ES =
  /(?:^|\s)((?:como\s+|tipo\s+|desde\s+|hasta\s+)?a\s+(?:eso\s+de\s+)?las?|alas|como\s+las|desde\s+las?|tipo|como\s+(?:a\s+)?las?)\s+$/;
/** A day word right before a clock time ("ayer a las 5", "last night around 9"): part of the match. */
const DAY_BEFORE = new RegExp(
  `(?:^|\\s)(${alternation((v) => [...v.time.stale.map((w) => w.pattern), ...v.time.todayPatterns])})\\s*,?\\s+$`,
);

export type Meridiem = 'am' | 'pm' | 'night';
/**
 * The day a clock time belongs to, from the first day word in the text: `shift` days back,
 * `lastNight` ("anoche a las 9" → 21:00 yesterday, "anoche a las 2" → 02:00 today), `evening`
 * (a bare hour is p.m.).
 */
export interface DayContext {
  shift?: number;
  lastNight?: boolean;
  evening?: boolean;
}

/** Every vocabulary's stale day words, each with its regex. */
const DAY_WORDS: Array<{ re: RegExp; word: StaleWord }> = vocabularies().flatMap((v) =>
  v.time.stale.map((word) => ({ re: new RegExp(bounded(word.pattern)), word })),
);

export function dayContext(s: string): DayContext {
  for (const { re, word } of DAY_WORDS) {
    if (!re.test(s)) continue;
    if (word.daysBack === 1 && word.evening && word.hour >= 20) return { lastNight: true };
    if (word.daysBack === 0) return {};
    return word.evening ? { shift: -word.daysBack, evening: true } : { shift: -word.daysBack };
  }
  return {};
}

const NUMBER_JOINER = /[.,/\-:$#]/;
const DIGIT = /\d/;
const GLUED_WORD = /^[a-z]/;
const GLUED_MERIDIEM = /^(?:a\.?\s?m|p\.?\s?m|hrs?|h)(?![a-z])/;
const AFTER_AMPM = /^\s*([ap])\.?\s?m\.?(?![a-z])/;
const AFTER_DAYPART_ES = /^\s*(?:de|en|por)\s+la\s+(manana|madrugada|tarde|noche)\b/;
const AFTER_DAYPART_EN = /^\s*(?:in\s+the|this)\s+(morning|afternoon|evening)\b/;
const AFTER_NIGHT = /^\s*(?:(?:at|last)\s+night|tonight)\b/;
const AFTER_OCLOCK = /^\s*(?:o'?\s?clock|oclock|en\s+punto)\b/;
const AFTER_HALF = /^\s*y\s+(media|cuarto)\b/;
const AFTER_QUARTER_TO = /^\s*menos\s+cuarto\b/;
const AFTER_HOURS_MARK = /^\s*(?:hrs?|horas|h)\b/;
const AFTER_HALF_DAYPART = /^\s*(?:de|en)\s+la\s+(manana|madrugada|tarde|noche)\b|^\s*([ap])\.?\s?m\.?(?![a-z])/;
/** The first letter of every AFTER_* pattern below: one test rules them all out. */
const AFTER_ANY = /^\s*[apdeilotymh]/;
const AFTER_UNIT = /^\s*(?:min|mins|minutes?|minutos?|hours?|horas?|hrs?|h|seg|secs?|segundos|seconds|dias?|days?)\b/;
const PHRASE_END = /^\s*(?:[.,;!?]|$)/;

/** A street word right before a number ("route 9", "calle 8", "rua 5"): the number is part of a street name. */
const STREET_BEFORE = new RegExp(`(?:^|[^a-z0-9])(?:${[...wordSet((v) => v.streets.numberedLead)].join('|')})\\s+$`);

/** The vocabularies' clock words (see `Vocabulary.time.clock`): each regex, or undefined when no vocabulary has such words. */
function clockWords(pick: (c: ClockWords) => string[], build: (words: string) => string): RegExp | undefined {
  const sources = vocabularies().flatMap((v) => pick(v.time.clock));
  return sources.length ? new RegExp(build(sources.map((p) => `(?:${p})`).join('|'))) : undefined;
}
type ClockWords = Vocabulary['time']['clock'];
const after = (words: string) => `^\\s*(?:${words})${WORD_END}`;
const before = (words: string) => `(?:^|\\s)(?:${words})\\s*$`;
const VOCAB_MARK = clockWords((c) => c.hourMarks, after);
const VOCAB_MINUTES = /^\s*([0-5]\d)(?!\d)/;
const VOCAB_HALF = clockWords((c) => c.half, after);
const VOCAB_DAYPARTS: Array<[Meridiem, RegExp | undefined, RegExp | undefined]> = [
  ['am', clockWords((c) => c.am, after), clockWords((c) => c.am, before)],
  ['pm', clockWords((c) => c.pm, after), clockWords((c) => c.pm, before)],
  ['night', clockWords((c) => c.night, after), clockWords((c) => c.night, before)],
];
const VOCAB_LEAD = clockWords((c) => c.leads, before);
/** Duration units of every vocabulary after a number: a duration, not a clock time ("10 phut", "10 分钟"). */
const VOCAB_UNIT_AFTER = (() => {
  const units = vocabularies().flatMap((v) =>
    v.time.agoBefore.length || v.time.agoAfter.length ? [...v.time.units, ...Object.keys(v.time.unitMinutes)] : [],
  );
  return units.length ? new RegExp(after(units.map((u) => `(?:${u})`).join('|'))) : undefined;
})();

/**
 * The vocabularies' words after an hour: an hour mark and minutes ("15h30", "3 gio", "3 点"), half
 * past ("et demie", "半"), a day part ("da tarde", "chieu"). Undefined when none follows.
 */
function vocabAfterHour(text: string): { length: number; marker: boolean; min?: number; mer?: Meridiem } | undefined {
  let pos = 0;
  let marker = false;
  let min: number | undefined;
  let mer: Meridiem | undefined;
  const mark = VOCAB_MARK?.exec(text);
  if (mark) {
    marker = true;
    pos += mark[0].length;
    const minutes = VOCAB_MINUTES.exec(text.slice(pos));
    if (minutes) {
      min = Number(minutes[1]);
      pos += minutes[0].length;
    }
  }
  const half = min === undefined ? VOCAB_HALF?.exec(text.slice(pos)) : undefined;
  if (half) {
    min = 30;
    pos += half[0].length;
  }
  for (const [m, re] of VOCAB_DAYPARTS) {
    const part = re?.exec(text.slice(pos));
    if (part) {
      mer = m;
      pos += part[0].length;
      break;
    }
  }
  if (pos === 0) return undefined;
  return { length: pos, marker, ...(min !== undefined ? { min } : {}), ...(mer !== undefined ? { mer } : {}) };
}

/** A day part right before the hour ("下午 3点", "오후 3시", "tarde 3"), as [meridiem, where it starts in `text`]. */
function vocabDaypartBefore(text: string): [Meridiem, number] | undefined {
  for (const [m, , re] of VOCAB_DAYPARTS) {
    const part = re?.exec(text);
    if (part) return [m, part.index + (part[0].length - part[0].trimStart().length)];
  }
  return undefined;
}
const NIGHT_WORD = /night|medianoche/;

export function findClockTimes(s: string, env: TimeEnv, found: TimeMatch[]): void {
  let day: DayContext | undefined;
  for (const m of matchesOf(CLOCK, s)) {
    const st = m.index;
    let end = st + m[0].length;
    const prevChar = s[st - 1];
    if (prevChar !== undefined && NUMBER_JOINER.test(prevChar) && DIGIT.test(s[st - 2] ?? '')) continue;
    const word = m[3];
    let h = word ? wordNumber(word)! : Number(m[1]);
    let min = m[2] ? Number(m[2]) : 0;
    const hasMin = m[2] !== undefined;
    const after = s.slice(end, end + 40);
    // "4 agentes", "2 SUV": a count. None of the words read below (am/pm, de la, o'clock, y
    // media...) is a unit word, so this is what the checks below would conclude.
    if (!hasMin && startsWithUnitWord(after)) continue;
    if (!word && GLUED_WORD.test(after) && !GLUED_MERIDIEM.test(after)) continue; // "5th", "4agents"
    const before = s.slice(Math.max(0, st - 30), st);
    if (!hasMin && STREET_BEFORE.test(before)) continue; // "Route 9 e Edgell", "calle 8 y media cuadra": a street
    let mer: Meridiem | undefined;
    let marker = false;
    let r: RegExpExecArray | null = null;
    if (!AFTER_ANY.test(after)) {
      // none of the words below follows
    } else if ((r = AFTER_AMPM.exec(after))) {
      mer = r[1] === 'a' ? 'am' : 'pm';
    } else if ((r = AFTER_DAYPART_ES.exec(after))) {
      mer = r[1] === 'noche' ? 'night' : r[1] === 'tarde' ? 'pm' : 'am';
    } else if ((r = AFTER_DAYPART_EN.exec(after))) {
      mer = r[1] === 'morning' ? 'am' : 'pm';
    } else if ((r = AFTER_NIGHT.exec(after))) {
      mer = 'night';
    } else if ((r = AFTER_OCLOCK.exec(after))) {
      marker = true;
    } else if ((r = AFTER_HALF.exec(after))) {
      min = r[1] === 'media' ? 30 : 15;
    } else if ((r = AFTER_QUARTER_TO.exec(after))) {
      min = 45;
      h = h - 1;
    } else if (hasMin && (r = AFTER_HOURS_MARK.exec(after))) {
      marker = true;
    }
    if (r) end += r[0].length;
    let vocabClock = false;
    if (!r && !hasMin) {
      // Other languages' clock words: "15h30", "3 gio chieu", "3点半", "alas 3 ng hapon"
      const v = vocabAfterHour(after);
      if (v) {
        vocabClock = true;
        end += v.length;
        marker = v.marker;
        if (v.min !== undefined) min = v.min;
        if (v.mer !== undefined) mer = v.mer;
      }
    }
    // "y media de la tarde": meridiem after a half/quarter
    if (r && mer === undefined && !marker) {
      const r2 = AFTER_HALF_DAYPART.exec(s.slice(end, end + 30));
      if (r2) {
        mer = r2[2] ? (r2[2] === 'a' ? 'am' : 'pm') : r2[1] === 'noche' ? 'night' : r2[1] === 'tarde' ? 'pm' : 'am';
        end += r2[0].length;
      }
    }
    if (!hasMin && mer === undefined && !vocabClock && (AFTER_UNIT.test(after) || VOCAB_UNIT_AFTER?.test(after))) continue;
    if (mer === undefined && !hasMin && looksLikeCount(after)) continue;
    const partBefore = mer === undefined ? vocabDaypartBefore(before) : undefined;
    if (partBefore) mer = partBefore[0];
    const ok0 = hasMin || mer !== undefined || marker || vocabClock;
    const pes = PREFIX_ES.exec(before) ?? VOCAB_LEAD?.exec(before) ?? null;
    const pen = pes ? null : PREFIX_EN.exec(before);
    const prefix = pes ?? pen;
    let ok = ok0;
    if (!ok && prefix) {
      // Spanish "a las ocho" is always a time; English "at eight" only at the end of a phrase
      ok = !word || pes !== null || PHRASE_END.test(s.slice(end));
    }
    if (!ok) continue;
    if (hasMin ? h > 23 : mer ? h < 1 || h > 12 : h > 23) continue;
    let start = prefix ? st - (before.length - before.lastIndexOf(prefix[1] ?? prefix[0].trimStart())) : st;
    if (partBefore) start = Math.min(start, st - before.length + partBefore[1]);
    const dayWord = DAY_BEFORE.exec(s.slice(Math.max(0, start - 40), start));
    if (dayWord)
      start -= s.slice(Math.max(0, start - 40), start).length - dayWord.index - (dayWord[0].length - dayWord[0].trimStart().length);
    found.push({ start, end, at: resolveClock(h, min, mer, false, (day ??= dayContext(s)), env) });
  }
  if (s.includes('noon') || s.includes('mid') || s.includes('medi')) {
    for (const m of matchesOf(NOON, s)) {
      const h = NIGHT_WORD.test(m[1]!) ? 0 : 12;
      found.push({ start: m.index, end: m.index + m[0].length, at: resolveClock(h, 0, undefined, true, (day ??= dayContext(s)), env) });
    }
  }
}

const TWO_WORDS = /^\s*([a-z']+)(?:\s+([a-z']+))?/;

function looksLikeCount(after: string): boolean {
  const w = TWO_WORDS.exec(after);
  if (!w) return false;
  return isUnitWord(w[1]) || isUnitWord(w[2]);
}

function startsWithUnitWord(after: string): boolean {
  const w = TWO_WORDS.exec(after);
  return w !== null && isUnitWord(w[1]);
}

function isUnitWord(x: string | undefined): boolean {
  return x !== undefined && (AGENT_WORDS.has(x) || VEHICLE_WORDS.has(x));
}

/**
 * Turns a local clock time into epoch ms. Without a day word: today, or yesterday when today's
 * would be more than an hour in the future; when am/pm is not given, the most recent of the two
 * readings that is not more than an hour ahead. With "ayer"/"yesterday": that day, morning for
 * 6-11 and afternoon for 1-5 when am/pm is not given.
 */
export function resolveClock(h: number, min: number, mer: Meridiem | undefined, fixed: boolean, day: DayContext, env: TimeEnv): number {
  const limit = env.now + 60 * MINUTE;
  let hours: number[];
  if (mer === 'am') hours = [h % 12];
  else if (mer === 'pm') hours = [(h % 12) + 12];
  else if (mer === 'night') hours = [h === 12 ? 0 : h < 5 ? h : (h % 12) + 12];
  else if (fixed || h === 0 || h > 12) hours = [h];
  else hours = h === 12 ? [12, 0] : [h, h + 12];
  if (day.lastNight) {
    const hour = mer === 'am' || (mer !== 'pm' && h < 5) ? h % 12 : hours.length > 1 ? hours[1]! : hours[0]!;
    const today = env.at(0, hour, min);
    return hour < 12 && today <= limit ? today : env.at(-1, hour, min);
  }
  if (day.shift !== undefined) {
    const hour = hours.length > 1 ? (day.evening || (h >= 1 && h <= 5) ? h + 12 : h === 12 ? 12 : h) : hours[0]!;
    return env.at(day.shift, hour, min);
  }
  let best = -Infinity;
  for (const hour of hours) {
    let t = env.at(0, hour, min);
    if (t > limit) t = env.at(-1, hour, min);
    if (t > best) best = t;
  }
  return best;
}

export const DATE_HINT =
  /\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\b|\b\d{1,2}\/\d{1,2}\b/;

const CHRONO_DAYPART = /^\s*(?:(?:de|en|por)\s+la\s+(manana|madrugada|tarde|noche)\b|([ap])\.?\s?m\b\.?)/;

/** chrono, loaded with the first text that names a weekday or a date (see DATE_HINT). */
const chrono = lazyModule<typeof import('chrono-node')>('chrono-node');

/** Dates with a weekday or month ("monday at 3pm", "el 20 de noviembre a las 3") via chrono. */
export function chronoTimes(text: string, env: TimeEnv): TimeMatch[] {
  const offset = env.nowOffset();
  const ref = { instant: new Date(env.now), timezone: offset };
  const out: TimeMatch[] = [];
  for (const parser of [chrono().en.casual, chrono().es.casual]) {
    for (const r of parser.parse(text, ref)) {
      const c = r.start;
      if (!c.isCertain('hour') || !(c.isCertain('weekday') || c.isCertain('day'))) continue;
      let dt = DateTime.fromObject(
        {
          year: c.get('year') ?? undefined,
          month: c.get('month') ?? undefined,
          day: c.get('day') ?? undefined,
          hour: c.get('hour') ?? 0,
          minute: c.get('minute') ?? 0,
        },
        { zone: env.timezone },
      );
      if (!dt.isValid) continue;
      let end = r.index + r.text.length;
      // chrono-es leaves "de la tarde" out of "el lunes a las 3 de la tarde"
      const daypart = CHRONO_DAYPART.exec(fold(text.slice(end, end + 30)));
      if (daypart && !c.isCertain('meridiem')) {
        const pm = daypart[1] === 'tarde' || daypart[1] === 'noche' || daypart[2] === 'p';
        if (pm && dt.hour < 12) dt = dt.plus({ hours: 12 });
        end += daypart[0].length;
      }
      if (c.isCertain('weekday') && !c.isCertain('day') && dt.toMillis() > env.now + 60 * MINUTE) dt = dt.minus({ days: 7 });
      if (dt.toMillis() > env.now + 60 * MINUTE) continue;
      out.push({ start: r.index, end, at: dt.toMillis() });
    }
  }
  return out;
}
