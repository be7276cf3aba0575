-- Centinela schema v1. Tipsters appear only as keyed hashes (pseudonyms); reply addresses are sealed.

-- Inbound message ids already handled: makes redelivered messages harmless.
CREATE TABLE inbox (
  platform    TEXT    NOT NULL,
  message_id  TEXT    NOT NULL,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (platform, message_id)
) WITHOUT ROWID;

-- One open conversation per tipster pseudonym. (No index on wake_at: the store keeps the
-- wake-up times in memory, loaded at start, so each message rewrites fewer pages.)
CREATE TABLE sessions (
  tipster    TEXT    NOT NULL PRIMARY KEY,
  platform   TEXT    NOT NULL,
  address    TEXT    NOT NULL,
  state      TEXT    NOT NULL,
  wake_at    INTEGER,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE reports (
  number       INTEGER PRIMARY KEY,
  status       TEXT    NOT NULL,
  urgent       INTEGER NOT NULL DEFAULT 0,
  lang         TEXT    NOT NULL,
  platform     TEXT    NOT NULL,
  tipster      TEXT,
  fields       TEXT    NOT NULL,
  seen_at      INTEGER NOT NULL,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
CREATE INDEX reports_status ON reports (status, created_at);
CREATE INDEX reports_tipster ON reports (tipster) WHERE tipster IS NOT NULL;

-- Photos and files: held for a tipster while they write, then attached to a report.
CREATE TABLE media (
  ref           TEXT    PRIMARY KEY,
  tipster       TEXT,
  report_number INTEGER REFERENCES reports (number) ON DELETE CASCADE,
  kind          TEXT    NOT NULL,
  mime          TEXT    NOT NULL,
  bytes         BLOB    NOT NULL,
  created_at    INTEGER NOT NULL
);
CREATE INDEX media_report ON media (report_number);
CREATE INDEX media_tipster ON media (tipster) WHERE report_number IS NULL;

-- Everything the bot sends goes through here, written in the same transaction as the change
-- that caused it, and sent after commit. Fan-out rows (cards, alerts) carry a dedupe key so they
-- are written once; replies are deduplicated by the inbox already. The dispatcher reads new
-- rows by id and schedules them in memory, so no index on status is needed.
CREATE TABLE outbox (
  id                  INTEGER PRIMARY KEY,
  dedupe_key          TEXT,
  platform            TEXT    NOT NULL,
  chat_key            TEXT    NOT NULL,
  address             TEXT    NOT NULL,
  payload             TEXT    NOT NULL,
  status              TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
  attempts            INTEGER NOT NULL DEFAULT 0,
  next_attempt_at     INTEGER NOT NULL,
  last_error          TEXT,
  created_at          INTEGER NOT NULL,
  sent_at             INTEGER,
  platform_message_id TEXT
);
CREATE UNIQUE INDEX outbox_dedupe ON outbox (dedupe_key) WHERE dedupe_key IS NOT NULL;

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('next_report_number', '1001');
