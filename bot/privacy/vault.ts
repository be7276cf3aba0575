/**
 * Pseudonyms and sealed addresses. A tipster's platform id is only ever stored as a keyed hash
 * (HMAC-SHA256), and the address needed to reply is stored encrypted (AES-256-GCM), so the
 * database alone does not say who anyone is.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export interface Vault {
  /** A stable pseudonym for (platform, id): the same inputs always give the same value. */
  pseudonym(platform: string, id: string): string;
  /** Encrypts a short string; every call gives a different ciphertext. */
  seal(plain: string): string;
  /** Decrypts what {@link Vault.seal} produced; throws if it was tampered with. */
  open(sealed: string): string;
}

/** AES-GCM's 96-bit nonce, and how many are drawn at once. */
const IV_BYTES = 12;
const IV_BLOCK = 256;

/** Derives separate keys for hashing and encryption from one secret (at least 32 bytes). */
export function createVault(secret: Uint8Array): Vault {
  if (secret.length < 32) throw new Error('the secret must be at least 32 bytes');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));
  const hmacKey = derive('centinela/pseudonym/v1');
  const encKey = derive('centinela/seal/v1');
  // Nonces come from the system's random source in blocks, a slice each: one call per
  // IV_BLOCK seals instead of one each (a call costs about as much as the encryption itself).
  let ivs = Buffer.alloc(0);
  let ivAt = 0;
  const nextIv = (): Buffer => {
    if (ivAt + IV_BYTES > ivs.length) {
      ivs = randomBytes(IV_BYTES * IV_BLOCK);
      ivAt = 0;
    }
    ivAt += IV_BYTES;
    return ivs.subarray(ivAt - IV_BYTES, ivAt);
  };
  return {
    pseudonym(platform, id) {
      return createHmac('sha256', hmacKey).update(`${platform}\u0000${id}`, 'utf8').digest('base64url');
    },
    seal(plain) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open(sealed) {
      const raw = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
