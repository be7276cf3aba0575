import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { AdapterError } from '../../bot/port.js';
import { isFileTooBig, migrationTarget, toAdapterError } from './errors.js';

const SECRET_TEXT = 'agentes en 5th y Main';

function grammyError(error_code: number, description: string, parameters: GrammyError['parameters'] = {}): GrammyError {
  return new GrammyError(
    `Call to 'sendMessage' failed! (${error_code}: ${description})`,
    { ok: false, error_code, description, parameters },
    'sendMessage',
    {
      chat_id: 111111111,
      text: SECRET_TEXT,
    },
  );
}

describe('toAdapterError', () => {
  it('429 with retry_after → rate_limited in milliseconds', () => {
    const e = toAdapterError(grammyError(429, 'Too Many Requests: retry after 7', { retry_after: 7 }), 'sendMessage');
    expect(e).toBeInstanceOf(AdapterError);
    expect(e.code).toBe('rate_limited');
    expect(e.retryAfterMs).toBe(7000);
    expect(e.retryable).toBe(true);
  });

  it.each([
    [400, 'Bad Request: chat not found'],
    [400, 'Bad Request: message text is empty'],
    [403, 'Forbidden: bot was blocked by the user'],
    [403, 'Forbidden: bot was kicked from the group chat'],
  ])('%i %s → rejected', (code, description) => {
    const e = toAdapterError(grammyError(code, description), 'sendMessage');
    expect(e.code).toBe('rejected');
    expect(e.retryable).toBe(false);
    expect(e.message).toContain(description);
  });

  it.each([
    [401, 'Unauthorized'],
    [500, 'Internal Server Error'],
    [502, 'Bad Gateway'],
  ])('%i %s → unavailable (retry later)', (code, description) => {
    expect(toAdapterError(grammyError(code, description), 'sendMessage').code).toBe('unavailable');
  });

  it('HttpError (network) → unavailable', () => {
    const e = toAdapterError(new HttpError("Network request for 'sendMessage' failed!", new Error('ECONNREFUSED')), 'sendMessage');
    expect(e.code).toBe('unavailable');
  });

  it('never carries the message text, in the message or in the cause', () => {
    for (const err of [grammyError(429, 'Too Many Requests', { retry_after: 1 }), grammyError(400, 'Bad Request: chat not found')]) {
      const e = toAdapterError(err, 'sendMessage');
      expect(e.message).not.toContain(SECRET_TEXT);
      expect(JSON.stringify(e.cause)).not.toContain(SECRET_TEXT);
      expect(JSON.stringify(e.cause)).not.toContain('111111111');
    }
  });

  it('passes AdapterErrors through', () => {
    const e = new AdapterError('not_started', 'x');
    expect(toAdapterError(e, 'sendMessage')).toBe(e);
  });
});

describe('migrationTarget and isFileTooBig', () => {
  it('reads migrate_to_chat_id', () => {
    const err = grammyError(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: -1001987654321 });
    expect(migrationTarget(err)).toBe('-1001987654321');
    expect(migrationTarget(grammyError(400, 'Bad Request: chat not found'))).toBeUndefined();
    expect(migrationTarget(new Error('x'))).toBeUndefined();
  });

  it('recognises getFile refusing a file over 20 MB', () => {
    expect(isFileTooBig(grammyError(400, 'Bad Request: file is too big'))).toBe(true);
    expect(isFileTooBig(grammyError(400, 'Bad Request: invalid file_id'))).toBe(false);
  });
});
