import { isSpaceCode, matchesOf, tokenize } from './normalize.js';
import { ARTICLE_ONE, tokenNumber } from './numbers.js';
import { phraseRegex, wordSet } from './vocab/index.js';

/** A part of a text, as indexes into it. */
export interface Span {
  start: number;
  end: number;
}

const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/** Words after which a period does not end a sentence ("Main St. y 5th", "Sra. Lopez"). */
const ABBREV_DOT = wordSet((v) => v.clauses.abbreviations);

/** After "y"/"and", these start a new clause ("4 agentes y 2 camionetas", "... and they are"). */
const CLAUSE_START = wordSet((v) => v.clauses.starts);
const AND = wordSet((v) => v.clauses.and);
const BUT = wordSet((v) => v.clauses.but);
const BETWEEN = wordSet((v) => v.clauses.between);

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Characters trimmed from clause ends: `[\s,.;:!?¡¿\-|*"'()]`. */
function isTrimCode(c: number): boolean {
  switch (c) {
    case 44: // ,
    case 46: // .
    case 59: // ;
    case 58: // :
    case 33: // !
    case 63: // ?
    case 0xa1: // ¡
    case 0xbf: // ¿
    case 45: // -
    case 124: // |
    case 42: // *
    case 34: // "
    case 39: // '
    case 40: // (
    case 41: // )
      return true;
    default:
      return isSpaceCode(c);
  }
}

function trimSpan(folded: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && isTrimCode(folded.charCodeAt(s))) s++;
  while (e > s && isTrimCode(folded.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}

function isLowerOrDigit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * Splits folded text into clauses: at newlines, ; ! ? |, commas (not "1,000"), sentence
 * periods (not "7.30", "St.", "I.C.E."), spaced dashes and emoji; then at "y"/"and" when they
 * join two clauses rather than two street names ("4 agentes y 2 camionetas" splits, "1st y Soto"
 * does not), and at "pero"/"but". Linear in the text length.
 */
export function splitClauses(folded: string): Span[] {
  const rough: Span[] = [];
  let from = 0;
  // A cut at i of length len: rough.push({ start: from, end: i }); from = i + len
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    if (code === 10 || code === 59 || code === 33 || code === 63 || code === 0xa1 || code === 0xbf || code === 124) {
      rough.push({ start: from, end: i });
      from = i + 1;
    } else if (code === 44) {
      if (!(isDigit(folded[i - 1]) && isDigit(folded[i + 1]))) {
        rough.push({ start: from, end: i });
        from = i + 1;
      }
    } else if (code === 46) {
      const next = folded[i + 1];
      if (next !== undefined && isLowerOrDigit(next.charCodeAt(0))) continue; // 7.30, i.c.e, maps.google
      let w = i;
      while (w > 0) {
        const c = folded.charCodeAt(w - 1);
        if (c < 97 || c > 122) break;
        w--;
      }
      const word = folded.slice(w, i);
      if (word && ABBREV_DOT.has(word) && next === ' ') continue; // "Main St. y 5th"
      if (word.length === 1 && folded[w - 1] === '.') continue; // "I.C.E.", "a.m."

      rough.push({ start: from, end: i });
      from = i + 1;
    } else if (code === 45 && folded[i - 1] === ' ' && folded[i + 1] === ' ') {
      rough.push({ start: from, end: i });
      from = i + 1;
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const pair = folded.slice(i, i + 2);
      if (PICTOGRAPH.test(pair)) {
        rough.push({ start: from, end: i });
        from = i + 2;
      }
      i++;
    } else if (code >= 0x2000 && PICTOGRAPH.test(folded[i]!)) {
      rough.push({ start: from, end: i });
      from = i + 1;
    }
  }
  rough.push({ start: from, end: folded.length });
  const out: Span[] = [];
  for (const r of rough) {
    for (const part of splitConjunctions(folded, r)) {
      const t = trimSpan(folded, part.start, part.end);
      if (t.end > t.start) out.push(t);
    }
  }
  return out;
}

/** Where a token "y", "and", "pero" or "but" may stand (a superset: "x'y" is one token). */
const CONJUNCTION = new RegExp(`(?:^|[^a-z0-9])(?:${[...AND, ...BUT].join('|')})(?![a-z0-9])`);

/** Fixed phrases with an "and" inside that never splits: French "il y a 10 min", Spanish "hace una hora y media". */
const KEEP_WHOLE = phraseRegex((v) => [...v.time.agoBefore, ...v.time.fixedAgo.map(([p]) => p)], 'g');

function splitConjunctions(folded: string, span: Span): Span[] {
  const text = folded.slice(span.start, span.end);
  if (!CONJUNCTION.test(text)) return [{ start: span.start, end: span.end }];
  const toks = tokenize(text);
  const kept = matchesOf(KEEP_WHOLE, text).map((m) => [m.index, m.index + m[0].length] as const);
  const out: Span[] = [];
  let from = span.start;
  for (let i = 1; i < toks.length - 1; i++) {
    const t = toks[i]!.t;
    const prev = toks[i - 1]!.t;
    const next = toks[i + 1]!.t;
    let split = false;
    if (kept.some(([s, e]) => toks[i]!.start >= s && toks[i]!.end <= e)) continue;
    if (BUT.has(t)) split = true;
    else if (AND.has(t)) {
      const nextIsCount = tokenNumber(next) !== undefined || ARTICLE_ONE.has(next) || next === 'a';
      split = (nextIsCount || CLAUSE_START.has(next)) && tokenNumber(prev) === undefined && !BETWEEN.has(prev);
    }
    if (split) {
      out.push({ start: from, end: span.start + toks[i]!.start });
      from = span.start + toks[i]!.end;
    }
  }
  out.push({ start: from, end: span.end });
  return out;
}
