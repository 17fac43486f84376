-- 0001_init creates the schema: topics, the versioned articles of each
-- topic, the facts extracted from each article version, and a log of runs.
-- Timestamps are UTC text in a fixed-width format so they sort as text.

-- topics keeps the topic file itself (source) so articles can be
-- re-extracted when the file changes without needing the file on disk, and
-- its hash so an unchanged file is recognised cheaply.
CREATE TABLE topics (
	id         TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
	title      TEXT NOT NULL DEFAULT '',
	hash       TEXT NOT NULL,
	source     BLOB,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);

-- articles keeps every version of an article that was ever ingested, so a
-- changed article can be compared with what was said before; current marks
-- the one version that counts now. The text is stored because the facts'
-- offsets point into it and re-extraction must not depend on the file.
CREATE TABLE articles (
	rowid       INTEGER PRIMARY KEY,
	topic_id    TEXT NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
	article_id  TEXT NOT NULL CHECK (article_id <> ''),
	version     INTEGER NOT NULL CHECK (version >= 1),
	current     INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)),
	file        TEXT NOT NULL DEFAULT '',
	hash        TEXT NOT NULL CHECK (hash <> ''),
	title       TEXT NOT NULL DEFAULT '',
	outlet      TEXT NOT NULL DEFAULT '',
	wire        TEXT NOT NULL DEFAULT '',
	byline      TEXT NOT NULL DEFAULT '',
	published   TEXT NOT NULL DEFAULT '',
	url         TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL DEFAULT '',
	body        TEXT NOT NULL DEFAULT 'null' CHECK (json_valid(body)),
	title_start INTEGER NOT NULL DEFAULT 0 CHECK (title_start >= 0),
	title_end   INTEGER NOT NULL DEFAULT 0 CHECK (title_end >= title_start),
	ingested_at TEXT NOT NULL,
	UNIQUE (topic_id, article_id, version)
);

-- articles_current both serves "current version of (topic, article)"
-- lookups and guarantees there is never more than one current version.
CREATE UNIQUE INDEX articles_current ON articles (topic_id, article_id) WHERE current = 1;

-- facts belong to one article version; replacing or deleting the version
-- takes its facts with it.
CREATE TABLE facts (
	id             INTEGER PRIMARY KEY,
	article_rowid  INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
	slot           TEXT NOT NULL CHECK (slot <> ''),
	kind           TEXT NOT NULL CHECK (kind <> ''),
	value          TEXT NOT NULL DEFAULT '',
	surface        TEXT NOT NULL DEFAULT '',
	start          INTEGER NOT NULL CHECK (start >= 0),
	"end"          INTEGER NOT NULL CHECK ("end" >= start),
	sentence       TEXT NOT NULL DEFAULT '',
	sentence_start INTEGER NOT NULL DEFAULT 0 CHECK (sentence_start >= 0),
	sentence_end   INTEGER NOT NULL DEFAULT 0 CHECK (sentence_end >= sentence_start),
	attribution    TEXT NOT NULL DEFAULT '',
	source         TEXT NOT NULL DEFAULT '',
	aspect         TEXT NOT NULL DEFAULT '',
	negated        INTEGER NOT NULL DEFAULT 0 CHECK (negated IN (0, 1)),
	background     INTEGER NOT NULL DEFAULT 0 CHECK (background IN (0, 1)),
	extractor      TEXT NOT NULL DEFAULT ''
);

CREATE INDEX facts_article_slot ON facts (article_rowid, slot);

-- runs records each invocation that ingested articles, so a desk can see
-- when the store last changed and what went wrong.
CREATE TABLE runs (
	id                 INTEGER PRIMARY KEY,
	command            TEXT NOT NULL,
	version            TEXT NOT NULL DEFAULT '',
	started_at         TEXT NOT NULL,
	finished_at        TEXT,
	status             TEXT NOT NULL CHECK (status <> ''),
	articles_seen      INTEGER NOT NULL DEFAULT 0 CHECK (articles_seen >= 0),
	articles_new       INTEGER NOT NULL DEFAULT 0 CHECK (articles_new >= 0),
	articles_changed   INTEGER NOT NULL DEFAULT 0 CHECK (articles_changed >= 0),
	articles_unchanged INTEGER NOT NULL DEFAULT 0 CHECK (articles_unchanged >= 0),
	errors             INTEGER NOT NULL DEFAULT 0 CHECK (errors >= 0)
);

CREATE TABLE run_errors (
	id      INTEGER PRIMARY KEY,
	run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
	file    TEXT NOT NULL DEFAULT '',
	message TEXT NOT NULL DEFAULT ''
);

CREATE INDEX run_errors_run ON run_errors (run_id);
