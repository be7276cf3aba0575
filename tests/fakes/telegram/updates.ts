/**
 * Telegram Update fixtures (fixtures/*.json, in the Bot API's own shapes) and small builders for
 * updates tests make up on the fly.
 */
import { readFileSync } from 'node:fs';
import type { Chat, Update, User } from 'grammy/types';

export const FIXTURES = [
  'private-text',
  'group-command-mention',
  'group-command-other-bot',
  'location',
  'photo-caption',
  'document',
  'callback-query',
  'edited-message',
  'supergroup-migration',
  'supergroup-migrated-from',
  'forum-topic-message',
  'channel-post',
  'service-new-members',
  'own-echo',
  'reply',
] as const;
export type FixtureName = (typeof FIXTURES)[number];

/** A fresh copy of a fixture update. */
export function fixture(name: FixtureName): Update {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as Update;
}

/** The ids the fixtures use. */
export const IDS = {
  bot: 7_000_000_001,
  maria: 111_111_111,
  ana: 222_222_222,
  group: -4_001_234_567,
  supergroup: -1_001_987_654_321,
  forum: -1_002_223_334_445,
} as const;

export function user(id: number, first_name = 'User'): User {
  return { id, is_bot: false, first_name };
}

export function privateChat(userId: number, first_name = 'User'): Chat {
  return { id: userId, type: 'private', first_name };
}

export function groupChat(id: number, title = 'Group'): Chat {
  return id <= -1_000_000_000_000 ? { id, type: 'supergroup', title } : { id, type: 'group', title };
}

/** A text message update (no update_id: the fake assigns one). */
export function textMessage(o: {
  chat: Chat;
  from: User;
  text: string;
  messageId: number;
  date?: number;
  threadId?: number;
}): Omit<Update, 'update_id'> {
  return {
    message: {
      message_id: o.messageId,
      date: o.date ?? 1_700_000_000,
      chat: o.chat,
      from: o.from,
      text: o.text,
      ...(o.threadId !== undefined ? { message_thread_id: o.threadId, is_topic_message: true } : {}),
    } as NonNullable<Update['message']>,
  };
}
