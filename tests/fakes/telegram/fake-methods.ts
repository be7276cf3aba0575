/**
 * The Bot API methods of the fake server (see fake-bot-api.ts), with the real API's checks and
 * error descriptions. Parameters arrive as JSON values or, from forms, as strings; both work.
 */
import type { ServerResponse } from 'node:http';
import type { Message } from 'grammy/types';
import type { FakeApiState, FakeChatState, FakeError, MethodResult } from './fake-state.js';
import type { MultipartFile } from './multipart.js';

type Params = Record<string, unknown>;
type Answer = Exclude<MethodResult, 'parked'>;

const bad = (description: string, parameters?: FakeError['parameters']): Answer => ({
  ok: false,
  error_code: 400,
  description: `Bad Request: ${description}`,
  ...(parameters ? { parameters } : {}),
});
const ok = (result: unknown): Answer => ({ ok: true, result });

const MAX_DOWNLOAD = 20 * 1024 * 1024;
const SECRET = /^[A-Za-z0-9_-]{1,256}$/;
const UPDATE_TYPES = [
  'message',
  'edited_message',
  'channel_post',
  'edited_channel_post',
  'callback_query',
  'inline_query',
  'my_chat_member',
  'chat_member',
  'message_reaction',
  'message_reaction_count',
];

/** Runs one method; `'parked'` when getUpdates keeps the request open (long polling). */
export function handleMethod(
  api: FakeApiState,
  method: string,
  p: Params,
  files: Record<string, MultipartFile>,
  res: ServerResponse,
): MethodResult {
  switch (method) {
    case 'getMe':
      return ok(api.botInfo);
    case 'getUpdates': {
      if (api.webhook)
        return {
          ok: false,
          error_code: 409,
          description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        };
      const allowed = json(p['allowed_updates']);
      if (Array.isArray(allowed) && allowed.length > 0) api.allowedUpdates = allowed.map(String).filter((t) => UPDATE_TYPES.includes(t));
      const limit = Math.min(100, Math.max(1, num(p['limit']) ?? 100));
      api.poll(res, num(p['offset']) ?? 0, limit, Math.max(0, num(p['timeout']) ?? 0));
      return 'parked';
    }
    case 'setWebhook': {
      const url = str(p['url']);
      if (!url || !/^https:\/\//.test(url)) return bad('bad webhook: An HTTPS URL must be provided for webhook');
      const secret = str(p['secret_token']);
      if (secret !== undefined && !SECRET.test(secret)) return bad('secret token contains unallowed characters');
      api.webhook = secret !== undefined ? { url, secret_token: secret } : { url };
      if (bool(p['drop_pending_updates'])) api.updates = [];
      return ok(true);
    }
    case 'deleteWebhook':
      api.webhook = undefined;
      if (bool(p['drop_pending_updates'])) api.updates = [];
      return ok(true);
    case 'getWebhookInfo':
      return ok({ url: api.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: api.updates.length });
    case 'sendMessage':
      return sendMessage(api, p);
    case 'sendPhoto':
      return sendFile(api, p, files, 'photo');
    case 'sendDocument':
      return sendFile(api, p, files, 'document');
    case 'answerCallbackQuery': {
      const id = str(p['callback_query_id']);
      if (!id) return bad('query_id is empty');
      if (!api.pendingCallbacks.has(id) || api.answeredCallbacks.has(id)) {
        return bad('query is too old and response timeout expired or query ID is invalid');
      }
      api.answeredCallbacks.add(id);
      return ok(true);
    }
    case 'getFile': {
      const id = str(p['file_id']);
      if (!id) return bad('file_id is empty');
      const f = api.files.get(id);
      if (!f) return bad('invalid file_id');
      if (f.file_size > MAX_DOWNLOAD) return bad('file is too big');
      return ok({ file_id: f.file_id, file_unique_id: f.file_unique_id, file_size: f.file_size, file_path: f.file_path });
    }
    default:
      return { ok: false, error_code: 404, description: 'Not Found' };
  }
}

/** Common checks of every send: the chat and its state, the topic, the reply, the keyboard. */
function target(api: FakeApiState, p: Params): FakeChatState | Answer {
  const chatId = p['chat_id'];
  if (chatId === undefined || chatId === null || String(chatId) === '') return bad('chat_id is empty');
  const chat = api.chats.get(String(chatId));
  if (!chat || chat.chat.type === 'channel') return bad('chat not found');
  if (chat.migratedTo !== undefined) {
    return bad('group chat was upgraded to a supergroup chat', { migrate_to_chat_id: chat.migratedTo });
  }
  if (chat.blocked) return { ok: false, error_code: 403, description: chat.blocked };
  const thread = num(p['message_thread_id']);
  if (thread !== undefined && !chat.topics.has(thread)) return bad('message thread not found');
  const rp = json(p['reply_parameters']) as { message_id?: unknown; allow_sending_without_reply?: unknown } | undefined;
  if (rp !== undefined) {
    const mid = num(rp.message_id);
    if (mid === undefined) return bad('message to be replied not found');
    if (!chat.messages.has(mid) && rp.allow_sending_without_reply !== true) return bad('message to be replied not found');
  }
  const markup = json(p['reply_markup']) as { inline_keyboard?: unknown } | undefined;
  if (markup !== undefined) {
    if (!Array.isArray(markup.inline_keyboard)) return bad('object expected as reply markup');
    for (const row of markup.inline_keyboard as unknown[]) {
      if (!Array.isArray(row)) return bad('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
      for (const b of row as { text?: unknown; callback_data?: unknown }[]) {
        if (typeof b.text !== 'string' || b.text === '') return bad('text buttons are unallowed in the inline keyboard');
        const data = b.callback_data;
        if (typeof data !== 'string' || data === '' || Buffer.byteLength(data) > 64) return bad('BUTTON_DATA_INVALID');
      }
    }
  }
  return chat;
}

function sendMessage(api: FakeApiState, p: Params): Answer {
  const t = target(api, p);
  if ('ok' in t) return t;
  const text = str(p['text']);
  if (text === undefined || text.trim() === '') return bad('message text is empty');
  if (text.length > 4096) return bad('message is too long');
  return ok(record(api, t, p, { text }));
}

function sendFile(api: FakeApiState, p: Params, files: Record<string, MultipartFile>, field: 'photo' | 'document'): Answer {
  const t = target(api, p);
  if ('ok' in t) return t;
  const caption = str(p['caption']);
  if (caption !== undefined && caption.length > 1024) return bad('message caption is too long');
  const value = p[field];
  let upload: MultipartFile | undefined = files[field];
  if (typeof value === 'string' && value.startsWith('attach://')) upload = files[value.slice('attach://'.length)];
  let fileId: string;
  let size: number;
  if (upload) {
    if (upload.bytes.byteLength === 0) return bad('file must be non-empty');
    fileId = api.newFileId(upload.bytes, field);
    size = upload.bytes.byteLength;
  } else if (typeof value === 'string' && value !== '' && !value.startsWith('attach://')) {
    const known = api.files.get(value);
    if (!known) return bad('wrong file identifier/HTTP URL specified');
    fileId = known.file_id;
    size = known.file_size;
  } else {
    return bad(`there is no ${field} in the request`);
  }
  const media =
    field === 'photo'
      ? { photo: [{ file_id: fileId, file_unique_id: `u-${fileId}`, width: 800, height: 600, file_size: size }] }
      : { document: { file_id: fileId, file_unique_id: `u-${fileId}`, file_name: upload?.filename ?? 'file', file_size: size } };
  return ok(record(api, t, p, { ...media, ...(caption !== undefined ? { caption } : {}) }));
}

/** Stores a sent message in its chat and builds the Message the API returns. */
function record(api: FakeApiState, chat: FakeChatState, p: Params, content: Record<string, unknown>): Message {
  const id = chat.nextMessageId++;
  chat.messages.add(id);
  const thread = num(p['message_thread_id']);
  const markup = json(p['reply_markup']);
  const { id: botId, first_name, username } = api.botInfo;
  return {
    message_id: id,
    date: Math.floor(Date.now() / 1000),
    chat: chat.chat,
    from: { id: botId, is_bot: true, first_name, username },
    ...(thread !== undefined ? { message_thread_id: thread, is_topic_message: true } : {}),
    ...(markup !== undefined ? { reply_markup: markup } : {}),
    ...content,
  } as Message;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v);
  return undefined;
}

function bool(v: unknown): boolean {
  return v === true || v === 'true';
}

/** Form fields carry objects as JSON strings; JSON bodies carry them as objects. */
function json(v: unknown): unknown {
  if (typeof v !== 'string') return v ?? undefined;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return undefined;
  }
}
