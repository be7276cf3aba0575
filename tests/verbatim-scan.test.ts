/** The scan every transcript suite runs on alerts (tests/support/harness.ts) catches tipster words. */
import { describe, expect, it } from 'vitest';
import { verbatimRun } from './support/verbatim.js';

describe('verbatim scan of alerts', () => {
  it("finds four of the tipster's words in a row, whatever the case, accents or punctuation", () => {
    const typed = ['Están arrestando a un señor en 1st y Soto, llamen al 213 555 0143'];
    expect(verbatimRun('Qué: Detención en curso («estan ARRESTANDO a un señor»)', typed)).toBe('estan arrestando a un');
    expect(verbatimRun('Qué: Detención en curso\nDónde: 1st / Soto · 90033 (Lado Este)', typed)).toBeUndefined();
    expect(verbatimRun('llamen al 213 555', typed)).toBe('llamen al 213 555');
  });
});
