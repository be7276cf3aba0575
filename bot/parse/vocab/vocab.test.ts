import { describe, expect, it } from 'vitest';
import { fold } from '../normalize.js';
import { VOCABULARIES, type Vocabulary } from './index.js';

/** Every string a vocabulary holds, with where it is. */
function strings(value: unknown, path: string, out: Array<[string, string]>): void {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
}

describe.each(Object.values(VOCABULARIES))('the $lang vocabulary', (v: Vocabulary) => {
  it('is written folded (lower case, no accents), as the parsers read', () => {
    const all: Array<[string, string]> = [];
    strings(v, v.lang, all);
    for (const [path, s] of all) if (!path.endsWith('.lang')) expect(fold(s), path).toBe(s);
  });

  it('has patterns that compile and do not match the empty string', () => {
    const patterns = [
      ...v.yesNo.dontKnowPatterns,
      ...v.detention.takingPatterns,
      ...v.detention.notTakingPatterns,
      ...v.time.nowPatterns,
      ...v.time.earlierPatterns,
      ...v.time.stale.map((w) => w.pattern),
      ...v.correctionPatterns,
      ...v.places.nonLocationPatterns,
      ...v.places.brands,
      ...v.places.selfPatterns,
      ...Object.values(v.messages).flat(),
    ];
    for (const p of patterns) {
      const re = new RegExp(`^(?:${p})$`);
      expect(re.test(''), p).toBe(false);
    }
  });

  it('lists every SALUTE label field', () => {
    expect(Object.keys(v.saluteLabels).sort()).toEqual(['activity', 'equipment', 'location', 'size', 'time', 'uniform']);
    expect(v.time.weekdays).toHaveLength(7);
  });
});
