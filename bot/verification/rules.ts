/** A report's lifecycle: its statuses, which are open or closed, and the fields a decision may change. */

export type ReportStatus = 'new' | 'incomplete' | 'claimed' | 'confirmed' | 'rejected' | 'merged' | 'expired' | 'cleared';

/** What the command rules need to know about a report. */
export interface ReportState {
  number: number;
  status: ReportStatus;
  seenAt: number;
  claimedBy?: string;
  incident?: number;
  reportCount: number;
  /** Whether the bot can still reach the tipster (their address is kept while the report is open). */
  reachable: boolean;
}

/** Report columns a decision may change. */
export type ReportPatch = Partial<{
  status: ReportStatus;
  claimedBy: string | null;
  note: string | null;
  incident: number | null;
  reportCount: number;
  confirmedAt: number;
  closedAt: number | null;
  lastUpdateAt: number;
  replyAddress: string | null;
  relayOpen: boolean;
  /** When an open relay closes by itself (null: none open). */
  relayUntil: number | null;
  updateCount: number;
  priority: 'normal' | 'low';
  flags: string;
  /** Waiting for the next digest card. */
  digest: boolean;
}>;

const OPEN: ReadonlySet<ReportStatus> = new Set(['new', 'incomplete', 'claimed']);
const CLOSED: ReadonlySet<ReportStatus> = new Set(['rejected', 'merged', 'expired', 'cleared']);

/** Waiting for verification: new, incomplete or claimed. */
export function isOpen(status: ReportStatus): boolean {
  return OPEN.has(status);
}

/** Done with: rejected, merged, expired or cleared. */
export function isClosed(status: ReportStatus): boolean {
  return CLOSED.has(status);
}

/** What closing a report does to the way back to its tipster: the address is forgotten, the relay shut. */
export const FORGET_TIPSTER: ReportPatch = { relayOpen: false, relayUntil: null, replyAddress: null };
