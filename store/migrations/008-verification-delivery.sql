-- Verification you can trust: relays that close, digest cards for floods, delivery reports for
-- alerts, and a priority lane in the outbox.

-- An /ask relay closes at the tipster's first answer, or at this instant, whichever comes first.
ALTER TABLE reports ADD COLUMN relay_until INTEGER;
-- 1 while a report over its sender's hourly limit waits for the next digest card (no card of its own).
ALTER TABLE reports ADD COLUMN digest INTEGER NOT NULL DEFAULT 0;

-- 0: alerts, updates and all-clears to responder groups, sent before anything else; 1: the rest.
ALTER TABLE outbox ADD COLUMN lane INTEGER NOT NULL DEFAULT 1;

-- One row per alert sent to a responder group: settled when its outbox row is sent or dead, so
-- the verifiers can be told the true delivery once every group's row is settled.
CREATE TABLE alert_targets (
  id         INTEGER PRIMARY KEY,
  dedupe_key TEXT    NOT NULL UNIQUE,
  report     INTEGER NOT NULL REFERENCES reports (number) ON DELETE CASCADE,
  chat       TEXT    NOT NULL,
  status     TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
  attempts   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX alert_targets_report ON alert_targets (report);
