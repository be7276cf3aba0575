/**
 * Loopback addresses and host names: what "this machine only" means for the simulator (which
 * has no login) and for `/health` and `/metrics` (which answer without a token only locally).
 * Pure string checks, no DNS: a name is loopback only when it is `localhost` itself.
 */
import { isIP } from 'node:net';

/**
 * Whether an IP address is a loopback address: 127.0.0.0/8, `::1`, or either written as an
 * IPv4-mapped IPv6 address (`::ffff:127.0.0.1`, what a dual-stack socket reports).
 *
 * @example isLoopbackAddress('127.0.0.1') // true
 * @example isLoopbackAddress('::ffff:192.168.1.5') // false
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const ip = address.trim().toLowerCase();
  const v4 = ip.startsWith('::ffff:') ? ip.slice('::ffff:'.length) : ip;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  if (isIP(ip) !== 6) return false;
  return expandIPv6(ip) === '0000:0000:0000:0000:0000:0000:0000:0001';
}

/**
 * Whether a host (as in `http.host` or the host part of a `Host` header, IPv6 with or without
 * brackets) names this machine only: `localhost` or a loopback address. `0.0.0.0` and `::` are
 * not: they listen on every interface.
 *
 * @example isLoopbackHost('localhost') // true
 * @example isLoopbackHost('[::1]') // true
 * @example isLoopbackHost('0.0.0.0') // false
 */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  return h === 'localhost' || isLoopbackAddress(h);
}

/** `::1` → eight four-digit groups, so different spellings of one address compare equal. */
function expandIPv6(ip: string): string {
  const [head = '', tail] = ip.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((g) => g.padStart(4, '0')).join(':');
}
