/**
 * What the fake Telegram server (fake-bot-api.ts) keeps and its methods (fake-methods.ts) read
 * and change: the shared shapes, so the methods need the server's state, not the server.
 */
import type { ServerResponse } from 'node:http';
import type { Chat, Update, UserFromGetMe } from 'grammy/types';

export interface FakeError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export interface FakeChatState {
  chat: Chat;
  /** Message ids that exist in the chat (pushed in, or sent by the bot). */
  messages: Set<number>;
  nextMessageId: number;
  migratedTo?: number;
  blocked?: string;
  /** Forum topics (`message_thread_id`s) that exist, for forum supergroups. */
  topics: Set<number>;
}

export interface FakeFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  bytes: Uint8Array;
  /** Declared size, if different from the bytes (to fake a file too big to download). */
  file_size: number;
  /** getFile works but the download answers 404 (an expired link). */
  gone?: boolean;
}

/** An answer of the API: a result, or an error with the HTTP status it is sent with. */
export type ApiResponse = { ok: true; result: unknown } | ({ ok: false } & FakeError);
/** What a method returns; `'parked'` while getUpdates holds the request open. */
export type MethodResult = ApiResponse | 'parked';

/** The part of the fake server its methods read and change. */
export interface FakeApiState {
  readonly botInfo: UserFromGetMe;
  readonly chats: Map<string, FakeChatState>;
  readonly files: Map<string, FakeFile>;
  updates: Update[];
  webhook: { url: string; secret_token?: string } | undefined;
  allowedUpdates: string[] | undefined;
  readonly answeredCallbacks: Set<string>;
  readonly pendingCallbacks: Set<string>;
  /** A new file id for something the bot uploaded. */
  newFileId(bytes: Uint8Array, kind: string): string;
  /** getUpdates: answers now, or parks the request until an update or the timeout. */
  poll(res: ServerResponse, offset: number, limit: number, timeoutSec: number): void;
}
