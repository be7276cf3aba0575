/**
 * OutboundMessage -> `POST /v2/send` body, and the send response -> our message id. Pure.
 *
 * One recipient per call: a person (UUID or number) or one group (`group.` form; the raw form is
 * converted). The REST server refuses more than one group, and groups mixed with people, so we
 * never build such a body. Choices become numbered lines after the text (Signal has no buttons).
 */
import { choicesAsText } from '../../bot/messages.js';
import type { Attachment, OutboundMessage } from '../../bot/messages.js';
import { AdapterError } from '../../bot/port.js';
import { recipientFailure } from './errors.js';
import { formatMessageId, isE164, isSignalUuid, normalizeGroupId, parseMessageId } from './ids.js';

/** The `/v2/send` request body fields we use (see api.SendMessageV2 in the spec). */
export interface SendBody {
  number: string;
  recipients: [string];
  message: string;
  text_mode: 'normal';
  base64_attachments?: string[];
  quote_timestamp?: number;
  quote_author?: string;
}

/** The recipient for a chat id: one group in `group.` form, or one person. Throws `rejected`. */
export function recipientFor(chat: OutboundMessage['chat']): string {
  const id = chat.id.trim();
  const group = normalizeGroupId(id);
  if (chat.kind === 'group') {
    if (group === undefined) throw new AdapterError('rejected', 'not a valid Signal group id');
    return group;
  }
  if (group !== undefined) throw new AdapterError('rejected', 'a group id was given for a direct chat');
  if (isSignalUuid(id)) return id.toLowerCase();
  if (isE164(id)) return id;
  throw new AdapterError('rejected', 'not a valid Signal recipient (expected a UUID or an E.164 number)');
}

/** Strips characters that would break the data-URI parameter list. */
function safeFilename(name: string): string {
  return name.replace(/[;,/\\\r\n"]/g, '_').slice(0, 120);
}

/** One attachment as `data:<mime>;filename=<name>;base64,<data>` (the REST server's format). */
export function toDataUri(att: Attachment): string {
  if (!att.data) throw new AdapterError('rejected', 'an attachment has no data to send');
  const mime = /^[\w.+-]+\/[\w.+-]+$/.test(att.mime) ? att.mime : 'application/octet-stream';
  const name = att.name ? `;filename=${safeFilename(att.name)}` : '';
  return `data:${mime}${name};base64,${Buffer.from(att.data).toString('base64')}`;
}

/** Text plus the numbered choices, separated by a blank line. */
export function renderText(message: OutboundMessage): string {
  const choices = choicesAsText(message.choices);
  return [message.text, choices].filter((s) => s !== '').join('\n\n');
}

/**
 * Builds the `/v2/send` body. Throws AdapterError `rejected` for a message Signal cannot take
 * (bad chat id, nothing to send, attachment without bytes). A `replyTo` that is not one of our
 * `${author}:${timestamp}` ids is dropped (the message still goes out, unthreaded).
 * @example toSendBody({ chat: { id: uuid, kind: 'direct' }, text: 'Gracias' }, '+15550100')
 */
export function toSendBody(message: OutboundMessage, account: string): SendBody {
  const recipient = recipientFor(message.chat);
  const text = renderText(message);
  const attachments = (message.attachments ?? []).map(toDataUri);
  if (text.trim() === '' && attachments.length === 0) throw new AdapterError('rejected', 'empty message');
  const body: SendBody = { number: account, recipients: [recipient], message: text, text_mode: 'normal' };
  if (attachments.length > 0) body.base64_attachments = attachments;
  const quoted = message.replyTo !== undefined ? parseMessageId(message.replyTo) : undefined;
  if (quoted) {
    body.quote_timestamp = quoted.timestamp;
    body.quote_author = quoted.author;
  }
  return body;
}

function timestampOf(entry: unknown): number | undefined {
  if (!entry || typeof entry !== 'object') return undefined;
  const ts = (entry as { timestamp?: unknown }).timestamp;
  const n = typeof ts === 'string' && /^\d+$/.test(ts) ? Number(ts) : typeof ts === 'number' ? ts : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

function failureReasons(entry: unknown): string[] {
  const errors = entry && typeof entry === 'object' ? (entry as { errors?: unknown }).errors : undefined;
  const recipients = errors && typeof errors === 'object' ? (errors as { recipients?: unknown }).recipients : undefined;
  if (!Array.isArray(recipients)) return [];
  return recipients.map((r: unknown) =>
    r && typeof r === 'object' && typeof (r as { reason?: unknown }).reason === 'string' ? (r as { reason: string }).reason : 'UNKNOWN',
  );
}

/**
 * Reads a successful `/v2/send` response: `{"timestamp":"…"}` (release 0.100) or
 * `[{"timestamp":"…","errors":{"recipients":[…]}}]` (newer builds). Returns our message id
 * `${account}:${timestamp}`, or undefined when there is no usable timestamp.
 *
 * A direct send whose one recipient failed (unregistered, untrusted identity, rate limit) throws
 * the matching AdapterError. A group send with some failed members counts as sent: the others
 * got it, and sending again would duplicate it for them.
 */
export function parseSendResponse(body: unknown, account: string, kind: 'direct' | 'group'): { messageId?: string } {
  const entries: unknown[] = Array.isArray(body) ? body : [body];
  if (kind === 'direct') {
    const reason = entries.flatMap(failureReasons)[0];
    if (reason !== undefined) throw recipientFailure(reason);
  }
  for (const entry of entries) {
    const ts = timestampOf(entry);
    if (ts !== undefined) return { messageId: formatMessageId(account, ts) };
  }
  return {};
}
