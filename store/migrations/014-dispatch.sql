-- Field verification dispatch and the on-duty roster.

-- What each enrolled person said about their availability: on duty until (their /on), or off
-- until (an /off during a recurring shift), and the language they last used. Verifier ids only.
CREATE TABLE duty (
  person     TEXT    NOT NULL PRIMARY KEY,
  on_until   INTEGER,
  off_until  INTEGER,
  lang       TEXT,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;

-- A report sent to the field: which ring was last asked and when, who said yes and when they
-- expect to arrive, and what they saw. Deleted with its report.
CREATE TABLE dispatches (
  report      INTEGER NOT NULL PRIMARY KEY REFERENCES reports (number) ON DELETE CASCADE,
  started_by  TEXT    NOT NULL,
  started_at  INTEGER NOT NULL,
  ring        INTEGER NOT NULL,
  ring_at     INTEGER NOT NULL,
  assigned    TEXT,
  accepted_at INTEGER,
  eta_at      INTEGER,
  reminded    INTEGER NOT NULL DEFAULT 0,
  awaiting    INTEGER NOT NULL DEFAULT 0,
  outcome     TEXT CHECK (outcome IN ('yes', 'nobody')),
  done_at     INTEGER
);
CREATE INDEX dispatches_open ON dispatches (done_at);

-- Who was asked to go, in which ring, and what they answered.
CREATE TABLE dispatch_pings (
  report      INTEGER NOT NULL REFERENCES reports (number) ON DELETE CASCADE,
  person      TEXT    NOT NULL,
  ring        INTEGER NOT NULL,
  sent_at     INTEGER NOT NULL,
  answer      TEXT CHECK (answer IN ('yes', 'no')),
  answered_at INTEGER,
  PRIMARY KEY (report, person)
) WITHOUT ROWID;
CREATE INDEX dispatch_pings_person ON dispatch_pings (person);

-- When a report nobody claimed was re-announced to the verifier chats (once).
ALTER TABLE reports ADD COLUMN unclaimed_announced_at INTEGER;

-- When a responder who said they are going expects to arrive (/going 1042 15).
ALTER TABLE acks ADD COLUMN eta_at INTEGER;
