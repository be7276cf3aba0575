/** The fake signal-cli-rest-api answers like the real one (checked over real HTTP/WebSocket). */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { dataEnvelope } from './envelopes.js';
import { FakeSignalServer } from './fake-server.js';
import { BOT_NUMBER, eventually, uuidFor } from './harness.js';

let fake: FakeSignalServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function send(f: FakeSignalServer, body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${f.url}/v2/send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const groupOf = (bytes: number, fill = 1) => 'group.' + Buffer.from(Buffer.alloc(bytes, fill).toString('base64')).toString('base64');

describe('FakeSignalServer', () => {
  it('rejects the /v2/send bodies the real server rejects, with its messages', async () => {
    fake = await FakeSignalServer.start();
    const g1 = fake.addGroup('one');
    const g2 = fake.addGroup('two');
    const uuid = uuidFor('someone');
    const cases: [unknown, string][] = [
      ['{not json', "Couldn't process request - invalid request"],
      [{ number: BOT_NUMBER, recipients: 'x', message: 'm' }, "Couldn't process request - invalid request"],
      [{ number: BOT_NUMBER, recipients: [], message: 'm' }, "Couldn't process request - please provide at least one recipient"],
      [{ recipients: [uuid], message: 'm' }, "Couldn't process request - please provide a valid number"],
      [{ number: '+15550999', recipients: [uuid], message: 'm' }, 'Specified account does not exist'],
      [{ number: BOT_NUMBER, recipients: [groupOf(16)], message: 'm' }, 'Invalid Signal group size (16'],
      [{ number: BOT_NUMBER, recipients: ['group.!!not-base64!!'], message: 'm' }, 'Invalid identifier group.!!not-base64!!'],
      [
        { number: BOT_NUMBER, recipients: [g1.id, g2.id], message: 'm' },
        'A signal message cannot be sent to more than one group at once! Please use multiple REST API calls for that.',
      ],
      [
        { number: BOT_NUMBER, recipients: [g1.id, uuid], message: 'm' },
        'Signal Messenger Groups and phone numbers cannot be specified together in one request! Please split them up into multiple REST API calls.',
      ],
      [
        { number: BOT_NUMBER, recipients: [g1.id, 'someone.42'], message: 'm' },
        'Signal Messenger Groups and usernames cannot be specified together in one request! Please split them up into multiple REST API calls.',
      ],
      [
        { number: BOT_NUMBER, recipients: [groupOf(32, 9)], message: 'm' },
        `Failed to send to group: Group not found: ${Buffer.alloc(32, 9).toString('base64')}`,
      ],
      [{ number: BOT_NUMBER, recipients: [g1.internal_id], message: 'm' }, 'Failed to send message: Username not found\n'],
      [
        { number: BOT_NUMBER, recipients: [uuid], message: 'm', base64_attachments: ['data:image/png;base64,@@@'] },
        'illegal base64 data at input byte 0',
      ],
    ];
    for (const [body, error] of cases) expect(await send(fake, body), JSON.stringify(body)).toEqual({ status: 400, body: { error } });
    expect(fake.sent()).toEqual([]);

    const ok = await send(fake, { number: BOT_NUMBER, recipients: [g1.id], message: 'hola', text_mode: 'normal' });
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ timestamp: expect.stringMatching(/^\d+$/) });
    fake.sendResponse = 'array';
    expect((await send(fake, { number: BOT_NUMBER, recipients: ['+15550123'], message: 'x' })).body).toEqual([
      { timestamp: expect.stringMatching(/^\d+$/) },
    ]);
  });

  it('json-rpc mode: loses what arrives with no socket; a plain GET is a 400', async () => {
    fake = await FakeSignalServer.start({ mode: 'json-rpc' });
    expect(fake.pushEnvelope(dataEnvelope({ uuid: uuidFor('a') }, 'lost', { timestamp: 1 }))).toBe(false);
    const res = await fetch(`${fake.url}/v1/receive/${encodeURIComponent(BOT_NUMBER)}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/^Bad Request\n\{"error":"websocket: the client is not using the websocket protocol/);

    const ws = new WebSocket(`${fake.url.replace('http', 'ws')}/v1/receive/${encodeURIComponent(BOT_NUMBER)}`);
    const frames: string[] = [];
    ws.on('message', (d) => frames.push(String(d)));
    await new Promise((r) => ws.once('open', r));
    expect(fake.pushEnvelope(dataEnvelope({ uuid: uuidFor('a') }, 'other account', { timestamp: 3 }), '+15550999')).toBe(false);
    expect(fake.pushEnvelope(dataEnvelope({ uuid: uuidFor('a') }, 'kept', { timestamp: 2 }))).toBe(true);
    await eventually(() => expect(frames).toHaveLength(1));
    expect(frames.map((f) => (JSON.parse(f) as { envelope: { dataMessage: { message: string } } }).envelope.dataMessage.message)).toEqual([
      'kept',
    ]);
    ws.close();
  });

  it('normal mode: GET /v1/receive drains a JSON array as text/plain; a WebSocket gets HTTP 200', async () => {
    fake = await FakeSignalServer.start({ mode: 'normal' });
    fake.pushEnvelope(dataEnvelope({ uuid: uuidFor('a') }, 'queued', { timestamp: 1 }));
    const path = `${fake.url}/v1/receive/${encodeURIComponent(BOT_NUMBER)}`;
    expect((await fetch(`${path}?timeout=abc`)).status).toBe(400);
    expect(await (await fetch(`${path}?ignore_attachments=yes`)).json()).toEqual({
      error: "Couldn't process request - ignore_attachments parameter needs to be either 'true' or 'false'",
    });
    const res = await fetch(`${path}?timeout=1`);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect((JSON.parse(await res.text()) as unknown[]).length).toBe(1);
    expect(await (await fetch(path)).text()).toBe('[]');

    const ws = new WebSocket(path.replace('http', 'ws'));
    const err = await new Promise<Error>((r) => ws.once('error', r));
    expect(err.message).toBe('Unexpected server response: 200');
  });

  it('serves and deletes attachments, groups, and device links', async () => {
    fake = await FakeSignalServer.start();
    fake.addAttachment('1.jpg', new Uint8Array([1, 2, 3]), 'image/jpeg');
    const get = await fetch(`${fake.url}/v1/attachments/1.jpg`);
    expect(get.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await get.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect((await fetch(`${fake.url}/v1/attachments/1.jpg`, { method: 'DELETE' })).status).toBe(204);
    expect(await (await fetch(`${fake.url}/v1/attachments/1.jpg`)).json()).toEqual({ error: 'No attachment with that name found' });

    const g = fake.addGroup('verifiers');
    expect(await (await fetch(`${fake.url}/v1/groups/%2B15550100`)).json()).toMatchObject([
      { name: 'verifiers', id: g.id, internal_id: g.internal_id },
    ]);
    expect((await fetch(`${fake.url}/v1/qrcodelink?device_name=x`)).headers.get('content-type')).toBe('image/png');
    expect(await (await fetch(`${fake.url}/v1/qrcodelink`)).json()).toEqual({ error: 'Please provide a name for the device' });
  });
});
