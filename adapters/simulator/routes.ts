/**
 * HTTP face of the simulator: the page, and the two endpoints it (and scripts) use to play
 * tipster, verifier and responder. Local development only: there is no authentication, so the
 * config refuses the simulator beside a real platform or on a non-loopback `http.host`, and
 * every route checks `Host` and `Origin` and takes only JSON bodies (guard.ts).
 *
 * - `GET /`                     the simulator page
 * - `POST /simulator/messages`  a user sends a message → 202 `{ id, duplicate }` once the bot recorded it
 * - `GET /simulator/messages?chat=ID[&include=all]` → the chat's history (default: only the bot's messages)
 * - `GET /simulator/info`       network name and chat ids for the page
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AdapterError } from '../../bot/port.js';
import { SimulatorInputError } from './adapter.js';
import { jsonOnly, localOnly } from './guard.js';
import type { SimulatorAdapter } from './adapter.js';
import { parseSimInbound } from './input.js';

export interface SimulatorInfo {
  networkName: string;
  verifierChats: string[];
  responderChats: { id: string; label: string }[];
}

export interface SimulatorRoutesOptions {
  /** The port the bot listens on (`http.port`): requests must name it in `Host` (and `Origin`). */
  port: number;
  /** Told when the bot's handler fails on a message (the client only sees "internal error"). Default: logs the error's name and code. */
  onHandlerError?: (err: unknown) => void;
}

/** Largest request body accepted by `POST /simulator/messages`. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Builds the simulator's routes. Reads `page.html` once, now. */
export function simulatorRoutes(adapter: SimulatorAdapter, info: SimulatorInfo, opts: SimulatorRoutesOptions): Hono {
  const page = readFileSync(new URL('./page.html', import.meta.url), 'utf8');
  const csp = contentSecurityPolicy(page);
  const onHandlerError = opts.onHandlerError ?? defaultOnHandlerError;
  const infoBody: SimulatorInfo = {
    networkName: info.networkName,
    verifierChats: [...info.verifierChats],
    responderChats: info.responderChats.map(({ id, label }) => ({ id, label })),
  };

  const app = new Hono();
  // On each route, not `app.use('*')`: mounted with app.route('/', ...), that would also guard
  // /health and the platforms' webhooks.
  const local = localOnly(opts.port);

  app.get('/', local, (c) => {
    c.header('Content-Security-Policy', csp);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'no-store');
    return c.html(page);
  });

  app.get('/simulator/info', local, (c) => c.json(infoBody));

  app.get('/simulator/messages', local, (c) => {
    const chat = c.req.query('chat');
    if (chat === undefined || chat.trim() === '') return c.json({ error: 'query parameter chat is required' }, 400);
    const include = c.req.query('include') ?? 'bot';
    if (include !== 'bot' && include !== 'all') return c.json({ error: 'include must be bot or all' }, 400);
    c.header('Cache-Control', 'no-store');
    return c.json(adapter.history(chat, { include }));
  });

  app.post(
    '/simulator/messages',
    local,
    jsonOnly,
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: 'body is larger than 5 MB' }, 413) }),
    async (c) => {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return c.json({ error: 'body must be valid JSON' }, 400);
      }
      const parsed = parseSimInbound(body);
      if (!parsed.ok) return c.json({ error: parsed.error }, 400);
      try {
        const result = await adapter.receive(parsed.value);
        return c.json(result, 202);
      } catch (err) {
        if (err instanceof AdapterError && err.code === 'not_started') return c.json({ error: 'the bot is not running' }, 503);
        if (err instanceof SimulatorInputError) return c.json({ error: err.message }, 400);
        onHandlerError(err);
        return c.json({ error: 'internal error' }, 500);
      }
    },
  );

  return app;
}

/** A CSP that allows exactly the page's own inline `<style>` and `<script>` blocks (by hash) and same-origin fetches. */
function contentSecurityPolicy(html: string): string {
  const hashes = (tag: 'script' | 'style') =>
    [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))]
      .map(
        (m) =>
          `'sha256-${createHash('sha256')
            .update(m[1] ?? '', 'utf8')
            .digest('base64')}'`,
      )
      .join(' ');
  return [
    "default-src 'none'",
    `script-src ${hashes('script') || "'none'"}`,
    `style-src ${hashes('style') || "'none'"}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function defaultOnHandlerError(err: unknown): void {
  // Name and code only: an error's message might one day carry message text.
  const name = err instanceof Error ? err.name : typeof err;
  const code = err instanceof Error && 'code' in err ? String((err as { code: unknown }).code) : undefined;
  console.error(`simulator: inbound handler failed (${name}${code ? `, ${code}` : ''})`);
}
