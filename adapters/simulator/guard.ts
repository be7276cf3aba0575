/**
 * What keeps the simulator (no login) to the person at this machine. The config already refuses
 * a simulator on a non-loopback address; these checks stop a web page open in that person's
 * browser from using it:
 *
 * - `Host` must be a loopback name or address with our port, or the request came through a
 *   name that merely resolves to 127.0.0.1 (DNS rebinding: a foreign page talking to us as if it
 *   were its own origin). 403.
 * - `Origin`, when present, must be a loopback http origin on our port. A cross-origin page's
 *   fetch or form always carries its own. 403.
 * - A POST body must be `application/json`: a form or `text/plain` body is what a cross-site
 *   form can send without asking first (no CORS preflight). 415.
 */
import type { MiddlewareHandler } from 'hono';
import { isLoopbackHost } from '../../bot/loopback.js';

/** Whether `host` (a Host header value, `name[:port]`) is this machine on `port`. */
export function isLocalHostHeader(host: string | undefined, port: number): boolean {
  if (host === undefined || host === '' || /[\s/@?#\\]/.test(host)) return false;
  let url: URL;
  try {
    url = new URL(`http://${host}`);
  } catch {
    return false;
  }
  return isLoopbackHost(url.hostname) && (url.port === '' ? 80 : Number(url.port)) === port;
}

/** Whether `origin` (an Origin header value) is a loopback http origin on `port`. `null` is not. */
export function isLocalOrigin(origin: string, port: number): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && url.origin === origin.toLowerCase().replace(/\/$/, '') && isLocalHostHeader(url.host, port);
}

/** 403 unless the request's Host (and Origin, when sent) are this machine on `port`. */
export function localOnly(port: number): MiddlewareHandler {
  return async (c, next) => {
    // Served by Node, the URL's host is the Host header; in-process requests have only the URL.
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!isLocalHostHeader(host, port))
      return c.json({ error: 'the simulator only answers on this machine (Host must be 127.0.0.1, ::1 or localhost with its port)' }, 403);
    const origin = c.req.header('origin');
    if (origin !== undefined && !isLocalOrigin(origin, port)) return c.json({ error: 'cross-origin requests are refused' }, 403);
    return next();
  };
}

/** 415 unless the body is declared `application/json` (parameters such as charset allowed). */
export const jsonOnly: MiddlewareHandler = async (c, next) => {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return c.json({ error: 'the body must be sent as application/json' }, 415);
  return next();
};
