/**
 * Text normalisation shared by every parser.
 *
 * Two flavours:
 * - `normalize` gives a compact comparable form (lower-case, no accents, single spaces).
 * - `fold` gives the same kind of form but keeps every character at its index, so a match
 *   found in the folded text can be cut out of the original words unchanged.
 */

import { prepareScripts } from './scripts.js';

/** Invisible characters phones and apps slip into messages (zero-width, bidi marks, BOM...). */
const INVISIBLE =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

const COMBINING = /\p{M}/gu;
const MARKS_ONLY = /^\p{M}+$/u;

/** Any character outside plain ASCII. */
const NON_ASCII = /[^\x00-\x7f]/;
/** Whitespace that `/\s+/g → ' '` would change: runs of two or more, or a single non-space. */
const WS_TO_SPACE = /\s{2,}|[^\S ]/g;
const WS_RUN = /\s+/g;

/**
 * Lower-case, strip accents/diacritics (á→a, ñ→n, đ→d), strip zero-width characters, collapse
 * whitespace and trim. Letters of other scripts stay whole (Hangul syllables are recomposed after
 * the accents go); Chinese, Korean and Arabic text is first prepared by `prepareScripts`
 * (ASCII digits, words separated by spaces).
 */
export function normalize(text: string): string {
  if (!NON_ASCII.test(text)) {
    // Plain ASCII: no invisible characters, nothing to decompose, no marks
    return text.toLowerCase().replace(WS_TO_SPACE, ' ').trim();
  }
  let s = prepareScripts(text.replace(INVISIBLE, '')).toLowerCase().normalize('NFD').replace(COMBINING, '');
  if (NOT_LATIN1.test(s)) s = s.normalize('NFC').replace(D_STROKE, 'd');
  return s.replace(WS_RUN, ' ').trim();
}

const NOT_LATIN1 = /[^\x00-\xff]/;
const D_STROKE = /đ/g;

/**
 * Characters `clean` may change: anything from U+0300 on (combining marks, characters NFC
 * rewrites, invisible characters) and the soft hyphen. Text without them is already clean.
 */
const MAY_NEED_CLEAN = /[^\x00-\xac\xae-\u02ff]/;

/**
 * Prepares raw input for span-based parsing: NFC-composes it, drops invisible characters and
 * prepares other scripts (`prepareScripts`: ASCII digits, Chinese numerals before a counter as
 * digits, words separated by spaces). The result is the "original" text whose substrings end up
 * in parsed fields.
 */
export function clean(text: string): string {
  if (!MAY_NEED_CLEAN.test(text)) return text;
  return prepareScripts(text.normalize('NFC').replace(INVISIBLE, ''));
}

const foldCache = new Map<string, string>();

function foldChar(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out: string;
  if (ch === '\u2028' || ch === '\u2029' || ch === '\u0085') out = '\n';
  else if (/\s/.test(ch)) out = ' ';
  else if (ch === '\u2019' || ch === '\u2018' || ch === '\u00B4' || ch === '`') out = "'";
  else if (ch === '\u201C' || ch === '\u201D') out = '"';
  else if (ch === '\u2013' || ch === '\u2014') out = '-';
  else if (ch === '\u0111' || ch === '\u0110')
    out = 'd'; // Vietnamese đ has no decomposition
  else {
    const c = ch.charCodeAt(0);
    if (c >= 0x0660 && c <= 0x0669)
      out = String.fromCharCode(48 + c - 0x0660); // Arabic-Indic digits
    else if (c >= 0x06f0 && c <= 0x06f9) out = String.fromCharCode(48 + c - 0x06f0);
    else if (c >= 0xff10 && c <= 0xff19)
      out = String.fromCharCode(48 + c - 0xff10); // full-width digits
    else {
      const lower = ch.toLowerCase();
      if (lower.length !== 1) out = ch;
      else {
        // The base letter when the rest is only accents (é → e, ệ → e, أ → ا); a letter that
        // decomposes into other letters (Hangul syllables into jamo) stays whole.
        const parts = lower.normalize('NFD');
        out = parts.length === 1 || !MARKS_ONLY.test(parts.slice(1)) ? lower : parts[0]!;
      }
    }
  }
  if (foldCache.size < 5000) foldCache.set(ch, out);
  return out;
}

/**
 * Length-preserving normalisation: lower-case, accents removed, whitespace becomes a plain
 * space except line breaks (kept as "\n", they separate clauses), curly quotes become straight ones. `fold(s).length === s.length` always holds, so
 * indexes found in the folded text are valid in `s`. Expects text that went through `clean`.
 */
export function fold(text: string): string {
  // Plain ASCII without tab/VT/FF/CR: just lower case
  if (!FOLD_NEEDS_LOOP.test(text)) return text.toLowerCase();
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(CONTROL_SPACE_G, ' ');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 65 && code <= 90) out += String.fromCharCode(code + 32);
      else if (code === 9 || code === 11 || code === 12 || code === 13) out += ' ';
      else out += text[i]!;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += text[i]!; // half of an emoji or other astral character: keep as is
    } else {
      out += foldChar(text[i]!);
    }
  }
  return out;
}

/** Characters `fold` does more with than lower-casing: anything outside ASCII, tab, VT, FF, CR. */
const FOLD_NEEDS_LOOP = /[^\x00-\x08\n\x0e-\x7f]/;
const CONTROL_SPACE_G = /[\t\v\f\r]/g;

/** A word (letters/digits) or a single punctuation mark, with its position in the folded text. */
export interface Token {
  t: string;
  start: number;
  end: number;
}

/** Same as JavaScript's `\s` (WhiteSpace and LineTerminator). */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Kinds of word characters: a token never mixes two (Latin letters and digits go together: "4agents", "7ABC123"). */
const enum WordKind {
  None = 0,
  Latin = 1,
  /** Letters of any other script: Arabic, Han, Hangul, Cyrillic... */
  Other = 2,
}

function wordKind(c: number): WordKind {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? WordKind.Latin : WordKind.None;
  if (c >= 0xd800 && c <= 0xdfff) return WordKind.None; // emoji and other astral characters: symbols
  if (c < 0x250 && c !== 0xd7 && c !== 0xf7 && c >= 0xc0) return WordKind.Latin; // folded text rarely has these
  return LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? WordKind.Other : WordKind.None;
}

/** Whether a token (or any string) starts with a letter or digit of any script: a word, not punctuation. */
export function isWordToken(t: string): boolean {
  return t.length > 0 && wordKind(t.charCodeAt(0)) !== WordKind.None;
}

/** Whether a token starts with a letter of any script (not a digit, not punctuation). */
export function isLetterToken(t: string): boolean {
  if (t.length === 0) return false;
  const c = t.charCodeAt(0);
  return wordKind(c) !== WordKind.None && !(c >= 48 && c <= 57);
}

/**
 * Splits folded text into words and single punctuation/symbol characters: runs of Latin letters
 * and digits (`[a-z0-9]+(?:'[a-z]+)?`), runs of letters of another script (Arabic, Han, Hangul:
 * words are separated by spaces once `prepareScripts` has run), and every other non-space
 * character alone (one UTF-16 unit per symbol). Scanned by hand, linear.
 */
export function tokenize(folded: string): Token[] {
  const out: Token[] = [];
  const n = folded.length;
  let i = 0;
  while (i < n) {
    const c = folded.charCodeAt(i);
    const kind = wordKind(c);
    if (kind !== WordKind.None) {
      const start = i;
      i++;
      while (i < n && wordKind(folded.charCodeAt(i)) === kind) i++;
      if (kind === WordKind.Latin && i + 1 < n && folded.charCodeAt(i) === 39 && isElision(folded, start, i)) {
        // French elision: "d'agents", "l'eglise", "qu'ils" are two words ("i'm", "o'clock" stay one)
        out.push({ t: folded.slice(start, i), start, end: i });
        i++;
        continue;
      }
      if (kind === WordKind.Latin && i + 1 < n && folded.charCodeAt(i) === 39) {
        // "they're", "i'm", "aujourd'hui": an apostrophe followed by letters stays in the word
        let j = i + 1;
        while (j < n) {
          const d = folded.charCodeAt(j);
          if (d < 97 || d > 122) break;
          j++;
        }
        if (j > i + 1) i = j;
      }
      out.push({ t: folded.slice(start, i), start, end: i });
    } else if (isSpaceCode(c)) {
      i++;
    } else {
      out.push({ t: folded[i]!, start: i, end: i + 1 });
      i++;
    }
  }
  return out;
}

/** French articles and pronouns that lose their vowel before another word: d' l' j' n' s' m' t' c' qu'. */
function isElision(folded: string, start: number, end: number): boolean {
  const next = folded.charCodeAt(end + 1);
  if (!(next >= 97 && next <= 122)) return false;
  if (end - start === 1) return ELIDED.has(folded.charCodeAt(start));
  return end - start === 2 && folded.startsWith('qu', start);
}
const ELIDED = new Set([...'dljnsmtc'].map((c) => c.charCodeAt(0)));

const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]);

/**
 * Every match of a global regex, in order: the same as `[...text.matchAll(re)]`, without the
 * copy of the regex `matchAll` makes on every call (microseconds for long patterns). Leaves
 * `re.lastIndex` at 0.
 */
export function matchesOf(re: RegExp, text: string): readonly RegExpExecArray[] {
  re.lastIndex = 0;
  let m = re.exec(text);
  if (m === null) return NO_MATCHES; // most calls: no array to allocate (and collect)
  const out: RegExpExecArray[] = [];
  for (; m !== null; m = re.exec(text)) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

const EDGE = new Set([' ', '\t', '\n', '\r', ',', ';', ':', '!', '?', '¡', '¿', '-', '–', '—', '|', '/', '.', '…', '(', ')', '"', '*']);
const ABBREV_END = /(?:^|[^a-z])(?:st|ave|av|blvd|rd|dr|jr|sr|a\.m|p\.m)$/i;

/**
 * Trims whitespace and punctuation from both ends (linear, no regex backtracking). A trailing
 * period is kept after street abbreviations ("Main St.") and a.m./p.m.
 */
export function trimPunct(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && EDGE.has(text[start]!)) start++;
  while (end > start && EDGE.has(text[end - 1]!)) end--;
  let out = text.slice(start, end);
  if (end < text.length && text[end] === '.' && ABBREV_END.test(out.slice(-5))) out += '.';
  return out;
}
