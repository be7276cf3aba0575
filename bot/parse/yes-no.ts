import { normalize } from './normalize.js';
import { alternation, vocabularies, wordSet } from './vocab/index.js';

const YES = wordSet((v) => v.yesNo.yes);
const NO = wordSet((v) => v.yesNo.no);

/** Single letters only count as the whole answer ("s", "y", "n"). */
const LETTER: Record<string, boolean> = Object.assign({}, ...vocabularies().map((v) => v.yesNo.letters)) as Record<string, boolean>;

/** "no sé", "no lo sé", "no estoy seguro", "not sure"... mean "I don't know", not "no". */
const DONT_KNOW_AFTER_NO = new RegExp(`^(?:${alternation((v) => v.yesNo.dontKnowPatterns)})`);

const THUMBS_UP = /^(?:👍|✅|✔|🆗)/u;
const THUMBS_DOWN = /^(?:👎|❌|✖|🚫)/u;
const NUMBERED = /^([12])(?![0-9])\s*[.)\-:]?(?:\s|$)/;
const NO_THEN_PUNCT = /^no+\s*[,.!;:]/;
const NOT_LETTERS = /[^\p{L}' ]+/gu;
const SPACE_RUNS = / +/g;
const REPEATS = /(.)\1+/g;

/**
 * Yes/no in either language. Yes: yes, y, yeah, yep, sure, si/sí, s, claro, ok, correcto,
 * afirmativo, 👍. No: no, n, nope, nah, negativo, 👎. "1"/"2" only when `opts.numbered`.
 * An answer that starts with the word counts ("si, lo vi" → true, "no, ya se fueron" → false),
 * but "no sé"/"no lo sé"/"no estoy seguro" mean "I don't know" → undefined.
 */
export function parseYesNo(text: string, opts?: { numbered?: boolean }): boolean | undefined {
  if (!text) return undefined;
  const head = text.trim().slice(0, 200);
  if (head.charCodeAt(0) >= 0x2700) {
    // every thumbs/check/cross sign is from U+2700 on
    if (THUMBS_UP.test(head)) return true;
    if (THUMBS_DOWN.test(head)) return false;
  }
  const n = normalize(head);
  if (opts?.numbered) {
    const num = NUMBERED.exec(n + ' ');
    if (num) return num[1] === '1';
  }
  if (NO_THEN_PUNCT.test(n)) return false; // "no, se fueron": the comma settles it
  const letters = n.replace(NOT_LETTERS, ' ').replace(SPACE_RUNS, ' ').trim();
  if (!letters) return undefined;
  if (DONT_KNOW_AFTER_NO.test(letters)) return undefined;
  const space = letters.indexOf(' ');
  const first = space < 0 ? letters : letters.slice(0, space);
  const only = space < 0;
  if (only && Object.hasOwn(LETTER, first)) return LETTER[first];
  const word = squeeze(first);
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return undefined;
}

/** Undoes stretched typing: "siii" → "si", "nooo" → "no", "yesss" → "yes", "okkk" → "ok". */
function squeeze(word: string): string {
  if (YES.has(word) || NO.has(word)) return word;
  return word.replace(REPEATS, '$1');
}

const NOTHING_MORE = wordSet((v) => v.nothingMore);
const TRAILING_STOPS = /[.!]+$/;

/** "Nada", "nothing", "that's all": the whole answer says there is nothing more to add. */
export function isNothingMore(text: string): boolean {
  return NOTHING_MORE.has(normalize(text).replace(TRAILING_STOPS, ''));
}
