/**
 * Runs the adapter contract against WhatsAppAdapter over the fake WhatsApp (sockets built on
 * Baileys' own event emitter, injected through the socket factory: nothing leaves the process).
 * People are addressed as v7 does: a LID chat with the phone number as `remoteJidAlt`. A
 * redelivery is the same key id arriving again (WhatsApp resends after a missed ack).
 */
import { WhatsAppAdapter } from '../../adapters/whatsapp/adapter.js';
import { parseWhatsAppConfig } from '../../adapters/whatsapp/config.js';
import { linkedAuth } from '../fakes/whatsapp/auth.js';
import { rateOverlimit } from '../fakes/whatsapp/boom.js';
import { FakeWhatsApp } from '../fakes/whatsapp/fake-socket.js';
import { BOT, decryptionFailure, keyId, reaction, revoke, text, waMessage } from '../fakes/whatsapp/messages.js';
import { adapterContract, CONTRACT_GROUP_CHATS } from './adapter-contract.js';

adapterContract('whatsapp', async () => {
  const wa = new FakeWhatsApp();
  const { auth } = linkedAuth();
  // Fast pacing for the suite (the pacer has its own tests); a rate limit pauses sends for 3 s.
  const parsed = parseWhatsAppConfig({ pacing: { perChatPerMinute: 1000, overallPerMinute: 1000, minGapMs: 0, pauseOnLimitMs: 3_000 } });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const adapter = new WhatsAppAdapter({ config: parsed.config, auth, socketFactory: wa.factory, downloadMedia: wa.download });

  const groups = new Map<string, string>(CONTRACT_GROUP_CHATS.map((name, i) => [name, `12036304${String(i).padStart(10, '0')}@g.us`]));
  const people = new Map<string, { lid: string; pn: string }>();
  const person = (sender: string) => {
    let p = people.get(sender);
    if (!p) {
      const n = people.size + 1;
      p = { lid: `${String(200_000_000_000_000 + n)}@lid`, pn: `1555200${String(n).padStart(4, '0')}@s.whatsapp.net` };
      people.set(sender, p);
    }
    return p;
  };
  const groupJid = (chat: string) => {
    const jid = groups.get(chat);
    if (!jid) throw new Error(`unknown contract group ${chat}`);
    return jid;
  };
  const redelivered = new Map<string, string>();
  const idFor = (id?: string) => {
    if (id === undefined) return keyId('AC');
    if (!redelivered.has(id)) redelivered.set(id, keyId('AC'));
    return redelivered.get(id)!;
  };

  return {
    adapter,
    deliverDirect: async (sender, body, opts) => {
      const p = person(sender);
      wa.current.deliver([
        waMessage({ chat: p.lid, chatAlt: p.pn, id: idFor(opts?.id), pushName: opts?.senderName ?? 'Tipster' }, text(body)),
      ]);
    },
    deliverGroup: async (chat, sender, body) => {
      const p = person(sender);
      wa.current.deliver([
        waMessage({ chat: groupJid(chat), participant: p.lid, participantAlt: p.pn, id: idFor(), pushName: 'Member' }, text(body)),
      ]);
    },
    // Receipts, typing and reactions: their own events, plus what shows up on messages.upsert.
    deliverNoise: async (sender) => {
      const p = person(sender);
      const ev = wa.current.ev;
      ev.emit('messages.update', [{ key: { remoteJid: p.lid, fromMe: true, id: 'SENT1' }, update: { status: 4 } }]);
      ev.emit('message-receipt.update', [
        { key: { remoteJid: p.lid, fromMe: true, id: 'SENT1' }, receipt: { userJid: p.lid, readTimestamp: 1_795_280_400 } },
      ]);
      ev.emit('presence.update', { id: p.lid, presences: { [p.lid]: { lastKnownPresence: 'composing' } } });
      ev.emit('messages.reaction', [
        {
          key: { remoteJid: p.lid, fromMe: true, id: 'SENT1' },
          reaction: { text: '👍', key: { remoteJid: p.lid, fromMe: false, id: idFor() } },
        },
      ]);
      wa.current.deliver([
        waMessage({ chat: p.lid, chatAlt: p.pn, id: idFor() }, reaction('SENT1', p.lid)),
        waMessage({ chat: p.lid, chatAlt: p.pn, id: idFor() }, revoke('SENT0', p.lid)),
        decryptionFailure({ chat: p.lid, chatAlt: p.pn, id: idFor() }),
      ]);
      return true;
    },
    deliverOwnEcho: async (body) => {
      const [g] = CONTRACT_GROUP_CHATS;
      // Sent from the linked phone (fromMe), and the account as a group participant.
      wa.current.deliver([waMessage({ chat: groupJid(g), participant: BOT.lid, fromMe: true, id: idFor() }, text(body))]);
      wa.current.deliver(
        [waMessage({ chat: groupJid(g), participant: BOT.lidDevice, participantAlt: BOT.pnDevice, id: idFor() }, text(body))],
        'append',
      );
    },
    sent: async (chatId) => wa.sentTexts(chatId),
    directChatId: (sender) => person(sender).lid,
    groupChatId: (chat) => groupJid(chat),
    rateLimitNextSend: async () => {
      wa.failNextSend(rateOverlimit());
      return true;
    },
    cleanup: async () => {
      await adapter.stop();
    },
  };
});
