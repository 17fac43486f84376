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

// batchOptions are the flags of "crosscheck batch".
type batchOptions struct {
	*globals
	Inbox     string
	Out       string
	Wait      time.Duration
	FailOn    string
	LogFormat string
	Workers   int
	// EnqueueOnly: on PostgreSQL, enqueue the run's jobs and leave them
	// to workers instead of also working them.
	EnqueueOnly bool
}

func newBatchCmd(g *globals) *cobra.Command {
	o := &batchOptions{globals: g}
	cmd := &cobra.Command{
		Use:   "batch --inbox DIR --out DIR",
		Short: "Bring every topic of an inbox up to date: ingest, compare, write reports and an index",
		Long: `batch is the nightly run. The inbox holds one folder per topic (its topic.yaml
and its articles; articles may be added, changed or deleted between runs). Only
new or changed articles are read into the database (by content hash), deleted
ones are retired, and a topic is compared and its reports (HTML, Markdown,
JSON) rewritten only when something in it changed. The out folder also gets
index.html, topics by severity with what changed since the last run.

Running it twice in a row does nothing the second time and says so. One batch
runs per database at a time; a second one exits with a message, or waits with
--wait. A batch killed at any moment leaves the database consistent, and the
next run finishes its work.

With a PostgreSQL --db the run is a set of jobs, one per topic folder, in a
queue kept on the server: batch enqueues them and works them itself until
the run is done, and any number of 'crosscheck worker' processes, on any
machines that see the inbox and out folders, take them too. With
--enqueue-only it exits once they are enqueued (docs/nightly.md).

Exit codes: 0 done, 1 failure (or --fail-on contradiction with a topic in
contradiction), 2 usage, 3 partial (some files could not be read; each is
recorded in the run and named in the log).`,
		Example: `  crosscheck batch --inbox /srv/desk/inbox --out /srv/desk/reports
  crosscheck --db /srv/desk/desk.db batch --inbox inbox --out reports --log-format json
  crosscheck batch --inbox inbox --out reports --wait 10m --fail-on contradiction
  crosscheck --db postgres://desk@db.example/crosscheck batch --inbox /srv/inbox --out /srv/reports --enqueue-only`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runBatch(cmd.Context(), o) },
	}
	cmd.Flags().StringVar(&o.Inbox, "inbox", "", "inbox `folder`: one sub-folder per topic (required)")
	cmd.Flags().StringVar(&o.Out, "out", "", "report `folder` (required)")
	cmd.Flags().DurationVar(&o.Wait, "wait", 0, "wait up to this `duration` for a running batch to finish")
	cmd.Flags().StringVar(&o.FailOn, "fail-on", "", "exit 1 when any topic has a `status`: contradiction")
	cmd.Flags().StringVar(&o.LogFormat, "log-format", "text", "log `format` on stderr: text or json")
	addReadFlags(cmd, g)
	cmd.Flags().IntVar(&o.Workers, "workers", runtime.NumCPU(), "articles extracted in parallel")
	cmd.Flags().BoolVar(&o.EnqueueOnly, "enqueue-only", false, "PostgreSQL only: enqueue one job per topic folder and exit, leaving them to 'crosscheck worker'")
	return cmd
}

func runBatch(ctx context.Context, o *batchOptions) error {
	switch {
	case o.Inbox == "" || o.Out == "":
		return usagef("--inbox and --out are required")
	case o.FailOn != "" && o.FailOn != "contradiction":
		return usagef("--fail-on %q: only contradiction is supported", o.FailOn)
	case o.LogFormat != "text" && o.LogFormat != "json":
		return usagef("--log-format %q: want text or json", o.LogFormat)
	case o.EnqueueOnly && !store.IsPostgres(o.DBPath):
		return usagef("--enqueue-only needs a PostgreSQL --db (postgres://...): on SQLite the batch runs in one process")
	}
	o.logJSON = o.LogFormat == "json"
	opts := nightly.Options{DB: o.DBPath, Inbox: o.Inbox, Out: o.Out, Wait: o.Wait, Workers: o.Workers, Read: o.Read,
		EnqueueOnly: o.EnqueueOnly, Stderr: o.Stderr, LogFormat: o.LogFormat, Version: version()}
	if o.LogFormat != "json" && isTerminal(o.Stderr) {
		opts.Progress = o.Stderr
	}
	res, err := nightly.Run(ctx, opts)
	if err != nil {
		return err
	}
	fmt.Fprintln(o.Stdout, res.Summary())
	if res.Enqueued {
		return nil
	}
	if err := res.Err(); err != nil {
		return err
	}
	if o.FailOn == "contradiction" {
		for _, e := range res.Topics {
			if e.Summary.Contradiction > 0 {
				return fmt.Errorf("topic %s has %d contradictions (--fail-on contradiction)", e.ID, e.Summary.Contradiction)
			}
		}
	}
	return nil
}
