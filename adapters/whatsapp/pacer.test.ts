import { describe, expect, it } from 'vitest';
import { DEFAULT_PACING } from './config.js';
import { Pacer } from './pacer.js';

/** A clock that only moves when the pacer sleeps. */
function fakeTime(start = 1_000_000) {
  const t = { now: start };
  return { t, now: () => t.now, sleep: async (ms: number) => void (t.now += ms) };
}

/** Most sends inside any window of `windowMs` starting at a send. */
function maxInWindow(times: number[], windowMs = 60_000): number {
  return Math.max(0, ...times.map((start) => times.filter((x) => x >= start && x < start + windowMs).length));
}

describe('Pacer', () => {
  it('50 alerts queued for one group go out no faster than the configured rate', async () => {
    const clock = fakeTime();
    const pacer = new Pacer({ ...DEFAULT_PACING, now: clock.now, sleep: clock.sleep });
    const sentAt: number[] = [];
    const start = clock.t.now;
    const all = Array.from({ length: 50 }, (_, i) =>
      pacer.run('group-1', async () => {
        sentAt.push(clock.t.now);
        return i;
      }),
    );
    expect(await Promise.all(all)).toEqual(Array.from({ length: 50 }, (_, i) => i)); // in order
    expect(sentAt).toHaveLength(50);
    // Never more than 20 in any minute to the chat, never closer than 1 s.
    expect(maxInWindow(sentAt)).toBe(DEFAULT_PACING.perChatPerMinute);
    for (let i = 1; i < sentAt.length; i++) expect(sentAt[i]! - sentAt[i - 1]!).toBeGreaterThanOrEqual(DEFAULT_PACING.minGapMs);
    // 20 in the first minute, 20 in the second, 10 in the third: the last one starts at 2:09.
    expect(sentAt.at(-1)! - start).toBe(129_000);
  });

  it('keeps the overall limit across chats, and a full chat does not hold up the others', async () => {
    const clock = fakeTime();
    const pacer = new Pacer({ perChatPerMinute: 2, overallPerMinute: 5, minGapMs: 0, now: clock.now, sleep: clock.sleep });
    const log: [string, number][] = [];
    const send = (chat: string) => pacer.run(chat, async () => void log.push([chat, clock.t.now - 1_000_000]));
    await Promise.all([send('a'), send('a'), send('a'), send('b'), send('b'), send('c'), send('c'), send('c')]);
    // a, a, then a is full: b and b and c go on at once; the overall limit (5) then holds the rest a minute.
    expect(log).toEqual([
      ['a', 0],
      ['a', 0],
      ['b', 0],
      ['b', 0],
      ['c', 0],
      ['a', 60_000],
      ['c', 60_000],
      ['c', 60_000],
    ]);
    expect(maxInWindow(log.map(([, t]) => t))).toBe(5);
  });

  it('pause() holds every send until the given time', async () => {
    const clock = fakeTime(0);
    const pacer = new Pacer({ perChatPerMinute: 100, overallPerMinute: 100, minGapMs: 0, now: clock.now, sleep: clock.sleep });
    await pacer.run('a', async () => undefined);
    pacer.pause(300_000);
    let at = -1;
    await pacer.run('b', async () => void (at = clock.t.now));
    expect(at).toBe(300_000);
    expect(pacer.pausedUntil).toBe(300_000);
  });

  it('passes a failed send’s error to its caller and goes on', async () => {
    const clock = fakeTime();
    const pacer = new Pacer({ perChatPerMinute: 10, overallPerMinute: 10, minGapMs: 10, now: clock.now, sleep: clock.sleep });
    const failed = pacer.run('a', async () => {
      throw new Error('boom');
    });
    const ok = pacer.run('a', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(ok).resolves.toBe('ok');
  });

  it('close() rejects what waits, and later jobs, until reopened', async () => {
    const pacer = new Pacer({ perChatPerMinute: 1, overallPerMinute: 10, minGapMs: 0 });
    await pacer.run('a', async () => undefined);
    const waiting = pacer.run('a', async () => 'never'); // a minute away, on a real timer
    expect(pacer.waiting).toBe(1);
    const reason = new Error('stopped');
    pacer.close(reason);
    await expect(waiting).rejects.toBe(reason);
    await expect(pacer.run('b', async () => 'x')).rejects.toBe(reason);
    pacer.reopen();
    await expect(pacer.run('b', async () => 'x')).resolves.toBe('x');
  });

  it('with a real clock, spaces sends by minGapMs', async () => {
    const pacer = new Pacer({ perChatPerMinute: 100, overallPerMinute: 100, minGapMs: 40 });
    const times: number[] = [];
    await Promise.all([0, 1, 2].map((i) => pacer.run(`c${i}`, async () => void times.push(Date.now()))));
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(35);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(35);
  });
});
