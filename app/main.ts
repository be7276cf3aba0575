/**
 * `npm start`: load and validate the config (or the built-in demo), open the store, start the
 * adapters and serve HTTP. A broken config prints every problem with its path and exits 1.
 */
import { dirname, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { formatConfigErrors, loadConfig } from '../bot/config/index.js';
import { composeCentinela } from './compose.js';
import { createLogger } from './logger.js';
import { buildPlatforms } from './platforms.js';
import { loadSecret } from './secret.js';

async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`${formatConfigErrors(loaded.errors, loaded.path)}\n`);
    process.exit(1);
  }
  const logger = createLogger(process.env.LOG_LEVEL ?? loaded.config.logging.level);
  const built = buildPlatforms(loaded.config, process.env, logger);
  if (!built.ok) {
    process.stderr.write(`${formatConfigErrors(built.errors, loaded.path)}\n`);
    process.exit(1);
  }
  const config = built.config;
  const dbPath = resolve(config.storage.path);
  const { secret, source } = loadSecret(process.env, dirname(dbPath), { mayGenerate: loaded.source === 'demo' });
  if (source === 'generated') logger.warn({ dir: dirname(dbPath) }, 'generated a new secret in the data folder; keep it safe and backed up');

  const bot = composeCentinela({ config, secret, logger, dbPath, platforms: built.platforms });
  await bot.start();
  const server = serve({ fetch: bot.http.fetch, port: config.http.port, hostname: config.http.host }, (info) => {
    const where = `http://${config.http.host}:${info.port}/`;
    logger.info({ url: where, config: loaded.source }, 'centinela is running');
    if (bot.simulator) process.stdout.write(`\nCentinela is running. Open the simulator: ${where}\n\n`);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    server.close();
    bot.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`centinela failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
