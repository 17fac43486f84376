package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/crosscheck-news/crosscheck/cmd/crosscheck/internal/nightly"
	"github.com/crosscheck-news/crosscheck/cmd/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/compare/render"
	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/store"
)

// Exit codes; see the package comment.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
	exitPartial = 3
	// exitInterrupted is the shell's code for a run stopped by SIGINT:
	// what was committed stays, and a rerun finishes the rest.
	exitInterrupted = 130
)

// usageError marks errors in how the command was called; Main prints the
// usage hint and exits 2.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// errPartial is returned when a run finished but skipped bad inputs; each
// has already been named on stderr. It is the batch's (nightly), so that
// every command's partial run exits alike.
var errPartial = nightly.ErrPartial

// globals are the flags and streams every command shares.
type globals struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	DBPath         string
	NoColor        bool
	// Color is decided once from the terminal, NO_COLOR and --no-color.
	isTerminal func() bool
	// Read are the article size limits of the commands that read
	// articles (--max-article-size); see addReadFlags.
	Read facts.ReadOptions
	// logJSON makes Main's closing error line a JSON log line too, for a
	// command whose log is JSON (batch --log-format json).
	logJSON bool
}

// openDB opens the store at the --db path.
func (g *globals) openDB(ctx context.Context) (*store.DB, error) {
	return pipeline.OpenDB(ctx, g.DBPath)
}

// openExistingDB opens the store at the --db path for a command that only
// reads: the database must exist.
func (g *globals) openExistingDB(ctx context.Context) (*store.DB, error) {
	db, err := store.OpenExisting(ctx, g.DBPath)
	if c := store.ErrorCode(err); c == store.ENOTFOUND || c == store.EINVALID {
		// A --db that names no crosscheck database is how the command
		// was called, like an unknown topic.
		return nil, &usageError{errors.New(store.ErrorMessage(err))}
	}
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", store.Redact(g.DBPath), err)
	}
	return db, nil
}

// renderOptions decides colour: only on a terminal, never with NO_COLOR
// set or --no-color, never for TERM=dumb.
func (g *globals) renderOptions() render.Options {
	color := !g.NoColor && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb" && g.isTerminal != nil && g.isTerminal()
	return render.Options{Color: color, Width: 100}
}

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

// defaultDB is ./crosscheck.db unless CROSSCHECK_DB says otherwise: a
// path, or a postgres:// URL for a shared server.
func defaultDB() string {
	if p := os.Getenv("CROSSCHECK_DB"); p != "" {
		return p
	}
	return "crosscheck.db"
}

func newRootCmd(g *globals) *cobra.Command {
	root := &cobra.Command{
		Use:   "crosscheck",
		Short: "Compare how news outlets report one story, fact by fact, with evidence",
		Long: `crosscheck reads several articles on one story, extracts the facts each states
(with the sentence that states it), stores them by topic (in a SQLite file, or
a PostgreSQL database given as --db postgres://...), and shows
where outlets agree, leave something out, differ in nuance or spelling, or
contradict each other.

A topic file (topic.yaml) names the story's entities and the fact slots to
compare; see docs/topics.md.`,
		Example: `  # Read a folder with a topic.yaml and its articles, compare, print:
  crosscheck check seeds

  # The same as JSON, into a file:
  crosscheck check seeds --format json > seeds.json

  # Step by step, with a database of your choice:
  crosscheck --db desk.db ingest testdata/ferry
  crosscheck --db desk.db compare --topic selkie-ferry-fire`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&g.DBPath, "db", defaultDB(), "SQLite database `path`, or postgres://user@host/db (env CROSSCHECK_DB)")
	root.PersistentFlags().BoolVar(&g.NoColor, "no-color", false, "never colour the output (NO_COLOR is honoured too)")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return &usageError{err} })
	root.AddCommand(
		newCheckCmd(g),
		newIngestCmd(g),
		newTopicsCmd(g),
		newFactsCmd(g),
		newCompareCmd(g),
		newSuggestCmd(g),
		newReportCmd(g),
		newBatchCmd(g),
		newWorkerCmd(g),
		newBenchCmd(g),
		newEvalCmd(g),
		newMigrateCmd(g),
		newVerdictCmd(g),
		newVerdictsCmd(g),
		newServeCmd(g),
		newClaimReviewCmd(g),
	)
	return root
}

// Main runs crosscheck with args and returns the exit code.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	g := &globals{Stdin: stdin, Stdout: stdout, Stderr: stderr, isTerminal: func() bool { return isTerminal(stdout) }}
	root := newRootCmd(g)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return exitOK
	}
	say := func(msg string, code int) int {
		if g.logJSON {
			slog.New(slog.NewJSONHandler(stderr, nil)).Error(msg, "exit", code)
		} else {
			fmt.Fprintln(stderr, "crosscheck: "+msg)
		}
		return code
	}
	var ue *usageError
	switch {
	case ctx.Err() != nil && errors.Is(err, context.Canceled):
		return say("interrupted; rerun to finish", exitInterrupted)
	case errors.Is(err, errPartial):
		return say(err.Error(), exitPartial)
	case errors.As(err, &ue) || errors.Is(err, nightly.ErrUsage) || isCobraUsage(err):
		fmt.Fprintln(stderr, "crosscheck: "+err.Error())
		if cmd != nil {
			fmt.Fprintf(stderr, "Run '%s --help' for usage.\n", cmd.CommandPath())
		}
		return exitUsage
	case store.ErrorCode(err) != "" && store.ErrorCode(err) != store.EINTERNAL:
		return say(store.ErrorMessage(err), exitFailure)
	default:
		return say(err.Error(), exitFailure)
	}
}

// isCobraUsage recognises cobra's own argument errors, which are plain
// errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	return strings.HasPrefix(msg, "unknown command") || strings.HasPrefix(msg, "accepts ") ||
		strings.HasPrefix(msg, "requires at least") || strings.HasPrefix(msg, "unknown flag") ||
		strings.HasPrefix(msg, "unknown shorthand flag")
}

// isTerminal reports whether w is a terminal. Asking the terminal driver,
// not the file mode: /dev/null is a character device too, and a batch
// run with 2>/dev/null drew its progress bar there (a window-size query
// and a sync per article).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	return term.IsTerminal(int(f.Fd()))
}
