package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/crosscheck-news/crosscheck/cmd/crosscheck/internal/nightly"
)

// benchOptions are the flags of "crosscheck bench".
type benchOptions struct {
	*globals
	Topics, Articles int
	Seed             uint64
	Dir              string
	KeepDB           bool
	CPUProfile       string
	MemProfile       string
	Reruns           int
	Workers          int
}

func newBenchCmd(g *globals) *cobra.Command {
	o := &benchOptions{globals: g}
	cmd := &cobra.Command{
		Use:   "bench [--topics N] [--articles M]",
		Short: "Measure the nightly batch on a generated inbox: articles/s, rerun time, peak memory",
		Long: `bench generates an inbox of N topic folders of M articles each, written in
the language of the seed story (a leader's visit, bases, a withdrawal, which
visit it is, quotes, numbers) with names, places, dates, counts and quotes
varied from article to article, and a topic.yaml with four slots per topic.
Generation is deterministic for a --seed.

It then runs the real batch (read, extract, store, compare, write reports)
into a fresh database and out folder, once from scratch and --reruns times
again with nothing changed, and prints the figures: articles/s of the first
run end to end, seconds of each rerun, peak resident memory (VmHWM) of the
batch runs, the peak Go heap sampled during them, and the database size.

The --db flag is not used: the database lives in a temporary folder, removed
afterwards unless --keep-db. Nothing touches the network.`,
		Example: `  crosscheck bench
  crosscheck bench --topics 400 --articles 50 --cpuprofile cpu.pprof
  go tool pprof -top crosscheck cpu.pprof`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runBench(cmd.Context(), o) },
	}
	f := cmd.Flags()
	f.IntVar(&o.Topics, "topics", 20, "`N` topic folders to generate")
	f.IntVar(&o.Articles, "articles", 50, "`M` articles per topic")
	f.Uint64Var(&o.Seed, "seed", 1, "generation `seed`; the same seed gives the same inbox")
	f.StringVar(&o.Dir, "dir", "", "generate the inbox into this `folder` and keep it (default: a temporary folder, removed)")
	f.BoolVar(&o.KeepDB, "keep-db", false, "keep the database and the reports; their folder is printed")
	f.StringVar(&o.CPUProfile, "cpuprofile", "", "write a CPU profile of the batch runs to `file`")
	f.StringVar(&o.MemProfile, "memprofile", "", "write a heap profile (allocations and live heap) after the first run to `file`")
	f.IntVar(&o.Reruns, "reruns", 1, "no-change reruns to time after the first run")
	f.IntVar(&o.Workers, "workers", runtime.NumCPU(), "batch --workers")
	return cmd
}

func runBench(ctx context.Context, o *benchOptions) error {
	switch {
	case o.Topics < 1 || o.Articles < 1:
		return usagef("--topics and --articles must be at least 1")
	case o.Reruns < 0:
		return usagef("--reruns must not be negative")
	}
	if o.Workers < 1 {
		o.Workers = 1
	}
	fig, err := nightly.Bench(ctx, nightly.BenchOptions{Topics: o.Topics, Articles: o.Articles, Seed: o.Seed, Dir: o.Dir,
		KeepDB: o.KeepDB, CPUProfile: o.CPUProfile, MemProfile: o.MemProfile, Reruns: o.Reruns, Workers: o.Workers,
		Version: version()})
	if err != nil {
		return err
	}
	printBench(o.Stdout, o, fig)
	if o.KeepDB {
		fmt.Fprintf(o.Stdout, "kept: database %s, reports %s\n", fig.DB, fig.Reports)
	}
	return nil
}

// printBench prints what a bench measured, one figure a line.
func printBench(w io.Writer, o *benchOptions, f nightly.BenchFigures) {
	mb := func(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }
	fmt.Fprintf(w, "crosscheck bench: %d topics × %d articles = %d articles, seed %d, %d workers, %d CPUs, %s\n",
		o.Topics, o.Articles, f.Articles, o.Seed, o.Workers, runtime.NumCPU(), runtime.Version())
	fmt.Fprintf(w, "  %-14s %s in %s\n", "inbox", mb(f.InboxBytes), f.Generate.Round(time.Millisecond))
	fmt.Fprintf(w, "  %-14s %s, %.0f articles/s  [%s]\n", "first run", f.First.Round(time.Millisecond),
		float64(f.Articles)/f.First.Seconds(), f.FirstLine)
	for i, d := range f.Reruns {
		fmt.Fprintf(w, "  %-14s %.3f s\n", fmt.Sprintf("rerun %d", i+1), d.Seconds())
	}
	if f.RerunLine != "" {
		fmt.Fprintf(w, "  %-14s [%s]\n", "", f.RerunLine)
	}
	rss := "unknown (no /proc/self/status)"
	if f.PeakRSS > 0 {
		rss = mb(f.PeakRSS) + " (VmHWM"
		if f.RSSReset {
			rss += ", batch runs only)"
		} else {
			rss += ", whole process)"
		}
	}
	fmt.Fprintf(w, "  %-14s %s\n", "peak RSS", rss)
	fmt.Fprintf(w, "  %-14s %s (Go heap in objects, garbage not yet collected included; sampled every 10ms)\n", "peak heap", mb(int64(f.PeakHeap)))
	fmt.Fprintf(w, "  %-14s %s allocated in the first run, %d GCs\n", "allocations", mb(int64(f.TotalAlloc)), f.NumGC)
	fmt.Fprintf(w, "  %-14s %s (with WAL)\n", "database", mb(f.DBBytes))
	fmt.Fprintf(w, "  %-14s %s\n", "reports", mb(f.ReportBytes))
}
