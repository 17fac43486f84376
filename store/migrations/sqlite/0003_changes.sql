-- 0003 lets the nightly batch know what changed since it last wrote a
-- topic's reports, and what those reports said.

-- changes logs every new, changed or removed article version and every
-- change of a topic file, in the same transaction as the change itself.
-- reported turns 1 once a batch has written the topic's reports; a batch
-- that dies before that leaves the rows pending, so the next run redoes
-- the reports.
CREATE TABLE changes (
	id         INTEGER PRIMARY KEY,
	topic_id   TEXT NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
	article_id TEXT NOT NULL DEFAULT '',
	kind       TEXT NOT NULL CHECK (kind IN ('new', 'changed', 'removed', 'topic')),
	version    INTEGER NOT NULL DEFAULT 0 CHECK (version >= 0),
	reported   INTEGER NOT NULL DEFAULT 0 CHECK (reported IN (0, 1)),
	at         TEXT NOT NULL
);
CREATE INDEX changes_pending ON changes (topic_id) WHERE reported = 0;

-- topic_results keeps what the last reports of each topic said, so the
-- next run can tell new contradictions from resolved ones.
CREATE TABLE topic_results (
	topic_id       TEXT PRIMARY KEY NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
	summary        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(summary)),
	contradictions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(contradictions)),
	updated_at     TEXT NOT NULL
);
