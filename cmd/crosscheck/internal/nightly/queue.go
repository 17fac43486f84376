package nightly

import (
	"context"
	_ "embed" // queue.sql
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/crosscheck-news/crosscheck/cmd/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/compare/render"
	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/store"
)

// The nightly batch on PostgreSQL is a set of jobs, one per topic folder,
// in a River queue (github.com/riverqueue/river) kept in the same
// database: any number of workers, on any machines that see the inbox and
// out folders, take them. River gives what a home-made queue would have
// to get right: jobs locked with SKIP LOCKED, unique keys, retries, and
// the rescue of jobs whose worker died. A job is the single-process
// batch's code for one topic (batcher.topic); the tables of queue.sql say
// what a run is and what each of its jobs found, so that the job that
// finishes a run's last topic writes its index and records the run.

//go:embed queue.sql
var queueSQL string

const (
	// topicJobKind names the batch's jobs in River's tables.
	topicJobKind = "crosscheck_batch_topic"
	// jobAttempts bounds the tries of a topic whose job fails (a database
	// error, a full disk): after the last, the run records the failure
	// and finishes without the topic.
	jobAttempts = 3
	// DefaultJobTimeout is how long a topic job may run unless
	// WorkOptions say otherwise. A job whose worker died is taken again
	// after twice that (River's rescuer).
	DefaultJobTimeout = 10 * time.Minute
)

// topicArgs are a topic job's arguments. River's unique key is the run
// and the folder: enqueueing a run's folder twice makes one job.
type topicArgs struct {
	Run    int64  `json:"run" river:"unique"`
	Folder string `json:"folder" river:"unique"`
	// Dir is the folder's path, as the enqueuing batch named it.
	Dir string `json:"dir"`
	// Seq is the folder's place in the inbox, the order of the index.
	Seq int `json:"seq"`
}

// Kind names the job kind to River.
func (topicArgs) Kind() string { return topicJobKind }

// InsertOpts makes the job unique per run and folder, with few attempts.
func (topicArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: jobAttempts, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// runPlan is what every job of a run shares, decided once by the batch
// that enqueues it, so that a run's jobs read the inbox as the
// single-process batch does.
type runPlan struct {
	Out  string            `json:"out"`
	Read facts.ReadOptions `json:"read"`
	// Folders maps each topic read before the run to its folder; Present
	// are the run's folder names and IDs its topic ids (renamed folders).
	Folders map[string]string `json:"folders"`
	Present []string          `json:"present"`
	IDs     []string          `json:"ids"`
	// Errors are the folders refused before any job (shared topic ids).
	Errors []store.RunError `json:"errors"`
}

// topicOutcome is what one topic job found.
type topicOutcome struct {
	Entry   *render.IndexTopic `json:"entry,omitempty"`
	Stats   Stats              `json:"stats"`
	Failure string             `json:"failure,omitempty"`
}

// queueConfig says how a process takes part in the queue.
type queueConfig struct {
	// Jobs is how many topic jobs the process works at once; 0 makes a
	// client that only enqueues.
	Jobs int
	// Workers is how many articles a job extracts in parallel.
	Workers    int
	JobTimeout time.Duration
	Log        *slog.Logger
	Stderr     io.Writer
	LogFormat  string
}

// queue is a process's handle on the batch queue.
type queue struct {
	pool   *pgxpool.Pool
	client *river.Client[pgx.Tx]
	db     *store.DB
	c      queueConfig
	id     string // River's client id, which names this process
}

// openQueue connects to the queue of the PostgreSQL database at dsn,
// creating River's tables and queue.sql's when they are missing. db is
// the store on the same database.
func openQueue(ctx context.Context, dsn string, db *store.DB, c queueConfig) (*queue, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		// pgx's message may quote the URL, password included.
		return nil, fmt.Errorf("%s is not a PostgreSQL URL crosscheck can use", store.Redact(dsn))
	}
	if cfg.ConnConfig.RuntimeParams["application_name"] == "" {
		cfg.ConnConfig.RuntimeParams["application_name"] = fmt.Sprintf("crosscheck pid %d queue", os.Getpid())
	}
	// River's producer, notifier, elector and completer each hold one;
	// each running job holds its topic's lock on one more.
	cfg.MaxConns = int32(2*c.Jobs + 6)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("queue at %s: %w", store.Redact(dsn), err)
	}
	if err := migrateQueue(ctx, pool); err != nil {
		pool.Close()
		return nil, err
	}
	host, _ := os.Hostname()
	if len(host) > 40 {
		host = host[:40]
	}
	q := &queue{pool: pool, db: db, c: c,
		id: fmt.Sprintf("crosscheck %s pid %d at %s", host, os.Getpid(), time.Now().UTC().Format("150405.000"))}
	if c.JobTimeout <= 0 {
		q.c.JobTimeout = DefaultJobTimeout
	}
	rc := &river.Config{ID: q.id, Logger: riverLogger(c.Stderr, c.LogFormat)}
	if c.Jobs > 0 {
		workers := river.NewWorkers()
		if err := river.AddWorkerSafely(workers, &topicWorker{q: q}); err != nil {
			pool.Close()
			return nil, err
		}
		rc.Workers = workers
		rc.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: c.Jobs}}
		rc.JobTimeout = q.c.JobTimeout
		rc.RescueStuckJobsAfter = 2 * q.c.JobTimeout
		rc.MaxAttempts = jobAttempts
	}
	if q.client, err = river.NewClient(riverpgxv5.New(pool), rc); err != nil {
		pool.Close()
		return nil, fmt.Errorf("queue: %w", err)
	}
	return q, nil
}

// riverLogger passes River's warnings and errors to stderr, in the run's
// log format; River would print them on stdout, which is the summary's.
func riverLogger(w io.Writer, format string) *slog.Logger {
	opts := &slog.HandlerOptions{Level: slog.LevelWarn}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// migrateQueue brings River's tables and queue.sql's up to date. Workers
// started together would race to create them: a session lock on the
// server takes them one at a time.
func migrateQueue(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	defer conn.Release()
	const key = `hashtextextended('crosscheck queue migrations ' || current_schema(), 0)`
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock(`+key+`)`); err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	defer func() {
		// A lock not released ends with the session anyway.
		_, _ = conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock(`+key+`)`)
	}()
	m, err := rivermigrate.New(riverpgxv5.New(pool), nil)
	if err != nil {
		return fmt.Errorf("queue migrations: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("queue migrations: %w", err)
	}
	if _, err := conn.Exec(ctx, queueSQL); err != nil {
		return fmt.Errorf("queue tables: %w", err)
	}
	return nil
}

// close stops nothing: the caller stops the client first.
func (q *queue) close() { q.pool.Close() }

// enqueue records a run's plan and inserts one job per topic folder, in
// one transaction: a batch killed while enqueueing leaves no half run.
func (q *queue) enqueue(ctx context.Context, run int64, plan runPlan, dirs []string) error {
	planJSON, err := json.Marshal(plan)
	if err != nil {
		return err
	}
	tx, err := q.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("enqueue: %w", err)
	}
	defer func() { _ = tx.Rollback(context.WithoutCancel(ctx)) }() // after Commit it does nothing
	if _, err := tx.Exec(ctx, `INSERT INTO crosscheck_batch_runs (run, plan, topics) VALUES ($1, $2, $3)
		ON CONFLICT (run) DO NOTHING`, run, planJSON, len(dirs)); err != nil {
		return fmt.Errorf("enqueue: %w", err)
	}
	params := make([]river.InsertManyParams, len(dirs))
	for i, d := range dirs {
		params[i] = river.InsertManyParams{Args: topicArgs{Run: run, Folder: filepath.Base(d), Dir: d, Seq: i}}
	}
	if len(params) > 0 {
		if _, err := q.client.InsertManyTx(ctx, tx, params); err != nil {
			return fmt.Errorf("enqueue: %w", err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("enqueue: %w", err)
	}
	return nil
}

// plan reads a run's plan.
func (q *queue) plan(ctx context.Context, run int64) (runPlan, error) {
	var (
		raw []byte
		p   runPlan
	)
	if err := q.pool.QueryRow(ctx, `SELECT plan FROM crosscheck_batch_runs WHERE run = $1`, run).Scan(&raw); err != nil {
		return p, fmt.Errorf("run %d: %w", run, err)
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return p, fmt.Errorf("run %d: plan: %w", run, err)
	}
	return p, nil
}

// topicWorker works the batch's topic jobs.
type topicWorker struct {
	river.WorkerDefaults[topicArgs]
	q *queue
}

// Work brings one topic folder up to date, records what it found and,
// when it was the run's last topic, finishes the run. Running it again
// for the same run and folder changes nothing: the store upserts, an
// unchanged article is not saved again, and the first recorded outcome
// of a topic stays.
func (w *topicWorker) Work(ctx context.Context, job *river.Job[topicArgs]) error {
	q, a := w.q, job.Args
	unlock, ok, err := q.lockFolder(ctx, a.Folder)
	if err != nil {
		return err
	}
	if !ok {
		// A job of another run is working this folder: wait for it
		// rather than interleave two runs' writes to one topic.
		return river.JobSnooze(2 * time.Second)
	}
	defer unlock()
	// A retry of a job whose run another job finished still works its
	// topic: it may have died before marking the topic's changes
	// reported, and working an up-to-date topic writes nothing.
	plan, err := q.plan(ctx, a.Run)
	if err != nil {
		return err
	}
	var out topicOutcome
	b := q.batcher(plan)
	entry, err := b.topic(ctx, a.Dir, &out.Stats)
	switch {
	case err != nil && job.Attempt < job.MaxAttempts:
		return err // River tries it again
	case err != nil:
		out.Failure = fmt.Sprintf("topic folder %s: %v", a.Dir, err)
		b.log.Error("topic failed; the run goes on without it", "dir", a.Dir, "attempts", job.Attempt, "error", err)
		// The last attempt may have run out of time: its failure is
		// recorded all the same, or the run would never finish.
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
		defer cancel()
	default:
		out.Entry = entry
	}
	last, err := q.record(ctx, a, out)
	if err != nil {
		return err
	}
	// Marked after the outcome is recorded: a job that dies between
	// the two is done again and finds the same changes to report.
	if len(b.reported) > 0 {
		if err := q.db.MarkAllReported(ctx, b.reported); err != nil {
			return err
		}
	}
	if last {
		if err := q.finishRun(ctx, a.Run, plan); err != nil {
			return err
		}
	}
	if out.Failure != "" {
		return river.JobCancel(errors.New(out.Failure))
	}
	return nil
}

// batcher is the single-process batch's state for one job of a run.
func (q *queue) batcher(plan runPlan) *batcher {
	o := &Options{Read: plan.Read, Out: plan.Out, Workers: q.c.Workers}
	b := &batcher{o: o, db: q.db, log: q.c.Log, progress: &progress{},
		folders: plan.Folders, present: map[string]bool{}, runIDs: map[string]bool{}, adopted: map[string]bool{}}
	if b.folders == nil {
		b.folders = map[string]string{}
	}
	for _, f := range plan.Present {
		b.present[f] = true
	}
	for _, id := range plan.IDs {
		b.runIDs[id] = true
	}
	return b
}

// lockFolder takes a session lock on the server for a topic folder, so
// that jobs of two runs never work one topic at once. The server drops
// it when the worker dies.
func (q *queue) lockFolder(ctx context.Context, folder string) (unlock func(), ok bool, err error) {
	conn, err := q.pool.Acquire(ctx)
	if err != nil {
		return nil, false, err
	}
	const key = `hashtextextended('crosscheck topic folder ' || current_schema() || '/' || $1, 0)`
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock(`+key+`)`, folder).Scan(&ok); err != nil || !ok {
		conn.Release()
		return nil, false, err
	}
	return func() {
		if _, err := conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock(`+key+`)`, folder); err != nil {
			// A lock that could not be released dies with its session.
			_ = conn.Conn().Close(context.Background())
		}
		conn.Release()
	}, true, nil
}

// record stores a topic's outcome, unless an earlier attempt did, and
// says whether every topic of the run is now recorded. The run's row is
// locked meanwhile, so that of two jobs finishing together exactly one
// sees the run complete.
func (q *queue) record(ctx context.Context, a topicArgs, out topicOutcome) (last bool, err error) {
	raw, err := json.Marshal(out)
	if err != nil {
		return false, err
	}
	err = pgx.BeginFunc(ctx, q.pool, func(tx pgx.Tx) error {
		var topics, done int
		if err := tx.QueryRow(ctx, `SELECT topics FROM crosscheck_batch_runs WHERE run = $1 FOR UPDATE`, a.Run).Scan(&topics); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO crosscheck_batch_topics (run, folder, seq, outcome) VALUES ($1, $2, $3, $4)
			ON CONFLICT (run, folder) DO NOTHING`, a.Run, a.Folder, a.Seq, raw); err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM crosscheck_batch_topics WHERE run = $1`, a.Run).Scan(&done); err != nil {
			return err
		}
		last = done >= topics
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("record topic %s of run %d: %w", a.Folder, a.Run, err)
	}
	return last, nil
}

// runOutcome is a run put together from its topics' outcomes.
type runOutcome struct {
	stats   Stats
	entries []render.IndexTopic
	failure error
}

// outcome gathers a run's recorded topics, in inbox order, as the
// single-process batch counts them.
func (q *queue) outcome(ctx context.Context, run int64, plan runPlan) (runOutcome, error) {
	var r runOutcome
	r.stats.Errors = append(r.stats.Errors, plan.Errors...)
	rows, err := q.pool.Query(ctx, `SELECT outcome FROM crosscheck_batch_topics WHERE run = $1 ORDER BY seq, folder`, run)
	if err != nil {
		return r, err
	}
	outs, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (topicOutcome, error) {
		var raw []byte
		var o topicOutcome
		if err := row.Scan(&raw); err != nil {
			return o, err
		}
		return o, json.Unmarshal(raw, &o)
	})
	if err != nil {
		return r, fmt.Errorf("run %d: %w", run, err)
	}
	var failures []string
	for _, o := range outs {
		s := &r.stats
		s.Topics += o.Stats.Topics
		s.Reported += o.Stats.Reported
		s.Seen += o.Stats.Seen
		s.New += o.Stats.New
		s.Changed += o.Stats.Changed
		s.Unchanged += o.Stats.Unchanged
		s.Gone += o.Stats.Gone
		s.Errors = append(s.Errors, o.Stats.Errors...)
		if o.Entry != nil {
			r.entries = append(r.entries, *o.Entry)
		}
		if o.Failure != "" {
			failures = append(failures, o.Failure)
		}
	}
	sort.Strings(failures)
	if len(failures) > 0 {
		r.failure = errors.New(failures[0])
		if len(failures) > 1 {
			r.failure = fmt.Errorf("%s (and %d more topics failed)", failures[0], len(failures)-1)
		}
	}
	return r, nil
}

// finishRun does what the single-process batch does once its topics are
// done: write the index when a topic was reported, files could not be
// read or there is none yet, and record the run. Whichever job finishes
// a run's last topic calls it; a second call (a retried job) writes the
// same index again, atomically, and records nothing new.
func (q *queue) finishRun(ctx context.Context, run int64, plan runPlan) error {
	r, err := q.outcome(ctx, run, plan)
	if err != nil {
		return err
	}
	st := r.stats
	// A run into the same out folder enqueued later (a batch
	// --enqueue-only while this run's last jobs waited) writes the index:
	// this run's would be older.
	var newest bool
	if err := q.pool.QueryRow(ctx, `SELECT NOT EXISTS (SELECT 1 FROM crosscheck_batch_runs
		WHERE run > $1 AND plan->>'out' = $2)`, run, plan.Out).Scan(&newest); err != nil {
		return fmt.Errorf("run %d: %w", run, err)
	}
	// Unlike a single-process run, a run with a failed topic still
	// writes its index: the other topics' changes are marked reported
	// already, and the index is where they are listed.
	if newest {
		// Workers write into out all the time, so only the temporary
		// files no job can still be writing go: older than a job may
		// run before it is taken again.
		removeStaleTemps(plan.Out, 2*q.c.JobTimeout)
	}
	if newest && (st.Reported > 0 || len(st.Errors) > 0 || !exists(filepath.Join(plan.Out, "index.html"))) {
		if err := writeIndex(plan.Out, r.entries, st, time.Now()); err != nil {
			return err
		}
	}
	tag, err := q.pool.Exec(ctx, `UPDATE crosscheck_batch_runs SET finished_at = now() WHERE run = $1 AND finished_at IS NULL`, run)
	if err != nil {
		return fmt.Errorf("run %d: %w", run, err)
	}
	if tag.RowsAffected() == 0 {
		return nil // recorded by an earlier attempt
	}
	return pipeline.FinishRun(ctx, q.db, run, store.RunResult{
		Seen: st.Seen, New: st.New, Changed: st.Changed, Unchanged: st.Unchanged, Errors: st.Errors,
	}, r.failure)
}

// settle finishes the runs whose jobs are all over (completed, cancelled
// or discarded) but that no job finished: a job River gave up on without
// recording its topic (its workers died on each attempt), or the last
// one dying after its record and before finishing the run. The topics
// never recorded count as failed. Every process working the queue calls
// it now and then; two at once finish a run once.
func (q *queue) settle(ctx context.Context) error {
	rows, err := q.pool.Query(ctx, `SELECT r.run FROM crosscheck_batch_runs r
		WHERE r.finished_at IS NULL AND NOT EXISTS (SELECT 1 FROM river_job j
			WHERE j.kind = $1 AND (j.args->>'run')::bigint = r.run
			AND j.state NOT IN ('completed', 'cancelled', 'discarded'))`, topicJobKind)
	if err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	runs, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	for _, run := range runs {
		plan, err := q.plan(ctx, run)
		if err != nil {
			return err
		}
		_, err = q.pool.Exec(ctx, `INSERT INTO crosscheck_batch_topics (run, folder, seq, outcome)
			SELECT $1, j.args->>'folder', (j.args->>'seq')::int,
				jsonb_build_object('failure', 'topic folder ' || (j.args->>'dir') || ': its job ended without finishing (' || j.state::text || ' after ' || j.attempt::text || ' attempts)')
			FROM river_job j WHERE j.kind = $2 AND (j.args->>'run')::bigint = $1
			ON CONFLICT (run, folder) DO NOTHING`, run, topicJobKind)
		if err != nil {
			return fmt.Errorf("queue: run %d: %w", run, err)
		}
		if err := q.finishRun(ctx, run, plan); err != nil {
			return err
		}
	}
	return nil
}

// idle reports whether no batch job is waiting or running.
func (q *queue) idle(ctx context.Context) (bool, error) {
	var n int
	err := q.pool.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE kind = $1
		AND state IN ('available', 'pending', 'retryable', 'running', 'scheduled')`, topicJobKind).Scan(&n)
	return n == 0, err
}

// work takes jobs until ctx ends or until done says to stop, checked
// every poll, then stops taking jobs and lets the running ones finish.
func (q *queue) work(ctx context.Context, poll time.Duration, done func(context.Context) (bool, error)) error {
	// Started apart from ctx: an interrupt stops taking jobs below and
	// lets the running ones finish, instead of cancelling them.
	if err := q.client.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	var (
		err     error
		settled time.Time
	)
	for ctx.Err() == nil {
		var stop bool
		if stop, err = done(ctx); err != nil {
			break
		}
		// Now and then, and before leaving: settling scans the run's jobs.
		if stop || time.Since(settled) >= 5*time.Second {
			if err = q.settle(ctx); err != nil {
				break
			}
			settled = time.Now()
		}
		if stop {
			break
		}
		select {
		case <-ctx.Done():
		case <-time.After(poll):
		}
	}
	// Running jobs finish (their topics are whole) before the process
	// ends; a second interrupt is the shell's to give.
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), q.c.JobTimeout)
	defer cancel()
	if serr := q.client.Stop(sctx); serr != nil && err == nil && ctx.Err() == nil {
		err = fmt.Errorf("queue: stop: %w", serr)
	}
	if err == nil {
		err = ctx.Err()
	}
	return err
}

// runQueued is the batch on PostgreSQL: it enqueues one job per topic
// folder and, unless o.EnqueueOnly, works the queue with any other
// workers until the run is done, then returns what the single-process
// batch returns.
func runQueued(ctx context.Context, o *Options, log *slog.Logger, topicDirs []string) (Result, error) {
	db, err := pipeline.OpenDB(ctx, o.DB)
	if err != nil {
		return Result{}, err
	}
	defer db.Close()
	jobs := 0
	if !o.EnqueueOnly {
		jobs = 2
	}
	q, err := openQueue(ctx, o.DB, db, queueConfig{Jobs: jobs, Workers: o.Workers, Log: log, Stderr: o.Stderr, LogFormat: o.LogFormat})
	if err != nil {
		return Result{}, err
	}
	defer q.close()
	runID, err := db.StartRun(ctx, "batch", o.Version)
	if err != nil {
		return Result{}, err
	}
	start := time.Now()
	plan := runPlan{Out: o.Out, Read: o.Read}
	if plan.Folders, err = db.TopicFolders(ctx); err != nil {
		return Result{}, err
	}
	for _, d := range topicDirs {
		plan.Present = append(plan.Present, filepath.Base(d))
	}
	topicDirs, ids, refused := refuseSharedIDs(topicDirs)
	for id := range ids {
		plan.IDs = append(plan.IDs, id)
	}
	sort.Strings(plan.IDs)
	plan.Errors = refused
	for _, e := range refused {
		log.Error("topic skipped", "dir", e.File, "error", e.Message)
	}
	if err := q.enqueue(ctx, runID, plan, topicDirs); err != nil {
		// Recording the run as failed is best effort: the enqueue error is
		// the one to report.
		_ = pipeline.FinishRun(ctx, db, runID, store.RunResult{}, err)
		return Result{}, err
	}
	if len(topicDirs) == 0 {
		// No job will finish the run: finish it here.
		if err := q.finishRun(ctx, runID, plan); err != nil {
			return Result{}, err
		}
	}
	if o.EnqueueOnly {
		return Result{Enqueued: true, Run: runID, Jobs: len(topicDirs)}, nil
	}
	err = q.work(ctx, 200*time.Millisecond, func(ctx context.Context) (bool, error) {
		var finished bool
		err := q.pool.QueryRow(ctx, `SELECT finished_at IS NOT NULL FROM crosscheck_batch_runs WHERE run = $1`, runID).Scan(&finished)
		return finished, err
	})
	if err != nil {
		return Result{}, err
	}
	r, err := q.outcome(ctx, runID, plan)
	if err != nil {
		return Result{}, err
	}
	if r.failure != nil {
		return Result{}, r.failure
	}
	return Result{Stats: r.stats, Topics: r.entries, Elapsed: time.Since(start)}, nil
}
