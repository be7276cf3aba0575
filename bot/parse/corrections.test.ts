import { describe, expect, it } from 'vitest';
import { splitAtCorrection } from './corrections.js';

describe('splitAtCorrection', () => {
  it.each<[string, string, string]>([
    ['3 no espera, 4', '3', '4'],
    ['ahora, bueno hace 5 min', 'ahora', 'hace 5 min'],
    ['en la 3rd, no perdón, en la 4th y Main', 'en la 3rd', 'en la 4th y Main'],
    ['5 agents no wait 6', '5 agents', '6'],
    ['now, well actually like 10 min ago', 'now', 'like 10 min ago'],
    ['a las 8, digo, a las 7', 'a las 8', 'a las 7'],
  ])('%j', (text, before, after) => {
    expect(splitAtCorrection(text)).toEqual({ before, after });
  });

  it('needs words after the correction, and a correction word', () => {
    expect(splitAtCorrection('no se el nombre de la calle perdón')).toBeUndefined();
    expect(splitAtCorrection('no, ya se fueron')).toBeUndefined();
    expect(splitAtCorrection('they are waiting outside')).toBeUndefined();
  });
});
