-- Sessions as an ordinary rowid table with a `seen` column. `seen` holds the pseudonymised ids of
-- the tipster's last few messages, so a redelivered direct message is recognised from the row the
-- message rewrites anyway, without an `inbox` row of its own (one page fewer per message).
-- A rowid table keeps rows up to ~4 kB on their page; the WITHOUT ROWID table spilled rows over
-- ~1 kB (a long first message) into overflow pages, another page per message.
CREATE TABLE sessions_new (
  id         INTEGER PRIMARY KEY,
  tipster    TEXT    NOT NULL UNIQUE,
  platform   TEXT    NOT NULL,
  address    TEXT    NOT NULL,
  state      TEXT    NOT NULL,
  wake_at    INTEGER,
  updated_at INTEGER NOT NULL,
  seen       TEXT    NOT NULL DEFAULT ''
);
INSERT INTO sessions_new (tipster, platform, address, state, wake_at, updated_at)
SELECT tipster, platform, address, state, wake_at, updated_at FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_new RENAME TO sessions;
