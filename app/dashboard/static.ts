/**
 * The dashboard's only assets, served by the bot itself: htmx from its npm package (pinned in
 * package.json) and the stylesheet. Read once at start-up; nothing is fetched from elsewhere.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import { DASHBOARD_CSS } from './style.js';

/** A plain shield, so the browser does not ask for /favicon.ico. */
const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path d="M8 1l6 2v5c0 3.5-2.6 6-6 7-3.4-1-6-3.5-6-7V3z" fill="#20313f"/></svg>';

export function staticAssets(): Hono {
  const htmx = readFileSync(createRequire(import.meta.url).resolve('htmx.org/dist/htmx.min.js'));
  const assets = new Map<string, { body: Uint8Array<ArrayBuffer>; type: string; etag: string }>();
  const add = (name: string, body: Uint8Array<ArrayBuffer>, type: string) =>
    assets.set(name, { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"` });
  add('htmx.min.js', new Uint8Array(htmx), 'text/javascript; charset=utf-8');
  add('favicon.svg', new Uint8Array(Buffer.from(FAVICON, 'utf8')), 'image/svg+xml');
  add('dashboard.css', new Uint8Array(Buffer.from(DASHBOARD_CSS, 'utf8')), 'text/css; charset=utf-8');

  const app = new Hono();
  app.get('/dashboard/static/:name', (c) => {
    const asset = assets.get(c.req.param('name'));
    if (!asset) return c.notFound();
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304);
    return c.body(asset.body, 200, { 'Content-Type': asset.type, ETag: asset.etag, 'Cache-Control': 'no-cache' });
  });
  return app;
}
