/**
 * Baileys `WAMessage` → {@link InboundMessage}. Pure: no I/O, no clock (the caller passes `now`,
 * used only when a message carries no timestamp). Media is described here and downloaded by the
 * adapter.
 *
 * Handled, through the ephemeral / view-once / document-with-caption / edited wrappers:
 * text (`conversation`, `extendedTextMessage`), image, video, audio and document with their
 * caption, location and live-location pins (→ `location`), a quoted message (→ `replyTo`),
 * an edit (`protocolMessage` MESSAGE_EDIT → `editOf`), and the choice of an old client's
 * button or list (→ its id as text).
 *
 * Ignored, without error (→ `undefined`): the account's own messages (also those typed on the
 * linked phone), status broadcasts, broadcast lists, newsletters, reactions, every other protocol
 * message, polls, stickers and contacts in groups, stubs with no content (group changes, a
 * message that could not be decrypted), group messages with no participant, and anything unknown.
 * A sticker, contact or poll sent directly becomes a message with nothing to read.
 *
 * Ids ({@link ./ids.ts}): the chat of a direct message is the sender's stable id (LID when known,
 * else the phone-number JID); a group is its `@g.us` JID; the sender in a group is the participant;
 * the message is `${chat}/${key.id}`.
 */
import { getContentType, normalizeMessageContent, proto, toNumber } from '@whiskeysockets/baileys';
import type { WAMessage } from '@whiskeysockets/baileys';
import type { Attachment, AttachmentKind, GeoPoint, InboundMessage } from '../../bot/messages.js';
import { chatKindOf, messageRef, sameUser, stableUserId } from './ids.js';
import type { UserResolver } from './ids.js';

/** What the translation needs besides the message. */
export interface InboundContext {
  /** The account's own JIDs (phone-number and LID forms, any device): never handed on. */
  me: { id?: string | undefined; lid?: string | undefined };
  /** Now, ms since epoch: the timestamp of a message without one. */
  now: number;
  /** Baileys' stored LID ↔ number mapping, and who is configured by number (ids.ts). */
  resolve?: UserResolver;
}

/** The content types that carry a downloadable file, and what they become. */
const MEDIA_KINDS = {
  imageMessage: 'image',
  videoMessage: 'video',
  audioMessage: 'audio',
  documentMessage: 'document',
} as const satisfies Partial<Record<keyof proto.IMessage, AttachmentKind>>;

type MediaType = keyof typeof MEDIA_KINDS;

/**
 * Content sent to the bot directly that it cannot read: a person waiting for an answer all the
 * same. It goes on as a message with nothing to read, and the engine asks its question again.
 * In a group it is chatter.
 */
const UNREADABLE = new Set<string>([
  'stickerMessage',
  'contactMessage',
  'contactsArrayMessage',
  'pollCreationMessage',
  'pollCreationMessageV2',
  'pollCreationMessageV3',
]);

const DEFAULT_MIME: Record<MediaType, string> = {
  imageMessage: 'image/jpeg',
  videoMessage: 'video/mp4',
  audioMessage: 'audio/ogg',
  documentMessage: 'application/octet-stream',
};

/** Translates one message, or returns `undefined` for anything Centinela does not handle. */
export function toInbound(msg: WAMessage, ctx: InboundContext): InboundMessage | undefined {
  const key = msg.key;
  const remote = key.remoteJid ?? undefined;
  const keyId = key.id ?? undefined;
  if (key.fromMe === true || !remote || !keyId) return undefined;
  const kind = chatKindOf(remote);
  if (!kind) return undefined; // status@broadcast, broadcast lists, newsletters, bots, calls

  const sender =
    kind === 'group'
      ? stableUserId(key.participant ?? msg.participant, key.participantAlt, ctx.resolve)
      : stableUserId(remote, key.remoteJidAlt, ctx.resolve);
  if (!sender || isMe(sender, key, ctx)) return undefined;
  const chatId = kind === 'group' ? remote : sender;

  const content = normalizeMessageContent(msg.message);
  const type = content ? getContentType(content) : undefined;
  if (!content || !type) return undefined; // stubs: group changes, decryption failures

  const out: InboundMessage = {
    platform: 'whatsapp',
    chat: { id: chatId, kind },
    sender,
    messageId: messageRef(chatId, keyId),
    timestamp: timestampOf(msg.messageTimestamp, ctx.now),
    attachments: [],
  };

  if (type === 'protocolMessage') {
    const p = content.protocolMessage;
    if (p?.type !== proto.Message.ProtocolMessage.Type.MESSAGE_EDIT || !p.key?.id) return undefined;
    const edited = normalizeMessageContent(p.editedMessage);
    const editedType = edited ? getContentType(edited) : undefined;
    const text = edited && editedType ? textOf(edited, editedType) : undefined;
    if (text === undefined || text.trim() === '') return undefined;
    out.text = text;
    out.editOf = messageRef(chatId, p.key.id);
    const at = num(p.timestampMs);
    if (at > 0) out.timestamp = at;
    return out;
  }

  const text = textOf(content, type);
  const location = locationOf(content);
  const attachment = attachmentOf(content, type);
  if ((text === undefined || text === '') && !location && !attachment && (kind !== 'direct' || !UNREADABLE.has(type))) return undefined;
  if (text !== undefined && text !== '') out.text = text;
  if (location) out.location = location;
  if (attachment) out.attachments.push(attachment);
  const quoted = contextInfoOf(content, type);
  if (quoted?.stanzaId && (!quoted.remoteJid || quoted.remoteJid === remote)) out.replyTo = messageRef(chatId, quoted.stanzaId);
  return out;
}

/** The media content type of a message (through wrappers), for downloading; `undefined` if none. */
export function mediaTypeOf(msg: WAMessage): MediaType | undefined {
  const content = normalizeMessageContent(msg.message);
  const type = content ? getContentType(content) : undefined;
  return type !== undefined && type in MEDIA_KINDS ? (type as MediaType) : undefined;
}

function isMe(sender: string, key: WAMessage['key'], ctx: InboundContext): boolean {
  const mine = [ctx.me.id, ctx.me.lid].filter((j): j is string => typeof j === 'string');
  const seen = [sender, key.participant, key.participantAlt, key.remoteJidAlt].filter((j): j is string => typeof j === 'string');
  return mine.some((m) => seen.some((s) => sameUser(m, s)));
}

function timestampOf(t: WAMessage['messageTimestamp'], now: number): number {
  const seconds = num(t);
  return seconds > 0 ? seconds * 1000 : now;
}

/** A protobuf number as decoded (`number`, `Long`, `{ low, high }` from JSON, or a string); 0 if none. */
function num(v: unknown): number {
  if (v === null || v === undefined) return 0;
  const n =
    typeof v === 'object' && 'high' in v && 'low' in v
      ? (Number(v.high) >>> 0) * 2 ** 32 + (Number(v.low) >>> 0)
      : Number(toNumber(v as number));
  return Number.isFinite(n) ? n : 0;
}

/** The text a tipster wrote: the message, a caption, or the id of a picked button / list row. */
function textOf(c: proto.IMessage, type: keyof proto.IMessage): string | undefined {
  switch (type) {
    case 'conversation':
      return c.conversation ?? undefined;
    case 'extendedTextMessage':
      return c.extendedTextMessage?.text ?? undefined;
    case 'imageMessage':
      return c.imageMessage?.caption ?? undefined;
    case 'videoMessage':
      return c.videoMessage?.caption ?? undefined;
    case 'documentMessage':
      return c.documentMessage?.caption ?? undefined;
    case 'liveLocationMessage':
      return c.liveLocationMessage?.caption ?? undefined;
    case 'buttonsResponseMessage':
      return c.buttonsResponseMessage?.selectedButtonId ?? undefined;
    case 'listResponseMessage':
      return c.listResponseMessage?.singleSelectReply?.selectedRowId ?? undefined;
    case 'templateButtonReplyMessage':
      return c.templateButtonReplyMessage?.selectedId ?? undefined;
    default:
      return undefined;
  }
}

function locationOf(c: proto.IMessage): GeoPoint | undefined {
  const pin = c.locationMessage ?? c.liveLocationMessage;
  if (!pin) return undefined;
  const lat = pin.degreesLatitude;
  const lng = pin.degreesLongitude;
  if (typeof lat !== 'number' || typeof lng !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lng)) return undefined;
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180 || (lat === 0 && lng === 0)) return undefined;
  return { lat, lng };
}

function attachmentOf(c: proto.IMessage, type: keyof proto.IMessage): Attachment | undefined {
  if (!(type in MEDIA_KINDS)) return undefined;
  const t = type as MediaType;
  const media = c[t];
  if (!media) return undefined;
  const mime = (media.mimetype ?? '').trim() || DEFAULT_MIME[t];
  const a: Attachment = { kind: t === 'documentMessage' ? kindOfMime(mime) : MEDIA_KINDS[t], mime, ref: t };
  const size = num(media.fileLength);
  if (size > 0) a.size = size;
  if (t === 'documentMessage' && c.documentMessage?.fileName) a.name = c.documentMessage.fileName;
  return a;
}

/** A document's kind by its MIME type: a photo sent "as a document" is still a photo. */
export function kindOfMime(mime: string): AttachmentKind {
  const m = mime.toLowerCase();
  if (m.startsWith('image/')) return 'image';
  if (m.startsWith('video/')) return 'video';
  if (m.startsWith('audio/')) return 'audio';
  return 'document';
}

function contextInfoOf(c: proto.IMessage, type: keyof proto.IMessage): proto.IContextInfo | undefined {
  const inner = c[type];
  if (!inner || typeof inner !== 'object' || !('contextInfo' in inner)) return undefined;
  return inner.contextInfo ?? undefined;
}
