import { clean, fold, tokenize, type Token } from './normalize.js';
import { ARTICLE_ONE, tokenNumber, VAGUE_QUANTITY } from './numbers.js';
import type { SizeField } from './types.js';

/** Words for vehicles (folded, singular and plural). */
export const VEHICLE_WORDS = new Set(
  `car cars vehicle vehicles van vans minivan minivans truck trucks pickup pickups suv suvs
   suburban suburbans tahoe tahoes sedan sedans jeep jeeps unit units cruiser cruisers
   camioneta camionetas carro carros coche coches auto autos vehiculo vehiculos patrulla patrullas
   troca trocas camion camiones unidad unidades`
    .split(/\s+/)
    .filter(Boolean)
);

/** Words for agents/people (folded). */
export const AGENT_WORDS = new Set(
  `agent agents officer officers officers man men people person persons guys guy cops cop
   deputies deputy marshals
   agente agentes oficial oficiales hombre hombres policia policias persona personas migra migras
   tipos sujetos elementos federales`
    .split(/\s+/)
    .filter(Boolean)
);

/** Agent words that may just as well mean the people being detained. */
const GENERIC_PEOPLE = new Set(['man', 'men', 'people', 'person', 'persons', 'guys', 'guy', 'hombre', 'hombres', 'persona', 'personas', 'tipos']);

/** After a number, these make it a duration, a clock time or an address, not a count. */
const NOT_COUNT_AFTER = new Set(
  `min mins minute minutes minuto minutos hr hrs hour hours hora horas h m s sec secs seconds segundos
   am pm dias days day dia ago atras st nd rd th street calle ave avenue avenida blvd freeway highway
   hwy fwy mph miles millas cuadras blocks block o'clock oclock years anos meses months`
    .split(/\s+/)
    .filter(Boolean)
);

/** Before a number, these make it a clock time or an address. */
const NOT_COUNT_BEFORE = new Set(
  `at alas calle street st ave avenue avenida av highway hwy route ruta carretera interstate
   numero num apt suite hace before after since until till antes despues`
    .split(/\s+/)
    .filter(Boolean)
);

/** "a las", "desde las"... before a number make it a clock time. */
const CLOCK_LEAD = new Set(['a', 'como', 'tipo', 'desde', 'hasta', 'entre', 'eso']);

/** Words meaning someone is being taken: a count of "people" right after them is not agents. */
const ARREST_WORDS = new Set(
  `detained detaining arrested arresting took taking grabbed grabbing llevaron llevan llevo detuvieron
   detienen deteniendo arrestaron arrestando agarraron agarrando levantaron capturaron`
    .split(/\s+/)
    .filter(Boolean)
);

/** Range joiners: "3-4", "3 or 4", "3 o 4", "3 a 4", "3 to 4". */
const RANGE = new Set(['-', 'or', 'to', 'o', 'a', 'y']);

export interface SizeCounts {
  agents?: number;
  vehicles?: number;
  /** A vague quantity ("several", "varios") was given without a number. */
  vague: boolean;
  /** Some count was for vehicles. */
  hasVehicles: boolean;
}

function isPunct(tok: Token | undefined): boolean {
  if (tok === undefined) return false;
  const c = tok.t.charCodeAt(0);
  return !((c >= 97 && c <= 122) || (c >= 48 && c <= 57));
}

function unitKind(word: string): 'agents' | 'vehicles' | undefined {
  if (VEHICLE_WORDS.has(word)) return 'vehicles';
  if (AGENT_WORDS.has(word)) return 'agents';
  // "suv's", "suvs"
  const stem = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (VEHICLE_WORDS.has(stem)) return 'vehicles';
  if (AGENT_WORDS.has(stem)) return 'agents';
  return undefined;
}

/**
 * Finds agent and vehicle counts in folded text. With `allowBare`, a lone number with no unit
 * ("like 5", "unos 6") counts as agents. Linear in the number of tokens.
 */
export function findCounts(folded: string, opts: { allowBare: boolean }): SizeCounts {
  return countTokens(tokenize(folded), opts.allowBare);
}

/** `findCounts` on the tokens of folded text (`tokenize(folded)`, not changed). */
export function countTokens(tokens: Token[], allowBare: boolean): SizeCounts {
  const toks = splitGlued(tokens);
  const claimed: number[] = []; // unit words already used by a count
  const out: SizeCounts = { vague: false, hasVehicles: false };
  let bare: number | undefined;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!.t;
    let value: number | undefined;
    let end = i; // last token of the quantity
    let article = false;
    const next = toks[i + 1]?.t;
    if ((t === 'a' || t === 'un') && (next === 'couple' || next === 'par')) {
      value = 2;
      end = i + 1;
    } else if (t === 'couple') {
      value = 2;
    } else if ((t === 'half' && next === 'a' && toks[i + 2]?.t === 'dozen') || (t === 'media' && next === 'docena')) {
      value = 6;
      end = t === 'half' ? i + 2 : i + 1;
    } else if (ARTICLE_ONE.has(t) && (next === 'dozen' || next === 'docena')) {
      value = 12;
      end = i + 1;
    } else if (ARTICLE_ONE.has(t)) {
      value = 1;
      article = true;
    } else if (VAGUE_QUANTITY.has(t)) {
      // "several agents", "varios carros", "a lot of cops": a size with no count
      for (let j = i + 1; j <= Math.min(i + 3, toks.length - 1); j++) {
        if (isPunct(toks[j])) break;
        if (unitKind(toks[j]!.t)) out.vague = true;
      }
      if (allowBare && toks.length <= 3) out.vague = true;
      continue;
    } else {
      value = tokenNumber(t);
      if (value === undefined || !isCount(toks, i)) continue;
    }
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
    // Look ahead for the unit, skipping adjectives and fillers ("2 black SUVs", "3 ICE agents")
    const maxSkip = article ? 1 : 3;
    let unit: { kind: 'agents' | 'vehicles'; at: number } | undefined;
    for (let j = end + 1; j <= Math.min(end + 1 + maxSkip, toks.length - 1); j++) {
      const w = toks[j]!.t;
      if (isPunct(toks[j]) || tokenNumber(w) !== undefined || NOT_COUNT_AFTER.has(w)) break;
      const kind = unitKind(w);
      if (kind && !(w === 'car' && toks[j + 1]?.t === 'wash')) {
        unit = { kind, at: j };
        break;
      }
    }
    // Or look behind for a label: "agentes: 4", "carros 2"
    const prev = article || i === 0 ? undefined : labelBefore(toks, i, claimed);
    if (prev && (!unit || prev.colon || (toks[unit.at + 1] && tokenNumber(toks[unit.at + 1]!.t) !== undefined))) {
      unit = prev;
    }
    let victims = false;
    if (unit && (GENERIC_PEOPLE.has(toks[unit.at]!.t) || arrestBefore(toks, i, 3)) && arrestBefore(toks, i, 4)) {
      unit = undefined; // "se llevaron a 2 personas": the people taken, not agents
      victims = true;
    }
    if (unit) {
      claimed.push(unit.at);
      out[unit.kind] = (out[unit.kind] ?? 0) + value;
      if (unit.kind === 'vehicles') out.hasVehicles = true;
    } else if (bare === undefined && !article && !victims && value <= 200) {
      bare = value;
    }
    i = Math.max(i, end);
  }
  if (allowBare && out.agents === undefined && out.vehicles === undefined && bare !== undefined) {
    out.agents = bare;
  }
  return out;
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
  if (next && next.t === ':' && toks[i + 2] && TWO_DIGITS.test(toks[i + 2]!.t)) return false;
  if (prev && (prev.t === ':' || prev.t === '#' || prev.t === '.' || prev.t === '$') && prev.end === tok.start) return false;
  if (next && next.t === '.' && next.start === tok.end && toks[i + 2] && DIGIT_START.test(toks[i + 2]!.t)) return false;
  if (prev && NOT_COUNT_BEFORE.has(prev.t)) return false;
  // "a las 8", "como a la una", "desde las 7": a clock time
  if ((prev?.t === 'las' || prev?.t === 'la') && CLOCK_LEAD.has(toks[i - 2]?.t ?? '')) return false;
  return true;
}

function labelBefore(
  toks: Token[],
  i: number,
  claimed: number[]
): { kind: 'agents' | 'vehicles'; at: number; colon: boolean } | undefined {
  let j = i - 1;
  let colon = false;
  if (toks[j] && (toks[j]!.t === ':' || toks[j]!.t === '=')) {
    colon = true;
    j--;
  }
  if (j < 0) return undefined;
  const w = toks[j];
  if (!w || claimed.includes(j)) return undefined;
  const kind = unitKind(w.t);
  return kind ? { kind, at: j, colon } : undefined;
}

function arrestBefore(toks: Token[], i: number, within: number): boolean {
  for (let j = Math.max(0, i - within); j < i; j++) if (ARREST_WORDS.has(toks[j]!.t)) return true;
  return false;
}

/**
 * Counts of agents and vehicles, from digits or number words in English or Spanish
 * ("4 agents 2 cars", "cuatro agentes y dos camionetas", "3 SUVs", "unos 6 oficiales",
 * "a couple"/"un par" = 2). A bare number with no unit ("like 5") counts as agents.
 * Vague answers ("several", "varios agentes") give a field with no counts.
 * Undefined when the text says nothing about numbers. `text` is the trimmed input.
 */
export function parseSize(text: string): SizeField | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const counts = findCounts(fold(clean(trimmed)), { allowBare: true });
  if (counts.agents === undefined && counts.vehicles === undefined && !counts.vague) return undefined;
  const field: SizeField = { text: trimmed };
  if (counts.agents !== undefined) field.agents = counts.agents;
  if (counts.vehicles !== undefined) field.vehicles = counts.vehicles;
  return field;
}
