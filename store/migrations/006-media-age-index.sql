-- The retention sweep finds old media by age; without this index it reads through every blob.
CREATE INDEX media_created ON media (created_at);
