/**
 * The clock a time parse runs against: the current instant and the network's time zone, with
 * the zone offsets worked out only when a clock time needs them (each is an Intl format call).
 */
import { DateTime, Info, Settings, type Zone } from 'luxon';
import type { TimeContext } from './types.js';

/** A time expression found in a text: where it is (indexes into the text) and what it means. */
export interface TimeMatch {
  start: number;
  end: number;
  /** Epoch ms; absent for a time of day with no hour ("earlier today"). */
  at?: number;
  /** Set when the words give the bucket without an instant ("más temprano" → 'earlier'). */
  bucket?: 'earlier';
  /** The words say now ("ahora", "still there"). */
  now?: boolean;
}

export const MINUTE = 60_000;

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
      return DateTime.fromMillis(this.now, { zone: this.timezone })
        .plus({ days })
        .set({ hour, minute, second: 0, millisecond: 0 })
        .toMillis();
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

  /** The local weekday of `now`, 1 = Monday ... 7 = Sunday. Needs `zoneOk`. */
  weekday(): number {
    return DateTime.fromMillis(this.now, { zone: this.timezone }).weekday;
  }

  /** Whether `at` falls on the same local calendar day as `now` (false with an invalid zone). */
  sameLocalDay(at: number): boolean {
    if (!this.zoneOk) return false;
    const now = DateTime.fromMillis(this.now, { zone: this.timezone });
    return now.hasSame(DateTime.fromMillis(at, { zone: this.timezone }), 'day');
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
  const asUTC = Date.UTC(
    parseInt(p[3]!, 10),
    parseInt(p[1]!, 10) - 1,
    parseInt(p[2]!, 10),
    hour === 24 ? 0 : hour,
    parseInt(p[6]!, 10),
    parseInt(p[7]!, 10),
    0,
  );
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
