package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/spf13/cobra"

	"github.com/crosscheck-news/crosscheck/store"
)

// workerOptions are the flags of "crosscheck worker".
type workerOptions struct {
	*globals
	Jobs       int
	Workers    int
	JobTimeout time.Duration
	UntilIdle  bool
	LogFormat  string
}

func newWorkerCmd(g *globals) *cobra.Command {
	o := &workerOptions{globals: g}
	cmd := &cobra.Command{
		Use:   "worker --db postgres://...",
		Short: "Take the nightly batch's topic jobs from the queue on a PostgreSQL server",
		Long: `worker takes the jobs 'crosscheck batch' enqueues on a PostgreSQL database,
one per topic folder, and brings each topic up to date as the batch would:
read, extract, store, compare, write its reports. Any number of workers, on
any machines, may run at once; each must see the inbox and out folders at the
paths the batch was given. The job that finishes a run's last topic writes
its index.html and records the run.

A job whose worker dies is taken again by another once it has been running
for twice --job-timeout; jobs are idempotent, so a topic done twice is
stored and reported once. A worker runs until interrupted (Ctrl-C or
SIGTERM: it finishes the jobs it holds, then exits), or with --until-idle
until no job is waiting or running. See docs/nightly.md.`,
		Example: `  crosscheck --db postgres://desk@db.example/crosscheck worker
  crosscheck --db postgres://desk@db.example/crosscheck worker --jobs 4 --until-idle`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runWorker(cmd.Context(), o) },
	}
	cmd.Flags().IntVar(&o.Jobs, "jobs", 2, "topic jobs worked at once")
	cmd.Flags().IntVar(&o.Workers, "workers", runtime.NumCPU(), "articles a job extracts in parallel")
	cmd.Flags().DurationVar(&o.JobTimeout, "job-timeout", defaultJobTimeout, "longest a topic job may run; a dead worker's job is retried after twice this")
	cmd.Flags().BoolVar(&o.UntilIdle, "until-idle", false, "exit once no batch job is waiting or running")
	cmd.Flags().StringVar(&o.LogFormat, "log-format", "text", "log `format` on stderr: text or json")
	return cmd
}

func runWorker(ctx context.Context, o *workerOptions) error {
	switch {
	case !store.IsPostgres(o.DBPath):
		return usagef("worker needs a PostgreSQL --db (postgres://...): on SQLite 'crosscheck batch' runs in one process")
	case o.LogFormat != "text" && o.LogFormat != "json":
		return usagef("--log-format %q: want text or json", o.LogFormat)
	case o.Jobs < 1:
		return usagef("--jobs %d: want at least 1", o.Jobs)
	case o.JobTimeout <= 0:
		return usagef("--job-timeout %s: want a positive duration", o.JobTimeout)
	}
	if o.Workers < 1 {
		o.Workers = 1
	}
	o.logJSON = o.LogFormat == "json"
	// As for the batch (runBatch): collect less often, under a soft cap.
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(256 << 20))
	}
	log := newLogger(o.Stderr, o.LogFormat)
	db, err := o.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	q, err := openQueue(ctx, o.DBPath, db, queueConfig{Jobs: o.Jobs, Workers: o.Workers, JobTimeout: o.JobTimeout,
		Log: log, Stderr: o.Stderr, LogFormat: o.LogFormat})
	if err != nil {
		return err
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
			return nil
		}
		return err
	}
	log.Info("worker stopped", "id", q.id)
	if o.UntilIdle {
		fmt.Fprintln(o.Stdout, "worker: no job waiting or running")
	}
	return nil
}
