import { createHmac, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createVault } from './vault.js';

const secret = Buffer.from('a-test-secret-that-is-long-enough-0123456789');

describe('vault', () => {
  it('pseudonyms are standard HMAC-SHA256 under the derived key, stable, and differ per platform', () => {
    const v = createVault(secret);
    const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'centinela/pseudonym/v1', 32));
    const expected = createHmac('sha256', key).update('signal').update('\u0000').update('+15550100').digest('base64url');
    expect(v.pseudonym('signal', '+15550100')).toBe(expected);
    expect(v.pseudonym('signal', '+15550100')).toBe(expected);
    expect(v.pseudonym('telegram', '+15550100')).not.toBe(expected);
    expect(createVault(Buffer.from('another-secret-that-is-long-enough-98765')).pseudonym('signal', '+15550100')).not.toBe(expected);
  });

  it('seals and opens; every seal differs; tampering is detected; short secrets are refused', () => {
    const v = createVault(secret);
    const a = v.seal('{"id":"+15550100"}');
    expect(v.seal('{"id":"+15550100"}')).not.toBe(a);
    expect(v.open(a)).toBe('{"id":"+15550100"}');
    expect(a).not.toContain('15550100');
    const tampered = `${a.slice(0, -2)}${a.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => v.open(tampered)).toThrow();
    expect(() => createVault(Buffer.from('short'))).toThrow();
  });

  it('never uses a nonce twice, across the blocks of random bytes it draws them from', () => {
    const v = createVault(secret);
    const sealed = Array.from({ length: 2000 }, (_, i) => v.seal(`{"id":"${i}"}`));
    const nonces = new Set(sealed.map((s) => Buffer.from(s, 'base64url').subarray(0, 12).toString('hex')));
    expect(nonces.size).toBe(2000);
    sealed.forEach((s, i) => expect(v.open(s)).toBe(`{"id":"${i}"}`));
  });
});
