import { describe, expect, it } from 'vitest';
import { AdapterError } from '../../bot/port.js';
import { parseSendResponse, toDataUri, toSendBody } from './outbound.js';
import { toSendGroupId } from './ids.js';

const BOT = '+15550100';
const A = '2f1e6c3a-8b4d-4e2f-9a61-7c5d3b2e1f04';
const RAW = 'mHN1kiXgMXpKz5Ah2l110NLQHzIrYaFuC3c3mzpSoaE=';
const GROUP = toSendGroupId(RAW);

function rejection(fn: () => unknown): AdapterError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AdapterError) return err;
    throw err;
  }
  throw new Error('did not throw');
}

describe('toSendBody', () => {
  it('sends to one UUID with text_mode normal', () => {
    expect(toSendBody({ chat: { id: A, kind: 'direct' }, text: 'Gracias' }, BOT)).toEqual({
      number: BOT,
      recipients: [A],
      message: 'Gracias',
      text_mode: 'normal',
    });
  });

  it('renders choices as numbered lines after the text', () => {
    const body = toSendBody(
      {
        chat: { id: A, kind: 'direct' },
        text: '¿Está pasando ahora?',
        choices: [
          { value: '1', label: 'Sí' },
          { value: '2', label: 'No' },
        ],
      },
      BOT,
    );
    expect(body.message).toBe('¿Está pasando ahora?\n\n1. Sí\n2. No');
  });

  it('sends to one group in group. form, converting a raw id', () => {
    expect(toSendBody({ chat: { id: GROUP, kind: 'group' }, text: 'Alerta' }, BOT).recipients).toEqual([GROUP]);
    expect(toSendBody({ chat: { id: RAW, kind: 'group' }, text: 'Alerta' }, BOT).recipients).toEqual([GROUP]);
  });

  it('threads a reply with quote fields from our message id', () => {
    const body = toSendBody({ chat: { id: GROUP, kind: 'group' }, text: 'Update: agents left', replyTo: `${BOT}:1722868450000` }, BOT);
    expect(body).toMatchObject({ quote_timestamp: 1722868450000, quote_author: BOT });
    const fromTipster = toSendBody({ chat: { id: A, kind: 'direct' }, text: 'ok', replyTo: `${A}:1722868200111` }, BOT);
    expect(fromTipster).toMatchObject({ quote_timestamp: 1722868200111, quote_author: A });
    expect(toSendBody({ chat: { id: A, kind: 'direct' }, text: 'ok', replyTo: 'sim-1' }, BOT)).not.toHaveProperty('quote_timestamp');
  });

  it('sends attachments as data URIs', () => {
    const data = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
    const body = toSendBody(
      { chat: { id: A, kind: 'direct' }, text: '', attachments: [{ kind: 'image', mime: 'image/jpeg', name: 'map;1.jpg', data }] },
      BOT,
    );
    expect(body.base64_attachments).toEqual(['data:image/jpeg;filename=map_1.jpg;base64,/9j/4A==']);
    expect(toDataUri({ kind: 'other', mime: 'weird mime', data })).toBe('data:application/octet-stream;base64,/9j/4A==');
  });

  it('refuses what Signal cannot take, without message text in the error', () => {
    const cases = [
      () => toSendBody({ chat: { id: 'verifiers', kind: 'group' }, text: 'secret tip' }, BOT),
      () => toSendBody({ chat: { id: GROUP, kind: 'direct' }, text: 'secret tip' }, BOT),
      () => toSendBody({ chat: { id: 'someone', kind: 'direct' }, text: 'secret tip' }, BOT),
      () => toSendBody({ chat: { id: A, kind: 'direct' }, text: '  ' }, BOT),
      () => toSendBody({ chat: { id: A, kind: 'direct' }, text: 'secret tip', attachments: [{ kind: 'image', mime: 'image/png' }] }, BOT),
    ];
    for (const c of cases) {
      const e = rejection(c);
      expect(e.code).toBe('rejected');
      expect(e.message).not.toContain('secret');
    }
  });
});

describe('parseSendResponse', () => {
  it('reads the release 0.100 object with a string timestamp', () => {
    expect(parseSendResponse({ timestamp: '1722868115744' }, BOT, 'direct')).toEqual({ messageId: `${BOT}:1722868115744` });
  });

  it('reads the newer array shape', () => {
    expect(parseSendResponse([{ timestamp: '1722868115745' }], BOT, 'group')).toEqual({ messageId: `${BOT}:1722868115745` });
  });

  it('has no id for an unusable body', () => {
    for (const b of [undefined, null, {}, [], { timestamp: 'abc' }, 'x']) expect(parseSendResponse(b, BOT, 'direct')).toEqual({});
  });

  it('fails a direct send whose recipient failed; a group send with some failures counts as sent', () => {
    const body = [{ timestamp: '1722868115746', errors: { recipients: [{ uuid: A, reason: 'UNREGISTERED_FAILURE' }] } }];
    const e = rejection(() => parseSendResponse(body, BOT, 'direct'));
    expect(e.code).toBe('rejected');
    expect(e.message).not.toContain(A);
    expect(parseSendResponse(body, BOT, 'group')).toEqual({ messageId: `${BOT}:1722868115746` });
    const limited = [{ timestamp: '1', errors: { recipients: [{ uuid: A, reason: 'RATE_LIMIT_FAILURE' }] } }];
    expect(rejection(() => parseSendResponse(limited, BOT, 'direct')).code).toBe('rate_limited');
  });
});
