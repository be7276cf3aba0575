-- The WhatsApp session (Baileys' creds and signal keys) of the linked device, one row per
-- (type, id): type `creds` holds the account credentials, every other row one key of a Baileys
-- key type ('pre-key', 'session', 'sender-key', 'app-state-sync-key', 'lid-mapping',
-- 'device-list', 'tctoken', ... and whatever types later versions add).
-- - `id` is a keyed hash of Baileys' key id: those ids contain phone numbers and LIDs of the
--   people the bot talked to, and keys are only ever looked up by exact id.
-- - `value` is the key's JSON (Buffers kept by Baileys' BufferJSON), sealed with the network's
--   secret (AES-256-GCM): the database alone cannot be used to impersonate the account.
-- Wiped when WhatsApp logs the device out, or by `centinela whatsapp link --force`.
CREATE TABLE whatsapp_auth (
  type  TEXT NOT NULL,
  id    TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (type, id)
) WITHOUT ROWID;
