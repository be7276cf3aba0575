/**
 * Text normalisation shared by every parser.
 *
 * Two flavours:
 * - `normalize` gives a compact comparable form (lower-case, no accents, single spaces).
 * - `fold` gives the same kind of form but keeps every character at its index, so a match
 *   found in the folded text can be cut out of the original words unchanged.
 */

/** Invisible characters phones and apps slip into messages (zero-width, bidi marks, BOM...). */
const INVISIBLE =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

const COMBINING = /\p{M}/gu;

/** Any character outside plain ASCII. */
const NON_ASCII = /[^\x00-\x7f]/;
/** Whitespace that `/\s+/g → ' '` would change: runs of two or more, or a single non-space. */
const WS_TO_SPACE = /\s{2,}|[^\S ]/g;
const WS_RUN = /\s+/g;

/**
 * Lower-case, strip accents/diacritics (á→a, ñ→n), strip zero-width characters, collapse
 * whitespace and trim.
 */
export function normalize(text: string): string {
  if (!NON_ASCII.test(text)) {
    // Plain ASCII: no invisible characters, nothing to decompose, no marks
    return text.toLowerCase().replace(WS_TO_SPACE, ' ').trim();
  }
  return text.replace(INVISIBLE, '').toLowerCase().normalize('NFD').replace(COMBINING, '').replace(WS_RUN, ' ').trim();
}

/**
 * Characters `clean` may change: anything from U+0300 on (combining marks, characters NFC
 * rewrites, invisible characters) and the soft hyphen. Text without them is already clean.
 */
const MAY_NEED_CLEAN = /[^\x00-\xac\xae-\u02ff]/;

/**
 * Prepares raw input for span-based parsing: NFC-composes it and drops invisible characters.
 * The result is the "original" text whose substrings end up in parsed fields.
 */
export function clean(text: string): string {
  if (!MAY_NEED_CLEAN.test(text)) return text;
  return text.normalize('NFC').replace(INVISIBLE, '');
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
  else {
    const lower = ch.toLowerCase();
    const base = lower.length === 1 ? (lower.normalize('NFD')[0] ?? lower) : ch;
    out = base.length === 1 ? base : ch;
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

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * Splits folded text into words and single punctuation/symbol characters: the matches of
 * `/[a-z0-9]+(?:'[a-z]+)?|[^\sa-z0-9]/g` (one UTF-16 unit per symbol), scanned by hand.
 */
export function tokenize(folded: string): Token[] {
  const out: Token[] = [];
  const n = folded.length;
  let i = 0;
  while (i < n) {
    const c = folded.charCodeAt(i);
    if (isWordCode(c)) {
      const start = i;
      i++;
      while (i < n && isWordCode(folded.charCodeAt(i))) i++;
      if (i + 1 < n && folded.charCodeAt(i) === 39) {
        // "they're", "i'm": an apostrophe followed by letters stays in the word
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

/**
 * Every match of a global regex, in order: the same as `[...text.matchAll(re)]`, without the
 * copy of the regex `matchAll` makes on every call (microseconds for long patterns). Leaves
 * `re.lastIndex` at 0.
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
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
