/** What a pending row holds: the message without file bytes or names, and how a crash leaves its files. */
import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '../messages.js';
import { describePending, restorePending } from './pending-inbound.js';

const MESSAGE: InboundMessage = {
  platform: 'signal',
  chat: { id: 'c0ffee00-0000-4000-a000-000000000001', kind: 'direct' },
  sender: 'c0ffee00-0000-4000-a000-000000000001',
  messageId: 'c0ffee00-0000-4000-a000-000000000001:1722868000000',
  timestamp: 1_722_868_000_000,
  text: 'en la esquina de 1st y Soto',
  location: { lat: 34.04, lng: -118.21 },
  attachments: [
    {
      kind: 'image',
      mime: 'image/jpeg',
      name: 'IMG_20261121_0912.jpg',
      ref: 'signal-attachment-id',
      data: new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]),
    },
    { kind: 'video', mime: 'video/mp4', size: 9_000_000 },
  ],
};

describe('pending inbound messages', () => {
  it("describePending keeps the text and each file's kind, type and size; never bytes, names or handles", () => {
    const json = describePending(MESSAGE);
    expect(json).toContain('en la esquina de 1st y Soto');
    expect(json).not.toContain('IMG_2026');
    expect(json).not.toContain('signal-attachment-id');
    expect(JSON.parse(json).attachments).toEqual([
      { kind: 'image', mime: 'image/jpeg', size: 6 },
      { kind: 'video', mime: 'video/mp4', size: 9_000_000 },
    ]);
  });

  it('restorePending gives the message back with its files marked unreadable (their bytes are gone)', () => {
    const restored = restorePending(describePending(MESSAGE))!;
    expect(restored).toMatchObject({
      text: MESSAGE.text,
      sender: MESSAGE.sender,
      messageId: MESSAGE.messageId,
      location: MESSAGE.location,
    });
    expect(restored.attachments).toEqual([
      { kind: 'image', mime: 'image/jpeg', size: 6, cleaned: false, withheld: 'unreadable' },
      { kind: 'video', mime: 'video/mp4', size: 9_000_000, cleaned: false, withheld: 'unreadable' },
    ]);
  });

  it('restorePending refuses what it did not write', () => {
    for (const bad of [
      '',
      'null',
      '{}',
      '[1]',
      JSON.stringify({ ...JSON.parse(describePending(MESSAGE)), attachments: [{ kind: 'exe', mime: 'x' }] }),
    ]) {
      expect(restorePending(bad)).toBeUndefined();
    }
  });
});
