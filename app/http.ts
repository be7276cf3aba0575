/**
 * The HTTP surface: health, metrics, and whatever platform routes are mounted (simulator, webhooks).
 *
 * - `/livez`: the process is alive and answering (the container health check). It never fails
 *   because a platform is down: restarting Centinela would not bring Signal back.
 * - `/readyz`: every platform connected, the database writable, the outbox moving; 503 with a
 *   JSON body saying what is wrong otherwise (app/readiness.ts).
 * - `/health`: each platform's own health report (200 when every one is up).
 * - `/metrics`: Prometheus text (app/metrics.ts).
 *
 * They tell whoever asks which platforms are up and how busy the network is, so they answer only
 * this machine (a loopback remote address), unless `http.metricsToken` is set: then they answer
 * anyone with `Authorization: Bearer <token>`, and nobody without it.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isLoopbackAddress } from '../bot/loopback.js';

export interface HttpDeps {
  health: () => { ok: boolean; [k: string]: unknown };
  /** For /readyz; without it, /readyz answers as /health does. */
  ready?: () => { ok: boolean };
  metrics: () => string | Promise<string>;
  mounts: Hono[];
  /** `http.metricsToken`: when set, /health and /metrics require it from everyone. */
  metricsToken?: string;
  /** The request's remote address; default the Node socket's (undefined when there is none). */
  remoteAddress?: (c: Context) => string | undefined;
}

export function createHttpApp(d: HttpDeps): Hono {
  const app = new Hono();
  const privateRoute = onlyLocalOrToken(d.metricsToken, d.remoteAddress ?? socketAddress);
  app.get('/livez', privateRoute, (c) => c.json({ ok: true, uptimeSeconds: Math.round(process.uptime()) }));
  app.get('/readyz', privateRoute, (c) => {
    const r = (d.ready ?? d.health)();
    return c.json(r, r.ok ? 200 : 503);
  });
  app.get('/health', privateRoute, (c) => {
    const h = d.health();
    return c.json(h, h.ok ? 200 : 503);
  });
  app.get('/metrics', privateRoute, async (c) =>
    c.text(await d.metrics(), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }),
  );
  for (const m of d.mounts) app.route('/', m);
  app.notFound((c) => c.json({ error: 'not found' }, 404));
  // An HTTPException (413 from a body limit, ...) keeps its status: a 500 would make Telegram
  // deliver the same oversized update forever.
  app.onError((err, c) => (err instanceof HTTPException ? err.getResponse() : c.json({ error: 'internal error' }, 500)));
  return app;
}

/**
 * Lets a request through when it carries the token (if one is set) or, without a token set,
 * when it comes from a loopback address. 401 for a missing or wrong token, 403 for a remote
 * address. No socket (an in-process request) counts as remote.
 */
export function onlyLocalOrToken(token: string | undefined, remoteAddress: (c: Context) => string | undefined): MiddlewareHandler {
  const expected = token === undefined ? undefined : digest(token);
  return async (c, next) => {
    if (expected !== undefined) {
      const given = /^Bearer (\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
      // Compare digests: constant time, and the lengths always match.
      if (given === undefined || !timingSafeEqual(digest(given), expected)) {
        c.header('WWW-Authenticate', 'Bearer');
        return c.json({ error: 'a valid bearer token is required' }, 401);
      }
      return next();
    }
    if (!isLoopbackAddress(remoteAddress(c))) return c.json({ error: 'only answered on this machine (or set http.metricsToken)' }, 403);
    return next();
  };
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/** The Node socket's remote address, as @hono/node-server exposes it; undefined without one. */
function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}
