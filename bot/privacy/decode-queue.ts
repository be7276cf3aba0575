/**
 * A small queue in front of the image decoder: at most `concurrency` decodes run at once and at
 * most `maxWaiting` wait their turn. A photo past that is refused rather than held, so a burst
 * of large files cannot pile up their bytes in memory, and one slow photo costs the others a
 * wait of at most one decode time cap each.
 *
 * @example
 * const queue = new DecodeQueue({ concurrency: 1, maxWaiting: 8 });
 * const jpeg = await queue.run(() => reencode(bytes)); // rejects with DecodeQueueFull when full
 */

export interface DecodeQueueOptions {
  /** Decodes running at the same time. */
  concurrency: number;
  /** Decodes allowed to wait; one more is refused. */
  maxWaiting: number;
}

export const DEFAULT_DECODE_QUEUE: DecodeQueueOptions = Object.freeze({ concurrency: 1, maxWaiting: 8 });

/** The queue was full: the photo was not decoded. */
export class DecodeQueueFull extends Error {
  readonly code = 'decode_queue_full';
  constructor() {
    super('too many photos waiting to be decoded');
  }
}

export class DecodeQueue {
  /** Decodes started (each one a call of the task), and photos refused because the queue was full. */
  readonly counters = { decodes: 0, refused: 0 };
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: DecodeQueueOptions = DEFAULT_DECODE_QUEUE) {}

  /** Runs `task` when a slot is free; rejects with {@link DecodeQueueFull} when too many wait already. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.options.concurrency) {
      if (this.waiting.length >= this.options.maxWaiting) {
        this.counters.refused += 1;
        throw new DecodeQueueFull();
      }
      // The slot is handed over by release(), so `running` already counts this task.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    this.counters.decodes += 1;
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /** Decodes running now and waiting now. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
