-- 0004 lets a batch skip unchanged files without reading them: the size
-- and modification time a file had when its content hash was last taken.
-- It is a cache: a stamp counts only while its hash is the hash of the
-- article's current version, and a missing or stale stamp only costs a
-- read.
CREATE TABLE file_stamps (
	topic_id   TEXT NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
	article_id TEXT NOT NULL CHECK (article_id <> ''),
	size       INTEGER NOT NULL,
	mtime_ns   INTEGER NOT NULL,
	hash       TEXT NOT NULL,
	PRIMARY KEY (topic_id, article_id)
);
