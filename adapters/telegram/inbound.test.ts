import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../bot/messages.js';
import { FIXTURES, IDS, fixture } from '../../tests/fakes/telegram/updates.js';
import type { FixtureName } from '../../tests/fakes/telegram/updates.js';
import { migrationOf, parseMessageRef, stripBotMention, toInbound, topicOf } from './inbound.js';

const NOW = 1_700_009_999_000;
const ctx = { botId: IDS.bot, botUsername: 'CentinelaBot', now: NOW };
const base = { platform: 'telegram' as const, attachments: [] };
const maria = String(IDS.maria);
const group = String(IDS.group);

/** The translation of every fixture; `undefined` = ignored without error. */
const expected: Record<FixtureName, InboundMessage | undefined> = {
  'private-text': {
    ...base,
    chat: { id: maria, kind: 'direct' },
    sender: maria,
    messageId: `${maria}:17`,
    timestamp: 1_700_000_000_000,
    text: 'Hay agentes en la esquina de 5th y Main',
  },
  'group-command-mention': {
    ...base,
    chat: { id: group, kind: 'group' },
    sender: String(IDS.ana),
    messageId: `${group}:230`,
    timestamp: 1_700_000_060_000,
    text: '/confirm 1042',
  },
  'group-command-other-bot': {
    ...base,
    chat: { id: group, kind: 'group' },
    sender: String(IDS.ana),
    messageId: `${group}:235`,
    timestamp: 1_700_001_000_000,
    text: '/start@OtherHelperBot',
  },
  location: {
    ...base,
    chat: { id: maria, kind: 'direct' },
    sender: maria,
    messageId: `${maria}:18`,
    timestamp: 1_700_000_120_000,
    location: { lat: 34.052235, lng: -118.243683 },
  },
  'photo-caption': {
    ...base,
    chat: { id: maria, kind: 'direct' },
    sender: maria,
    messageId: `${maria}:19`,
    timestamp: 1_700_000_180_000,
    text: 'Dos camionetas blancas, placas 8ABC123',
    attachments: [{ kind: 'image', mime: 'image/jpeg', size: 68420, ref: 'AgACAgEAAxkBAAMTphoto-large' }],
  },
  document: {
    ...base,
    chat: { id: maria, kind: 'direct' },
    sender: maria,
    messageId: `${maria}:20`,
    timestamp: 1_700_000_240_000,
    text: 'foto sin comprimir',
    attachments: [{ kind: 'image', mime: 'image/png', size: 245760, name: 'IMG_2041.png', ref: 'BQACAgEAAxkBAAMUdocument-png' }],
  },
  'callback-query': {
    ...base,
    chat: { id: maria, kind: 'direct' },
    sender: maria,
    messageId: 'cb:4382bfdwdsb323b2d9',
    timestamp: NOW,
    text: '2',
  },
  'edited-message': {
    ...base,
    chat: { id: maria, kind: 'direct' },
    sender: maria,
    messageId: `${maria}:17:edit:1700000095`,
    timestamp: 1_700_000_095_000,
    text: 'Hay agentes en la esquina de 6th y Main',
    editOf: `${maria}:17`,
  },
  'supergroup-migration': undefined,
  'supergroup-migrated-from': undefined,
  'forum-topic-message': {
    ...base,
    chat: { id: String(IDS.forum), kind: 'group' },
    sender: '333333333',
    messageId: `${IDS.forum}:88`,
    timestamp: 1_700_000_500_000,
    text: 'en camino',
  },
  'channel-post': undefined,
  'service-new-members': undefined,
  'own-echo': undefined,
  reply: {
    ...base,
    chat: { id: group, kind: 'group' },
    sender: String(IDS.ana),
    messageId: `${group}:234`,
    timestamp: 1_700_000_900_000,
    text: 'Los agentes se fueron a las 10:40',
    replyTo: `${group}:233`,
  },
};

describe('toInbound over the fixtures', () => {
  it.each(FIXTURES)('%s', (name) => {
    expect(toInbound(fixture(name), ctx)).toEqual(expected[name]);
  });

  it('never uses a username or display name as the sender', () => {
    for (const name of FIXTURES) {
      const m = toInbound(fixture(name), ctx);
      if (m) expect(m.sender).toMatch(/^\d+$/);
    }
  });
});

describe('toInbound edge cases', () => {
  it('ignores other bots and messages sent on behalf of a chat (anonymous admins)', () => {
    const u = fixture('reply');
    u.message!.from = { id: 42, is_bot: true, first_name: 'Other' };
    expect(toInbound(u, ctx)).toBeUndefined();
    const anon = fixture('reply');
    anon.message!.sender_chat = { id: IDS.group, type: 'group', title: 'Verificadores' };
    expect(toInbound(anon, ctx)).toBeUndefined();
  });

  it('a sticker sent directly goes on with nothing to read; in a group, and unknown updates, are ignored', () => {
    const sticker = fixture('private-text');
    delete sticker.message!.text;
    (sticker.message as unknown as Record<string, unknown>)['sticker'] = {
      file_id: 'x',
      file_unique_id: 'y',
      type: 'regular',
      width: 1,
      height: 1,
      is_animated: false,
      is_video: false,
    };
    const direct = toInbound(sticker, ctx);
    expect(direct?.chat.kind).toBe('direct');
    expect(direct?.text).toBeUndefined();
    expect(direct?.attachments).toEqual([]);
    const inGroup = structuredClone(sticker);
    inGroup.message!.chat = { id: IDS.group, type: 'group', title: 'Verificadores' };
    expect(toInbound(inGroup, ctx)).toBeUndefined();
    expect(toInbound({ update_id: 1, my_chat_member: {} } as never, ctx)).toBeUndefined();
    expect(toInbound({ update_id: 2 }, ctx)).toBeUndefined();
  });

  it('keeps a command addressed to another bot, and does nothing without a bot username', () => {
    expect(stripBotMention('/confirm@centinelabot 1042', 'CentinelaBot')).toBe('/confirm 1042');
    expect(stripBotMention('/confirm@CentinelaBot', 'CentinelaBot')).toBe('/confirm');
    expect(stripBotMention('/confirm@CentinelaBotX 1', 'CentinelaBot')).toBe('/confirm@CentinelaBotX 1');
    expect(stripBotMention('/confirm@CentinelaBot 1', undefined)).toBe('/confirm@CentinelaBot 1');
    expect(stripBotMention('mail me@CentinelaBot', 'CentinelaBot')).toBe('mail me@CentinelaBot');
  });

  it('leaves captions as they are (commands come as text)', () => {
    const u = fixture('photo-caption');
    u.message!.caption = '/confirm@CentinelaBot 1';
    expect(toInbound(u, ctx)?.text).toBe('/confirm@CentinelaBot 1');
  });

  it('ignores live-location movements (edits carrying a location)', () => {
    const u = fixture('location');
    u.edited_message = { ...u.message!, edit_date: 1_700_000_130 };
    delete u.message;
    expect(toInbound(u, ctx)).toBeUndefined();
  });

  it('keeps a real reply inside a forum topic', () => {
    const u = fixture('forum-topic-message');
    u.message!.reply_to_message!.message_id = 80;
    expect(toInbound(u, ctx)?.replyTo).toBe(`${IDS.forum}:80`);
  });

  it('translates a press on a message the bot can no longer see', () => {
    const u = fixture('callback-query');
    u.callback_query!.message = { message_id: 21, date: 0, chat: { id: IDS.maria, type: 'private', first_name: 'María' } };
    expect(toInbound(u, ctx)?.text).toBe('2');
    delete u.callback_query!.message;
    expect(toInbound(u, ctx)).toBeUndefined();
  });
});

describe('helpers', () => {
  it('migrationOf reads both sides of a group upgrade', () => {
    expect(migrationOf(fixture('supergroup-migration'))).toEqual({ from: group, to: String(IDS.supergroup) });
    expect(migrationOf(fixture('supergroup-migrated-from'))).toEqual({ from: group, to: String(IDS.supergroup) });
    expect(migrationOf(fixture('private-text'))).toBeUndefined();
  });

  it('topicOf keeps message_thread_id for forum topics only', () => {
    expect(topicOf(fixture('forum-topic-message'))).toEqual({ messageRef: `${IDS.forum}:88`, chatId: String(IDS.forum), threadId: 42 });
    const replyThread = fixture('reply');
    replyThread.message!.message_thread_id = 233;
    expect(topicOf(replyThread)).toBeUndefined();
  });

  it('parseMessageRef round-trips message ids and refuses button ids', () => {
    expect(parseMessageRef(`${IDS.supergroup}:5`)).toEqual({ chatId: String(IDS.supergroup), messageId: 5 });
    expect(parseMessageRef('cb:123')).toBeUndefined();
    expect(parseMessageRef(`${maria}:17:edit:1`)).toBeUndefined();
  });
});
