import { describe, expect, it } from 'vitest';
import { extractTip } from './extract.js';

const ctx = { now: Date.UTC(2025, 2, 12, 22, 0), timezone: 'America/Los_Angeles' };

describe('urgency read from the text', () => {
  it.each([
    'se llevaron a un señor',
    'lo tienen esposado',
    'they just shoved a guy into the back of the SUV',
    'están subiendo gente a la van',
    'agarraron a dos en la esquina!!',
    'tienen a dos muchachos contra la pared',
    'ICE grabbed two workers 10 min ago',
  ])('%j is urgent', (text) => {
    expect(extractTip(text, ctx).urgent).toBe(true);
  });

  it.each([
    'solo están parados',
    'just parked outside',
    'no se han llevado a nadie',
    'nobody arrested, just asking questions',
    'last night around 9 they picked up the guy next door',
  ])('%j is not', (text) => {
    expect(extractTip(text, ctx).urgent).toBe(false);
  });

  it.each(['4 agentes en 1st y Soto', 'están tocando puertas', 'se llevaron a mi vecino hace una hora'])(
    '%j does not settle it',
    (text) => {
      expect(extractTip(text, ctx).urgent).toBeUndefined();
    },
  );

  it("knows when agents are at the tipster's own door", () => {
    expect(extractTip('están afuera de mi casa', ctx).atOwnDoor).toBe(true);
    expect(extractTip('ICE knocking on my door rn', ctx).atOwnDoor).toBe(true);
    expect(extractTip('vi a la migra por mi casa', ctx).atOwnDoor).toBeUndefined();
  });
});
