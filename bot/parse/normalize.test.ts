import { describe, expect, it } from 'vitest';
import { clean, fold, normalize, tokenize, trimPunct } from './normalize.js';

describe('normalize', () => {
  it.each([
    ['Hola', 'hola'],
    ['  ATRÁS  ', 'atras'],
    ['Señor Muñoz', 'senor munoz'],
    ['¿Dónde están?', '¿donde estan?'],
    ['a\u0301rbol', 'arbol'], // decomposed accent
    ['ho\u200Bla', 'hola'], // zero-width space
    ['\uFEFFhelp\u200D', 'help'],
    ['uno\t\tdos\n\ntres', 'uno dos tres'],
    ['PINGÜINO', 'pinguino'],
    ['', ''],
    ['   ', ''],
    ['ICE 🚨 ahora', 'ice 🚨 ahora'],
  ])('%j → %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });
});

describe('fold', () => {
  it('keeps the length so indexes stay valid', () => {
    for (const s of ['Señor Muñoz', 'ÁÉÍÓÚ ñ Ü', 'ICE 🚨🚨 en la esquina', 'I’m “here” – now', 'İstanbul']) {
      expect(fold(s).length).toBe(s.length);
    }
  });
  it('lower-cases, strips accents and straightens quotes', () => {
    expect(fold('Está AQUÍ')).toBe('esta aqui');
    expect(fold('I’m here')).toBe("i'm here");
    expect(fold('a\tb\u00A0c\nd')).toBe('a b c\nd');
  });
});

describe('clean', () => {
  it('composes and drops invisible characters', () => {
    expect(clean('a\u0301\u200B')).toBe('á');
  });
});

describe('tokenize', () => {
  it('gives words and punctuation with positions', () => {
    expect(tokenize('4 agentes, 1st y soto')).toEqual([
      { t: '4', start: 0, end: 1 },
      { t: 'agentes', start: 2, end: 9 },
      { t: ',', start: 9, end: 10 },
      { t: '1st', start: 11, end: 14 },
      { t: 'y', start: 15, end: 16 },
      { t: 'soto', start: 17, end: 21 },
    ]);
  });
});

describe('trimPunct', () => {
  it.each([
    [', hola! ', 'hola'],
    ['...1st y Soto.', '1st y Soto'],
    ['Main St.', 'Main St.'],
    ['(cerca de la escuela)', 'cerca de la escuela'],
    ['¡¿qué?!', 'qué'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(trimPunct(input)).toBe(expected);
  });
});
