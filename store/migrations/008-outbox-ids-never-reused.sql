-- Outbox ids are never reused (AUTOINCREMENT). The dispatcher reads new rows by id, after the
-- highest it has seen; without this, deleting the newest rows (a tipster's rows on STOP, or a
-- sweep after a quiet week) let the next row take an old id, and it was not sent until a restart.
CREATE TABLE outbox_new (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO outbox_new (id, dedupe_key, platform, chat_key, address, payload, status, attempts, next_attempt_at,
  last_error, created_at, sent_at, platform_message_id)
SELECT id, dedupe_key, platform, chat_key, address, payload, status, attempts, next_attempt_at,
  last_error, created_at, sent_at, platform_message_id FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE UNIQUE INDEX outbox_dedupe ON outbox (dedupe_key) WHERE dedupe_key IS NOT NULL;
