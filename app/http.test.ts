/**
 * The HTTP surface around the platforms: who may read /health and /metrics, and errors that keep
 * their status (a 413 stays a 413, or Telegram would deliver an oversized update forever).
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpApp, type HttpDeps } from './http.js';

const TOKEN = 'metrics-token-0123456789abcdefghijklmnop';

function app(extra: Partial<HttpDeps> = {}): Hono {
  const upload = new Hono().post('/upload', bodyLimit({ maxSize: 10 }), (c) => c.text('stored'));
  const broken = new Hono().get('/broken', () => {
    throw new Error('disk full at /data (tipster +1 555 0100)');
  });
  return createHttpApp({
    health: () => ({ ok: true, platforms: { signal: { state: 'up' } } }),
    metrics: () => 'centinela_inbound_total 7\n',
    mounts: [upload, broken],
    ...extra,
  });
}

/** The bindings @hono/node-server passes, reduced to the socket's remote address. */
const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

describe('/health and /metrics', () => {
  it('answer a loopback address, IPv4, IPv6 or IPv4-mapped', async () => {
    for (const ip of ['127.0.0.1', '127.3.2.1', '::1', '::ffff:127.0.0.1']) {
      expect((await app().request('/health', {}, from(ip))).status, ip).toBe(200);
      const metrics = await app().request('/metrics', {}, from(ip));
      expect(await metrics.text()).toContain('centinela_inbound_total 7');
    }
  });

  it('refuse any other address (and a request with no socket at all) without a token', async () => {
    for (const ip of ['10.0.0.5', '172.17.0.1', '192.168.1.20', '::ffff:10.0.0.5', '2001:db8::1', '0.0.0.0']) {
      const res = await app().request('/health', {}, from(ip));
      expect(res.status, ip).toBe(403);
      expect(await res.text()).not.toContain('signal');
      expect(await (await app().request('/metrics', {}, from(ip))).text()).not.toContain('centinela_');
    }
    expect((await app().request('/health')).status).toBe(403);
  });

  it('with http.metricsToken set, answer anyone with the token and nobody without it', async () => {
    const withToken = app({ metricsToken: TOKEN });
    const bearer = { headers: { authorization: `Bearer ${TOKEN}` } };
    expect((await withToken.request('/health', bearer, from('203.0.113.9'))).status).toBe(200);
    expect(await (await withToken.request('/metrics', bearer, from('203.0.113.9'))).text()).toContain('centinela_inbound_total 7');

    for (const auth of [undefined, 'Bearer wrong', `Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN]) {
      const init = auth === undefined ? {} : { headers: { authorization: auth } };
      const res = await withToken.request('/health', init, from('203.0.113.9'));
      expect(res.status, auth).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      // The token is required from this machine too: whoever set it wants every caller checked.
      expect((await withToken.request('/metrics', init, from('127.0.0.1'))).status, auth).toBe(401);
    }
  });
});

describe('errors', () => {
  it('keep the status of an HTTPException: an oversized body is 413, not 500', async () => {
    const res = await app().request('/upload', { method: 'POST', body: 'x'.repeat(100) });
    expect(res.status).toBe(413);
    expect((await app().request('/upload', { method: 'POST', body: 'x' })).status).toBe(200);
  });

  it('answer anything else 500 without details', async () => {
    const res = await app().request('/broken');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'internal error' });
  });
});

describe('served by Node on 127.0.0.1', () => {
  let server: ServerType | undefined;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  it('reads the socket address: a local monitor gets /health, an oversized POST gets 413', async () => {
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: app().fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port));
    });
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });
    expect((await fetch(`http://127.0.0.1:${port}/upload`, { method: 'POST', body: 'x'.repeat(100) })).status).toBe(413);
  });
});

describe('/livez and /readyz', () => {
  const notReady = () => ({ ok: false, problems: ['signal is down (unreachable): start the signal-cli-rest-api container'] });

  it('/livez answers 200 while a platform is down; /readyz answers 503 with what is wrong', async () => {
    const a = app({ health: () => ({ ok: false }), ready: notReady });
    const live = await a.request('/livez', {}, from('127.0.0.1'));
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ ok: true });
    const ready = await a.request('/readyz', {}, from('::1'));
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual(notReady());
    expect((await app({ ready: () => ({ ok: true }) }).request('/readyz', {}, from('127.0.0.1'))).status).toBe(200);
  });

  it('follow the same rule as /health: loopback only, or the token from anyone', async () => {
    for (const path of ['/livez', '/readyz']) {
      const res = await app({ ready: notReady }).request(path, {}, from('192.168.1.20'));
      expect(res.status, path).toBe(403);
      expect(await res.text()).not.toContain('signal');
      const withToken = app({ ready: notReady, metricsToken: TOKEN });
      expect((await withToken.request(path, {}, from('127.0.0.1'))).status, path).toBe(401);
      expect((await withToken.request(path, { headers: { authorization: `Bearer ${TOKEN}` } }, from('203.0.113.9'))).status, path).not.toBe(
        401,
      );
    }
  });
});
