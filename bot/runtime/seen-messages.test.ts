import { describe, expect, it } from 'vitest';
import { hasSeen, SEEN_MESSAGES, seenKeys, withSeen } from './seen-messages.js';

describe('the ids of a tipster’s last messages', () => {
  it('knows a whole id, never a part of one', () => {
    const seen = withSeen(withSeen('', 'abcDEF'), 'ghi-_J');
    expect(hasSeen(seen, 'abcDEF')).toBe(true);
    expect(hasSeen(seen, 'ghi-_J')).toBe(true);
    expect(hasSeen(seen, 'abc')).toBe(false);
    expect(hasSeen(seen, 'DEF')).toBe(false);
    expect(hasSeen(seen, 'F ghi')).toBe(false);
    expect(hasSeen(seen, '')).toBe(false);
    expect(hasSeen('', 'abcDEF')).toBe(false);
  });

  it(`keeps the last ${SEEN_MESSAGES}, oldest first`, () => {
    let seen = '';
    for (let i = 0; i < SEEN_MESSAGES + 3; i++) seen = withSeen(seen, `id${i}`);
    const keys = seenKeys(seen);
    expect(keys).toHaveLength(SEEN_MESSAGES);
    expect(keys[0]).toBe('id3');
    expect(keys.at(-1)).toBe(`id${SEEN_MESSAGES + 2}`);
    expect(hasSeen(seen, 'id2')).toBe(false);
    expect(seenKeys('')).toEqual([]);
  });
});
