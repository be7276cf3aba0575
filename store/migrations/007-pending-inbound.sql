-- Messages with photos, recorded before their photos are cleaned in the background: a redelivery
-- is recognised before anything is decoded, and a crash never loses the message's text. The
-- message is sealed with the secret (it holds the sender and the text); file bytes are never
-- stored here. A row is deleted when its message is handled, normally within seconds.
CREATE TABLE pending_inbound (
  message_key TEXT PRIMARY KEY,
  platform TEXT NOT NULL,
  message TEXT NOT NULL,
  received_at INTEGER NOT NULL
);
