/**
 * Polls `check` (an assertion function, sync or async) until it stops throwing, for at most `ms`;
 * then its last failure is thrown. Returns what `check` returned. For waits on real I/O in tests,
 * instead of fixed sleeps.
 */
export async function eventually<T>(check: () => T | Promise<T>, ms = 5_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
