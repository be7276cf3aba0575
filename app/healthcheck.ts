/**
 * `node dist/app/healthcheck.js` (or `tsx app/healthcheck.ts`): asks the running bot's /health
 * on this machine, with `http.metricsToken` when the config sets one, prints the answer and exits
 * 0 when healthy, 1 otherwise. The Dockerfile's HEALTHCHECK runs it, and so can an admin:
 * `docker compose exec centinela node dist/app/healthcheck.js`. (Through the published port a
 * request comes from Docker's bridge, not loopback, so it needs the token.)
 */
import { formatConfigErrors, loadConfig } from '../bot/config/index.js';

/** Where to reach our own server: the configured host, or loopback when it listens everywhere. */
function healthUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' || host === '[::]' ? '127.0.0.1' : host;
  const literal = reachable.includes(':') && !reachable.startsWith('[') ? `[${reachable}]` : reachable;
  return `http://${literal}:${port}/health`;
}

async function main(): Promise<number> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`${formatConfigErrors(loaded.errors, loaded.path)}\n`);
    return 1;
  }
  const { host, port, metricsToken } = loaded.config.http;
  const res = await fetch(healthUrl(host, port), {
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
