/**
 * What Baileys already knows about a sender, read from the session's key store (local, no
 * request to WhatsApp): the LID of someone addressed only by phone number, and, for people the
 * config names by number (verifiers), the number of someone addressed only by LID. Baileys keeps
 * this mapping itself (`lid-mapping` keys: `<pn user>` → `<lid user>`, `<lid user>_reverse` → `<pn user>`).
 */
import { jidEncode } from '@whiskeysockets/baileys';
import type { SignalKeyStore, WAMessage } from '@whiskeysockets/baileys';
import { chatKindOf, isLid, jidUser, normalizeUserJid } from './ids.js';
import type { UserResolver } from './ids.js';

/**
 * The resolver for one message's sender: looks up what the message itself does not say.
 * `preferPn` (normalized phone-number JIDs) are the people configured by number.
 */
export async function resolverFor(m: WAMessage, keys: SignalKeyStore, preferPn: ReadonlySet<string>): Promise<UserResolver> {
  const group = chatKindOf(m.key.remoteJid) === 'group';
  const seen = [
    normalizeUserJid(group ? (m.key.participant ?? m.participant) : m.key.remoteJid),
    normalizeUserJid(group ? m.key.participantAlt : m.key.remoteJidAlt),
  ];
  const lid = seen.find((j) => j !== undefined && isLid(j));
  const pn = seen.find((j) => j !== undefined && !isLid(j));
  const resolver: UserResolver = preferPn.size > 0 ? { preferPn: (j) => preferPn.has(j) } : {};
  try {
    if (pn && !lid) {
      const user = jidUser(pn);
      const lidUser = user ? (await keys.get('lid-mapping', [user]))[user] : undefined;
      if (typeof lidUser === 'string' && lidUser !== '') resolver.lidFor = (j) => (j === pn ? jidEncode(lidUser, 'lid') : undefined);
    } else if (lid && !pn && preferPn.size > 0) {
      const key = `${jidUser(lid) ?? ''}_reverse`;
      const pnUser = (await keys.get('lid-mapping', [key]))[key];
      if (typeof pnUser === 'string' && pnUser !== '')
        resolver.pnFor = (j) => (j === lid ? jidEncode(pnUser, 's.whatsapp.net') : undefined);
    }
  } catch {
    // Unknown is fine: the message's own ids are used.
  }
  return resolver;
}

/**
 * A person's id as an admin writes it in the config (`+1 555 010 0000`, `15550100000`, a JID, a
 * LID) as a normalized JID, or `undefined` if it is none of those.
 */
export function configuredUserJid(id: string): string | undefined {
  const trimmed = id.trim();
  if (trimmed.includes('@')) return normalizeUserJid(trimmed);
  const digits = trimmed.replace(/[\s().-]/g, '').replace(/^\+/, '');
  return /^\d{6,15}$/.test(digits) ? jidEncode(digits, 's.whatsapp.net') : undefined;
}
