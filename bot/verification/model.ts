/**
 * What the verification decider reads: the network (chats, zones, roster, settings: fixed while
 * the bot runs) and, per input, the read model (the report, its approvals, its incident, nearby
 * reports, counts) loaded once by the host before deciding. Plain values, no store behind them.
 */
import type { Zone } from '../config/index.js';
import type { Draft, SubmittedReport } from '../engine/types.js';
import type { ChatKind, GeoPoint, Platform } from '../messages.js';
import type { Lang } from '../parse/types.js';
import type { ParsedCommand } from './commands.js';
import type { DispatchView, FieldNetwork } from './dispatch-state.js';
import type { PingAnswer } from './field-commands.js';
import type { Availability, RosterPerson } from './roster.js';
import type { ReportState, ReportStatus } from './rules.js';

export interface VerifierChat {
  platform: Platform;
  id: string;
  language?: Lang;
}

export interface ResponderGroup extends VerifierChat {
  /** How verifiers know the group ("Lado Este", "Boyle Heights"); defaults to its zones' names. */
  name?: string;
  zones: string[];
  fallback: boolean;
  precision: 'exact' | 'zone';
  /** Whether alerts here carry the report's photos (cleaned ones only, ever). */
  media?: boolean;
}

/** One enrolled person: several platform ids, one approval. */
export interface Person {
  /** Stable id: `platform:id` of the first listed id (what approvals and the audit log record). */
  id: string;
  name?: string;
  ids: { platform: Platform; id: string }[];
}

export interface VerificationSettings {
  approvals: number;
  staleAfterMs: number;
  duplicateWindowMs: number;
  duplicateDistanceMeters: number;
  expireIncidentAfterMs: number;
  expireReportAfterMs: number;
  /** Reports one tipster may send in an hour before the rest go into digest cards. */
  reportsPerHour: number;
  /** How often a digest card collects the reports over the hourly limit. */
  digestMs: number;
  floodReports: number;
  floodWindowMs: number;
  /** How long an /ask relay stays open without an answer. */
  relayMs: number;
  /** Follow-ups relayed per report and hour before the rest are held (the tipster is still thanked). */
  followupsPerHour: number;
  /** Refusals answered to one stranger, and to all strangers together, per `refusalWindowMs`. */
  refusalsPerStranger: number;
  refusalsPerWindow: number;
  refusalWindowMs: number;
  /** Files that cannot be cleaned: 'withhold' or 'verifiers' (sent to verifier chats only). */
  uncleanableMedia: 'withhold' | 'verifiers';
}

/** The web dashboard: where its sign-in links point and how long they stay valid (absent: switched off). */
export interface DashboardLinks {
  /** `http.publicUrl` + `/dashboard/login`. */
  loginUrl: string;
  linkMs: number;
}

export interface Network {
  zones: readonly Zone[];
  dashboard?: DashboardLinks;
  verifierChats: readonly VerifierChat[];
  responderGroups: readonly ResponderGroup[];
  roster: readonly Person[];
  defaultLang: Lang;
  settings: VerificationSettings;
  /** The on-duty roster and field dispatch (see dispatch-state.ts). */
  field: FieldNetwork;
}

/** A report as verification sees it. */
export interface ReportView extends ReportState {
  platform: Platform;
  lang: Lang;
  urgent: boolean;
  zones: string[];
  point?: GeoPoint;
  draft: Draft;
  note?: string;
  confirmedAt?: number;
  lastUpdateAt?: number;
  updateCount: number;
  /** Sealed address of the tipster's direct chat, while the report is open. */
  replyAddress?: string;
  /** The tipster's pseudonym, while linked (STOP unlinks it). */
  tipster?: string;
  relayOpen: boolean;
  createdAt: number;
  mediaRefs: string[];
}

/** A report of an incident (the head and those merged into it). */
export interface IncidentMember {
  number: number;
  tipster?: string;
  urgent: boolean;
  seenAt: number;
  draft: Draft;
  zones: string[];
  point?: GeoPoint;
}

export interface NearbyReport {
  number: number;
  zones: string[];
  point?: GeoPoint;
  cross?: [string, string];
  /** The sender's pseudonym, and when they first reported (an established tipster reported before the window). */
  tipster?: string;
  firstReportAt?: number;
  seenAt: number;
  createdAt: number;
  status: ReportStatus;
}

/** What is known about a held file, without its bytes. */
export interface FileInfo {
  ref: string;
  kind: string;
  cleaned: boolean;
  hasBytes: boolean;
}

/** A responder group an alert was queued for, and how its send ended. */
export interface AlertTarget {
  dedupeKey: string;
  /** `platform:id` of the group. */
  chat: string;
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
}

/** Who sent a command: an enrolled person, or a stranger known by pseudonym. */
export interface Actor {
  /** The person's stable id, or `anon:<pseudonym>`. */
  id: string;
  enrolled: boolean;
  /** The tipster pseudonyms of every platform id the person is enrolled with (own-tip check). */
  keys: string[];
  /** Their pseudonym as a responder (acknowledgements). */
  responderKey: string;
}

export interface CommandChat {
  platform: Platform;
  id: string;
  kind: ChatKind;
  /** `dashboard`: a command given on the web dashboard; its replies are shown there, not sent. */
  role: 'verifiers' | 'responders' | 'direct' | 'dashboard';
  lang: Lang;
}

export type VerificationInput =
  | { type: 'command'; chat: CommandChat; parsed: ParsedCommand }
  | { type: 'submitted'; report: SubmittedReport; tipster: { platform: Platform; key: string; address: string }; mediaRefs: string[] }
  /** The tipster wrote about a report: the answer to an /ask, or news soon after submitting. */
  | { type: 'tipster_wrote'; kind: 'answer' | 'followup'; report: number; text: string; media: string[] }
  | { type: 'expire' }
  | { type: 'digest' }
  /** Every outbox row of this report's alert may now be settled. */
  | { type: 'alert_settled'; report: number }
  /** The roster and field dispatch (decide-field.ts). */
  | { type: 'field'; input: FieldInput };

/** The roster and dispatch part of a read model. */
export interface FieldModel {
  availability: readonly Availability[];
  /** The dispatch of the report the input is about. */
  dispatch?: DispatchView;
  /** tick and /roster: dispatches still running, each with its report. */
  active: readonly { dispatch: DispatchView; report: ReportView }[];
  /** tick: reports nobody claimed within `unclaimedMs`, not yet re-announced. */
  unclaimed: readonly ReportView[];
}

export const emptyField = (): FieldModel => ({ availability: [], active: [], unclaimed: [] });

/** Who wrote, when a roster person did: the person and the chat to answer in. */
export interface FieldWriter {
  person: RosterPerson;
  chat: CommandChat;
}

export type FieldInput =
  | { kind: 'duty'; from: FieldWriter; command: 'on' | 'off' | 'shift'; hours?: number }
  | { kind: 'roster'; chat: CommandChat }
  | { kind: 'dispatch'; chat: CommandChat; report: number }
  | { kind: 'answer'; from: FieldWriter; report: number; answer: PingAnswer }
  /** `media`: refs of cleaned photos sent with it, already held (the host holds them before deciding). */
  | { kind: 'seen'; from: FieldWriter; report?: number; text?: string; media?: string[] }
  | { kind: 'usage'; chat: CommandChat; name: string }
  /** Someone not enrolled sent /dispatch or /seen: refused like any report command. */
  | { kind: 'refused'; chat: CommandChat; name: string }
  | { kind: 'tick' };

/** The read model: what the host loaded for one input. Parts an input does not need are empty. */
export interface ReadModel {
  network: Network;
  actor?: Actor;
  /** The report the input is about. */
  report?: ReportView;
  /** /merge: the incident it joins; /reopen of a merged report: the incident it left. */
  target?: ReportView;
  /** People who approved `report`, with the tipster pseudonyms of all their ids. */
  approvals: readonly { id: string; keys: readonly string[] }[];
  /** The reports of the incident the input is about (for /merge, of the target, with `report` added), head first. */
  incident: readonly IncidentMember[];
  /** Held files of `report` (or of the input's files). */
  files: readonly FileInfo[];
  /** Reports created within the duplicate and flood windows (submitted). */
  nearby: readonly NearbyReport[];
  /** Reports this tipster sent in the last hour, before this one (submitted). */
  senderReportsLastHour: number;
  senderBlocked: boolean;
  /** Refusals sent to strangers within the window: by this actor, and in all. */
  refusals: { byActor: number; total: number };
  /** Follow-ups of `report` within the last hour, relayed or held. */
  followupsLastHour: number;
  /** Whether this responder already acknowledged `report`, and how many did. */
  acks: { already: boolean; count: number };
  /** /status: open reports; expire: the reports now due; digest: the reports waiting for one. */
  reports: readonly ReportView[];
  /** alert_settled: the groups the alert of `report` was queued for. */
  targets: readonly AlertTarget[];
  /** Roster and dispatch inputs (and a submitted report, for after-hours and urgent dispatch). */
  field?: FieldModel;
  /** /dashboard: a fresh random sign-in token and its hash (made by the host: the decider has no randomness). */
  login?: { token: string; hash: string };
}

/** An empty read model over `network`, for inputs and tests that fill only what they need. */
export function emptyModel(network: Network): ReadModel {
  return {
    network,
    approvals: [],
    incident: [],
    files: [],
    nearby: [],
    senderReportsLastHour: 0,
    senderBlocked: false,
    refusals: { byActor: 0, total: 0 },
    followupsLastHour: 0,
    acks: { already: false, count: 0 },
    reports: [],
    targets: [],
  };
}
