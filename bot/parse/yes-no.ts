import { normalize } from './normalize.js';

const YES = new Set([
  'yes',
  'yeah',
  'yea',
  'yep',
  'yup',
  'sure',
  'correct',
  'affirmative',
  'si',
  'sip',
  'simon',
  'claro',
  'ok',
  'okay',
  'okey',
  'oki',
  'correcto',
  'afirmativo',
  'exacto',
  'cierto',
  'dale',
]);

const NO = new Set(['no', 'nope', 'nah', 'nop', 'nel', 'negativo', 'nunca', 'never']);

/** Single letters only count as the whole answer ("s", "y", "n"). */
const LETTER: Record<string, boolean> = { y: true, s: true, n: false };

/** "no sé", "no lo sé", "no estoy seguro", "not sure"... mean "I don't know", not "no". */
const DONT_KNOW_AFTER_NO =
  /^no (?:lo |la )?(?:se|sabe|sabemos|recuerdo|me acuerdo)\b|^no (?:estoy|estamos) (?:segur[oa]s?|ciert[oa]s?)\b|^no (?:tengo )?(?:idea|clue)\b/;

/**
 * Yes/no in either language. Yes: yes, y, yeah, yep, sure, si/sí, s, claro, ok, correcto,
 * afirmativo, 👍. No: no, n, nope, nah, negativo, 👎. "1"/"2" only when `opts.numbered`.
 * An answer that starts with the word counts ("si, lo vi" → true, "no, ya se fueron" → false),
 * but "no sé"/"no lo sé"/"no estoy seguro" mean "I don't know" → undefined.
 */
export function parseYesNo(text: string, opts?: { numbered?: boolean }): boolean | undefined {
  if (!text) return undefined;
  const head = text.trim().slice(0, 200);
  if (/^(?:👍|✅|✔|🆗)/u.test(head)) return true;
  if (/^(?:👎|❌|✖|🚫)/u.test(head)) return false;
  const n = normalize(head);
  if (opts?.numbered) {
    const num = /^([12])(?![0-9])\s*[.)\-:]?(?:\s|$)/.exec(n + ' ');
    if (num) return num[1] === '1';
  }
  if (/^no+\s*[,.!;:]/.test(n)) return false; // "no, se fueron": the comma settles it
  const letters = n.replace(/[^a-z' ]+/g, ' ').replace(/ +/g, ' ').trim();
  if (!letters) return undefined;
  if (DONT_KNOW_AFTER_NO.test(letters)) return undefined;
  const all = letters.split(' ');
  const first = all[0]!;
  const only = all.length === 1;
  if (only && Object.hasOwn(LETTER, first)) return LETTER[first];
  const word = squeeze(first);
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return undefined;
}

/** Undoes stretched typing: "siii" → "si", "nooo" → "no", "yesss" → "yes", "okkk" → "ok". */
function squeeze(word: string): string {
  if (YES.has(word) || NO.has(word)) return word;
  return word.replace(/(.)\1+/g, '$1');
}
