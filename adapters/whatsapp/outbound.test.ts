import { describe, expect, it } from 'vitest';
import { MAX_CAPTION, planSend, quotedMessage, renderText, splitText } from './outbound.js';

const GROUP = { id: '120363049876543210@g.us', kind: 'group' as const };
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

describe('planSend', () => {
  it('sends plain text without a link preview', () => {
    expect(planSend({ chat: GROUP, text: 'Alerta: https://maps.example/x' })).toEqual({
      primary: 0,
      steps: [{ content: { text: 'Alerta: https://maps.example/x', linkPreview: null } }],
    });
  });

  it('renders choices as a numbered list (WhatsApp shows no buttons)', () => {
    const plan = planSend({
      chat: GROUP,
      text: '¿Es ahora?',
      choices: [
        { value: '1', label: 'Sí' },
        { value: '2', label: 'No' },
      ],
    });
    expect(plan.steps).toEqual([{ content: { text: '¿Es ahora?\n\n1. Sí\n2. No', linkPreview: null } }]);
    expect(renderText('', [{ value: '1', label: 'Sí' }])).toBe('1. Sí');
  });

  it('sends an image with the text as caption', () => {
    const plan = planSend({ chat: GROUP, text: 'Alerta #1042', attachments: [{ kind: 'image', mime: 'image/jpeg', data: jpeg }] });
    expect(plan.primary).toBe(0);
    expect(plan.steps).toHaveLength(1);
    const c = plan.steps[0]!.content as { image: Buffer; caption: string; mimetype: string };
    expect(Buffer.isBuffer(c.image)).toBe(true);
    expect([...c.image]).toEqual([...jpeg]);
    expect(c).toMatchObject({ caption: 'Alerta #1042', mimetype: 'image/jpeg' });
  });

  it('a long text goes after the files, which get no caption; the text is the primary', () => {
    const long = 'x'.repeat(MAX_CAPTION + 1);
    const plan = planSend({
      chat: GROUP,
      text: long,
      attachments: [
        { kind: 'image', mime: 'image/png', data: jpeg },
        { kind: 'video', mime: 'video/mp4', data: jpeg },
      ],
    });
    expect(plan.steps.map((s) => Object.keys(s.content)[0])).toEqual(['image', 'video', 'text']);
    expect(plan.steps[0]!.content).not.toHaveProperty('caption');
    expect(plan.primary).toBe(2);
  });

  it('other files go as documents with a name; files without bytes are left out', () => {
    const plan = planSend({
      chat: GROUP,
      text: '',
      attachments: [
        { kind: 'document', mime: 'application/pdf', data: jpeg },
        { kind: 'image', mime: 'image/webp', data: jpeg, name: 'foto.webp' },
        { kind: 'image', mime: 'image/jpeg', ref: 'imageMessage' },
      ],
    });
    expect(plan.steps.map((s) => s.content)).toEqual([
      expect.objectContaining({ document: expect.any(Buffer), mimetype: 'application/pdf', fileName: 'document.pdf' }),
      expect.objectContaining({ document: expect.any(Buffer), mimetype: 'image/webp', fileName: 'foto.webp' }),
    ]);
  });

  it('quotes the original in the first call only', () => {
    const quoted = quotedMessage(`${GROUP.id}/3EB0ALERT`, GROUP.id)!;
    const plan = planSend(
      {
        chat: GROUP,
        text: 'Actualización',
        attachments: [
          { kind: 'image', mime: 'image/jpeg', data: jpeg },
          { kind: 'image', mime: 'image/jpeg', data: jpeg },
        ],
      },
      quoted,
    );
    expect(plan.steps[0]!.quoted).toBe(quoted);
    expect(plan.steps[1]!.quoted).toBeUndefined();
    expect(planSend({ chat: GROUP, text: 'Actualización' }, quoted).steps[0]!.quoted).toBe(quoted);
  });
});

describe('quotedMessage', () => {
  it('quotes our own message in the same chat, with its content when known', () => {
    expect(quotedMessage(`${GROUP.id}/3EB0ALERT`, GROUP.id)).toEqual({
      key: { remoteJid: GROUP.id, id: '3EB0ALERT', fromMe: true },
      message: { conversation: '' },
    });
    const known = quotedMessage(`${GROUP.id}/3EB0ALERT`, GROUP.id, (id) =>
      id === '3EB0ALERT' ? { conversation: 'Alerta #1042' } : undefined,
    );
    expect(known!.message).toEqual({ conversation: 'Alerta #1042' });
  });

  it('never quotes across chats, nor anything that is not a ref', () => {
    expect(quotedMessage('120363041234567890@g.us/3EB0', GROUP.id)).toBeUndefined();
    expect(quotedMessage('-1001:5', GROUP.id)).toBeUndefined();
    expect(quotedMessage(undefined, GROUP.id)).toBeUndefined();
  });
});

describe('splitText', () => {
  it('splits at line breaks and never inside a surrogate pair', () => {
    expect(splitText('aaaa\nbbbb', 6)).toEqual(['aaaa', 'bbbb']);
    const emoji = 'a'.repeat(5) + '😀';
    expect(splitText(emoji, 6).join('')).toBe(emoji);
    expect(splitText('', 5)).toEqual(['']);
  });
});
