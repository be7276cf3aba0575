import { clean, fold, tokenize } from './normalize.js';
import type { ActivityField, ActivityKind, EquipmentField, UniformField } from './types.js';
import { alternation, bounded, phraseRegex, wordSet, type ActivityWordKind, type MarkingWord } from './vocab/index.js';

// All patterns run on folded text (lower case, no accents) and use only bounded or
// single-character-class repetition, so they stay linear on long input. The words come from
// the vocabularies (vocab/); agency letters and vehicle makes are the same in every language.

/** Activity kinds in the order they are tried: an arrest outranks a raid, and so on. */
const ACTIVITY_ORDER: ActivityWordKind[] = ['arrest', 'raid', 'checkpoint', 'door_knocking', 'surveillance', 'patrol'];
const ACTIVITY: Array<[ActivityWordKind, RegExp]> = ACTIVITY_ORDER.map((kind) => [kind, phraseRegex((v) => v.fields.activity[kind])]);

/** "I'm watching" is the tipster, not surveillance. */
const SELF_WATCHING = phraseRegex((v) => v.fields.selfWatchingPatterns, 'g');

/** Matches where any ACTIVITY pattern matches: one scan rules out text naming no activity. */
const ANY_ACTIVITY = new RegExp(ACTIVITY.map(([, re]) => `(?:${re.source})`).join('|'));

/** The activity kind named in folded text, if any (arrest outranks raid, and so on). */
export function activityKind(folded: string): Exclude<ActivityKind, 'other'> | undefined {
  SELF_WATCHING.lastIndex = 0;
  const s = folded.replace(SELF_WATCHING, ' ');
  if (!ANY_ACTIVITY.test(s)) return undefined;
  for (const [kind, re] of ACTIVITY) if (re.test(s)) return kind;
  return undefined;
}

/**
 * The activity in a tipster's words: arrest ("arresting", "detenido", "se llevaron",
 * "agarraron"), raid ("redada", "operativo"), door_knocking ("tocando puertas"), checkpoint
 * ("retén", "puesto de control"), surveillance ("parked", "estacionados", "vigilando"), patrol
 * ("driving around", "dando vueltas"). A field for any non-empty text; `kind` only when named.
 */
export function parseActivity(text: string): ActivityField | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const kind = activityKind(fold(clean(trimmed)));
  return kind ? { text: trimmed, kind } : { text: trimmed };
}

/** A marking's words from every vocabulary, with the letters that need none, as one global regex. */
function marking(letters: string | undefined, word: MarkingWord | undefined): RegExp {
  const sources = [letters, word ? alternation((v) => v.fields.markings[word] ?? []) : undefined].filter((x): x is string => !!x);
  return new RegExp(bounded(sources.join('|')), 'g');
}

/** Uniform markings, in the order they are listed. */
const MARKINGS: Array<[string, RegExp]> = [
  ['ICE', marking('ice(?!\\s*(?:cream|creams|box|chest|cold))|i\\.c\\.e', undefined)],
  ['CBP', marking('cbp', 'CBP')],
  ['HSI', marking('hsi', undefined)],
  ['POLICE', marking(undefined, 'POLICE')],
  ['FBI', marking('fbi', undefined)],
  ['DHS', marking('dhs', 'DHS')],
  ['ERO', marking('ero', undefined)],
  ['plain_clothes', marking(undefined, 'plain_clothes')],
  ['vests', marking(undefined, 'vests')],
  ['masks', marking(undefined, 'masks')],
  ['uniforms', marking(undefined, 'uniforms')],
];

const NEGATION_BEFORE = new RegExp(`(?:^|\\s)(?:${[...wordSet((v) => v.fields.negations)].join('|')})\\s+(?:[^\\s,.;:!?]+\\s+){0,2}$`);

function negated(s: string, index: number): boolean {
  return NEGATION_BEFORE.test(s.slice(Math.max(0, index - 40), index));
}

const PLAIN_CLOTHES = new RegExp(MARKINGS.find(([m]) => m === 'plain_clothes')![1].source);
/** Matches where any MARKINGS pattern matches: one scan rules out text naming no marking. */
const ANY_MARKING = new RegExp(MARKINGS.map(([, re]) => `(?:${re.source})`).join('|'));

/** Uniform markings named in folded text, in a fixed order, negated ones ("sin chalecos") left out. */
export function findMarkings(folded: string): string[] {
  const out: string[] = [];
  if (!ANY_MARKING.test(folded)) return out;
  const hasPlain = PLAIN_CLOTHES.test(folded);
  for (const [marking, re] of MARKINGS) {
    if (marking === 'uniforms' && hasPlain) continue; // "sin uniforme" is plain clothes
    re.lastIndex = 0;
    for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
      if (marking !== 'plain_clothes' && negated(folded, m.index)) continue;
      out.push(marking);
      break;
    }
    re.lastIndex = 0;
  }
  return out;
}

/**
 * Uniform markings in the text: agency letters (ICE, CBP/"Border Patrol", HSI, FBI, DHS, ERO),
 * 'POLICE' (police/policía/sheriff), 'plain_clothes' (de civil, ropa normal), 'vests'
 * (chalecos), 'masks' (máscaras, pasamontañas), 'uniforms' (uniformados). "la migra" names no
 * marking. A field for any non-empty text; `markings` may be empty.
 */
export function parseUniform(text: string): UniformField | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  return { text: trimmed, markings: findMarkings(fold(clean(trimmed))) };
}

/** Tokens that look like plates but are times, distances, ordinals, model years... */
const NOT_PLATE =
  /^(?:\d{1,4}(?:am|pm|st|nd|rd|th|min|mins|hr|hrs|h|m|s|km|mi|mph|ft|lbs?|kg|k|x)|\d+s|[a-z]{1,2}\d{1,2}|[a-z]\d{3}s?|[a-z]{4,}\d{1,3}|covid\d+|\d{4,}[a-z])$/i;

const PLATE_WORD = phraseRegex((v) => v.fields.plateWordPatterns, 'g');
const PLATE_WORD_ANY = new RegExp(PLATE_WORD.source);
/** Two digits with at most 6 letters/digits between them. */
const CLOSE_DIGITS = /\d[A-Za-z0-9]{0,6}\d/;
/** Words between a plate word and the plate; US and Mexican state names are the same in every language. */
const PLATE_FILLER = wordSet((v) => v.fields.plateFillers);
for (const w of 'ca california tx texas az arizona nv nevada mexico baja jalisco michoacan'.split(' ')) PLATE_FILLER.add(w);

const PUNCT_FILLER = /^[:#.,]$/;
const PLATE_PART = /^[a-z0-9]{1,8}$/;
const PLATE_TAIL = /^[a-z0-9]{1,5}$/;
const HAS_LETTER = /[a-z]/;
const HAS_DIGIT = /\d/;
const ALL_DIGITS = /^\d+$/;
const ALL_LETTERS = /^[a-z]+$/;
const NON_DIGITS = /\D/g;
const SPACE_DASH = /[\s-]/g;
const BARE_PLATE = /(?<![\w:/.@#-])([A-Za-z0-9]{5,8})(?![\w:/@-]|\.\w)/g;
const DASH_PLATE = /(?<![\w-])([A-Za-z]{2,3}-\d{3,4}|\d{3,4}-[A-Za-z]{2,3})(?![\w-])/g;

function addPlate(out: string[], p: string): void {
  const plate = p.replace(SPACE_DASH, '').toUpperCase();
  if (!out.includes(plate)) out.push(plate);
}

/** Licence plates in the text, upper-cased, without spaces or dashes, no duplicates. */
export function findPlates(text: string): string[] {
  const out: string[] = [];
  // Every plate has a digit, and neither cleaning nor folding makes one
  if (!HAS_DIGIT.test(text)) return out;
  const src = clean(text);
  const s = fold(src);
  // Without a plate word, a plate is a 5-8 letter/digit token with 2 digits or more
  if (!CLOSE_DIGITS.test(src) && !PLATE_WORD_ANY.test(s)) return out;
  // "plate ABC123", "placas: 7ABC 123", "placas de California 8XYZ123"
  PLATE_WORD.lastIndex = 0;
  for (let m = PLATE_WORD.exec(s); m !== null; m = PLATE_WORD.exec(s)) {
    const toks = tokenize(s.slice(m.index + m[0].length, m.index + m[0].length + 60));
    let j = 0;
    while (j < toks.length && j < 6 && (PLATE_FILLER.has(toks[j]!.t) || PUNCT_FILLER.test(toks[j]!.t))) j++;
    const a = toks[j];
    if (!a || !PLATE_PART.test(a.t)) continue;
    let cand = a.t;
    const b = toks[j + 1];
    if (
      b &&
      PLATE_TAIL.test(b.t) &&
      b.start - a.end <= 1 &&
      (a.t + b.t).length <= 8 &&
      HAS_LETTER.test(a.t + b.t) &&
      HAS_DIGIT.test(a.t + b.t) &&
      (ALL_DIGITS.test(b.t) || ALL_LETTERS.test(a.t))
    ) {
      cand = a.t + b.t;
    } else if (b?.t === '-' && toks[j + 2] && PLATE_TAIL.test(toks[j + 2]!.t) && (a.t + toks[j + 2]!.t).length <= 8) {
      cand = a.t + toks[j + 2]!.t;
    }
    if (cand.length >= 3 && cand.length <= 8 && HAS_DIGIT.test(cand) && !NOT_PLATE.test(cand)) addPlate(out, cand);
  }
  // Bare plate-like tokens: 5-8 letters/digits with at least 2 digits and 1 letter
  BARE_PLATE.lastIndex = 0;
  for (let m = BARE_PLATE.exec(src); m !== null; m = BARE_PLATE.exec(src)) {
    const t = m[1]!;
    const digits = t.replace(NON_DIGITS, '').length;
    if (digits >= 2 && digits < t.length && !NOT_PLATE.test(t)) addPlate(out, t);
  }
  // "ABC-1234", "1234-XY" with a dash
  DASH_PLATE.lastIndex = 0;
  for (let m = DASH_PLATE.exec(src); m !== null; m = DASH_PLATE.exec(src)) addPlate(out, m[1]!);
  return out;
}

const WEAPON = phraseRegex((v) => v.fields.weaponPatterns, 'g');
const UNARMED = phraseRegex((v) => v.fields.unarmedPatterns);
/** Matches where WEAPON or UNARMED matches. */
const ANY_WEAPON_WORD = new RegExp(`(?:${WEAPON.source})|(?:${UNARMED.source})`);

/** true when weapons are mentioned, false when explicitly absent ("no guns", "sin armas"), else undefined. */
export function weaponsMention(folded: string): boolean | undefined {
  if (!ANY_WEAPON_WORD.test(folded)) return undefined;
  let negative = UNARMED.test(folded);
  WEAPON.lastIndex = 0;
  for (let m = WEAPON.exec(folded); m !== null; m = WEAPON.exec(folded)) {
    if (negated(folded, m.index)) negative = true;
    else {
      WEAPON.lastIndex = 0;
      return true;
    }
  }
  return negative ? false : undefined;
}

/** Makes and models are the same in every language; colours and other words come from the vocabularies. */
const VEHICLE_MAKES =
  'ford|chevy|chevrolet|dodge|toyota|honda|nissan|gmc|jeep|tahoes?|suburbans?|explorers?|durangos?|chargers?|f-?150s?|silverados?|sierras?|yukons?|expeditions?|rams?|caravans?|siennas?|odysseys?|camrys?|corollas?|altimas?|civics?|teslas?';
const VEHICLE_DESCRIPTION = new RegExp(bounded(`${VEHICLE_MAKES}|${alternation((v) => v.fields.vehicleDescriptionPatterns)}`));

/** True when the folded text describes a vehicle: colour, make/model, unmarked, tinted windows. */
export function describesVehicle(folded: string): boolean {
  return VEHICLE_DESCRIPTION.test(folded);
}

/**
 * What the agents had: licence plates (5-8 letters/digits with at least 2 digits and 1 letter,
 * or anything after "plate"/"placa(s)", upper-cased and without spaces; never ZIP codes or
 * times) and weapons (true for guns/rifles/armed/armas/pistolas/armados, false for "no guns"/
 * "sin armas"). A field for any non-empty text.
 */
export function parseEquipment(text: string): EquipmentField | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const field: EquipmentField = { text: trimmed, plates: findPlates(trimmed) };
  const weapons = weaponsMention(fold(clean(trimmed)));
  if (weapons !== undefined) field.weapons = weapons;
  return field;
}
