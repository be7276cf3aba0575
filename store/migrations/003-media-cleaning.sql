-- Media cleaning: whether a file's bytes are the metadata-free re-encoding (photos) or the file as
-- received (video, HEIC: location data may still be inside). Only cleaned files ever leave the
-- verifier chat. Rows from before this migration count as not cleaned (fail closed).
ALTER TABLE media ADD COLUMN cleaned INTEGER NOT NULL DEFAULT 0;
