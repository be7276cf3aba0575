import { describe, expect, it } from 'vitest';
import type { ActivityKind } from './types.js';
import { findPlates, parseActivity, parseEquipment, parseUniform } from './fields.js';

describe('parseActivity', () => {
  it.each<[string, ActivityKind]>([
    ['they are arresting someone', 'arrest'],
    ['ICE ARRESTED A MAN', 'arrest'],
    ['detaining people at the bus stop', 'arrest'],
    ['taking someone away', 'arrest'],
    ['they grabbed my neighbor', 'arrest'],
    ['handcuffed a guy', 'arrest'],
    ['hay un detenido', 'arrest'],
    ['están arrestando a un señor', 'arrest'],
    ['estan deteniendo gente', 'arrest'],
    ['se llevaron a mi vecino', 'arrest'],
    ['se lo llevan', 'arrest'],
    ['agarraron a 2', 'arrest'],
    ['raid at the car wash', 'raid'],
    ['REDADA en la fabrica', 'raid'],
    ['hay un operativo', 'raid'],
    ['knocking on doors', 'door_knocking'],
    ['tocando puertas', 'door_knocking'],
    ['estan tocando la puerta', 'door_knocking'],
    ['tocaron a mi puerta', 'door_knocking'],
    ['casa por casa', 'door_knocking'],
    ['checkpoint on Whittier', 'checkpoint'],
    ['retén en la 710', 'checkpoint'],
    ['reten', 'checkpoint'],
    ['puesto de control', 'checkpoint'],
    ['parked outside the school', 'surveillance'],
    ['watching the building', 'surveillance'],
    ['following a car', 'surveillance'],
    ['estacionados enfrente', 'surveillance'],
    ['vigilando la tienda', 'surveillance'],
    ['nos estan siguiendo', 'surveillance'],
    ['driving around the block', 'patrol'],
    ['patrolling', 'patrol'],
    ['rondando el barrio', 'patrol'],
    ['patrullando', 'patrol'],
    ['dando vueltas', 'patrol'],
    ['arresting people during a raid', 'arrest'],
  ])('%j → %s', (text, kind) => {
    expect(parseActivity(text)).toEqual({ text, kind });
  });

  it('keeps the words even without a known activity', () => {
    expect(parseActivity('  solo están ahí  ')).toEqual({ text: 'solo están ahí' });
    expect(parseActivity("I'm watching them from my window")).toEqual({ text: "I'm watching them from my window" });
    expect(parseActivity('Border Patrol truck')).toEqual({ text: 'Border Patrol truck' });
    expect(parseActivity('')).toBeUndefined();
  });
});

describe('parseUniform', () => {
  it.each<[string, string[]]>([
    ['ICE', ['ICE']],
    ['chalecos de ICE', ['ICE', 'vests']],
    ['vests that say POLICE', ['POLICE', 'vests']],
    ['I.C.E. jackets', ['ICE']],
    ['CBP', ['CBP']],
    ['Border Patrol', ['CBP']],
    ['HSI y FBI', ['HSI', 'FBI']],
    ['DHS, ERO', ['DHS', 'ERO']],
    ['policía', ['POLICE']],
    ['sheriff', ['POLICE']],
    ['plain clothes', ['plain_clothes']],
    ['de civil', ['plain_clothes']],
    ['ropa normal', ['plain_clothes']],
    ['sin uniforme', ['plain_clothes']],
    ['chalecos', ['vests']],
    ['masks', ['masks']],
    ['máscaras', ['masks']],
    ['MASCARAS', ['masks']],
    ['pasamontañas', ['masks']],
    ['uniformados', ['uniforms']],
    ['in uniform', ['uniforms']],
    ['chalecos pero sin mascaras', ['vests']],
    ['no vests, masks', ['masks']],
    ['la migra', []],
    ['ice cream truck', []],
    ['ropa negra', []],
  ])('%j → %j', (text, markings) => {
    expect(parseUniform(text)).toEqual({ text, markings });
  });

  it('is undefined for empty text', () => {
    expect(parseUniform('  ')).toBeUndefined();
  });
});

describe('parseEquipment', () => {
  it.each<[string, string[]]>([
    ['black Tahoe plate 7ABC123', ['7ABC123']],
    ['placa ABC123', ['ABC123']],
    ['placas: 7abc 123', ['7ABC123']],
    ['placas de California 8XYZ456', ['8XYZ456']],
    ['plate ABC-1234', ['ABC1234']],
    ['license plate number 4KJL921', ['4KJL921']],
    ['7ABC123 y 8DEF456', ['7ABC123', '8DEF456']],
    ['7abc123', ['7ABC123']],
    ['ABC-1234', ['ABC1234']],
    ['2 SUV negras, placas 6TRJ244', ['6TRJ244']],
    ['placa 123', ['123']],
  ])('plates in %j', (text, plates) => {
    expect(parseEquipment(text)?.plates).toEqual(plates);
  });

  it.each([
    'black SUV',
    'a las 7:30pm',
    '730pm',
    'hace 10min',
    '90033',
    'F150 blanca',
    'on 125th street',
    'in the 1990s',
    'covid19',
    'https://maps.app.goo.gl/AbC123',
    'placas de Texas',
    'no plates',
  ])('no plates in %j', (text) => {
    expect(parseEquipment(text)?.plates).toEqual([]);
  });

  it.each<[string, boolean | undefined]>([
    ['they have guns', true],
    ['rifles', true],
    ['armed', true],
    ['ARMADOS', true],
    ['traen armas largas', true],
    ['pistolas', true],
    ['no guns', false],
    ['sin armas', false],
    ['unarmed', false],
    ['no vi armas', false],
    ['black SUV', undefined],
    ['alarma', undefined],
  ])('weapons in %j → %s', (text, weapons) => {
    expect(parseEquipment(text)?.weapons).toBe(weapons);
  });

  it('is undefined for empty text', () => {
    expect(parseEquipment('')).toBeUndefined();
  });

  it('is fast on long input', () => {
    const long = 'black Tahoe plate 7ABC123 with rifles, '.repeat(130);
    const t = performance.now();
    expect(findPlates(long)).toEqual(['7ABC123']);
    expect(performance.now() - t).toBeLessThan(750);
  });
});
