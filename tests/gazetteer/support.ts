/** The fixture map, imported once per test file, and a way to talk to the engine with it. */
import { fileURLToPath } from 'node:url';
import { createI18n } from '../../bot/i18n/i18n.js';
import { createRenderer } from '../../bot/i18n/render.js';
import { Gazetteer } from '../../bot/geo/gazetteer/gazetteer.js';
import type { PlaceFinder, PlaceRow } from '../../bot/geo/gazetteer/types.js';
import { step } from '../../bot/engine/step.js';
import type { EngineInput, Session, StepResult } from '../../bot/engine/types.js';
import { intakeFlow } from '../../bot/flows/intake.js';
import { readMap } from '../../store/gazetteer/import.js';
import { T0, testEngineEnv } from '../support/engine-settings.js';

export const FIXTURE = (ext: 'geojson' | 'osm') => fileURLToPath(new URL(`./fixture/boyle-heights.${ext}`, import.meta.url));

/** The network's own place from the config example: what the map lacks. */
export const DON_PEPE: PlaceRow = {
  name: 'Tiendita Don Pepe',
  aliases: ['la tiendita', 'tienda de don pepe'],
  lat: 34.0436,
  lng: -118.2072,
};

export async function fixtureGazetteer(): Promise<Gazetteer> {
  return new Gazetteer(await readMap(FIXTURE('geojson')), { places: [DON_PEPE] });
}

const renderer = createRenderer(createI18n(undefined, 'es'), intakeFlow, 'America/Los_Angeles');

export interface Exchange {
  said: string;
  /** The bot's replies as the tipster reads them (text, then numbered choices). */
  replies: string[];
  result: StepResult;
}

/** Sends each message in turn (30 s apart) and returns what the bot answered to each. */
export function converse(messages: string[], places: PlaceFinder | undefined): { exchanges: Exchange[]; session: Session | null } {
  let session: Session | null = null;
  const exchanges: Exchange[] = [];
  messages.forEach((text, i) => {
    const now = T0 + i * 30_000;
    const input: EngineInput = { type: 'message', messageId: `m${i}`, text, media: [], timestamp: now };
    const env = { ...testEngineEnv(now), ...(places ? { places } : {}) };
    const result = step(intakeFlow, session, input, env);
    session = result.session;
    const replies = result.events.flatMap((e) => {
      if (e.type !== 'reply') return [];
      const r = renderer.reply(e);
      return [[r.text, ...(r.choices ?? []).map((c) => `${c.value}. ${c.label}`)].join('\n')];
    });
    exchanges.push({ said: text, replies, result });
  });
  return { exchanges, session };
}
