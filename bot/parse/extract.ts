import { splitClauses, type Span } from './clauses.js';
import { activityKind, describesVehicle, findMarkings, findPlates, weaponsMention } from './fields.js';
import { findCrossStreets, findZip } from './location.js';
import { findMapPoint, isLinkToken } from './map-link.js';
import { clean, fold, tokenize, trimPunct, type Token } from './normalize.js';
import { NUMBER_WORD_PATTERN } from './numbers.js';
import { AGENT_WORDS, countTokens, findCounts, VEHICLE_WORDS, type SizeCounts } from './size.js';
import { findTimesIn, TimeEnv, type TimeMatch } from './time.js';
import type { ExtractedTip, TimeContext } from './types.js';

function set(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/** Words that start a new part of a clause: places ("en", "near", "frente") and descriptions ("con"). */
const SPLIT = set('en at on in near cerca frente enfrente afuera outside across behind detras junto inside dentro por con with wearing vestidos usando');
/** Place words whose phrase is always a location. */
const STRONG_LOC = set('near cerca frente enfrente afuera outside across behind detras junto next inside dentro al');
/** Simple prepositions dropped from the front of a location ("en 1st y Soto" → "1st y Soto"). */
const SIMPLE_PREP = set('en at on in');
const LOC_PREP = set('en at on in por');
const DESCRIBE_PREP = set('con with wearing vestidos usando en in');
/** "por favor", "por eso"... are not places. */
const NOT_AFTER_POR = set('favor eso que cierto si lo fin ahora la el');
/** Location words: a phrase with one of these names a place even without a preposition. */
const PLACE_WORDS = set(
  `walmart target costco lowes depot school escuela tienda store church iglesia park parque corner esquina calle
   street avenida ave blvd boulevard parking estacionamiento gasolinera laundromat lavanderia mercado market
   swap hospital clinica clinic courthouse corte bus parada station estacion metro downtown centro barrio
   neighborhood colonia plaza mall restaurant restaurante taqueria panaderia apartments apartamentos
   edificio building freeway highway carretera`
);
/** Phrases after a preposition that are not places ("on foot", "in the morning"). */
const NOT_PLACE = set('foot pie duty the a way morning afternoon evening night manana tarde noche general serio total favor time it them all');

const MAP_HOST = /^(?:https?:\/\/)?(?:[a-z0-9-]+\.){0,3}(?:goo\.gl|google\.[a-z.]{2,6}\/maps|maps\.google\.|maps\.apple\.com|openstreetmap\.org|osm\.org|waze\.com|bing\.com\/maps)/i;

const AGENCY = new Set(['ICE', 'CBP', 'HSI', 'POLICE', 'FBI', 'DHS', 'ERO']);

const URGENT =
  /\b(?:arresting|detaining|grabbing|handcuffing|taking\s+(?:someone|somebody|people|him|her|them|a\s+\w+|my\s+\w+)|being\s+(?:detained|arrested|taken)|deteniendo|detienen|arrestando|agarrando|esposando|llevandose|se\s+(?:lo\s+|la\s+|los\s+|las\s+|le\s+|les\s+)?(?:estan\s+llevando|esta\s+llevando|llevan|lleva)|estan\s+(?:deteniendo|arrestando|agarrando|llevando|esposando))\b/;
const NOW_WORD = /\b(?:right\s+now|now|ahora|ahorita|en\s+este\s+momento|ahora\s+mismo|ahorita\s+mismo|happening)\b/;
const FIRSTHAND =
  /^\s*(?:just\s+)?(?:saw|seeing|vi|veo|viendo)\b|\b(?:(?:yo\s+)?(?:lo|la|los|las)\s+(?:vi|estoy\s+viendo|estoy\s+mirando|acabo\s+de\s+ver)|yo\s+vi|vi\s+(?:a|que|como|unos|unas|un|una|dos|tres|cuatro|cinco|\d)|estoy\s+viendo|estoy\s+mirando|acabo\s+de\s+ver|i\s+(?:just\s+)?saw|i\s+see|i\s+can\s+see|i\s+just\s+seen|(?:i'?m|i\s+am)\s+(?:watching|seeing|looking\s+at)|just\s+saw|i\s+witnessed|(?:los\s+)?tengo\s+enfrente)\b/;

type Kind = 'size' | 'location' | 'uniform' | 'activity' | 'equipment' | 'time';

interface Piece extends Span {
  kind?: Kind;
  at?: number;
  alsoEquipment?: boolean;
  alsoUniform?: boolean;
  /** For a lone number: what it counts. */
  unit?: 'agents' | 'vehicles';
  /** What `classify` found, kept for filling the fields: `findCounts(text, { allowBare: false })`. */
  counts?: SizeCounts;
  /** `findMarkings(text)`, when `classify` needed it. */
  markings?: string[];
  /** The clause's tokens inside the piece, when they are what `tokenize` gives for it. */
  toks?: Token[];
  clause: number;
}

/** Cuts a clause into pieces at time expressions and before place/description words. */
function piecesOf(src: string, folded: string, clause: Span, index: number, env: TimeEnv, out: Piece[]): void {
  const cs = clause.start;
  const ce = clause.end;
  const times = findTimesIn(folded.slice(cs, ce), src.slice(cs, ce), env, { whole: true });
  for (const t of times) {
    t.start += cs;
    t.end += cs;
  }
  const toks = tokenize(folded.slice(cs, ce));
  for (const t of toks) {
    t.start += cs;
    t.end += cs;
  }
  const cuts: number[] = [];
  for (const t of times) cuts.push(t.start, t.end);
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    const prev = toks[i - 1]!.t;
    const next = toks[i + 1]?.t;
    const splits = SPLIT.has(t.t) || t.t === '@' || (t.t === 'next' && next === 'to') || (t.t === 'al' && next === 'lado');
    if (!splits || SPLIT.has(prev) || prev === 'de' || prev === 'of' || inTime(times, t.start)) continue;
    if (next === 'door' || next === 'doors' || next === 'puerta' || next === 'puertas' || (next === 'las' && toks[i + 2]?.t === 'puertas')) continue; // "knocking on doors"
    if (t.t === 'por' && next !== undefined && NOT_AFTER_POR.has(next) && next !== 'la' && next !== 'el') continue;
    cuts.push(t.start);
  }
  // Distinct cut points inside the clause, in order, then the clause end
  const points: number[] = [];
  for (const c of cuts) if (c > cs && c < ce) points.push(c);
  if (points.length > 1) sortNumbers(points);
  let from = cs;
  let last = -1;
  for (let k = 0; k <= points.length; k++) {
    const p = k < points.length ? points[k]! : ce;
    if (k < points.length && p === last) continue;
    last = p;
    const span = trimEdges(src, from, p);
    if (span.end > span.start) {
      let time: TimeMatch | undefined;
      for (const t of times) {
        if (t.start === span.start || (t.start >= from && t.end <= p)) {
          time = t;
          break;
        }
      }
      if (time) out.push({ start: span.start, end: span.end, kind: 'time', at: time.at, clause: index });
      else out.push({ start: span.start, end: span.end, clause: index, toks: tokensWithin(toks, span.start, span.end) });
    }
    from = p;
  }
}

/**
 * The tokens of [start, end), taken from the clause's tokens: the same as tokenizing that text
 * (offsets aside) when no token crosses either end, else undefined.
 */
function tokensWithin(toks: Token[], start: number, end: number): Token[] | undefined {
  let i = 0;
  while (i < toks.length && toks[i]!.end <= start) i++;
  const first = i;
  while (i < toks.length && toks[i]!.end <= end) i++;
  if (first < toks.length && toks[first]!.start < start) return undefined; // crosses the start
  if (i < toks.length && toks[i]!.start < end) return undefined; // crosses the end
  return toks.slice(first, i);
}

/** Ascending, in place (insertion sort: a clause has a handful of cut points). */
function sortNumbers(a: number[]): void {
  for (let i = 1; i < a.length; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > x) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
}

function inTime(times: TimeMatch[], pos: number): boolean {
  for (const t of times) if (pos > t.start && pos < t.end) return true;
  return false;
}

function trimEdges(src: string, start: number, end: number): Span {
  const raw = src.slice(start, end);
  const t = trimPunct(raw);
  if (!t) return { start, end: start };
  const s = start + raw.indexOf(t);
  return { start: s, end: s + t.length };
}

function isWordToken(t: Token): boolean {
  const c = t.t.charCodeAt(0);
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

function classify(src: string, folded: string, piece: Piece): void {
  if (piece.kind) return;
  const f = folded.slice(piece.start, piece.end);
  const all = piece.toks ?? tokenize(f);
  const toks: Token[] = [];
  for (const t of all) if (isWordToken(t)) toks.push(t);
  const lead = all[0]?.t === '@' ? 'at' : toks[0]?.t ?? '';
  const strongLoc = STRONG_LOC.has(lead) || (lead === 'in' && toks[1]?.t === 'front');
  const counts = countTokens(all, false);
  piece.counts = counts;
  const plates = findPlates(src.slice(piece.start, piece.end));
  const weapons = weaponsMention(f);
  if (plates.length > 0 || weapons !== undefined) piece.alsoEquipment = true;
  if (counts.agents !== undefined || counts.vehicles !== undefined) {
    piece.kind = 'size';
    if (counts.hasVehicles && describesVehicle(f)) piece.alsoEquipment = true; // "2 SUV negras"
    piece.markings = findMarkings(f);
    piece.alsoUniform = hasClothing(piece.markings); // "5 hombres de civil"
    return;
  }
  if (strongLoc) {
    piece.kind = 'location';
    return;
  }
  const markings = findMarkings(f);
  piece.markings = markings;
  const act = activityKind(f);
  if (hasClothing(markings) && (DESCRIBE_PREP.has(lead) || !act)) piece.kind = 'uniform';
  else if (act) piece.kind = 'activity';
  else if (plates.length > 0 || weapons !== undefined || describesVehicle(f)) piece.kind = 'equipment';
  else if (markings.length > 0 && !LOC_PREP.has(lead)) piece.kind = 'uniform';
  else if (LOC_PREP.has(lead) && placeAfterPrep(toks, (LOC_PREP.has(lead) || DESCRIBE_PREP.has(lead)) && all[0]?.t !== '@' ? 1 : 0)) piece.kind = 'location';
  else if (hasPlaceWord(toks) || findZip(f) || findCrossStreets(src.slice(piece.start, piece.end))) piece.kind = 'location';
}

/** Some marking is clothing rather than an agency. */
function hasClothing(markings: string[]): boolean {
  for (const m of markings) if (!AGENCY.has(m)) return true;
  return false;
}

/** The words after the preposition (from `skip`) are there and not all in NOT_PLACE. */
function placeAfterPrep(toks: Token[], skip: number): boolean {
  if (toks.length <= skip) return false;
  for (let i = skip; i < toks.length; i++) if (!NOT_PLACE.has(toks[i]!.t)) return true;
  return false;
}

function hasPlaceWord(toks: Token[]): boolean {
  for (const t of toks) if (PLACE_WORDS.has(t.t)) return true;
  return false;
}

const LONELY_NUMBER = new RegExp(
  `^(?:(?:son|eran|hay|habia|there\\s+are|there\\s+were|they\\s+are|they're|theyre|como|unos|unas|like|about|around|approx|aprox|maybe|mas\\s+o\\s+menos|almost|casi|at\\s+least|al\\s+menos)\\s+){0,2}(\\d{1,3}|${NUMBER_WORD_PATTERN})\\+?$`
);

/**
 * "agentes encapuchados, como 8", "son como 15": a clause that is only a number counts what the
 * piece before it named, or agents.
 */
function lonelyCounts(folded: string, pieces: Piece[]): void {
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (p.kind) continue;
    if (i === 0) {
      if (LONELY_NUMBER.test(folded.slice(p.start, p.end)) && pieces.length > 1) {
        p.kind = 'size';
        p.unit = 'agents';
      }
      continue;
    }
    const m = LONELY_NUMBER.exec(folded.slice(p.start, p.end));
    if (!m) continue;
    const before = folded.slice(pieces[i - 1]!.start, pieces[i - 1]!.end);
    let unit: Token | undefined;
    for (const t of tokenize(before)) {
      if (AGENT_WORDS.has(t.t) || VEHICLE_WORDS.has(t.t)) {
        unit = t;
        break;
      }
    }
    const kind = unit && VEHICLE_WORDS.has(unit.t) ? 'vehicles' : 'agents';
    if (findCounts(before, { allowBare: false })[kind] !== undefined) continue;
    p.kind = 'size';
    p.unit = kind;
  }
}

function sliceOf(src: string, p: Span): string {
  return trimPunct(src.slice(p.start, p.end));
}

function join(a: string | undefined, b: string): string {
  return a ? `${a}, ${b}` : b;
}

const NON_SPACE_RUN = /\S+/g;
const ONLY_COMMAS = /^[\s,]*$/;

/**
 * `src` with every link token replaced by as many spaces; map links are added to `mapLinks`.
 * Only tokens with a "." or ":" can be links.
 */
function blankLinks(src: string, mapLinks: string[]): string {
  if (!src.includes('.') && !src.includes(':')) return src;
  let out = '';
  let copied = 0;
  NON_SPACE_RUN.lastIndex = 0;
  for (let m = NON_SPACE_RUN.exec(src); m !== null; m = NON_SPACE_RUN.exec(src)) {
    const tok = m[0];
    if ((!tok.includes('.') && !tok.includes(':')) || !isLinkToken(tok)) continue;
    if (MAP_HOST.test(tok)) mapLinks.push(tok);
    out += src.slice(copied, m.index) + ' '.repeat(tok.length);
    copied = m.index + tok.length;
  }
  return copied === 0 ? src : out + src.slice(copied);
}

/**
 * Pulls every SALUTE field it can find out of a free-form first message ("4 agentes con
 * chalecos de ICE en 1st y Soto, ahora, 2 SUV negras"). The text is split into clauses
 * (commas, periods, newlines, "y"/"and" between clauses) and each clause into pieces at place
 * and description words; each piece goes to at most one field (exceptions: a vehicle count
 * that also describes the vehicles goes to size and equipment, a count that describes clothing,
 * "5 hombres de civil", goes to size and uniform). Sets `urgent` when someone is being
 * detained right now and `firsthand` when the sender says they saw it. Only fields that were
 * found are set; a greeting gives {}.
 */
export function extractTip(text: string, ctx: TimeContext): ExtractedTip {
  const tip: ExtractedTip = {};
  let src = clean(text);
  if (!src.trim()) return tip;
  const mapMatch = findMapPoint(src);
  if (mapMatch) src = src.slice(0, mapMatch.start) + ' '.repeat(mapMatch.end - mapMatch.start) + src.slice(mapMatch.end);
  // Blank out links (same length, so indexes stay valid); keep map links without coordinates
  const mapLinks: string[] = [];
  src = blankLinks(src, mapLinks);
  const folded = fold(src);

  const pieces: Piece[] = [];
  const clauses = splitClauses(folded);
  const env = clauses.length > 0 ? new TimeEnv(ctx) : undefined;
  for (let i = 0; i < clauses.length; i++) piecesOf(src, folded, clauses[i]!, i, env!, pieces);
  for (const p of pieces) classify(src, folded, p);
  lonelyCounts(folded, pieces);

  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    switch (p.kind) {
      case 'time':
        if (!tip.time) tip.time = { text: sliceOf(src, p), at: p.at! };
        break;
      case 'size': {
        const counts = p.unit
          ? { [p.unit]: findCounts(folded.slice(p.start, p.end), { allowBare: true }).agents }
          : (p.counts ?? findCounts(folded.slice(p.start, p.end), { allowBare: false }));
        const size = tip.size ?? { text: '' };
        size.text = join(size.text || undefined, sliceOf(src, p));
        if (counts.agents !== undefined) size.agents = (size.agents ?? 0) + counts.agents;
        if (counts.vehicles !== undefined) size.vehicles = (size.vehicles ?? 0) + counts.vehicles;
        tip.size = size;
        if (p.alsoEquipment) addEquipment(tip, src, folded, p);
        if (p.alsoUniform) addUniform(tip, src, folded, p);
        break;
      }
      case 'uniform':
        addUniform(tip, src, folded, p);
        if (p.alsoEquipment) addEquipment(tip, src, folded, p);
        break;
      case 'activity':
        if (!tip.activity) {
          const kind = activityKind(folded.slice(p.start, p.end));
          tip.activity = kind ? { text: sliceOf(src, p), kind } : { text: sliceOf(src, p) };
        }
        if (p.alsoEquipment) addEquipment(tip, src, folded, p);
        break;
      case 'equipment':
        addEquipment(tip, src, folded, p);
        break;
      case 'location': {
        if (p.alsoEquipment) addEquipment(tip, src, folded, p);
        // Adjacent location pieces in one clause form one place ("at the Walmart on Cesar Chavez")
        let end = p.end;
        while (pieces[i + 1]?.kind === 'location' && pieces[i + 1]!.clause === p.clause && ONLY_COMMAS.test(src.slice(end, pieces[i + 1]!.start))) {
          end = pieces[++i]!.end;
        }
        addLocation(tip, src, { start: p.start, end });
        break;
      }
      default:
        break;
    }
  }
  if (!tip.activity) {
    // An activity word inside a piece used for something else ("3 carros estacionados")
    for (const c of clauses) {
      const kind = activityKind(folded.slice(c.start, c.end));
      if (kind) {
        tip.activity = { text: sliceOf(src, c), kind };
        break;
      }
    }
  }
  if (mapLinks.length > 0) {
    // A short link (maps.app.goo.gl/…) has no coordinates, but a person can open it
    const loc = tip.location ?? {};
    loc.text = join(loc.text, mapLinks.join(' '));
    tip.location = loc;
  }
  if (mapMatch) tip.location = { ...(tip.location ?? {}), point: mapMatch.point };
  const all = folded.slice(0, 20_000);
  if (tip.activity?.kind === 'arrest' && (URGENT.test(all) || NOW_WORD.test(all))) tip.urgent = true;
  else if (URGENT.test(all)) tip.urgent = true;
  if (FIRSTHAND.test(all)) tip.firsthand = true;
  return tip;
}

const LEAD_CON = /^(?:con|with)\s+/i;
const FIRST_WORD = /^(\S+)\s+/;

function addUniform(tip: ExtractedTip, src: string, folded: string, p: Piece): void {
  const words = trimPunct(src.slice(p.start, p.end)).replace(LEAD_CON, '');
  const uniform = tip.uniform ?? { text: '', markings: [] };
  uniform.text = join(uniform.text || undefined, words);
  for (const m of p.markings ?? findMarkings(folded.slice(p.start, p.end))) if (!uniform.markings.includes(m)) uniform.markings.push(m);
  tip.uniform = uniform;
}

function addEquipment(tip: ExtractedTip, src: string, folded: string, p: Span): void {
  const words = trimPunct(src.slice(p.start, p.end));
  const eq = tip.equipment ?? { text: '', plates: [] };
  eq.text = join(eq.text || undefined, words);
  for (const plate of findPlates(words)) if (!eq.plates.includes(plate)) eq.plates.push(plate);
  const weapons = weaponsMention(folded.slice(p.start, p.end));
  if (weapons === true || (weapons === false && eq.weapons === undefined)) eq.weapons = weapons;
  tip.equipment = eq;
}

function addLocation(tip: ExtractedTip, src: string, span: Span): void {
  let words = trimPunct(src.slice(span.start, span.end));
  const lead = FIRST_WORD.exec(words);
  if (lead && SIMPLE_PREP.has(fold(lead[1]!))) words = words.slice(lead[0].length);
  else if (words.startsWith('@')) words = words.slice(1).trim();
  if (!words) return;
  const loc = tip.location ?? {};
  loc.text = join(loc.text, words);
  if (!loc.zip) {
    const zip = findZip(words);
    if (zip) loc.zip = zip;
  }
  if (!loc.crossStreets) {
    const cross = findCrossStreets(words, true);
    if (cross) loc.crossStreets = cross;
  }
  tip.location = loc;
}
