import { describe, expect, it } from 'vitest';
import { isLoopbackAddress, isLoopbackHost } from './loopback.js';

describe('loopback', () => {
  it.each(['127.0.0.1', '127.255.0.9', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '::FFFF:127.0.0.1'])(
    '%s is a loopback address',
    (ip) => {
      expect(isLoopbackAddress(ip)).toBe(true);
    },
  );

  it.each([undefined, '', '0.0.0.0', '::', '10.0.0.1', '128.0.0.1', '::ffff:10.0.0.1', '::2', '1::1', 'localhost', '127.0.0.1.nip.io'])(
    '%s is not a loopback address',
    (ip) => {
      expect(isLoopbackAddress(ip)).toBe(false);
    },
  );

  it('names: localhost and loopback addresses, IPv6 with or without brackets; 0.0.0.0 and other names are not', () => {
    for (const h of ['localhost', 'LocalHost', 'localhost.', '127.0.0.1', '::1', '[::1]']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '[::]', 'example.org', 'localhost.example.org', '127.0.0.1.nip.io', ''])
      expect(isLoopbackHost(h), h).toBe(false);
  });
});
