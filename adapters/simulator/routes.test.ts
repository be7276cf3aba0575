import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../bot/messages.js';
import { SimulatorAdapter } from './adapter.js';
import type { SimMessage } from './adapter.js';
import { simulatorRoutes } from './routes.js';

const info = {
  networkName: 'Red de Respuesta Rápida Este',
  verifierChats: ['verifiers'],
  responderChats: [{ id: 'east', label: 'East LA responders' }],
};

const PORT = 3000;

describe('simulatorRoutes', () => {
  let adapter: SimulatorAdapter;
  let received: InboundMessage[];
  let handlerErrors: unknown[];
  let app: ReturnType<typeof simulatorRoutes>;

  beforeEach(async () => {
    let n = 0;
    adapter = new SimulatorAdapter({ groupChats: ['verifiers', 'east'], now: () => 1_700_000_000_000, newId: () => `sim-${++n}` });
    received = [];
    handlerErrors = [];
    // A tiny echo bot standing in for the runtime.
    await adapter.start(async (m) => {
      received.push(m);
      if (m.chat.kind === 'direct')
        await adapter.send({ chat: m.chat, text: `got: ${m.text ?? '(no text)'}`, choices: [{ value: '1', label: 'OK' }] });
    });
    app = simulatorRoutes(adapter, info, { port: PORT, onHandlerError: (e) => handlerErrors.push(e) });
  });
  afterEach(() => adapter.close());

  /** A request as the page on http://127.0.0.1:PORT/ makes it (Host from the URL). */
  const request = (path: string, init?: RequestInit) => app.request(`http://127.0.0.1:${PORT}${path}`, init);

  const post = (body: unknown) =>
    request('/simulator/messages', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const get = async (query: string) => request(`/simulator/messages?${query}`);

  it('POST then GET: the bot reply is in the chat history', async () => {
    const res = await post({ sender: 'tipster-0042', text: 'hay agentes' });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ id: 'sim-1', duplicate: false });

    const bot = await get('chat=tipster-0042');
    expect(bot.status).toBe(200);
    const botMessages = (await bot.json()) as SimMessage[];
    expect(botMessages).toEqual([
      {
        id: 'sim-2',
        chat: 'tipster-0042',
        from: 'bot',
        text: 'got: hay agentes\n\n1. OK',
        choices: [{ value: '1', label: 'OK' }],
        at: 1_700_000_000_000,
      },
    ]);

    const all = (await (await get('chat=tipster-0042&include=all')).json()) as SimMessage[];
    expect(all.map((m) => [m.from, m.sender, m.text])).toEqual([
      ['user', 'tipster-0042', 'hay agentes'],
      ['bot', undefined, 'got: hay agentes\n\n1. OK'],
    ]);
  });

  it('classifies group and direct chats', async () => {
    expect((await post({ chat: 'verifiers', sender: 'verifier-1', text: '/confirm 1001' })).status).toBe(202);
    expect((await post({ sender: 'tipster-1', text: 'hola' })).status).toBe(202);
    expect(received.map((m) => [m.chat.id, m.chat.kind, m.sender])).toEqual([
      ['verifiers', 'group', 'verifier-1'],
      ['tipster-1', 'direct', 'tipster-1'],
    ]);
    expect(await (await get('chat=verifiers')).json()).toEqual([]);
  });

  it('reports a duplicate id and records it once', async () => {
    expect(await (await post({ sender: 't', text: 'x', id: 'web-1' })).json()).toEqual({ id: 'web-1', duplicate: false });
    const again = await post({ sender: 't', text: 'x', id: 'web-1' });
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ id: 'web-1', duplicate: true });
    expect(received).toHaveLength(2);
    const all = (await (await get('chat=t&include=all')).json()) as SimMessage[];
    expect(all.filter((m) => m.from === 'user')).toHaveLength(1);
  });

  it('accepts a location and a photo', async () => {
    const dataBase64 = Buffer.from('fake jpeg bytes').toString('base64');
    expect((await post({ sender: 't', location: { lat: 34.0335, lng: -118.207 } })).status).toBe(202);
    expect((await post({ sender: 't', attachments: [{ kind: 'image', mime: 'image/jpeg', name: 'p.jpg', dataBase64 }] })).status).toBe(202);
    expect(received[0]?.location).toEqual({ lat: 34.0335, lng: -118.207 });
    expect(Buffer.from(received[1]!.attachments[0]!.data!).toString()).toBe('fake jpeg bytes');
  });

  it.each([
    ['malformed JSON', '{"sender": "t", "text": ', 'body must be valid JSON'],
    ['an empty body', '', 'body must be valid JSON'],
    ['a JSON array', '[]', 'body must be a JSON object'],
    ['null', 'null', 'body must be a JSON object'],
    ['a missing sender', { text: 'hola' }, 'sender must be a string'],
    ['an empty sender', { sender: '  ', text: 'hola' }, 'sender must not be empty'],
    ['a numeric sender', { sender: 42, text: 'hola' }, 'sender must be a string'],
    ['a long sender', { sender: 's'.repeat(201), text: 'hola' }, 'sender must be at most 200 characters'],
    ['a long chat', { chat: 'c'.repeat(201), sender: 't', text: 'hola' }, 'chat must be at most 200 characters'],
    ['huge text', { sender: 't', text: 'x'.repeat(10_001) }, 'text must be at most 10000 characters'],
    ['no content', { sender: 't' }, 'a message needs text, a location or an attachment'],
    ['a latitude out of range', { sender: 't', location: { lat: 100, lng: 0 } }, 'location.lat must be between -90 and 90'],
    ['a longitude out of range', { sender: 't', location: { lat: 0, lng: -181 } }, 'location.lng must be between -180 and 180'],
    ['a string coordinate', { sender: 't', location: { lat: '34', lng: 0 } }, 'location.lat must be a number'],
    ['a location that is not an object', { sender: 't', location: 'Boyle Heights' }, 'location must be an object { lat, lng }'],
    ['an unknown field', { sender: 't', text: 'x', admin: true }, 'unknown field(s): admin'],
    [
      'a bad attachment kind',
      { sender: 't', attachments: [{ kind: 'exe', mime: 'image/png' }] },
      'attachment kind must be one of image, video, audio, document, other',
    ],
    [
      'a data URL instead of base64',
      { sender: 't', attachments: [{ kind: 'image', mime: 'image/png', dataBase64: 'data:image/png;base64,AAAA' }] },
      'attachment dataBase64 must be plain base64 (no data: prefix)',
    ],
  ])('answers 400 for %s', async (_label, body, error) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error });
    expect(received).toEqual([]);
  });

  it('answers 413 for a body over 5 MB', async () => {
    const res = await post({
      sender: 't',
      attachments: [{ kind: 'image', mime: 'image/png', dataBase64: 'A'.repeat(5 * 1024 * 1024 + 4) }],
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'body is larger than 5 MB' });
    expect(received).toEqual([]);
  });

  it('answers 500 without details when the bot fails, and 503 when it is stopped', async () => {
    await adapter.stop();
    await adapter.start(async () => {
      throw new Error('disk full at /var/lib/centinela (tipster +1 555 0100)');
    });
    const res = await post({ sender: 't', text: 'x' });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'internal error' });
    expect(handlerErrors).toHaveLength(1);

    await adapter.stop();
    const stopped = await post({ sender: 't', text: 'x' });
    expect(stopped.status).toBe(503);
    expect(await stopped.json()).toEqual({ error: 'the bot is not running' });
  });

  it('GET /simulator/messages needs a chat and a known include', async () => {
    expect((await request('/simulator/messages')).status).toBe(400);
    expect(await (await request('/simulator/messages?chat=')).json()).toEqual({ error: 'query parameter chat is required' });
    expect((await get('chat=t&include=some')).status).toBe(400);
    expect(await (await get('chat=nobody')).json()).toEqual([]);
  });

  it('GET /simulator/info returns what the page needs', async () => {
    const res = await request('/simulator/info');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(info);
  });

  it('serves the page as HTML with a hash-based CSP and no external resources', async () => {
    const res = await request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html).toContain("Tipster's phone");
    expect(html).toContain('Verifier chat');
    expect(html).toContain('Responder group');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    expect(html).not.toContain('innerHTML');
  });
});

/**
 * The simulator has no login, so only the person at this machine may use it: not a web page open
 * in their browser (cross-site requests, DNS rebinding), not anyone reaching the port by a name.
 */
describe('simulatorRoutes: who may use it', () => {
  let adapter: SimulatorAdapter;
  let received: InboundMessage[];
  let app: ReturnType<typeof simulatorRoutes>;

  beforeEach(async () => {
    adapter = new SimulatorAdapter({ groupChats: ['verifiers'] });
    received = [];
    await adapter.start(async (m) => {
      received.push(m);
      await adapter.send({ chat: { id: 'verifiers', kind: 'group' }, text: 'Report #1001 at 1st and Soto' });
    });
    app = simulatorRoutes(adapter, info, { port: PORT });
  });
  afterEach(() => adapter.close());

  const send = (
    headers: Record<string, string>,
    body = JSON.stringify({ chat: 'verifiers', sender: 'verifier-1', text: '/confirm 1001' }),
  ) => app.request(`http://127.0.0.1:${PORT}/simulator/messages`, { method: 'POST', headers, body });
  const JSON_TYPE = { 'content-type': 'application/json' };

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=x' }],
    ['no content type', {}],
  ])('refuses a POST sent as %s with 415 and records nothing', async (_label, headers) => {
    const res = await send(headers);
    expect(res.status).toBe(415);
    expect(received).toEqual([]);
  });

  it('accepts JSON with a charset, from the page itself or a script without Origin', async () => {
    expect((await send({ 'content-type': 'application/json; charset=utf-8', origin: `http://127.0.0.1:${PORT}` })).status).toBe(202);
    expect((await send({ ...JSON_TYPE, origin: `http://localhost:${PORT}` })).status).toBe(202);
    expect((await send(JSON_TYPE)).status).toBe(202);
    expect(received).toHaveLength(3);
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['another site on our port', `http://evil.example:${PORT}`],
    ['another local app', 'http://127.0.0.1:8080'],
    ['https on our port', `https://127.0.0.1:${PORT}`],
    ['an opaque origin (sandboxed frame, file:)', 'null'],
  ])('refuses a POST from %s with 403, even as JSON', async (_label, origin) => {
    const res = await send({ ...JSON_TYPE, origin });
    expect(res.status).toBe(403);
    expect(received).toEqual([]);
  });

  it('refuses a foreign Host (DNS rebinding) on every route, GETs included', async () => {
    await send(JSON_TYPE); // the verifier chat now holds a card
    for (const host of [
      `evil.example:${PORT}`,
      `127.0.0.1.nip.io:${PORT}`,
      `0.0.0.0:${PORT}`,
      '127.0.0.1:3001',
      '127.0.0.1',
      `[::1]:${PORT}@evil.example`,
    ]) {
      const headers = { host };
      for (const path of ['/', '/simulator/info', '/simulator/messages?chat=verifiers&include=all']) {
        const res = await app.request(`http://127.0.0.1:${PORT}${path}`, { headers });
        expect(res.status, `${host} ${path}`).toBe(403);
        expect(await res.text()).not.toContain('1001');
      }
      expect((await send({ ...JSON_TYPE, host })).status).toBe(403);
    }
    expect(received).toHaveLength(1);
  });

  it('answers loopback names and addresses on its port', async () => {
    for (const host of [`127.0.0.1:${PORT}`, `localhost:${PORT}`, `[::1]:${PORT}`, `LOCALHOST:${PORT}`]) {
      const res = await app.request(`http://127.0.0.1:${PORT}/simulator/messages?chat=verifiers`, { headers: { host } });
      expect(res.status, host).toBe(200);
    }
  });
});
