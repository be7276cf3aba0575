import { normalize } from './normalize.js';
import type { Keyword, Lang } from './types.js';
import { vocabularies } from './vocab/index.js';

/** Every vocabulary's keywords in one table: a keyword works whatever language is chosen. */
const KEYWORDS: Record<string, Keyword> = Object.assign({}, ...vocabularies().map((v) => v.keywords)) as Record<string, Keyword>;

const BOT_COMMAND = /^\/([a-z]+)@[a-z0-9_]+/;
const DIGIT = /[0-9]/;
const NOT_LETTERS = /[^\p{L}]+/gu;

/**
 * A whole-message keyword in either language (HELP/AYUDA, BACK/ATRÁS/VOLVER, SKIP/SALTAR/OMITIR,
 * CANCEL/CANCELAR, LANGUAGE/IDIOMA/LANG, RIGHTS/DERECHOS, STOP/BORRAR, DONE/LISTO/YA), ignoring
 * case, accents, punctuation, emoji and a leading slash ("/help", "/help@CentinelaBot").
 * Only when the message is just the keyword, never a keyword inside a sentence.
 */
export function parseKeyword(text: string): Keyword | undefined {
  if (!text || text.length > 60) return undefined;
  let s = normalize(text);
  // Telegram-style command: "/help" or "/help@SomeBot"
  s = s.replace(BOT_COMMAND, '$1');
  // Everything that is not a letter becomes a space: punctuation, emoji, the slash.
  // Letters only: "ayuda123" is not a keyword but "ayuda!!" and "🙏 ayuda" are.
  if (DIGIT.test(s)) return undefined;
  s = s.replace(NOT_LETTERS, ' ').trim();
  if (!s) return undefined;
  return Object.hasOwn(KEYWORDS, s) ? KEYWORDS[s] : undefined;
}

/** The language a bare keyword is written in (AYUDA is Spanish, HELP English); undefined for anything else. */
export function keywordLanguage(text: string): Lang | undefined {
  const t = normalize(text).replace(/^\//, '').replace(NOT_LETTERS, ' ').trim();
  return vocabularies().find((v) => Object.hasOwn(v.keywords, t))?.lang;
}
