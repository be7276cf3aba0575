/**
 * {@link OutboundMessage} → the `sendMessage` calls that send it on WhatsApp. Pure: the adapter
 * makes the calls (through the pacer).
 *
 * - Text is plain text, and never gets a link preview (`linkPreview: null`: Baileys would
 *   otherwise fetch the linked page, telling that site someone looked).
 * - Choices: WhatsApp no longer shows buttons or lists sent by linked devices, so they are a
 *   numbered list under the text ({@link choicesAsText}); typing the number answers.
 * - Files with bytes: JPEG/PNG as images, MP4 as video, audio as audio, anything else as a
 *   document; the text rides as the first file's caption when it fits, else goes alone after.
 *   Files without bytes are left out (WhatsApp has no reusable file ids).
 * - `replyTo` (a `${chat}/${key.id}` ref in the same chat: one of our alerts) → the message is
 *   sent quoting it ({@link quotedMessage}).
 *
 * @example
 * planSend({ chat: { id: '1203…@g.us', kind: 'group' }, text: 'Alert', choices: [{ value: '1', label: 'On my way' }] })
 * // → { primary: 0, steps: [{ content: { text: 'Alert\n\n1. On my way', linkPreview: null } }] }
 */
import { splitText } from '../shared/split-text.js';
import type { AnyMessageContent, WAMessage, proto } from '@whiskeysockets/baileys';
import { choicesAsText } from '../../bot/messages.js';
import type { Attachment, Choice, OutboundMessage } from '../../bot/messages.js';
import { parseMessageRef } from './ids.js';

/** Longest caption we put on a file; longer text goes as its own message. */
export const MAX_CAPTION = 1024;
/** Longest text message we send in one piece (WhatsApp's own limit is about 65 536). */
export const MAX_TEXT = 60_000;

/** One `sendMessage(jid, content, { quoted })` call. */
export interface SendStep {
  content: AnyMessageContent;
  quoted?: WAMessage;
}

export interface SendPlan {
  steps: SendStep[];
  /** Index of the step whose message id `send()` returns: the one carrying the text (or the first). */
  primary: number;
}

/** Plans the calls for one outbound message; `quoted` is what the first call quotes. */
export function planSend(msg: OutboundMessage, quoted?: WAMessage): SendPlan {
  const text = renderText(msg.text, msg.choices);
  const files = (msg.attachments ?? []).filter(
    (a): a is Attachment & { data: Uint8Array } => a.data !== undefined && a.data.byteLength > 0,
  );
  const steps: SendStep[] = [];
  const captionFits = text !== '' && text.length <= MAX_CAPTION;
  files.forEach((file, i) => {
    const caption = i === 0 && captionFits ? text : undefined;
    steps.push(withQuote({ content: fileContent(file, caption) }, i === 0 ? quoted : undefined));
  });
  if (files.length > 0 && (captionFits || text === '')) return { steps, primary: 0 };

  const primary = steps.length;
  splitText(text, MAX_TEXT).forEach((chunk, i) => {
    steps.push(withQuote({ content: { text: chunk, linkPreview: null } }, i === 0 && files.length === 0 ? quoted : undefined));
  });
  return { steps, primary };
}

/** The text as sent: the message, then a blank line and the numbered choices, if any. */
export function renderText(text: string, choices: readonly Choice[] | undefined): string {
  const list = choicesAsText(choices);
  if (list === '') return text;
  return text === '' ? list : `${text}\n\n${list}`;
}

/**
 * The message to quote for `replyTo`, when it names a message of `chatId` (replies never cross
 * chats). We only ever reply to our own messages (alerts), so the key is `fromMe`. `known` gives
 * the original content when this process still has it; otherwise the quote shows no preview but
 * still links to the original.
 */
export function quotedMessage(
  replyTo: string | undefined,
  chatId: string,
  known?: (keyId: string) => proto.IMessage | undefined,
): WAMessage | undefined {
  const ref = replyTo !== undefined ? parseMessageRef(replyTo) : undefined;
  if (!ref || ref.chatId !== chatId) return undefined;
  return { key: { remoteJid: chatId, id: ref.keyId, fromMe: true }, message: known?.(ref.keyId) ?? { conversation: '' } };
}

function withQuote(step: SendStep, quoted: WAMessage | undefined): SendStep {
  if (quoted) step.quoted = quoted;
  return step;
}

function fileContent(file: Attachment & { data: Uint8Array }, caption: string | undefined): AnyMessageContent {
  const data = Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength);
  const mimetype = file.mime;
  const cap = caption !== undefined ? { caption } : {};
  if (mimetype === 'image/jpeg' || mimetype === 'image/png') return { image: data, mimetype, ...cap };
  if (mimetype === 'video/mp4') return { video: data, mimetype, ...cap };
  // Audio carries no caption: send the text as a message of its own.
  if (file.kind === 'audio' && caption === undefined) return { audio: data, mimetype };
  return { document: data, mimetype, fileName: file.name ?? defaultName(file), ...cap };
}

function defaultName(file: Attachment): string {
  const ext = /^[a-z]+\/([a-z0-9.+-]+)/i.exec(file.mime)?.[1]?.replace(/^x-/, '') ?? 'bin';
  return `${file.kind === 'other' ? 'file' : file.kind}.${ext}`;
}

export { splitText } from '../shared/split-text.js';
