import { describe, expect, it } from 'vitest';
import { nextClockOffset, onOurClock } from './sender-clock.js';

const T = 1_800_000_000_000;

describe('the sender clock offset', () => {
  it('takes the smallest arrival minus timestamp seen: skew plus the quickest delivery', () => {
    let offset = nextClockOffset(undefined, T - 10_000, T + 900); // 10 s slow, 900 ms delivery
    offset = nextClockOffset(offset, T + 5_000 - 10_000, T + 5_200);
    expect(offset).toBe(10_200);
    expect(nextClockOffset(offset, T + 9_000 - 10_000, T + 12_000)).toBe(10_200); // a slow delivery changes nothing
  });

  it('a phone ahead of us gives a negative offset', () => {
    expect(nextClockOffset(undefined, T + 10_000, T + 300)).toBe(-9_700);
  });

  it('starts again when the phone clock goes back (a message looks sent before the previous one)', () => {
    const offset = nextClockOffset(undefined, T, T + 100);
    expect(nextClockOffset(offset, T - 60_000, T + 5_000, T + 100)).toBe(65_000);
  });

  it('puts a timestamp on our clock, never after the arrival', () => {
    expect(onOurClock(T - 10_000, 10_200, T + 1_000)).toBe(T + 200);
    expect(onOurClock(T, 5_000, T + 1_000)).toBe(T + 1_000);
  });
});
