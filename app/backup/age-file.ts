/**
 * age encryption of whole files (https://age-encryption.org), streamed so a large database is
 * never held in memory. Backups are encrypted to a public key (`backup.recipient`); only the
 * holder of the matching identity (`age-keygen` output, kept off the server) can open them.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Decrypter, Encrypter } from 'age-encryption';
import { PRIVATE_FILE_MODE } from '../../store/private-files.js';

/** A key or file the age layer refused, with a message for the admin. */
export class AgeFileError extends Error {
  constructor(
    message: string,
    readonly code: 'bad-recipient' | 'bad-identity' | 'wrong-identity' | 'not-age',
  ) {
    super(message);
    this.name = 'AgeFileError';
  }
}

/** Why `recipient` is not a usable age public key, or undefined when it is. */
export function recipientProblem(recipient: string): string | undefined {
  try {
    new Encrypter().addRecipient(recipient);
    return undefined;
  } catch (err) {
    return `not a valid age public key (${err instanceof Error ? err.message : String(err)})`;
  }
}

/** The identities (`AGE-SECRET-KEY-1…`) in the text of an identity file, as `age-keygen` writes it (comments skipped). */
export function parseIdentities(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Encrypts the file `src` to `recipient`, writing `dest` (created new, owner-only). */
export async function encryptFile(src: string, dest: string, recipient: string): Promise<void> {
  const problem = recipientProblem(recipient);
  if (problem) throw new AgeFileError(`backup.recipient: ${problem}`, 'bad-recipient');
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  const encrypted = await encrypter.encrypt(toWeb(src));
  await pipeline(
    Readable.fromWeb(encrypted as WebReadableStream<Uint8Array>),
    createWriteStream(dest, { flags: 'wx', mode: PRIVATE_FILE_MODE }),
  );
}

/** Decrypts the age file `src` with `identities`, writing `dest` (created new, owner-only). */
export async function decryptFile(src: string, dest: string, identities: string[]): Promise<void> {
  if (identities.length === 0) throw new AgeFileError('the identity file holds no key (expected a line AGE-SECRET-KEY-1…)', 'bad-identity');
  const decrypter = new Decrypter();
  try {
    for (const identity of identities) decrypter.addIdentity(identity);
  } catch {
    throw new AgeFileError(
      'the identity file is not an age secret key (expected a line AGE-SECRET-KEY-1…, as age-keygen writes it)',
      'bad-identity',
    );
  }
  let decrypted: ReadableStream<Uint8Array>;
  try {
    decrypted = await decrypter.decrypt(toWeb(src));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/no identity matched/i.test(message))
      throw new AgeFileError('this key does not open the backup: it was encrypted to another public key', 'wrong-identity');
    throw new AgeFileError(`not an age-encrypted backup (${message})`, 'not-age');
  }
  try {
    await pipeline(
      Readable.fromWeb(decrypted as WebReadableStream<Uint8Array>),
      createWriteStream(dest, { flags: 'wx', mode: PRIVATE_FILE_MODE }),
    );
  } catch (err) {
    // The payload is authenticated chunk by chunk: a truncated or altered file fails here.
    throw new AgeFileError(`the backup is damaged (${err instanceof Error ? err.message : String(err)})`, 'not-age');
  }
}

function toWeb(path: string): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array>;
}
