/**
 * What the runtime needs from storage. `store/` implements it with better-sqlite3; every method
 * is synchronous so a whole inbound message is handled inside one transaction.
 */
import type { Session, SubmittedReport } from '../engine/types.js';
import type { AttachmentKind, GeoPoint, OutboundMessage, Platform } from '../messages.js';
import type { NewOutboxRow, OutboxRecord } from '../outbox-row.js';

export type { NewOutboxRow, OutboxRecord };

export interface StoredSession {
  key: string;
  platform: Platform;
  /** Sealed reply address. */
  address: string;
  /** Ids of the tipster's last messages, to know a redelivery (see seen-messages.ts); absent: none. */
  seen?: string;
  session: Session;
}

/**
 * Whom a step's replies go to: the session row without its state and, while their message is
 * being handled, its chat (in memory only, so the reply need not open the sealed address).
 */
export type Recipient = Omit<StoredSession, 'session'> & { chat?: OutboundMessage['chat'] };

export interface NewReport {
  report: SubmittedReport;
  platform: Platform;
  tipster: string;
  mediaRefs: string[];
  zones: string[];
  point?: GeoPoint;
  /** Sealed address of the tipster's direct chat, kept while the report is open. */
  replyAddress: string;
}

export interface HeldMedia {
  ref: string;
  tipster: string;
  kind: AttachmentKind;
  mime: string;
  bytes: Uint8Array;
  /** True only for a re-encoded, metadata-free photo; false for a file as received (video, HEIC). */
  cleaned: boolean;
}

/** What is known about a held file, without its bytes. */
export interface MediaInfo {
  ref: string;
  kind: AttachmentKind;
  mime: string;
  cleaned: boolean;
  /** False when only the row is kept (a file withheld, its bytes not stored). */
  hasBytes: boolean;
}

/** A held file with its bytes, for sending. */
export interface MediaFile {
  kind: AttachmentKind;
  mime: string;
  cleaned: boolean;
  bytes: Uint8Array;
}

/** How one step of {@link RuntimeStore.transactionEach} ended. */
export type StepOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface RuntimeStore {
  transaction<T>(fn: () => T): T;
  /**
   * Group commit: runs every step in one transaction, each in a savepoint of its own, and commits
   * once. A step that throws is rolled back alone and the others go on. When the transaction as
   * a whole is lost (the commit fails, or SQLite rolled it back after a step's error), every step
   * is reported failed: nothing of them was stored. Returns one outcome per step, in order.
   */
  transactionEach<T>(steps: readonly (() => T)[]): StepOutcome<T>[];
  /** Records an inbound message id; false when it was already seen. */
  markInbound(platform: Platform, messageId: string, now: number): boolean;
  /** Whether an inbound message id was recorded by {@link RuntimeStore.markInbound}, without recording it. */
  wasInbound(platform: Platform, messageId: string): boolean;
  loadSession(key: string): StoredSession | undefined;
  saveSession(s: StoredSession, now: number): void;
  deleteSession(key: string): void;
  dueSessions(now: number, limit: number): StoredSession[];
  /** The number the next report takes, without using it up. Called on every step: keep it cheap (SqliteStore mirrors it in memory). */
  peekReportNumber(): number;
  /** Marks `number` (as given by `peekReportNumber`) used: the next report takes the one after it. */
  useReportNumber(number: number): void;
  insertReport(report: NewReport): void;
  holdMedia(media: HeldMedia, now: number): void;
  /** The held files among `refs`, in that order, without their bytes (unknown refs are skipped). */
  mediaInfo(refs: string[]): MediaInfo[];
  /** One held file with its bytes (the dispatcher loads them at send time); undefined once deleted. */
  loadMedia(ref: string): MediaFile | undefined;
  discardMedia(refs: string[]): void;
  /**
   * STOP: deletes the tipster's session, held media and every outbox row keyed to them (pending
   * or sent), closes any relay, and cuts the link from their reports (and a block) to them.
   */
  eraseTipster(key: string): void;
  /**
   * Makes erasures final in the file bytes: when a tipster was erased (or a one-off row
   * forgotten) since the last call, checkpoints the WAL and truncates it. Call after the commit,
   * outside any transaction. False when the checkpoint could not complete.
   */
  flushErasures(): boolean;
  /** Inserts a row unless its dedupe key exists; returns whether it was inserted. */
  enqueue(row: NewOutboxRow, now: number): boolean;
  /**
   * Calls `listener` with the rows of each transaction as it commits (a row written outside any
   * transaction, at once), so the dispatcher can send them without reading them back. Rows of a
   * transaction or savepoint that rolls back are never passed. One listener; a new one replaces it.
   */
  watchOutbox(listener: (rows: OutboxRecord[]) => void): void;
  /** Pending rows with an id above `afterId`, oldest first. */
  pendingOutbox(afterId: number, limit: number): OutboxRecord[];
  /** Records a row sent (`chatKey` as the row has it: a one-off row is deleted instead). */
  markSent(row: { id: number; chatKey: string }, now: number, platformMessageId: string | undefined): void;
  markRetry(id: number, attempts: number, nextAttemptAt: number, error: string): void;
  /** Records a row given up on (a one-off row is deleted instead). */
  markDead(row: { id: number; chatKey: string }, attempts: number, error: string): void;
  stats(): { sessions: number; outboxPending: number; outboxDead: number; reports: number };
}
