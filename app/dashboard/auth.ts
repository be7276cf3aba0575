/**
 * Dashboard sign-in: one-time links (sent by /panel or /dashboard through the verification
 * decider), session cookies and CSRF tokens. Tokens are 256 random bits; only their SHA-256 is
 * stored. The CSRF token is derived from the session token, so it needs no storage and changes
 * with every session.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { tokenHash } from '../../bot/privacy/token-hash.js';
import type { DashboardAuthStore, LinkRefusal } from '../../store/dashboard-auth-store.js';

export const SESSION_COOKIE = 'centinela_dashboard';

/** The CSRF token of a session: a hash of its (secret) cookie token under its own label. */
export function csrfFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`, 'utf8').digest('base64url');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface Session {
  person: string;
  token: string;
  csrf: string;
}

export interface AuthSettings {
  sessionMs: number;
  /** Secure cookies when the public address is https. */
  secure: boolean;
  clock: () => number;
}

export class DashboardAuth {
  constructor(
    private readonly store: DashboardAuthStore,
    private readonly s: AuthSettings,
  ) {}

  /** Uses a sign-in link and, when it is good, starts a session and sets its cookie. */
  signIn(c: Context, linkToken: string): { person: string } | { refused: LinkRefusal } {
    const now = this.s.clock();
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(linkToken)) return { refused: 'unknown' };
    const used = this.store.useLink(tokenHash(linkToken), now);
    if ('refused' in used) return used;
    const token = randomBytes(32).toString('base64url');
    this.store.startSession(tokenHash(token), used.person, now, now + this.s.sessionMs);
    setCookie(c, SESSION_COOKIE, token, {
      path: '/dashboard',
      httpOnly: true,
      sameSite: 'Strict',
      secure: this.s.secure,
      maxAge: Math.floor(this.s.sessionMs / 1000),
    });
    return used;
  }

  /** The session the request's cookie opens, if it still lasts. */
  session(c: Context): Session | undefined {
    const token = getCookie(c, SESSION_COOKIE);
    if (!token || token.length > 100) return undefined;
    const person = this.store.sessionPerson(tokenHash(token), this.s.clock());
    return person ? { person, token, csrf: csrfFor(token) } : undefined;
  }

  /** Whether a state-changing request carries this session's CSRF token (form field or header). */
  csrfOk(session: Session, given: string | undefined): boolean {
    return given !== undefined && sameText(given, session.csrf);
  }

  signOut(c: Context, session: Session): void {
    this.store.endSession(tokenHash(session.token));
    deleteCookie(c, SESSION_COOKIE, { path: '/dashboard', secure: this.s.secure });
  }
}
