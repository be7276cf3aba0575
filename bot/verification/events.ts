/**
 * What the verification decider returns: events that need no further decision. A `send` names
 * its chat, text, dedupe key and lane; the apply layer (bot/runtime/apply-verification.ts) only
 * turns each event into rows inside the caller's transaction.
 */
import type { SubmittedReport } from '../engine/types.js';
import type { GeoPoint, Platform } from '../messages.js';
import type { Destination, Lane } from '../outbox-row.js';
import type { FieldEvent } from './dispatch-state.js';
import type { ReportPatch } from './rules.js';

export interface SendEvent {
  type: 'send';
  to: Destination;
  text: string;
  /** The locale key the text is built on (for review and golden files). */
  key: string;
  /** Fan-out rows carry one, so they are written once whatever is redelivered or repeated. */
  dedupeKey?: string;
  lane: Lane;
  /** Dedupe key of an earlier row to thread under (updates under their alert). */
  replyToKey?: string;
  mediaRefs?: string[];
  uncleanedRefs?: string[];
  /**
   * Set for a message that carries a secret (a dashboard sign-in link): the row is a one-off under
   * this key, deleted once sent or given up, so the secret does not stay in the database.
   */
  oneOff?: string;
}

export type VerificationEvent =
  | SendEvent
  | {
      type: 'report_stored';
      report: SubmittedReport;
      platform: Platform;
      tipster: string;
      replyAddress: string;
      mediaRefs: string[];
      zones: string[];
      point?: GeoPoint;
    }
  | { type: 'report_patched'; report: number; patch: ReportPatch }
  | { type: 'approval_added'; report: number; verifier: string }
  | { type: 'audit'; actor: string; action: string; report?: number; detail?: string }
  | { type: 'sender_blocked'; tipster: string; blocked: boolean; by: string; report: number }
  | { type: 'ack_added'; report: number; responder: string; etaAt?: number }
  /** An alert row was queued for a responder group: its delivery is reported once settled. */
  | { type: 'alert_queued'; report: number; dedupeKey: string; chat: string }
  /** A one-time dashboard sign-in link was sent: its token's hash, valid until `expiresAt`. */
  | { type: 'dashboard_login'; person: string; tokenHash: string; expiresAt: number }
  /** A reply to a command given on the dashboard: shown on the page, never sent to a chat. */
  | { type: 'dashboard_reply'; text: string; key: string }
  /** Files the tipster sent later, added to their report. */
  | { type: 'media_attached'; report: number; refs: string[] }
  /** The on-duty roster and field dispatch (applied by bot/runtime/apply-field-events.ts). */
  | FieldEvent;
