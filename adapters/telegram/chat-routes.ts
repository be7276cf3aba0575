/**
 * Where a Telegram message goes, as this process has learnt it: groups upgraded to supergroups
 * (their new chat id), forum topics of messages seen or sent (so replies stay in the topic), the
 * configured topic per chat, and the latest keyboard sent to each chat (a press on an older one is
 * stale). In memory only, bounded: after a restart the config and new updates teach it again.
 */
import { BoundedMap } from '../shared/bounded-map.js';

/** Messages whose forum topic is remembered (the oldest are forgotten). */
const MAX_TOPIC_REFS = 5_000;
/** Chats whose latest keyboard is remembered (the oldest are forgotten: their presses count again). */
const MAX_KEYBOARD_CHATS = 10_000;

export class ChatRoutes {
  private readonly threads: Record<string, number>;
  private readonly migrations = new Map<string, string>();
  /** `${chat}:${message}` → forum topic, for messages seen or sent in a topic (replies stay there). */
  private readonly topics = new BoundedMap<string, number>(MAX_TOPIC_REFS);
  /** Chat id → message id of the latest message this process sent there with buttons. */
  private readonly keyboards = new BoundedMap<string, number>(MAX_KEYBOARD_CHATS);

  /** `threads`: the configured forum topic per chat id; throws on a value that is not a topic id. */
  constructor(threads: Record<string, number | string>) {
    this.threads = parseThreads(threads);
  }

  /** Follows recorded migrations (a → b → c), guarding against loops. */
  resolveChat(chatId: string): string {
    let id = chatId;
    for (let i = 0; i < 5; i++) {
      const next = this.migrations.get(id);
      if (next === undefined) break;
      id = next;
    }
    return id;
  }

  /** The topic to send into: the replied-to message's, else the configured one. */
  threadFor(requested: string, resolved: string, replyTo: string | undefined): number | undefined {
    const fromReply = replyTo !== undefined ? this.topics.get(replyTo) : undefined;
    return fromReply ?? this.threads[requested] ?? this.threads[resolved];
  }

  /** Records a group's new chat id; true when it was not known yet. */
  noteMigration(from: string, to: string): boolean {
    if (from === to || this.migrations.get(from) === to) return false;
    this.migrations.set(from, to);
    return true;
  }

  /** Every recorded migration, old chat id → new chat id. */
  migrationsSeen(): Record<string, string> {
    return Object.fromEntries(this.migrations);
  }

  /** A press on a keyboard older than the latest one this process sent to that chat. */
  isStalePress(chatId: string, messageId: number): boolean {
    const latest = this.keyboards.get(chatId);
    return latest !== undefined && messageId < latest;
  }

  rememberKeyboard(chatId: string, messageId: number): void {
    if ((this.keyboards.get(chatId) ?? 0) > messageId) return;
    this.keyboards.set(chatId, messageId);
  }

  rememberTopic(ref: string, threadId: number): void {
    this.topics.set(ref, threadId);
  }
}

/** Topic ids from the config: positive whole numbers (`'42'` or `42`). */
function parseThreads(raw: Record<string, number | string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [chatId, value] of Object.entries(raw)) {
    const n = typeof value === 'number' ? value : /^\d+$/.test(value.trim()) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`telegram chat ${chatId}: thread must be a forum topic id (a whole number)`);
    out[chatId] = n;
  }
  return out;
}
