/**
 * Counting agents and vehicles in a tipster's words, token by token: numbers in digits or words,
 * "a couple", "una docena", "half a dozen", ranges ("4 o 5" → 5), "10+", sums ("three in a
 * sedan and two more in a pickup" → 5 agents, 2 vehicles), totals then lists ("dos carros: una
 * troca y un sedán" → 2), corrections ("3 no espera, 4" → 4), and people being taken, who are
 * not agents ("agarraron a 2").
 */
import { correctionStarts } from './corrections.js';
import { isWordToken, tokenize, type Token } from './normalize.js';
import { ARTICLE_ONE, tokenNumber, VAGUE_QUANTITY } from './numbers.js';
import { vocabularies, wordSet, wordsOf } from './vocab/index.js';

/** Words for vehicles (folded, singular and plural), from every vocabulary. */
export const VEHICLE_WORDS = wordSet((v) => v.vehicles.words);
/** Words for agents/people (folded), from every vocabulary. */
export const AGENT_WORDS = wordSet((v) => v.agents.words);
/** Agent words that may just as well mean the people being detained. */
const GENERIC_PEOPLE = wordSet((v) => v.agents.genericPeople);
/** Agency names: agents only when no other unit follows ("4 ICE", not "3 ICE SUVs"). */
const AGENCIES = wordSet((v) => v.agents.agencies);
/** Words meaning someone is being taken: a count right after them is the people taken. */
const VICTIM_VERBS = wordSet((v) => v.detention.victimVerbs);
/** Classifiers between a number and the noun (个, 명): see Vocabulary.numbers.counters. */
const COUNTERS = wordSet((v) => v.numbers.counters ?? '');
/** "dos más", "two more": the same unit as the count before. */
const MORE = wordSet((v) => v.numbers.more);
const PAIRS = new Map<string, number>();
const TRIPLES = new Map<string, number>();
for (const v of vocabularies()) {
  for (const [a, b, n] of v.numbers.pairs) PAIRS.set(`${a} ${b}`, n);
  for (const [a, b, c, n] of v.numbers.triples) TRIPLES.set(`${a} ${b} ${c}`, n);
}

/** "in a sedan", "en una troca": people counted before these are in the vehicle. */
const IN_WORDS = new Set(['in', 'inside', 'into', 'en', 'dentro', 'adentro', 'arriba']);
const DETERMINERS = new Set(['a', 'an', 'the', 'un', 'una', 'la', 'el', 'their', 'su', 'sus', 'one', 'las', 'los']);

/** A plain word (letters only), not a regex source. */
const PLAIN_WORD = /^[\p{L}']+$/u;

/**
 * After a number, these make it a duration, a clock time or an address, not a count: the words
 * below and every vocabulary's duration units and hour marks ("10 phut", "3 点", "15 heures").
 */
const NOT_COUNT_AFTER = new Set([
  ...`min mins minute minutes minuto minutos hr hrs hour hours hora horas h m s sec secs seconds segundos
   am pm dias days day dia ago atras st nd rd th street calle ave avenue avenida blvd freeway highway
   hwy fwy mph miles millas cuadras blocks block o'clock oclock years anos meses months less`
    .split(/\s+/)
    .filter(Boolean),
  ...wordSet((v) => [...v.time.units, ...Object.keys(v.time.unitMinutes), ...v.time.clock.hourMarks].filter((w) => PLAIN_WORD.test(w))),
]);
/**
 * Number words that count only right before an agent or vehicle word of their own language that
 * no other language uses (Haitian "de ajan" is 2 agents; Spanish "de oficiales" is not).
 */
const BEFORE_UNIT = new Map<string, { value: number; units: Set<string> }>();
for (const v of vocabularies()) {
  const entries = Object.entries(v.numbers.beforeUnit);
  if (entries.length === 0) continue;
  const others = wordSet((o) => (o === v ? '' : `${o.agents.words} ${o.vehicles.words}`));
  const own = new Set([...wordsOf(v.agents.words), ...wordsOf(v.vehicles.words)].filter((w) => !others.has(w)));
  for (const [word, value] of entries) BEFORE_UNIT.set(word, { value, units: own });
}

/** Before a number, these make it a clock time or an address. */
const NOT_COUNT_BEFORE = new Set(
  `at alas calle street st ave avenue avenida av highway hwy route ruta carretera interstate
   numero num apt suite hace before after since until till antes despues food la`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Two words after a number, these make it a house number ("26 Federal Plaza", "300 North Main
 * St"): the word between is a name, even when it is also an agent word ("federal").
 */
const ADDRESS_TAIL = new Set(
  `plaza building bldg courthouse center centre st street ave avenue blvd boulevard rd road dr drive ln
   lane pl place ct way pkwy parkway hwy highway`
    .split(/\s+/)
    .filter(Boolean),
);

/** "a las", "desde las"... before a number make it a clock time. */
const CLOCK_LEAD = new Set(['a', 'como', 'tipo', 'desde', 'hasta', 'entre', 'eso']);

/** Range joiners: "3-4", "3 or 4", "3 o 4", "3 a 4", "3 to 4". */
const RANGE = new Set(['-', 'or', 'to', 'o', 'a', 'y']);
/** After a total, these start its breakdown ("dos carros: una troca y un sedán"). */
const LIST_START = new Set([':', '(', '-', ',']);

type Unit = 'agents' | 'vehicles';

export interface SizeCounts {
  agents?: number;
  vehicles?: number;
  /** A vague quantity ("several", "varios") was given without a number. */
  vague: boolean;
  /** Some count was for vehicles. */
  hasVehicles: boolean;
}

function isPunct(tok: Token | undefined): boolean {
  return tok !== undefined && !isWordToken(tok.t);
}

function unitKind(word: string): Unit | undefined {
  if (VEHICLE_WORDS.has(word)) return 'vehicles';
  if (AGENT_WORDS.has(word)) return 'agents';
  // "suv's", "suvs"
  const stem = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (VEHICLE_WORDS.has(stem)) return 'vehicles';
  if (AGENT_WORDS.has(stem)) return 'agents';
  return undefined;
}

/** "in a sedan", "en una troca negra": an IN word, a determiner, at most one adjective, a vehicle. */
function inVehicle(toks: Token[], j: number): boolean {
  if (!IN_WORDS.has(toks[j]?.t ?? '')) return false;
  let k = j + 1;
  if (DETERMINERS.has(toks[k]?.t ?? '')) k++;
  for (let n = 0; n < 2 && toks[k]; n++, k++) if (VEHICLE_WORDS.has(toks[k]!.t)) return true;
  return false;
}

/**
 * Finds agent and vehicle counts in folded text. With `allowBare`, a lone number with no unit
 * ("like 5", "unos 6") counts as agents. Linear in the number of tokens.
 */
export function findCounts(folded: string, opts: { allowBare: boolean }): SizeCounts {
  return countTokens(tokenize(folded), opts.allowBare);
}

interface Quantity {
  value: number;
  /** Last token of the quantity. */
  end: number;
  article: boolean;
}

/** The quantity starting at token i, if any ("3", "tres", "a couple", "half a dozen", "un carro"). */
function quantityAt(toks: Token[], i: number): Quantity | undefined {
  const t = toks[i]!.t;
  const next = toks[i + 1]?.t;
  const triple = next !== undefined ? TRIPLES.get(`${t} ${next} ${toks[i + 2]?.t}`) : undefined;
  if (triple !== undefined) return { value: triple, end: i + 2, article: false };
  const pair = next !== undefined ? PAIRS.get(`${t} ${next}`) : undefined;
  if (pair !== undefined) return { value: pair, end: i + 1, article: false };
  if (t === 'couple') return { value: 2, end: i, article: false };
  if (ARTICLE_ONE.has(t) && (next === 'dozen' || next === 'docena')) return { value: 12, end: i + 1, article: false };
  // "a la van", "vi a unos federales": Spanish "a" before a determiner is a preposition
  if (ARTICLE_ONE.has(t))
    return DETERMINERS.has(next ?? '') || next === 'unos' || next === 'unas' ? undefined : { value: 1, end: i, article: true };
  let value = tokenNumber(t);
  if (value === undefined) {
    const before = BEFORE_UNIT.get(t);
    if (before?.units.has(toks[i + 1]?.t ?? '')) value = before.value;
  }
  if (value === undefined || !isCount(toks, i)) return undefined;
  return { value, end: i, article: false };
}

/** `findCounts` on the tokens of folded text (`tokenize(folded)`, not changed). */
export function countTokens(tokens: Token[], allowBare: boolean): SizeCounts {
  const toks = splitGlued(tokens);
  const corrections = correctionStarts(toks);
  const claimed = new Set<number>(); // unit words already used by a count
  const out: SizeCounts = { vague: false, hasVehicles: false };
  let bare: number | undefined;
  let last: { unit: Unit | 'bare'; value: number } | undefined;
  let corrected = false;
  const lists: Array<{ unit: Unit; total: number; sum: number; items: number; open: boolean }> = [];
  for (let i = 0; i < toks.length; i++) {
    if (corrections.has(i)) corrected = true;
    const t = toks[i]!.t;
    if (VAGUE_QUANTITY.has(t)) {
      // "several agents", "varios carros", "a lot of cops": a size with no count
      for (let j = i + 1; j <= Math.min(i + 3, toks.length - 1); j++) {
        if (isPunct(toks[j])) break;
        if (unitKind(toks[j]!.t)) out.vague = true;
      }
      if (allowBare && toks.length <= 3) out.vague = true;
      continue;
    }
    const q = quantityAt(toks, i);
    if (!q) continue;
    let { value, end } = q;
    const { article } = q;
    // Ranges: "3-4 agents", "3 o 4", "entre 3 y 4" → the larger number
    const joiner = toks[end + 1]?.t;
    const other = toks[end + 2] ? tokenNumber(toks[end + 2]!.t) : undefined;
    if (!article && joiner !== undefined && RANGE.has(joiner) && other !== undefined && other > value && other <= 999) {
      const before = toks[i - 1]?.t;
      if (joiner !== 'y' || before === 'entre' || before === 'between') {
        value = other;
        end += 2;
      }
    }
    if (!article && toks[end + 1]?.t === '+') end++; // "10+"
    const more = !article && MORE.has(toks[end + 1]?.t ?? '');
    if (more) end++;
    const unit = unitAfter(toks, i, end, article, claimed);
    let victims = false;
    let found = unit;
    if (
      found?.kind === 'agents' &&
      (found.at < 0 || GENERIC_PEOPLE.has(toks[found.at]!.t) || victimBefore(toks, i, 3)) &&
      victimBefore(toks, i, 4)
    ) {
      found = undefined; // "se llevaron a 2 personas": the people taken, not agents
      victims = true;
    } else if (!found && victimBefore(toks, i, 3)) victims = true;
    let kind: Unit | 'bare' | undefined = found?.kind;
    if (!kind && more && last) kind = last.unit; // "y dos más"
    if (!kind && !article && !victims && value <= 200) kind = 'bare';
    if (kind) {
      if (found && found.at >= 0) claimed.add(found.at);
      if (corrected && last && (kind === 'bare' || last.unit === 'bare' || kind === last.unit)) {
        // "3 no espera, 4": the second replaces the first
        if (last.unit === 'bare') bare = undefined;
        else {
          const rest = (out[last.unit] ?? 0) - last.value;
          if (rest) out[last.unit] = rest;
          else delete out[last.unit];
        }
        if (kind === 'bare' && last.unit !== 'bare') kind = last.unit;
      }
      if (kind === 'bare') {
        if (bare === undefined || corrected) bare = value;
      } else {
        out[kind] = (out[kind] ?? 0) + value;
        if (kind === 'vehicles') out.hasVehicles = true;
        trackList(lists, kind, value, toks, found?.at ?? end);
      }
      last = { unit: kind, value };
      corrected = false;
    }
    i = Math.max(i, end);
  }
  for (const l of lists) {
    // A total followed by its breakdown counts once: "dos carros: una troca y un sedán"
    if (l.items >= 2 && l.sum === l.total) out[l.unit] = (out[l.unit] ?? 0) - l.sum;
  }
  if (allowBare && out.agents === undefined && out.vehicles === undefined && bare !== undefined) {
    out.agents = bare;
  }
  return out;
}

/** Opens a list after a total ("2 carros:") and adds later counts of the same unit to it. */
function trackList(
  lists: Array<{ unit: Unit; total: number; sum: number; items: number; open: boolean }>,
  unit: Unit,
  value: number,
  toks: Token[],
  at: number,
): void {
  const open = lists.find((l) => l.open && l.unit === unit);
  if (open) {
    open.sum += value;
    open.items++;
    if (open.sum >= open.total) open.open = false;
    return;
  }
  if (value >= 2 && LIST_START.has(toks[at + 1]?.t ?? '')) lists.push({ unit, total: value, sum: 0, items: 0, open: true });
}

/**
 * The unit a quantity counts, looking ahead and skipping adjectives and fillers ("2 black SUVs",
 * "3 ICE agents", "5 de la migra"), or behind for a label ("agentes: 4"). `at` is -1 when the
 * unit is implied: people in a vehicle ("three in a sedan").
 */
function unitAfter(toks: Token[], i: number, end: number, article: boolean, claimed: Set<number>): { kind: Unit; at: number } | undefined {
  // A classifier right after the number ("3 个 穿 背心 的 探员") does not use up a skip
  const maxSkip = (article ? 1 : 3) + (COUNTERS.has(toks[end + 1]?.t ?? '') ? 1 : 0);
  let unit: { kind: Unit; at: number } | undefined;
  let agency: number | undefined;
  for (let j = end + 1; j <= Math.min(end + 1 + maxSkip, toks.length - 1); j++) {
    const w = toks[j]!.t;
    if (isPunct(toks[j]) || NOT_COUNT_AFTER.has(w)) break;
    if (!article && inVehicle(toks, j)) {
      unit = { kind: 'agents', at: -1 };
      break;
    }
    if (tokenNumber(w) !== undefined) break;
    // "subieron a dos a la troca": a preposition before an article leads elsewhere
    if ((IN_WORDS.has(w) || w === 'a' || w === 'to') && DETERMINERS.has(toks[j + 1]?.t ?? '')) break;
    if (AGENCIES.has(w)) {
      agency ??= j;
      continue;
    }
    const kind = unitKind(w);
    if (kind && !(w === 'car' && toks[j + 1]?.t === 'wash')) {
      // "3 cop cars", "2 police vans": an agent word naming a vehicle
      const after = toks[j + 1]?.t;
      if (kind === 'agents' && after !== undefined && VEHICLE_WORDS.has(after)) unit = { kind: 'vehicles', at: j + 1 };
      else unit = { kind, at: j };
      break;
    }
  }
  if (!unit && agency !== undefined) unit = { kind: 'agents', at: agency };
  const prev = article || i === 0 ? undefined : labelBefore(toks, i, claimed);
  if (prev && (!unit || prev.colon || (unit.at >= 0 && toks[unit.at + 1] && tokenNumber(toks[unit.at + 1]!.t) !== undefined))) {
    unit = prev;
  }
  return unit;
}

const GLUED = /^(\d{1,3})([a-z]+)$/;

/** "4agents" → "4" "agents", "2suvs" → "2" "suvs" (only when the letters are a unit word). */
function splitGlued(toks: Token[]): Token[] {
  let out: Token[] | undefined;
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!;
    const c = tok.t.charCodeAt(0);
    const m = c >= 48 && c <= 57 ? GLUED.exec(tok.t) : null;
    if (m && unitKind(m[2]!)) {
      out ??= toks.slice(0, i);
      const cut = tok.start + m[1]!.length;
      out.push({ t: m[1]!, start: tok.start, end: cut }, { t: m[2]!, start: cut, end: tok.end });
    } else out?.push(tok);
  }
  return out ?? toks;
}

const FOUR_DIGITS = /^\d{4,}$/;
const TWO_DIGITS = /^\d{2}$/;
const DIGIT_START = /^\d/;

/** A number token is a count unless it is a clock time, a duration, an address or a ZIP. */
function isCount(toks: Token[], i: number): boolean {
  const tok = toks[i]!;
  if (FOUR_DIGITS.test(tok.t)) return false;
  const next = toks[i + 1];
  const prev = toks[i - 1];
  if (next && NOT_COUNT_AFTER.has(next.t)) return false;
  if (next && !unitKind(toks[i + 2]?.t ?? '') && ADDRESS_TAIL.has(toks[i + 2]?.t ?? '') && !VEHICLE_WORDS.has(next.t)) return false;
  if (next && next.t === ':' && toks[i + 2] && TWO_DIGITS.test(toks[i + 2]!.t)) return false;
  if (prev && (prev.t === ':' || prev.t === '#' || prev.t === '.' || prev.t === '$') && prev.end === tok.start) return false;
  if (next && next.t === '.' && next.start === tok.end && toks[i + 2] && DIGIT_START.test(toks[i + 2]!.t)) return false;
  if (prev && NOT_COUNT_BEFORE.has(prev.t) && !(prev.t === 'la' && toks[i + 1] && unitKind(toks[i + 1]!.t))) return false;
  // "a las 8", "como a la una", "desde las 7": a clock time
  if ((prev?.t === 'las' || prev?.t === 'la') && CLOCK_LEAD.has(toks[i - 2]?.t ?? '')) return false;
  // "7 eleven", "7-eleven": a shop
  if (tok.t === '7' && (next?.t === 'eleven' || (next?.t === '-' && toks[i + 2]?.t === 'eleven'))) return false;
  return true;
}

function labelBefore(toks: Token[], i: number, claimed: Set<number>): { kind: Unit; at: number; colon: boolean } | undefined {
  let j = i - 1;
  let colon = false;
  if (toks[j] && (toks[j]!.t === ':' || toks[j]!.t === '=')) {
    colon = true;
    j--;
  }
  if (j < 0) return undefined;
  const w = toks[j];
  if (!w || claimed.has(j)) return undefined;
  const kind = unitKind(w.t);
  return kind ? { kind, at: j, colon } : undefined;
}

function victimBefore(toks: Token[], i: number, within: number): boolean {
  for (let j = Math.max(0, i - within); j < i; j++) if (VICTIM_VERBS.has(toks[j]!.t)) return true;
  return false;
}
