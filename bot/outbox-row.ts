/**
 * The outbox row, in one place: what a payload holds, how a destination becomes a sealed address
 * and a chat key, and which lane the row goes in. The runtime (replies to tipsters), the apply
 * layer (cards, alerts, delivery reports) and the dispatcher (sending) all go through here, so
 * the chat key of a chat is derived exactly once and a payload is read the way it was written.
 */
import type { ChatKind, Choice, OutboundMessage, Platform } from './messages.js';
import type { Vault } from './privacy/vault.js';

/** A row as the store keeps it, pending. */
export interface OutboxRecord {
  id: number;
  platform: Platform;
  /** Pseudonymous key of the destination chat. */
  chatKey: string;
  /** Sealed `{ id, kind }` of the chat. */
  address: string;
  /** JSON of an {@link OutboxPayload}. */
  payload: string;
  attempts: number;
  nextAttemptAt: number;
  /** Set on fan-out rows; an alert's (`alert:...`) tells the dispatcher whose delivery to report. */
  dedupeKey?: string | null;
  /** 0: the alert lane, sent first; 1: everything else. */
  lane: number;
  /** The chat, opened, when the row was handed over in memory (see NewOutboxRow.chat); never stored. */
  chat?: OutboundMessage['chat'];
}

/** A row to write. Build it with {@link outboxRow}. */
export interface NewOutboxRow {
  /** Set on fan-out rows (cards, alerts) so they are written once; replies need none. */
  dedupeKey?: string;
  platform: Platform;
  address: string;
  /** Pseudonymous key of the destination chat: rows of one chat are sent in order. */
  chatKey: string;
  payload: string;
  /** 0: the alert lane; 1 (default): everything else. */
  lane?: number;
  /**
   * The chat the sealed address holds, when it is known in memory (a group's id, the tipster
   * whose message is being answered): handed to the dispatcher with the committed row so it need
   * not open the address. Never written to the database.
   */
  chat?: OutboundMessage['chat'];
}

/**
 * Which lane a row waits in: `alert` (alerts, updates, all-clears and expiries for responder
 * groups) is sent before anything `normal` whenever the dispatcher has to choose.
 */
export type Lane = 'alert' | 'normal';
const LANE_NUMBER: Record<Lane, number> = { alert: 0, normal: 1 };

/** What a row sends, without its chat. */
export interface OutboxPayload {
  text: string;
  choices?: Choice[];
  /** Dedupe key of an earlier row to reply (thread) under, resolved when sending. */
  replyToKey?: string;
  /** Held photos to attach, cleaned ones only: the dispatcher loads the bytes when sending. */
  mediaRefs?: string[];
  /** Held files sent as received (location data may be inside): verifier chats only, by config. */
  uncleanedRefs?: string[];
}

/** A chat known by its platform id (verifier and responder groups, a verifier's direct chat). */
export interface ChatDestination {
  type: 'chat';
  platform: Platform;
  id: string;
  kind: ChatKind;
}

/** A tipster, known only by pseudonym (the chat key) and a sealed address. */
export interface TipsterDestination {
  type: 'tipster';
  platform: Platform;
  key: string;
  address: string;
  /** Their chat, while their message is being handled (in memory only; see NewOutboxRow.chat). */
  chat?: OutboundMessage['chat'];
}

export type Destination = ChatDestination | TipsterDestination;

/**
 * The chat key of a chat: rows of one key are sent in order. A direct chat shares its key with
 * the person's tipster pseudonym (their conversation stays in order); a group's is distinct.
 */
export function chatKeyOf(vault: Vault, chat: Pick<ChatDestination, 'platform' | 'id' | 'kind'>): string {
  return chat.kind === 'direct' ? vault.pseudonym(chat.platform, chat.id) : vault.pseudonym(chat.platform, `chat:${chat.id}`);
}

/** The sealed address of a chat, opened again by {@link openAddress} when sending. */
export function sealAddress(vault: Vault, chat: { id: string; kind: ChatKind }): string {
  return vault.seal(JSON.stringify({ id: chat.id, kind: chat.kind }));
}

export function openAddress(vault: Vault, sealed: string): OutboundMessage['chat'] {
  return JSON.parse(vault.open(sealed)) as OutboundMessage['chat'];
}

/**
 * Chat keys starting with this belong to one row only, deleted as soon as it is sent or given up:
 * the reply to STOP, which must reach the tipster without carrying their pseudonym, and a
 * dashboard sign-in link, whose token must not stay in the database.
 */
export const ONE_OFF_CHAT_PREFIX = 'once:';

/** The row for `payload` to `to`. `dedupeKey` on fan-out rows makes them written once. */
export function outboxRow(
  vault: Vault,
  to: Destination,
  payload: OutboxPayload,
  opts: { dedupeKey?: string; lane?: Lane; oneOff?: string } = {},
): NewOutboxRow {
  const chat = to.type === 'chat' ? { id: to.id, kind: to.kind } : to.chat;
  const row: NewOutboxRow = {
    platform: to.platform,
    address: to.type === 'tipster' ? to.address : sealAddress(vault, to),
    chatKey: opts.oneOff !== undefined ? `${ONE_OFF_CHAT_PREFIX}${opts.oneOff}` : to.type === 'tipster' ? to.key : chatKeyOf(vault, to),
    payload: JSON.stringify(payload),
    lane: LANE_NUMBER[opts.lane ?? 'normal'],
    ...(chat ? { chat } : {}),
  };
  return opts.dedupeKey === undefined ? row : { ...row, dedupeKey: opts.dedupeKey };
}

/** A row's payload as written by {@link outboxRow} (extra fields a test renderer added pass through). */
export function readPayload(json: string): OutboxPayload {
  return JSON.parse(json) as OutboxPayload;
}

/** Whether a stored lane number is the alert lane. */
export function isAlertLane(lane: number | undefined): boolean {
  return lane === LANE_NUMBER.alert;
}
