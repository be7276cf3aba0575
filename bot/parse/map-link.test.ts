import { describe, expect, it } from 'vitest';
import { findMapPoint, isLinkToken, parseMapLink } from './map-link.js';

describe('parseMapLink', () => {
  it.each<[string, number, number]>([
    // Google Maps
    ['https://www.google.com/maps/@34.05,-118.21,17z', 34.05, -118.21],
    ['https://www.google.com/maps/@34.0522342,-118.2436849,15.5z?entry=ttu', 34.0522342, -118.2436849],
    ['https://maps.google.com/?q=34.05,-118.21', 34.05, -118.21],
    ['https://maps.google.com/maps?q=34.05%2C-118.21&z=17&hl=es', 34.05, -118.21],
    ['https://maps.google.com/maps?q=loc:34.05,-118.21', 34.05, -118.21],
    ['https://maps.google.com/?ll=34.05,-118.21&z=15', 34.05, -118.21],
    ['https://www.google.com/maps/search/?api=1&query=34.05,-118.21', 34.05, -118.21],
    ['https://www.google.com/maps/dir/?api=1&destination=34.05,-118.21', 34.05, -118.21],
    ['https://www.google.com/maps/search/34.05,+-118.21?entry=tts', 34.05, -118.21],
    [
      'https://www.google.com/maps/place/Walmart/@34.0,-118.2,17z/data=!3m1!4b1!4m6!3m5!1s0x0:0x0!8m2!3d34.0522!4d-118.2437',
      34.0522,
      -118.2437,
    ],
    ["https://www.google.com/maps/place/34%C2%B003'08.0%22N/@34.0522,-118.2437,17z", 34.0522, -118.2437],
    // Apple Maps
    ['https://maps.apple.com/?ll=34.05,-118.21', 34.05, -118.21],
    ['https://maps.apple.com/?address=Soto%20St&ll=34.05,-118.21&q=Dropped%20Pin', 34.05, -118.21],
    ['https://maps.apple.com/?q=34.05,-118.21', 34.05, -118.21],
    ['http://maps.apple.com/?sll=34.05,-118.21&z=10', 34.05, -118.21],
    // OpenStreetMap
    ['https://www.openstreetmap.org/#map=17/34.05/-118.21', 34.05, -118.21],
    ['https://www.openstreetmap.org/?mlat=34.05&mlon=-118.21#map=17/34.06/-118.22', 34.05, -118.21],
    ['https://www.openstreetmap.org/?mlon=-118.21&mlat=34.05', 34.05, -118.21],
    // geo: URIs
    ['geo:34.05,-118.21', 34.05, -118.21],
    ['geo:34.05,-118.21;u=35', 34.05, -118.21],
    ['geo:34.05,-118.21,120', 34.05, -118.21],
    ['geo:0,0?q=34.05,-118.21(Walmart)', 34.05, -118.21],
    // Typed coordinates
    ['34.0522, -118.2437', 34.0522, -118.2437],
    ['34.0522,-118.2437', 34.0522, -118.2437],
    ['34.0522 -118.2437', 34.0522, -118.2437],
    ['estoy en 34.0522, -118.2437 ahorita', 34.0522, -118.2437],
    ['34.0522° N, 118.2437° W', 34.0522, -118.2437],
    ['34°03\'08.0"N 118°14\'37.3"W', 34.052222, -118.243694],
    ['-33.8688, 151.2093', -33.8688, 151.2093],
    // Link inside a sentence
    ['Aquí están: https://maps.google.com/?q=34.05,-118.21 frente a la tienda', 34.05, -118.21],
  ])('%s', (text, lat, lng) => {
    const p = parseMapLink(text);
    expect(p).toBeDefined();
    expect(p!.lat).toBeCloseTo(lat, 6);
    expect(p!.lng).toBeCloseTo(lng, 6);
  });

  it.each([
    '',
    'https://maps.app.goo.gl/AbCdEf123',
    'https://goo.gl/maps/xyz',
    'maps.app.goo.gl/xyz',
    'https://maps.google.com/?q=Walmart+Soto+St',
    'geo:0,0',
    'geo:91,10',
    'https://maps.google.com/?q=95.1,-118.21',
    'https://maps.apple.com/?ll=34.05,-190.5',
    '34.05, -218.2437',
    '1st y Soto',
    'a las 7.30, 4 agentes',
    '4, 5',
    '1.5, 2.5',
    '90033',
    'https://example.com/news/2024/11',
  ])('no point: %j', (text) => {
    expect(parseMapLink(text)).toBeUndefined();
  });

  it('tells where the link is so callers can cut it out', () => {
    const text = 'mira https://maps.google.com/?q=34.05,-118.21 aqui';
    const m = findMapPoint(text)!;
    expect(text.slice(m.start, m.end)).toBe('https://maps.google.com/?q=34.05,-118.21');
    expect(m.kind).toBe('url');
    const typed = 'en 34.0522, -118.2437 frente';
    const t = findMapPoint(typed)!;
    expect(typed.slice(t.start, t.end)).toBe('34.0522, -118.2437');
    expect(t.kind).toBe('coords');
  });

  it('stays fast on long or hostile input', () => {
    const inputs = [
      '1.1.1.1.1.1.'.repeat(500),
      '@'.repeat(5000),
      'geo:' + '1'.repeat(5000),
      'https://maps.google.com/?q=' + '1,'.repeat(2500),
      '34.0522 '.repeat(700),
    ];
    for (const text of inputs) {
      const t = performance.now();
      parseMapLink(text);
      expect(performance.now() - t).toBeLessThan(750);
    }
  });
});

describe('isLinkToken', () => {
  it.each(['https://x.org/a', 'http://a.b', 'www.google.com', 'maps.app.goo.gl/abc', 'goo.gl/maps/x', 'geo:1,2', 'maps.apple.com/?ll=1,2'])(
    'link: %s',
    (t) => expect(isLinkToken(t)).toBe(true),
  );
  it.each(['St.', 'hola', '1st', 'a.m.', 'I.C.E.', '34.05,-118.21'])('not a link: %s', (t) => expect(isLinkToken(t)).toBe(false));
});
