import { describe, expect, it } from 'vitest';
import { parseLocation } from '../parse/location.js';
import { coarsenText, geoUri, roundPoint } from './pin-precision.js';

describe('pin precision', () => {
  it('rounds a point to the configured decimals', () => {
    expect(roundPoint({ lat: 34.052235, lng: -118.243683 }, 3)).toEqual({ lat: 34.052, lng: -118.244 });
    expect(roundPoint({ lat: -0.0001, lng: 0.0004 }, 3)).toEqual({ lat: 0, lng: 0 });
    expect(geoUri({ lat: 34.03, lng: -118.2 }, 3)).toBe('geo:34.030,-118.200');
  });

  it.each([
    ['Google ?q=', 'ICE en https://maps.google.com/?q=34.052235,-118.243683 ahora'],
    [
      'Google place data with a viewport too',
      'aquí https://www.google.com/maps/place/Tienda/@34.0522351,-118.2436831,17z/data=!3m1!4b1!4m6!3m5!1s0x0:0x0!8m2!3d34.052235!4d-118.243683 ahora',
    ],
    ['OpenStreetMap marker', 'https://www.openstreetmap.org/?mlat=34.052235&mlon=-118.243683#map=19/34.052235/-118.243683'],
    ['Apple Maps', 'https://maps.apple.com/?ll=34.052235,-118.243683&q=Pin'],
    ['geo URI', 'geo:34.052235,-118.243683?z=19'],
    ['typed pair', 'estoy en 34.052235, -118.243683'],
    ['degrees, minutes, seconds', `34°3'8.05"N 118°14'37.26"W`],
  ])('leaves no full-precision coordinate in text: %s', (_, text) => {
    const out = coarsenText(text, 3);
    expect(out).toMatch(/geo:34\.05[12],-118\.244/);
    // No number with more than three decimals is left, anywhere in the text.
    expect(out).not.toMatch(/\d\.\d{4}/);
    expect(out).not.toContain('0522');
    // The location parser reads the rounded point back.
    expect(parseLocation(out)?.point).toEqual({ lat: Number(/geo:([\d.]+)/.exec(out)![1]), lng: -118.244 });
  });

  it('rounds every link in a message, not only the first', () => {
    const out = coarsenText('de https://maps.google.com/?q=34.052235,-118.243683 a geo:34.061234,-118.251234 y 34.070111, -118.260999', 3);
    expect(out).toBe('de geo:34.052,-118.244 a geo:34.061,-118.251 y geo:34.070,-118.261');
  });

  it('leaves text without coordinates alone', () => {
    for (const text of ['4 agentes en 1st y Soto 90033 a las 10.30', 'https://maps.app.goo.gl/AbC123', '']) {
      expect(coarsenText(text, 3)).toBe(text);
    }
  });
});
