/** Runs the adapter contract against the simulator adapter (its own fake platform). */
import { AdapterError } from '../../bot/port.js';
import { SimulatorAdapter } from '../../adapters/simulator/adapter.js';
import { adapterContract, CONTRACT_GROUP_CHATS } from './adapter-contract.js';

adapterContract('simulator', async () => {
  let clock = 1_700_000_000_000;
  const adapter = new SimulatorAdapter({ groupChats: [...CONTRACT_GROUP_CHATS], now: () => (clock += 1000) });
  return {
    adapter,
    // The simulator has no display names: senderName has nowhere to go.
    deliverDirect: async (sender, text, opts) => {
      await adapter.receive(opts?.id === undefined ? { sender, text } : { sender, text, id: opts.id });
    },
    deliverGroup: async (chat, sender, text) => {
      await adapter.receive({ chat, sender, text });
    },
    // No receipts, typing or reactions, and the bot's messages never come back as inbound.
    deliverNoise: async () => false,
    sent: async (chatId) => adapter.history(chatId).map((m) => m.text),
    directChatId: (sender) => sender,
    groupChatId: (chat) => chat,
    rateLimitNextSend: async (retryAfterMs) => {
      adapter.failNextSends(1, new AdapterError('rate_limited', 'simulated rate limit', { retryAfterMs }));
      return true;
    },
    cleanup: async () => adapter.close(),
  };
});
