/**
 * Which language a tipster writes in, from their first message. Decisive scripts first (Hangul
 * is Korean, Han is Chinese, Arabic letters are Arabic, Vietnamese letters are Vietnamese), then
 * votes from each vocabulary's `language` words and the accents a language uses, and, when the
 * votes are close on a message long enough to judge, franc (a trigram language detector) among the
 * close languages.
 */
import { normalize } from './normalize.js';
import type { Lang } from './types.js';
import { vocabularies } from './vocab/index.js';
import { lazyModule } from './lazy-module.js';

/** franc and its trigram tables (about 12 MB) load the first time a message needs them. */
const franc = lazyModule<typeof import('franc')>('franc');

/**
 * Vote tables per language, from each vocabulary's `language` words: weight 2 for words that
 * (nearly) only occur in that language, weight 1 for common words that are still telling.
 */
const TABLES: Array<[Lang, Map<string, number>]> = vocabularies().map((v) => {
  const table = new Map<string, number>();
  for (const w of v.language.strong.split(/\s+/)) if (w) table.set(w, 2);
  for (const w of v.language.weak.split(/\s+/)) if (w) table.set(w, 1);
  return [v.lang, table];
});
// A word several languages list ("carros", "agentes", "police") tells little: it counts once, not twice
{
  const seen = new Map<string, number>();
  for (const [, table] of TABLES) for (const w of table.keys()) seen.set(w, (seen.get(w) ?? 0) + 1);
  for (const [, table] of TABLES) for (const [w, n] of table) if ((seen.get(w) ?? 0) > 1) table.set(w, Math.min(n, 1));
}

/** franc's ISO 639-3 codes for ours. */
const ISO3: Record<Lang, string> = {
  es: 'spa',
  en: 'eng',
  pt: 'por',
  ht: 'hat',
  fr: 'fra',
  zh: 'cmn',
  vi: 'vie',
  ko: 'kor',
  tl: 'tgl',
  ar: 'arb',
};
const FROM_ISO3 = new Map(Object.entries(ISO3).map(([lang, iso]) => [iso, lang as Lang]));

/** Accented letters (lower case, as typed) and the languages they vote for. */
const MARKS: Array<[RegExp, Array<[Lang, number]>]> = [
  [/[ñ¿¡]/, [['es', 2]]],
  [
    /[áíóú]/,
    [
      ['es', 2],
      ['pt', 1],
    ],
  ],
  [
    /é/,
    [
      ['es', 1],
      ['pt', 1],
      ['fr', 1],
    ],
  ],
  [/[ãõ]/, [['pt', 3]]],
  [
    /[çâêô]/,
    [
      ['pt', 1],
      ['fr', 1],
    ],
  ],
  [
    /[èàù]/,
    [
      ['fr', 1],
      ['ht', 1],
    ],
  ],
  [/[ëïîûœ]/, [['fr', 2]]],
  [/ò/, [['ht', 3]]],
];

const HANGUL = /[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const ARABIC = /[\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u06f0-\u06f9]/g;
/** Letters only Vietnamese uses: ă ơ ư đ and the stacked tone marks (U+1EA0–U+1EF9). */
const VIETNAMESE = /[ăơưđĂƠƯĐ\u1ea0-\u1ef9]/;
const WORD = /[\p{L}]+(?:'[\p{L}]+)?/gu;
const LETTERS = /\p{L}/gu;
/** Links and addresses say nothing about the language. */
const LINK = /\S*(?:https?:\/\/|www\.|@|\.com\b|\.gl\b)\S*/gi;

/** Below this many letters franc is not asked: trigram statistics need some text. */
const FRANC_MIN_LETTERS = 12;
/** With no vote at all, franc needs more text ("probando probando" is not Portuguese). */
const FRANC_MIN_LETTERS_UNVOTED = 24;
/** A vote lead of this much settles it without franc. */
const CLEAR_LEAD = 2;

/**
 * The language `text` is clearly written in, among `among` (default: every language with a
 * vocabulary), else undefined. A greeting alone counts ("hola", "hi", "bonjour", "안녕하세요");
 * words shared by languages or by tips in any ("ICE", "SUV", "ok", street names, numbers) do not.
 *
 * @example detectLanguage('gen 6 ajan ICE devan legliz la') // → 'ht'
 */
export function detectLanguage(text: string, among?: readonly Lang[]): Lang | undefined {
  if (!text) return undefined;
  const sample = (text.length > 2000 ? text.slice(0, 2000) : text).replace(LINK, ' ');
  const allowed = (lang: Lang) => among === undefined || among.includes(lang);
  const script = scriptLanguage(sample);
  if (script) return allowed(script) ? script : undefined;

  const votes = new Map<Lang, number>();
  for (const [lang] of TABLES) if (allowed(lang)) votes.set(lang, 0);
  const add = (lang: Lang, n: number) => {
    const v = votes.get(lang);
    if (v !== undefined) votes.set(lang, v + n);
  };
  const lower = sample.toLowerCase();
  if (VIETNAMESE.test(lower)) add('vi', 6);
  for (const [re, langs] of MARKS) if (re.test(lower)) for (const [lang, n] of langs) add(lang, n);
  const words = normalize(sample).match(WORD) ?? [];
  for (const w of words) for (const [lang, table] of TABLES) add(lang, table.get(w) ?? 0);

  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top) return undefined;
  const unique = top[1] > 0 && (second === undefined || second[1] < top[1]);
  const lead = top[1] - (second?.[1] ?? 0);
  if (unique && lead >= CLEAR_LEAD) return top[0];
  const letters = (sample.match(LETTERS) ?? []).length;
  if (letters >= (top[1] > 0 ? FRANC_MIN_LETTERS : FRANC_MIN_LETTERS_UNVOTED)) {
    // Close votes on a message long enough: franc decides among the close languages (or all, when nothing voted)
    const close = top[1] > 0 ? ranked.filter(([, n]) => n > 0 && n >= top[1] - CLEAR_LEAD + 1).map(([l]) => l) : ranked.map(([l]) => l);
    const guess = franc().francAll(sample, { only: close.map((l) => ISO3[l]), minLength: FRANC_MIN_LETTERS })[0];
    const lang = guess && guess[0] !== 'und' ? FROM_ISO3.get(guess[0]) : undefined;
    if (lang) return lang;
  }
  return unique ? top[0] : undefined;
}

/** Korean for any Hangul; Chinese or Arabic when their letters are at least a third of the letters. */
function scriptLanguage(text: string): Lang | undefined {
  if (HANGUL.test(text)) return 'ko';
  const han = text.match(HAN)?.length ?? 0;
  const arabic = text.match(ARABIC)?.length ?? 0;
  if (han === 0 && arabic === 0) return undefined;
  const letters = (text.match(LETTERS) ?? []).length;
  if (han > 0 && han * 3 >= letters) return 'zh';
  if (arabic > 0 && arabic * 3 >= letters) return 'ar';
  return undefined;
}
