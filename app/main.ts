/**
 * `npm start`: load and validate the config (or the built-in demo), open the store, start the
 * adapters and serve HTTP. A broken config prints every problem with its path and exits 1.
 */
import { dirname, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import { formatConfigErrors } from '../bot/config/index.js';
import { scheduleBackups } from './backup/schedule.js';
import { composeCentinela } from './compose.js';
import { loadGazetteer } from './gazetteer.js';
import { createLogger } from './logger.js';
import { checkStartup } from './startup.js';

async function main(): Promise<void> {
  let logger: Logger = createLogger(process.env.LOG_LEVEL ?? 'info');
  const checked = checkStartup(process.env, (c) => (logger = createLogger(process.env.LOG_LEVEL ?? c.logging.level)), {
    generateSecret: true,
  });
  if (!checked.ok || !checked.secret) {
    process.stderr.write(`${formatConfigErrors(checked.ok ? ['no secret'] : checked.errors, checked.path)}\n`);
    process.exit(1);
  }
  const { config, secret, platforms } = checked;
  const dbPath = resolve(config.storage.path);
  if (secret.source === 'generated')
    logger.warn({ dir: dirname(dbPath) }, 'generated a new secret in the data folder; keep it safe and backed up');

  const places = await loadGazetteer(config, dbPath, logger.child({ component: 'gazetteer' }));
  const bot = composeCentinela({ config, secret: secret.value, logger, dbPath, platforms, ...(places ? { places } : {}) });
  // Before any adapter: the first tipsters after a restart are then answered at full speed.
  const warmStarted = Date.now();
  const warmed = bot.runtime.warmUp();
  logger.info({ count: warmed, elapsedMs: Date.now() - warmStarted }, 'message path warmed up');
  await bot.start();
  const backups = scheduleBackups(config, bot.store.db, dirname(dbPath), logger.child({ component: 'backup' }));
  const server = serve({ fetch: bot.http.fetch, port: config.http.port, hostname: config.http.host }, (info) => {
    const where = `http://${config.http.host}:${info.port}/`;
    logger.info({ url: where, config: checked.source }, 'centinela is running');
    if (bot.simulator) process.stdout.write(`\nCentinela is running. Open the simulator: ${where}\n\n`);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    server.close();
    // A backup in progress finishes before the database closes.
    Promise.resolve(backups?.stop())
      .then(() => bot.stop())
      .then(
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
