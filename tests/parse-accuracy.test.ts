/**
 * Per-field accuracy of the text parsers on the labelled messages in tests/parse-corpus/ (see
 * its README). Prints the table; fails when a gated field is below 0.95.
 */
import { describe, expect, it } from 'vitest';
import { accuracyTable, GATED_FIELDS, loadCorpus, measure } from './parse-corpus/accuracy.js';

describe('parser accuracy on the labelled corpus', () => {
  const corpus = loadCorpus();
  const report = measure(corpus);

  it('has at least 300 messages, about half in each language', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    const es = corpus.filter((m) => m.lang === 'es').length;
    expect(es / corpus.length).toBeGreaterThan(0.4);
    expect(es / corpus.length).toBeLessThan(0.6);
  });

  it.each(GATED_FIELDS)('%s is at least 0.95', (field) => {
    console.table(accuracyTable(report));
    const score = report.fields.find((f) => f.field === field);
    expect(score?.total).toBeGreaterThan(20);
    const misses = report.misses
      .filter((m) => m.field === field)
      .map((m) => `${JSON.stringify(m.text)}: expected ${String(m.expected)}, got ${String(m.got)}`);
    expect({ field, accuracy: score!.accuracy >= 0.95 ? 'ok' : score!.accuracy, misses: score!.accuracy >= 0.95 ? [] : misses }).toEqual({
      field,
      accuracy: 'ok',
      misses: [],
    });
  });
});
