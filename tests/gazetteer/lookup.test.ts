/**
 * Place lookups over the fixture map (Boyle Heights and a few streets of Downtown, Alhambra and
 * Huntington Park): corners said either way round and in either language, misspelt and spelt by
 * ear, a business with its street, a street with its neighbourhood, a corner found in two
 * cities, and words that name nothing on the map.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../bot/geo/gazetteer/gazetteer.js';
import type { PlaceMatch } from '../../bot/geo/gazetteer/types.js';
import { fixtureGazetteer } from './support.js';

let g: Gazetteer;
beforeAll(async () => {
  g = await fixtureGazetteer();
});

function found(m: PlaceMatch): { label: string; lat: number; lng: number; radiusMeters: number; area?: string } {
  if (m.kind !== 'found') throw new Error(`expected one place, got ${JSON.stringify(m)}`);
  return m.place;
}

describe('corners', () => {
  it.each([
    'Cesar Chavez y Lorena',
    'Lorena y Cesar Chavez',
    'cesar chavez and lorena',
    'corner of Lorena St and Cesar Chavez Ave',
    'esquina de la Lorena con la César Chávez',
    'Av. Cesar E Chavez & Lorena St.',
    'en la cesar chaves y lorrena',
    'sesar chaves con lorena',
  ])('%s is Cesar Chavez Ave & Lorena St in Boyle Heights', (text) => {
    const p = found(g.lookup(text));
    expect(p.label).toMatch(/Cesar Chavez Ave & Lorena St|Lorena St & Cesar Chavez Ave/);
    expect(p.area).toBe('Boyle Heights');
    expect(Math.abs(p.lat - 34.0468)).toBeLessThan(0.001);
    expect(Math.abs(p.lng - -118.1958)).toBeLessThan(0.001);
    expect(p.radiusMeters).toBeLessThanOrEqual(100);
  });

  it.each([
    ['1st and Boyle', '1st St & Boyle Ave'],
    ['la primera y boyle', '1st St & Boyle Ave'],
    ['first street and boyle avenue', '1st St & Boyle Ave'],
    ['esquina de la soto con la primera', 'Soto St & 1st St'],
    ['4th y Soto', '4th St & Soto St'],
    ['cuarta y soto', '4th St & Soto St'],
    ['whitier y la soto', 'Whittier Blvd & Soto St'],
    ['por la whittier boulevard y la chicago', 'Whittier Blvd & Chicago St'],
    ['evergrin y wabash', 'Evergreen Ave & Wabash Ave'],
    ['la pasific y florens en hantinton park', 'Pacific Blvd & Florence Ave'],
  ])('%s -> %s', (text, label) => {
    expect(found(g.lookup(text)).label).toBe(label);
  });
});

describe('places', () => {
  it('a brand with its street: "el Walmart de la Cesar Chavez" is the Boyle Heights store', () => {
    const p = found(g.lookup('el Walmart de la Cesar Chavez'));
    expect(p.label).toBe('Walmart Supercenter (Cesar Chavez Ave)');
    expect(p.area).toBe('Boyle Heights');
  });

  it('a brand in a neighbourhood: "walmart en huntington park"', () => {
    expect(found(g.lookup('walmart en huntington park')).area).toBe('Huntington Park');
  });

  it('a landmark spelt by ear: "hollenbek park", "el mercadito"', () => {
    expect(found(g.lookup('hollenbek park')).label).toBe('Hollenbeck Park');
    expect(found(g.lookup('afuera del mercadito')).label).toBe('El Mercadito');
  });

  it("a place the network listed itself: 'la tiendita de don pepe'", () => {
    expect(found(g.lookup('en la tiendita de don pepe')).label).toBe('Tiendita Don Pepe');
  });

  it('a chain named alone, with three stores: a choice of three', () => {
    const m = g.lookup('el walmart');
    expect(m.kind).toBe('choose');
    if (m.kind === 'choose') expect(m.options.map((o) => o.area)).toEqual(['Boyle Heights', 'Huntington Park', 'Alhambra']);
  });
});

describe('a street with its neighbourhood or ZIP', () => {
  it('"lorena street boyle heights": the part of Lorena in Boyle Heights', () => {
    const p = found(g.lookup('lorena street boyle heights'));
    expect(p.label).toBe('Lorena St, Boyle Heights');
    expect(p.lat).toBeGreaterThan(34.018);
    expect(p.lat).toBeLessThan(34.058);
  });

  it('"la soto en el 90255": Soto St in Huntington Park, not in Boyle Heights', () => {
    const p = found(g.lookup('la soto en el 90255'));
    expect(p.lat).toBeLessThan(34);
  });
});

describe('when unsure', () => {
  it('"1st y Main" is in Downtown and in Alhambra: a choice of two, each with its area', () => {
    const m = g.lookup('1st y Main');
    expect(m).toMatchObject({ kind: 'choose', options: [{ area: 'Downtown' }, { area: 'Alhambra' }] });
  });

  it('"1st y Main en Alhambra" settles it', () => {
    expect(found(g.lookup('1st y Main en Alhambra')).area).toBe('Alhambra');
  });

  it.each(['aqui afuera de mi casa', 'en la fabrica de tortillas', 'Elm y Oak', '3 agentes en una van blanca'])('%s: nothing', (text) => {
    expect(g.lookup(text).kind).toBe('none');
  });
});
