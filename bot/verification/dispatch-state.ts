/**
 * What field dispatch keeps, as plain values: the roster settings of the network, a report's
 * dispatch (who was asked, who goes, when they arrive, what they saw), the events that change
 * them, and the storage port those events are written through. The read model and inputs that
 * carry them are in model.ts.
 */
import type { Lang } from '../parse/types.js';
import type { Availability, RosterPerson, WeeklyHours } from './roster.js';

export interface FieldNetwork {
  /** Everyone who can set their availability: field verifiers (with zones) and desk verifiers. */
  people: readonly RosterPerson[];
  timezone: string;
  hotline: string;
  staffedHours: readonly WeeklyHours[];
  answerMs: number;
  unclaimedMs: number;
  /** How long `/on` without hours lasts. */
  onMs: number;
  /** Ids of the people paged for urgent reports nobody else can take. */
  onCall: readonly string[];
  autoUrgent: boolean;
  siteYesConfirms: boolean;
  siteNobodyCloses: boolean;
}

export interface DispatchPing {
  person: string;
  ring: number;
  at: number;
  answer?: 'yes' | 'no';
}

/** A report sent to the field. Ring 1: the zone's field verifiers; 2: the others on duty; 3: the verifier chat. */
export interface DispatchView {
  report: number;
  startedBy: string;
  startedAt: number;
  ring: number;
  ringAt: number;
  assigned?: string;
  acceptedAt?: number;
  etaAt?: number;
  reminded: boolean;
  /** The assigned person was asked what they saw: their next words are the report from the scene. */
  awaiting: boolean;
  outcome?: 'yes' | 'nobody';
  doneAt?: number;
  pings: readonly DispatchPing[];
}

export type DispatchPatch = Partial<{
  ring: number;
  ringAt: number;
  assigned: string | null;
  acceptedAt: number;
  etaAt: number | null;
  reminded: boolean;
  awaiting: boolean;
  outcome: 'yes' | 'nobody';
  doneAt: number;
}>;

export type FieldEvent =
  | { type: 'duty_set'; person: string; onUntil: number | null; offUntil: number | null; lang: Lang }
  | { type: 'dispatch_started'; report: number; by: string; ring: number }
  | { type: 'dispatch_patched'; report: number; patch: DispatchPatch }
  | { type: 'dispatch_pinged'; report: number; person: string; ring: number }
  | { type: 'dispatch_answered'; report: number; person: string; answer: 'yes' | 'no' }
  | { type: 'unclaimed_announced'; report: number };

/** What dispatch needs from storage; `store/dispatch-store.ts` implements it on better-sqlite3. */
export interface DispatchStore {
  availability(): Availability[];
  setDuty(person: string, onUntil: number | null, offUntil: number | null, lang: Lang, at: number): void;
  dispatchOf(report: number): DispatchView | undefined;
  /** Dispatches not done yet, oldest first. */
  activeDispatches(limit: number): DispatchView[];
  /** The newest running dispatch assigned to `person`. */
  assignmentOf(person: string): DispatchView | undefined;
  /** The newest running dispatch that asked `person` and that they have not answered, or that is waiting for their report. */
  openPingFor(person: string): DispatchView | undefined;
  startDispatch(report: number, by: string, ring: number, at: number): void;
  patchDispatch(report: number, patch: DispatchPatch): void;
  addPing(report: number, person: string, ring: number, at: number): void;
  answerPing(report: number, person: string, answer: 'yes' | 'no', at: number): void;
  /** New or incomplete reports created before `before`, never re-announced, not held (digest, blocked), not being dispatched. */
  unclaimedReports(before: number, limit: number): number[];
  markAnnounced(report: number, at: number): void;
}
