/**
 * The built-in demo configuration: what `npm start` runs with when there is no config file.
 * Everything talks through the local web simulator; nothing reaches a real platform.
 */
import type { Config } from './schema.js';
import { mustParseConfig } from './validate.js';

/** The demo as an admin would write it; defaults fill in the rest. */
export const DEMO_CONFIG_INPUT = {
  network: {
    name: 'Eastside Rapid Response (demo)',
    hotline: '+1 555 0100',
    timezone: 'America/Los_Angeles',
    // Every language Centinela speaks, so a tip in any of them is answered in it
    languages: ['es', 'en', 'pt', 'ht', 'fr', 'zh', 'vi', 'ko', 'tl', 'ar'],
  },
  storage: { path: './data/centinela.db' },
  http: { host: '127.0.0.1', port: 3000 },
  zones: [
    {
      id: 'eastside',
      name: { en: 'East Side', es: 'Lado Este' },
      aliases: ['boyle heights', 'east la', '90033'],
      area: { center: [34.0341, -118.2053], radiusMeters: 3000 },
    },
    {
      id: 'westside',
      name: { en: 'West Side', es: 'Lado Oeste' },
      aliases: ['westlake', 'macarthur park', '90057'],
      // Westlake / MacArthur Park, Los Angeles.
      area: {
        polygon: [
          [34.065, -118.29],
          [34.065, -118.27],
          [34.05, -118.27],
          [34.05, -118.29],
        ],
      },
    },
  ],
  chats: {
    verifiers: [{ platform: 'simulator', id: 'verifiers', language: 'es' }],
    responders: [
      // fallback: reports whose zone is unknown are alerted here too
      { platform: 'simulator', id: 'responders-east', zones: ['eastside'], language: 'es', fallback: true },
      { platform: 'simulator', id: 'responders-west', zones: ['westside'], language: 'en', precision: 'zone' },
    ],
  },
  verifiers: [
    { platform: 'simulator', id: 'verifier-1' },
    { platform: 'simulator', id: 'verifier-2' },
  ],
  platforms: { simulator: { enabled: true } },
} as const;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * The demo config, validated through the same schema as a file (so it carries every default).
 * Frozen: take a copy (`structuredClone(DEMO_CONFIG)`) to change it; loadConfig returns a copy.
 */
export const DEMO_CONFIG: Config = deepFreeze(mustParseConfig(DEMO_CONFIG_INPUT, 'built-in demo config'));
