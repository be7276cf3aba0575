/**
 * Everything `npm start` checks before it opens the database, in one place, so that
 * `centinela check-config` refuses exactly the configs that start would refuse: the config file
 * (or the built-in demo) with CENTINELA_PORT / PORT applied, each enabled platform's settings,
 * the backup key, and the secret.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { loadConfig, type Config } from '../bot/config/index.js';
import { recipientProblem } from './backup/age-file.js';
import { buildPlatforms, type PlatformAdapter } from './platforms.js';
import { loadSecret, type SecretSource } from './secret.js';

export type StartupCheck =
  | {
      ok: true;
      config: Config;
      platforms: PlatformAdapter[];
      /** Where the config came from: a file (its absolute path) or the built-in demo. */
      source: 'file' | 'demo';
      path?: string;
      /** The secret, unless `generateSecret` was off and the demo would generate one at start. */
      secret?: { value: Buffer; source: SecretSource };
      /** Set when the demo has no secret yet and start would generate this file. */
      secretToGenerate?: string;
    }
  | { ok: false; errors: string[]; path?: string };

/**
 * Runs start-up's checks; `loggerFor` makes the logger the adapters get, from the loaded config. With `generateSecret` (start), the demo's secret is generated when
 * missing; without it (check-config), nothing is written and `secretToGenerate` says what would be.
 */
export function checkStartup(
  env: NodeJS.ProcessEnv,
  loggerFor: (config: Config) => Logger,
  opts: { generateSecret: boolean },
): StartupCheck {
  const loaded = loadConfig(env);
  if (!loaded.ok) return loaded;
  const path = loaded.path ? { path: loaded.path } : {};
  const built = buildPlatforms(loaded.config, env, loggerFor(loaded.config));
  const errors = built.ok ? [] : [...built.errors];

  const recipient = loaded.config.backup.recipient;
  const badRecipient = recipient !== undefined ? recipientProblem(recipient) : undefined;
  if (badRecipient) errors.push(`backup.recipient: ${badRecipient}`);

  // Start writes nothing (no generated secret) for a config it is about to refuse.
  if (opts.generateSecret && (!built.ok || errors.length > 0)) return { ok: false, errors, ...path };
  const dataDir = dirname(resolve(loaded.config.storage.path));
  const mayGenerate = loaded.source === 'demo';
  const generatedFile = join(dataDir, 'secret.key');
  let secret: { value: Buffer; source: SecretSource } | undefined;
  let secretToGenerate: string | undefined;
  if (mayGenerate && !opts.generateSecret && !env.CENTINELA_SECRET_FILE && !env.CENTINELA_SECRET && !existsSync(generatedFile)) {
    secretToGenerate = generatedFile;
  } else {
    try {
      const loadedSecret = loadSecret(env, dataDir, { mayGenerate });
      secret = { value: loadedSecret.secret, source: loadedSecret.source };
    } catch (err) {
      errors.push(err instanceof Error ? err.message : String(err));
    }
  }

  if (!built.ok || errors.length > 0) return { ok: false, errors, ...path };
  return {
    ok: true,
    config: built.config,
    platforms: built.platforms,
    source: loaded.source,
    ...path,
    ...(secret ? { secret } : {}),
    ...(secretToGenerate ? { secretToGenerate } : {}),
  };
}
