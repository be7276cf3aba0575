/**
 * Whether a location answer is somewhere a responder could drive to. Usable: cross streets, an
 * address (a number and a street), a named place (a business, a school, park or church with its
 * name), a street named with its street word or number ("calle 4", "Soto St", "la 4th"), a ZIP,
 * a pin or a map link. Not usable: "aquí afuera", "en mi calle", "my door", "idk the street
 * name sorry", "la parada del bus" with no street, a bare name that could be a street or a
 * neighbourhood, or a phone number.
 */
import { findPhones } from './contacts.js';
import { AGENT_WORDS, VEHICLE_WORDS } from './counts.js';
import { AGENCY_LETTERS, findCrossStreets, findZip, ORDINAL, STREET_WORDS } from './streets.js';
import { findMapPoint, isLinkToken } from './map-link.js';
import { clean, fold, isLetterToken, tokenize } from './normalize.js';
import { tokenNumber } from './numbers.js';
import { alternation, phraseRegex, unionOf, wordsOf, wordSet } from './vocab/index.js';

/** Why a location answer cannot be used as it is. */
export type LocationProblem = 'vague' | 'phone';

const NON_LOCATION = new RegExp(`(?<![a-z0-9'])(?:${alternation((v) => v.places.nonLocationPatterns)})(?![a-z0-9'])`, 'g');
const BRAND = new RegExp(`(?<![a-z0-9])(?:${alternation((v) => v.places.brands)})(?![a-z0-9])`);
const SELF = phraseRegex((v) => v.places.selfPatterns);
const PLACE_NOUNS = wordSet((v) => v.places.placeNouns);
const FILLERS = wordSet((v) => v.places.fillers);
/** Words that are not names even outside the filler lists: time and activity words common in tips, agency letters. */
const NOT_NAME = unionOf(
  wordSet((v) => v.streets.notName),
  AGENCY_LETTERS,
);
const MAP_LINK = /(?:https?:\/\/|www\.|geo:)\S+/i;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DIGITS = /^\d{1,6}$/;
const DIRECTION = wordSet((v) => v.streets.directions);

function isName(t: string): boolean {
  if (t.length < 2 || FILLERS.has(t) || PLACE_NOUNS.has(t) || NOT_NAME.has(t) || STREET_WORDS.has(t)) return false;
  if (AGENT_WORDS.has(t) || VEHICLE_WORDS.has(t) || tokenNumber(t) !== undefined || DIRECTION.has(t)) return false;
  return isLetterToken(t);
}

/** Words after which a place is named: prepositions of place and place relations ("en", "at", "frente", "near"). */
const PLACE_PREPOSITIONS = unionOf(
  wordSet((v) => v.pieces.locationPrepositions),
  new Set([...wordSet((v) => v.pieces.strongLocation)].filter((w) => !w.includes(' '))),
);
/** Small words between such a preposition and the name ("frente a la", "afuera del", "in front of the"). */
const ARTICLES_AND_LINKS = unionOf(
  wordSet((v) => v.pieces.of),
  wordSet((v) => v.pieces.articles),
  wordsOf('a al del to front'),
);
/** Of those, the ones that make what follows a name rather than a bare street ("el Tepeyac", not "en Soto"). */
const ARTICLES = unionOf(
  wordSet((v) => v.pieces.articles),
  wordsOf('al del'),
);
const QUOTE_OR_PUNCT = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
const CAPITAL = /^\p{Lu}/u;
const OPEN_QUOTE = /^["'“‘«]/;

/**
 * A named local business: a quoted name, or a capitalised one with an article or an "'s", right
 * after a place preposition ("en el Tepeyac", "at Lupita's", "frente a 'La Playita'"). A responder
 * who knows the area can drive there, as to a chain. The name must not be a word the
 * vocabularies know as something else (a place noun, a filler, an agency, a time word), and
 * capitals count only inside the message (the first word of an answer is capitalised anyway).
 */
function namedBusiness(src: string): boolean {
  const raw = src.split(/\s+/).filter(Boolean);
  for (let i = 0; i < raw.length - 1; i++) {
    if (!PLACE_PREPOSITIONS.has(fold(raw[i]!).replace(QUOTE_OR_PUNCT, ''))) continue;
    let j = i + 1;
    let article = false;
    for (let k = 0; k < 3 && j < raw.length - 1; k++, j++) {
      const w = fold(raw[j]!).replace(QUOTE_OR_PUNCT, '');
      if (!ARTICLES_AND_LINKS.has(w)) break;
      if (ARTICLES.has(w)) article = true;
    }
    const candidate = raw[j]!;
    const quoted = OPEN_QUOTE.test(candidate);
    const word = candidate.replace(QUOTE_OR_PUNCT, '');
    const possessive = /['’]s$/i.test(word);
    const name = fold(word).replace(/['’]s$/, '');
    // A bare capitalised word ("en Soto") may be a street or a neighbourhood: a name needs an article, quotes or "'s".
    if (!(quoted || (CAPITAL.test(word) && (article || possessive)))) continue;
    if (name.length >= 3 && isName(name) && !PLACE_PREPOSITIONS.has(name)) return true;
  }
  return false;
}

/** Whether the words (no phone numbers in them) name a place a responder could drive to. */
function drivable(src: string): boolean {
  if (findMapPoint(src)) return true;
  for (const tok of src.split(/\s+/)) if (tok && MAP_LINK.test(tok) && isLinkToken(tok)) return true;
  const folded = fold(src);
  if (findZip(src) || findCrossStreets(src, true)) return true;
  const rest = folded.replace(NON_LOCATION, (m) => ' '.repeat(m.length));
  if (BRAND.test(rest) || namedBusiness(src)) return true;
  const words = tokenize(rest).filter((t) => LETTER_OR_DIGIT.test(t.t));
  let place = false;
  let name = false;
  for (let i = 0; i < words.length; i++) {
    const t = words[i]!.t;
    const prev = words[i - 1]?.t;
    const next = words[i + 1]?.t;
    if (ORDINAL.test(t)) return true; // "la 4th", "5th St"
    if (STREET_WORDS.has(t) && ((prev !== undefined && isName(prev)) || (next !== undefined && (isName(next) || DIGITS.test(next)))))
      return true;
    if (DIGITS.test(t)) {
      if (prev === 'la' || prev === 'el') return true; // "la 8", "el 2301 de la Soto"
      // An address: a house number, perhaps a direction, then a street name ("1234 e Cesar Chavez")
      const after = next !== undefined && DIRECTION.has(next) ? words[i + 2]?.t : next;
      if (t.length >= 2 && after !== undefined && (isName(after) || ORDINAL.test(after))) return true;
    }
    if (PLACE_NOUNS.has(t)) place = true;
    else if (isName(t)) name = true;
  }
  return place && name;
}

/**
 * Why a location answer cannot be used: 'phone' when it is (or holds, with nothing drivable
 * besides) a phone number, 'vague' when it names no place a responder could drive to ("aquí",
 * "my door", "la parada del bus"), undefined when it can be used or is empty. The engine asks
 * again kindly, with an example, when this is set.
 */
export function locationProblem(text: string): LocationProblem | undefined {
  const src = clean(text).trim();
  return src ? problemOf(src) : undefined;
}

/** `locationProblem` of cleaned, trimmed, non-empty text. */
function problemOf(src: string): LocationProblem | undefined {
  const phones = findPhones(src);
  let rest = src;
  for (let i = phones.length - 1; i >= 0; i--) rest = rest.slice(0, phones[i]!.start) + ' ' + rest.slice(phones[i]!.end);
  if (drivable(rest)) return undefined;
  return phones.length > 0 ? 'phone' : 'vague';
}

/** Whether the words name a place a responder could drive to (phone numbers never do). */
export function isUsableLocation(text: string): boolean {
  const src = clean(text).trim();
  return src !== '' && problemOf(src) === undefined;
}

/** Whether a clause is about the tipster's own movements ("I parked at...", "me estacioné en..."). */
export function isSelfClause(folded: string): boolean {
  return SELF.test(folded);
}

const OWN_DOOR = phraseRegex((v) => v.messages.ownDoorPatterns);

/** Whether folded text says agents are at the tipster's own door or home ("afuera de mi casa", "at my door"). */
export function atOwnDoor(folded: string): boolean {
  return OWN_DOOR.test(folded);
}
