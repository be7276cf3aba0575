-- Verification and dispatch: report lifecycle, approvals, audit log, responder acknowledgements.

ALTER TABLE reports ADD COLUMN zones TEXT NOT NULL DEFAULT '[]';     -- JSON list of zone ids
ALTER TABLE reports ADD COLUMN lat REAL;                              -- best-known point, for duplicate hints
ALTER TABLE reports ADD COLUMN lng REAL;
ALTER TABLE reports ADD COLUMN claimed_by TEXT;                       -- verifier (platform:id)
ALTER TABLE reports ADD COLUMN incident INTEGER;                      -- set when merged into another report
ALTER TABLE reports ADD COLUMN report_count INTEGER NOT NULL DEFAULT 1;
ALTER TABLE reports ADD COLUMN note TEXT;                             -- the confirming verifier's note
ALTER TABLE reports ADD COLUMN confirmed_at INTEGER;
ALTER TABLE reports ADD COLUMN closed_at INTEGER;
ALTER TABLE reports ADD COLUMN last_update_at INTEGER;
ALTER TABLE reports ADD COLUMN update_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN reply_address TEXT;                    -- sealed; kept only while the report is open
ALTER TABLE reports ADD COLUMN relay_open INTEGER NOT NULL DEFAULT 0;

-- Distinct enrolled verifiers who approved a report.
CREATE TABLE approvals (
  report   INTEGER NOT NULL REFERENCES reports (number) ON DELETE CASCADE,
  verifier TEXT    NOT NULL,
  at       INTEGER NOT NULL,
  PRIMARY KEY (report, verifier)
) WITHOUT ROWID;

-- Every verification action and every refused attempt: who (a verifier's stable id, or a
-- pseudonym for anyone not enrolled), what, when.
CREATE TABLE audit (
  id     INTEGER PRIMARY KEY,
  at     INTEGER NOT NULL,
  actor  TEXT    NOT NULL,
  action TEXT    NOT NULL,
  report INTEGER,
  detail TEXT
);
CREATE INDEX audit_report ON audit (report);

-- Responders who said they are going (pseudonyms).
CREATE TABLE acks (
  incident  INTEGER NOT NULL,
  responder TEXT    NOT NULL,
  at        INTEGER NOT NULL,
  PRIMARY KEY (incident, responder)
) WITHOUT ROWID;
