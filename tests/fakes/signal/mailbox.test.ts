/**
 * The fake's normal/native-mode receiving behaves as signal-cli-rest-api with signal-cli does
 * (see mailbox.ts for the sources): messages wait until a receive call takes them, `timeout` is
 * an idle timeout, `max_messages` ends a call early, one signal-cli call runs per account at a
 * time, and a call whose client went away still consumes its messages. Checked over real HTTP,
 * with one "second" of timeout lasting 100 ms.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dataEnvelope } from './envelopes.js';
import { FakeSignalServer } from './fake-server.js';
import { BOT_NUMBER, eventually, uuidFor } from './harness.js';

const SECOND = 100;
const FROM = { uuid: uuidFor('mailbox-tipster') };
let fake: FakeSignalServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function normalFake(commandTimeoutSeconds = 20): Promise<FakeSignalServer> {
  fake = await FakeSignalServer.start({ mode: 'normal', timing: { secondMs: SECOND, commandTimeoutSeconds } });
  return fake;
}

function push(f: FakeSignalServer, text: string, timestamp: number): void {
  f.pushEnvelope(dataEnvelope(FROM, text, { timestamp }));
}

/** One receive call: status, the texts it returned, and how long it took. */
async function receive(
  f: FakeSignalServer,
  query: string,
  signal?: AbortSignal,
): Promise<{ status: number; texts: string[]; ms: number; body: string }> {
  const started = performance.now();
  const res = await fetch(`${f.url}/v1/receive/${encodeURIComponent(BOT_NUMBER)}?${query}`, signal ? { signal } : {});
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) return { status: res.status, texts: [], ms, body };
  const items = JSON.parse(body) as { envelope: { dataMessage?: { message: string } } }[];
  return { status: res.status, texts: items.map((i) => i.envelope.dataMessage?.message ?? ''), ms, body };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('FakeSignalServer in normal mode, receiving', () => {
  it('waits the idle timeout when nothing is queued, and answers [] as text/plain', async () => {
    const f = await normalFake();
    const r = await receive(f, 'timeout=2');
    expect(r).toMatchObject({ status: 200, texts: [], body: '[]' });
    expect(r.ms).toBeGreaterThanOrEqual(2 * SECOND - 5);
    expect((await receive(f, 'timeout=x')).body).toBe('{"error":"Couldn\'t process request - timeout needs to be numeric!"}');
    expect((await receive(f, 'max_messages=1.5')).body).toBe('{"error":"Couldn\'t process request - max_messages needs to be numeric!"}');
  });

  it('takes what is queued, consumes it, and stops after max_messages without waiting', async () => {
    const f = await normalFake();
    for (const [i, text] of ['a', 'b', 'c'].entries()) push(f, text, i + 1);
    const first = await receive(f, 'timeout=5&max_messages=2');
    expect(first.texts).toEqual(['a', 'b']);
    expect(first.ms).toBeLessThan(SECOND); // max reached: no idle wait
    expect(f.queued()).toBe(1);
    expect((await receive(f, 'timeout=1')).texts).toEqual(['c']);
    expect((await receive(f, 'timeout=1')).texts).toEqual([]); // consumed: never again
    expect((await receive(f, 'timeout=0')).ms).toBeLessThan(SECOND);
    push(f, 'kept', 4);
    expect((await receive(f, 'timeout=0')).texts).toEqual([]); // signal-cli reads nothing with -t 0
    expect(f.queued()).toBe(1);
  });

  it('a message arriving during a call joins it and restarts the idle timeout', async () => {
    const f = await normalFake();
    const call = receive(f, 'timeout=5');
    await eventually(() => expect(f.receiveCalls()[0]?.startedAt).toBeDefined());
    await sleep(2 * SECOND);
    const pushedAt = Date.now();
    push(f, 'late', 1);
    expect((await call).texts).toEqual(['late']);
    const c = f.receiveCalls()[0]!;
    expect(c.endedAt! - pushedAt).toBeGreaterThanOrEqual(5 * SECOND - 5); // 5 s idle again after the message
    expect(c.endedAt! - c.startedAt!).toBeGreaterThan(5 * SECOND + SECOND);
  });

  it('runs one signal-cli call per account at a time: a second receive and a send wait their turn', async () => {
    const f = await normalFake();
    f.addGroup('g');
    const first = receive(f, 'timeout=3');
    await sleep(20);
    const second = receive(f, 'timeout=1');
    const sendStarted = performance.now();
    const sent = await fetch(`${f.url}/v2/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ number: BOT_NUMBER, recipients: [FROM.uuid], message: 'hola' }),
    });
    expect(sent.status).toBe(201);
    expect(performance.now() - sendStarted).toBeGreaterThanOrEqual(3 * SECOND - 30); // after the first call
    await Promise.all([first, second]);
    const [a, b] = f.receiveCalls();
    expect(b!.startedAt!).toBeGreaterThanOrEqual(a!.endedAt!);
  });

  it('a call whose client went away still takes its messages: they are lost, and counted', async () => {
    const f = await normalFake();
    const gone = new AbortController();
    const call = receive(f, 'timeout=2&max_messages=10', gone.signal).catch((e: unknown) => e);
    await sleep(20);
    push(f, 'taken by a dead call', 1);
    await sleep(20);
    gone.abort(); // the bot was killed
    expect(await call).toBeInstanceOf(Error);
    push(f, 'also taken', 2);
    await sleep(3 * SECOND);
    expect(f.receiveCalls()[0]).toMatchObject({ outcome: 'orphaned', taken: [expect.anything(), expect.anything()] });
    expect(f.lostInFlight()).toHaveLength(2);
    expect(f.queued()).toBe(0);
    push(f, 'next', 3);
    expect((await receive(f, 'timeout=1')).texts).toEqual(['next']);
  });

  it('with a negative timeout signal-cli never returns: killed at the command timeout, with what it took', async () => {
    const f = await normalFake(3);
    push(f, 'swallowed', 1);
    const r = await receive(f, 'timeout=-1');
    expect(r).toMatchObject({ status: 400, body: '{"error":"process killed as timeout reached"}' });
    expect(r.ms).toBeGreaterThanOrEqual(3 * SECOND - 5);
    expect(f.lostInFlight()).toHaveLength(1);
  });

  it('messages wait while the server is down; a call under way when it stops is cut', async () => {
    const f = await normalFake();
    const call = receive(f, 'timeout=5').catch((e: unknown) => e);
    await sleep(20);
    await f.stop();
    await call;
    expect(f.receiveCalls()[0]!.outcome).toBe('killed');
    push(f, 'while down', 1);
    await f.start();
    expect((await receive(f, 'timeout=1')).texts).toEqual(['while down']);
  });
});
