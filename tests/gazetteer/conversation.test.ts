/**
 * The offline map inside a conversation, at the engine level: a corner in two cities gets one
 * numbered question and the tipster's "2" picks it; a place the map does not know gets one
 * question for the neighbourhood, a business or the ZIP, and any answer moves on; without a
 * map the conversation is what it was.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../bot/geo/gazetteer/gazetteer.js';
import { zonesFor } from '../../bot/geo/zones.js';
import type { Zone } from '../../bot/config/index.js';
import { step } from '../../bot/engine/step.js';
import type { EngineInput } from '../../bot/engine/types.js';
import { intakeFlow } from '../../bot/flows/intake.js';
import { T0, testEngineEnv } from '../support/engine-settings.js';
import { converse, fixtureGazetteer } from './support.js';

let g: Gazetteer;
beforeAll(async () => {
  g = await fixtureGazetteer();
});

const ZONES: Zone[] = [
  {
    id: 'eastside',
    name: { es: 'Lado Este', en: 'East Side' },
    aliases: [],
    area: {
      polygon: [
        [34.018, -118.2235],
        [34.058, -118.2235],
        [34.058, -118.186],
        [34.018, -118.186],
      ],
    },
  },
  {
    id: 'downtown',
    name: { es: 'Centro', en: 'Downtown' },
    aliases: [],
    area: {
      polygon: [
        [34.035, -118.26],
        [34.062, -118.26],
        [34.062, -118.232],
        [34.035, -118.232],
      ],
    },
  },
  { id: 'sgv', name: { es: 'San Gabriel', en: 'San Gabriel Valley' }, aliases: [], area: { center: [34.09, -118.13], radiusMeters: 4000 } },
];

describe('a place in two cities', () => {
  it('asks "which?" once with numbered options, and "2" picks Alhambra', () => {
    const { exchanges, session } = converse(['hola', 'es', 'sí', 'en la 1st y Main'], g);
    const asked = exchanges[3]!.replies.join('\n');
    expect(asked).toContain('¿Cuál de estos lugares es? Responde con el número.');
    expect(asked).toContain('1. 1st St & Main St (Downtown)');
    expect(asked).toContain('2. 1st St & Main St (Alhambra)');
    expect(session?.step).toBe('place');

    const after = converse(['hola', 'es', 'sí', 'en la 1st y Main', '2'], g);
    const answer = after.exchanges[4]!.replies.join('\n');
    expect(answer).toContain('📍 Anotado: 1st St & Main St (Alhambra).');
    expect(after.session?.step).not.toBe('place');
    expect(zonesFor(ZONES, after.session?.draft.location)).toEqual(['sgv']);
  });

  it('a word instead of a number ("la de alhambra") settles it too', () => {
    const { session } = converse(['hola', 'es', 'sí', 'en la 1st y Main', 'la de alhambra'], g);
    expect(session?.draft.location?.place?.area).toBe('Alhambra');
  });
});

describe('a place the map does not know', () => {
  it('asks once for the neighbourhood, a business or the ZIP, then moves on', () => {
    const { exchanges, session } = converse(['hola', 'es', 'sí', 'en la fabrica de tortillas La Princesa', 'no se'], g);
    expect(exchanges[3]!.replies.join('\n')).toContain('¿En qué barrio es, qué negocio hay cerca, o cuál es el código postal?');
    const next = exchanges[4]!.replies.join('\n');
    expect(next).not.toContain('código postal');
    expect(session?.step).not.toBe('place');
    expect(session?.draft.location?.text).toContain('La Princesa');
  });

  it('the answer places it: "cerca del food 4 less" lands in Lado Este', () => {
    const { session } = converse(['hola', 'es', 'sí', 'en la fabrica de tortillas La Princesa', 'cerca del food 4 less'], g);
    expect(session?.draft.location?.place?.label).toBe('Food 4 Less');
    expect(zonesFor(ZONES, session?.draft.location)).toEqual(['eastside']);
  });
});

describe('found at once', () => {
  it('a first message with the corner spelt by ear: no question about the place, the zone is known', () => {
    const { exchanges, session } = converse(['hay 4 agentes de ICE deteniendo a un señor en la cesar chaves y lorrena'], g);
    expect(exchanges[0]!.replies.join('\n')).not.toContain('¿Cuál de estos lugares');
    expect(session?.draft.location?.place).toMatchObject({ label: 'Cesar Chavez Ave & Lorena St', area: 'Boyle Heights' });
    expect(zonesFor(ZONES, session?.draft.location)).toEqual(['eastside']);
  });

  it('an answer the parsers find vague but the map knows ("la pasific y florens en hantinton park") is taken', () => {
    const { exchanges, session } = converse(['hola', 'es', 'sí', 'la pasific y florens en hantinton park'], g);
    expect(exchanges[3]!.replies.join('\n')).not.toContain('¿Qué calles cruzan ahí');
    expect(session?.draft.location?.place?.label).toBe('Pacific Blvd & Florence Ave');
  });

  it('the review shows what was understood', () => {
    const { session } = converse(['hay 3 agentes de ICE en 1st y Boyle ahora'], g);
    expect(session?.draft.location?.place?.label).toBe('1st St & Boyle Ave');
  });
});

describe('no map', () => {
  it('the same conversation without a gazetteer asks nothing about the map and places nothing', () => {
    const { exchanges, session } = converse(['hola', 'es', 'sí', 'en la 1st y Main'], undefined);
    expect(exchanges[3]!.replies.join('\n')).not.toContain('¿Cuál de estos lugares');
    expect(session?.draft.location?.place).toBeUndefined();
    expect(session?.draft.location?.crossStreets).toEqual(['1st', 'Main']);
  });
});

describe('every message at the place question gets an answer', () => {
  const image = (ref: string, problem?: 'too_large' | 'unsupported') => ({
    ref,
    kind: 'image' as const,
    mime: 'image/jpeg',
    ...(problem ? { problem } : {}),
  });
  const INPUTS: Record<string, Omit<EngineInput & { type: 'message' }, 'type' | 'messageId'>> = {
    'a photo we could not read': { media: [image('bad', 'unsupported')] },
    'a photo over the size limit': { media: [image('big', 'too_large')] },
    'a good photo': { media: [image('ok')] },
    'a pin alone': { media: [], location: { lat: 34.0335, lng: -118.207 } },
    'an empty message': { media: [], text: '' },
    'an emoji': { media: [], text: '👍' },
    'a number out of range': { media: [], text: '7' },
    AYUDA: { media: [], text: 'AYUDA' },
    ATRAS: { media: [], text: 'ATRÁS' },
    SALTAR: { media: [], text: 'SALTAR' },
    IDIOMA: { media: [], text: 'IDIOMA' },
    CANCELAR: { media: [], text: 'CANCELAR' },
  };
  for (const question of ['the numbered choice', 'the neighbourhood question']) {
    for (const [name, msg] of Object.entries(INPUTS)) {
      it(`${name}, at ${question}`, () => {
        const place = question === 'the numbered choice' ? 'en la 1st y Main' : 'en la fabrica de tortillas La Princesa';
        const { session } = converse(['hola', 'es', 'sí', place], g);
        expect(session?.step).toBe('place');
        const now = T0 + 10 * 60_000 - 1000;
        const out = step(
          intakeFlow,
          session,
          { type: 'message', messageId: 'x', timestamp: now, ...msg },
          { ...testEngineEnv(now), places: g },
        );
        expect(out.events.filter((e) => e.type === 'reply').length).toBeGreaterThan(0);
      });
    }
  }

  it('a reminder at the place question repeats it', () => {
    const { session } = converse(['hola', 'es', 'sí', 'en la 1st y Main'], g);
    const out = step(intakeFlow, session, { type: 'timer' }, { ...testEngineEnv(session!.wakeAt!), places: g });
    const choices = out.events.flatMap((e) => (e.type === 'reply' ? (e.choices ?? []) : []));
    expect(choices.map((c) => c.params?.place)).toEqual(['1st St & Main St (Downtown)', '1st St & Main St (Alhambra)']);
  });
});
