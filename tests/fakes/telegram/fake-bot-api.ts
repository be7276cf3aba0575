/**
 * A fake Telegram Bot API server on 127.0.0.1 (random port), real HTTP, for grammY's `apiRoot`.
 * It follows https://core.telegram.org/bots/api closely enough to catch what the real one would
 * refuse: `POST|GET /bot<token>/<method>` with JSON, urlencoded or multipart bodies; answers
 * `{ ok: true, result }` or `{ ok: false, error_code, description, parameters? }` with that HTTP
 * status; files at `GET /file/bot<token>/<file_path>`.
 *
 * Validation like the real one: wrong token → 401 "Unauthorized"; missing chat_id / text;
 * unknown chat → "Bad Request: chat not found"; a migrated group → 400 with
 * `parameters.migrate_to_chat_id`; a blocked user → 403; text/caption too long; invalid
 * `callback_data`; a topic in a chat that has none; getUpdates → 409 while a webhook is set or
 * when a newer getUpdates replaces a waiting one. `parse_mode` is accepted and recorded, so tests
 * can assert the adapter never sends it.
 *
 * @example
 * const api = await FakeBotApi.start();
 * const bot = new Bot(api.token, { client: { apiRoot: api.apiRoot } });
 * api.pushUpdate({ message: { message_id: 1, date: 1, chat: { id: 5, type: 'private', first_name: 'A' }, from: …, text: 'hi' } });
 * api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } });
 * api.failNext('sendMessage', { error_code: 429, description: '…', parameters: { retry_after: 3 } }, { chatId: -1001234567890 }); // only sends to that chat
 * api.slow('sendMessage', 2_000); // every sendMessage answers 2 s late (a slow downstream)
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Chat, Message, Update, UserFromGetMe } from 'grammy/types';
import { multipartBoundary, parseMultipart } from './multipart.js';
import type { MultipartFile } from './multipart.js';
import { handleMethod } from './fake-methods.js';
import type { ApiResponse, FakeApiState, FakeChatState, FakeError, FakeFile } from './fake-state.js';

export type { FakeChatState, FakeError, FakeFile, MethodResult } from './fake-state.js';

/** One request the bot made, valid or not. */
export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  files: Record<string, MultipartFile>;
  ok: boolean;
  /** When the request arrived (Date.now()). */
  at: number;
}

/** Which calls a {@link FakeBotApi.failNext} failure applies to. */
export interface FailOptions {
  /** How many calls fail (default 1). */
  times?: number;
  /** Only calls whose `chat_id` is this chat; other calls go through untouched. */
  chatId?: number | string;
}

interface PlannedFailure {
  error: FakeError;
  chatId?: string;
}

export interface FakeOptions {
  token?: string;
  botInfo?: Partial<UserFromGetMe>;
  /** Upper bound for getUpdates' `timeout`, seconds (default 10). */
  maxPollSeconds?: number;
}

/** A complete `getMe` answer, with every field @grammyjs/types requires. */
export function fakeBotInfo(over: Partial<UserFromGetMe> = {}): UserFromGetMe {
  return {
    id: 7_000_000_001,
    is_bot: true,
    first_name: 'Centinela',
    username: 'CentinelaBot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
    ...over,
  };
}

interface Waiter {
  res: ServerResponse;
  offset: number;
  limit: number;
  timer: NodeJS.Timeout;
}

/** The fake server and its test controls. */
export class FakeBotApi implements FakeApiState {
  readonly botInfo: UserFromGetMe;
  readonly chats = new Map<string, FakeChatState>();
  readonly files = new Map<string, FakeFile>();
  /** Unconfirmed updates, oldest first. */
  updates: Update[] = [];
  webhook: { url: string; secret_token?: string } | undefined;
  allowedUpdates: string[] | undefined;
  readonly answeredCallbacks = new Set<string>();
  readonly pendingCallbacks = new Set<string>();
  private nextUpdateId = 100_000;
  private nextFileId = 1;
  private readonly recorded: RecordedCall[] = [];
  private readonly failures = new Map<string, PlannedFailure[]>();
  private readonly delays = new Map<string, number>();
  private readonly delayTimers = new Set<NodeJS.Timeout>();
  private waiter: Waiter | undefined;

  private constructor(
    private readonly server: Server,
    readonly token: string,
    readonly apiRoot: string,
    readonly maxPollSeconds: number,
    botInfo: UserFromGetMe,
  ) {
    this.botInfo = botInfo;
  }

  /** Starts a fake on 127.0.0.1 with a random free port. */
  static async start(o: FakeOptions = {}): Promise<FakeBotApi> {
    const botInfo = fakeBotInfo(o.botInfo);
    const token = o.token ?? `${botInfo.id}:FAKE-token_for-tests`;
    // eslint-disable-next-line prefer-const -- set once the server exists; the handler only runs after that
    let self: FakeBotApi | undefined;
    const server = createServer((req, res) => {
      self!.serve(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    self = new FakeBotApi(server, token, `http://127.0.0.1:${port}`, o.maxPollSeconds ?? 10, botInfo);
    return self;
  }

  /** Registers a chat the bot can send to (users who wrote to the bot, groups it is in). */
  addChat(chat: Chat, opts: { topics?: number[] } = {}): FakeChatState {
    const key = String(chat.id);
    const existing = this.chats.get(key);
    if (existing) return existing;
    const state: FakeChatState = { chat, messages: new Set(), nextMessageId: 1, topics: new Set(opts.topics ?? []) };
    this.chats.set(key, state);
    return state;
  }

  /** Upgrades a group: sends to `from` fail with migrate_to_chat_id, `to` becomes a supergroup. */
  migrateChat(from: number, to: number): void {
    const old = this.chats.get(String(from));
    if (old) old.migratedTo = to;
    this.addChat({ id: to, type: 'supergroup', title: old?.chat.type === 'group' ? old.chat.title : 'Supergroup' });
  }

  /** Makes sends to `chatId` fail with 403 (e.g. the user blocked the bot). */
  blockChat(chatId: number, description = 'Forbidden: bot was blocked by the user'): void {
    const c = this.chats.get(String(chatId));
    if (c) c.blocked = description;
  }

  /** Makes a file downloadable through getFile; `file_size` may claim more than the bytes. */
  addFile(file_id: string, bytes: Uint8Array, opts: { file_size?: number; file_path?: string; gone?: boolean } = {}): FakeFile {
    const f: FakeFile = {
      file_id,
      file_unique_id: `u-${file_id}`,
      file_path: opts.file_path ?? `documents/file_${this.nextFileId++}.bin`,
      bytes,
      file_size: opts.file_size ?? bytes.byteLength,
      ...(opts.gone ? { gone: true } : {}),
    };
    this.files.set(file_id, f);
    return f;
  }

  /** A new file id for something the bot uploaded. */
  newFileId(bytes: Uint8Array, kind: string): string {
    const id = `${kind}-up-${this.nextFileId++}`;
    this.addFile(id, bytes, { file_path: `${kind}s/${id}` });
    return id;
  }

  /**
   * Queues an update for getUpdates (an `update_id` is assigned unless given: pass the same one
   * again to simulate a redelivery). Chats, message ids, callback ids and migrations it mentions
   * are registered. Returns the update_id.
   */
  pushUpdate(update: Omit<Update, 'update_id'> & { update_id?: number }): number {
    const full = { ...update, update_id: update.update_id ?? this.nextUpdateId++ };
    if (full.update_id >= this.nextUpdateId) this.nextUpdateId = full.update_id + 1;
    for (const m of [full.message, full.edited_message, full.channel_post, full.callback_query?.message]) {
      if (m) this.noteMessage(m);
    }
    if (full.callback_query) this.pendingCallbacks.add(full.callback_query.id);
    const mig = full.message?.migrate_to_chat_id;
    if (full.message && mig !== undefined) this.migrateChat(full.message.chat.id, mig);
    this.updates.push(full);
    this.wake();
    return full.update_id;
  }

  /**
   * The next `times` calls of `method` fail with `error` (before any validation); with `chatId`,
   * only the next calls to that chat (calls to other chats are answered normally). A number is
   * `times`.
   */
  failNext(method: string, error: FakeError, opts: number | FailOptions = 1): void {
    const { times = 1, chatId } = typeof opts === 'number' ? { times: opts } : opts;
    const q = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) q.push(chatId !== undefined ? { error, chatId: String(chatId) } : { error });
    this.failures.set(method, q);
  }

  /**
   * Every call of `method` from now on is answered `ms` late (handled after the delay, like a
   * slow network or an overloaded Bot API); `slow(method, 0)` makes it fast again.
   */
  slow(method: string, ms: number): void {
    if (ms > 0) this.delays.set(method, ms);
    else this.delays.delete(method);
  }

  /** Requests made to `method` (all methods when omitted), oldest first. */
  calls(method?: string): RecordedCall[] {
    return this.recorded.filter((c) => method === undefined || c.method === method);
  }

  /** What the bot successfully sent to a chat, as text: the message text or the caption. */
  sentTexts(chatId: string | number): string[] {
    return this.calls()
      .filter((c) => c.ok && /^send/.test(c.method) && String(c.params['chat_id']) === String(chatId))
      .map((c) => String(c.params['text'] ?? c.params['caption'] ?? ''));
  }

  /** Stops the server: waiting long polls end, open connections close. */
  async close(): Promise<void> {
    if (this.waiter) {
      clearTimeout(this.waiter.timer);
      this.waiter = undefined;
    }
    for (const t of this.delayTimers) clearTimeout(t);
    this.delayTimers.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** @internal used by fake-methods.ts */
  noteMessage(m: Message): void {
    const c = this.addChat(m.chat);
    c.messages.add(m.message_id);
    if (m.message_id >= c.nextMessageId) c.nextMessageId = m.message_id + 1;
    if (m.is_topic_message && m.message_thread_id !== undefined) c.topics.add(m.message_thread_id);
  }

  /** @internal getUpdates: answers now, or parks the request until an update or the timeout. */
  poll(res: ServerResponse, offset: number, limit: number, timeoutSec: number): void {
    this.confirm(offset);
    if (this.waiter) {
      const old = this.waiter;
      this.waiter = undefined;
      clearTimeout(old.timer);
      reply(old.res, {
        ok: false,
        error_code: 409,
        description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      });
    }
    const ready = this.deliverable(offset, limit);
    if (ready.length > 0 || timeoutSec <= 0) return reply(res, { ok: true, result: ready });
    const waiter: Waiter = {
      res,
      offset,
      limit,
      timer: setTimeout(
        () => {
          if (this.waiter === waiter) this.waiter = undefined;
          reply(res, { ok: true, result: [] });
        },
        Math.min(timeoutSec, this.maxPollSeconds) * 1000,
      ),
    };
    this.waiter = waiter;
    res.on('close', () => {
      if (this.waiter === waiter) {
        clearTimeout(waiter.timer);
        this.waiter = undefined;
      }
    });
  }

  /** The first planned failure of `method` that applies to this call, removed from the plan. */
  private takeFailure(method: string, params: Record<string, unknown>): FakeError | undefined {
    const q = this.failures.get(method);
    if (!q) return undefined;
    const i = q.findIndex((f) => f.chatId === undefined || f.chatId === String(params['chat_id']));
    if (i < 0) return undefined;
    return q.splice(i, 1)[0]!.error;
  }

  private wake(): void {
    const w = this.waiter;
    if (!w) return;
    const ready = this.deliverable(w.offset, w.limit);
    if (ready.length === 0) return;
    this.waiter = undefined;
    clearTimeout(w.timer);
    reply(w.res, { ok: true, result: ready });
  }

  /**
   * Telegram forgets updates below the offset a client asks for, and never delivers types left
   * out of `allowed_updates`.
   */
  private confirm(offset: number): void {
    if (offset > 0) this.updates = this.updates.filter((u) => u.update_id >= offset);
    this.updates = this.updates.filter((u) => this.allowed(u));
  }

  /** Without `allowed_updates`, Telegram sends every type except member changes and reactions. */
  private allowed(u: Update): boolean {
    const types = this.allowedUpdates;
    const optIn = ['chat_member', 'message_reaction', 'message_reaction_count'];
    return Object.keys(u).some((k) => k !== 'update_id' && (types === undefined ? !optIn.includes(k) : types.includes(k)));
  }

  /** Pending updates from `offset` on (a negative offset counts from the end). */
  private deliverable(offset: number, limit: number): Update[] {
    const pending = this.updates.filter((u) => this.allowed(u));
    const from = offset < 0 ? pending.slice(offset) : pending.filter((u) => u.update_id >= offset);
    return from.slice(0, limit);
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.apiRoot);
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file && req.method === 'GET') {
      const f = file[1] === this.token ? [...this.files.values()].find((x) => x.file_path === decodeURIComponent(file[2]!)) : undefined;
      if (!f || f.gone) return reply(res, { ok: false, error_code: 404, description: 'Not Found' });
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': f.bytes.byteLength });
      res.end(Buffer.from(f.bytes));
      return;
    }
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!m || (req.method !== 'GET' && req.method !== 'POST')) return reply(res, { ok: false, error_code: 404, description: 'Not Found' });
    if (m[1] !== this.token) return reply(res, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = m[2]!;
    const { params, files } = await readParams(req, url);
    const call: RecordedCall = { method, params, files, ok: false, at: Date.now() };
    this.recorded.push(call);
    const delay = this.delays.get(method);
    if (delay !== undefined) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          this.delayTimers.delete(t);
          resolve();
        }, delay);
        this.delayTimers.add(t);
      });
      if (res.destroyed) return; // closed meanwhile
    }
    const failure = this.takeFailure(method, params);
    if (failure) return reply(res, { ok: false, ...failure });
    const result = handleMethod(this, method, params, files, res);
    if (result === 'parked') return;
    call.ok = result.ok;
    reply(res, result);
  }
}

/** Writes an API answer with the HTTP status the real API uses (200, or the error code). */
export function reply(res: ServerResponse, body: ApiResponse): void {
  if (res.headersSent || res.destroyed) return;
  const json = JSON.stringify(body);
  res.writeHead(body.ok ? 200 : body.error_code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

async function readParams(
  req: IncomingMessage,
  url: URL,
): Promise<{ params: Record<string, unknown>; files: Record<string, MultipartFile> }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks);
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const type = req.headers['content-type'] ?? '';
  let files: Record<string, MultipartFile> = {};
  if (body.length === 0) return { params, files };
  const boundary = multipartBoundary(type);
  if (boundary) {
    const mp = parseMultipart(body, boundary);
    Object.assign(params, mp.fields);
    files = mp.files;
  } else if (/application\/json/i.test(type)) {
    try {
      Object.assign(params, JSON.parse(body.toString('utf8')) as Record<string, unknown>);
    } catch {
      /* the method then sees missing parameters, like the real API */
    }
  } else {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
  }
  return { params, files };
}
