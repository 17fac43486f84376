// Command crosscheck compares how several news articles report one story:
// where outlets agree, omit, differ in nuance or spelling, or contradict
// each other, with the sentence behind every claim.
//
// Exit codes:
//
//	0  success
//	1  failure (a file could not be written, the database failed, …);
//	   for eval, also: an expectation missed or a contradiction was a false alarm
//	2  usage error (unknown flag, missing argument, bad --format)
//	3  partial: the run finished but skipped input files it could not read
//	   (for eval: story folders without expect.json)
//	130 interrupted (Ctrl-C or SIGTERM): work already saved is kept and a
//	   rerun finishes the rest
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	// A write past the file size limit (ulimit -f) raises SIGXFSZ, whose
	// default action ends a process without a word. The Go runtime
	// already ignores it (TestFaults checks the result); saying so here
	// keeps it true whatever the runtime does: the write fails with EFBIG,
	// SQLite rolls the transaction back and the run ends with an error
	// line, as on a full disk.
	signal.Ignore(syscall.SIGXFSZ)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
