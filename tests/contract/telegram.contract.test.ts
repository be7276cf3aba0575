/**
 * Runs the adapter contract against TelegramAdapter in polling mode over the fake Bot API
 * (real HTTP on 127.0.0.1, grammY's apiRoot). Telegram ids: users and groups get numeric ids
 * here; a redelivery is the same message (same chat and message_id) arriving in a new update.
 */
import type { Update } from 'grammy/types';
import { TelegramAdapter } from '../../adapters/telegram/adapter.js';
import { parseTelegramConfig } from '../../adapters/telegram/config.js';
import { FakeBotApi } from '../fakes/telegram/fake-bot-api.js';
import { groupChat, privateChat, textMessage, user } from '../fakes/telegram/updates.js';
import { adapterContract, CONTRACT_GROUP_CHATS } from './adapter-contract.js';

adapterContract('telegram', async () => {
  const api = await FakeBotApi.start();
  const groups = new Map<string, number>(CONTRACT_GROUP_CHATS.map((name, i) => [name, -1_001_500_000_000 - i]));
  for (const [name, id] of groups) api.addChat(groupChat(id, name));
  const users = new Map<string, number>();
  const userId = (sender: string): number => {
    let id = users.get(sender);
    if (id === undefined) users.set(sender, (id = 900_000_001 + users.size));
    return id;
  };
  const groupId = (chat: string): number => {
    const id = groups.get(chat);
    if (id === undefined) throw new Error(`unknown contract group ${chat}`);
    return id;
  };
  const redelivered = new Map<string, number>();
  let nextMessageId = 1;
  const push = (u: Omit<Update, 'update_id'>): void => void api.pushUpdate(u);

  const parsed = parseTelegramConfig({ token: api.token, apiRoot: api.apiRoot });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const adapter = new TelegramAdapter({ config: parsed.config, botInfo: api.botInfo, pollTimeoutSeconds: 1 });

  return {
    adapter,
    deliverDirect: async (sender, text, opts) => {
      const uid = userId(sender);
      let messageId = nextMessageId++;
      if (opts?.id !== undefined) {
        messageId = redelivered.get(opts.id) ?? messageId;
        redelivered.set(opts.id, messageId);
      }
      const name = opts?.senderName ?? 'Tipster';
      push(textMessage({ chat: privateChat(uid, name), from: user(uid, name), text, messageId }));
    },
    deliverGroup: async (chat, sender, text) => {
      const uid = userId(sender);
      push(textMessage({ chat: groupChat(groupId(chat), chat), from: user(uid), text, messageId: nextMessageId++ }));
    },
    // Bots get no receipts or typing. A reaction (not in allowed_updates, so Telegram withholds
    // it), a pinned-message service message and a member change stand in for the noise.
    deliverNoise: async (sender) => {
      const uid = userId(sender);
      const chat = privateChat(uid);
      push({
        message_reaction: {
          chat,
          message_id: 1,
          user: user(uid),
          date: 1_700_000_000,
          old_reaction: [],
          new_reaction: [{ type: 'emoji', emoji: '👍' }],
        },
      });
      push({
        message: {
          message_id: nextMessageId++,
          date: 1_700_000_000,
          chat,
          from: user(uid),
          pinned_message: { message_id: 1, date: 0, chat },
        } as never,
      });
      push({
        my_chat_member: {
          chat,
          from: user(uid),
          date: 1_700_000_000,
          old_chat_member: { status: 'member', user: { ...user(api.botInfo.id), is_bot: true } },
          new_chat_member: { status: 'kicked', user: { ...user(api.botInfo.id), is_bot: true }, until_date: 0 },
        },
      } as never);
      return true;
    },
    deliverOwnEcho: async (text) => {
      const [g] = CONTRACT_GROUP_CHATS;
      push(
        textMessage({
          chat: groupChat(groupId(g), g),
          from: { ...user(api.botInfo.id, 'Centinela'), is_bot: true },
          text,
          messageId: nextMessageId++,
        }),
      );
    },
    sent: async (chatId) => api.sentTexts(chatId),
    directChatId: (sender) => String(userId(sender)),
    groupChatId: (chat) => String(groupId(chat)),
    rateLimitNextSend: async (retryAfterMs) => {
      const seconds = Math.ceil(retryAfterMs / 1000);
      api.failNext('sendMessage', {
        error_code: 429,
        description: `Too Many Requests: retry after ${seconds}`,
        parameters: { retry_after: seconds },
      });
      return true;
    },
    cleanup: () => api.close(),
  };
});
