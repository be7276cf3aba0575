import { describe, expect, it } from 'vitest';
import { parseSize } from './size.js';

type Want = { agents?: number; vehicles?: number };

describe('parseSize', () => {
  it.each<[string, Want]>([
    ['4 agents 2 cars', { agents: 4, vehicles: 2 }],
    ['cuatro agentes y dos camionetas', { agents: 4, vehicles: 2 }],
    ['like 5', { agents: 5 }],
    ['5', { agents: 5 }],
    ['unos 6', { agents: 6 }],
    ['3 SUVs', { vehicles: 3 }],
    ['unos 6 oficiales', { agents: 6 }],
    ['2 black SUVs', { vehicles: 2 }],
    ['2 SUV negras', { vehicles: 2 }],
    ["3 suv's", { vehicles: 3 }],
    ['5 ICE agents', { agents: 5 }],
    ['una camioneta', { vehicles: 1 }],
    ['un carro negro y 3 agentes', { agents: 3, vehicles: 1 }],
    ['an ICE agent and a van', { agents: 1, vehicles: 1 }],
    ['a couple of cops', { agents: 2 }],
    ['a couple', { agents: 2 }],
    ['un par de patrullas', { vehicles: 2 }],
    ['UN PAR DE TROCAS Y 6 MIGRAS', { agents: 6, vehicles: 2 }],
    ['3-4 agentes', { agents: 4 }],
    ['3 o 4 carros', { vehicles: 4 }],
    ['entre 5 y 6 agentes', { agents: 6 }],
    ['like 5 or 6', { agents: 6 }],
    ['agentes: 4, carros: 2', { agents: 4, vehicles: 2 }],
    ['agents 4 cars 2', { agents: 4, vehicles: 2 }],
    ['2 SUVs and 1 van', { vehicles: 3 }],
    ['10 hombres', { agents: 10 }],
    ['diez policias', { agents: 10 }],
    ['doce agentes, tres coches', { agents: 12, vehicles: 3 }],
    ['twenty officers', { agents: 20 }],
    ['veinte personas', { agents: 20 }],
    ['4agents', { agents: 4 }],
    ['2 vans 1 truck', { vehicles: 3 }],
    ['3 de ellos eran agentes', { agents: 3 }],
    ['hay migras 2 carros', { vehicles: 2 }],
    ['7 guys in vests', { agents: 7 }],
    ['  4 agentes  ', { agents: 4 }],
    ['4 agentes 🚨', { agents: 4 }],
  ])('%j', (text, want) => {
    const got = parseSize(text);
    expect(got).toBeDefined();
    expect(got!.agents).toBe(want.agents);
    expect(got!.vehicles).toBe(want.vehicles);
    expect(got!.text).toBe(text.trim());
  });

  it.each(['several', 'varios', 'muchos agentes', 'several agents', 'a lot of cops', 'un monton de patrullas', 'many'])(
    'vague quantity gives a field with no counts: %j',
    (text) => {
      expect(parseSize(text)).toEqual({ text });
    },
  );

  it.each([
    '',
    '   ',
    'no se',
    'hola',
    'hace 10 minutos',
    '7:30',
    'a las 8',
    '5th street',
    '90033',
    'en la calle 8',
    'se llevaron a 2 personas',
    'detained 2 people',
    '10 min ago',
    'ICE',
  ])('no count: %j', (text) => {
    expect(parseSize(text)).toBeUndefined();
  });

  it('is fast on long input', () => {
    const long = '4 agentes y 2 camionetas negras, '.repeat(160);
    const t = performance.now();
    const got = parseSize(long);
    expect(performance.now() - t).toBeLessThan(750);
    expect(got?.agents).toBe(4 * 160);
  });
});

describe('parseSize: sums, lists, ranges and corrections', () => {
  it.each<[string, number | undefined, number | undefined]>([
    ['three in a sedan and two more in a pickup', 5, 2],
    ['tres en una camioneta y dos más en un carro', 5, 2],
    ['dos carros: una troca y un sedán', undefined, 2],
    ['two trucks: a black tahoe and a white van', undefined, 2],
    ['4 cars: 2 vans and 2 SUVs', undefined, 4],
    ['2 vans and 2 SUVs', undefined, 4],
    ['3 trocas y una van', undefined, 4],
    ['10+', 10, undefined],
    ['10+ agents', 10, undefined],
    ['unos quince', 15, undefined],
    ['una docena', 12, undefined],
    ['media docena de oficiales', 6, undefined],
    ['half a dozen feds', 6, undefined],
    ['4 o 5', 5, undefined],
    ['entre 6 y 8 oficiales', 8, undefined],
    ['3 no espera, 4', 4, undefined],
    ['4 agents, no wait 5', 5, undefined],
    ['3 de la migra y 2 policías', 5, undefined],
    ['2 federales y 3 de inmigración', 5, undefined],
    ['3 cop cars and an ICE van', undefined, 4],
    ['4 ICE', 4, undefined],
    ['3 ICE SUVs', undefined, 3],
    ['2 jeepetas y una guagua', undefined, 3],
    ['solo uno', 1, undefined],
  ])('%j → %s agents, %s vehicles', (text, agents, vehicles) => {
    const size = parseSize(text);
    expect(size?.agents).toBe(agents);
    expect(size?.vehicles).toBe(vehicles);
    expect(size?.text).toBe(text); // the tipster's words are kept
  });

  it('people being taken are not agents', () => {
    expect(parseSize('agarraron a dos')).toBeUndefined();
    expect(parseSize('subieron a dos a la troca')).toBeUndefined();
    expect(parseSize('estan subiendo gente a la van')).toBeUndefined();
  });
});
