/**
 * What the text parsers extract from a tipster's words. Every field keeps the tipster's own
 * words (`text`) next to whatever could be parsed from them, so nothing is lost when parsing fails.
 *
 * The parsers the engine calls (all pure, from bot/parse/index.ts; their contracts are stable):
 * - `extractTip(text, ctx): ExtractedTip`: every SALUTE field in a free message or a SALUTE
 *   template. `location` only when a responder could drive there; `urgent` true / false /
 *   undefined (ask the triage question when undefined); `atOwnDoor` when agents are at the
 *   tipster's home; `time` undefined when no time is given (never "now" by default).
 * - `classifyMessage(text): MessageIntent`: 'report' starts the intake; 'rights_question' gets
 *   the rights card and the hotline at once; 'question', 'thanks', 'test', 'greeting', 'other'
 *   get a short answer.
 * - `parseLocation(text): LocationField | undefined`: undefined for a non-answer, and then
 *   `locationProblem(text)` says why ('vague': ask kindly for cross streets or a business
 *   nearby; 'phone': a phone number is never a location). A correction in the answer wins.
 * - `parseTime(text, ctx)`, `parseSize(text)`: answers to one question; corrections win
 *   ("3 no espera, 4" → 4). `timeBucket(at, ctx)` buckets an instant the engine made itself.
 * - `scrubContacts(text)`: phone numbers and e-mail addresses replaced by "[…]", for any text
 *   that can leave the verifier chat.
 * Words per language live in ./vocab/ (one module per language; see `Vocabulary`).
 */
import type { ResolvedPlace } from '../geo/gazetteer/types.js';
import type { GeoPoint } from '../messages.js';

/** The languages Centinela speaks: each has a locale (locales/<lang>) and a vocabulary (parse/vocab/<lang>.ts). */
export type Lang = 'es' | 'en' | 'pt' | 'ht' | 'fr' | 'zh' | 'vi' | 'ko' | 'tl' | 'ar';

/** Keywords a tipster may send at any step, in either language. */
export type Keyword = 'help' | 'back' | 'skip' | 'cancel' | 'language' | 'rights' | 'stop' | 'done';

export type ActivityKind =
  | 'arrest' // someone being detained / taken
  | 'raid' // workplace or home raid, many agents entering
  | 'door_knocking'
  | 'checkpoint'
  | 'surveillance' // parked, watching, following
  | 'patrol' // driving around, present, standing
  | 'other';

export interface ActivityField {
  text: string;
  kind?: ActivityKind;
}

export interface LocationField {
  /** The words as given ("1st y Soto", "frente a la escuela"), absent for a bare pin. */
  text?: string;
  point?: GeoPoint;
  zip?: string;
  crossStreets?: [string, string];
  /** Where the offline map placed the words (a corner, a business, a street in a neighbourhood), with its uncertainty. */
  place?: ResolvedPlace;
}

/**
 * How fresh a sighting is: 'now' (the words say now), 'recent' (30 minutes or less), 'earlier'
 * (older, the same day, within the stale threshold), 'old' (beyond it: "hace 2 horas", "anoche",
 * "last week"). See `timeBucket`.
 */
export type TimeBucket = 'now' | 'recent' | 'earlier' | 'old';

export interface TimeField {
  text: string;
  /** Epoch ms of the sighting, when it could be worked out. Absent for "earlier today". */
  at?: number;
  /** How fresh the sighting is; set by the parsers whenever they read a time. */
  bucket?: TimeBucket;
}

export interface SizeField {
  text: string;
  agents?: number;
  vehicles?: number;
}

export interface UniformField {
  text: string;
  /** Normalised markings: 'ICE', 'CBP', 'HSI', 'POLICE', 'FBI', 'DHS', 'plain_clothes', 'vests', 'masks', 'uniforms'. */
  markings: string[];
}

export interface EquipmentField {
  text: string;
  /** Licence plates spotted in the text, upper-cased. */
  plates: string[];
  weapons?: boolean;
}

/** What a message is for: see `classifyMessage`. */
export type MessageIntent = 'report' | 'rights_question' | 'thanks' | 'test' | 'greeting' | 'question' | 'other';

/** The SALUTE fields a free-form message may already contain. */
export interface ExtractedTip {
  activity?: ActivityField;
  location?: LocationField;
  time?: TimeField;
  size?: SizeField;
  uniform?: UniformField;
  equipment?: EquipmentField;
  /**
   * true when the text says someone is being (or was just) detained or taken; false when it says
   * nobody is being taken ("solo están parados", "just parked") or the detention is old (last
   * night); undefined when the text does not settle it, so the engine still asks.
   */
  urgent?: boolean;
  /** True when the tipster says agents are at their own door or home ("afuera de mi casa", "at my door"). */
  atOwnDoor?: boolean;
  /** True when the text says the sender saw it themselves ("lo vi", "I saw"). */
  firsthand?: boolean;
}

/** What the time parsers need to know: the current instant and the network's IANA time zone. */
export interface TimeContext {
  now: number;
  timezone: string;
  /** Minutes after which a sighting counts as 'old' (default 60, verification's stale threshold). */
  staleAfterMinutes?: number;
}
