-- Outbox ids are still never reused, but handed out by the store from blocks it reserves in
-- `meta` (`outbox_ids_reserved`: the highest id reserved so far), one write per thousand rows.
-- AUTOINCREMENT rewrote its `sqlite_sequence` page with every row: one more page per message.
CREATE TABLE outbox_new (
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
  platform_message_id TEXT,
  lane                INTEGER NOT NULL DEFAULT 1
);
INSERT INTO outbox_new (id, dedupe_key, platform, chat_key, address, payload, status, attempts, next_attempt_at,
  last_error, created_at, sent_at, platform_message_id, lane)
SELECT id, dedupe_key, platform, chat_key, address, payload, status, attempts, next_attempt_at,
  last_error, created_at, sent_at, platform_message_id, lane FROM outbox;
INSERT INTO meta (key, value)
SELECT 'outbox_ids_reserved', CAST(MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0),
  COALESCE((SELECT MAX(id) FROM outbox), 0)) AS TEXT);
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE UNIQUE INDEX outbox_dedupe ON outbox (dedupe_key) WHERE dedupe_key IS NOT NULL;
