import { describe, expect, expectTypeOf, it } from 'vitest';
import type { GeoPoint } from '../messages.js';
import * as parse from './index.js';
import type {
  ActivityField,
  EquipmentField,
  ExtractedTip,
  Keyword,
  Lang,
  LocationField,
  SizeField,
  TimeContext,
  TimeField,
  UniformField,
} from './index.js';

const ctx: TimeContext = { now: Date.UTC(2026, 10, 21, 17, 0), timezone: 'America/Los_Angeles' };

describe('the public API', () => {
  it('has the agreed signatures', () => {
    expectTypeOf(parse.normalize).toEqualTypeOf<(text: string) => string>();
    expectTypeOf(parse.detectLanguage).toEqualTypeOf<(text: string, among?: readonly Lang[]) => Lang | undefined>();
    expectTypeOf(parse.parseKeyword).toEqualTypeOf<(text: string) => Keyword | undefined>();
    expectTypeOf(parse.parseYesNo).toEqualTypeOf<(text: string, opts?: { numbered?: boolean }) => boolean | undefined>();
    expectTypeOf(parse.parseSize).toEqualTypeOf<(text: string) => SizeField | undefined>();
    expectTypeOf(parse.parseTime).toEqualTypeOf<(text: string, ctx: TimeContext) => TimeField | undefined>();
    expectTypeOf(parse.parseMapLink).toEqualTypeOf<(text: string) => GeoPoint | undefined>();
    expectTypeOf(parse.parseLocation).toEqualTypeOf<(text: string) => LocationField | undefined>();
    expectTypeOf(parse.parseActivity).toEqualTypeOf<(text: string) => ActivityField | undefined>();
    expectTypeOf(parse.parseUniform).toEqualTypeOf<(text: string) => UniformField | undefined>();
    expectTypeOf(parse.parseEquipment).toEqualTypeOf<(text: string) => EquipmentField | undefined>();
    expectTypeOf(parse.extractTip).toEqualTypeOf<(text: string, ctx: TimeContext) => ExtractedTip>();
  });
});

/** Small deterministic PRNG (mulberry32) so fuzz failures can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCAB = [
  'hay',
  'migra',
  'ICE',
  'agentes',
  'agents',
  '4',
  'cuatro',
  'dos',
  'a',
  'un',
  'una',
  'y',
  'and',
  'en',
  'at',
  'on',
  'la',
  'esquina',
  '1st',
  'Soto',
  'Main',
  'St.',
  '5th',
  '&',
  ',',
  '.',
  '!',
  '?',
  '\n',
  '🚨',
  '👍',
  'ahora',
  'ahorita',
  'now',
  'hace',
  '10',
  'min',
  'minutos',
  'ago',
  'a las',
  '8',
  '7:30',
  'pm',
  'de la mañana',
  'ayer',
  'SUV',
  'camionetas',
  'negras',
  'placa',
  '7ABC123',
  'chalecos',
  'vests',
  'masks',
  'de civil',
  'arresting',
  'se llevaron',
  'redada',
  'tocando puertas',
  'estacionados',
  'retén',
  'guns',
  'armas',
  'sin',
  'no',
  'si',
  '90033',
  'https://maps.google.com/?q=34.05,-118.21',
  'https://maps.app.goo.gl/x1',
  'geo:34.05,-118.21',
  '34.0522, -118.2437',
  'con',
  'with',
  'frente a',
  'near',
  'lo vi',
  'I saw',
  '\u200B',
  'ñ',
  'Á',
  '-',
  '—',
  ':',
  '@',
  '/',
  '(',
  ')',
  '"',
  "'",
  '  ',
  'entre',
  '3-4',
  'o',
  'or',
  'like',
  'como',
];

function randomMessage(next: () => number): string {
  const n = 1 + Math.floor(next() * 25);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(VOCAB[Math.floor(next() * VOCAB.length)]!);
  return parts.join(next() < 0.8 ? ' ' : '');
}

describe('fuzz: random tips never throw and keep the invariants', () => {
  it('holds for 400 random messages', () => {
    const next = rng(20261121);
    for (let i = 0; i < 400; i++) {
      const text = randomMessage(next);
      const ctxText = `input #${i}: ${JSON.stringify(text)}`;
      expect(typeof parse.normalize(text), ctxText).toBe('string');
      parse.detectLanguage(text);
      parse.parseKeyword(text);
      parse.parseYesNo(text, { numbered: true });
      const size = parse.parseSize(text);
      if (size) {
        expect(size.text, ctxText).toBe(text.trim());
        for (const n of [size.agents, size.vehicles]) if (n !== undefined) expect(Number.isInteger(n) && n >= 0, ctxText).toBe(true);
      }
      const time = parse.parseTime(text, ctx);
      if (time?.at !== undefined) expect(time.at, ctxText).toBeLessThanOrEqual(ctx.now + 3_600_000);
      const point = parse.parseMapLink(text);
      if (point) {
        expect(Math.abs(point.lat), ctxText).toBeLessThanOrEqual(90);
        expect(Math.abs(point.lng), ctxText).toBeLessThanOrEqual(180);
      }
      const loc = parse.parseLocation(text);
      if (loc === undefined)
        expect(text.replace(/[\s\u200B]/g, '') === '' || parse.locationProblem(text) !== undefined, ctxText).toBe(true);
      else expect(parse.scrubContacts(loc.text ?? ''), ctxText).toBe(loc.text ?? '');
      const eq = parse.parseEquipment(text);
      for (const p of eq?.plates ?? []) expect(p, ctxText).toMatch(/^[A-Z0-9]{3,8}$/);
      parse.parseActivity(text);
      parse.parseUniform(text);
      const tip = parse.extractTip(text, ctx);
      if (tip.time?.at !== undefined) expect(tip.time.at, ctxText).toBeLessThanOrEqual(ctx.now + 3_600_000);
      for (const f of [tip.size, tip.time, tip.activity, tip.uniform, tip.equipment]) if (f) expect(f.text.trim(), ctxText).not.toBe('');
    }
  });
});

describe('no slow paths on 5000-character input', () => {
  const hostile = [
    'a'.repeat(5000),
    ' '.repeat(5000),
    '1'.repeat(5000),
    '1 '.repeat(2500),
    '1.'.repeat(2500),
    '1,'.repeat(2500),
    'hace '.repeat(1000),
    'a las '.repeat(800),
    'no '.repeat(1600),
    '@'.repeat(5000),
    '🚨'.repeat(2500),
    'geo:'.repeat(1250),
    'http://'.repeat(700),
    '1st y '.repeat(800),
    'esquina de '.repeat(450),
    'placa '.repeat(800),
    '7ABC123 '.repeat(600),
    '4 agentes y 2 camionetas negras en la esquina de 1st y Soto hace 10 minutos, '.repeat(70).slice(0, 5000),
  ];
  it.each(hostile.map((h, i) => [i, h] as const))('input %d', (_i, text) => {
    const t = performance.now();
    parse.normalize(text);
    parse.detectLanguage(text);
    parse.parseKeyword(text);
    parse.parseYesNo(text);
    parse.parseSize(text);
    parse.parseTime(text, ctx);
    parse.parseMapLink(text);
    parse.parseLocation(text);
    parse.parseActivity(text);
    parse.parseUniform(text);
    parse.parseEquipment(text);
    parse.extractTip(text, ctx);
    expect(performance.now() - t).toBeLessThan(2500);
  });
});
