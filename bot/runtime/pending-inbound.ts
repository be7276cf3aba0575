/**
 * Messages that wait for their photos to be cleaned. Cleaning runs in the background, after the
 * message is recorded: its (platform, message id) goes into the inbox and the message itself,
 * without any file bytes, into a pending row sealed with the vault (it holds the sender and the
 * text). A redelivery is then a duplicate before anything is decoded, and a crash while a photo
 * is being cleaned loses the photo but never the text: at the next start the row is handled with
 * its files marked lost, and the tipster is told the photo could not be used.
 */
import type { Attachment, AttachmentKind, InboundMessage, Platform } from '../messages.js';
import type { CleanedAttachment } from '../privacy/media.js';

export interface PendingInbound {
  /** The inbox key of the message (a pseudonym of its platform id). */
  key: string;
  platform: Platform;
  /** The message as {@link describePending} wrote it, sealed with the vault. */
  sealed: string;
  receivedAt: number;
}

/** Storage of pending rows; every method is synchronous, to run inside the runtime's transactions. */
export interface PendingInboundStore {
  savePending(row: Omit<PendingInbound, 'receivedAt'>, now: number): void;
  /** Deletes the row of `key`; false when there was none (already handled). */
  takePending(key: string): boolean;
  /** Every pending row, oldest first. */
  listPending(): PendingInbound[];
}

const KINDS: readonly AttachmentKind[] = ['image', 'video', 'audio', 'document', 'other'];

/**
 * The JSON a pending row seals: the message with each file reduced to its kind, type and size.
 * File bytes, names and platform handles are never written.
 */
export function describePending(msg: InboundMessage): string {
  const attachments = msg.attachments.map((a) => ({ kind: a.kind, mime: a.mime, ...(sizeOf(a) !== undefined ? { size: sizeOf(a) } : {}) }));
  return JSON.stringify({ ...msg, attachments });
}

/**
 * The message of a pending row left by a crash, its files marked unreadable (their bytes are
 * gone), or undefined when the JSON is not what {@link describePending} writes.
 */
export function restorePending(json: string): InboundMessage | undefined {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!isMessage(v)) return undefined;
  const attachments = v.attachments.map((a): CleanedAttachment => ({
    kind: a.kind,
    mime: a.mime,
    ...(a.size !== undefined ? { size: a.size } : {}),
    cleaned: false,
    withheld: 'unreadable',
  }));
  return { ...v, attachments };
}

function sizeOf(a: Attachment): number | undefined {
  return a.size ?? a.data?.byteLength;
}

function isMessage(v: unknown): v is InboundMessage {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Record<string, unknown>;
  const chat = m['chat'] as Record<string, unknown> | undefined;
  return (
    typeof m['platform'] === 'string' &&
    typeof m['sender'] === 'string' &&
    typeof m['messageId'] === 'string' &&
    typeof m['timestamp'] === 'number' &&
    (m['text'] === undefined || typeof m['text'] === 'string') &&
    typeof chat === 'object' &&
    chat !== null &&
    typeof chat['id'] === 'string' &&
    (chat['kind'] === 'direct' || chat['kind'] === 'group') &&
    Array.isArray(m['attachments']) &&
    (m['attachments'] as unknown[]).every((a) => {
      const f = a as Record<string, unknown>;
      return (
        typeof a === 'object' &&
        a !== null &&
        KINDS.includes(f['kind'] as AttachmentKind) &&
        typeof f['mime'] === 'string' &&
        (f['size'] === undefined || typeof f['size'] === 'number')
      );
    })
  );
}
