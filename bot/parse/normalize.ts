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

/**
 * Lower-case, strip accents/diacritics (á→a, ñ→n), strip zero-width characters, collapse
 * whitespace and trim.
 */
export function normalize(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Prepares raw input for span-based parsing: NFC-composes it and drops invisible characters.
 * The result is the "original" text whose substrings end up in parsed fields.
 */
export function clean(text: string): string {
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
    const base = lower.length === 1 ? lower.normalize('NFD')[0] ?? lower : ch;
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

/** A word (letters/digits) or a single punctuation mark, with its position in the folded text. */
export interface Token {
  t: string;
  start: number;
  end: number;
}

const TOKEN = /[a-z0-9]+(?:'[a-z]+)?|[^\sa-z0-9]/g;

/** Splits folded text into words and single punctuation/symbol characters. */
export function tokenize(folded: string): Token[] {
  const out: Token[] = [];
  for (const m of folded.matchAll(TOKEN)) {
    out.push({ t: m[0], start: m.index, end: m.index + m[0].length });
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
