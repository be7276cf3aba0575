import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.js';

describe('detectLanguage', () => {
  it.each([
    'hola',
    'Hola',
    'buenas',
    'HOLA!!',
    'buenas tardes',
    'hay migra en la esquina',
    '4 agentes con chalecos de ICE en 1st y Soto, ahora, 2 SUV negras',
    'se llevaron a mi vecino',
    'estan tocando puertas en la calle Soto',
    'ayuda',
    'ahorita',
    'sí',
    'gracias 🙏',
    'la migra esta en el walmart',
    '¿Qué hago?',
    'unos 6 oficiales con chalecos',
    'HAY MIGRA EN LA ESQUINA DE 1ST Y SOTO',
  ])('es: %j', (text) => {
    expect(detectLanguage(text)).toBe('es');
  });

  it.each([
    'hi',
    'hello',
    'Hey',
    'ICE agents at 5th and Main right now',
    'they are arresting someone at the Walmart',
    'I saw 3 cars parked outside the school',
    'thanks',
    '2 black SUVs near the church',
    'ICE ARRESTING SOMEONE ON CESAR CHAVEZ',
    'help me please',
  ])('en: %j', (text) => {
    expect(detectLanguage(text)).toBe('en');
  });

  it.each([
    'ICE',
    '1st & Soto',
    'ok',
    'OK',
    '???',
    '123',
    '90033',
    '',
    '   ',
    '🚨🚨🚨',
    'SUV',
    'no',
    '7ABC123',
    'https://maps.app.goo.gl/abc',
  ])('undecided: %j', (text) => {
    expect(detectLanguage(text)).toBeUndefined();
  });

  it('copes with long input quickly', () => {
    const long = 'hay migra en la esquina '.repeat(300);
    const t = performance.now();
    expect(detectLanguage(long)).toBe('es');
    expect(performance.now() - t).toBeLessThan(750);
  });
});
