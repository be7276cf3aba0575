/**
 * The offline map through the whole bot (runtime, SQLite store, outbox, verifier chat), as golden
 * transcripts: a corner spelt by ear becomes a point and a zone on the card, and a corner in
 * two cities is one numbered question whose "2" the card then shows.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../bot/geo/gazetteer/gazetteer.js';
import { Harness } from '../support/harness.js';
import { fixtureGazetteer } from './support.js';

let g: Gazetteer;
let h: Harness;
beforeAll(async () => {
  g = await fixtureGazetteer();
});
afterEach(async () => {
  await h.stop();
});

async function answer(who: string, text: string): Promise<void> {
  h.now += 20_000;
  await h.send(who, { text });
}

describe('offline map transcripts', () => {
  it('"la cesar chaves y lorrena": the card shows the corner, ±40 m and Lado Este', async () => {
    h = await new Harness({ places: g }).start();
    await h.send('ana', { text: 'hay 4 agentes de ICE vigilando en la cesar chaves y lorrena, ahora' });
    await answer('ana', 'sí');
    const card = h.sentTo('verifiers')[0]?.text ?? '';
    expect(card).toContain('≈ Cesar Chavez Ave & Lorena St (Boyle Heights), ±40 m, Lado Este');
    expect(card).toContain('Zona: Lado Este');
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/corner-by-ear.txt');
  });

  it('"1st y Main" in two cities: one numbered question, "2" picks Alhambra, outside every zone', async () => {
    h = await new Harness({ places: g }).start();
    await h.send('bo', { text: 'hay migra en la 1st y Main, 3 carros' });
    const asked = h.sentTo('bo').at(-1);
    expect(asked?.keys).toContain('intake.place.choose');
    await answer('bo', '2');
    expect(h.sentTo('bo').at(-1)?.text).toContain('📍 Anotado: 1st St & Main St (Alhambra).');
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/corner-in-two-cities.txt');
  });
});
