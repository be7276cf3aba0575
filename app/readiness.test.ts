import { describe, expect, it } from 'vitest';
import { readiness, type ReadinessInput } from './readiness.js';

const MIN = 60_000;
const base: ReadinessInput = {
  channels: [
    { platform: 'signal', condition: 'up' },
    { platform: 'telegram', condition: 'up' },
  ],
  storeWritable: true,
  backlog: { pending: 0, dead: 0, oldestPendingAt: undefined },
  now: 100 * MIN,
  outboxStuckMs: 15 * MIN,
};

describe('readiness', () => {
  it('is ready when every channel is connected, the database takes writes and the outbox moves', () => {
    expect(readiness(base)).toEqual({
      ok: true,
      problems: [],
      channels: { signal: { condition: 'up' }, telegram: { condition: 'up' } },
      store: { writable: true },
      outbox: { pending: 0, dead: 0, oldestPendingAgeSeconds: 0, stuckAfterSeconds: 900 },
    });
  });

  it('names each thing that is wrong: a channel down, a database that refuses writes, an outbox stuck', () => {
    const r = readiness({
      ...base,
      channels: [
        { platform: 'signal', condition: 'down', problem: 'unreachable', action: 'start the signal-cli-rest-api container' },
        base.channels[1]!,
      ],
      storeWritable: false,
      backlog: { pending: 3, dead: 1, oldestPendingAt: 80 * MIN },
    });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      'signal is down (unreachable): start the signal-cli-rest-api container',
      'the database does not take writes (disk full, read-only, or locked by another process)',
      'the outbox is stuck: a message has waited 20 min to be sent (see the log for outbox errors)',
    ]);
    expect(r.outbox).toEqual({ pending: 3, dead: 1, oldestPendingAgeSeconds: 1200, stuckAfterSeconds: 900 });
  });

  it('a degraded channel is listed but does not fail readiness; an outbox younger than the limit is fine', () => {
    const r = readiness({
      ...base,
      channels: [{ platform: 'whatsapp', condition: 'degraded', problem: 'decrypt_failures' }],
      backlog: { pending: 1, dead: 0, oldestPendingAt: 90 * MIN },
    });
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual(['whatsapp is degraded (decrypt_failures)']);
  });
});
