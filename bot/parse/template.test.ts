import { describe, expect, it } from 'vitest';
import { extractTip } from './extract.js';
import { parseTemplate } from './template.js';

const ctx = { now: Date.UTC(2025, 2, 12, 22, 0), timezone: 'America/Los_Angeles' };

describe('the SALUTE template', () => {
  it('reads labels separated by "/" or by lines', () => {
    expect(parseTemplate('S - 5 agents / A - arresting a man / L - 5th and Main / U - ICE vests / T - now / E - 2 black SUVs')).toEqual({
      size: '5 agents',
      activity: 'arresting a man',
      location: '5th and Main',
      uniform: 'ICE vests',
      time: 'now',
      equipment: '2 black SUVs',
    });
    expect(parseTemplate('Tamaño: como 8\nLugar: 1st y Soto\nHora: ahorita')).toEqual({
      size: 'como 8',
      location: '1st y Soto',
      time: 'ahorita',
    });
  });

  it('is not read into ordinary messages', () => {
    expect(parseTemplate('4 agentes en 1st y Soto - ahora')).toBeUndefined();
    expect(parseTemplate('a - b')).toBeUndefined();
    expect(parseTemplate('hola')).toBeUndefined();
  });

  it('fills each field with its own parser', () => {
    const tip = extractTip(
      'S - 5 agentes / A - arrestando a un señor / L - 1st y Soto / U - chalecos de ICE / T - ahorita / E - 2 trocas negras',
      ctx,
    );
    expect(tip.size).toMatchObject({ agents: 5, vehicles: 2 });
    expect(tip.activity?.kind).toBe('arrest');
    expect(tip.location?.crossStreets).toEqual(['1st', 'Soto']);
    expect(tip.uniform?.markings).toEqual(expect.arrayContaining(['ICE', 'vests']));
    expect(tip.time?.bucket).toBe('now');
    expect(tip.urgent).toBe(true);
    expect(extractTip('S: 3\nA: parked\nL: here\nT: 10 min ago', ctx).location).toBeUndefined();
  });
});
