/**
 * The common message types every platform adapter translates to and from.
 * The engine and runtime only ever see these; platform payloads stay in adapters/.
 */

/** Platforms Centinela can talk on. `simulator` is the local web simulator. */
export type Platform = 'simulator' | 'signal' | 'whatsapp' | 'telegram';
export const PLATFORMS: readonly Platform[] = ['simulator', 'signal', 'whatsapp', 'telegram'];

export type ChatKind = 'direct' | 'group';

/** A point shared as a map pin (or parsed from a map link). WGS84 degrees. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

export type AttachmentKind = 'image' | 'video' | 'audio' | 'document' | 'other';

/**
 * A file that came with a message or goes out with one. `data` holds the bytes once the
 * adapter has downloaded them; `ref` is an adapter-private handle (never shown to users).
 */
export interface Attachment {
  kind: AttachmentKind;
  mime: string;
  size?: number;
  name?: string;
  data?: Uint8Array;
  ref?: string;
}

/** One message as a platform delivered it, after the adapter translated it. */
export interface InboundMessage {
  platform: Platform;
  /** The conversation it belongs to: a direct chat with one person, or a group chat. */
  chat: { id: string; kind: ChatKind };
  /** The sender's stable platform id (Signal UUID, WhatsApp LID/JID, Telegram user id). Never a display name. */
  sender: string;
  /** The platform's own id for this message: (platform, messageId) is unique and makes redelivery harmless. */
  messageId: string;
  /** When the platform says it was sent, ms since epoch. */
  timestamp: number;
  text?: string;
  attachments: Attachment[];
  location?: GeoPoint;
  /** Platform message id this message quotes or replies to. */
  replyTo?: string;
  /** When this message edits an earlier one: that message's platform id. */
  editOf?: string;
}

/** A numbered choice; adapters render it as a button where the platform has them, else as "1. label". */
export interface Choice {
  /** What the engine receives when the choice is picked; typing it works too. */
  value: string;
  label: string;
}

/** One message the bot sends. */
export interface OutboundMessage {
  chat: { id: string; kind: ChatKind };
  text: string;
  choices?: Choice[];
  attachments?: Attachment[];
  /** Platform message id to reply to (thread under), where the platform allows it. */
  replyTo?: string;
  /**
   * The same for every attempt at sending one outbox row. A platform that supports idempotent
   * sends drops a repeat (after a crash between sending and recording it); others ignore it, and
   * such a crash can repeat that one message.
   */
  idempotencyKey?: string;
}

/** Renders choices as plain numbered lines, for platforms (and logs) without buttons. */
export function choicesAsText(choices: readonly Choice[] | undefined): string {
  if (!choices || choices.length === 0) return '';
  return choices.map((c) => `${c.value}. ${c.label}`).join('\n');
}
