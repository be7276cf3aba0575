/**
 * Group commit: messages that arrive together (in the same turn of the event loop: a batch from a
 * platform, webhooks landing at once) are handled in one transaction, each in a savepoint of its
 * own, and every caller is answered only after that one commit. A message is still acknowledged
 * only once its inbox mark, session and outbox rows are stored; the commit (and its WAL write)
 * is shared instead of paid per message. A message that fails is rolled back alone and its caller
 * gets the error, as if it had been handled by itself.
 */
import type { StepOutcome } from './store-port.js';

/** Most messages in one group: bounds how long the first of them waits for the commit. */
export const MAX_GROUP = 128;

export class GroupCommit<T, R> {
  private waiting: { item: T; resolve: (r: R) => void; reject: (err: unknown) => void }[] = [];
  private scheduled = false;
  /** Commits done, and messages they carried (the benchmark prints both). */
  readonly counters = { commits: 0, items: 0 };

  /** @param commit handles the items in one transaction; one outcome per item, in order. */
  constructor(
    private readonly commit: (items: T[]) => StepOutcome<R>[],
    private readonly maxItems = MAX_GROUP,
  ) {}

  /** Resolves with the item's outcome once the transaction that stored it has committed. */
  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.waiting.length >= this.maxItems) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  /** Commits what is waiting now (also before anything that must come after it, to keep the order). */
  flush(): void {
    const group = this.waiting;
    if (group.length === 0) return;
    this.waiting = [];
    let outcomes: StepOutcome<R>[];
    try {
      outcomes = this.commit(group.map((g) => g.item));
    } catch (error) {
      outcomes = group.map(() => ({ ok: false, error }));
    }
    this.counters.commits += 1;
    this.counters.items += group.length;
    group.forEach((g, i) => {
      const o = outcomes[i] ?? { ok: false, error: new Error('no outcome') };
      if (o.ok) g.resolve(o.value);
      else g.reject(o.error);
    });
  }
}
