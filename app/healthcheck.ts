/**
 * `node dist/app/healthcheck.js [livez|readyz|health]` (or `tsx app/healthcheck.ts`): asks the
 * running bot on this machine, with `http.metricsToken` when the config sets one, prints the
 * answer and exits 0 on 200, 1 otherwise.
 *
 * Without an argument it asks `/livez`: the process is alive. That is what the Dockerfile's
 * HEALTHCHECK runs, because a platform being down (Signal's server stopped, WhatsApp logged out)
 * is not fixed by restarting Centinela. An admin asks `readyz` to see what is wrong:
 * `docker compose exec centinela node dist/app/healthcheck.js readyz`. (Through the published
 * port a request comes from Docker's bridge, not loopback, so it needs the token.)
 */
import { formatConfigErrors, loadConfig } from '../bot/config/index.js';

const PATHS = ['livez', 'readyz', 'health'] as const;

/** Where to reach our own server: the configured host, or loopback when it listens everywhere. */
function healthUrl(host: string, port: number, path: string): string {
  const reachable = host === '0.0.0.0' || host === '::' || host === '[::]' ? '127.0.0.1' : host;
  const literal = reachable.includes(':') && !reachable.startsWith('[') ? `[${reachable}]` : reachable;
  return `http://${literal}:${port}/${path}`;
}

async function main(): Promise<number> {
  const path = process.argv[2] ?? 'livez';
  if (!(PATHS as readonly string[]).includes(path)) {
    process.stderr.write(`usage: healthcheck [${PATHS.join('|')}]\n`);
    return 2;
  }
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`${formatConfigErrors(loaded.errors, loaded.path)}\n`);
    return 1;
  }
  const { host, port, metricsToken } = loaded.config.http;
  const res = await fetch(healthUrl(host, port, path), {
    headers: metricsToken !== undefined ? { authorization: `Bearer ${metricsToken}` } : {},
    signal: AbortSignal.timeout(4_000),
  });
  process.stdout.write(`${res.status} ${await res.text()}\n`);
  return res.status === 200 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`health check failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
