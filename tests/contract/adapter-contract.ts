/**
 * The contract every platform adapter (simulator, Signal, WhatsApp, Telegram) must pass, run over
 * each platform's fake. A harness drives the fake platform ("a user sends X") and reads back what
 * the fake received from the bot; the suite checks the adapter translates both ways the same way.
 *
 * @example
 * adapterContract('telegram', async () => {
 *   const fake = await FakeTelegram.start();
 *   return { adapter: new TelegramAdapter(fake.options), deliverDirect: ..., cleanup: () => fake.close() };
 * });
 *
 * The harness hands over an adapter that is NOT started; each test starts it with its own handler.
 * `deliver*` may resolve before or after the adapter hands the message on: the suite waits for
 * delivery itself, so asynchronous platforms (websockets, polling) are fine.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../bot/messages.js';
import { AdapterError } from '../../bot/port.js';
import type { AdapterPort } from '../../bot/port.js';
import { eventually } from '../support/eventually.js';

/**
 * Group chat names the suite uses with `deliverGroup` / `groupChatId`. Platforms where a chat must
 * exist (or be known as a group) before it can receive should create these up front.
 */
export const CONTRACT_GROUP_CHATS = ['contract-verifiers', 'contract-responders'] as const;

export interface ContractHarness {
  /** The adapter under test, not yet started. */
  adapter: AdapterPort;
  /** Make the fake platform deliver a direct text from a user. `senderName` is the user's profile/display name, if the platform has one (the adapter must not use it as the sender id). */
  deliverDirect(sender: string, text: string, opts?: { id?: string; senderName?: string }): Promise<void>;
  /** Make the fake platform deliver a text in a group chat (one of {@link CONTRACT_GROUP_CHATS}). */
  deliverGroup(chat: string, sender: string, text: string): Promise<void>;
  /** Deliver a non-message event (receipt, typing, reaction) the adapter must ignore; return false if the platform has none to test. */
  deliverNoise?(sender: string): Promise<boolean>;
  /** Deliver a message sent by the bot itself (echo); the adapter must ignore it. */
  deliverOwnEcho?(text: string): Promise<void>;
  /** What the fake platform received from the bot for a chat, as plain text (choices rendered however the platform does). */
  sent(chatId: string): Promise<string[]>;
  /** The adapter's chat id for the direct chat with `sender`. */
  directChatId(sender: string): string;
  /** The adapter's chat id for the group chat `chat`. */
  groupChatId(chat: string): string;
  /** Make the next send fail with a rate limit of retryAfterMs, if the platform has one; return false if not. */
  rateLimitNextSend?(retryAfterMs: number): Promise<boolean>;
  cleanup(): Promise<void>;
}

/** How long "nothing arrived" is watched for when there is no later message to wait on. */
const QUIET_MS = 150;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Registers the contract suite for one adapter. `makeHarness` is called once per test. */
export function adapterContract(name: string, makeHarness: () => Promise<ContractHarness>): void {
  describe(`adapter contract: ${name}`, () => {
    let h: ContractHarness;
    let received: InboundMessage[];

    beforeEach(async () => {
      h = await makeHarness();
      received = [];
      await h.adapter.start(async (m) => {
        received.push(m);
      });
    });

    afterEach(async () => {
      await h.adapter.stop().catch(() => undefined);
      await h.cleanup();
    });

    /** Delivers a direct marker message and waits until it arrives: everything delivered before it has been handled by then. */
    async function direct(sender: string, text: string, opts?: { id?: string; senderName?: string }): Promise<InboundMessage> {
      await h.deliverDirect(sender, text, opts);
      let found: InboundMessage | undefined;
      await eventually(() => {
        found = received.find((m) => m.text === text);
        expect(found, `direct message "${text}" was not delivered`).toBeDefined();
      });
      return found!;
    }

    async function group(chat: string, sender: string, text: string): Promise<InboundMessage> {
      await h.deliverGroup(chat, sender, text);
      let found: InboundMessage | undefined;
      await eventually(() => {
        found = received.find((m) => m.text === text);
        expect(found, `group message "${text}" was not delivered`).toBeDefined();
      });
      return found!;
    }

    it('classifies direct and group chats', async () => {
      const [g] = CONTRACT_GROUP_CHATS;
      const d = await direct('user-a', 'direct hello');
      expect(d.chat).toEqual({ id: h.directChatId('user-a'), kind: 'direct' });
      expect(d.platform).toBe(h.adapter.platform);

      const gm = await group(g, 'user-b', 'group hello');
      expect(gm.chat).toEqual({ id: h.groupChatId(g), kind: 'group' });
      expect(gm.chat.id).not.toBe(d.chat.id);
    });

    it('gives each message a platform id and a timestamp, and keeps the id on redelivery', async () => {
      const first = await direct('user-a', 'first');
      const second = await direct('user-a', 'second');
      for (const m of [first, second]) {
        expect(typeof m.messageId).toBe('string');
        expect(m.messageId).not.toBe('');
        expect(Number.isFinite(m.timestamp) && m.timestamp > 0).toBe(true);
        expect(m.attachments).toEqual([]);
      }
      expect(first.messageId).not.toBe(second.messageId);

      await h.deliverDirect('user-a', 'again', { id: 'contract-redelivered-1' });
      await h.deliverDirect('user-a', 'again', { id: 'contract-redelivered-1' });
      await direct('user-a', 'after redelivery');
      const copies = received.filter((m) => m.text === 'again');
      expect(copies.length).toBeGreaterThanOrEqual(1);
      expect(new Set(copies.map((m) => m.messageId)).size).toBe(1);
    });

    it('round-trips chat ids: a reply to inbound.chat reaches that chat', async () => {
      const [g] = CONTRACT_GROUP_CHATS;
      const d = await direct('user-c', 'hola');
      const r1 = await h.adapter.send({ chat: d.chat, text: 'reply to direct' });
      expect(r1.messageId === undefined || (typeof r1.messageId === 'string' && r1.messageId !== '')).toBe(true);
      await eventually(async () => expect((await h.sent(h.directChatId('user-c'))).join('\n')).toContain('reply to direct'));

      const gm = await group(g, 'user-c', 'in the group');
      await h.adapter.send({ chat: gm.chat, text: 'reply to group' });
      await eventually(async () => expect((await h.sent(h.groupChatId(g))).join('\n')).toContain('reply to group'));
      expect((await h.sent(h.directChatId('user-c'))).join('\n')).not.toContain('reply to group');
    });

    it('keeps sender ids stable across messages and chats, and distinct per person', async () => {
      const [g] = CONTRACT_GROUP_CHATS;
      const a1 = await direct('user-d', 'd one');
      const a2 = await direct('user-d', 'd two');
      const b1 = await direct('user-e', 'e one');
      const a3 = await group(g, 'user-d', 'd in group');
      expect(a1.sender).not.toBe('');
      expect(a2.sender).toBe(a1.sender);
      expect(a3.sender).toBe(a1.sender);
      expect(b1.sender).not.toBe(a1.sender);
    });

    it('never uses a display name as the sender id', async () => {
      const m = await direct('user-f', 'with a profile name', { senderName: 'María López' });
      expect(m.sender).not.toContain('María');
      expect(m.sender).not.toContain('López');
      expect(m.sender).toBe((await direct('user-f', 'same person, no name')).sender);
    });

    it('never hands the bot its own messages', async () => {
      const [g] = CONTRACT_GROUP_CHATS;
      const d = await direct('user-g', 'start');
      await h.adapter.send({ chat: d.chat, text: 'bot says hi' });
      await h.adapter.send({ chat: { id: h.groupChatId(g), kind: 'group' }, text: 'bot says hi to the group' });
      if (h.deliverOwnEcho) await h.deliverOwnEcho('bot echo');
      await direct('user-g', 'marker after echo');
      expect(received.map((m) => m.text)).toEqual(['start', 'marker after echo']);
    });

    it('ignores receipts, typing and reactions', async (ctx) => {
      const delivered = h.deliverNoise ? await h.deliverNoise('user-h') : false;
      if (!delivered) return ctx.skip();
      await direct('user-h', 'marker after noise');
      expect(received.map((m) => m.text)).toEqual(['marker after noise']);
    });

    it('shows choices in a readable form containing each label', async () => {
      const d = await direct('user-i', 'hi');
      await h.adapter.send({
        chat: d.chat,
        text: 'Is it happening now?',
        choices: [
          { value: '1', label: 'Sí, ahora' },
          { value: '2', label: 'Earlier today' },
          { value: '3', label: 'Not sure' },
        ],
      });
      await eventually(async () => {
        const all = (await h.sent(d.chat.id)).join('\n');
        expect(all).toContain('Is it happening now?');
        for (const label of ['Sí, ahora', 'Earlier today', 'Not sure']) expect(all).toContain(label);
      });
    });

    it('surfaces a rate limit as AdapterError rate_limited with retryAfterMs', async (ctx) => {
      const d = await direct('user-j', 'hi');
      const armed = h.rateLimitNextSend ? await h.rateLimitNextSend(3_000) : false;
      if (!armed) return ctx.skip();
      const err: unknown = await h.adapter.send({ chat: d.chat, text: 'too fast' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AdapterError);
      const ae = err as AdapterError;
      expect(ae.code).toBe('rate_limited');
      expect(ae.retryable).toBe(true);
      expect(ae.retryAfterMs).toBeGreaterThanOrEqual(3_000);
      expect(ae.message).not.toContain('too fast');
      // The limit was for one send only.
      await h.adapter.send({ chat: d.chat, text: 'after the limit' });
      await eventually(async () => expect((await h.sent(d.chat.id)).join('\n')).toContain('after the limit'));
    });

    it('delivers nothing after stop()', async () => {
      await direct('user-k', 'before stop');
      await h.adapter.stop();
      await h.deliverDirect('user-k', 'after stop').catch(() => undefined);
      await sleep(QUIET_MS);
      expect(received.map((m) => m.text)).toEqual(['before stop']);
    });

    it('rejects send() after stop() with AdapterError not_started', async () => {
      const d = await direct('user-l', 'hi');
      await h.adapter.stop();
      const err: unknown = await h.adapter.send({ chat: d.chat, text: 'too late' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AdapterError);
      expect((err as AdapterError).code).toBe('not_started');
      expect((await h.sent(d.chat.id)).join('\n')).not.toContain('too late');
    });
  });
}
