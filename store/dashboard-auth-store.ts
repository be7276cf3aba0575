/**
 * The dashboard's sign-in links and sessions on better-sqlite3. Only SHA-256 hashes of the tokens
 * are stored (the link and the cookie hold the tokens themselves), so a copy of the database
 * signs nobody in. Expired rows are deleted whenever someone signs in.
 */
import type Database from 'better-sqlite3';

/** Why a sign-in link was refused: unknown covers expired-and-deleted and made-up tokens alike. */
export type LinkRefusal = 'unknown' | 'expired' | 'used';

export class DashboardAuthStore {
  private readonly st;

  constructor(readonly db: Database.Database) {
    const p = (sql: string) => db.prepare(sql);
    this.st = {
      login: p('SELECT person, expires_at, used_at FROM dashboard_logins WHERE token_hash = ?'),
      useLogin: p('UPDATE dashboard_logins SET used_at = ? WHERE token_hash = ? AND used_at IS NULL'),
      sweepLogins: p('DELETE FROM dashboard_logins WHERE expires_at < ?'),
      sweepSessions: p('DELETE FROM dashboard_sessions WHERE expires_at < ?'),
      addSession: p('INSERT INTO dashboard_sessions (token_hash, person, created_at, expires_at) VALUES (?, ?, ?, ?)'),
      session: p('SELECT person FROM dashboard_sessions WHERE token_hash = ? AND expires_at > ?').pluck(),
      endSession: p('DELETE FROM dashboard_sessions WHERE token_hash = ?'),
    };
  }

  /**
   * Uses a sign-in link once: the person it was sent to, or why it is refused. A used link stays
   * refused as `used` until it expires; then its row is deleted.
   */
  useLink(tokenHash: string, now: number): { person: string } | { refused: LinkRefusal } {
    return this.db.transaction(() => {
      const row = this.st.login.get(tokenHash) as { person: string; expires_at: number; used_at: number | null } | undefined;
      if (!row) return { refused: 'unknown' as const };
      if (row.used_at !== null) return { refused: 'used' as const };
      if (row.expires_at <= now) return { refused: 'expired' as const };
      this.st.useLogin.run(now, tokenHash);
      return { person: row.person };
    })();
  }

  /** Starts a session for `person` until `expiresAt`, and deletes expired links and sessions. */
  startSession(tokenHash: string, person: string, now: number, expiresAt: number): void {
    this.db.transaction(() => {
      this.st.sweepLogins.run(now);
      this.st.sweepSessions.run(now);
      this.st.addSession.run(tokenHash, person, now, expiresAt);
    })();
  }

  /** The person signed in with this session, while it lasts. */
  sessionPerson(tokenHash: string, now: number): string | undefined {
    return (this.st.session.get(tokenHash, now) as string | undefined) ?? undefined;
  }

  endSession(tokenHash: string): void {
    this.st.endSession.run(tokenHash);
  }
}
