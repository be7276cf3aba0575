/**
 * Messages WhatsApp could not decrypt for us (CIPHERTEXT stubs): how many since start, and how
 * many within the last window, which is what health and the channel alerts read. Bounded.
 */
export const DECRYPT_WINDOW_MS = 15 * 60_000;
const MAX_TIMES = 1_000;

export class DecryptFailures {
  private total = 0;
  /** Times of failures within the window (bounded). */
  private times: number[] = [];

  note(now: number): void {
    this.total += 1;
    this.times.push(now);
    if (this.times.length > MAX_TIMES) this.times.shift();
  }

  counts(now: number): { total: number; recent: number } {
    const since = now - DECRYPT_WINDOW_MS;
    this.times = this.times.filter((t) => t > since);
    return { total: this.total, recent: this.times.length };
  }
}
