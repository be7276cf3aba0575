/** The HTTP surface: health, metrics, and whatever platform routes are mounted (simulator, webhooks). */
import { Hono } from 'hono';

export interface HttpDeps {
  health: () => { ok: boolean; [k: string]: unknown };
  metrics: () => string;
  mounts: Hono[];
}

export function createHttpApp(d: HttpDeps): Hono {
  const app = new Hono();
  app.get('/health', (c) => {
    const h = d.health();
    return c.json(h, h.ok ? 200 : 503);
  });
  app.get('/metrics', (c) => c.text(d.metrics(), 200, { 'content-type': 'text/plain; version=0.0.4' }));
  for (const m of d.mounts) app.route('/', m);
  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((_err, c) => c.json({ error: 'internal error' }, 500));
  return app;
}
