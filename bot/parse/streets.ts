/**
 * Street names in a tip: cross streets ("1st y Soto", "corner of X and Y"), ZIP codes, and the
 * street words and ordinals that mark a name as a street. Both the location reader
 * (location.ts) and the "could a responder drive there?" check (place.ts) build on these.
 */
import { clean, fold, isWordToken, tokenize, trimPunct, type Token } from './normalize.js';
import { AGENT_WORDS, VEHICLE_WORDS } from './counts.js';
import { unionOf, wordsOf, wordSet } from './vocab/index.js';

/** Every vocabulary's filler words, except those that join two streets. */
const FILLERS = wordSet((v) => v.places.fillers);
for (const w of wordSet((v) => v.streets.connectors)) FILLERS.delete(w);
FILLERS.delete('&');
const PLACE_NOUNS = wordSet((v) => v.places.placeNouns);

/** Street-type words: a name with one of these is surely a street. */
export const STREET_WORDS = wordSet((v) => v.streets.words);

/** Words that may come right before a number in a street name ("calle 8", "Highway 99"). */
const NUMBERED_STREET = wordSet((v) => v.streets.numberedLead);

/** Symbols that join or end street names in every language. */
const JOINING_SYMBOLS = ['&', '@', '/'];

/** Words that end a street name: prepositions, articles, place/relation words, time words, fillers. */
const BOUNDARY = unionOf(
  wordSet((v) => v.streets.boundary),
  new Set(JOINING_SYMBOLS),
  FILLERS,
);

/** Agency letters: never a street or a place name, in any language. */
export const AGENCY_LETTERS = wordsOf('ice cbp hsi dhs fbi ero');

/** Agency letters and chains are never part of a street name, in any language. */
const NAMES_NOT_STREETS = unionOf(AGENCY_LETTERS, ['walmart']);

/** Words that are never part of a street name in a tip. */
const NOT_STREET = unionOf(
  wordSet((v) => v.streets.notStreet),
  NAMES_NOT_STREETS,
  PLACE_NOUNS,
  AGENT_WORDS,
  VEHICLE_WORDS,
);
NOT_STREET.delete('high'); // "High St"

/** Words that can lead into an intersection answer ("en la esquina de 1st y Soto"). */
const LEAD_IN = wordSet((v) => v.streets.leadIn);

export const ORDINAL = /^\d{1,4}(?:st|nd|rd|th|ra|da|ta|va|na|ro|do|to|vo|no|a|o)$/;
/** Before a bare number, these make it a street ("la 8", "la 3" = Calle 8, Calle 3). */
const STREET_ARTICLE = wordSet((v) => v.streets.articleBeforeNumber);
const ABBREV = wordsOf('st ave av blvd rd dr ln ct pl hwy fwy pkwy n s e w sr');
const DIGITS = /^\d+$/;

/** How sure we are that tokens name a street: 2 = street word/ordinal, 1 = capitalised, 0 = plain. */
function strength(src: string, toks: Token[], all: Token[]): number {
  for (const t of toks) if (STREET_WORDS.has(t.t) || ORDINAL.test(t.t)) return 2;
  // "la 8": Spanish for Calle 8
  if (toks.length === 1 && DIGITS.test(toks[0]!.t) && STREET_ARTICLE.has(all[all.indexOf(toks[0]!) - 1]?.t ?? '')) return 2;
  if (toks.length === 2 && NUMBERED_STREET.has(toks[0]!.t) && DIGITS.test(toks[1]!.t)) return 2;
  const first = src[toks[0]!.start]!;
  return first !== first.toLowerCase() ? 1 : 0;
}

function isWord(t: Token | undefined): t is Token {
  return t !== undefined && isWordToken(t.t);
}

/** Takes a street name walking left (dir -1) or right (dir 1) from a connector. */
function walk(toks: Token[], from: number, dir: 1 | -1): Token[] {
  const out: Token[] = [];
  let words = 0; // tokens in `out` other than "."
  let i = from;
  while (words < 4) {
    const t = toks[i];
    if (!t) break;
    if (t.t === '.') {
      // "Av. Cesar Chavez", "Soto St." : a dot after a street abbreviation is part of the name
      const prev = dir === 1 ? out[out.length - 1] : toks[i - 1];
      if (prev && ABBREV.has(prev.t)) {
        out.push(t);
        i += dir;
        continue;
      }
      break;
    }
    if (!isWord(t) || BOUNDARY.has(t.t) || NOT_STREET.has(t.t)) break;
    if (DIGITS.test(t.t)) {
      // a bare number only right after "calle"/"highway", or "la" ("la 8")
      const before = dir === 1 ? (out[out.length - 1] ?? toks[i - 1]) : toks[i - 1];
      if (!before || !(NUMBERED_STREET.has(before.t) || STREET_ARTICLE.has(before.t))) break;
    }
    out.push(t);
    words++;
    i += dir;
    // Going right, a street ends with its street word or number: "1st nomas viendo" is "1st"
    if (
      dir === 1 &&
      (STREET_WORDS.has(t.t) || ORDINAL.test(t.t) || DIGITS.test(t.t)) &&
      !ABBREV.has(toks[i]?.t ?? '') &&
      !STREET_WORDS.has(toks[i]?.t ?? '')
    ) {
      if (toks[i]?.t === '.' && ABBREV.has(t.t)) out.push(toks[i]!);
      break;
    }
  }
  if (dir === -1) out.reverse();
  while (out.length && out[0]!.t === '.') out.shift();
  while (out.length && out[out.length - 1]!.t === '.' && !(out.length > 1 && ABBREV.has(out[out.length - 2]!.t))) out.pop();
  return out;
}

/** Definite articles of every language ("con la Soto", "com a Main", "et la rue"): skipped before the second street. */
const ARTICLES = wordSet((v) => v.pieces.articles);

const CONNECTORS = unionOf(
  wordSet((v) => v.streets.connectors),
  new Set(JOINING_SYMBOLS),
);
/** Joiners that need a street word on both sides ("Main St at 5th Ave"). */
const STRICT_CONNECTORS = unionOf(
  wordSet((v) => v.streets.strictConnectors),
  new Set(['@']),
);

/**
 * Cross streets in a text: "1st y Soto", "1st & Soto", "5th and Main", "corner of X and Y",
 * "esquina de X y Y", "X con Y", "Main St at 5th Ave". Both sides must look like street names.
 * `relaxed`: the text is known to be a location answer, so "cesar chavez y soto" in lower case
 * counts when it is the whole answer.
 */
export function findCrossStreets(text: string, relaxed = false): [string, string] | undefined {
  const src = clean(text).slice(0, 2000);
  const toks = tokenize(fold(src));
  for (let c = 1; c < toks.length - 1; c++) {
    const conn = toks[c]!.t;
    if (!CONNECTORS.has(conn)) continue;
    const left = walk(toks, c - 1, -1);
    // "por la Whittier y la Atlantic": an article before the second street
    const skip = STREET_ARTICLE.has(toks[c + 1]!.t) || ARTICLES.has(toks[c + 1]!.t) ? 1 : 0;
    const right = walk(toks, c + 1 + skip, 1);
    if (!left.length || !right.length) continue;
    const sl = strength(src, left, toks);
    const sr = strength(src, right, toks);
    let ok: boolean;
    if (STRICT_CONNECTORS.has(conn)) ok = sl === 2 && sr === 2;
    else {
      ok = Math.min(sl, sr) >= 1 || Math.max(sl, sr) === 2;
      if (!ok && relaxed) {
        const li = toks.indexOf(left[0]!);
        const ri = toks.indexOf(right[right.length - 1]!);
        // The first street starts the answer or follows a lead-in word ("en la", "de la", "on")
        const leadOk = li === 0 || LEAD_IN.has(toks[li - 1]!.t);
        const tail = toks[ri + 1];
        ok = leadOk && (tail === undefined || !isWord(tail));
      }
    }
    if (!ok) continue;
    const x = trimPunct(src.slice(left[0]!.start, left[left.length - 1]!.end));
    const y = trimPunct(src.slice(right[0]!.start, right[right.length - 1]!.end));
    if (x && y) return [x, y];
  }
  return undefined;
}

/** After a 5-digit number, words that still allow it to be a ZIP ("90033 area"). */
const ZIP_NEXT = unionOf(
  wordSet((v) => v.streets.zipNext),
  wordsOf('ca california tx texas az il ny nj wa or nc fl co nv'),
);

const ZIP = /(?<![\w\-.:/#$])(\d{5})(?:-\d{4})?(?![\w\-.:/])/g;
const FIVE_DIGITS = /\d{5}/;
const ZIP_LABEL = /(?:zip|cp|c\.p\.|codigo postal|postal code|zip code)[\s:#]*$/;
const NEXT_WORD = /^\s*([a-z]+)/;

/** A 5-digit US ZIP code standing as its own token (not a house number like "12345 Main St"). */
export function findZip(text: string): string | undefined {
  const s = fold(clean(text));
  if (!FIVE_DIGITS.test(s)) return undefined;
  ZIP.lastIndex = 0;
  for (let m = ZIP.exec(s); m !== null; m = ZIP.exec(s)) {
    const prev = ZIP_LABEL.test(s.slice(Math.max(0, m.index - 20), m.index));
    const next = NEXT_WORD.exec(s.slice(m.index + m[0].length, m.index + m[0].length + 30));
    if (prev || !next || ZIP_NEXT.has(next[1]!)) {
      ZIP.lastIndex = 0;
      return m[1];
    }
  }
  return undefined;
}
