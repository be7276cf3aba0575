/**
 * What the text parsers extract from a tipster's words. Every field keeps the tipster's own
 * words (`text`) next to whatever could be parsed from them, so nothing is lost when parsing fails.
 */
import type { GeoPoint } from '../messages.js';

export type Lang = 'en' | 'es';

/** Keywords a tipster may send at any step, in either language. */
export type Keyword =
  | 'help'
  | 'back'
  | 'skip'
  | 'cancel'
  | 'language'
  | 'rights'
  | 'stop'
  | 'done';

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
}

export interface TimeField {
  text: string;
  /** Epoch ms of the sighting, when it could be worked out. */
  at?: number;
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

/** The SALUTE fields a free-form message may already contain. */
export interface ExtractedTip {
  activity?: ActivityField;
  location?: LocationField;
  time?: TimeField;
  size?: SizeField;
  uniform?: UniformField;
  equipment?: EquipmentField;
  /** True when the text says someone is being detained right now. */
  urgent?: boolean;
  /** True when the text says the sender saw it themselves ("lo vi", "I saw"). */
  firsthand?: boolean;
}

/** What the time parsers need to know: the current instant and the network's IANA time zone. */
export interface TimeContext {
  now: number;
  timezone: string;
}
