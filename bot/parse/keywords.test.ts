import { describe, expect, it } from 'vitest';
import { parseKeyword } from './keywords.js';

describe('parseKeyword', () => {
  it.each([
    ['HELP', 'help'],
    ['help', 'help'],
    ['Ayuda', 'help'],
    ['ayuda!!', 'help'],
    ['🙏 ayuda', 'help'],
    ['/help', 'help'],
    ['/help@CentinelaBot', 'help'],
    ['/ayuda', 'help'],
    ['back', 'back'],
    ['atras', 'back'],
    ['Atrás', 'back'],
    ['ATRÁS', 'back'],
    ['volver', 'back'],
    ['skip', 'skip'],
    ['Saltar', 'skip'],
    ['omitir.', 'skip'],
    ['cancel', 'cancel'],
    ['CANCELAR', 'cancel'],
    ['language', 'language'],
    ['idioma', 'language'],
    ['lang', 'language'],
    ['/lang', 'language'],
    ['rights', 'rights'],
    ['derechos', 'rights'],
    ['mis derechos', 'rights'],
    ['know your rights', 'rights'],
    ['STOP', 'stop'],
    ['borrar', 'stop'],
    ['done', 'done'],
    ['listo', 'done'],
    ['Listo ✅', 'done'],
    ['ya', 'done'],
    ['Ya.', 'done'],
    ['  skip  ', 'skip'],
    ['ayu\u200Bda', 'help'],
  ])('%j → %s', (text, expected) => {
    expect(parseKeyword(text)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'I need help',
    'necesito ayuda',
    'ayuda por favor hay migra',
    'go back',
    'stop the car',
    'ya se fueron',
    'ayuda123',
    'helpful',
    'hola',
    '🙏',
    '/start',
    'x'.repeat(5000),
  ])('not a keyword: %j', (text) => {
    expect(parseKeyword(text)).toBeUndefined();
  });
});
