/** What verification needs from storage; `store/verification-store.ts` implements it. */
import type { Draft } from '../engine/types.js';
import type { GeoPoint, Platform } from '../messages.js';
import type { Lang } from '../parse/types.js';
import type { ReportPatch, ReportState, ReportStatus } from './decide.js';

export interface ReportRecord extends ReportState {
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
  relayOpen: boolean;
  createdAt: number;
}

export type StoredPatch = ReportPatch &
  Partial<{ replyAddress: string | null; relayOpen: boolean; updateCount: number; priority: 'normal' | 'low'; flags: string }>;

export interface NearbyReport {
  number: number;
  zones: string[];
  point?: GeoPoint;
  cross?: [string, string];
  /** The sender's pseudonym, and whether they had reported before `since` (an established tipster). */
  tipster?: string;
  established: boolean;
  seenAt: number;
  status: ReportStatus;
}

export interface VerificationStore {
  getReport(number: number): ReportRecord | undefined;
  approvalsOf(number: number): string[];
  addApproval(number: number, verifier: string, at: number): void;
  patchReport(number: number, patch: StoredPatch): void;
  audit(entry: { at: number; actor: string; action: string; report?: number; detail?: string }): void;
  /** How many reports this tipster submitted since `since`. */
  reportsBy(tipster: string, since: number): number;
  isBlocked(tipster: string): boolean;
  setBlocked(tipster: string, blocked: boolean, by: string, report: number, at: number): void;
  /** Reports created since `since`, other than `excluding`, for duplicate and flood hints. */
  recentReports(since: number, excluding: number): NearbyReport[];
  /** Reports still needing attention or still active (new, incomplete, claimed, confirmed). */
  openReports(limit: number): ReportRecord[];
  /** Records a responder's acknowledgement; false if they had already said so. */
  addAck(incident: number, responder: string, at: number): boolean;
  ackCount(incident: number): number;
  /** The newest report of this tipster with an open /ask relay, and its language. */
  openRelayFor(tipster: string): { report: number; lang: Lang } | undefined;
  /** The tipster pseudonym of a report, while it is linked (STOP unlinks it). */
  tipsterOf(number: number): string | undefined;
  /** Adds media the tipster sent later (answering a question) to their report. */
  attachMedia(refs: string[], number: number): void;
  /** The platform message id of a sent outbox row, to thread replies under it. */
  sentMessageId(dedupeKey: string): string | undefined;
  /** Confirmed incidents quiet since `incidentBefore`, and unhandled reports created before `reportBefore`. */
  expiring(incidentBefore: number, reportBefore: number, limit: number): ReportRecord[];
}
