import { describe, expect, it } from 'vitest';
import { loadSignalFixtures, signalFixture } from '../../tests/fakes/signal/load-fixtures.js';
import { attachmentKind, classifyFrame, envelopeToInbound } from './inbound.js';
import type { IgnoreReason, InboundContext } from './inbound.js';
import { toSendGroupId } from './ids.js';

const ctx: InboundContext = { account: '+15550100' };
const A = '2f1e6c3a-8b4d-4e2f-9a61-7c5d3b2e1f04';
const B = 'b73a0708-5c1e-4d7f-8e2a-f7f432d7bf6c';
const GROUP = toSendGroupId('mHN1kiXgMXpKz5Ah2l110NLQHzIrYaFuC3c3mzpSoaE=');

/** What each fixture must become: a message, an ignore reason, or a daemon error. Every fixture is listed. */
const EXPECTED: Record<string, 'message' | 'error' | IgnoreReason | IgnoreReason[]> = {
  'direct-text': 'message',
  'hidden-number': 'message',
  'group-text': 'message',
  attachment: 'message',
  quote: 'message',
  edit: 'message',
  mention: 'message',
  reaction: 'reaction',
  'remote-delete': 'remote_delete',
  'sync-sent': 'sync',
  typing: 'typing',
  'receipt-read': 'receipt',
  'receipt-delivery': 'receipt',
  sticker: 'message',
  story: 'story',
  'group-update': 'group_update',
  call: 'call',
  exception: 'unknown',
  'jsonrpc-error': 'error',
  'normal-mode-receive': ['invalid'],
};

describe('Signal inbound translation', () => {
  const fixtures = loadSignalFixtures();

  it('classifies every fixture, and every fixture is expected', () => {
    expect([...fixtures.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [name, frame] of fixtures) {
      const want = EXPECTED[name];
      const r = classifyFrame(frame, ctx);
      if (want === 'message' || want === 'error') expect(r.kind, name).toBe(want);
      else if (Array.isArray(want)) expect(r, name).toEqual({ kind: 'ignored', reason: want[0] });
      else expect(r, name).toEqual({ kind: 'ignored', reason: want });
      expect(envelopeToInbound(frame, ctx) === undefined, name).toBe(r.kind !== 'message');
    }
  });

  it('translates each element of a normal-mode receive array', () => {
    const arr = signalFixture('normal-mode-receive') as unknown[];
    const results = arr.map((f) => classifyFrame(f, ctx));
    expect(results.map((r) => r.kind)).toEqual(['message', 'ignored']);
    expect(envelopeToInbound(arr[0], ctx)).toMatchObject({ sender: A, text: 'Están en el estacionamiento del Walmart' });
  });

  it('a direct text: sender is the UUID, chat is the UUID, id is author:timestamp', () => {
    expect(envelopeToInbound(signalFixture('direct-text'), ctx)).toEqual({
      platform: 'signal',
      chat: { id: B, kind: 'direct' },
      sender: B,
      messageId: `${B}:1722868115744`,
      timestamp: 1722868115744,
      text: 'Hay agentes de ICE en la esquina de 5th y Main',
      attachments: [],
    });
  });

  it('a hidden number does not matter; the profile name is never the sender', () => {
    const m = envelopeToInbound(signalFixture('hidden-number'), ctx);
    expect(m?.sender).toBe(A);
    expect(JSON.stringify(m)).not.toContain('Tipster');
  });

  it('a group text lands in the group. chat', () => {
    const m = envelopeToInbound(signalFixture('group-text'), ctx);
    expect(m?.chat).toEqual({ id: GROUP, kind: 'group' });
    expect(m?.sender).toBe(B);
  });

  it('a sticker sent directly goes on with nothing to read (the bot asks again); in a group it is ignored', () => {
    const direct = envelopeToInbound(signalFixture('sticker'), ctx);
    expect(direct?.chat.kind).toBe('direct');
    expect(direct?.text).toBeUndefined();
    expect(direct?.attachments).toEqual([]);
    const inGroup = structuredClone(signalFixture('sticker')) as { envelope: { dataMessage: Record<string, unknown> } };
    inGroup.envelope.dataMessage['groupInfo'] = { groupId: 'a2V5', type: 'DELIVER' };
    expect(classifyFrame(inGroup, ctx)).toEqual({ kind: 'ignored', reason: 'sticker' });
  });

  it('attachments carry metadata and the server id, no bytes', () => {
    const m = envelopeToInbound(signalFixture('attachment'), ctx);
    expect(m?.text).toBeUndefined();
    expect(m?.attachments).toEqual([
      { kind: 'image', mime: 'image/jpeg', size: 48213, ref: '3174707558046123701.jpg' },
      { kind: 'video', mime: 'video/mp4', size: 3145728, name: 'VID_20240805.mp4', ref: '8812093847561234987.mp4' },
    ]);
  });

  it('a quote of the bot points at the bot message id we returned when sending', () => {
    expect(envelopeToInbound(signalFixture('quote'), ctx)?.replyTo).toBe('+15550100:1722868450000');
  });

  it('a quote of the bot by UUID only maps to the bot id once the UUID is known', () => {
    const f = structuredClone(signalFixture('quote')) as { envelope: { dataMessage: { quote: Record<string, unknown> } } };
    Object.assign(f.envelope.dataMessage.quote, { author: '0d4c1f2e-7a3b-4c5d-9e8f-1a2b3c4d5e6f', authorNumber: null });
    expect(envelopeToInbound(f, ctx)?.replyTo).toBe('0d4c1f2e-7a3b-4c5d-9e8f-1a2b3c4d5e6f:1722868450000');
    expect(envelopeToInbound(f, { ...ctx, selfUuid: '0d4c1f2e-7a3b-4c5d-9e8f-1a2b3c4d5e6f' })?.replyTo).toBe('+15550100:1722868450000');
  });

  it('an edit carries the new text and points at the edited message', () => {
    const m = envelopeToInbound(signalFixture('edit'), ctx);
    expect(m).toMatchObject({ text: 'hola, son 3 agentes', editOf: `${A}:1722868200111`, messageId: `${A}:1722868800777` });
  });

  it('mention placeholders are removed from the text', () => {
    expect(envelopeToInbound(signalFixture('mention'), ctx)?.text).toBe('confirmar 12');
  });

  it("ignores the bot's own messages and frames of another account", () => {
    const own = structuredClone(signalFixture('direct-text')) as { envelope: Record<string, unknown>; account: string };
    own.envelope['sourceNumber'] = '+15550100';
    expect(classifyFrame(own, ctx)).toEqual({ kind: 'ignored', reason: 'own' });
    const byUuid = structuredClone(signalFixture('hidden-number')) as { envelope: Record<string, unknown> };
    expect(classifyFrame(byUuid, { ...ctx, selfUuid: A })).toEqual({ kind: 'ignored', reason: 'own' });
    const other = { ...(signalFixture('direct-text') as object), account: '+15550999' };
    expect(classifyFrame(other, ctx)).toEqual({ kind: 'ignored', reason: 'other_account' });
  });

  it('refuses a sender whose sourceUuid is not a UUID: a phone number, a username, junk', () => {
    for (const sourceUuid of ['+15551234567', '15551234567', 'maria.gomez', `${A}x`, A.replace(/-/g, ''), ' ', `${A}\n`]) {
      const frame = structuredClone(signalFixture('direct-text')) as { envelope: Record<string, unknown> };
      frame.envelope['sourceUuid'] = sourceUuid;
      expect(classifyFrame(frame, ctx), sourceUuid).toEqual({ kind: 'ignored', reason: 'bad_sender' });
    }
    const upper = structuredClone(signalFixture('direct-text')) as { envelope: Record<string, unknown> };
    upper.envelope['sourceUuid'] = A.toUpperCase();
    expect(envelopeToInbound(upper, ctx)?.sender).toBe(A); // a UUID in capitals is still a UUID
  });

  it('never throws on junk', () => {
    for (const junk of [
      null,
      undefined,
      42,
      'x',
      [],
      {},
      { envelope: null },
      { envelope: { timestamp: 'x' } },
      { envelope: { timestamp: 1, dataMessage: { message: 5 } } },
    ]) {
      expect(() => classifyFrame(junk, ctx)).not.toThrow();
      expect(envelopeToInbound(junk, ctx)).toBeUndefined();
    }
    expect(classifyFrame({ envelope: { timestamp: 1, sourceUuid: null, dataMessage: { timestamp: 1, message: 'x' } } }, ctx)).toEqual({
      kind: 'ignored',
      reason: 'no_sender',
    });
  });

  it('maps MIME types to attachment kinds', () => {
    expect(['image/png', 'video/quicktime', 'audio/aac', 'application/pdf', 'application/x-krita'].map(attachmentKind)).toEqual([
      'image',
      'video',
      'audio',
      'document',
      'other',
    ]);
  });
});
