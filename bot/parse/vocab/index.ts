/**
 * The language-specific words the parsers read, one module per language. Adding a language is
 * adding one file here and listing it in VOCABULARIES: the parsers take the union of every
 * vocabulary, because tipsters mix languages ("hay ICE agents en la 4th").
 *
 * All words are folded (lower case, no accents: see `fold`; Chinese, Korean and Arabic as
 * `prepareScripts` leaves them). Entries named `...Patterns` are regular-expression sources
 * matched on folded text between WORD_START and WORD_END; keep them free of nested unbounded
 * repetition so matching stays linear on long input.
 */
import type { Lang } from '../types.js';
import { AR } from './ar.js';
import { EN } from './en.js';
import { ES } from './es.js';
import { FR } from './fr.js';
import { HT } from './ht.js';
import { KO } from './ko.js';
import { PT } from './pt.js';
import { TL } from './tl.js';
import { VI } from './vi.js';
import type { Vocabulary } from './vocabulary.js';
import { ZH } from './zh.js';

export type { ActivityWordKind, MarkingWord, StaleWord, Vocabulary } from './vocabulary.js';

/**
 * Every language's vocabulary, by code. One line per language: add a language's module here
 * (and its code to `Lang`). Spanish and English come first: where two vocabularies give the same
 * word different meanings, the first one listed wins in the merged tables.
 */
export const VOCABULARIES: Record<Lang, Vocabulary> = {
  es: ES,
  en: EN,
  pt: PT,
  fr: FR,
  zh: ZH,
  ko: KO,
  ar: AR,
  ht: HT,
  tl: TL,
  vi: VI,
};

const ALL: Vocabulary[] = Object.values(VOCABULARIES);

/** Every vocabulary, for parsers that read tipsters' mixed-language words. */
export function vocabularies(): readonly Vocabulary[] {
  return ALL;
}

/** The words of a space-separated list from every vocabulary, as one set. */
export function wordSet(pick: (v: Vocabulary) => string | string[]): Set<string> {
  const out = new Set<string>();
  for (const v of ALL) {
    const list = pick(v);
    for (const w of Array.isArray(list) ? list : list.split(/\s+/)) if (w) out.add(w);
  }
  return out;
}

/** The words of one space-separated list, as a set. */
export function wordsOf(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/** The union of word sets, as a new set. */
export function unionOf(...sets: Iterable<string>[]): Set<string> {
  const out = new Set<string>();
  for (const s of sets) for (const w of s) out.add(w);
  return out;
}

/**
 * Word boundaries for vocabulary patterns on folded text. Like `\\b` beside Latin letters and
 * digits, but a neighbour in another script always counts as a boundary: Chinese is written
 * without spaces, Korean and Arabic attach particles and prefixes to words ("경찰이", "والشرطه"),
 * and JavaScript's `\\b` knows only ASCII letters.
 */
export const WORD_START = '(?<![a-z0-9_])';
export const WORD_END = '(?![a-z0-9_])';

/** A regex source between vocabulary word boundaries (see WORD_START). */
export function bounded(source: string): string {
  return `${WORD_START}(?:${source})${WORD_END}`;
}

/** The regex sources from every vocabulary as one alternation (no flags, word-bounded). */
export function alternation(pick: (v: Vocabulary) => string[]): string {
  const parts: string[] = [];
  for (const v of ALL) parts.push(...pick(v));
  return parts.map((p) => `(?:${p})`).join('|');
}

/** One regex for the sources from every vocabulary, each between word boundaries. */
export function phraseRegex(pick: (v: Vocabulary) => string[], flags = ''): RegExp {
  return new RegExp(bounded(alternation(pick)), flags);
}
