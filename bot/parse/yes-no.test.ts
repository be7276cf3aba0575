import { describe, expect, it } from 'vitest';
import { parseYesNo } from './yes-no.js';

describe('parseYesNo', () => {
  it.each([
    'yes',
    'YES',
    'y',
    'Y',
    'yeah',
    'yep',
    'yup',
    'sure',
    'si',
    'sí',
    'SI',
    'Sí.',
    's',
    'claro',
    'Claro que sí',
    'ok',
    'OK',
    'okay',
    'okey',
    'correcto',
    'afirmativo',
    'siii',
    'yesss',
    'si, lo vi',
    'sí lo vi yo',
    'yes I saw them',
    '👍',
    '👍🏽',
    'simon',
    'sip',
    'dale',
  ])('yes: %j', (text) => {
    expect(parseYesNo(text)).toBe(true);
  });

  it.each([
    'no',
    'NO',
    'No.',
    'n',
    'N',
    'nope',
    'nah',
    'negativo',
    'nooo',
    'no, ya se fueron',
    'no lo vi',
    'No gracias',
    '👎',
    'no, no sé',
  ])('no: %j', (text) => {
    expect(parseYesNo(text)).toBe(false);
  });

  it.each([
    '',
    '   ',
    'no se',
    'no sé',
    'No sé',
    'no lo sé',
    'no estoy seguro',
    'no estoy segura',
    'no idea',
    'not sure',
    'maybe',
    'tal vez',
    'quizás',
    'idk',
    'hmm',
    '???',
    'ya',
    'yo no sé',
    'hay migra',
    '1',
    '2',
    'nosotros',
    'yesterday',
  ])('undecided: %j', (text) => {
    expect(parseYesNo(text)).toBeUndefined();
  });

  it('reads 1/2 only when the question was numbered', () => {
    expect(parseYesNo('1', { numbered: true })).toBe(true);
    expect(parseYesNo('2', { numbered: true })).toBe(false);
    expect(parseYesNo('1.', { numbered: true })).toBe(true);
    expect(parseYesNo(' 2) ', { numbered: true })).toBe(false);
    expect(parseYesNo('1️⃣', { numbered: true })).toBe(true);
    expect(parseYesNo('12', { numbered: true })).toBeUndefined();
    expect(parseYesNo('3', { numbered: true })).toBeUndefined();
    expect(parseYesNo('si', { numbered: true })).toBe(true);
    expect(parseYesNo('1', { numbered: false })).toBeUndefined();
  });

  it('does not choke on long input', () => {
    expect(parseYesNo('si '.repeat(3000))).toBe(true);
    expect(parseYesNo('x'.repeat(5000))).toBeUndefined();
  });
});
