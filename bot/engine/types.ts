/**
 * The engine's data: a tipster's session, what goes in (a message or a timer), and what comes
 * out (events the runtime applies inside the same transaction). All plain JSON-safe values.
 */
import type { AttachmentKind, GeoPoint, Platform } from '../messages.js';
import type { FieldId } from '../flows/flow.js';
import type { PlaceFinder, ResolvedPlace } from '../geo/gazetteer/types.js';
import type { ActivityField, EquipmentField, Lang, LocationField, SizeField, TimeField, UniformField } from '../parse/types.js';

export interface YesNoField {
  /** Undefined when the tipster's words could not be read as yes or no. */
  value?: boolean;
  text: string;
}

/** A photo or file the tipster sent; the bytes are held by the runtime under `ref`. */
export interface MediaItem {
  ref: string;
  kind: AttachmentKind;
  mime: string;
  size?: number;
  /** Set by the runtime when the file cannot be used; the engine explains it to the tipster. */
  problem?: 'too_large' | 'unsupported';
}

export interface MediaField {
  items: MediaItem[];
}

/** The report being written. A field is answered when present, or when listed in `skipped`. */
export interface Draft {
  urgent?: YesNoField;
  activity?: ActivityField;
  location?: LocationField;
  time?: TimeField;
  size?: SizeField;
  uniform?: UniformField;
  equipment?: EquipmentField;
  media?: MediaField;
  firsthand?: YesNoField;
  /** The tipster's first free-form message, kept whole for the verifiers. */
  description?: string;
  skipped: FieldId[];
}

/**
 * Where the conversation is: a field's question, the one "anything else?" question for the
 * optional fields asked together (`extras`), the language menu, the review, or which place on
 * the map was meant (`place`, see place.ts).
 */
export type StepId = FieldId | 'extras' | 'language' | 'review' | 'place';

export interface Session {
  v: 1;
  status: 'active' | 'done';
  lang?: Lang;
  step: StepId;
  /** Where to go after choosing a language mid-way (the step that was being asked); cleared once there. */
  returnTo?: StepId | undefined;
  /** Once the review has been shown, every answer leads back to it. */
  reviewed: boolean;
  /** Steps asked so far, for BACK. */
  history: StepId[];
  draft: Draft;
  /** Wrong answers in a row at this step. */
  wrong: number;
  startedAt: number;
  /** When the last message arrived (the bot's clock): reminders and expiry count from here. */
  lastInboundAt: number;
  /** When the platform says the last message was sent, on the bot's clock: burst windows are measured on these. */
  lastSentAt?: number;
  /** When the bot last wrote to the tipster: a message sent before it cannot answer what it asked. */
  askedAt?: number;
  /**
   * What to add to this tipster's platform timestamps to put them on the bot's clock (see
   * sender-clock.ts); `lastSentAt` and every comparison with `askedAt` use the result.
   */
  clockOffset?: number;
  /** When the last message that was only photos was sent (bot's clock): the next photos of a batch join it. */
  photosAt?: number | undefined;
  /** Questions asked once more after a non-answer ("en mi calle", SKIP on where), not to ask a third time. */
  askedAgain?: StepId[] | undefined;
  /** The last answer taken, so a burst of messages right after it joins it instead of counting as new answers. */
  lastAnswer?: { step: StepId | 'start'; at: number; messageId?: string } | undefined;
  reminded: boolean;
  /** The platform of the conversation, for platform-specific notices. */
  platform?: Platform;
  /** When a relayed answer was last acknowledged (one thank-you per burst). */
  relayAckAt?: number;
  /** Number of the last report this tipster submitted in this session (cleared when a session ends without one). */
  reportNumber?: number | undefined;
  /** When that report was submitted and where it was: later messages may be updates to it. */
  submitted?: { at: number; location?: LocationField } | undefined;
  /** When a follow-up was last acknowledged (one thank-you per burst). */
  followUpAckAt?: number;
  /** The place words last looked up on the map (not to look them up again). */
  placeLooked?: string | undefined;
  /** The place question (a choice, or neighbourhood/business/ZIP) was asked in this report; never twice. */
  placeAsked?: boolean | undefined;
  /** The options of the open place choice. */
  placeOptions?: ResolvedPlace[] | undefined;
  /** When the runtime should wake this session with a timer input (reminder, expiry, clean-up). */
  wakeAt?: number;
}

export type EngineInput =
  | {
      type: 'message';
      messageId: string;
      text?: string;
      location?: GeoPoint;
      media: MediaItem[];
      /** Platform id of the message this one edits. */
      editOf?: string;
      /**
       * When the platform says it was sent (ms). Bursts, "hace 10 minutos" and whether the
       * tipster could have seen the last question are read from it; absent means "now".
       */
      timestamp?: number;
      /** Where the tipster writes from (first contact on WhatsApp/Telegram adds a privacy line). */
      platform?: Platform;
      /** A report of this tipster the team asked a question about (/ask), still open. */
      relay?: { report: number; lang: Lang };
    }
  | { type: 'timer' };

/** A value inside a message: plain, a locale key to translate, or a time to show in the network's zone. */
export type Param = string | number | { key: string } | { time: number };

export type Part = { key: string; params?: Record<string, Param> } | { summary: Draft };

/** A message to the tipster, as locale keys; the runtime renders it in `lang`. */
export interface ReplyEvent {
  type: 'reply';
  lang: Lang;
  parts: Part[];
  choices?: Choice[];
}

/** A one-tap answer: its value, and the locale key (with params) of its label. */
export interface Choice {
  value: string;
  key: string;
  params?: Record<string, Param>;
}

export interface SubmittedReport {
  number: number;
  status: 'new' | 'incomplete';
  urgent: boolean;
  lang: Lang;
  draft: Draft;
  /** Best-known time of the sighting (epoch ms), else when the tipster started. */
  seenAt: number;
  submittedAt: number;
}

export type EngineEvent =
  | ReplyEvent
  | { type: 'report_submitted'; report: SubmittedReport }
  /** Media held for this tipster that are no longer needed (cancel, rejected files). */
  | { type: 'media_discarded'; refs: string[] }
  /** STOP: delete everything stored about this tipster. */
  | { type: 'tipster_erased' }
  /** The tipster's answer to a verifier's question, for the verifier chat. */
  | { type: 'relay_reply'; report: number; text: string; media: string[] }
  /** More news from the tipster about a report they just submitted, for the verifier chat. */
  | { type: 'report_followup'; report: number; text: string; media: string[] };

export interface EngineSettings {
  languages: Lang[];
  hotline: string;
  /** How to reach the network on Signal, suggested to tipsters on less private platforms. */
  signalContact?: string;
  timezone: string;
  remindAfterMs: number;
  expireAfterMs: number;
  /** How long a finished conversation is remembered (language, follow-ups) before it is forgotten. */
  doneRetentionMs: number;
  burstMs: number;
  maxWrongAnswers: number;
  /** Decimal places kept of any pin or coordinates a tipster sends (`privacy.pinDecimals`). */
  pinDecimals: number;
  /** For how long after submitting, new messages from the tipster are updates to that report (`intake.followUpMinutes`). */
  followUpMs: number;
}

/** Everything from outside the engine, as values: the instant, the settings, the next report number. */
export interface EngineEnv {
  now: number;
  settings: EngineSettings;
  /**
   * The number a report submitted in this step takes: the next unused one, which the host reads
   * inside the same transaction and counts as used only when a `report_submitted` event carries
   * it, so numbers stay unique and without gaps.
   */
  nextReportNumber: number;
  /**
   * The offline map (read-only, built at start-up) that places words like "Cesar Chavez y
   * Lorena" on a point; absent when none is configured, and then zones come from pins and aliases.
   */
  places?: PlaceFinder;
}

export interface StepResult {
  /** The session to save; null to delete it. */
  session: Session | null;
  events: EngineEvent[];
}
