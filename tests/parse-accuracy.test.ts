/**
 * Per-field accuracy of the text parsers on the labelled messages in tests/parse-corpus/ (see
 * its README). Prints the table; fails when a gated field is below 0.95.
 */
import { describe, expect, it } from 'vitest';
import {
  accuracyTable,
  GATED_FIELDS,
  LANGUAGE_GATED_FIELDS,
  loadCorpus,
  loadLanguageCorpora,
  measure,
  tableText,
} from './parse-corpus/accuracy.js';

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

/**
 * Each other language's own labelled set (`tests/parse-corpus/<lang>.jsonl`, at least 40
 * messages written as people write: no diacritics, mixed with English, numerals and number
 * words). Prints one table per language; fails below 0.9 on the gated fields.
 */
describe.each(loadLanguageCorpora())('parser accuracy on the %s set', (lang, corpus) => {
  const report = measure(corpus);

  it('has at least 40 messages, all labelled with this language', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(corpus.filter((m) => m.lang !== lang).map((m) => m.t)).toEqual([]);
  });

  // Messages half in English ("they took a guy na Route 9, faz pouco") may fairly read as English: at most 1 in 10 as another language
  it(`${lang}: the language of a first message is detected at least 0.85 of the time, and rarely as another`, () => {
    const score = report.fields.find((f) => f.field === 'language')!;
    const wrong = report.misses.filter((m) => m.field === 'language' && m.got !== null);
    expect(score.accuracy).toBeGreaterThanOrEqual(0.85);
    expect(wrong.length / score.total).toBeLessThanOrEqual(0.1);
  });

  it.each(LANGUAGE_GATED_FIELDS)(`${lang}: %s is at least 0.9`, (field) => {
    if (field === LANGUAGE_GATED_FIELDS[0]) console.log(`${lang} (${corpus.length} messages)\n${tableText(report)}`);
    const score = report.fields.find((f) => f.field === field);
    expect(score?.total ?? 0).toBeGreaterThanOrEqual(10);
    const misses = report.misses
      .filter((m) => m.field === field)
      .map((m) => `${JSON.stringify(m.text)}: expected ${String(m.expected)}, got ${String(m.got)}`);
    const ok = (score?.accuracy ?? 0) >= 0.9;
    expect({ field, accuracy: ok ? 'ok' : score?.accuracy, misses: ok ? [] : misses }).toEqual({ field, accuracy: 'ok', misses: [] });
  });
});
