/** The outbox dispatcher: order per chat, no head-of-line blocking across chats, retries, dead rows. */
import { describe, expect, it } from 'vitest';
import { SqliteStore, openDatabase } from '../../store/sqlite-store.js';
import type { OutboundMessage } from '../messages.js';
import { AdapterError, type AdapterPort, type SendResult } from '../port.js';
import { silentLogger } from '../logger.js';
import { createVault } from '../privacy/vault.js';
import { outboxRow, sealAddress } from '../outbox-row.js';
import { OutboxDispatcher, type DispatcherDeps } from './dispatcher.js';

const vault = createVault(Buffer.alloc(32, 1));

class ScriptedAdapter implements AdapterPort {
  readonly platform = 'simulator' as const;
  readonly sent: { chat: string; text: string; at: number }[] = [];
  delays = new Map<string, number>();
  failures: AdapterError[] = [];
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async send(m: OutboundMessage): Promise<SendResult> {
    const delay = this.delays.get(m.chat.id) ?? 0;
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push({ chat: m.chat.id, text: m.text, at: Date.now() });
    return { messageId: `x-${this.sent.length}` };
  }
}

/** A dispatcher over `store` sending through `adapter`, as the tests want it. */
function dispatcherFor(
  store: SqliteStore,
  adapter: ScriptedAdapter,
  clock: () => number,
  more: { concurrency?: number; onSettled?: DispatcherDeps['onSettled'] } = {},
): OutboxDispatcher {
  return new OutboxDispatcher({
    store,
    vault,
    adapters: new Map([['simulator', adapter]]),
    clock,
    logger: silentLogger,
    random: () => 0.5,
    settings: { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 60_000, ...(more.concurrency ? { concurrency: more.concurrency } : {}) },
    ...(more.onSettled ? { onSettled: more.onSettled } : {}),
  });
}

/** `db`: an existing database (a restart over what an earlier run left). */
function setup(db = openDatabase(':memory:')) {
  const store = new SqliteStore(db);
  const adapter = new ScriptedAdapter();
  let now = 1_000_000;
  const dispatcher = dispatcherFor(store, adapter, () => now);
  const enqueue = (chat: string, text: string) =>
    store.enqueue(
      {
        platform: 'simulator',
        chatKey: chat,
        address: sealAddress(vault, { id: chat, kind: 'group' }),
        payload: JSON.stringify({ text }),
      },
      now,
    );
  return { store, adapter, dispatcher, enqueue, advance: (ms: number) => (now += ms) };
}

describe('outbox dispatcher', () => {
  it('keeps each chat in order and never lets a slow chat hold up another', async () => {
    const { adapter, dispatcher, enqueue } = setup();
    adapter.delays.set('slow', 300);
    for (const t of ['s1', 's2']) enqueue('slow', t);
    for (const t of ['f1', 'f2', 'f3']) enqueue('fast', t);
    const t0 = Date.now();
    await dispatcher.drain();
    const fast = adapter.sent.filter((s) => s.chat === 'fast');
    expect(fast.map((s) => s.text)).toEqual(['f1', 'f2', 'f3']);
    expect(fast.at(-1)!.at - t0).toBeLessThan(200); // not waiting for the slow chat's 300 ms sends
    expect(adapter.sent.filter((s) => s.chat === 'slow').map((s) => s.text)).toEqual(['s1', 's2']);
  });

  it('retries after the platform retry-after, then marks a row dead after maxAttempts', async () => {
    const { store, adapter, dispatcher, enqueue, advance } = setup();
    enqueue('a', 'hello');
    adapter.failures.push(new AdapterError('rate_limited', 'slow down', { retryAfterMs: 5000 }));
    await dispatcher.drain();
    expect(adapter.sent).toHaveLength(0);
    advance(4999);
    await dispatcher.drain();
    expect(adapter.sent).toHaveLength(0);
    advance(1);
    await dispatcher.drain();
    expect(adapter.sent.map((s) => s.text)).toEqual(['hello']);

    enqueue('b', 'never');
    adapter.failures.push(...[1, 2, 3].map(() => new AdapterError('unavailable', 'down')));
    for (let i = 0; i < 4; i++) {
      await dispatcher.drain();
      advance(60_000);
    }
    expect(store.db.prepare(`SELECT status, attempts FROM outbox WHERE chat_key = 'b'`).get()).toEqual({ status: 'dead', attempts: 3 });
    expect(dispatcher.counters).toMatchObject({ sent: 1, dead: 1 });
  });

  it('gives up at once on a rejected message', async () => {
    const { store, adapter, dispatcher, enqueue } = setup();
    enqueue('c', 'bad');
    adapter.failures.push(new AdapterError('rejected', 'no such chat'));
    await dispatcher.drain();
    expect(store.db.prepare(`SELECT status FROM outbox`).pluck().get()).toBe('dead');
  });

  it('sends the alert lane first when it has to choose, and reports settled rows with a dedupe key', async () => {
    const { store, adapter, enqueue } = setup();
    const limited = dispatcherFor(store, adapter, () => 1_000_000, {
      concurrency: 1,
      onSettled: (row, status) => settled.push(`${row.dedupeKey ?? ''}=${status}`),
    });
    const settled: string[] = [];
    for (const chat of ['a', 'b', 'c']) enqueue(chat, `reply to ${chat}`);
    store.enqueue(
      outboxRow(
        vault,
        { type: 'chat', platform: 'simulator', id: 'east', kind: 'group' },
        { text: 'ALERT' },
        { lane: 'alert', dedupeKey: 'alert:1:simulator:east' },
      ),
      1_000_000,
    );
    await limited.drain();
    expect(adapter.sent.map((m) => m.text)).toEqual(['ALERT', 'reply to a', 'reply to b', 'reply to c']);
    expect(settled).toEqual(['alert:1:simulator:east=sent']);
  });
});

describe('rows handed over at commit', () => {
  it('a committed row is sent once, also when the poll timer reads the database again before it is sent', async () => {
    const { store, adapter, dispatcher, enqueue } = setup();
    await dispatcher.drain(); // the first look reads the database
    store.transaction(() => {
      enqueue('a', 'one');
      enqueue('b', 'two');
    });
    dispatcher.kick(true); // the poll timer: reads the pending rows it already holds
    await dispatcher.drain();
    dispatcher.kick(true);
    await dispatcher.drain();
    expect(adapter.sent.map((s) => s.text).sort()).toEqual(['one', 'two']);
    expect(store.stats().outboxPending).toBe(0);
  });

  it('leaves nothing behind per sent row between reads of the database, and still never sends a row twice', async () => {
    const { store, adapter, dispatcher, enqueue } = setup();
    await dispatcher.drain();
    for (let i = 0; i < 300; i++) store.transaction(() => enqueue(`chat-${i % 50}`, `m${i}`));
    await dispatcher.drain();
    expect(adapter.sent).toHaveLength(300);
    expect(dispatcher.handedOver).toBe(0); // no poll has read the database since: nothing kept per row
    dispatcher.kick(true);
    await dispatcher.drain();
    expect(adapter.sent).toHaveLength(300);
  });

  it('a sent row whose record failed is remembered, so the next read does not send it again', async () => {
    const { store, adapter, dispatcher, enqueue } = setup();
    await dispatcher.drain();
    const markSent = store.markSent.bind(store);
    let failOnce = true;
    store.markSent = (...args: Parameters<typeof markSent>) => {
      if (failOnce) {
        failOnce = false;
        throw new Error('disk I/O error');
      }
      markSent(...args);
    };
    store.transaction(() => enqueue('a', 'once'));
    await dispatcher.drain();
    expect(store.stats().outboxPending).toBe(1); // sent, but not recorded as sent
    expect(dispatcher.handedOver).toBe(1);
    dispatcher.kick(true); // the poll reads it as pending
    await dispatcher.drain();
    expect(adapter.sent.map((s) => s.text)).toEqual(['once']);
  });

  it('rows of a rolled-back transaction or savepoint are never sent', async () => {
    const { store, adapter, dispatcher, enqueue } = setup();
    await dispatcher.drain();
    expect(() =>
      store.transaction(() => {
        enqueue('a', 'rolled back');
        throw new Error('no');
      }),
    ).toThrow('no');
    const outcomes = store.transactionEach([
      () => enqueue('b', 'kept'),
      () => {
        enqueue('c', 'savepoint rolled back');
        throw new Error('no');
      },
      () => enqueue('d', 'kept too'),
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    await dispatcher.drain();
    dispatcher.kick(true);
    await dispatcher.drain();
    expect(adapter.sent.map((s) => s.text).sort()).toEqual(['kept', 'kept too']);
  });

  it('a row written inside a transaction the store did not open is not handed over: sent once that commits, never if it rolls back', async () => {
    const { store, adapter, dispatcher, enqueue } = setup();
    await dispatcher.drain();
    expect(() =>
      store.db.transaction(() => {
        enqueue('a', 'rolled back');
        throw new Error('no');
      })(),
    ).toThrow('no');
    store.db.transaction(() => store.transaction(() => enqueue('b', 'committed')))();
    await dispatcher.drain();
    dispatcher.kick(true);
    await dispatcher.drain();
    expect(adapter.sent.map((s) => s.text)).toEqual(['committed']);
  });

  it('a row another connection wrote is found by the poll timer', async () => {
    const { store, adapter, dispatcher } = setup();
    await dispatcher.drain();
    // Written behind the store's back, as another process writing to the same database would.
    store.db
      .prepare(`INSERT INTO outbox (id, platform, chat_key, address, payload, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(
        900_000,
        'simulator',
        'other',
        sealAddress(vault, { id: 'other', kind: 'group' }),
        JSON.stringify({ text: 'from elsewhere' }),
        1_000_000,
        1_000_000,
      );
    await dispatcher.drain();
    expect(adapter.sent).toHaveLength(0);
    dispatcher.kick(true);
    await dispatcher.drain();
    expect(adapter.sent.map((s) => s.text)).toEqual(['from elsewhere']);
  });
});

describe('rows an earlier run left', () => {
  it('go out before a newer reply to the same chat, also when that reply is committed before the first look', async () => {
    const db = openDatabase(':memory:');
    const earlier = new SqliteStore(db);
    earlier.enqueue(
      {
        platform: 'simulator',
        chatKey: 'ana',
        address: sealAddress(vault, { id: 'ana', kind: 'direct' }),
        payload: JSON.stringify({ text: 'older' }),
      },
      1,
    );
    // A restart: a new store and dispatcher over the same database; a message is handled before the first pump.
    const { store, adapter, dispatcher, enqueue } = setup(db);
    store.transaction(() => enqueue('ana', 'newer'));
    await dispatcher.drain();
    expect(adapter.sent.map((s) => s.text)).toEqual(['older', 'newer']);
  });
});
