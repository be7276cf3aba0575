/**
 * A bug in the conversation engine must not cost the tipster their conversation. The runtime
 * hands the engine the session it read and lets it change it in place (no copy per message), so
 * after a step throws half-way the session must come back as the database has it: the tipster
 * hears sorry, and the next answer goes on from the same question.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createVault } from '../bot/privacy/vault.js';
import type { PlaceFinder } from '../bot/geo/gazetteer/types.js';
import { Harness, TEST_SECRET } from './support/harness.js';

let open: Harness[] = [];
afterEach(async () => {
  for (const h of open) await h.stop().catch(() => undefined);
  open = [];
});

describe('an engine step that throws', () => {
  it('keeps the session as stored, says sorry once, and the conversation goes on', async () => {
    let broken = false;
    const places: PlaceFinder = {
      lookup() {
        if (broken) throw new Error('a bug in the map');
        return { kind: 'none' } as never;
      },
    };
    const h = await new Harness({ places }).start();
    open.push(h);
    const key = createVault(TEST_SECRET).pseudonym('simulator', 'ana');
    const state = () => h.bot.store.db.prepare('SELECT state FROM sessions WHERE tipster = ?').pluck().get(key) as string;

    await h.say('ana', 'hola');
    await h.say('ana', 'no');
    await h.say('ana', 'están tocando puertas');
    const before = state();
    const asked = h.sentTo('ana').length;

    broken = true;
    await h.say('ana', 'en la 1st y Soto');
    const sorry = h.sentTo('ana').slice(asked);
    expect(sorry).toHaveLength(1);
    expect(sorry[0]!.keys).toEqual(['common.error']);
    expect(state()).toBe(before);

    broken = false;
    await h.say('ana', 'en la 1st y Soto');
    expect(JSON.parse(state()).draft.location.text).toBe('en la 1st y Soto');
  });
});
