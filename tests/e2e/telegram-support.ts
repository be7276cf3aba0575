/**
 * Shared set-up of the Telegram end-to-end tests: a network configured for Telegram only (as an
 * admin would write it), the fake Bot API on 127.0.0.1 in place of api.telegram.org, and the bot
 * built exactly as `npm start` builds it: buildPlatforms, then composeCentinela, with an
 * in-memory database and a clock the test moves by hand.
 */
import type { Chat, Message, Update, User } from 'grammy/types';
import { expect } from 'vitest';
import { composeCentinela, type Centinela } from '../../app/compose.js';
import { createLogger } from '../../app/logger.js';
import { buildPlatforms } from '../../app/platforms.js';
import type { Config } from '../../bot/config/index.js';
import { mustParseConfig } from '../../bot/config/validate.js';
import { FakeBotApi, type RecordedCall } from '../fakes/telegram/fake-bot-api.js';
import { TEST_SECRET, T0 } from '../support/harness.js';
import { EASTSIDE_ZONE, TEST_NETWORK } from '../support/network.js';

/** The tipster: everything about them that Telegram shows the bot. None of it may leave the DM. */
export const TIPSTER: User = {
  id: 5_550_132_468,
  is_bot: false,
  first_name: 'Rosalinda',
  last_name: 'Quintanilla',
  username: 'rosa_del_eastside',
  language_code: 'es',
};
/** The tipster's private chat with the bot. */
export const TIPSTER_DM: Chat = { id: TIPSTER.id, type: 'private', first_name: TIPSTER.first_name };
export const VERIFIER: User = { id: 444_000_111, is_bot: false, first_name: 'Vera', username: 'vera_verifica' };
export const STRANGER: User = { id: 999_000_222, is_bot: false, first_name: 'Nadie' };

export const VERIFIER_GROUP: Chat = { id: -1_001_111_111_111, type: 'supergroup', title: 'Verificación' };
export const EAST_FORUM: Chat = { id: -1_002_223_334_445, type: 'supergroup', title: 'Respuesta Este', is_forum: true };
export const WEST_GROUP: Chat = { id: -4_005_556_667, type: 'group', title: 'West responders' };
/** The forum topic of the east responder group that alerts go to (the config's `thread`). */
export const EAST_TOPIC = 42;
/** Another topic of the same forum (general chatter): alerts must not land there. */
export const OTHER_TOPIC = 7;

export const WEBHOOK_PATH = '/telegram/webhook';
export const WEBHOOK_SECRET = 'e2e_webhook-secret_0123456789abcdefXYZ';
/** The `platforms.telegram` settings for webhook mode (config input). */
export const WEBHOOK_SETTINGS = { mode: 'webhook', webhookUrl: 'https://bot.example.org/telegram/webhook', secretToken: WEBHOOK_SECRET };

/** A Telegram-only network: verifier group, east responder forum (topic), west responder group. */
export function telegramConfig(telegram: Record<string, unknown>): Config {
  return mustParseConfig(
    {
      network: TEST_NETWORK,
      zones: [
        EASTSIDE_ZONE,
        {
          id: 'westside',
          name: { en: 'West Side', es: 'Lado Oeste' },
          aliases: ['westlake'],
          area: {
            polygon: [
              [34.065, -118.29],
              [34.065, -118.27],
              [34.05, -118.27],
              [34.05, -118.29],
            ],
          },
        },
      ],
      chats: {
        verifiers: [{ platform: 'telegram', id: String(VERIFIER_GROUP.id), language: 'es' }],
        responders: [
          { platform: 'telegram', id: String(EAST_FORUM.id), zones: ['eastside'], language: 'es', thread: String(EAST_TOPIC) },
          { platform: 'telegram', id: String(WEST_GROUP.id), zones: ['westside'], language: 'en' },
        ],
      },
      verifiers: [{ platform: 'telegram', id: String(VERIFIER.id), name: 'Vera' }],
      platforms: { telegram },
    },
    'telegram e2e config',
  );
}

/** A clock the test moves by hand; the runtime and the outbox dispatcher both read it. */
export class ManualClock {
  constructor(public now = T0) {}
  readonly read = (): number => this.now;
  advance(ms: number): void {
    this.now += ms;
  }
}

export interface TelegramBot {
  api: FakeBotApi;
  bot: Centinela;
  clock: ManualClock;
  config: Config;
}

/**
 * Starts the fake Bot API (with the bot's groups in it) and Centinela on it, built like
 * `npm start`. `telegram` is the platforms.telegram section (token and apiRoot are added).
 */
export async function startTelegramBot(telegram: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}): Promise<TelegramBot> {
  const api = await FakeBotApi.start();
  try {
    api.addChat(VERIFIER_GROUP);
    api.addChat(EAST_FORUM, { topics: [EAST_TOPIC, OTHER_TOPIC] });
    api.addChat(WEST_GROUP);
    const config = telegramConfig({ token: api.token, apiRoot: api.apiRoot, ...telegram });
    const logger = createLogger('silent');
    const built = buildPlatforms(config, env, logger);
    if (!built.ok) throw new Error(built.errors.join('\n'));
    const clock = new ManualClock();
    const bot = composeCentinela({
      config: built.config,
      secret: TEST_SECRET,
      logger,
      dbPath: ':memory:',
      clock: clock.read,
      platforms: built.platforms,
    });
    await bot.start();
    return { api, bot, clock, config: built.config };
  } catch (err) {
    await api.close();
    throw err;
  }
}

export { eventually } from '../support/eventually.js';

/** How many inbound messages the runtime has taken (handled, duplicate or ignored). */
export function taken(bot: Centinela): number {
  const c = bot.runtime.counters;
  return c.inbound + c.duplicates + c.ignored;
}

/** The next free message id in a chat (the bot's messages and the users' share one sequence). */
export function nextMessageId(api: FakeBotApi, chat: Chat): number {
  return api.chats.get(String(chat.id))?.nextMessageId ?? 1;
}

/** A message update from `from` in `chat`, dated by the test clock. */
export function messageUpdate(
  api: FakeBotApi,
  clock: ManualClock,
  chat: Chat,
  from: User,
  content: Partial<Message>,
): Omit<Update, 'update_id'> {
  return {
    message: { message_id: nextMessageId(api, chat), date: Math.floor(clock.now / 1000), chat, from, ...content } as NonNullable<
      Update['message']
    >,
  };
}

/** Successful send* calls to a chat. */
export function sendsTo(api: FakeBotApi, chat: Chat): RecordedCall[] {
  return api.calls().filter((c) => c.ok && /^send/.test(c.method) && String(c.params['chat_id']) === String(chat.id));
}

/** The text of a send call (message text or caption). */
export function textOf(call: RecordedCall): string {
  return String(call.params['text'] ?? call.params['caption'] ?? '');
}

/** The inline keyboard of a send call, as [label, callback_data] pairs. */
export function buttonsOf(call: RecordedCall): [string, string][] {
  const markup = call.params['reply_markup'] as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined;
  return (markup?.inline_keyboard ?? []).flat().map((b) => [b.text, b.callback_data]);
}

/** Every send so far: never a parse_mode, link previews always off on text messages. */
export function expectPlainTextOnly(api: FakeBotApi): void {
  const sends = api.calls().filter((c) => /^send/.test(c.method));
  expect(sends.length).toBeGreaterThan(0);
  for (const c of sends) {
    expect(c.params).not.toHaveProperty('parse_mode');
    if (c.method === 'sendMessage') expect(c.params['link_preview_options']).toEqual({ is_disabled: true });
  }
}
