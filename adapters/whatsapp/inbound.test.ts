import { describe, expect, it } from 'vitest';
import {
  BOT,
  RESPONDER_GROUP,
  T0_SECONDS,
  TIPSTER,
  VERIFIER,
  VERIFIER_GROUP,
  buttonReply,
  contactCard,
  decryptionFailure,
  dmFrom,
  document,
  documentWithCaption,
  edit,
  ephemeral,
  extendedText,
  groupAddStub,
  groupFrom,
  image,
  listReply,
  liveLocation,
  loadFixture,
  location,
  poll,
  reaction,
  revoke,
  senderKeyOnly,
  sticker,
  text,
  video,
  viewOnce,
  viewOnceV1,
  voiceNote,
  waMessage,
} from '../../tests/fakes/whatsapp/messages.js';
import { mediaTypeOf, toInbound } from './inbound.js';
import type { InboundContext } from './inbound.js';

const NOW = 1_800_000_000_000;
const ctx: InboundContext = { me: { id: BOT.pnDevice, lid: BOT.lidDevice }, now: NOW };

describe('toInbound: text and ids', () => {
  it('a direct text: chat and sender are the LID, the message id is chat/key.id', () => {
    const m = waMessage(dmFrom(TIPSTER, { id: 'AC00000000000001' }), text('hola, hay ICE en la esquina'));
    expect(toInbound(m, ctx)).toEqual({
      platform: 'whatsapp',
      chat: { id: TIPSTER.lid, kind: 'direct' },
      sender: TIPSTER.lid,
      messageId: `${TIPSTER.lid}/AC00000000000001`,
      timestamp: T0_SECONDS * 1000,
      text: 'hola, hay ICE en la esquina',
      attachments: [],
    });
  });

  it('the same person is the same sender whether WhatsApp addresses them by number or LID, any device', () => {
    const byLid = toInbound(waMessage(dmFrom(TIPSTER), text('a')), ctx)!;
    const byPnWithAlt = toInbound(waMessage({ chat: TIPSTER.pnDevice, chatAlt: TIPSTER.lidDevice }, text('b')), ctx)!;
    const byLidDevice = toInbound(waMessage({ chat: TIPSTER.lidDevice }, text('c')), ctx)!;
    expect(new Set([byLid.sender, byPnWithAlt.sender, byLidDevice.sender])).toEqual(new Set([TIPSTER.lid]));
    expect(byPnWithAlt.chat.id).toBe(TIPSTER.lid);
  });

  it('a number-only sender is the normalized number JID, or the LID Baileys has stored for it', () => {
    const m = waMessage({ chat: '15551230001:5@c.us' }, text('a'));
    expect(toInbound(m, ctx)!.sender).toBe(TIPSTER.pn);
    expect(toInbound(m, ctx)!.chat).toEqual({ id: TIPSTER.pn, kind: 'direct' });
    const mapped = toInbound(m, { ...ctx, resolve: { lidFor: (pn) => (pn === TIPSTER.pn ? TIPSTER.lid : undefined) } })!;
    expect(mapped.sender).toBe(TIPSTER.lid);
    expect(mapped.chat.id).toBe(TIPSTER.lid);
  });

  it('never uses the display name (pushName) as the sender', () => {
    const m = toInbound(waMessage(dmFrom(TIPSTER, { pushName: 'María López' }), text('x')), ctx)!;
    expect(JSON.stringify(m)).not.toContain('María');
  });

  it('a group message: the chat is the group, the sender the participant (LID preferred)', () => {
    const m = toInbound(waMessage(groupFrom(VERIFIER_GROUP, VERIFIER, { id: 'GRP1' }), text('/confirm 1042')), ctx)!;
    expect(m.chat).toEqual({ id: VERIFIER_GROUP, kind: 'group' });
    expect(m.sender).toBe(VERIFIER.lid);
    expect(m.messageId).toBe(`${VERIFIER_GROUP}/GRP1`);
    const pnGroup = toInbound(waMessage({ chat: RESPONDER_GROUP, participant: VERIFIER.pn }, text('voy')), ctx)!;
    expect(pnGroup.sender).toBe(VERIFIER.pn);
    const altOnly = toInbound(
      waMessage({ chat: RESPONDER_GROUP, participant: VERIFIER.pn, participantAlt: VERIFIER.lid }, text('voy')),
      ctx,
    )!;
    expect(altOnly.sender).toBe(VERIFIER.lid);
  });

  it('a verifier configured by phone number keeps that number as their id, even when addressed by LID', () => {
    const preferPn = (pn: string) => pn === VERIFIER.pn;
    const withAlt = toInbound(waMessage(groupFrom(VERIFIER_GROUP, VERIFIER), text('/confirmar 1')), { ...ctx, resolve: { preferPn } })!;
    expect(withAlt.sender).toBe(VERIFIER.pn);
    const lidOnly = waMessage({ chat: VERIFIER_GROUP, participant: VERIFIER.lid }, text('/confirmar 1'));
    expect(toInbound(lidOnly, { ...ctx, resolve: { preferPn } })!.sender).toBe(VERIFIER.lid); // number unknown
    expect(
      toInbound(lidOnly, { ...ctx, resolve: { preferPn, pnFor: (lid) => (lid === VERIFIER.lid ? VERIFIER.pn : undefined) } })!.sender,
    ).toBe(VERIFIER.pn);
    // Everyone else stays a LID.
    expect(toInbound(waMessage(dmFrom(TIPSTER), text('x')), { ...ctx, resolve: { preferPn } })!.sender).toBe(TIPSTER.lid);
  });

  it('a group message with no participant is nobody’s: ignored', () => {
    expect(toInbound(waMessage({ chat: VERIFIER_GROUP }, text('?')), ctx)).toBeUndefined();
  });

  it('extended text, with a quoted message → replyTo in the same chat', () => {
    const m = toInbound(
      waMessage(groupFrom(VERIFIER_GROUP), extendedText('confirmado', { id: '3EB0ALERT0001', text: 'Alerta #1042' })),
      ctx,
    )!;
    expect(m.text).toBe('confirmado');
    expect(m.replyTo).toBe(`${VERIFIER_GROUP}/3EB0ALERT0001`);
    expect(toInbound(waMessage(dmFrom(), extendedText('https://maps.app.goo.gl/xyz')), ctx)!.replyTo).toBeUndefined();
  });

  it('falls back to now when a message has no timestamp; reads Long timestamps', () => {
    expect(toInbound(waMessage(dmFrom(), text('x'), { messageTimestamp: null }), ctx)!.timestamp).toBe(NOW);
    expect(
      toInbound(waMessage(dmFrom(), text('x'), { messageTimestamp: { low: T0_SECONDS, high: 0, unsigned: true } as never }), ctx)!
        .timestamp,
    ).toBe(T0_SECONDS * 1000);
  });

  it('the choice of an old client’s button or list row arrives as its id', () => {
    expect(toInbound(waMessage(dmFrom(), buttonReply('2', 'No')), ctx)!.text).toBe('2');
    expect(toInbound(waMessage(dmFrom(), listReply('1')), ctx)!.text).toBe('1');
  });
});

describe('toInbound: media, through wrappers', () => {
  it('an image with a caption', () => {
    const m = toInbound(waMessage(dmFrom(), image('3 agentes', 48_213)), ctx)!;
    expect(m.text).toBe('3 agentes');
    expect(m.attachments).toEqual([{ kind: 'image', mime: 'image/jpeg', size: 48_213, ref: 'imageMessage' }]);
  });

  it('a photo alone (no caption) still arrives', () => {
    const m = toInbound(waMessage(dmFrom(), image()), ctx)!;
    expect(m.text).toBeUndefined();
    expect(m.attachments).toHaveLength(1);
  });

  it('an image inside a disappearing-messages wrapper (captured fixture)', () => {
    const raw = loadFixture('image-ephemeral-lid');
    const m = toInbound(raw, ctx)!;
    expect(m).toMatchObject({
      chat: { id: TIPSTER.lid, kind: 'direct' },
      sender: TIPSTER.lid,
      text: 'SUV negras en la esquina',
      timestamp: 1_795_280_460_000,
    });
    expect(m.attachments).toEqual([{ kind: 'image', mime: 'image/jpeg', size: 187_342, ref: 'imageMessage' }]);
    expect(mediaTypeOf(raw)).toBe('imageMessage');
  });

  it('a view-once video in a group (captured fixture), and view-once v1', () => {
    const m = toInbound(loadFixture('view-once-video-group'), ctx)!;
    expect(m).toMatchObject({ chat: { id: VERIFIER_GROUP, kind: 'group' }, sender: VERIFIER.lid, text: 'llegaron más agentes' });
    expect(m.attachments).toEqual([{ kind: 'video', mime: 'video/mp4', size: 2_483_011, ref: 'videoMessage' }]);
    expect(toInbound(waMessage(dmFrom(), viewOnceV1(image('vo'))), ctx)!.attachments[0]!.kind).toBe('image');
    expect(toInbound(waMessage(dmFrom(), viewOnce(video())), ctx)!.attachments[0]!.kind).toBe('video');
  });

  it('a document with a caption (captured fixture): a PNG document is an image', () => {
    const m = toInbound(loadFixture('document-with-caption-pn'), ctx)!;
    expect(m).toMatchObject({ chat: { id: TIPSTER.pn, kind: 'direct' }, sender: TIPSTER.pn, text: 'la placa del carro' });
    expect(m.attachments).toEqual([{ kind: 'image', mime: 'image/png', size: 90_412, name: 'captura.png', ref: 'documentMessage' }]);
    const pdf = toInbound(waMessage(dmFrom(), documentWithCaption(document('acta.pdf', 'application/pdf', 'el acta'))), ctx)!;
    expect(pdf.attachments[0]).toMatchObject({ kind: 'document', mime: 'application/pdf', name: 'acta.pdf' });
    expect(pdf.text).toBe('el acta');
  });

  it('a voice note and an ephemeral video', () => {
    expect(toInbound(waMessage(dmFrom(), voiceNote()), ctx)!.attachments).toEqual([
      { kind: 'audio', mime: 'audio/ogg; codecs=opus', size: 9_771, ref: 'audioMessage' },
    ]);
    const v = toInbound(waMessage(dmFrom(), ephemeral(video('video'))), ctx)!;
    expect(v.attachments[0]!.kind).toBe('video');
    expect(v.text).toBe('video');
  });
});

describe('toInbound: locations', () => {
  it('a location pin becomes a shared location (no text)', () => {
    const m = toInbound(waMessage(dmFrom(), location(34.0335, -118.207, { name: 'Tienda', address: '1st St' })), ctx)!;
    expect(m.location).toEqual({ lat: 34.0335, lng: -118.207 });
    expect(m.text).toBeUndefined();
    expect(m.attachments).toEqual([]);
  });

  it('a live location (captured fixture), with its caption; in a wrapper too', () => {
    const m = toInbound(loadFixture('live-location-lid'), ctx)!;
    expect(m.location).toEqual({ lat: 34.0335, lng: -118.207 });
    expect(m.text).toBe('estoy aquí');
    expect(toInbound(waMessage(dmFrom(), ephemeral(liveLocation(40.7, -74))), ctx)!.location).toEqual({ lat: 40.7, lng: -74 });
  });

  it('a pin with impossible coordinates is no location (and alone, no message)', () => {
    expect(toInbound(waMessage(dmFrom(), location(0, 0)), ctx)).toBeUndefined();
    expect(toInbound(waMessage(dmFrom(), location(91, 10)), ctx)).toBeUndefined();
  });
});

describe('toInbound: edits', () => {
  it('an edit (protocolMessage MESSAGE_EDIT in its wrapper) → editOf the original, with the new text', () => {
    const m = toInbound(waMessage(dmFrom(TIPSTER, { id: 'EDIT0001' }), edit('ORIG0001', TIPSTER.lid, '5 agentes, no 3')), ctx)!;
    expect(m.text).toBe('5 agentes, no 3');
    expect(m.editOf).toBe(`${TIPSTER.lid}/ORIG0001`);
    expect(m.messageId).toBe(`${TIPSTER.lid}/EDIT0001`);
    expect(m.timestamp).toBe((T0_SECONDS + 30) * 1000);
  });
});

describe('toInbound: ignored without error', () => {
  const cases: [string, () => ReturnType<typeof waMessage>][] = [
    ['own message (fromMe)', () => waMessage(dmFrom(TIPSTER, { fromMe: true }), text('bot reply'))],
    [
      'own message typed on the linked phone, in a group',
      () => waMessage({ chat: VERIFIER_GROUP, participant: BOT.lid, participantAlt: BOT.pn }, text('from phone')),
    ],
    ['status broadcast', () => waMessage({ chat: 'status@broadcast', participant: TIPSTER.pn }, image('story'))],
    ['broadcast list', () => waMessage({ chat: '1795280000@broadcast', participant: TIPSTER.pn }, text('bulk'))],
    ['newsletter', () => waMessage({ chat: '120363200000000001@newsletter' }, text('channel post'))],
    ['reaction', () => waMessage(dmFrom(), reaction('3EB0SENT', TIPSTER.lid))],
    ['revoke (delete for everyone)', () => waMessage(dmFrom(), revoke('ORIG', TIPSTER.lid))],
    ['poll in a group', () => waMessage(groupFrom(VERIFIER_GROUP), poll())],
    ['sticker in a group', () => waMessage(groupFrom(VERIFIER_GROUP), sticker())],
    ['contact card in a group', () => waMessage(groupFrom(VERIFIER_GROUP), contactCard())],
    ['sender-key distribution alone', () => waMessage(groupFrom(VERIFIER_GROUP), senderKeyOnly())],
    ['decryption failure stub', () => decryptionFailure(dmFrom())],
    ['decryption failure stub (captured fixture)', () => loadFixture('decryption-failure')],
    ['group add stub', () => groupAddStub(VERIFIER_GROUP, TIPSTER.lid)],
    ['empty text', () => waMessage(dmFrom(), text(''))],
    ['no key id', () => waMessage(dmFrom(TIPSTER, { id: '' }), text('x'))],
    ['unknown content', () => waMessage(dmFrom(), { someFutureMessage: { x: 1 } } as never)],
    ['an edit with no text', () => waMessage(dmFrom(), edit('ORIG', TIPSTER.lid, ''))],
  ];
  it.each(cases)('%s', (_name, make) => {
    expect(toInbound(make(), ctx)).toBeUndefined();
  });
});

describe('WhatsApp: what the bot cannot read, sent directly, still gets an answer', () => {
  it.each([
    ['sticker', () => waMessage(dmFrom(), sticker())],
    ['poll', () => waMessage(dmFrom(), poll())],
    ['contact card', () => waMessage(dmFrom(), contactCard())],
  ])('%s: a message with nothing to read', (_name, make) => {
    const m = toInbound(make(), ctx);
    expect(m?.chat.kind).toBe('direct');
    expect(m?.text).toBeUndefined();
    expect(m?.attachments).toEqual([]);
  });
});
