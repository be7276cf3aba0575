/**
 * Updates the adapter cannot read (a chat with no id, a message with no date) are turned away at
 * the edge in both receive modes: nothing reaches the runtime, no error is logged, and the
 * updates after them are handled as usual.
 */
import type { Update } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../bot/logger.js';
import type { InboundMessage } from '../../bot/messages.js';
import { FakeBotApi } from '../../tests/fakes/telegram/fake-bot-api.js';
import { IDS, privateChat, textMessage, user } from '../../tests/fakes/telegram/updates.js';
import { eventually } from '../../tests/support/eventually.js';
import { TelegramAdapter } from './adapter.js';
import { parseTelegramConfig } from './config.js';
import { updateProblem } from './webhook-body.js';

interface LogLine {
  level: string;
  obj: Record<string, unknown>;
  msg: string;
}

/** A private text message whose chat has lost its id, as a broken client or proxy could send. */
function chatWithoutId(text: string, messageId: number): Omit<Update, 'update_id'> {
  const good = textMessage({ chat: privateChat(IDS.maria), from: user(IDS.maria), text, messageId });
  const { id: _dropped, ...chat } = good.message!.chat;
  return { message: { ...good.message!, chat } } as unknown as Omit<Update, 'update_id'>;
}

describe('malformed Telegram updates', () => {
  it('names the field that is wrong, never a value', () => {
    expect(updateProblem({ update_id: 1, ...chatWithoutId('hola', 1) })).toBe('message.chat.id');
    expect(updateProblem({ update_id: 1, message: { message_id: 1, chat: { id: 5, type: 'private' } } })).toBe('message.date');
    expect(
      updateProblem({ update_id: 1, ...textMessage({ chat: privateChat(IDS.maria), from: user(IDS.maria), text: 'hola', messageId: 1 }) }),
    ).toBeUndefined();
  });

  describe('when polling', () => {
    let api: FakeBotApi;
    let adapter: TelegramAdapter | undefined;
    const logs: LogLine[] = [];
    const logger: Logger = {
      debug: (obj, msg) => void logs.push({ level: 'debug', obj, msg }),
      info: (obj, msg) => void logs.push({ level: 'info', obj, msg }),
      warn: (obj, msg) => void logs.push({ level: 'warn', obj, msg }),
      error: (obj, msg) => void logs.push({ level: 'error', obj, msg }),
    };

    beforeEach(async () => {
      api = await FakeBotApi.start();
      logs.length = 0;
    });
    afterEach(async () => {
      await adapter?.stop();
      await api.close();
    });

    it('skips an update whose chat has no id, logs no error, and goes on with the next one', async () => {
      const parsed = parseTelegramConfig({ token: api.token, apiRoot: api.apiRoot });
      if (!parsed.ok) throw new Error(parsed.errors.join());
      adapter = new TelegramAdapter({ config: parsed.config, botInfo: api.botInfo, pollTimeoutSeconds: 1, logger });
      const received: InboundMessage[] = [];
      await adapter.start(async (m) => void received.push(m));

      api.pushUpdate(chatWithoutId('sin chat', 1));
      api.pushUpdate(textMessage({ chat: privateChat(IDS.maria), from: user(IDS.maria), text: 'hola', messageId: 2 }));
      await eventually(() => expect(received.map((m) => m.text)).toEqual(['hola']));

      expect(logs.filter((l) => l.level === 'error')).toEqual([]);
      expect(logs).toContainEqual({ level: 'warn', obj: { reason: 'message.chat.id' }, msg: 'telegram update is not readable; skipped' });
    });
  });
});
