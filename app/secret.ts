/**
 * The secret behind pseudonyms and sealed addresses: CENTINELA_SECRET_FILE or CENTINELA_SECRET.
 * Only the built-in demo may generate one (kept, mode 0600, beside the database): a real network
 * must provide its own, so that it is chosen, stored and backed up on purpose.
 *
 * A secret is refused at start when it is short or guessable (see secret-strength.ts), and a
 * secret file is refused when anyone but its owner may read or write it.
 */
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../store/private-files.js';
import { estimateEntropyBits, MIN_SECRET_BITS } from './secret-strength.js';

export type SecretSource = 'env' | 'file' | 'generated' | 'stored';

const HOW_TO_MAKE_ONE = 'for example: openssl rand -base64 48 > /etc/centinela/secret; chmod 600 /etc/centinela/secret';

export class MissingSecretError extends Error {
  constructor() {
    super(
      'No secret: set CENTINELA_SECRET_FILE to a file holding at least 32 random characters ' +
        `(${HOW_TO_MAKE_ONE}), or CENTINELA_SECRET.`,
    );
    this.name = 'MissingSecretError';
  }
}

/** A secret that is there but not fit to use: too short, guessable, or in a file others can read. */
export class UnsafeSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeSecretError';
  }
}

export function loadSecret(
  env: NodeJS.ProcessEnv,
  dataDir: string,
  opts: { mayGenerate: boolean },
): { secret: Buffer; source: SecretSource } {
  if (env.CENTINELA_SECRET_FILE) {
    const file = env.CENTINELA_SECRET_FILE;
    return { secret: checked(readPrivateFile(file), `the secret in ${file}`), source: 'file' };
  }
  if (env.CENTINELA_SECRET) return { secret: checked(env.CENTINELA_SECRET, 'CENTINELA_SECRET'), source: 'env' };
  const file = join(dataDir, 'secret.key');
  if (!opts.mayGenerate) throw new MissingSecretError();
  if (existsSync(file)) return { secret: checked(readPrivateFile(file), `the secret in ${file}`), source: 'stored' };
  ensurePrivateDir(dirname(file));
  const value = randomBytes(32).toString('base64url');
  writeFileSync(file, `${value}\n`, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  chmodSync(file, PRIVATE_FILE_MODE);
  return { secret: checked(value, `the secret in ${file}`), source: 'generated' };
}

/** The file's text, trimmed; refused when its group or others may read or write it. */
function readPrivateFile(file: string): string {
  const mode = statSync(file).mode & 0o777;
  // Windows has no such modes (Node reports 0o666 for every file): nothing to check there.
  if (process.platform !== 'win32' && (mode & 0o066) !== 0) {
    throw new UnsafeSecretError(
      `${file} is readable or writable by other users (mode ${mode.toString(8).padStart(4, '0')}). ` +
        `Anyone who can read it can unmask tipsters. Run: chmod 600 ${file}`,
    );
  }
  return readFileSync(file, 'utf8').trim();
}

/** The secret as bytes, after checking its length and its estimated entropy; `what` names it in errors. */
function checked(value: string, what: string): Buffer {
  const buf = Buffer.from(value, 'utf8');
  if (buf.length < 32) throw new UnsafeSecretError(`${what} is too short: it must be at least 32 characters long (${HOW_TO_MAKE_ONE}).`);
  const bits = estimateEntropyBits(value);
  if (bits < MIN_SECRET_BITS) {
    throw new UnsafeSecretError(
      `${what} is too easy to guess (about ${Math.floor(bits)} bits by a rough estimate; at least ${MIN_SECRET_BITS} needed): ` +
        `it repeats a pattern, counts up, or uses too few different characters. Use random characters (${HOW_TO_MAKE_ONE}).`,
    );
  }
  return buf;
}
