import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { extractTip } from './extract.js';

const zone = 'America/Los_Angeles';
const now = Date.UTC(2026, 10, 21, 17, 0); // 09:00 PST
const ctx = { now, timezone: zone };
const MIN = 60_000;
const local = (hour: number, minute = 0): number =>
  DateTime.fromObject({ year: 2026, month: 11, day: 21, hour, minute }, { zone }).toMillis();

describe('extractTip: the lead examples', () => {
  it('a rich Spanish tip', () => {
    const tip = extractTip('4 agentes con chalecos de ICE en 1st y Soto, ahora, 2 SUV negras', ctx);
    expect(tip.size).toMatchObject({ agents: 4, vehicles: 2 });
    expect(tip.uniform?.markings).toEqual(expect.arrayContaining(['ICE', 'vests']));
    expect(tip.location).toEqual({ text: '1st y Soto', crossStreets: ['1st', 'Soto'] });
    expect(tip.time).toEqual({ text: 'ahora', at: now, bucket: 'now' });
    expect(tip.equipment?.text).toContain('SUV negras');
    expect(tip.activity).toBeUndefined();
    expect(tip.urgent).toBeUndefined();
  });

  it('a rich English tip with an arrest in progress', () => {
    const tip = extractTip('ICE arresting someone at the Walmart on Cesar Chavez right now, 3 agents, black Tahoe plate 7ABC123', ctx);
    expect(tip.activity).toEqual({ text: 'ICE arresting someone', kind: 'arrest' });
    expect(tip.urgent).toBe(true);
    expect(tip.location?.text).toBe('the Walmart on Cesar Chavez');
    expect(tip.time?.at).toBe(now);
    expect(tip.size).toEqual({ text: '3 agents', agents: 3 });
    expect(tip.equipment?.plates).toEqual(['7ABC123']);
  });

  it.each(['hola', 'Hola!', 'buenas', 'hi', 'hello 👋', '', '   ', 'ok', '?', 'hay migra', 'ICE'.slice(0, 0)])('%j → {}', (text) => {
    expect(extractTip(text, ctx)).toEqual({});
  });
});

describe('extractTip: fields', () => {
  it('English intersection and time', () => {
    const tip = extractTip('ICE agents at 5th and Main right now', ctx);
    expect(tip.location).toEqual({ text: '5th and Main', crossStreets: ['5th', 'Main'] });
    expect(tip.time).toEqual({ text: 'right now', at: now, bucket: 'now' });
    expect(tip.uniform?.markings).toEqual(['ICE']);
  });

  it('a place with a relation word keeps it', () => {
    const tip = extractTip('hay 3 carros de ICE estacionados frente a la escuela Roosevelt', ctx);
    expect(tip.size).toMatchObject({ vehicles: 3 });
    expect(tip.location?.text).toBe('frente a la escuela Roosevelt');
    expect(tip.activity?.kind).toBe('surveillance');
  });

  it('minutes ago, vehicles and plates', () => {
    const tip = extractTip('hace 10 minutos vi 2 camionetas blancas sin placas en la Whittier y Atlantic', ctx);
    expect(tip.time?.at).toBe(now - 10 * MIN);
    expect(tip.time?.text).toBe('hace 10 minutos');
    expect(tip.size?.vehicles).toBe(2);
    expect(tip.equipment?.text).toContain('camionetas blancas');
    expect(tip.location?.crossStreets).toEqual(['Whittier', 'Atlantic']);
    expect(tip.firsthand).toBe(true);
  });

  it('clock time in Spanish', () => {
    const tip = extractTip('a las 7:30 llegaron como 6 agentes a la calle Soto', ctx);
    expect(tip.time?.at).toBe(local(7, 30));
    expect(tip.size?.agents).toBe(6);
  });

  it('a past arrest is not urgent', () => {
    const tip = extractTip('se llevaron a mi vecino hace una hora en la 3rd St', ctx);
    expect(tip.activity?.kind).toBe('arrest');
    expect(tip.time?.at).toBe(now - 60 * MIN);
    expect(tip.location?.text).toBe('la 3rd St');
    expect(tip.urgent).toBeUndefined();
  });

  it('an arrest happening now is urgent', () => {
    expect(extractTip('están deteniendo a un señor en la parada del bus', ctx).urgent).toBe(true);
    expect(extractTip('AGARRARON A UN SEÑOR AHORITA EN SOTO', ctx).urgent).toBe(true);
    expect(extractTip('they are taking someone from the car wash', ctx).urgent).toBe(true);
    expect(extractTip('redada en la fabrica de la 4th', ctx).urgent).toBeUndefined();
  });

  it('firsthand reports', () => {
    expect(extractTip('lo vi yo, hay 3 agentes', ctx).firsthand).toBe(true);
    expect(extractTip('yo vi a la migra en Soto', ctx).firsthand).toBe(true);
    expect(extractTip('estoy viendo 2 patrullas afuera', ctx).firsthand).toBe(true);
    expect(extractTip("I'm watching them right now", ctx).firsthand).toBe(true);
    expect(extractTip('I saw ICE at the school', ctx).firsthand).toBe(true);
    expect(extractTip('my cousin says there is ICE at the school', ctx).firsthand).toBeUndefined();
    expect(extractTip("I'm watching them right now", ctx).activity).toBeUndefined();
  });

  it('uniform descriptions', () => {
    const tip = extractTip('5 hombres de civil con chalecos que dicen POLICE y mascaras', ctx);
    expect(tip.size?.agents).toBe(5);
    expect(tip.uniform?.markings).toEqual(expect.arrayContaining(['POLICE', 'plain_clothes', 'vests', 'masks']));
  });

  it('weapons go to equipment', () => {
    const tip = extractTip('4 agents with rifles, door to door on Mott St', ctx);
    expect(tip.size?.agents).toBe(4);
    expect(tip.equipment?.weapons).toBe(true);
    expect(tip.activity?.kind).toBe('door_knocking');
    expect(tip.location?.text).toBe('Mott St');
  });

  it('a ZIP code is a location', () => {
    const tip = extractTip('checkpoint en el 90022, muchas patrullas', ctx);
    expect(tip.activity?.kind).toBe('checkpoint');
    expect(tip.location?.zip).toBe('90022');
  });

  it('a map link gives the point, with or without words', () => {
    expect(extractTip('https://maps.google.com/?q=34.05,-118.21', ctx)).toEqual({ location: { point: { lat: 34.05, lng: -118.21 } } });
    const tip = extractTip('ICE aqui https://maps.google.com/?q=34.05,-118.21 ahorita, 3 agentes', ctx);
    expect(tip.location?.point).toEqual({ lat: 34.05, lng: -118.21 });
    expect(tip.time?.at).toBe(now);
    expect(tip.size?.agents).toBe(3);
  });

  it('sloppy phone typing', () => {
    const tip = extractTip('HAY MIGRA EN LA ESQUINA DE 1ST Y SOTO!!! 🚨🚨 ahorita   unos 5 agentes', ctx);
    expect(tip.location?.crossStreets).toEqual(['1ST', 'SOTO']);
    expect(tip.time?.at).toBe(now);
    expect(tip.size?.agents).toBe(5);
  });

  it('lines and periods split clauses', () => {
    const tip = extractTip('Redada en la fabrica.\nCalle Olympic y Soto\n6 camionetas\nhace media hora', ctx);
    expect(tip.activity?.kind).toBe('raid');
    expect(tip.location?.text).toContain('Olympic y Soto');
    expect(tip.size?.vehicles).toBe(6);
    expect(tip.time?.at).toBe(now - 30 * MIN);
  });

  it('a location without a preposition is found by its place word or cross streets', () => {
    expect(extractTip('1st & Soto, 3 agentes', ctx).location).toEqual({ text: '1st & Soto', crossStreets: ['1st', 'Soto'] });
    expect(extractTip('Home Depot de Cypress Park, hay migra', ctx).location?.text).toBe('Home Depot de Cypress Park');
  });

  it('only sets what was found; "la esquina" is nowhere a responder could drive to', () => {
    const tip = extractTip('hay migra en la esquina', ctx);
    expect(tip).toEqual({});
  });
});

describe('extractTip: more realistic messages', () => {
  it('counts, place with a relation word, vests and guns', () => {
    const tip = extractTip('There are like 6 ICE agents outside the courthouse on Temple St, they have vests and guns', ctx);
    expect(tip.size?.agents).toBe(6);
    expect(tip.location?.text).toBe('outside the courthouse on Temple St');
    expect(tip.uniform?.markings).toContain('vests');
    expect(tip.equipment?.weapons).toBe(true);
  });

  it('several clauses in English', () => {
    const tip = extractTip('ICE at the 7-Eleven on Pico and Union. 2 unmarked cars. They grabbed a guy.', ctx);
    expect(tip.location).toEqual({ text: 'the 7-Eleven on Pico and Union', crossStreets: ['Pico', 'Union'] });
    expect(tip.size).toEqual({ text: '2 unmarked cars', vehicles: 2 });
    expect(tip.equipment?.text).toBe('2 unmarked cars');
    expect(tip.activity?.kind).toBe('arrest');
  });

  it('plain clothes, a vehicle, surveillance since a clock time', () => {
    const tip = extractTip('Saw 2 agents in plain clothes in a gray minivan, parked on 3rd and Indiana since 7am', ctx);
    expect(tip.size).toMatchObject({ agents: 2, vehicles: 1 });
    expect(tip.uniform?.markings).toEqual(['plain_clothes']);
    expect(tip.equipment?.text).toBe('in a gray minivan');
    expect(tip.activity?.kind).toBe('surveillance');
    expect(tip.location?.crossStreets).toEqual(['3rd', 'Indiana']);
    expect(tip.time?.at).toBe(local(7));
    expect(tip.firsthand).toBe(true);
  });

  it('"knocking on doors" stays together', () => {
    const tip = extractTip('Please help they are knocking on doors on our street, Maple Ave, 4 officers with masks', ctx);
    expect(tip.activity?.kind).toBe('door_knocking');
    expect(tip.activity?.text).toContain('knocking on doors');
    expect(tip.location?.text).toBe('Maple Ave'); // "our street" is not a place to drive to
    expect(tip.size?.agents).toBe(4);
    expect(tip.uniform?.markings).toEqual(['masks']);
  });

  it('a lone number counts what the clause before named', () => {
    const tip = extractTip('agentes encapuchados, como 8, se llevaron a 3 trabajadores del car wash en la Figueroa', ctx);
    expect(tip.size).toEqual({ text: 'como 8', agents: 8 });
    expect(tip.uniform?.markings).toEqual(['masks']);
    expect(tip.activity?.kind).toBe('arrest');
    expect(tip.location).toBeUndefined(); // a bare street name: the engine asks for the cross street
    expect(extractTip('La migra está en el mercado de la 41 y Central ahorita, son como 15 con armas largas', ctx).size?.agents).toBe(15);
  });

  it('people being taken are not counted as agents', () => {
    expect(extractTip('They arrested 2 people at 8:15 this morning near MacArthur Park', ctx).size).toBeUndefined();
    expect(extractTip('se llevaron a 3 trabajadores', ctx).size).toBeUndefined();
  });

  it('weapons or plates inside a count clause still reach equipment', () => {
    const tip = extractTip('6 agentes armados, 1 troca placas 8XYZ123', ctx);
    expect(tip.size).toMatchObject({ agents: 6, vehicles: 1 });
    expect(tip.equipment?.weapons).toBe(true);
    expect(tip.equipment?.plates).toEqual(['8XYZ123']);
  });

  it('an "@" reads as "at"', () => {
    const tip = extractTip('ICE van @ Cesar Chavez & Soto', ctx);
    expect(tip.location).toEqual({ text: 'Cesar Chavez & Soto', crossStreets: ['Cesar Chavez', 'Soto'] });
  });

  it('plates inside an activity clause still reach equipment', () => {
    const tip = extractTip('Black Dodge Charger plate 8ABC456 following people near Lincoln Park', ctx);
    expect(tip.activity?.kind).toBe('surveillance');
    expect(tip.equipment?.plates).toEqual(['8ABC456']);
    expect(tip.location?.text).toBe('near Lincoln Park');
  });

  it('keeps a short map link as location text', () => {
    expect(extractTip('https://maps.app.goo.gl/AbC123 migra aqui', ctx).location).toEqual({ text: 'https://maps.app.goo.gl/AbC123' });
  });

  it('a house number is not a count', () => {
    const tip = extractTip('they took my dad 10 min ago from our house at 123 Main St, 90011', ctx);
    expect(tip.size).toBeUndefined();
    expect(tip.time?.at).toBe(now - 10 * MIN);
    expect(tip.location?.zip).toBe('90011');
    expect(tip.urgent).toBe(true); // taken ten minutes ago: just happened
  });

  it('a greeting before the tip is ignored', () => {
    const tip = extractTip(
      'Hola buenas tardes, quería reportar que hay una redada en la fábrica de costura en Vernon, son muchos agentes',
      ctx,
    );
    expect(tip.activity?.kind).toBe('raid');
    expect(tip.location?.text).toBe('la fábrica de costura en Vernon');
  });
});

describe('extractTip: robustness', () => {
  it('handles 5000 characters quickly', () => {
    const long = '4 agentes con chalecos de ICE en 1st y Soto, ahora, 2 SUV negras placa 7ABC123. '.repeat(62).slice(0, 5000);
    const t = performance.now();
    const tip = extractTip(long, ctx);
    expect(performance.now() - t).toBeLessThan(2500);
    expect(tip.location?.crossStreets).toEqual(['1st', 'Soto']);
  });

  it('handles hostile input quickly', () => {
    for (const text of [
      'a'.repeat(5000),
      ' '.repeat(5000),
      '.'.repeat(5000),
      '1 '.repeat(2500),
      'y '.repeat(2500),
      '🚨'.repeat(2500),
      'en '.repeat(1600),
      '1st y '.repeat(800),
    ]) {
      const t = performance.now();
      extractTip(text, ctx);
      expect(performance.now() - t).toBeLessThan(2500);
    }
  });
});
