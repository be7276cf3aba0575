/**
 * Corrections inside one message: "3 no espera, 4", "ahora, bueno hace 5 min", "en la 3rd, no
 * perdón, en la 4th y Main", "5 agents no wait 6". What follows a correction word replaces what
 * came before it for the same field.
 */
import { fold, isWordToken, normalize, trimPunct, type Token } from './normalize.js';
import { alternation, WORD_END } from './vocab/index.js';

/** Correction words from every vocabulary, between word boundaries. */
const CORRECTION = new RegExp(`(?<![a-z0-9'])(?:${alternation((v) => v.correctionPatterns)})(?![a-z0-9'])`, 'g');
/** Punctuation that may sit inside a correction ("no, perdón"); blanked before matching. */
const SOFT_PUNCT = /[,.;:!?¡¿\-–—…]/g;

export interface CorrectionSplit {
  /** The words before the last correction. */
  before: string;
  /** The words after it: what the tipster meant. */
  after: string;
}

/**
 * Splits a one-field answer at its last correction word that has words after it: "3 no espera,
 * 4" → { before: "3", after: "4" }. Undefined when the text holds no correction. The caller
 * reads `after` first and falls back to the whole text when `after` does not answer the question.
 */
export function splitAtCorrection(text: string): CorrectionSplit | undefined {
  const folded = fold(text).replace(SOFT_PUNCT, ' ');
  if (!folded.trim()) return undefined;
  let last: RegExpExecArray | undefined;
  CORRECTION.lastIndex = 0;
  for (let m = CORRECTION.exec(folded); m !== null; m = CORRECTION.exec(folded)) {
    if (folded.slice(m.index + m[0].length).trim()) last = m;
    if (m[0].length === 0) CORRECTION.lastIndex++;
  }
  CORRECTION.lastIndex = 0;
  if (!last) return undefined;
  return { before: trimPunct(text.slice(0, last.index)), after: trimPunct(text.slice(last.index + last[0].length)) };
}

/**
 * The indexes of the tokens that start a correction's replacement: in "3 no espera , 4 agentes",
 * the index of "4". Punctuation tokens are skipped when matching ("no, perdón").
 */
export function correctionStarts(toks: Token[]): Set<number> {
  const out = new Set<number>();
  let joined = '';
  const wordAt: number[] = []; // joined offset → token index, for word tokens
  const offsets: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!.t;
    if (!isWordToken(t)) continue;
    if (joined) joined += ' ';
    offsets.push(joined.length);
    wordAt.push(i);
    joined += t;
  }
  if (!joined) return out;
  CORRECTION.lastIndex = 0;
  for (let m = CORRECTION.exec(joined); m !== null; m = CORRECTION.exec(joined)) {
    const end = m.index + m[0].length;
    let k = 0;
    while (k < offsets.length && offsets[k]! < end) k++;
    if (k < wordAt.length) out.add(wordAt[k]!);
    if (m[0].length === 0) CORRECTION.lastIndex++;
  }
  CORRECTION.lastIndex = 0;
  return out;
}

/** A message that opens by correcting the previous answer, from every vocabulary. */
const OPENER = new RegExp(`^(?:${alternation((v) => v.correctionOpeners.patterns)})${WORD_END}[\\s,.:;!-]*`);
/** Openers that open many things ("sorry", "wait"): a correction only before a short answer. */
const SHORT_OPENER = new RegExp(`^(?:${alternation((v) => v.correctionOpeners.shortOpeners)})${WORD_END}`);
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * When a whole message corrects the previous answer ("no espera, 4", "sorry, 5 agents", "I mean
 * Soto and 4th"), the corrected words without the opening, in the tipster's spelling; else
 * undefined. A bare "sorry"/"wait" counts only before a short answer (four words at most).
 */
export function correctionAnswer(text: string): string | undefined {
  const t = normalize(text);
  const m = OPENER.exec(t);
  if (!m) return undefined;
  // normalize() keeps the words, so dropping as many words as the opening had keeps the tipster's spelling.
  const openingWords = m[0].trim().split(/\s+/).length;
  const rest = text
    .trim()
    .split(/\s+/)
    .slice(openingWords)
    .join(' ')
    .replace(/^[\s,.:;!-]+/, '');
  if (!rest || !WORD_CHAR.test(rest)) return undefined;
  if (SHORT_OPENER.test(t) && rest.split(/\s+/).length > 4) return undefined;
  return rest;
}
