/**
 * The secret behind pseudonyms and sealed addresses: CENTINELA_SECRET_FILE or CENTINELA_SECRET.
 * Only the built-in demo may generate one (kept, mode 0600, beside the database): a real network
 * must provide its own, so that it is chosen, stored and backed up on purpose.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export type SecretSource = 'env' | 'file' | 'generated' | 'stored';

export class MissingSecretError extends Error {
  constructor() {
    super(
      'No secret: set CENTINELA_SECRET_FILE to a file holding at least 32 random characters ' +
        '(for example: openssl rand -base64 48 > /etc/centinela/secret; chmod 600 it), or CENTINELA_SECRET.',
    );
    this.name = 'MissingSecretError';
  }
}

export function loadSecret(env: NodeJS.ProcessEnv, dataDir: string, opts: { mayGenerate: boolean }): { secret: Buffer; source: SecretSource } {
  if (env.CENTINELA_SECRET_FILE) {
    return { secret: checked(readFileSync(env.CENTINELA_SECRET_FILE, 'utf8').trim()), source: 'file' };
  }
  if (env.CENTINELA_SECRET) return { secret: checked(env.CENTINELA_SECRET), source: 'env' };
  const file = join(dataDir, 'secret.key');
  if (!opts.mayGenerate) throw new MissingSecretError();
  if (existsSync(file)) return { secret: checked(readFileSync(file, 'utf8').trim()), source: 'stored' };
  mkdirSync(dirname(file), { recursive: true });
  const value = randomBytes(32).toString('base64url');
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return { secret: checked(value), source: 'generated' };
}

function checked(value: string): Buffer {
  const buf = Buffer.from(value, 'utf8');
  if (buf.length < 32) throw new Error('the secret must be at least 32 characters long');
  return buf;
}
