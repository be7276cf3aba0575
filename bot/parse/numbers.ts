/**
 * Number words from every vocabulary, as typed on a phone (no accents, folded to lower case).
 */
import { vocabularies, wordSet } from './vocab/index.js';

/** Every vocabulary's number words and their values. */
const WORDS: Record<string, number> = Object.assign({}, ...vocabularies().map((v) => v.numbers.words)) as Record<string, number>;

/** Words for "one" that are also articles ("a car", "un carro"): only a count right before a noun. */
export const ARTICLE_ONE = wordSet((v) => v.numbers.articleOne);

/** Regex alternation of every number word, longest first (for building time regexes). */
export const NUMBER_WORD_PATTERN = Object.keys(WORDS)
  .filter((w) => w !== 'dozen' && w !== 'docena' && w !== 'zero' && w !== 'cero')
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Value of a folded number word ("cuatro" → 4, "twelve" → 12), else undefined. */
export function wordNumber(word: string): number | undefined {
  return WORD_VALUES.get(word);
}

const WORD_VALUES = new Map(Object.entries(WORDS));

const SHORT_NUMBER = /^\d{1,4}$/;

/**
 * Value of a folded token that is a plain number: 1-4 digits or a number word. Ordinals
 * ("1st", "5th") and mixed tokens are not numbers.
 */
export function tokenNumber(token: string): number | undefined {
  const c = token.charCodeAt(0);
  if (c >= 48 && c <= 57) return SHORT_NUMBER.test(token) ? Number(token) : undefined;
  return wordNumber(token);
}

/** Words for an unspecified quantity ("several", "varios"): a size without a count. */
export const VAGUE_QUANTITY = wordSet((v) => v.numbers.vague);
