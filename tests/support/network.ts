/**
 * The network the channel end-to-end tests configure, and the bot built from a config as
 * `npm start` builds it (buildPlatforms, composeCentinela), on a clock the test moves.
 */
import type { Logger } from 'pino';
import { composeCentinela, type Centinela } from '../../app/compose.js';
import { buildPlatforms } from '../../app/platforms.js';
import type { Config } from '../../bot/config/index.js';
import { TEST_SECRET, T0 } from './harness.js';

/** The `network:` section (config input). */
export const TEST_NETWORK = {
  name: 'Eastside Rapid Response',
  hotline: '+1 555 0100',
  timezone: 'America/Los_Angeles',
  languages: ['es', 'en'],
};

/** Boyle Heights (config input). */
export const EASTSIDE_ZONE = {
  id: 'eastside',
  name: { en: 'East Side', es: 'Lado Este' },
  aliases: ['boyle heights', '90033'],
  area: { center: [34.0341, -118.2053], radiusMeters: 3000 },
};

/** Westlake / MacArthur Park, as a circle (config input). */
export const WESTSIDE_ZONE = {
  id: 'westside',
  name: { en: 'West Side', es: 'Lado Oeste' },
  aliases: ['westlake', 'macarthur park'],
  area: { center: [34.0575, -118.28], radiusMeters: 1500 },
};

/** Builds the platforms `config` enables and composes the bot (not started); `now.value` is its clock. */
export function composeBuilt(config: Config, logger: Logger, dbPath = ':memory:'): { bot: Centinela; now: { value: number } } {
  const built = buildPlatforms(config, {}, logger);
  if (!built.ok) throw new Error(built.errors.join('\n'));
  const now = { value: T0 };
  const bot = composeCentinela({
    config: built.config,
    secret: TEST_SECRET,
    logger,
    dbPath,
    clock: () => now.value,
    platforms: built.platforms,
  });
  return { bot, now };
}
