-- The bookkeeping of the nightly batch run as jobs on PostgreSQL
-- (queue.go). River keeps the jobs themselves in its own tables; these
-- say what a run is and what each of its topic jobs found, so that the
-- job finishing last can write the run's index and record the run, and
-- the batch that enqueued the run can print its summary.

-- One row per batch run on the queue; run is the store's run id.
CREATE TABLE IF NOT EXISTS crosscheck_batch_runs (
	run         BIGINT PRIMARY KEY,
	-- What every job of the run shares: the out folder, the limits articles
	-- are read under, the folders and topic ids of the inbox, the folders
	-- refused before any job (runPlan).
	plan        JSONB NOT NULL,
	topics      INTEGER NOT NULL CHECK (topics >= 0),
	enqueued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
	finished_at TIMESTAMPTZ
);

-- One row per topic job done: its index entry, counts and file errors
-- (topicOutcome). The first attempt to finish a topic writes it; a retry
-- of a job whose row exists keeps it.
CREATE TABLE IF NOT EXISTS crosscheck_batch_topics (
	run     BIGINT NOT NULL REFERENCES crosscheck_batch_runs (run) ON DELETE CASCADE,
	folder  TEXT COLLATE "C" NOT NULL,
	seq     INTEGER NOT NULL,
	outcome JSONB NOT NULL,
	PRIMARY KEY (run, folder)
);
