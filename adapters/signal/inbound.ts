/**
 * Signal receive frame -> InboundMessage. Pure: no I/O, no clock. Attachment bytes are fetched
 * by the adapter afterwards (each attachment carries its server id in `ref`).
 *
 * What becomes a message: a `dataMessage` (or an `editMessage`'s new data message) from someone
 * else with text or attachments. Everything else is ignored with a reason: receipts, typing,
 * reactions, stories, sticker-only messages, remote deletes, sync messages (what the account's
 * own phone sent), the bot's own messages, group updates, calls, and anything unknown. A sender
 * whose `sourceUuid` is not a UUID is refused (`bad_sender`).
 */
import type { Attachment, AttachmentKind, InboundMessage } from '../../bot/messages.js';
import { ErrorFrameSchema, ReceiveFrameSchema } from './envelope.js';
import type { DataMessage, Envelope } from './envelope.js';
import { formatMessageId, isSignalUuid, toSendGroupId } from './ids.js';

/** What the translation needs to know about the bot itself. */
export interface InboundContext {
  /** The bot's account number (config `number`). */
  account: string;
  /** The bot's own UUID, when known (learned from its own sync messages). */
  selfUuid?: string;
}

export type IgnoreReason =
  | 'invalid'
  | 'other_account'
  | 'no_sender'
  | 'bad_sender'
  | 'own'
  | 'sync'
  | 'receipt'
  | 'typing'
  | 'story'
  | 'call'
  | 'reaction'
  | 'remote_delete'
  | 'sticker'
  | 'group_update'
  | 'expiration_update'
  | 'unsupported'
  | 'empty'
  | 'unknown';

/** The classification of one frame: a message, something to ignore (and why), or a daemon error. */
export type FrameResult =
  { kind: 'message'; message: InboundMessage } | { kind: 'ignored'; reason: IgnoreReason } | { kind: 'error'; error: string };

/** Signal's mention placeholder (U+FFFC) that official clients put into the text at each mention. */
const MENTION_PLACEHOLDER = /\uFFFC/g;

/**
 * Classifies one parsed frame (an object from the WebSocket, or one element of the
 * `GET /v1/receive` array). Never throws.
 */
export function classifyFrame(frame: unknown, ctx: InboundContext): FrameResult {
  const parsed = ReceiveFrameSchema.safeParse(frame);
  if (!parsed.success) {
    const err = ErrorFrameSchema.safeParse(frame);
    if (err.success) return { kind: 'error', error: err.data.error };
    return { kind: 'ignored', reason: 'invalid' };
  }
  const { envelope, account } = parsed.data;
  if (account != null && account !== ctx.account) return { kind: 'ignored', reason: 'other_account' };
  return classifyEnvelope(envelope, ctx);
}

/**
 * Translates a frame to an InboundMessage, or undefined when it is to be ignored.
 * @example envelopeToInbound({ envelope: {...dataMessage: { message: 'hola' }}, account: '+15550100' }, { account: '+15550100' })
 */
export function envelopeToInbound(frame: unknown, ctx: InboundContext): InboundMessage | undefined {
  const r = classifyFrame(frame, ctx);
  return r.kind === 'message' ? r.message : undefined;
}

function isOwn(env: Envelope, ctx: InboundContext): boolean {
  if (env.sourceNumber != null && env.sourceNumber === ctx.account) return true;
  if (env.source != null && env.source === ctx.account) return true;
  return ctx.selfUuid !== undefined && env.sourceUuid != null && env.sourceUuid.toLowerCase() === ctx.selfUuid;
}

function classifyEnvelope(env: Envelope, ctx: InboundContext): FrameResult {
  if (env.syncMessage != null) return { kind: 'ignored', reason: 'sync' };
  if (isOwn(env, ctx)) return { kind: 'ignored', reason: 'own' };
  if (env.receiptMessage != null) return { kind: 'ignored', reason: 'receipt' };
  if (env.typingMessage != null) return { kind: 'ignored', reason: 'typing' };
  if (env.storyMessage != null) return { kind: 'ignored', reason: 'story' };
  if (env.callMessage != null) return { kind: 'ignored', reason: 'call' };

  const edit = env.editMessage;
  const data = edit ? edit.dataMessage : env.dataMessage;
  if (data == null) return { kind: 'ignored', reason: 'unknown' };
  if (env.sourceUuid == null || env.sourceUuid === '') return { kind: 'ignored', reason: 'no_sender' };
  // Senders are known by their account UUID only. Anything else (a phone number, a username, a
  // malformed id) would start a conversation whose replies fail, or go to a number: refuse it here.
  if (!isSignalUuid(env.sourceUuid)) return { kind: 'ignored', reason: 'bad_sender' };
  const sender = env.sourceUuid.toLowerCase();

  const skip = ignoredDataReason(data);
  if (skip) return { kind: 'ignored', reason: skip };

  const text = cleanText(data.message);
  const attachments = (data.attachments ?? []).map(toAttachment);
  const rawGroup = data.groupInfo?.groupId;
  if (text === undefined && attachments.length === 0) {
    // A sticker or a poll sent to the bot directly is a person waiting for an answer: it goes on
    // as a message with nothing to read, and the engine asks its question again. In a group it is
    // chatter.
    const unreadable = data.sticker != null || data.pollCreate != null;
    if (!unreadable || rawGroup) return { kind: 'ignored', reason: data.sticker != null ? 'sticker' : 'empty' };
  }

  const chat = rawGroup ? { id: toSendGroupId(rawGroup), kind: 'group' as const } : { id: sender, kind: 'direct' as const };
  const message: InboundMessage = {
    platform: 'signal',
    chat,
    sender,
    messageId: formatMessageId(sender, env.timestamp),
    timestamp: env.timestamp,
    attachments,
  };
  if (text !== undefined) message.text = text;
  const replyTo = quoteId(data, ctx);
  if (replyTo !== undefined) message.replyTo = replyTo;
  if (edit && edit.targetSentTimestamp != null) message.editOf = formatMessageId(sender, edit.targetSentTimestamp);
  return { kind: 'message', message };
}

/** Data messages that carry no tip content, whatever else they hold. */
function ignoredDataReason(data: DataMessage): IgnoreReason | undefined {
  if (data.reaction != null) return 'reaction';
  if (data.remoteDelete != null || data.adminDelete != null) return 'remote_delete';
  if (data.isExpirationUpdate === true) return 'expiration_update';
  if (data.groupInfo?.type === 'UPDATE') return 'group_update';
  if (data.payment != null || data.pollVote != null || data.pollTerminate != null) return 'unsupported';
  if (data.pinMessage != null || data.unpinMessage != null) return 'unsupported';
  return undefined;
}

/** Text without mention placeholders; undefined when nothing is left. */
function cleanText(message: string | null | undefined): string | undefined {
  if (message == null) return undefined;
  const text = message.replace(MENTION_PLACEHOLDER, '').replace(/^[ \t]+/, '');
  return text.trim() === '' ? undefined : text;
}

/** Maps a MIME type to the coarse kind the bot cares about. */
export function attachmentKind(mime: string): AttachmentKind {
  const m = mime.toLowerCase();
  if (m.startsWith('image/')) return 'image';
  if (m.startsWith('video/')) return 'video';
  if (m.startsWith('audio/')) return 'audio';
  if (m === 'application/pdf' || m.startsWith('text/') || m.includes('document') || m.includes('msword') || m.includes('sheet')) {
    return 'document';
  }
  return 'other';
}

function toAttachment(a: NonNullable<DataMessage['attachments']>[number]): Attachment {
  const mime = a.contentType ?? 'application/octet-stream';
  const att: Attachment = { kind: attachmentKind(mime), mime };
  if (a.size != null) att.size = a.size;
  if (a.filename != null && a.filename !== '') att.name = a.filename;
  if (a.id != null && a.id !== '') att.ref = a.id;
  return att;
}

/** The quoted message's id, in the same `${author}:${timestamp}` form as our own ids. */
function quoteId(data: DataMessage, ctx: InboundContext): string | undefined {
  const q = data.quote;
  if (q == null || q.id == null) return undefined;
  const uuid = q.authorUuid?.toLowerCase();
  const quotesBot = q.authorNumber === ctx.account || q.author === ctx.account || (uuid !== undefined && uuid === ctx.selfUuid);
  if (quotesBot) return formatMessageId(ctx.account, q.id);
  const author = uuid ?? q.authorNumber ?? q.author;
  return author ? formatMessageId(author, q.id) : undefined;
}
