-- Abuse handling: report priority and flags, and blocked tipster pseudonyms.

ALTER TABLE reports ADD COLUMN priority TEXT NOT NULL DEFAULT 'normal';   -- normal | low (flood from one sender)
ALTER TABLE reports ADD COLUMN flags TEXT NOT NULL DEFAULT '[]';          -- JSON list, e.g. ["coordinated_flood"]

-- Senders a verifier blocked with /block N. Only the pseudonym is kept: nobody learns who it is.
-- Their reports are still accepted (so they cannot tell), but never shown to verifiers.
CREATE TABLE blocks (
  tipster    TEXT    NOT NULL PRIMARY KEY,
  blocked_by TEXT    NOT NULL,
  report     INTEGER,
  at         INTEGER NOT NULL
) WITHOUT ROWID;
