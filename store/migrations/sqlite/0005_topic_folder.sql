-- 0005 remembers which inbox folder a topic was last read from, so that
-- the nightly batch can keep a topic on its index when the folder's topic
-- file breaks, and keep a topic's history when its folder is renamed.
-- Empty for topics put by check and ingest, which read no inbox.
ALTER TABLE topics ADD COLUMN folder TEXT NOT NULL DEFAULT '';
CREATE INDEX topics_folder ON topics (folder) WHERE folder <> '';
