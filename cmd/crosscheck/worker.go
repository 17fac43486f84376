package main

import (
	"context"
	"fmt"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/crosscheck-news/crosscheck/cmd/crosscheck/internal/nightly"
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
	cmd.Flags().DurationVar(&o.JobTimeout, "job-timeout", nightly.DefaultJobTimeout, "longest a topic job may run; a dead worker's job is retried after twice this")
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
	o.logJSON = o.LogFormat == "json"
	idle, err := nightly.Work(ctx, nightly.WorkOptions{DB: o.DBPath, Jobs: o.Jobs, Workers: o.Workers, JobTimeout: o.JobTimeout,
		UntilIdle: o.UntilIdle, Stderr: o.Stderr, LogFormat: o.LogFormat})
	if err != nil {
		return err
	}
	if idle {
		fmt.Fprintln(o.Stdout, "worker: no job waiting or running")
	}
	return nil
}
