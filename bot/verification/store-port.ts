/**
 * What verification needs from storage: the reads that make up a read model, and the writes the
 * apply layer makes. `store/verification-store.ts` implements it on better-sqlite3.
 */
import type { Lang } from '../parse/types.js';
import type { AlertTarget, IncidentMember, NearbyReport, ReportView } from './model.js';
import type { ReportPatch } from './rules.js';

export interface VerificationStore {
  getReport(number: number): ReportView | undefined;
  /** The report `head` and every report merged into it, head first. */
  incidentOf(head: number): IncidentMember[];
  approvalsOf(number: number): string[];
  addApproval(number: number, verifier: string, at: number): void;
  patchReport(number: number, patch: ReportPatch): void;
  audit(entry: { at: number; actor: string; action: string; report?: number; detail?: string }): void;
  /** How many audit rows whose action is LIKE `action` there are since `since`, for `report`, by `actor`, with `detail` (null: none). */
  auditCount(action: string, since: number, by?: { report?: number; actor?: string; detail?: string | null }): number;
  /** How many reports this tipster submitted since `since`. */
  reportsBy(tipster: string, since: number): number;
  isBlocked(tipster: string): boolean;
  setBlocked(tipster: string, blocked: boolean, by: string, report: number, at: number): void;
  /** Reports created since `since`, for duplicate and flood hints. */
  recentReports(since: number): NearbyReport[];
  /** Reports still needing attention or still active (new, incomplete, claimed, confirmed). */
  openReports(limit: number): ReportView[];
  /** Reports waiting for a digest card, oldest first. */
  digestQueue(limit: number): ReportView[];
  /** Records a responder's acknowledgement; false if they had already said so. */
  addAck(incident: number, responder: string, at: number, etaAt?: number): boolean;
  hasAck(incident: number, responder: string): boolean;
  ackCount(incident: number): number;
  /** The newest report of this tipster with an /ask relay still open at `now`, and its language. */
  openRelayFor(tipster: string, now: number): { report: number; lang: Lang } | undefined;
  /** Adds media the tipster sent later (answering a question) to their report. */
  attachMedia(refs: string[], number: number): void;
  /** The platform message id of a sent outbox row, to thread replies under it. */
  sentMessageId(dedupeKey: string): string | undefined;
  /** Confirmed incidents quiet since `incidentBefore`, and unhandled reports created before `reportBefore`. */
  expiring(incidentBefore: number, reportBefore: number, limit: number): ReportView[];
  addAlertTarget(target: { dedupeKey: string; report: number; chat: string }): void;
  /** Records how an alert row ended; returns its report, or undefined when the row is not an alert. */
  settleAlertTarget(dedupeKey: string, status: 'sent' | 'dead', attempts: number): number | undefined;
  alertTargets(report: number): AlertTarget[];
  /** Stores a dashboard sign-in link's token hash (never the token), valid until `expiresAt`. */
  addDashboardLogin(login: { tokenHash: string; person: string; expiresAt: number }, at: number): void;
}
