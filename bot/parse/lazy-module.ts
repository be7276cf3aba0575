/**
 * Packages the parsers need only for some texts (chrono for dates, libphonenumber-js for phone
 * numbers, franc for telling close languages apart), loaded the first time a text needs them
 * instead of at start: together they are about 28 MB of memory that most conversations never
 * use. Loading is synchronous (`createRequire`; franc is an ES module, which Node loads through
 * require from 20.19 on), so the parsers stay synchronous.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** `lazyModule<typeof import('x')>('x')()` loads 'x' on the first call and returns it from then on. */
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
