-- 0006 keeps the desk's verdicts on findings: who judged what, when, and
-- why. Rows are only added: the latest verdict on a slot counts, and the
-- ones before it are the finding's history. finding is the finding's id
-- when the verdict was given; when the evidence changes the finding gets
-- another id, and the verdict shows as stale.
CREATE TABLE verdicts (
	id       INTEGER PRIMARY KEY,
	topic_id TEXT NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
	slot     TEXT NOT NULL CHECK (slot <> ''),
	finding  TEXT NOT NULL CHECK (finding <> ''),
	decision TEXT NOT NULL CHECK (decision IN ('confirm', 'dismiss', 'follow-up')),
	note     TEXT NOT NULL DEFAULT '',
	judge    TEXT NOT NULL DEFAULT '',
	at       TEXT NOT NULL
);
CREATE INDEX verdicts_topic ON verdicts (topic_id, slot);

-- What the last reports showed of the verdicts: their counts, and the
-- latest verdict they include, so that a verdict given since makes the
-- nightly batch report the topic again.
ALTER TABLE topic_results ADD COLUMN verdicts TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(verdicts));
ALTER TABLE topic_results ADD COLUMN verdicts_seen INTEGER NOT NULL DEFAULT 0;
