import { splitClauses, type Span } from './clauses.js';
import { activityKind, describesVehicle, findMarkings, findPlates, weaponsMention } from './fields.js';
import { findCrossStreets, findZip } from './location.js';
import { findMapPoint, isLinkToken } from './map-link.js';
import { clean, fold, tokenize, trimPunct, type Token } from './normalize.js';
import { NUMBER_WORD_PATTERN } from './numbers.js';
import { AGENT_WORDS, findCounts, VEHICLE_WORDS } from './size.js';
import { findTimesIn, TimeEnv } from './time.js';
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
  clause: number;
}

/** Cuts a clause into pieces at time expressions and before place/description words. */
function piecesOf(src: string, folded: string, clause: Span, index: number, env: TimeEnv): Piece[] {
  const text = src.slice(clause.start, clause.end);
  const times = findTimesIn(folded.slice(clause.start, clause.end), text, env, { whole: true }).map((t) => ({ start: t.start + clause.start, end: t.end + clause.start, at: t.at }));
  const toks = tokenize(folded.slice(clause.start, clause.end)).map((t): Token => ({ t: t.t, start: t.start + clause.start, end: t.end + clause.start }));
  const cuts = new Set<number>();
  for (const t of times) {
    cuts.add(t.start);
    cuts.add(t.end);
  }
  const inTime = (pos: number): boolean => times.some((t) => pos > t.start && pos < t.end);
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    const prev = toks[i - 1]!.t;
    const next = toks[i + 1]?.t;
    const splits = SPLIT.has(t.t) || t.t === '@' || (t.t === 'next' && next === 'to') || (t.t === 'al' && next === 'lado');
    if (!splits || SPLIT.has(prev) || prev === 'de' || prev === 'of' || inTime(t.start)) continue;
    if (next === 'door' || next === 'doors' || next === 'puerta' || next === 'puertas' || (next === 'las' && toks[i + 2]?.t === 'puertas')) continue; // "knocking on doors"
    if (t.t === 'por' && next !== undefined && NOT_AFTER_POR.has(next) && next !== 'la' && next !== 'el') continue;
    cuts.add(t.start);
  }
  const points = [...cuts].filter((c) => c > clause.start && c < clause.end).sort((a, b) => a - b);
  const out: Piece[] = [];
  let from = clause.start;
  for (const p of [...points, clause.end]) {
    const span = trimEdges(src, from, p);
    if (span.end > span.start) {
      const time = times.find((t) => t.start === span.start || (t.start >= from && t.end <= p));
      out.push(time ? { ...span, kind: 'time', at: time.at, clause: index } : { ...span, clause: index });
    }
    from = p;
  }
  return out;
}

function trimEdges(src: string, start: number, end: number): Span {
  const raw = src.slice(start, end);
  const t = trimPunct(raw);
  if (!t) return { start, end: start };
  const s = start + raw.indexOf(t);
  return { start: s, end: s + t.length };
}

function classify(src: string, folded: string, piece: Piece): void {
  if (piece.kind) return;
  const f = folded.slice(piece.start, piece.end);
  const all = tokenize(f);
  const toks = all.filter((t) => /^[a-z0-9]/.test(t.t));
  const lead = all[0]?.t === '@' ? 'at' : toks[0]?.t ?? '';
  const rest = toks.slice((LOC_PREP.has(lead) || DESCRIBE_PREP.has(lead)) && all[0]?.t !== '@' ? 1 : 0);
  const strongLoc = STRONG_LOC.has(lead) || (lead === 'in' && toks[1]?.t === 'front');
  const counts = findCounts(f, { allowBare: false });
  const markings = findMarkings(f);
  const clothing = markings.some((m) => !AGENCY.has(m));
  const act = activityKind(f);
  const plates = findPlates(src.slice(piece.start, piece.end));
  const weapons = weaponsMention(f);
  const vehicleDesc = describesVehicle(f);
  if (plates.length > 0 || weapons !== undefined) piece.alsoEquipment = true;
  if (counts.agents !== undefined || counts.vehicles !== undefined) {
    piece.kind = 'size';
    if (counts.hasVehicles && vehicleDesc) piece.alsoEquipment = true; // "2 SUV negras"
    piece.alsoUniform = clothing; // "5 hombres de civil"
  } else if (strongLoc) piece.kind = 'location';
  else if (clothing && (DESCRIBE_PREP.has(lead) || !act)) piece.kind = 'uniform';
  else if (act) piece.kind = 'activity';
  else if (plates.length > 0 || weapons !== undefined || vehicleDesc) piece.kind = 'equipment';
  else if (markings.length > 0 && !LOC_PREP.has(lead)) piece.kind = 'uniform';
  else if (LOC_PREP.has(lead) && rest.length > 0 && !rest.every((t) => NOT_PLACE.has(t.t))) piece.kind = 'location';
  else if (toks.some((t) => PLACE_WORDS.has(t.t)) || findZip(f) || findCrossStreets(src.slice(piece.start, piece.end))) piece.kind = 'location';
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
    const unit = tokenize(before).find((t) => AGENT_WORDS.has(t.t) || VEHICLE_WORDS.has(t.t));
    const kind = unit && VEHICLE_WORDS.has(unit.t) ? 'vehicles' : 'agents';
    if (findCounts(before, { allowBare: false })[kind] !== undefined) continue;
    p.kind = 'size';
    p.unit = kind;
  }
}

function join(a: string | undefined, b: string): string {
  return a ? `${a}, ${b}` : b;
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
  src = src.replace(/\S+/g, (tok) => {
    if (!isLinkToken(tok)) return tok;
    if (MAP_HOST.test(tok)) mapLinks.push(tok);
    return ' '.repeat(tok.length);
  });
  const folded = fold(src);

  const pieces: Piece[] = [];
  const clauses = splitClauses(folded);
  const env = new TimeEnv(ctx);
  clauses.forEach((c, i) => pieces.push(...piecesOf(src, folded, c, i, env)));
  for (const p of pieces) classify(src, folded, p);
  lonelyCounts(folded, pieces);
  const slice = (p: Span): string => trimPunct(src.slice(p.start, p.end));

  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    switch (p.kind) {
      case 'time':
        if (!tip.time) tip.time = { text: slice(p), at: p.at! };
        break;
      case 'size': {
        const counts = p.unit
          ? { [p.unit]: findCounts(folded.slice(p.start, p.end), { allowBare: true }).agents }
          : findCounts(folded.slice(p.start, p.end), { allowBare: false });
        const size = tip.size ?? { text: '' };
        size.text = join(size.text || undefined, slice(p));
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
          tip.activity = kind ? { text: slice(p), kind } : { text: slice(p) };
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
        while (pieces[i + 1]?.kind === 'location' && pieces[i + 1]!.clause === p.clause && /^[\s,]*$/.test(src.slice(end, pieces[i + 1]!.start))) {
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
        tip.activity = { text: slice(c), kind };
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

function addUniform(tip: ExtractedTip, src: string, folded: string, p: Span): void {
  const words = trimPunct(src.slice(p.start, p.end)).replace(/^(?:con|with)\s+/i, '');
  const uniform = tip.uniform ?? { text: '', markings: [] };
  uniform.text = join(uniform.text || undefined, words);
  for (const m of findMarkings(folded.slice(p.start, p.end))) if (!uniform.markings.includes(m)) uniform.markings.push(m);
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
  const lead = /^(\S+)\s+/.exec(words);
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
