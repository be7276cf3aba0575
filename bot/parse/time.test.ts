import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { findTimes, parseTime } from './time.js';

const zone = 'America/Los_Angeles';
// Saturday 21 November 2026, 09:00 PST
const now = Date.UTC(2026, 10, 21, 17, 0);
const ctx = { now, timezone: zone };
const MIN = 60_000;

/** Local wall-clock time in Los Angeles, `days` from 21 Nov 2026. */
function local(hour: number, minute = 0, days = 0): number {
  return DateTime.fromObject({ year: 2026, month: 11, day: 21, hour, minute }, { zone }).plus({ days }).toMillis();
}

describe('parseTime: now', () => {
  it.each([
    'now',
    'right now',
    'RIGHT NOW!!',
    'ahora',
    'ahorita',
    'Ahorita 🚨',
    'ya',
    'YA!',
    'en este momento',
    'ahora mismo',
    'just now',
    'rn',
    'orita',
    'todavía están ahí',
    'still there',
    'currently',
  ])('%j → now', (text) => {
    expect(parseTime(text, ctx)).toEqual({ text: text.trim(), at: now, bucket: 'now' });
  });
});

describe('parseTime: minutes ago', () => {
  it.each<[string, number]>([
    ['10 min ago', 10],
    ['10min ago', 10],
    ['like 10 mins ago', 10],
    ['about 20 minutes ago', 20],
    ['5 minutes ago', 5],
    ['half an hour ago', 30],
    ['a half hour ago', 30],
    ['an hour ago', 60],
    ['1 hour ago', 60],
    ['2 hrs ago', 120],
    ['an hour and a half ago', 90],
    ['a few minutes ago', 3],
    ['a couple of hours ago', 120],
    ['ten minutes ago', 10],
    ['hace 10 minutos', 10],
    ['hace 10 min', 10],
    ['hace diez minutos', 10],
    ['hace unos 15 minutos', 15],
    ['hace como 20 min', 20],
    ['hace media hora', 30],
    ['hace una hora', 60],
    ['hace 1 hora', 60],
    ['hace una hora y media', 90],
    ['hace hora y media', 90],
    ['hace 2 horas', 120],
    ['hace dos horas', 120],
    ['hace rato', 30],
    ['hace un rato', 30],
    ['hace un ratito', 15],
    ['hace poco', 15],
    ['hace un momento', 5],
    ['HACE 5 MIN', 5],
    ['hace 10 o 15 minutos', 10],
    ['10 minutos atrás', 10],
    ['a while ago', 30],
    ['10 min', 10],
    ['como 20 minutos', 20],
    ['media hora', 30],
  ])('%j → %d min ago', (text, minutes) => {
    expect(parseTime(text, ctx)?.at).toBe(now - minutes * MIN);
  });
});

describe('parseTime: clock times', () => {
  it.each<[string, number]>([
    ['7:30', local(7, 30)],
    ['7:30am', local(7, 30)],
    ['7:30 AM', local(7, 30)],
    ['7:30 a.m.', local(7, 30)],
    ['at 8', local(8)],
    ['at 8am', local(8)],
    ['8am', local(8)],
    ['8 o’clock', local(8)],
    ['a las 8', local(8)],
    ['alas 8', local(8)],
    ['como a las 8', local(8)],
    ['a las ocho', local(8)],
    ['a las 8 y media', local(8, 30)],
    ['a las 8 y cuarto', local(8, 15)],
    ['8 de la mañana', local(8)],
    ['8 de la manana', local(8)],
    ['a las 6 de la mañana', local(6)],
    ['a la una', local(1)],
    ['at 10', local(10)], // within the hour ahead: still today
    ['15:45', local(15, 45, -1)], // 6¾ h ahead: yesterday
    ['3pm', local(15, 0, -1)],
    ['a las 3 de la tarde', local(15, 0, -1)],
    ['at 11', local(23, 0, -1)], // the most recent 11 o'clock
    ['a las 9 de la noche', local(21, 0, -1)],
    ['ayer a las 8', local(8, 0, -1)],
    ['yesterday at 3', local(15, 0, -1)],
    ['yesterday at 8pm', local(20, 0, -1)],
    ['anoche a las 11', local(23, 0, -1)],
    ['last night around 2', local(2)],
    ['at noon', local(12, 0, -1)],
    ['a medianoche', local(0)],
    ['0:30', local(0, 30)],
    ['llegaron a las 7:15', local(7, 15)],
    ['8', local(8)],
    ['7', local(7)],
    ['today at 6', local(6)],
    ['hoy a las 6:45', local(6, 45)],
    ['8:00 hrs', local(8)],
  ])('%j', (text, at) => {
    expect(parseTime(text, ctx)?.at).toBe(at);
  });

  it('picks the evening reading when the morning one is long past', () => {
    const evening = { now: DateTime.fromObject({ year: 2026, month: 11, day: 21, hour: 21 }, { zone }).toMillis(), timezone: zone };
    expect(parseTime('at 8', evening)?.at).toBe(local(20));
    expect(parseTime('a las 8 de la mañana', evening)?.at).toBe(local(8));
    expect(parseTime('7:30', evening)?.at).toBe(local(19, 30));
  });

  it('uses dates named with a weekday or month (via chrono)', () => {
    expect(parseTime('monday at 3pm', ctx)?.at).toBe(local(15, 0, -5));
    expect(parseTime('el lunes a las 3 de la tarde', ctx)?.at).toBe(local(15, 0, -5));
    expect(parseTime('Nov 20 at 3pm', ctx)?.at).toBe(local(15, 0, -1));
  });

  it('honours the network time zone, including daylight saving changes', () => {
    const ny = { now, timezone: 'America/New_York' }; // 12:00 EST
    expect(parseTime('a las 8', ny)?.at).toBe(
      DateTime.fromObject({ year: 2026, month: 11, day: 21, hour: 8 }, { zone: 'America/New_York' }).toMillis(),
    );
    // 8 March 2026: clocks go forward at 02:00 in Los Angeles. Now is 09:00 PDT.
    const dst = { now: Date.UTC(2026, 2, 8, 16, 0), timezone: zone };
    expect(parseTime('a la 1:30', dst)?.at).toBe(Date.UTC(2026, 2, 8, 9, 30)); // 01:30 PST
    expect(parseTime('7:30', dst)?.at).toBe(Date.UTC(2026, 2, 8, 14, 30)); // 07:30 PDT
    expect(parseTime('hace 2 horas', dst)?.at).toBe(Date.UTC(2026, 2, 8, 14, 0));
  });
});

describe('parseTime: stale words and buckets', () => {
  it.each<[string, number]>([
    ['anoche', local(21, 0, -1)],
    ['last night around 9', local(21, 0, -1)],
    ['anoche como a las 11', local(23, 0, -1)],
    ['ayer', local(12, 0, -1)],
    ['yesterday afternoon at 4', local(16, 0, -1)],
    ['la semana pasada', local(12, 0, -7)],
    ['last week', local(12, 0, -7)],
  ])('%j sets an old time', (text, at) => {
    expect(parseTime(text, ctx)).toMatchObject({ at, bucket: 'old' });
  });

  it('reads "this morning" as 08:00, or two hours ago before then', () => {
    expect(parseTime('esta mañana', ctx)).toMatchObject({ at: local(8), bucket: 'earlier' });
    const early = { now: local(7), timezone: zone };
    expect(parseTime('this morning', early)).toMatchObject({ at: local(5), bucket: 'old' });
  });

  it('sorts times into now, recent, earlier and old', () => {
    expect(parseTime('ahorita', ctx)?.bucket).toBe('now');
    expect(parseTime('hace 5 min', ctx)?.bucket).toBe('recent');
    expect(parseTime('half an hour ago', ctx)?.bucket).toBe('recent');
    expect(parseTime('hace como 45 minutos', ctx)?.bucket).toBe('earlier');
    expect(parseTime('hace 2 horas', ctx)?.bucket).toBe('old');
    expect(parseTime('hace 2 horas', { ...ctx, staleAfterMinutes: 180 })?.bucket).toBe('earlier');
    expect(parseTime('earlier today', ctx)).toEqual({ text: 'earlier today', bucket: 'earlier' });
    expect(parseTime('más temprano', ctx)?.at).toBeUndefined();
  });

  it('lets a correction replace what it corrects', () => {
    expect(parseTime('ahora, bueno hace 5 min', ctx)).toMatchObject({ at: now - 5 * MIN, bucket: 'recent' });
    expect(parseTime('now, well actually like 10 min ago', ctx)?.at).toBe(now - 10 * MIN);
    expect(parseTime('a las 8, no perdón, a las 7', ctx)?.at).toBe(local(7));
  });
});

describe('parseTime: a bad time zone', () => {
  it('still reads relative times but no clock times', () => {
    const bad = { now, timezone: 'Mars/Olympus_Mons' };
    expect(parseTime('hace 10 minutos', bad)?.at).toBe(now - 10 * MIN);
    expect(parseTime('ahora', bad)?.at).toBe(now);
    expect(parseTime('a las 8', bad)).toBeUndefined();
  });
});

describe('parseTime: nothing to work out', () => {
  it.each([
    '',
    '   ',
    'mañana',
    'hoy',
    'no se',
    'hola',
    '5th and Main',
    'at 5th and Main',
    '4 agentes',
    'a las',
    'las 3 camionetas',
    'in 10 minutes',
    '90033',
    '7ABC123',
    'at 25:00',
  ])('%j → undefined', (text) => {
    expect(parseTime(text, ctx)).toBeUndefined();
  });
});

describe('findTimes', () => {
  it('gives positions of each time phrase', () => {
    const text = 'ICE at 5th and Main right now';
    const [m] = findTimes(text, ctx);
    expect(text.slice(m!.start, m!.end)).toBe('right now');
    const es = 'los vi ayer a las 8 de la mañana';
    const [e] = findTimes(es, ctx);
    expect(es.slice(e!.start, e!.end)).toBe('ayer a las 8 de la mañana');
    expect(e!.at).toBe(local(8, 0, -1));
  });

  it('is fast on long input', () => {
    const long = 'hace 10 minutos vi 4 agentes en la esquina a las 8, '.repeat(100);
    const t = performance.now();
    expect(parseTime(long, ctx)?.at).toBe(now - 10 * MIN);
    expect(performance.now() - t).toBeLessThan(750);
  });
});
