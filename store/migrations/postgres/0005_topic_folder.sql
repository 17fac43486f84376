-- 0005 remembers which inbox folder a topic was last read from; see
-- migrations/sqlite/0005_topic_folder.sql.
ALTER TABLE topics ADD COLUMN folder TEXT COLLATE "C" NOT NULL DEFAULT '';
CREATE INDEX topics_folder ON topics (folder) WHERE folder <> '';
