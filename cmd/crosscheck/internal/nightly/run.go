package nightly

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/crosscheck-news/crosscheck/cmd/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/compare/render"
	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/store"
)

// Options say what a nightly run reads, where it writes and how it logs:
// the batch command's flags.
type Options struct {
	// DB is the store: a SQLite file's path, or a postgres:// URL, on
	// which the run is a set of jobs (Work).
	DB string
	// Inbox holds one folder per topic; Out gets the reports and index.html.
	Inbox, Out string
	// Wait is how long to wait for a batch already running on DB (0: not
	// at all).
	Wait time.Duration
	// Workers is how many articles are extracted in parallel; fewer than
	// 1 counts as 1.
	Workers int
	// Read are the article size limits.
	Read facts.ReadOptions
	// EnqueueOnly, on PostgreSQL, enqueues the run's jobs and returns,
	// leaving them to workers instead of also working them.
	EnqueueOnly bool
	// Stderr gets the log, as text or JSON lines (LogFormat "json").
	Stderr    io.Writer
	LogFormat string
	// Progress is where a progress bar of the articles is drawn, or nil
	// for none: a terminal someone watches, never a log.
	Progress io.Writer
	// Version is the crosscheck version recorded with the run.
	Version string
}

// Stats count a run's work. They are also each topic job's record on the
// queue (JSON), so their fields keep their names.
type Stats struct {
	Topics, Reported                    int
	Seen, New, Changed, Unchanged, Gone int
	Errors                              []store.RunError
}

// Result is what a finished run did, for the command to print and to
// choose its exit code from.
type Result struct {
	// Stats count the run's topics and articles; Stats.Errors are the
	// files and folders that could not be read, each already logged.
	Stats Stats
	// Topics are the index's rows, in inbox order.
	Topics []render.IndexTopic
	// Elapsed is how long the run took from its start in the store.
	Elapsed time.Duration
	// Enqueued says the run's jobs were only enqueued (EnqueueOnly): Run
	// is the run's id and Jobs how many topic jobs wait for workers.
	Enqueued bool
	Run      int64
	Jobs     int
}

// Run brings every topic folder of o.Inbox up to date: new and changed
// articles are read into the store (by content hash), deleted ones
// retired, and a topic that changed is compared and its reports (HTML,
// Markdown, JSON) rewritten in o.Out, with index.html. One run holds the
// database's batch lock at a time (waiting up to o.Wait). On PostgreSQL
// the run is a set of jobs on the store's queue, worked here and by any
// Work; with o.EnqueueOnly it returns once they are enqueued.
//
// A run killed at any moment leaves the store consistent and the next
// one finishes its work. Files that cannot be read do not stop the run:
// they are logged and listed in the result (see Result.Err). An inbox
// that holds articles but no topic folders is an ErrUsage.
func Run(ctx context.Context, o Options) (Result, error) {
	if o.Workers < 1 {
		o.Workers = 1
	}
	defer lessGC()()
	log := newLogger(o.Stderr, o.LogFormat)
	topicDirs, err := inboxTopics(o.Inbox)
	if err != nil {
		return Result{}, err
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return Result{}, fmt.Errorf("out folder: %w", err)
	}
	lock, err := lockBatch(ctx, o.DB, o.Wait)
	if err != nil {
		return Result{}, err
	}
	defer lock.unlock()
	if store.IsPostgres(o.DB) {
		// On a server the run is a set of jobs that any number of
		// workers take (queue.go).
		return runQueued(ctx, &o, log, topicDirs)
	}
	// Under the lock no other batch writes to out: temporary files left
	// there belong to a batch that was killed mid-write.
	removeStaleTemps(o.Out, 0)
	db, err := pipeline.OpenDB(ctx, o.DB)
	if err != nil {
		return Result{}, err
	}
	defer db.Close()
	runID, err := db.StartRun(ctx, "batch", o.Version)
	if err != nil {
		return Result{}, err
	}
	start := time.Now()
	b := &batcher{o: &o, db: db, log: log, present: map[string]bool{}, adopted: map[string]bool{}}
	if b.folders, err = db.TopicFolders(ctx); err != nil {
		return Result{}, err
	}
	for _, d := range topicDirs {
		b.present[filepath.Base(d)] = true
	}
	var st Stats
	topicDirs, b.runIDs, st.Errors = refuseSharedIDs(topicDirs)
	for _, e := range st.Errors {
		log.Error("topic skipped", "dir", e.File, "error", e.Message)
	}
	b.progress = newProgress(&o, topicDirs)
	entries, runErr := b.topics(ctx, topicDirs, &st)
	b.progress.finish()
	// The index is rewritten when a topic was reported, when files could
	// not be read (it lists them), or when there is none yet.
	if runErr == nil && (st.Reported > 0 || len(st.Errors) > 0 || !exists(filepath.Join(o.Out, "index.html"))) {
		runErr = writeIndex(o.Out, entries, st, time.Now())
	}
	// The topics' changes are marked reported only once the index that
	// lists them is written, all in one transaction: a run killed before
	// leaves them pending, and the next run reports them and writes an
	// index that says what changed, instead of finding nothing to do and
	// leaving a stale index.
	if runErr == nil && len(b.reported) > 0 {
		runErr = db.MarkAllReported(ctx, b.reported)
	}
	if err := pipeline.FinishRun(ctx, db, runID, store.RunResult{
		Seen: st.Seen, New: st.New, Changed: st.Changed, Unchanged: st.Unchanged, Errors: st.Errors,
	}, runErr); err != nil && runErr == nil {
		runErr = err
	}
	if runErr != nil {
		return Result{}, runErr
	}
	return Result{Stats: st, Topics: entries, Elapsed: time.Since(start)}, nil
}

// lessGC makes the collector run less often, under a soft memory cap,
// unless the environment says otherwise, and returns what restores it. A
// batch allocates about a megabyte per article and keeps little of it
// alive (one topic at a time), so at the default GOGC=100 the collector
// ran every few megabytes and took a third of the run
// (docs/performance.md).
func lessGC() (restore func()) {
	var undo []func()
	if os.Getenv("GOGC") == "" {
		old := debug.SetGCPercent(400)
		undo = append(undo, func() { debug.SetGCPercent(old) })
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		old := debug.SetMemoryLimit(256 << 20)
		undo = append(undo, func() { debug.SetMemoryLimit(old) })
	}
	return func() {
		for i := len(undo) - 1; i >= 0; i-- {
			undo[i]()
		}
	}
}

// Summary is a finished run's closing line: what it did, or that there
// was nothing to do, or which jobs it enqueued.
func (r Result) Summary() string {
	st, elapsed := r.Stats, r.Elapsed
	switch {
	case r.Enqueued:
		return fmt.Sprintf("batch: run %d enqueued: %d topic jobs; 'crosscheck worker' takes them", r.Run, r.Jobs)
	case st.New+st.Changed+st.Gone == 0 && st.Reported == 0:
		return fmt.Sprintf("nothing to do: %d topics, %d articles, none changed since the last run (%s)",
			st.Topics, st.Seen, elapsed.Round(time.Millisecond))
	default:
		return fmt.Sprintf("batch: %d topics (%d reported), %d articles read: %d new, %d changed, %d removed, %d unchanged, %d skipped (%s, %.0f articles/s)",
			st.Topics, st.Reported, st.Seen, st.New, st.Changed, st.Gone, st.Unchanged, len(st.Errors),
			elapsed.Round(time.Millisecond), float64(st.Seen)/elapsed.Seconds())
	}
}

// Err is a finished run's outcome as an error: one wrapping ErrPartial
// when files could not be read, else nil.
func (r Result) Err() error {
	if len(r.Stats.Errors) > 0 {
		return fmt.Errorf("%d files could not be read: %w", len(r.Stats.Errors), ErrPartial)
	}
	return nil
}

// newLogger logs to stderr as text or JSON lines (log/slog).
func newLogger(w io.Writer, format string) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}
