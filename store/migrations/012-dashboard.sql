-- The verification dashboard: one-time sign-in links and browser sessions. Only SHA-256 hashes of
-- their tokens are kept, so a copy of the database opens no dashboard session.

-- A link sent to an enrolled verifier by /panel or /dashboard: valid until expires_at, once.
CREATE TABLE dashboard_logins (
  token_hash TEXT    NOT NULL PRIMARY KEY,
  person     TEXT    NOT NULL,   -- the verifier's stable id (platform:id)
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER
) WITHOUT ROWID;

-- A signed-in browser: the cookie holds the token, this row its hash.
CREATE TABLE dashboard_sessions (
  token_hash TEXT    NOT NULL PRIMARY KEY,
  person     TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
