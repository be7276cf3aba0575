import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../bot/messages.js';
import { MAX_CAPTION, MAX_TEXT, apiChatId, choiceKeyboard, planSend, renderText, splitText } from './outbound.js';

const group = { id: '-1001987654321', kind: 'group' as const };
const direct = { id: '111111111', kind: 'direct' as const };
const choices = [
  { value: '1', label: 'Sí, ahora' },
  { value: '2', label: 'Earlier today' },
];

describe('planSend', () => {
  it('sends plain text: no parse_mode, link previews off, numeric chat id', () => {
    const plan = planSend({ chat: direct, text: 'Gracias. <b>no markup</b> https://example.org' }, { chatId: direct.id });
    expect(plan).toEqual({
      primary: 0,
      steps: [
        {
          method: 'sendMessage',
          params: {
            chat_id: 111111111,
            text: 'Gracias. <b>no markup</b> https://example.org',
            link_preview_options: { is_disabled: true },
          },
        },
      ],
    });
    expect(JSON.stringify(plan)).not.toContain('parse_mode');
  });

  it('renders choices as numbered text and as inline buttons carrying the value', () => {
    const plan = planSend({ chat: direct, text: 'Is it happening now?', choices }, { chatId: direct.id });
    const step = plan.steps[0]!;
    expect(step.method).toBe('sendMessage');
    expect(step.params).toMatchObject({
      text: 'Is it happening now?\n\n1. Sí, ahora\n2. Earlier today',
      reply_markup: {
        inline_keyboard: [[{ text: '1. Sí, ahora', callback_data: '1' }], [{ text: '2. Earlier today', callback_data: '2' }]],
      },
    });
  });

  it('threads a reply to a message of the same chat, still sending if it is gone', () => {
    const plan = planSend({ chat: group, text: 'update', replyTo: `${group.id}:233` }, { chatId: group.id, threadId: 42 });
    expect(plan.steps[0]!.params).toMatchObject({
      chat_id: -1001987654321,
      message_thread_id: 42,
      reply_parameters: { message_id: 233, allow_sending_without_reply: true },
    });
  });

  it('keeps a reply to the old id of a migrated group, ignores replies to other chats and button ids', () => {
    const migrated = planSend({ chat: { id: '-4001234567', kind: 'group' }, text: 'x', replyTo: '-4001234567:9' }, { chatId: group.id });
    expect(migrated.steps[0]!.params.reply_parameters).toEqual({ message_id: 9, allow_sending_without_reply: true });
    const other = planSend({ chat: group, text: 'x', replyTo: '111111111:9' }, { chatId: group.id });
    expect(other.steps[0]!.params.reply_parameters).toBeUndefined();
    const button = planSend({ chat: group, text: 'x', replyTo: 'cb:abc' }, { chatId: group.id });
    expect(button.steps[0]!.params.reply_parameters).toBeUndefined();
  });

  it('sends a photo with the text as caption, buttons and reply on the photo', () => {
    const data = new Uint8Array([0xff, 0xd8, 0xff]);
    const msg: OutboundMessage = {
      chat: group,
      text: 'Alerta',
      choices,
      replyTo: `${group.id}:5`,
      attachments: [{ kind: 'image', mime: 'image/jpeg', data, name: 'alerta.jpg' }],
    };
    const plan = planSend(msg, { chatId: group.id });
    expect(plan.primary).toBe(0);
    expect(plan.steps).toHaveLength(1);
    const step = plan.steps[0]!;
    expect(step.method).toBe('sendPhoto');
    if (step.method === 'sendMessage') throw new Error('unreachable');
    expect(step.file).toEqual({ data, name: 'alerta.jpg', mime: 'image/jpeg' });
    expect(step.params).toMatchObject({
      caption: 'Alerta\n\n1. Sí, ahora\n2. Earlier today',
      reply_parameters: { message_id: 5, allow_sending_without_reply: true },
      reply_markup: { inline_keyboard: [[{ callback_data: '1' }], [{ callback_data: '2' }]] },
    });
  });

  it('sends a long caption as a separate message, and documents with sendDocument', () => {
    const text = 'x'.repeat(MAX_CAPTION + 1);
    const plan = planSend(
      { chat: group, text, attachments: [{ kind: 'document', mime: 'application/pdf', data: new Uint8Array([1]) }] },
      { chatId: group.id },
    );
    expect(plan.steps.map((s) => s.method)).toEqual(['sendDocument', 'sendMessage']);
    expect(plan.primary).toBe(1);
    expect(plan.steps[0]!.params).not.toHaveProperty('caption');
  });

  it('re-sends by file_id: a photo as a photo, a document as a document', () => {
    const photo = planSend(
      { chat: group, text: '', attachments: [{ kind: 'image', mime: 'image/jpeg', ref: 'AgAC' }] },
      { chatId: group.id },
    );
    expect(photo.steps.map((s) => s.method)).toEqual(['sendPhoto']);
    const doc = planSend(
      { chat: group, text: '', attachments: [{ kind: 'image', mime: 'image/png', ref: 'BQAC', name: 'a.png' }] },
      { chatId: group.id },
    );
    expect(doc.steps.map((s) => s.method)).toEqual(['sendDocument']);
    const none = planSend({ chat: group, text: 'only text', attachments: [{ kind: 'image', mime: 'image/jpeg' }] }, { chatId: group.id });
    expect(none.steps.map((s) => s.method)).toEqual(['sendMessage']);
  });

  it('splits text over 4096 characters, buttons on the last part, reply on the first', () => {
    const text = `${'a'.repeat(4000)}\n${'b'.repeat(3000)}`;
    const plan = planSend({ chat: direct, text, choices, replyTo: `${direct.id}:3` }, { chatId: direct.id });
    expect(plan.steps).toHaveLength(2);
    expect(plan.steps[0]!.params.reply_parameters).toBeDefined();
    expect(plan.steps[0]!.params.reply_markup).toBeUndefined();
    expect(plan.steps[1]!.params.reply_markup).toBeDefined();
    for (const s of plan.steps) if (s.method === 'sendMessage') expect(s.params.text.length).toBeLessThanOrEqual(MAX_TEXT);
  });
});

describe('helpers', () => {
  it('renderText leaves text without choices alone', () => {
    expect(renderText('hola', undefined)).toBe('hola');
    expect(renderText('', choices)).toBe('1. Sí, ahora\n2. Earlier today');
  });

  it('choiceKeyboard drops values that do not fit callback_data', () => {
    expect(choiceKeyboard([{ value: 'x'.repeat(65), label: 'long' }])).toBeUndefined();
    expect(choiceKeyboard([])).toBeUndefined();
  });

  it('splitText never cuts a surrogate pair', () => {
    const parts = splitText('😀'.repeat(3000), MAX_TEXT);
    expect(parts.join('')).toBe('😀'.repeat(3000));
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MAX_TEXT);
    expect(splitText('', MAX_TEXT)).toEqual(['']);
  });

  it('apiChatId keeps @usernames as strings', () => {
    expect(apiChatId('-1001987654321')).toBe(-1001987654321);
    expect(apiChatId('@responders')).toBe('@responders');
  });
});
