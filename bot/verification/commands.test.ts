import { describe, expect, it } from 'vitest';
import { parseCommand } from './commands.js';

describe('verifier commands', () => {
  it('reads report numbers with or without #, and Telegram bot mentions', () => {
    expect(parseCommand('/claim 1042')).toEqual({ ok: true, name: 'claim', lang: 'en', command: { name: 'claim', report: 1042 } });
    expect(parseCommand('/claim #1042')).toEqual({ ok: true, name: 'claim', lang: 'en', command: { name: 'claim', report: 1042 } });
    expect(parseCommand('/confirm@CentinelaBot 1042')).toMatchObject({ ok: true, command: { name: 'confirm', report: 1042 } });
  });

  it('understands Spanish aliases, accents and case', () => {
    expect(parseCommand('/Confirmar 1042 lo vi yo')).toEqual({
      ok: true,
      name: 'confirm',
      lang: 'es',
      command: { name: 'confirm', report: 1042, note: 'lo vi yo', stale: false },
    });
    expect(parseCommand('/rechazar 7 rumor')).toMatchObject({ lang: 'es', command: { name: 'reject', reason: 'rumor' } });
    expect(parseCommand('/unir 1042 1039')).toMatchObject({ command: { name: 'merge', report: 1042, into: 1039 } });
    expect(parseCommand('/despejado #1039')).toMatchObject({ command: { name: 'clear', report: 1039 } });
    expect(parseCommand('/voy 1039')).toMatchObject({ command: { name: 'going', report: 1039 } });
    expect(parseCommand('/estado')).toMatchObject({ command: { name: 'status' } });
  });

  it('takes --stale anywhere after the number and keeps the rest as the note', () => {
    expect(parseCommand('/confirm 1042 --stale seen by our observer')).toMatchObject({
      command: { name: 'confirm', report: 1042, stale: true, note: 'seen by our observer' },
    });
  });

  it('keeps multi-line questions and updates whole', () => {
    expect(parseCommand('/ask 1042 ¿Siguen ahí?\n¿Cuántos carros?')).toMatchObject({
      command: { name: 'ask', question: '¿Siguen ahí?\n¿Cuántos carros?' },
    });
  });

  it('flags known commands with bad arguments, so usage help can be shown', () => {
    for (const text of [
      '/confirm',
      '/claim abc',
      '/reject 1042',
      '/ask 1042',
      '/merge 1042',
      '/merge 1042 1042',
      '/update 5',
      '/clear 1 2',
    ]) {
      expect(parseCommand(text)).toMatchObject({ ok: false });
    }
  });

  it('leaves anything else alone', () => {
    for (const text of ['hola', '1042', 'confirm 1042', '/start', '/foo 1', '']) expect(parseCommand(text)).toBeUndefined();
  });
});
