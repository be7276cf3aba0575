/**
 * WhatsApp ids as Centinela uses them. Pure.
 *
 * - A person is a JID: `<phone>@s.whatsapp.net` (PN) or `<opaque>@lid` (LID, which hides the
 *   number). Their stable id is the **LID when known**, else the PN, always without the device
 *   suffix (`123:4@lid` → `123@lid`) and with `c.us` spelled `s.whatsapp.net`.
 * - A direct chat's id is the person's stable id (sending to a LID works); a group's is its
 *   `…@g.us` JID.
 * - A message is `${chatId}/${key.id}` ({@link messageRef}): what a redelivery maps to again, and
 *   what a reply quotes.
 *
 * @example
 * stableUserId('15551234567:3@s.whatsapp.net', '98765432101234@lid') // '98765432101234@lid'
 * messageRef('120363041234567890@g.us', '3EB0C431C26A1916E05A') // '120363041234567890@g.us/3EB0C431C26A1916E05A'
 */
import { isJidGroup, jidDecode, jidEncode } from '@whiskeysockets/baileys';
import type { ChatKind } from '../../bot/messages.js';

/** `${chatId}/${messageKeyId}`: the id of a WhatsApp message outside this adapter. */
export function messageRef(chatId: string, keyId: string): string {
  return `${chatId}/${keyId}`;
}

/** Parses {@link messageRef}'s form back; `undefined` for anything else. */
export function parseMessageRef(ref: string): { chatId: string; keyId: string } | undefined {
  const cut = ref.lastIndexOf('/');
  if (cut <= 0 || cut === ref.length - 1) return undefined;
  const chatId = ref.slice(0, cut);
  const keyId = ref.slice(cut + 1);
  if (!/^[A-Za-z0-9_-]+$/.test(keyId) || !chatId.includes('@')) return undefined;
  return { chatId, keyId };
}

/** A person's JID, normalized (no device, `s.whatsapp.net` for `c.us`), or `undefined` if it is not a person. */
export function normalizeUserJid(jid: string | null | undefined): string | undefined {
  if (!jid) return undefined;
  const d = jidDecode(jid);
  if (!d || !d.user) return undefined;
  switch (d.server) {
    case 's.whatsapp.net':
    case 'c.us':
      return jidEncode(d.user, 's.whatsapp.net');
    case 'lid':
    case 'hosted':
    case 'hosted.lid':
      return jidEncode(d.user, d.server);
    default:
      return undefined;
  }
}

/** Whether a (normalized) person JID is a LID. */
export function isLid(jid: string): boolean {
  return jid.endsWith('@lid') || jid.endsWith('@hosted.lid');
}

/** What is known beyond the message itself (Baileys' stored LID ↔ number mapping, the config). */
export interface UserResolver {
  /** The LID Baileys stored for a phone-number JID. */
  lidFor?: (pnJid: string) => string | undefined;
  /** The phone-number JID Baileys stored for a LID. */
  pnFor?: (lidJid: string) => string | undefined;
  /** People configured by phone number (verifiers): they keep that number as their id. */
  preferPn?: (pnJid: string) => boolean;
}

/**
 * The stable id of a person seen as `primary` (the key's `remoteJid`/`participant`) and `alt`
 * (v7's `remoteJidAlt`/`participantAlt`, the other form): the LID if either is one (or `resolve`
 * knows it), else the phone-number JID. Someone configured by number (`preferPn`) keeps the number.
 */
export function stableUserId(primary: string | null | undefined, alt?: string | null, resolve: UserResolver = {}): string | undefined {
  const seen = [normalizeUserJid(primary), normalizeUserJid(alt)];
  let lid = seen.find((j) => j !== undefined && isLid(j));
  let pn = seen.find((j) => j !== undefined && !isLid(j));
  if (!lid && pn) lid = asKind(resolve.lidFor?.(pn), true);
  if (!pn && lid && resolve.preferPn) pn = asKind(resolve.pnFor?.(lid), false);
  if (pn && resolve.preferPn?.(pn)) return pn;
  return lid ?? pn;
}

function asKind(jid: string | undefined, lid: boolean): string | undefined {
  const j = normalizeUserJid(jid);
  return j !== undefined && isLid(j) === lid ? j : undefined;
}

/** What a chat JID is: a group, a person (direct), or `undefined` (status, broadcast lists, newsletters, bots, calls). */
export function chatKindOf(jid: string | null | undefined): ChatKind | undefined {
  if (!jid) return undefined;
  if (isJidGroup(jid)) return 'group';
  return normalizeUserJid(jid) !== undefined ? 'direct' : undefined;
}

/** The user part of a JID (`15551234567` of `15551234567:2@s.whatsapp.net`); the key Baileys' lid-mapping uses. */
export function jidUser(jid: string): string | undefined {
  return jidDecode(jid)?.user || undefined;
}

/** Whether two JIDs name the same person (any device, PN or LID form as given). */
export function sameUser(a: string | undefined, b: string | undefined): boolean {
  const x = normalizeUserJid(a);
  return x !== undefined && x === normalizeUserJid(b);
}
