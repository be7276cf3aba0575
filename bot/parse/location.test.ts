import { describe, expect, it } from 'vitest';
import { parseLocation } from './location.js';
import { findCrossStreets, findZip } from './streets.js';
import { locationProblem } from './place.js';

describe('parseLocation', () => {
  it('returns undefined for empty text', () => {
    expect(parseLocation('')).toBeUndefined();
    expect(parseLocation('  \n ')).toBeUndefined();
  });

  it('keeps a place a responder could drive to as written', () => {
    expect(parseLocation('frente a la escuela Roosevelt')).toEqual({ text: 'frente a la escuela Roosevelt' });
    expect(parseLocation('  the Walmart on Cesar Chavez  ')).toEqual({ text: 'the Walmart on Cesar Chavez' });
    expect(parseLocation('la iglesia de San José')).toEqual({ text: 'la iglesia de San José' });
    expect(parseLocation('en la calle 4')).toEqual({ text: 'en la calle 4' });
    expect(parseLocation('1234 E Cesar Chavez Ave')).toEqual({ text: '1234 E Cesar Chavez Ave' });
    expect(parseLocation('Lorena Street')).toEqual({ text: 'Lorena Street' });
    expect(parseLocation('en la 4th')).toEqual({ text: 'en la 4th' });
  });

  it.each([
    'en mi calle',
    'aquí afuera',
    'idk the street name sorry',
    'la parada del bus',
    'my door',
    'here',
    'aqui',
    'por mi casa',
    'frente a la escuela',
    'the corner',
    'en Soto',
  ])('%j is not somewhere to drive to', (text) => {
    expect(parseLocation(text)).toBeUndefined();
    expect(locationProblem(text)).toBe('vague');
  });

  it('never takes a phone number as a location, and drops one from a usable place', () => {
    expect(parseLocation('llamen a mi hermana al 213 555 0143')).toBeUndefined();
    expect(locationProblem('2135550143')).toBe('phone');
    expect(locationProblem('call me 323-555-0199')).toBe('phone');
    expect(parseLocation('1st y Soto, mi cel 323-555-0199')).toEqual({ text: '1st y Soto, mi cel', crossStreets: ['1st', 'Soto'] });
    expect(locationProblem('1st y Soto')).toBeUndefined();
  });

  it('lets a correction replace what it corrects', () => {
    expect(parseLocation('en la 3rd, no perdón, en la 4th y Main')).toEqual({ text: 'en la 4th y Main', crossStreets: ['4th', 'Main'] });
    expect(parseLocation('5th and Main, sorry I mean 6th and Main')?.crossStreets).toEqual(['6th', 'Main']);
  });

  it('fills the point from a map link and drops the link from the text', () => {
    expect(parseLocation('https://maps.google.com/?q=34.05,-118.21')).toEqual({ point: { lat: 34.05, lng: -118.21 } });
    expect(parseLocation('aqui https://maps.google.com/?q=34.05,-118.21 frente a la tienda')).toEqual({
      text: 'aqui frente a la tienda',
      point: { lat: 34.05, lng: -118.21 },
    });
    expect(parseLocation('34.0522, -118.2437')).toEqual({ point: { lat: 34.0522, lng: -118.2437 } });
    expect(parseLocation('geo:34.05,-118.21')).toEqual({ point: { lat: 34.05, lng: -118.21 } });
  });

  it('keeps a short link (no coordinates in it) so a person can open it', () => {
    expect(parseLocation('https://maps.app.goo.gl/AbC123')).toEqual({ text: 'https://maps.app.goo.gl/AbC123' });
  });

  it('finds a ZIP code', () => {
    expect(parseLocation('90033')).toEqual({ text: '90033', zip: '90033' });
    expect(parseLocation('en el 90033, cerca del parque')?.zip).toBe('90033');
    expect(parseLocation('Boyle Heights 90033-1234')?.zip).toBe('90033');
    expect(parseLocation('zip 90033 near the school')?.zip).toBe('90033');
    expect(parseLocation('12345 Main St')?.zip).toBeUndefined();
    expect(parseLocation('https://maps.google.com/?q=34.05,-118.21&z=90033')?.zip).toBeUndefined();
  });

  it.each<[string, [string, string]]>([
    ['1st y Soto', ['1st', 'Soto']],
    ['1st & Soto', ['1st', 'Soto']],
    ['1st&Soto', ['1st', 'Soto']],
    ['1st and Soto', ['1st', 'Soto']],
    ['1ST Y SOTO', ['1ST', 'SOTO']],
    ['1st y soto', ['1st', 'soto']],
    ['en la esquina de 1st y Soto', ['1st', 'Soto']],
    ['esquina de Cesar Chavez y Soto', ['Cesar Chavez', 'Soto']],
    ['corner of 5th and Main', ['5th', 'Main']],
    ['on the corner of Whittier Blvd and Atlantic', ['Whittier Blvd', 'Atlantic']],
    ['Cesar Chavez con Soto', ['Cesar Chavez', 'Soto']],
    ['Main St at 5th Ave', ['Main St', '5th Ave']],
    ['Av. Cesar Chavez y Soto', ['Av. Cesar Chavez', 'Soto']],
    ['calle 8 y Soto', ['calle 8', 'Soto']],
    ['cesar chavez y soto', ['cesar chavez', 'soto']],
    ['1st y Soto frente a la tienda', ['1st', 'Soto']],
    ['entre Soto y Mott', ['Soto', 'Mott']],
    ['Soto e Indiana', ['Soto', 'Indiana']],
  ])('cross streets in %j', (text, cross) => {
    expect(parseLocation(text)?.crossStreets).toEqual(cross);
  });

  it.each([
    'frente a la escuela',
    'the Walmart on Cesar Chavez',
    'la escuela y el parque',
    'chalecos y mascaras',
    'Walmart y Target',
    'ICE at Walmart',
    'near the school and the church',
    'ahi nomas',
  ])('no cross streets in %j', (text) => {
    expect(parseLocation(text)?.crossStreets).toBeUndefined();
  });

  it('is fast on long input', () => {
    const long = 'en la esquina de 1st y Soto frente a la tienda, '.repeat(110);
    const t = performance.now();
    expect(parseLocation(long)?.crossStreets).toEqual(['1st', 'Soto']);
    expect(performance.now() - t).toBeLessThan(750);
  });
});

describe('findCrossStreets', () => {
  it('needs street-like names unless the whole answer is an intersection', () => {
    expect(findCrossStreets('hay 3 agentes en 1st y Soto ahora')).toEqual(['1st', 'Soto']);
    expect(findCrossStreets('ICE agents at 5th and Main right now')).toEqual(['5th', 'Main']);
    expect(findCrossStreets('cesar chavez y soto')).toBeUndefined();
    expect(findCrossStreets('cesar chavez y soto', true)).toEqual(['cesar chavez', 'soto']);
    expect(findCrossStreets('agentes con chalecos')).toBeUndefined();
    expect(findCrossStreets('Walmart at Cesar Chavez')).toBeUndefined();
  });
});

describe('findZip', () => {
  it.each<[string, string | undefined]>([
    ['90033', '90033'],
    ['LA 90033', '90033'],
    ['90033 area', '90033'],
    ['cp 90033', '90033'],
    ['12345 Main St', undefined],
    ['1234', undefined],
    ['123456', undefined],
    ['7ABC123', undefined],
    ['$90033', undefined],
  ])('%j → %s', (text, zip) => {
    expect(findZip(text)).toBe(zip);
  });
});
