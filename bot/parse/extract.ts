import { splitClauses, type Span } from './clauses.js';
import { correctionStarts } from './corrections.js';
import { AGENT_WORDS, countTokens, findCounts, VEHICLE_WORDS, type SizeCounts } from './counts.js';
import {
  addEquipment,
  addUniform,
  blankLinksAndPhones,
  chooseLocation,
  countedClauses,
  crossStreetsIn,
  finish,
  join,
  setLocation,
  sliceOf,
  templateTip,
  type LocationCandidate,
} from './extract-fields.js';
import { activityKind, describesVehicle, findMarkings, findPlates, weaponsMention } from './fields.js';
import { findCrossStreets, findZip } from './streets.js';
import { findMapPoint } from './map-link.js';
import { clean, fold, isWordToken as isWordText, tokenize, trimPunct, type Token } from './normalize.js';
import { NUMBER_WORD_PATTERN, tokenNumber } from './numbers.js';
import { isUsableLocation } from './place.js';
import { parseTemplate } from './template.js';
import { findTimesIn, timeField, TimeEnv, type TimeMatch } from './time.js';
import type { ExtractedTip, TimeContext } from './types.js';
import { alternation, bounded, vocabularies, WORD_END, wordSet } from './vocab/index.js';

/** Words that start a new part of a clause: places ("en", "near", "frente") and descriptions ("con"). */
const SPLIT = wordSet((v) => v.pieces.split);
/** Words that end a piece: the cut comes after them (Korean postpositions "에", "앞"). */
const SPLIT_AFTER = wordSet((v) => v.pieces.splitAfter ?? '');
/** Two-word openers that split like one word ("next to", "al lado"). */
const SPLIT_PAIRS = wordSet((v) => v.pieces.splitPairs);
/** A preposition that splits before an article and a place noun ("a la escuela"). */
const SPLIT_BEFORE_PLACE = vocabularies().flatMap((v) =>
  v.pieces.splitBeforePlace
    ? [{ prep: v.pieces.splitBeforePlace.preposition, articles: new Set(v.pieces.splitBeforePlace.articles.split(/\s+/)) }]
    : [],
);
const PLACE_NOUNS = wordSet((v) => v.places.placeNouns);
const FILLERS = wordSet((v) => v.places.fillers);
/** Place words (one or two) whose phrase is always a location. */
const STRONG_LOC = wordSet((v) => v.pieces.strongLocation);
const LOC_PREP = wordSet((v) => v.pieces.locationPrepositions);
const DESCRIBE_PREP = wordSet((v) => v.pieces.describePrepositions);
const WITH = wordSet((v) => v.pieces.with);
const OF = wordSet((v) => v.pieces.of);
/** "por favor", "por eso"... are not places. */
const NOT_PLACE_PHRASES = wordSet((v) => v.pieces.notPlacePhrases);
/** Location words: a phrase with one of these names a place even without a preposition. */
const PLACE_WORDS = wordSet((v) => v.pieces.placeWords);
/** Phrases after a preposition that are not places ("on foot", "in the morning"). */
const NOT_PLACE = wordSet((v) => v.pieces.notPlace);
const DOORS = wordSet((v) => v.pieces.doors);

const AGENCY = new Set(['ICE', 'CBP', 'HSI', 'POLICE', 'FBI', 'DHS', 'ERO']);

const FIRSTHAND = new RegExp(
  `^\\s*(?:${alternation((v) => v.fields.firsthand.openers)})${WORD_END}|${bounded(alternation((v) => v.fields.firsthand.patterns))}`,
);

type Kind = 'size' | 'location' | 'uniform' | 'activity' | 'equipment' | 'time';

interface Piece extends Span {
  kind?: Kind;
  /** For a time piece: the time expression. */
  time?: TimeMatch;
  alsoEquipment?: boolean;
  alsoUniform?: boolean;
  /** For a lone number: what it counts. */
  unit?: 'agents' | 'vehicles';
  /** What `classify` found, kept for filling the fields: `findCounts(text, { allowBare: false })`. */
  counts?: SizeCounts;
  /** `findMarkings(text)`, when `classify` needed it. */
  markings?: string[];
  /** The clause's tokens inside the piece, when they are what `tokenize` gives for it (undefined when the piece cuts a token). */
  toks?: Token[] | undefined;
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
    const splits = SPLIT.has(t.t) || t.t === '@' || SPLIT_PAIRS.has(`${t.t} ${next}`) || beforePlace(t.t, next, toks[i + 2]?.t);
    if (SPLIT_AFTER.has(prev) && !SPLIT_AFTER.has(t.t) && !inTime(times, t.start)) {
      cuts.push(t.start);
      continue;
    }
    if (!splits || SPLIT.has(prev) || OF.has(prev) || inTime(times, t.start)) continue;
    if (next !== undefined && tokenNumber(prev) !== undefined && tokenNumber(next) !== undefined) continue; // "3 o 4": a range
    if (next !== undefined && (DOORS.has(next) || (FILLERS.has(next) && DOORS.has(toks[i + 2]?.t ?? '')))) continue; // "knocking on doors"
    if (next !== undefined && NOT_PLACE_PHRASES.has(`${t.t} ${next}`)) continue;
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
      if (time) out.push({ start: span.start, end: span.end, kind: 'time', time, clause: index });
      else out.push({ start: span.start, end: span.end, clause: index, toks: tokensWithin(toks, span.start, span.end) });
    }
    from = p;
  }
}

/** "a la escuela": a preposition that starts a place only before an article and a place noun. */
function beforePlace(word: string, next: string | undefined, after: string | undefined): boolean {
  if (next === undefined || after === undefined || !PLACE_NOUNS.has(after)) return false;
  return SPLIT_BEFORE_PLACE.some((b) => b.prep === word && b.articles.has(next));
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
  return isWordText(t.t);
}

function classify(src: string, folded: string, piece: Piece): void {
  if (piece.kind) return;
  const f = folded.slice(piece.start, piece.end);
  const all = piece.toks ?? tokenize(f);
  const toks: Token[] = [];
  for (const t of all) if (isWordToken(t)) toks.push(t);
  const lead = all[0]?.t === '@' ? 'at' : (toks[0]?.t ?? '');
  const strongLoc = STRONG_LOC.has(lead) || STRONG_LOC.has(`${lead} ${toks[1]?.t ?? ''}`);
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
  if (strongLoc || (!WITH.has(lead) && LOC_PREP.has(lead) && isUsableLocation(src.slice(piece.start, piece.end)))) {
    // "on 3rd St and Ford", "at the Costco parking lot": a drivable place, whatever words it holds
    piece.kind = 'location';
    if (plates.length > 0 || weapons !== undefined) piece.alsoEquipment = true;
    return;
  }
  const markings = findMarkings(f);
  piece.markings = markings;
  const act = activityKind(f);
  if (hasClothing(markings) && (DESCRIBE_PREP.has(lead) || !act)) piece.kind = 'uniform';
  else if (act) piece.kind = 'activity';
  else if (plates.length > 0 || weapons !== undefined || describesVehicle(f)) piece.kind = 'equipment';
  else if (markings.length > 0 && !LOC_PREP.has(lead)) piece.kind = 'uniform';
  else if (LOC_PREP.has(lead) && placeAfterPrep(toks, (LOC_PREP.has(lead) || DESCRIBE_PREP.has(lead)) && all[0]?.t !== '@' ? 1 : 0))
    piece.kind = 'location';
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
  `^(?:(?:${alternation((v) => v.pieces.countLeadPatterns)})\\s+){0,2}(\\d{1,3}|${NUMBER_WORD_PATTERN})\\+?$`,
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

const ONLY_COMMAS = /^[\s,]*$/;

/**
 * Pulls every SALUTE field it can find out of a free-form first message ("4 agentes con
 * chalecos de ICE en 1st y Soto, ahora, 2 SUV negras"). The text is split into clauses
 * (commas, periods, newlines, "y"/"and" between clauses) and each clause into pieces at place
 * and description words; each piece goes to at most one field (exceptions: a vehicle count
 * that also describes the vehicles goes to size and equipment, a count that describes clothing,
 * "5 hombres de civil", goes to size and uniform). Counts are read over the whole message, so
 * sums and lists come out right ("three in a sedan and two more in a pickup"). The location is
 * set only when a responder could drive there, and is the place where the agents are; a
 * correction replaces what it corrects ("3 no espera, 4", "ahora, bueno hace 5 min"). A message
 * in the SALUTE template ("S - 5 agents / A - ... / L - ...") is read field by field. Sets
 * `urgent` (see ExtractedTip), `atOwnDoor` and `firsthand`; phone numbers and e-mail addresses
 * never reach a field. Only fields that were found are set; a greeting gives {}.
 */
export function extractTip(text: string, ctx: TimeContext): ExtractedTip {
  const tip: ExtractedTip = {};
  let src = clean(text);
  if (!src.trim()) return tip;
  const template = src.length <= 5000 ? parseTemplate(src) : undefined;
  if (template) return templateTip(template, src, ctx);
  const mapMatch = findMapPoint(src);
  if (mapMatch) src = src.slice(0, mapMatch.start) + ' '.repeat(mapMatch.end - mapMatch.start) + src.slice(mapMatch.end);
  // Blank out links and phone numbers (same length, so indexes stay valid); keep map links without coordinates
  const mapLinks: string[] = [];
  src = blankLinksAndPhones(src, mapLinks);
  const folded = fold(src);

  const pieces: Piece[] = [];
  const clauses = splitClauses(folded);
  const env = clauses.length > 0 ? new TimeEnv(ctx) : undefined;
  for (let i = 0; i < clauses.length; i++) piecesOf(src, folded, clauses[i]!, i, env!, pieces);
  for (const p of pieces) classify(src, folded, p);
  lonelyCounts(folded, pieces);
  const toks = tokenize(folded);
  const corrections = [...correctionStarts(toks)].map((i) => toks[i]!.start);

  const locations: LocationCandidate[] = [];
  const pieceCounts: { agents?: number; vehicles?: number } = {};
  let time: { piece: Piece; match: TimeMatch } | undefined;
  let countText = folded;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    switch (p.kind) {
      case 'time': {
        countText = countText.slice(0, p.start) + ' '.repeat(p.end - p.start) + countText.slice(p.end);
        const corrected = time !== undefined && corrections.some((at) => at > time!.piece.end && at <= p.start);
        if (!time || corrected) time = { piece: p, match: p.time! };
        break;
      }
      case 'size': {
        const counts = p.unit
          ? { [p.unit]: findCounts(folded.slice(p.start, p.end), { allowBare: true }).agents }
          : (p.counts ?? findCounts(folded.slice(p.start, p.end), { allowBare: false }));
        const size = tip.size ?? { text: '' };
        size.text = join(size.text || undefined, sliceOf(src, p));
        if (counts.agents !== undefined) pieceCounts.agents = (pieceCounts.agents ?? 0) + counts.agents;
        if (counts.vehicles !== undefined) pieceCounts.vehicles = (pieceCounts.vehicles ?? 0) + counts.vehicles;
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
        while (
          pieces[i + 1]?.kind === 'location' &&
          pieces[i + 1]!.clause === p.clause &&
          ONLY_COMMAS.test(src.slice(end, pieces[i + 1]!.start))
        ) {
          end = pieces[++i]!.end;
        }
        locations.push({ start: p.start, end, clause: p.clause });
        break;
      }
      default:
        break;
    }
  }
  if (time) tip.time = timeField(sliceOf(src, time.piece), time.match, ctx);
  const place = chooseLocation(src, folded, clauses, locations, corrections);
  if (place) setLocation(tip, place);
  else crossStreetsIn(tip, src, clauses);
  // Counts over the whole message (times blanked): sums, lists and corrections across clauses
  const whole = findCounts(countText, { allowBare: false });
  const agents = whole.agents ?? pieceCounts.agents;
  const vehicles = whole.vehicles ?? pieceCounts.vehicles;
  if (agents !== undefined || vehicles !== undefined) {
    const size = tip.size ?? { text: countedClauses(src, countText, clauses) };
    delete size.agents;
    delete size.vehicles;
    if (agents !== undefined) size.agents = agents;
    if (vehicles !== undefined) size.vehicles = vehicles;
    tip.size = size;
  } else if (tip.size) delete tip.size;
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
  finish(tip, all);
  if (FIRSTHAND.test(all)) tip.firsthand = true;
  return tip;
}
