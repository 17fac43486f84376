package nightly

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/crosscheck-news/crosscheck/cmd/crosscheck/internal/pipeline"
)

// WorkOptions say how a worker takes part in the queue: the worker
// command's flags.
type WorkOptions struct {
	// DB is the PostgreSQL store (a postgres:// URL) whose queue the
	// jobs are on.
	DB string
	// Jobs is how many topic jobs are worked at once; the worker command
	// refuses fewer than 1.
	Jobs int
	// Workers is how many articles a job extracts in parallel.
	Workers int
	// JobTimeout is the longest a topic job may run; a dead worker's job
	// is taken again after twice this. 0: DefaultJobTimeout.
	JobTimeout time.Duration
	// UntilIdle stops the worker once no batch job is waiting or running.
	UntilIdle bool
	// Stderr gets the log, as text or JSON lines (LogFormat "json").
	Stderr    io.Writer
	LogFormat string
}

// Work takes the topic jobs Run enqueues on a PostgreSQL store and brings
// each topic up to date as the single-process batch would; the job that
// finishes a run's last topic writes its index and records the run. It
// works until ctx ends (it then finishes the jobs it holds and returns
// nil) or, with UntilIdle, until no job is waiting or running, when idle
// is true.
func Work(ctx context.Context, o WorkOptions) (idle bool, err error) {
	if o.Workers < 1 {
		o.Workers = 1
	}
	// As for the batch (Run): collect less often, under a soft cap.
	defer lessGC()()
	log := newLogger(o.Stderr, o.LogFormat)
	db, err := pipeline.OpenDB(ctx, o.DB)
	if err != nil {
		return false, err
	}
	defer db.Close()
	q, err := openQueue(ctx, o.DB, db, queueConfig{Jobs: o.Jobs, Workers: o.Workers, JobTimeout: o.JobTimeout,
		Log: log, Stderr: o.Stderr, LogFormat: o.LogFormat})
	if err != nil {
		return false, err
	}
	defer q.close()
	log.Info("worker started", "id", q.id, "jobs", o.Jobs)
	poll := time.Second
	done := func(context.Context) (bool, error) { return false, nil }
	if o.UntilIdle {
		poll = 250 * time.Millisecond
		done = q.idle
	}
	if err := q.work(ctx, poll, done); err != nil {
		if ctx.Err() != nil && errors.Is(err, context.Canceled) {
			// Ctrl-C or SIGTERM is how a worker is stopped; the jobs it
			// held are finished.
			log.Info("worker stopped", "id", q.id)
			return false, nil
		}
		return false, err
	}
	log.Info("worker stopped", "id", q.id)
	return o.UntilIdle, nil
}
