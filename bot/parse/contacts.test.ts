import { describe, expect, it } from 'vitest';
import { hasContact, scrubContacts } from './contacts.js';

describe('scrubContacts', () => {
  it.each<[string, string]>([
    ['se llevaron a don Ernesto, llamen a su esposa al 213 555 0143', 'se llevaron a don Ernesto, llamen a su esposa al […]'],
    ['call his wife 323-555-0188 pls', 'call his wife […] pls'],
    ['mi numero es (213) 481-2291', 'mi numero es […]'],
    ['+52 55 1234 5678', '[…]'],
    ['escriban a ana.perez@example.com', 'escriban a […]'],
  ])('%j', (text, scrubbed) => {
    expect(scrubContacts(text)).toBe(scrubbed);
    expect(hasContact(text)).toBe(true);
  });

  it.each([
    '1234 Main St',
    '90033',
    'a las 7:30',
    'placa 7ABC123',
    '34.0522, -118.2437',
    '4 agentes en 1st y Soto',
    'hace 10 minutos',
    '@ 5th and Main',
  ])('keeps %j as written', (text) => {
    expect(scrubContacts(text)).toBe(text);
    expect(hasContact(text)).toBe(false);
  });
});
