/**
 * The hash a dashboard link or session token is stored under: the token itself is never stored.
 * Written where the link is made (verification host) and looked up where it is used (dashboard).
 */
import { createHash } from 'node:crypto';

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
