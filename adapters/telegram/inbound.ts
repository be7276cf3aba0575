/**
 * Telegram `Update` → {@link InboundMessage}. Pure: no I/O, no clock (the caller passes `now`,
 * used only for button presses, which carry no date of their own).
 *
 * Ids:
 * - chat: `String(chat.id)` (positive for private chats, negative for groups, `-100…` for
 *   supergroups; a forum topic stays in its group's chat);
 * - sender: `String(from.id)`, never a username or a display name;
 * - message: `${chat.id}:${message_id}`, which is what a redelivered update maps to again;
 *   an edit is `${chat.id}:${message_id}:edit:${edit_date}` with `editOf` the edited message;
 *   a button press is `cb:${callback_query.id}`.
 *
 * Everything else (the bot's own and other bots' messages, channel posts, service messages such
 * as members joining, messages sent on behalf of a chat, live-location movements, stickers and
 * polls in groups, reactions…) yields `undefined`, without error. A sticker, contact, poll or dice
 * sent directly becomes a message with nothing to read, so the tipster is asked again.
 */
import type { Chat, Message, Update } from 'grammy/types';
import type { Attachment, AttachmentKind, ChatKind, InboundMessage } from '../../bot/messages.js';

/** What the translation needs to know about the bot and the moment. */
export interface InboundContext {
  /** The bot's own user id (from `getMe`): its messages are never passed on. */
  botId: number;
  /** The bot's username, to strip `@username` from `/command@username`. */
  botUsername?: string;
  /** Now, ms since epoch: the timestamp of a button press. */
  now: number;
}

/** A group upgraded to a supergroup: the old and new chat ids. */
export interface ChatMigration {
  from: string;
  to: string;
}

/** Translates one update, or returns `undefined` for anything Centinela does not handle. */
export function toInbound(update: Update, ctx: InboundContext): InboundMessage | undefined {
  if (update.message) return fromMessage(update.message, ctx, false);
  if (update.edited_message) return fromMessage(update.edited_message, ctx, true);
  if (update.callback_query) return fromCallback(update.callback_query, ctx);
  return undefined;
}

/** `${chatId}:${messageId}`: the id of a Telegram message everywhere outside this adapter. */
export function messageRef(chatId: number | string, messageId: number): string {
  return `${String(chatId)}:${messageId}`;
}

/** Parses {@link messageRef}'s form back; `undefined` for anything else (e.g. a button press id). */
export function parseMessageRef(ref: string): { chatId: string; messageId: number } | undefined {
  const m = /^(-?\d+):(\d+)$/.exec(ref);
  if (!m) return undefined;
  const messageId = Number(m[2]);
  return Number.isSafeInteger(messageId) && messageId > 0 ? { chatId: m[1]!, messageId } : undefined;
}

/**
 * The forum topic an update was posted in, so that replies can go back into that topic
 * (`message_thread_id` is not part of {@link InboundMessage}). Only real forum topics count:
 * reply threads in ordinary groups also carry a `message_thread_id`.
 */
export function topicOf(update: Update): { messageRef: string; chatId: string; threadId: number } | undefined {
  const msg = update.message ?? update.edited_message ?? accessible(update.callback_query?.message);
  if (!msg || msg.is_topic_message !== true || msg.message_thread_id === undefined) return undefined;
  return { messageRef: messageRef(msg.chat.id, msg.message_id), chatId: String(msg.chat.id), threadId: msg.message_thread_id };
}

/**
 * A group → supergroup upgrade announced by a service message: in the old group
 * (`migrate_to_chat_id`) or in the new supergroup (`migrate_from_chat_id`).
 */
export function migrationOf(update: Update): ChatMigration | undefined {
  const msg = update.message;
  if (!msg) return undefined;
  if (msg.migrate_to_chat_id !== undefined) return { from: String(msg.chat.id), to: String(msg.migrate_to_chat_id) };
  if (msg.migrate_from_chat_id !== undefined) return { from: String(msg.migrate_from_chat_id), to: String(msg.chat.id) };
  return undefined;
}

/**
 * Removes this bot's `@username` from a leading command: `/confirm@CentinelaBot 1042` →
 * `/confirm 1042`. A command addressed to another bot is left as it is.
 */
export function stripBotMention(text: string, botUsername: string | undefined): string {
  const m = /^(\/[A-Za-z0-9_]+)@([A-Za-z0-9_]+)(?=\s|$)/.exec(text);
  if (!m || botUsername === undefined || m[2]!.toLowerCase() !== botUsername.toLowerCase()) return text;
  return m[1]! + text.slice(m[0].length);
}

function fromMessage(msg: Message, ctx: InboundContext, edited: boolean): InboundMessage | undefined {
  const kind = chatKind(msg.chat);
  const from = msg.from;
  // Sent on behalf of a chat (anonymous admins, channel auto-forwards): no person to attribute it to.
  if (!kind || !from || from.is_bot || from.id === ctx.botId || msg.sender_chat !== undefined) return undefined;
  if (msg.message_id <= 0) return undefined;
  // A live location moving arrives as a stream of edits: the first pin was already handed on.
  if (edited && msg.location !== undefined) return undefined;

  const attachments = attachmentsOf(msg);
  const rawText = msg.text ?? msg.caption;
  const location = msg.location ? { lat: msg.location.latitude, lng: msg.location.longitude } : undefined;
  if (rawText === undefined && location === undefined && attachments.length === 0) {
    // A sticker, contact, poll or dice sent to the bot directly is a person waiting for an
    // answer: it goes on with nothing to read, and the engine asks its question again. In a group
    // it is chatter.
    const unreadable = msg.sticker ?? msg.contact ?? msg.poll ?? msg.dice ?? msg.game;
    if (kind !== 'direct' || edited || unreadable === undefined) return undefined;
  }

  const ref = messageRef(msg.chat.id, msg.message_id);
  const out: InboundMessage = {
    platform: 'telegram',
    chat: { id: String(msg.chat.id), kind },
    sender: String(from.id),
    messageId: edited ? `${ref}:edit:${msg.edit_date ?? msg.date}` : ref,
    timestamp: (edited && msg.edit_date !== undefined ? msg.edit_date : msg.date) * 1000,
    attachments,
  };
  if (rawText !== undefined) out.text = msg.text !== undefined ? stripBotMention(rawText, ctx.botUsername) : rawText;
  if (location) out.location = location;
  const reply = msg.reply_to_message;
  // In a forum topic every message "replies" to the topic's first message: that is not a reply.
  const topicRoot = msg.is_topic_message === true && reply?.message_id === msg.message_thread_id;
  if (reply && !topicRoot) out.replyTo = messageRef(msg.chat.id, reply.message_id);
  if (edited) out.editOf = ref;
  return out;
}

function fromCallback(cq: NonNullable<Update['callback_query']>, ctx: InboundContext): InboundMessage | undefined {
  const msg = cq.message;
  if (!msg || cq.data === undefined || cq.data === '' || cq.from.is_bot) return undefined;
  const kind = chatKind(msg.chat);
  if (!kind) return undefined;
  return {
    platform: 'telegram',
    chat: { id: String(msg.chat.id), kind },
    sender: String(cq.from.id),
    messageId: `cb:${cq.id}`,
    timestamp: ctx.now,
    text: cq.data,
    attachments: [],
  };
}

function chatKind(chat: Chat): ChatKind | undefined {
  if (chat.type === 'private') return 'direct';
  if (chat.type === 'group' || chat.type === 'supergroup') return 'group';
  return undefined;
}

function accessible(m: NonNullable<Update['callback_query']>['message']): Message | undefined {
  return m && m.date !== 0 ? m : undefined;
}

/** Files in a message, not yet downloaded: `ref` is the (bot-specific) `file_id`. */
function attachmentsOf(msg: Message): Attachment[] {
  const out: Attachment[] = [];
  const add = (kind: AttachmentKind, mime: string, f: { file_id: string; file_size?: number }, name?: string): void => {
    const a: Attachment = { kind, mime, ref: f.file_id };
    if (f.file_size !== undefined) a.size = f.file_size;
    if (name !== undefined) a.name = name;
    out.push(a);
  };
  const largest = msg.photo?.[msg.photo.length - 1];
  if (largest) add('image', 'image/jpeg', largest);
  else if (msg.document) {
    const mime = msg.document.mime_type ?? 'application/octet-stream';
    add(kindOfMime(mime), mime, msg.document, msg.document.file_name);
  }
  if (msg.video) add('video', msg.video.mime_type ?? 'video/mp4', msg.video, msg.video.file_name);
  if (msg.video_note) add('video', 'video/mp4', msg.video_note);
  if (msg.voice) add('audio', msg.voice.mime_type ?? 'audio/ogg', msg.voice);
  if (msg.audio) add('audio', msg.audio.mime_type ?? 'audio/mpeg', msg.audio, msg.audio.file_name);
  return out;
}

/** Attachment kind for a MIME type: `image/png` → image, `application/pdf` → document. */
export function kindOfMime(mime: string): AttachmentKind {
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  return 'document';
}
