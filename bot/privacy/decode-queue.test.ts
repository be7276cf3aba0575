/** The decode queue: one decode at a time, in arrival order, a bounded wait, and a refusal past it. */
import { describe, expect, it } from 'vitest';
import { DecodeQueue, DecodeQueueFull } from './decode-queue.js';

function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('DecodeQueue', () => {
  it('runs one task at a time, in the order they came', async () => {
    const queue = new DecodeQueue({ concurrency: 1, maxWaiting: 5 });
    const order: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string, ms: number) => async () => {
      running += 1;
      most = Math.max(most, running);
      order.push(name);
      await new Promise((r) => setTimeout(r, ms));
      running -= 1;
      return name;
    };
    const results = await Promise.all([queue.run(task('a', 20)), queue.run(task('b', 1)), queue.run(task('c', 5))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(most).toBe(1);
    expect(queue.counters).toEqual({ decodes: 3, refused: 0 });
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a task when too many wait, without running it', async () => {
    const queue = new DecodeQueue({ concurrency: 1, maxWaiting: 1 });
    const first = gate();
    let ran = 0;
    const a = queue.run(async () => first.promise);
    const b = queue.run(async () => void (ran += 1));
    await expect(queue.run(async () => void (ran += 100))).rejects.toBeInstanceOf(DecodeQueueFull);
    expect(queue.load).toEqual({ running: 1, waiting: 1 });
    first.open();
    await Promise.all([a, b]);
    expect(ran).toBe(1);
    expect(queue.counters).toEqual({ decodes: 2, refused: 1 });
  });

  it('a failed task frees its slot for the next', async () => {
    const queue = new DecodeQueue({ concurrency: 1, maxWaiting: 2 });
    const failed = queue.run(async () => Promise.reject(new Error('corrupt')));
    const next = queue.run(async () => 'ok');
    await expect(failed).rejects.toThrow('corrupt');
    await expect(next).resolves.toBe('ok');
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });
});
