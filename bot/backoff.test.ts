import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

describe('backoffDelay', () => {
  const policy = { baseMs: 100, maxMs: 30_000 };

  it('retries at once at attempt 0, then doubles from baseMs up to maxMs', () => {
    expect([0, 1, 2, 3, 4].map((a) => backoffDelay(a, policy))).toEqual([0, 100, 200, 400, 800]);
    expect(backoffDelay(20, policy)).toBe(30_000);
    expect(backoffDelay(10_000, policy)).toBe(30_000);
  });

  it('spreads each wait by the jitter, both ways', () => {
    const jittered = { ...policy, jitter: 0.2 };
    expect(backoffDelay(3, jittered, () => 0)).toBe(360);
    expect(backoffDelay(3, jittered, () => 0.5)).toBe(400);
    expect(backoffDelay(3, jittered, () => 1)).toBe(440);
  });
});
