/**
 * Number words in English and Spanish, as typed on a phone (no accents, folded to lower case).
 */

const WORDS: Record<string, number> = {
  // English
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  dozen: 12,
  // Spanish (accents already stripped; common misspellings included)
  cero: 0,
  uno: 1,
  una: 1,
  un: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  dies: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciseis: 16,
  diesiseis: 16,
  diecisiete: 17,
  diesisiete: 17,
  dieciocho: 18,
  diesiocho: 18,
  diecinueve: 19,
  diesinueve: 19,
  veinte: 20,
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  docena: 12,
};

/** Words for "one" that are also articles ("a car", "un carro"): only a count right before a noun. */
export const ARTICLE_ONE = new Set(['a', 'an', 'un', 'una', 'uno']);

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
export const VAGUE_QUANTITY = new Set([
  'several',
  'many',
  'lots',
  'lot',
  'bunch',
  'multiple',
  'some',
  'few',
  'varios',
  'varias',
  'muchos',
  'muchas',
  'bastantes',
  'algunos',
  'algunas',
  'monton',
  'chingo',
  'cuantos',
  'cuantas',
  'pocos',
  'pocas',
]);
