import { describe, expect, it } from 'vitest';
import { DEMO_CONFIG } from '../config/index.js';
import { approximatePoint, distanceMeters, zoneContains, zonesFor } from './zones.js';

const zones = DEMO_CONFIG.zones;
const east = zones.find((z) => z.id === 'eastside')!;
const west = zones.find((z) => z.id === 'westside')!;

describe('zones', () => {
  it('measures distance in metres', () => {
    // 1st & Soto to Soto & Cesar Chavez: about 1 km apart
    const d = distanceMeters({ lat: 34.0445, lng: -118.2107 }, { lat: 34.048, lng: -118.211 });
    expect(d).toBeGreaterThan(350);
    expect(d).toBeLessThan(450);
  });

  it('puts a point inside a circle zone and not outside it', () => {
    expect(zoneContains(east, { lat: 34.0335, lng: -118.207 })).toBe(true);
    expect(zoneContains(east, { lat: 34.1, lng: -118.3 })).toBe(false);
  });

  it('puts a point inside a polygon zone (open ring in config) and not outside it', () => {
    expect(zoneContains(west, { lat: 34.057, lng: -118.28 })).toBe(true);
    expect(zoneContains(west, { lat: 34.07, lng: -118.28 })).toBe(false);
  });

  it('resolves a pin first, then aliases and ZIP codes in the text, whole words only', () => {
    expect(zonesFor(zones, { point: { lat: 34.057, lng: -118.28 } })).toEqual(['westside']);
    expect(zonesFor(zones, { text: 'frente al mercado en Boyle Heights' })).toEqual(['eastside']);
    expect(zonesFor(zones, { text: 'Soto St', zip: '90033' })).toEqual(['eastside']);
    expect(zonesFor(zones, { text: 'cerca de MacArthur Park' })).toEqual(['westside']);
    expect(zonesFor(zones, { text: 'east lansing' })).toEqual([]);
    expect(zonesFor(zones, { text: 'somewhere else' })).toEqual([]);
    expect(zonesFor(zones, undefined)).toEqual([]);
  });

  it('approximates a text location by its zone centre', () => {
    expect(approximatePoint(zones, { text: 'boyle heights' })).toEqual({ lat: 34.0341, lng: -118.2053 });
    expect(approximatePoint(zones, { text: 'nowhere' })).toBeUndefined();
  });
});
