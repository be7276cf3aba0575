import { clean, fold, tokenize } from './normalize.js';
import type { ActivityField, ActivityKind, EquipmentField, UniformField } from './types.js';

// All patterns run on folded text (lower case, no accents) and use only bounded or
// single-character-class repetition, so they stay linear on long input.

const TAKEN = '(?:someone|somebody|people|him|her|them|a\\s+(?:man|woman|person|guy|lady|kid|worker|neighbou?r|father|mother|dad|mom)|my\\s+\\w+|the\\s+(?:man|woman|guy|lady|worker|neighbou?r))';

const ACTIVITY: Array<[Exclude<ActivityKind, 'other'>, RegExp]> = [
  [
    'arrest',
    new RegExp(
      `\\b(?:arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|taking\\s+${TAKEN}|took\\s+${TAKEN}|grabb(?:ed|ing)|grab\\s+${TAKEN}|picked\\s+up\\s+${TAKEN}|handcuff(?:s|ed|ing)?|apprehend(?:ed|ing)?|detenid[oa]s?|deteniendo|detuvieron|detuvo|detienen|detener|arrestad[oa]s?|arrestando|arrestaron|arrestan|agarraron|agarrando|agarran|agarro|se\\s+(?:lo\\s+|la\\s+|los\\s+|las\\s+|le\\s+|les\\s+)?(?:estan\\s+llevando|esta\\s+llevando|llevan|llevaron|llevo|lleva)|llevandose|levantaron|capturaron|capturando|esposad[oa]s?|esposando|esposaron)\\b`
    ),
  ],
  ['raid', /\b(?:raid(?:s|ed|ing)?|redadas?|operativos?|allanamientos?|allanaron|allanando)\b/],
  ['checkpoint', /\b(?:check\s?points?|check-points?|retenes|reten|puestos?\s+de\s+control|puntos?\s+de\s+control|road\s?blocks?|revisando\s+(?:carros|papeles|documentos|licencias))\b/],
  [
    'door_knocking',
    /\b(?:knock(?:s|ed|ing)?|(?:tocando|tocan|tocaron|toco|toca|golpeando|golpean|tocando\s+en)\s+(?:a\s+)?(?:la\s+|las\s+|mi\s+|su\s+)?puertas?|puerta\s+(?:por|en)\s+puerta|casa\s+por\s+casa|door\s+to\s+door|door-to-door|bang(?:ing|ed)?\s+on\s+(?:the\s+|my\s+|our\s+)?doors?)\b/,
  ],
  [
    'surveillance',
    /\b(?:parked|parking(?!\s+lot)|sitting\s+in\s+(?:a|an|the|their|2|two)|watching|following|followed|surveil\w{0,10}|staking\s+out|stakeout|estacionad[oa]s?|parquead[oa]s?|vigilando|vigilan|siguiendo|observando|esperando\s+afuera|waiting\s+outside|sentados?\s+en|taking\s+(?:photos|pictures))\b/,
  ],
  [
    'patrol',
    /\b(?:driving\s+around|drive\s+around|drove\s+around|patroll?ing|(?<!border\s)patrol(?:s|led)?(?!\s+(?:car|cars|vehicle))|rondando|patrullando|dando\s+(?:vueltas|la\s+vuelta|rondines)|circling|cruising|going\s+around|recorriendo|standing\s+around|standing|parad[oa]s)\b/,
  ],
];

/** "I'm watching" is the tipster, not surveillance. */
const SELF_WATCHING = /\b(?:i'?m|i\s+am|we'?re|we\s+are|estoy|estamos)\s+(?:watching|observando|vigilando|mirando)\b/g;

/** Matches where any ACTIVITY pattern matches: one scan rules out text naming no activity. */
const ANY_ACTIVITY = new RegExp(ACTIVITY.map(([, re]) => `(?:${re.source})`).join('|'));

/** The activity kind named in folded text, if any (arrest outranks raid, and so on). */
export function activityKind(folded: string): Exclude<ActivityKind, 'other'> | undefined {
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

const MARKINGS: Array<[string, RegExp]> = [
  ['ICE', /\b(?:ice(?!\s*(?:cream|creams|box|chest|cold))|i\.c\.e)\b/g],
  ['CBP', /\b(?:cbp|border\s+patrol|patrulla\s+fronteriza)\b/g],
  ['HSI', /\bhsi\b/g],
  ['POLICE', /\b(?:police|polic[ií]as?|sheriffs?|sherif|alguacil(?:es)?)\b/g],
  ['FBI', /\bfbi\b/g],
  ['DHS', /\b(?:dhs|homeland\s+security)\b/g],
  ['ERO', /\bero\b/g],
  [
    'plain_clothes',
    /\b(?:plain\s?clothes|plain-clothes|plainclothes|(?:vestidos?\s+)?de\s+civil(?:es)?|ropa\s+(?:normal|de\s+civil|casual|regular|comun|de\s+calle)|(?:street|regular|normal|civilian|casual)\s+clothes|sin\s+uniformes?|no\s+uniforms?|not\s+in\s+uniform|without\s+uniforms?)\b/g,
  ],
  ['vests', /\b(?:vests?|chalecos?|antibalas|bullet\s?proof)\b/g],
  [
    'masks',
    /\b(?:masks?|masked|mascaras?|mascarillas?|pasamontanas?|balaclavas?|cubrebocas|tapabocas|caras?\s+(?:tapadas?|cubiertas?)|covered\s+faces?|faces?\s+covered|encapuchados?)\b/g,
  ],
  ['uniforms', /\b(?:uniforms?|uniformed|uniformados?|uniformes?)\b/g],
];

const NEGATION_BEFORE = /(?:^|\s)(?:no|sin|not|without|ningun|ninguna|ninguno|never|nunca|didn't|didnt|don't|dont|weren't|wasn't)\s+(?:[^\s,.;:!?]+\s+){0,2}$/;

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
const NOT_PLATE = /^(?:\d{1,4}(?:am|pm|st|nd|rd|th|min|mins|hr|hrs|h|m|s|km|mi|mph|ft|lbs?|kg|k|x)|\d+s|[a-z]{1,2}\d{1,2}|[a-z]\d{3}s?|[a-z]{4,}\d{1,3}|covid\d+|\d{4,}[a-z])$/i;

const PLATE_WORD = /\b(?:plates?|placas?|tags?|license(?:\s+plates?)?|licencia|matriculas?)\b/g;
const PLATE_WORD_ANY = new RegExp(PLATE_WORD.source);
/** Two digits with at most 6 letters/digits between them. */
const CLOSE_DIGITS = /\d[A-Za-z0-9]{0,6}\d/;
const PLATE_FILLER = new Set(
  'number numero num no is es dice dicen decia said says that was were son era eran of de del from the la las el los es: ca california tx texas az arizona nv nevada mexico baja jalisco michoacan estado state'.split(' ')
);

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
    if (b && PLATE_TAIL.test(b.t) && b.start - a.end <= 1 && (a.t + b.t).length <= 8 && HAS_LETTER.test(a.t + b.t) && HAS_DIGIT.test(a.t + b.t) && (ALL_DIGITS.test(b.t) || ALL_LETTERS.test(a.t))) {
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

const WEAPON = /\b(?:guns?|rifles?|weapons?|armed|armas?|pistolas?|pistols?|armad[oa]s?|firearms?|handguns?|shotguns?|escopetas?|long\s+guns?|tasers?|ar-?15s?|metralletas?|cuernos?\s+de\s+chivo)\b/g;
const UNARMED = /\b(?:unarmed|desarmad[oa]s?|sin\s+armas|no\s+(?:traian|llevaban|tenian|vi|tienen|traen|llevan)\s+armas)\b/;
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

const VEHICLE_DESCRIPTION =
  /\b(?:black|white|gr[ae]y|silver|blue|red|green|beige|gold|dark|negr[oa]s?|blanc[oa]s?|gris(?:es)?|plata|platead[oa]s?|azul(?:es)?|roj[oa]s?|verdes?|cafes?|dorad[oa]s?|oscur[oa]s?|ford|chevy|chevrolet|dodge|toyota|honda|nissan|gmc|jeep|tahoes?|suburbans?|explorers?|durangos?|chargers?|f-?150s?|silverados?|sierras?|yukons?|expeditions?|rams?|caravans?|siennas?|odysseys?|camrys?|corollas?|altimas?|civics?|teslas?|unmarked|sin\s+(?:logos?|placas|marcas|rotular)|tinted|polarizad[oa]s?|vidrios\s+oscuros)\b/;

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
