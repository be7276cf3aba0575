/**
 * The roster and dispatch commands, and the short answers field verifiers send, measured on a
 * labelled set written as volunteers type on a phone (both languages, accents or not, capitals,
 * punctuation); the accuracy is printed and must stay at 100 % on this set.
 */
import { describe, expect, it } from 'vitest';
import { parseFieldCommand, parsePingAnswer, parseSiteReport, type PingAnswer, type SiteReport } from './field-commands.js';

const ANSWERS: [string, PingAnswer | undefined][] = [
  ['si 10', { yes: true, minutes: 10 }],
  ['sí', { yes: true }],
  ['Si', { yes: true }],
  ['SÍ 5', { yes: true, minutes: 5 }],
  ['y 10', { yes: true, minutes: 10 }],
  ['yes 5', { yes: true, minutes: 5 }],
  ['Yes, 12 min', { yes: true, minutes: 12 }],
  ['voy 15', { yes: true, minutes: 15 }],
  ['voy', { yes: true }],
  ['sí, 20 minutos', { yes: true, minutes: 20 }],
  ['ok 7', { yes: true, minutes: 7 }],
  ['claro 8', { yes: true, minutes: 8 }],
  ['15 min', { yes: true, minutes: 15 }],
  ['10', { yes: true, minutes: 10 }],
  ['s', { yes: true }],
  ['n', { yes: false }],
  ['no', { yes: false }],
  ['No puedo', { yes: false }],
  ['no puedo, estoy lejos', { yes: false }],
  ["can't", { yes: false }],
  ['cannot go', { yes: false }],
  ['nope', { yes: false }],
  ['ocupada', { yes: false }],
  ['hola', undefined],
  ['qué pasó?', undefined],
  ['', undefined],
  ['gracias por avisar, ahora mismo estoy en el trabajo y luego veo', undefined],
];

const SITE: [string, SiteReport['seen'] | undefined][] = [
  ['sí 6 agentes, 2 SUV', 'yes'],
  ['si, hay 3 camionetas', 'yes'],
  ['yes 4 agents in vests', 'yes'],
  ['confirmado: 2 patrullas', 'yes'],
  ['hay 6 agentes', 'yes'],
  ['no one there', 'nobody'],
  ['nobody', 'nobody'],
  ['nadie', 'nobody'],
  ['no hay nadie', 'nobody'],
  ['No, todo tranquilo', 'nobody'],
  ['all clear', 'nobody'],
  ['despejado', 'nobody'],
  ['mmm', undefined],
  ['llegando', undefined],
];

describe('short answers to a dispatch ping', () => {
  it('reads the labelled answers (accuracy printed)', () => {
    const right = ANSWERS.filter(([text, want]) => JSON.stringify(parsePingAnswer(text)) === JSON.stringify(want));
    const wrong = ANSWERS.filter((a) => !right.includes(a)).map(([t]) => t);
    console.log(`ping answers: ${right.length}/${ANSWERS.length} (${((right.length / ANSWERS.length) * 100).toFixed(1)} %)`);
    expect(wrong).toEqual([]);
  });

  it('reads what was seen on site (accuracy printed), keeping the details', () => {
    const right = SITE.filter(([text, want]) => parseSiteReport(text)?.seen === want);
    console.log(`site reports: ${right.length}/${SITE.length} (${((right.length / SITE.length) * 100).toFixed(1)} %)`);
    expect(SITE.filter((s) => !right.includes(s)).map(([t]) => t)).toEqual([]);
    expect(parseSiteReport('sí 6 agentes, 2 SUV')?.details).toBe('6 agentes, 2 SUV');
    expect(parseSiteReport('Sí, 6 agentes')?.details).toBe('6 agentes');
  });
});

describe('roster and dispatch commands', () => {
  it('parses them in both languages, with usage for bad arguments', () => {
    expect(parseFieldCommand('/on')).toEqual({ ok: true, command: { name: 'on' }, lang: 'en' });
    expect(parseFieldCommand('/disponible 2,5')).toEqual({ ok: true, command: { name: 'on', hours: 2.5 }, lang: 'es' });
    expect(parseFieldCommand('/on 4h')).toEqual({ ok: true, command: { name: 'on', hours: 4 }, lang: 'en' });
    expect(parseFieldCommand('/disponible 3 horas')).toEqual({ ok: true, command: { name: 'on', hours: 3 }, lang: 'es' });
    expect(parseFieldCommand('/on forever')).toEqual({ ok: false, name: 'on', lang: 'en' });
    expect(parseFieldCommand('/on 0')).toEqual({ ok: false, name: 'on', lang: 'en' });
    expect(parseFieldCommand('/fuera')).toEqual({ ok: true, command: { name: 'off' }, lang: 'es' });
    expect(parseFieldCommand('/off')?.lang).toBe('en');
    expect(parseFieldCommand('/turno')).toEqual({ ok: true, command: { name: 'shift' }, lang: 'es' });
    expect(parseFieldCommand('/shift')?.ok).toBe(true);
    expect(parseFieldCommand('/guardia')).toEqual({ ok: true, command: { name: 'roster' }, lang: 'es' });
    expect(parseFieldCommand('/roster@CentinelaBot')).toEqual({ ok: true, command: { name: 'roster' }, lang: 'en' });
    expect(parseFieldCommand('/enviar #1042')).toEqual({ ok: true, command: { name: 'dispatch', report: 1042 }, lang: 'es' });
    expect(parseFieldCommand('/dispatch 1042')?.ok).toBe(true);
    expect(parseFieldCommand('/dispatch')).toEqual({ ok: false, name: 'dispatch', lang: 'en' });
    expect(parseFieldCommand('/visto 1042 sí 6 agentes, 2 SUV')).toEqual({
      ok: true,
      command: { name: 'seen', report: 1042, text: 'sí 6 agentes, 2 SUV' },
      lang: 'es',
    });
    expect(parseFieldCommand('/seen 1042 no one there')).toEqual({
      ok: true,
      command: { name: 'seen', report: 1042, text: 'no one there' },
      lang: 'en',
    });
    expect(parseFieldCommand('/visto')).toEqual({ ok: true, command: { name: 'seen' }, lang: 'es' });
    expect(parseFieldCommand('/confirmar 1042')).toBeUndefined();
    expect(parseFieldCommand('si 10')).toBeUndefined();
  });
});
