/**
 * What the admin commands share: where they write, and how a problem the admin can fix is told
 * (its message, exit code 1) apart from a bug (thrown).
 */

/** Where a command writes: stdout, or a buffer in tests. */
export interface Out {
  write(s: string): void;
}

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Runs a command. An error of one of the `expected` classes carries a message written for the
 * admin: it is printed and the exit code is 1. Any other error is thrown.
 */
export async function printingExpected(out: Out, expected: readonly ErrorClass[], run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (err) {
    if (!expected.some((kind) => err instanceof kind)) throw err;
    out.write(`${(err as Error).message}\n`);
    return 1;
  }
}
