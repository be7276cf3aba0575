/**
 * Runs the adapter contract against the Signal adapter over the fake signal-cli-rest-api, once
 * per receive mode: WebSocket (server in json-rpc mode) and polling (normal mode).
 */
import { SignalAdapter } from '../../adapters/signal/adapter.js';
import { dataEnvelope, reactionEnvelope, receiptEnvelope, syncSentEnvelope, typingEnvelope } from '../fakes/signal/envelopes.js';
import { FakeSignalServer } from '../fakes/signal/fake-server.js';
import type { FakeMode } from '../fakes/signal/fake-server.js';
import { BOT_NUMBER, testConfig, uuidFor } from '../fakes/signal/harness.js';
import { adapterContract, CONTRACT_GROUP_CHATS } from './adapter-contract.js';

const BOT_UUID = uuidFor('the-bot-itself');

function signalHarness(mode: FakeMode) {
  return async () => {
    // Receive timeouts run 5× faster than real seconds: the contract is about what, not when.
    const fake = await FakeSignalServer.start({ mode, timing: { secondMs: 200 } });
    for (const name of CONTRACT_GROUP_CHATS) fake.addGroup(name);
    const adapter = new SignalAdapter({ config: testConfig(fake.url, { receive: mode === 'json-rpc' ? 'websocket' : 'poll' }) });

    // Signal's message id is author + timestamp: a redelivery repeats the timestamp.
    let clock = 1_722_868_000_000;
    const fixed = new Map<string, number>();
    const timestampFor = (id?: string): number => {
      if (id === undefined) return (clock += 1000);
      if (!fixed.has(id)) fixed.set(id, (clock += 1000));
      return fixed.get(id)!;
    };

    return {
      adapter,
      deliverDirect: async (sender: string, text: string, opts?: { id?: string; senderName?: string }) => {
        fake.pushEnvelope(
          dataEnvelope({ uuid: uuidFor(sender), number: null, name: opts?.senderName ?? null }, text, {
            timestamp: timestampFor(opts?.id),
          }),
        );
      },
      deliverGroup: async (chat: string, sender: string, text: string) => {
        fake.pushEnvelope(
          dataEnvelope({ uuid: uuidFor(sender) }, text, { timestamp: timestampFor(), groupId: fake.group(chat).internal_id }),
        );
      },
      deliverNoise: async (sender: string) => {
        const from = { uuid: uuidFor(sender) };
        fake.pushEnvelope(receiptEnvelope(from, timestampFor(), [1_722_868_000_000]));
        fake.pushEnvelope(typingEnvelope(from, timestampFor()));
        fake.pushEnvelope(reactionEnvelope(from, timestampFor(), { uuid: BOT_UUID, timestamp: 1_722_868_000_000 }));
        return true;
      },
      deliverOwnEcho: async (text: string) => {
        // What the account's phone sent (sync), and the bot's own number as a sender.
        fake.pushEnvelope(syncSentEnvelope({ uuid: BOT_UUID, number: BOT_NUMBER }, text, timestampFor(), uuidFor('user-g')));
        fake.pushEnvelope(dataEnvelope({ uuid: BOT_UUID, number: BOT_NUMBER }, text, { timestamp: timestampFor() }));
      },
      sent: async (chatId: string) => fake.sentTexts(chatId),
      directChatId: (sender: string) => uuidFor(sender),
      groupChatId: (chat: string) => fake.group(chat).id,
      rateLimitNextSend: async () => {
        // As the real server answers in json-rpc mode: no Retry-After; the adapter's default applies.
        fake.failNextSend({
          status: 429,
          body: {
            error:
              "Failed to send message due to rate limiting. Use the attached challenge tokens to lift the rate limit restrictions via the '/v1/accounts/{number}/rate-limit-challenge' endpoint.",
            challenge_tokens: ['26ccfae6-4fc1-4df0-a27c-084a8191704c'],
            account: BOT_NUMBER,
          },
        });
        return true;
      },
      cleanup: async () => {
        await adapter.stop();
        await fake.close();
      },
    };
  };
}

adapterContract('signal (websocket, json-rpc server)', signalHarness('json-rpc'));
adapterContract('signal (poll, normal server)', signalHarness('normal'));
