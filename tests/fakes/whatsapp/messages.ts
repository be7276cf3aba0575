/**
 * `WAMessage` fixtures as Baileys 7 delivers them on `messages.upsert`: plain objects with the
 * shapes of `proto.IWebMessageInfo` plus v7's key fields (`remoteJidAlt`, `participantAlt`,
 * `addressingMode`). Numbers are made up (555 numbers, fake LIDs). Captured-style payloads with
 * media keys live in ./fixtures/*.json (BufferJSON), loaded with {@link loadFixture}.
 */
import { readFileSync } from 'node:fs';
import { BufferJSON, proto } from '@whiskeysockets/baileys';
import type { WAMessage, WAMessageKey } from '@whiskeysockets/baileys';

/** The bot's own account (a linked device: device 12). */
export const BOT = {
  pn: '15550009999@s.whatsapp.net',
  lid: '99990000111122@lid',
  pnDevice: '15550009999:12@s.whatsapp.net',
  lidDevice: '99990000111122:12@lid',
};
/** A tipster known by LID and number. */
export const TIPSTER = {
  pn: '15551230001@s.whatsapp.net',
  lid: '123450000000001@lid',
  pnDevice: '15551230001:3@s.whatsapp.net',
  lidDevice: '123450000000001:3@lid',
};
/** A verifier, writing in the verifier group. */
export const VERIFIER = { pn: '15551230002@s.whatsapp.net', lid: '123450000000002@lid' };
export const VERIFIER_GROUP = '120363041234567890@g.us';
export const RESPONDER_GROUP = '120363049876543210@g.us';
/** 2026-11-21 17:00:00 UTC, in seconds (how WhatsApp stamps messages). */
export const T0_SECONDS = 1_795_280_400;

let seq = 0;
/** A message id in WhatsApp's style (`3EB0…` from web clients, `BAE5…`/`AC…` from phones). */
export function keyId(prefix = '3EB0'): string {
  seq += 1;
  return `${prefix}${seq.toString(16).toUpperCase().padStart(16, '0')}`;
}

export interface From {
  /** The chat: a person's JID (direct) or a group JID. */
  chat: string;
  /** v7: the other form of a direct chat's person (PN when chat is a LID, and the reverse). */
  chatAlt?: string;
  /** The sender in a group. */
  participant?: string;
  /** v7: the other form of the participant. */
  participantAlt?: string;
  fromMe?: boolean;
  id?: string;
  timestamp?: number;
  pushName?: string;
}

/** A message with the given content from `from`. */
export function waMessage(from: From, message: proto.IMessage | undefined, extra: Partial<WAMessage> = {}): WAMessage {
  const key: WAMessageKey = { remoteJid: from.chat, fromMe: from.fromMe ?? false, id: from.id ?? keyId() };
  if (from.chatAlt) key.remoteJidAlt = from.chatAlt;
  if (from.participant) key.participant = from.participant;
  if (from.participantAlt) key.participantAlt = from.participantAlt;
  key.addressingMode = from.chat.endsWith('@lid') || from.participant?.endsWith('@lid') ? 'lid' : 'pn';
  const m: WAMessage = { key, messageTimestamp: from.timestamp ?? T0_SECONDS, ...extra };
  if (message) m.message = message;
  if (from.pushName !== undefined) m.pushName = from.pushName;
  return m;
}

/** A tipster's direct chat, as v7 addresses it: LID chat with the number as alt. */
export const dmFrom = (who = TIPSTER, extra: Partial<From> = {}): From => ({
  chat: who.lid,
  chatAlt: who.pn,
  pushName: 'María López',
  ...extra,
});
/** A message in a group from `who` (LID participant, number as alt). */
export const groupFrom = (group: string, who: { lid: string; pn: string } = VERIFIER, extra: Partial<From> = {}): From => ({
  chat: group,
  participant: who.lid,
  participantAlt: who.pn,
  pushName: 'Ana',
  ...extra,
});

export const text = (s: string): proto.IMessage => ({ conversation: s });
export const extendedText = (s: string, quoted?: { id: string; participant?: string; text?: string }): proto.IMessage => ({
  extendedTextMessage: {
    text: s,
    ...(quoted
      ? {
          contextInfo: {
            stanzaId: quoted.id,
            participant: quoted.participant ?? BOT.lid,
            quotedMessage: { conversation: quoted.text ?? 'quoted' },
          },
        }
      : {}),
  },
});

const mediaFields = (mime: string, length: number) => ({
  url: 'https://mmg.whatsapp.net/v/t62.7118-24/12345678_1234567890_n.enc?ccb=11-4',
  mimetype: mime,
  fileSha256: Buffer.alloc(32, 1),
  fileLength: length,
  mediaKey: Buffer.alloc(32, 2),
  fileEncSha256: Buffer.alloc(32, 3),
  directPath: '/v/t62.7118-24/12345678_1234567890_n.enc?ccb=11-4',
  mediaKeyTimestamp: T0_SECONDS,
});

export const image = (caption?: string, length = 48_213): proto.IMessage => ({
  imageMessage: {
    ...mediaFields('image/jpeg', length),
    height: 1280,
    width: 960,
    ...(caption !== undefined ? { caption } : {}),
    jpegThumbnail: Buffer.alloc(16, 4),
  },
});
export const video = (caption?: string): proto.IMessage => ({
  videoMessage: { ...mediaFields('video/mp4', 1_204_112), seconds: 9, ...(caption !== undefined ? { caption } : {}) },
});
export const voiceNote = (): proto.IMessage => ({
  audioMessage: { ...mediaFields('audio/ogg; codecs=opus', 9_771), seconds: 4, ptt: true },
});
export const document = (fileName: string, mime: string, caption?: string): proto.IMessage => ({
  documentMessage: { ...mediaFields(mime, 70_001), fileName, title: fileName, ...(caption !== undefined ? { caption } : {}) },
});
export const location = (lat: number, lng: number, extra: proto.Message.ILocationMessage = {}): proto.IMessage => ({
  locationMessage: { degreesLatitude: lat, degreesLongitude: lng, jpegThumbnail: Buffer.alloc(8, 5), ...extra },
});
export const liveLocation = (lat: number, lng: number, caption?: string): proto.IMessage => ({
  liveLocationMessage: {
    degreesLatitude: lat,
    degreesLongitude: lng,
    accuracyInMeters: 12,
    sequenceNumber: 1,
    ...(caption !== undefined ? { caption } : {}),
  },
});

/** Wrappers WhatsApp puts around content. */
export const ephemeral = (m: proto.IMessage): proto.IMessage => ({ ephemeralMessage: { message: m } });
export const viewOnce = (m: proto.IMessage): proto.IMessage => ({ viewOnceMessageV2: { message: m } });
export const viewOnceV1 = (m: proto.IMessage): proto.IMessage => ({ viewOnceMessage: { message: m } });
export const documentWithCaption = (m: proto.IMessage): proto.IMessage => ({ documentWithCaptionMessage: { message: m } });

/** What v7 delivers for an edit: the edit, inside an `editedMessage` wrapper. */
export const edit = (originalId: string, chat: string, s: string): proto.IMessage => ({
  editedMessage: {
    message: {
      protocolMessage: {
        key: { remoteJid: chat, fromMe: false, id: originalId },
        type: proto.Message.ProtocolMessage.Type.MESSAGE_EDIT,
        editedMessage: { conversation: s },
        timestampMs: (T0_SECONDS + 30) * 1000,
      },
    },
  },
});
export const revoke = (originalId: string, chat: string): proto.IMessage => ({
  protocolMessage: { key: { remoteJid: chat, fromMe: false, id: originalId }, type: proto.Message.ProtocolMessage.Type.REVOKE },
});
export const reaction = (targetId: string, chat: string, emoji = '👍'): proto.IMessage => ({
  reactionMessage: { key: { remoteJid: chat, fromMe: true, id: targetId }, text: emoji, senderTimestampMs: T0_SECONDS * 1000 },
});
export const poll = (): proto.IMessage => ({
  pollCreationMessageV3: { name: '¿Vienes?', options: [{ optionName: 'Sí' }, { optionName: 'No' }], selectableOptionsCount: 1 },
});
export const sticker = (): proto.IMessage => ({ stickerMessage: { ...mediaFields('image/webp', 12_000), isAnimated: false } });
export const contactCard = (): proto.IMessage => ({
  contactMessage: {
    displayName: 'Juan',
    vcard: 'BEGIN:VCARD\nVERSION:3.0\nFN:Juan\nTEL;type=CELL;waid=15551230099:+1 555 123 0099\nEND:VCARD',
  },
});
/** A sender-key distribution that came alone (the first message of a new group member's device). */
export const senderKeyOnly = (): proto.IMessage => ({
  senderKeyDistributionMessage: { groupId: VERIFIER_GROUP, axolotlSenderKeyDistributionMessage: Buffer.alloc(8, 6) },
});
export const buttonReply = (id: string, label: string): proto.IMessage => ({
  buttonsResponseMessage: { selectedButtonId: id, selectedDisplayText: label, type: 1 },
});
export const listReply = (rowId: string): proto.IMessage => ({
  listResponseMessage: {
    title: 'Opción',
    listType: proto.Message.ListResponseMessage.ListType.SINGLE_SELECT,
    singleSelectReply: { selectedRowId: rowId },
  },
});

/** A message WhatsApp could not decrypt: a CIPHERTEXT stub with no content (a retry may follow). */
export function decryptionFailure(from: From): WAMessage {
  return waMessage(from, undefined, {
    messageStubType: proto.WebMessageInfo.StubType.CIPHERTEXT,
    messageStubParameters: ['Message absent from node'],
  });
}
/** Someone added to a group: a stub with no content. */
export function groupAddStub(group: string, added: string): WAMessage {
  return waMessage({ chat: group, participant: VERIFIER.lid }, undefined, {
    messageStubType: proto.WebMessageInfo.StubType.GROUP_PARTICIPANT_ADD,
    messageStubParameters: [added],
  });
}

/** A fixture from ./fixtures (JSON written with BufferJSON.replacer), revived with Buffers. */
export function loadFixture(name: string): WAMessage {
  const raw = readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');
  return JSON.parse(raw, BufferJSON.reviver) as WAMessage;
}
