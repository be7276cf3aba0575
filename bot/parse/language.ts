import { normalize } from './normalize.js';
import type { Lang } from './types.js';
import { VOCABULARIES } from './vocab/index.js';

/**
 * Vote tables per language, from each vocabulary's `language` words: weight 2 for words that
 * (nearly) only occur in that language, weight 1 for common words that are still telling.
 */
const TABLES: Array<[Lang, Map<string, number>]> = Object.values(VOCABULARIES).map((v) => {
  const table = new Map<string, number>();
  for (const w of v.language.strong.split(/\s+/)) if (w) table.set(w, 2);
  for (const w of v.language.weak.split(/\s+/)) if (w) table.set(w, 1);
  return [v.lang, table];
});

const SPANISH_MARKS = /[ñáéíóú¿¡]/i;
const WORD = /[a-z]+(?:'[a-z]+)?/g;

/**
 * 'es' or 'en' when the text is clearly in that language, else undefined. A greeting alone
 * counts ("hola", "hi"); words shared by both languages or by tips in either ("ICE", "SUV",
 * "ok", street names, numbers) do not. Accents and ¿¡ count for Spanish.
 */
export function detectLanguage(text: string): Lang | undefined {
  if (!text) return undefined;
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  const votes = new Map<Lang, number>(TABLES.map(([lang]) => [lang, 0]));
  if (SPANISH_MARKS.test(sample)) votes.set('es', 2);
  const words = normalize(sample).match(WORD) ?? [];
  for (const w of words) for (const [lang, table] of TABLES) votes.set(lang, votes.get(lang)! + (table.get(w) ?? 0));
  let best: Lang | undefined;
  let bestVotes = 0;
  let tie = false;
  for (const [lang, n] of votes) {
    if (n > bestVotes) {
      best = lang;
      bestVotes = n;
      tie = false;
    } else if (n === bestVotes) tie = true;
  }
  return tie ? undefined : best;
}
