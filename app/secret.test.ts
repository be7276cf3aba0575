import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSecret, UnsafeSecretError } from './secret.js';
import { estimateEntropyBits, MIN_SECRET_BITS } from './secret-strength.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'centinela-secret-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function secretFile(value: string, mode: number): string {
  const file = join(dir, 'secret');
  writeFileSync(file, `${value}\n`);
  chmodSync(file, mode);
  return file;
}

const GOOD = randomBytes(48).toString('base64');
const WEAK = {
  'one character 32 times': 'a'.repeat(32),
  'a short pattern repeated': 'ab'.repeat(20),
  'digits counting up, repeated': '0123456789'.repeat(4),
  'a phrase repeated': 'my-network-secret-my-network-secret',
  'the alphabet': 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ',
};

describe('loadSecret', () => {
  it.each([0o644, 0o640, 0o604, 0o620, 0o602, 0o666])('refuses a secret file with mode %o, saying what to run', (mode) => {
    const file = secretFile(GOOD, mode);
    expect(() => loadSecret({ CENTINELA_SECRET_FILE: file }, dir, { mayGenerate: false })).toThrow(UnsafeSecretError);
    expect(() => loadSecret({ CENTINELA_SECRET_FILE: file }, dir, { mayGenerate: false })).toThrow(`Run: chmod 600 ${file}`);
  });

  it('accepts a random secret in a file only its owner can read', () => {
    for (const mode of [0o600, 0o400]) {
      const file = secretFile(GOOD, mode);
      expect(loadSecret({ CENTINELA_SECRET_FILE: file }, dir, { mayGenerate: false })).toEqual({
        secret: Buffer.from(GOOD),
        source: 'file',
      });
      rmSync(file);
    }
  });

  it.each(Object.entries(WEAK))('refuses a guessable secret (%s) from the environment and from a file, without echoing it', (_, value) => {
    const fromEnv = () => loadSecret({ CENTINELA_SECRET: value }, dir, { mayGenerate: false });
    expect(fromEnv).toThrow(UnsafeSecretError);
    expect(fromEnv).toThrow(/CENTINELA_SECRET is too easy to guess .*openssl rand -base64 48/);
    const file = secretFile(value, 0o600);
    const fromFile = () => loadSecret({ CENTINELA_SECRET_FILE: file }, dir, { mayGenerate: false });
    expect(fromFile).toThrow(`the secret in ${file} is too easy to guess`);
    try {
      fromFile();
    } catch (err) {
      expect((err as Error).message).not.toContain(value);
    }
  });

  it('still refuses a short secret', () => {
    expect(() => loadSecret({ CENTINELA_SECRET: randomBytes(12).toString('base64') }, dir, { mayGenerate: false })).toThrow(/too short/);
  });

  it('generates a secret that passes its own checks, 0600 in a new 0700 folder, and reads it back', () => {
    const previous = process.umask(0o000);
    try {
      const data = join(dir, 'fresh', 'data');
      const first = loadSecret({}, data, { mayGenerate: true });
      expect(first.source).toBe('generated');
      expect(statSync(join(data, 'secret.key')).mode & 0o777).toBe(0o600);
      expect(statSync(data).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, 'fresh')).mode & 0o777).toBe(0o700);
      expect(loadSecret({}, data, { mayGenerate: true })).toEqual({ secret: first.secret, source: 'stored' });
    } finally {
      process.umask(previous);
    }
  });
});

describe('estimateEntropyBits', () => {
  it('scores random secrets well above the minimum, the way people make them', () => {
    for (let i = 0; i < 2000; i++) {
      expect(estimateEntropyBits(randomBytes(16).toString('hex'))).toBeGreaterThan(MIN_SECRET_BITS);
      expect(estimateEntropyBits(randomBytes(32).toString('base64url'))).toBeGreaterThan(2 * MIN_SECRET_BITS);
    }
  });

  it('scores repeats, runs and tiny alphabets below it', () => {
    for (const value of Object.values(WEAK)) expect(estimateEntropyBits(value)).toBeLessThan(MIN_SECRET_BITS);
  });
});
