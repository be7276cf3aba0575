import * as chrono from 'chrono-node';
import { DateTime, Info, Settings, type Zone } from 'luxon';
import { clean, fold, matchesOf } from './normalize.js';
import { NUMBER_WORD_PATTERN, wordNumber } from './numbers.js';
import { AGENT_WORDS, VEHICLE_WORDS } from './size.js';
import type { TimeContext, TimeField } from './types.js';

/** A time expression found in a text: where it is (indexes into the text) and what it means. */
export interface TimeMatch {
  start: number;
  end: number;
  /** Epoch ms. */
  at: number;
}

const MINUTE = 60_000;

const N = `\\d{1,3}(?:[.,]5)?|${NUMBER_WORD_PATTERN}`;
const QTY_WORDS = `${NUMBER_WORD_PATTERN}|half an?|a half|an?|a couple(?: of)?|couple(?: of)?|a few|few|media|un par de|unos cuantos|unas cuantas|unos pocos|unas pocas|unos|unas|pocos|pocas`;
/** A quantity and the space after it: digits may touch the unit ("10min"), words may not ("ahora" is not "a hora"). */
const QTY = `(?:(\\d{1,3}(?:[.,]5)?)\\s*|(${QTY_WORDS})\\s+)`;
const UNIT = `minutes?|mins?|min|m|hours?|hrs?|hr|h|seconds?|secs?|sec|s|days?|minutos?|horas?|segundos?|segs?|seg|dias?`;
const ABOUT = `like|about|around|approx|approximately|maybe|almost|over|just|only|roughly|nearly|como|unos|unas|aprox|aproximadamente|mas o menos|casi|ya|apenas|solo|tipo|menos de|mas de`;

/** "10 min ago", "half an hour ago", "an hour and a half ago", "10 minutos atras". */
const AGO = new RegExp(
  `\\b(?:(?:${ABOUT})\\s+)?${QTY}(?:(?:-|to|or|o|a)\\s*(?:${N})\\s*)?(${UNIT})\\b(?:\\s+(and a half|y media|or so|or two|o mas|o algo asi))?\\s+(?:ago|atras|back)\\b`,
  'g'
);

/** "hace 10 minutos", "hace media hora", "hace una hora y media", "hace unos 5 min". */
const HACE = new RegExp(
  `\\bhace\\s+(?:(?:${ABOUT})\\s+)?${QTY}(?:(?:-|o|a)\\s*(?:${N})\\s*)?(${UNIT})\\b(?:\\s+(y media|y pico|y cuarto|o mas|o algo asi))?`,
  'g'
);

/** A whole answer that is just a duration ("10 min", "como 20 minutos"): read as that long ago. */
const BARE_DURATION = new RegExp(`^(?:(?:${ABOUT}|hace)\\s+)?${QTY}(${UNIT})(?:\\s+(y media|and a half))?\\s*[.!]*$`);

/** Fixed relative expressions, how many minutes ago they mean, and the word each needs. */
const FIXED: Array<[RegExp, number, 'hace' | 'ago']> = [
  [/\bhace\s+(?:una\s+)?hora\s+y\s+media\b/g, 90, 'hace'],
  [/\b(?:an?\s+)?hour\s+and\s+a\s+half\s+ago\b/g, 90, 'ago'],
  [/\bhace\s+(?:un\s+)?ratito\b/g, 15, 'hace'],
  [/\bhace\s+(?:un\s+)?(?:buen\s+)?rato\b/g, 30, 'hace'],
  [/\bhace\s+(?:muy\s+)?poco(?:\s+tiempo)?\b/g, 15, 'hace'],
  [/\bhace\s+(?:un\s+)?(?:momento|momentito|instante|segundo|segundito)\b/g, 5, 'hace'],
  [/\bhace\s+unos\s+(?:momentos|segundos|minutitos)\b/g, 5, 'hace'],
  [/\bhace\s+nada\b/g, 2, 'hace'],
  [/\ba\s+(?:little|short)\s+(?:while|bit)\s+ago\b/g, 15, 'ago'],
  [/\b(?:a\s+)?(?:little\s+)?bit\s+ago\b/g, 15, 'ago'],
  [/\ba\s+while\s+ago\b/g, 30, 'ago'],
  [/\b(?:a\s+)?(?:few\s+)?(?:moments?|sec|second)\s+ago\b/g, 5, 'ago'],
];

/** Matches where any FIXED pattern with "hace" (or "ago") matches: one scan rules them out. */
const FIXED_HACE_ANY = new RegExp(FIXED.filter((f) => f[2] === 'hace').map((f) => `(?:${f[0].source})`).join('|'));
const FIXED_AGO_ANY = new RegExp(FIXED.filter((f) => f[2] === 'ago').map((f) => `(?:${f[0].source})`).join('|'));

/** Expressions meaning "now". */
const NOW =
  /\b(?:right\s+now|just\s+now|now|rn|currently|at\s+the\s+moment|at\s+this\s+moment|as\s+we\s+speak|happening\s+now|still\s+(?:there|here|outside)|ahorita\s+mismo|ahora\s+mismo|ahoritita|ahorita|ahora|aorita|orita|horita|aora|en\s+este\s+momento|en\s+estos\s+momentos|en\s+este\s+instante|justo\s+ahora|(?:todavia|aun)\s+(?:estan|siguen|hay|andan)|siguen\s+(?:ahi|aqui|alli|alla|afuera))\b/g;

const YA_ALONE = /^(?:ya|ya mismo|ya ya)\s*[.!]*$/;
const BARE_HOUR = /^(\d{1,2})(?::([0-5]\d))?\s*[.!]*$/;
const TRAILING_BANG = /[.!]+$/;

const HOUR_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce';
const CLOCK = new RegExp(`\\b(\\d{1,2})(?::([0-5]\\d))?(?![\\d:])|\\b(${HOUR_WORDS})\\b`, 'g');
const NOON = /\b(?:(?:at|around|a\s+las|al|a\s+la|por\s+el)\s+)?(noon|midday|mediodia|medio\s+dia|midnight|medianoche)\b/g;

const PREFIX_EN = /(?:^|\s)(at|around|by|since|til|until)\s+$/;
const PREFIX_ES = /(?:^|\s)((?:como\s+|tipo\s+|desde\s+|hasta\s+)?a\s+(?:eso\s+de\s+)?las?|alas|como\s+las|desde\s+las?|tipo|como\s+(?:a\s+)?las?)\s+$/;
const DAY_BEFORE = /(?:^|\s)(ayer|yesterday|anoche|last\s+night|hoy|today|this\s+(?:morning|afternoon|evening)|esta\s+(?:manana|tarde|noche)|tonight)\s*,?\s+$/;

type Meridiem = 'am' | 'pm' | 'night';

function unitMinutes(unit: string): number {
  if (unit.startsWith('s')) return 1 / 60;
  if (unit.startsWith('m')) return 1;
  if (unit.startsWith('h')) return 60;
  return 1440; // days / dias
}

const SPACES = /\s+/g;
const DIGIT_FIRST = /^\d/;
const QTY_ONE = /^(?:an?|un|una|uno)$/;
const QTY_HALF = /^(?:half an?|a half|media)$/;
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
 * Epoch ms within which the fast date arithmetic below is known to give exactly what luxon
 * gives (1970 to 2286: whole-minute zone offsets, far from the ends of the Date range). Outside
 * it, the luxon calls are used as they are.
 */
const FAST_MIN = 0;
const FAST_MAX = 1e13;

function inFastRange(now: number): boolean {
  return typeof now === 'number' && now >= FAST_MIN && now <= FAST_MAX;
}

/**
 * What one parse needs to know about the clock: the zone, whether it is usable, and its offsets,
 * worked out only when a clock time needs them, and memoised (each is an Intl format call).
 */
export class TimeEnv {
  readonly now: number;
  readonly timezone: string;
  readonly fast: boolean;
  private zoneObj: Zone | undefined;
  private zoneValid: boolean | undefined;
  private offsets: Map<number, number> | undefined;
  private base: { o: number; c: LocalFields } | undefined;
  private systemOk: boolean | undefined;

  constructor(ctx: TimeContext) {
    this.now = ctx.now;
    this.timezone = ctx.timezone;
    this.fast = inFastRange(ctx.now);
    // Outside the fast range, ask luxon right away, as findTimes always did (it throws for a non-number)
    if (!this.fast) this.zoneValid = DateTime.fromMillis(this.now, { zone: this.timezone }).isValid;
  }

  private zone(): Zone {
    return (this.zoneObj ??= zoneNamed(this.timezone));
  }

  /** Same as `DateTime.fromMillis(now, { zone: timezone }).isValid`. */
  get zoneOk(): boolean {
    return (this.zoneValid ??= this.zone().isValid);
  }

  /** The zone's offset at `ts` in minutes, as luxon gives it (`zone.offset(ts)`). */
  offset(ts: number): number {
    const offsets = (this.offsets ??= offsetMemo(this.zone()));
    let o = offsets.get(ts);
    if (o === undefined) {
      o = zoneOffset(this.zone(), ts);
      if (offsets.size >= OFFSET_MEMO_SIZE) offsets.clear();
      offsets.set(ts, o);
    }
    return o;
  }

  /** Same as `DateTime.fromMillis(now).minus({ milliseconds: ms }).toMillis()`. */
  minus(ms: number): number {
    if (this.fast && (this.systemOk ??= Settings.defaultZone.isValid)) return this.now - ms;
    return DateTime.fromMillis(this.now).minus({ milliseconds: ms }).toMillis();
  }

  /**
   * Same as `DateTime.fromMillis(now, { zone }).plus({ days }).set({ hour, minute, second: 0,
   * millisecond: 0 }).toMillis()`, with luxon's own steps (see `fixOffset` in luxon) but each
   * offset looked up once. Needs `zoneOk`.
   */
  at(days: number, hour: number, minute: number): number {
    if (!this.fast) {
      return DateTime.fromMillis(this.now, { zone: this.timezone }).plus({ days }).set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
    }
    const base = (this.base ??= this.baseFields());
    // plus({ days })
    let o1 = base.o;
    let c1 = base.c;
    const [ts1] = this.fixOffset(Date.UTC(c1.year, c1.month - 1, c1.day + days, c1.hour, c1.minute, c1.second, c1.millisecond), base.o);
    if (ts1 !== this.now) {
      o1 = this.offset(ts1);
      c1 = localFields(ts1, o1);
    }
    // set({ hour, minute, second: 0, millisecond: 0 })
    const [ts2] = this.fixOffset(Date.UTC(c1.year, c1.month - 1, c1.day, hour, minute, 0, 0), o1);
    return ts2;
  }

  /** The zone offset of `now`, as `DateTime.fromMillis(now, { zone }).offset` gives it. Needs `zoneOk`. */
  nowOffset(): number {
    return this.fast ? this.offset(this.now) : DateTime.fromMillis(this.now, { zone: this.timezone }).offset;
  }

  private baseFields(): { o: number; c: LocalFields } {
    const o = this.offset(this.now);
    return { o, c: localFields(this.now, o) };
  }

  /** luxon's fixOffset: the epoch ms of a local time, `o` being the guessed offset. */
  private fixOffset(localTS: number, o: number): [number, number] {
    let utcGuess = localTS - o * 60 * 1000;
    const o2 = this.offset(utcGuess);
    if (o === o2) return [utcGuess, o];
    utcGuess -= (o2 - o) * 60 * 1000;
    const o3 = this.offset(utcGuess);
    if (o2 === o3) return [utcGuess, o2];
    return [localTS - Math.min(o2, o3) * 60 * 1000, Math.max(o2, o3)];
  }
}

/**
 * Offsets already worked out, per IANA zone (a pure function of the instant, so they can be
 * kept; local times like "today 8:00" come back message after message). Other zones get a
 * memo for one parse only: the system zone can change with TZ.
 */
const OFFSET_MEMOS = new WeakMap<Zone, Map<number, number>>();
const OFFSET_MEMO_SIZE = 2048;

function offsetMemo(zone: Zone): Map<number, number> {
  if (zone.type !== 'iana') return new Map();
  let memo = OFFSET_MEMOS.get(zone);
  if (!memo) {
    memo = new Map();
    OFFSET_MEMOS.set(zone, memo);
  }
  return memo;
}

const ZONES = new Map<string, Zone>();

/**
 * `Info.normalizeZone(name)`, kept per name (luxon's own lookup costs about half a µs). "default"
 * is not kept: it follows `Settings.defaultZone`.
 */
function zoneNamed(name: string): Zone {
  if (typeof name !== 'string') return Info.normalizeZone(name);
  let zone = ZONES.get(name);
  if (zone === undefined) {
    zone = Info.normalizeZone(name);
    if (name.toLowerCase() !== 'default' && ZONES.size < 64) ZONES.set(name, zone);
  }
  return zone;
}

const DTF_CACHE = new Map<string, Intl.DateTimeFormat>();
/** What luxon's formatter prints: "11/21/2026 AD, 09:00:00". */
const FORMATTED = /(\d+)\/(\d+)\/(\d+) (AD|BC),? (\d+):(\d+):(\d+)/;
const LRM = /\u200E/g;

/**
 * `zone.offset(ts)`, computed the way luxon's IANAZone does it (same formatter, same fields,
 * same arithmetic) but reading the fields from `format()` instead of `formatToParts()`, which
 * costs twice as much. Falls back to luxon if the text is not in the expected shape.
 */
export function zoneOffset(zone: Zone, ts: number): number {
  if (zone.type !== 'iana' || !zone.isValid || !inFastRange(ts)) return zone.offset(ts);
  let dtf = DTF_CACHE.get(zone.name);
  if (dtf === undefined) {
    // luxon's makeDTF
    dtf = new Intl.DateTimeFormat('en-US', {
      hour12: false,
      timeZone: zone.name,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    DTF_CACHE.set(zone.name, dtf);
  }
  const p = FORMATTED.exec(dtf.format(ts).replace(LRM, ''));
  if (p === null || p[4] !== 'AD') return zone.offset(ts);
  const hour = parseInt(p[5]!, 10);
  // years are 1970 to 2286 here, so Date.UTC needs no help with years below 100
  const asUTC = Date.UTC(parseInt(p[3]!, 10), parseInt(p[1]!, 10) - 1, parseInt(p[2]!, 10), hour === 24 ? 0 : hour, parseInt(p[6]!, 10), parseInt(p[7]!, 10), 0);
  const over = ts % 1000;
  const asTS = ts - (over >= 0 ? over : 1000 + over);
  return (asUTC - asTS) / (60 * 1000);
}

interface LocalFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

function localFields(ts: number, offset: number): LocalFields {
  const d = new Date(ts + offset * 60 * 1000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/**
 * Every time expression needs a digit or one of these words (at a word start): "now" words,
 * "ago"/"hace", hour words, noon/midnight, weekdays. Text without any is skipped after the
 * whole-answer checks. A superset on purpose: it only has to rule out text that cannot match.
 */
const TIME_GATE = new RegExp(
  `\\d|\\b(?:now|rn|currently|moment|speak|still|ahor|aorita|orita|horita|aora|instante|justo|todavia|aun|siguen|ago|atras|back|hace|noon|midday|mediodia|medio|midnight|medianoche|${HOUR_WORDS}|mon|tue|wed|thu|fri|sat|sun|lunes|martes|miercoles|jueves|viernes|sabado|domingo)`
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
    if (YA_ALONE.test(trimmed)) found.push({ start: lead, end: lead + trimmed.length, at: now });
    const hour = opts.bareHour ? BARE_HOUR.exec(trimmed) : null;
    if (hour && env.zoneOk && Number(hour[1]) <= 23) {
      // an answer to "when?" that is just "8": eight o'clock
      found.push({ start: lead, end: lead + hour[0].length, at: resolveClock(Number(hour[1]), Number(hour[2] ?? 0), undefined, false, dayContext(s), env) });
    }
    const bare = BARE_DURATION.exec(trimmed);
    if (bare) {
      const minutes = durationMinutes(bare[1] ?? bare[2]!, bare[3]!, bare[4]);
      if (minutes !== undefined) found.push(agoMatch(env, lead, lead + trimmed.replace(TRAILING_BANG, '').length, minutes));
    }
  }
  if (!TIME_GATE.test(s)) return found.length > 1 ? pickNonOverlapping(found) : found;
  for (const m of matchesOf(NOW, s)) found.push({ start: m.index, end: m.index + m[0].length, at: now });
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
  const fixedHace = hasHace && FIXED_HACE_ANY.test(s);
  const fixedAgo = s.includes('ago') && FIXED_AGO_ANY.test(s);
  if (fixedHace || fixedAgo) {
    for (const [re, minutes, word] of FIXED) {
      if (word === 'hace' ? !fixedHace : !fixedAgo) continue;
      for (const m of matchesOf(re, s)) found.push(agoMatch(env, m.index, m.index + m[0].length, minutes));
    }
  }
  if (env.zoneOk) {
    findClockTimes(s, env, found);
    if (text.length <= 300 && DATE_HINT.test(s)) found.push(...chronoTimes(text, env));
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

type DayContext = { shift?: number; lastNight?: boolean };

const DAY_BEFORE_YESTERDAY = /\b(?:antier|anteayer|antes\s+de\s+ayer|day\s+before\s+yesterday)\b/;
const LAST_NIGHT = /\b(?:anoche|last\s+night)\b/;
const YESTERDAY = /\b(?:ayer|yesterday)\b/;

function dayContext(s: string): DayContext {
  if (DAY_BEFORE_YESTERDAY.test(s)) return { shift: -2 };
  if (LAST_NIGHT.test(s)) return { lastNight: true };
  if (YESTERDAY.test(s)) return { shift: -1 };
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
const NIGHT_WORD = /night|medianoche/;

function findClockTimes(s: string, env: TimeEnv, found: TimeMatch[]): void {
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
    // "y media de la tarde": meridiem after a half/quarter
    if (r && mer === undefined && !marker) {
      const r2 = AFTER_HALF_DAYPART.exec(s.slice(end, end + 30));
      if (r2) {
        mer = r2[2] ? (r2[2] === 'a' ? 'am' : 'pm') : r2[1] === 'noche' ? 'night' : r2[1] === 'tarde' ? 'pm' : 'am';
        end += r2[0].length;
      }
    }
    if (!hasMin && mer === undefined && AFTER_UNIT.test(after)) continue;
    if (mer === undefined && !hasMin && looksLikeCount(after)) continue;
    const ok0 = hasMin || mer !== undefined || marker;
    const pes = PREFIX_ES.exec(before);
    const pen = pes ? null : PREFIX_EN.exec(before);
    const prefix = pes ?? pen;
    let ok = ok0;
    if (!ok && prefix) {
      // Spanish "a las ocho" is always a time; English "at eight" only at the end of a phrase
      ok = !word || pes !== null || PHRASE_END.test(s.slice(end));
    }
    if (!ok) continue;
    if (hasMin ? h > 23 : mer ? h < 1 || h > 12 : h > 23) continue;
    let start = prefix ? st - (before.length - before.lastIndexOf(prefix[1]!)) : st;
    const dayWord = DAY_BEFORE.exec(s.slice(Math.max(0, start - 40), start));
    if (dayWord) start -= s.slice(Math.max(0, start - 40), start).length - dayWord.index - (dayWord[0].length - dayWord[0].trimStart().length);
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
function resolveClock(
  h: number,
  min: number,
  mer: Meridiem | undefined,
  fixed: boolean,
  day: DayContext,
  env: TimeEnv
): number {
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
    const hour = hours.length > 1 ? (h >= 1 && h <= 5 ? h + 12 : h === 12 ? 12 : h) : hours[0]!;
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

const DATE_HINT =
  /\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\b|\b\d{1,2}\/\d{1,2}\b/;

const CHRONO_DAYPART = /^\s*(?:(?:de|en|por)\s+la\s+(manana|madrugada|tarde|noche)\b|([ap])\.?\s?m\b\.?)/;

/** Dates with a weekday or month ("monday at 3pm", "el 20 de noviembre a las 3") via chrono. */
function chronoTimes(text: string, env: TimeEnv): TimeMatch[] {
  const offset = env.nowOffset();
  const ref = { instant: new Date(env.now), timezone: offset };
  const out: TimeMatch[] = [];
  for (const parser of [chrono.en.casual, chrono.es.casual]) {
    for (const r of parser.parse(text, ref)) {
      const c = r.start;
      if (!c.isCertain('hour') || !(c.isCertain('weekday') || c.isCertain('day'))) continue;
      let dt = DateTime.fromObject(
        { year: c.get('year') ?? undefined, month: c.get('month') ?? undefined, day: c.get('day') ?? undefined, hour: c.get('hour') ?? 0, minute: c.get('minute') ?? 0 },
        { zone: env.timezone }
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

/**
 * When the sighting happened, worked out in `ctx.timezone` relative to `ctx.now`:
 * "now"/"ahora"/"ahorita"/"ya" → now; "10 min ago"/"hace 10 minutos"/"hace media hora"/
 * "hace rato" (30 min) → now minus that; "7:30", "8am", "a las 8", "8 de la mañana", "15:45" →
 * that local time today, or yesterday if today's would be more than an hour in the future (a
 * bare "8" is read as a clock time too; without am/pm the most recent reading is used).
 * Undefined when no time could be worked out ("this morning", "earlier"). `text` is the
 * trimmed input; `at` is epoch ms.
 */
export function parseTime(text: string, ctx: TimeContext): TimeField | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const src = clean(trimmed);
  const [first] = findTimesIn(fold(src), src, new TimeEnv(ctx), { whole: true, bareHour: true });
  return first ? { text: trimmed, at: first.at } : undefined;
}
