-- 0004 lets a batch skip unchanged files without reading them; see
-- migrations/sqlite/0004_file_stamps.sql. Size and mtime are 64-bit.
CREATE TABLE file_stamps (
	topic_id   TEXT COLLATE "C" NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
	article_id TEXT COLLATE "C" NOT NULL CHECK (article_id <> ''),
	size       BIGINT NOT NULL,
	mtime_ns   BIGINT NOT NULL,
	hash       TEXT COLLATE "C" NOT NULL,
	PRIMARY KEY (topic_id, article_id)
);
