/**
 * {@link OutboundMessage} → the Bot API calls that send it. Pure: the adapter performs the calls.
 *
 * - Plain text: never a `parse_mode` (nothing a tipster typed can turn into markup), link
 *   previews off (a preview fetch tells the linked site that someone looked).
 * - Choices: the numbered list stays in the text (readable in notifications and on clients
 *   without buttons, and typing the number works), plus one inline button per choice whose
 *   `callback_data` is the choice value, so a press arrives as the same answer.
 * - `replyTo` (`${chatId}:${messageId}`, same chat) → `reply_parameters` that still send when
 *   the original is gone; a forum topic → `message_thread_id`.
 * - Text over 4096 characters is split; a caption over 1024 goes out as a separate message.
 *
 * @example
 * planSend({ chat: { id: '-1001', kind: 'group' }, text: 'Alert', choices: [{ value: '1', label: 'On my way' }] },
 *   { chatId: '-1001', threadId: 7 });
 * // → { primary: 0, steps: [{ method: 'sendMessage', params: { chat_id: -1001, message_thread_id: 7,
 * //      text: 'Alert\n\n1. On my way', link_preview_options: { is_disabled: true },
 * //      reply_markup: { inline_keyboard: [[{ text: '1. On my way', callback_data: '1' }]] } } }] }
 */
import { splitText } from '../shared/split-text.js';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { choicesAsText } from '../../bot/messages.js';
import type { Attachment, Choice, OutboundMessage } from '../../bot/messages.js';
import { parseMessageRef } from './inbound.js';

/** Telegram's limit for a message's text. */
export const MAX_TEXT = 4096;
/** Telegram's limit for a photo or document caption. */
export const MAX_CAPTION = 1024;
/** `callback_data` may hold 1-64 bytes. */
export const MAX_CALLBACK_DATA_BYTES = 64;
/** sendPhoto takes photos up to 10 MB; larger images go as documents. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** Parameters every step shares. */
export interface CommonParams {
  chat_id: number | string;
  message_thread_id?: number;
  reply_parameters?: { message_id: number; allow_sending_without_reply: true };
  reply_markup?: InlineKeyboardMarkup;
}

/** A file to upload (`data`) or to send again by its Telegram `file_id` (`ref`). */
export interface OutboundFile {
  data?: Uint8Array;
  ref?: string;
  name?: string;
  mime: string;
}

export type SendStep =
  | { method: 'sendMessage'; params: CommonParams & { text: string; link_preview_options: { is_disabled: true } } }
  | { method: 'sendPhoto' | 'sendDocument'; params: CommonParams & { caption?: string }; file: OutboundFile };

export interface SendPlan {
  steps: SendStep[];
  /** Index of the step whose message id `send()` returns: the one carrying the text (or the first). */
  primary: number;
}

/** Where the message goes: the chat id to use (after any migration) and its forum topic. */
export interface SendTarget {
  chatId: string;
  threadId?: number;
}

/** Plans the calls for one outbound message. */
export function planSend(msg: OutboundMessage, target: SendTarget): SendPlan {
  const text = renderText(msg.text, msg.choices);
  const keyboard = choiceKeyboard(msg.choices);
  const base: CommonParams = { chat_id: apiChatId(target.chatId) };
  if (target.threadId !== undefined) base.message_thread_id = target.threadId;
  const replyId = replyMessageId(msg.replyTo, [msg.chat.id, target.chatId]);

  const files = (msg.attachments ?? []).map(toFile).filter((f): f is OutboundFile => f !== undefined);
  const steps: SendStep[] = [];
  const captionFits = text !== '' && text.length <= MAX_CAPTION;
  files.forEach((file, i) => {
    const params: CommonParams & { caption?: string } = { ...base };
    if (i === 0) {
      if (replyId !== undefined) params.reply_parameters = { message_id: replyId, allow_sending_without_reply: true };
      if (captionFits) {
        params.caption = text;
        if (keyboard) params.reply_markup = keyboard;
      }
    }
    steps.push({ method: fileMethod(file), params, file });
  });
  if (files.length > 0 && (captionFits || text === '')) return { steps, primary: 0 };

  const primary = steps.length;
  const chunks = splitText(text, MAX_TEXT);
  chunks.forEach((chunk, i) => {
    const params: CommonParams & { text: string; link_preview_options: { is_disabled: true } } = {
      ...base,
      text: chunk,
      link_preview_options: { is_disabled: true },
    };
    if (i === 0 && files.length === 0 && replyId !== undefined) {
      params.reply_parameters = { message_id: replyId, allow_sending_without_reply: true };
    }
    if (i === chunks.length - 1 && keyboard) params.reply_markup = keyboard;
    steps.push({ method: 'sendMessage', params });
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
 * One button per row per choice, labelled `${value}. ${label}`, pressing it sends `value`.
 * Choices whose value does not fit in `callback_data` get no button (they stay in the text).
 */
export function choiceKeyboard(choices: readonly Choice[] | undefined): InlineKeyboardMarkup | undefined {
  const rows = (choices ?? [])
    .filter((c) => c.value !== '' && Buffer.byteLength(c.value, 'utf8') <= MAX_CALLBACK_DATA_BYTES)
    .map((c) => [{ text: `${c.value}. ${c.label}`, callback_data: c.value }]);
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}

/** A numeric chat id as a number (what the Bot API documents), anything else (`@name`) as is. */
export function apiChatId(chatId: string): number | string {
  const n = Number(chatId);
  return /^-?\d+$/.test(chatId) && Number.isSafeInteger(n) ? n : chatId;
}

/** The message id to reply to, when `replyTo` names a message in one of `chatIds`. */
function replyMessageId(replyTo: string | undefined, chatIds: string[]): number | undefined {
  if (replyTo === undefined) return undefined;
  const ref = parseMessageRef(replyTo);
  return ref && chatIds.includes(ref.chatId) ? ref.messageId : undefined;
}

function toFile(a: Attachment): OutboundFile | undefined {
  if (a.data === undefined && (a.ref === undefined || a.ref === '')) return undefined;
  const f: OutboundFile = { mime: a.mime };
  if (a.data !== undefined) f.data = a.data;
  else if (a.ref !== undefined) f.ref = a.ref;
  if (a.name !== undefined) f.name = a.name;
  return f;
}

/**
 * sendPhoto for JPEG/PNG/WebP bytes up to 10 MB, and for a `file_id` that came as a photo (image/jpeg
 * without a file name: a document's `file_id` cannot be sent as a photo); sendDocument otherwise.
 */
function fileMethod(f: OutboundFile): 'sendPhoto' | 'sendDocument' {
  if (f.data === undefined) return f.mime === 'image/jpeg' && f.name === undefined ? 'sendPhoto' : 'sendDocument';
  const photoMime = f.mime === 'image/jpeg' || f.mime === 'image/png' || f.mime === 'image/webp';
  return photoMime && f.data.byteLength <= MAX_PHOTO_BYTES ? 'sendPhoto' : 'sendDocument';
}

export { splitText } from '../shared/split-text.js';
