package main

import (
	"context"
	"io"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// TestBenchCommand runs a tiny bench so the command cannot rot: it must
// generate, run the batch twice and print every figure.
func TestBenchCommand(t *testing.T) {
	out, errOut, code := run(t, "", "bench", "--topics", "2", "--articles", "10", "--seed", "7")
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`2 topics × 10 articles = 20 articles`),
		regexp.MustCompile(`first run +\S+, \d+ articles/s +\[batch: 2 topics \(2 reported\), 20 articles read: 20 new`),
		regexp.MustCompile(`rerun 1 +\d+\.\d+ s`),
		regexp.MustCompile(`nothing to do: 2 topics, 20 articles`),
		regexp.MustCompile(`peak RSS +(\d+\.\d MB|unknown)`),
		regexp.MustCompile(`peak heap +\d+\.\d MB`),
		regexp.MustCompile(`database +\d+\.\d MB`),
	} {
		if !want.MatchString(out) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
}

// TestBenchDeterministic: the same seed generates the same inbox.
func TestBenchDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	na, sa, err := generateInbox(a, 2, 3, 42)
	if err != nil {
		t.Fatal(err)
	}
	nb, sb, err := generateInbox(b, 2, 3, 42)
	if err != nil {
		t.Fatal(err)
	}
	if na != 6 || na != nb || sa != sb {
		t.Fatalf("two generations with one seed differ: %d articles %d bytes, %d articles %d bytes", na, sa, nb, sb)
	}
	if _, _, code := run(t, "", "bench", "--dir", a, "--topics", "1", "--articles", "1"); code != exitOK {
		t.Errorf("bench --dir over its own earlier inbox: exit %d", code)
	}
	if _, errOut, code := run(t, "", "bench", "--dir", filepath.Join(repo, "seeds")); code != exitUsage || !strings.Contains(errOut, "not made by crosscheck bench") {
		t.Errorf("bench --dir over a real inbox: exit %d, %s", code, errOut)
	}
}

// BenchmarkBatch: the nightly run end to end (read, extract, store,
// compare, write reports and index) over 2 topics × 50 generated articles,
// into a fresh database each time.
//
//	go test ./cmd/crosscheck -run '^$' -bench Batch -benchmem
func BenchmarkBatch(b *testing.B) {
	inbox := b.TempDir()
	n, _, err := generateInbox(inbox, 2, 50, 1)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		work := b.TempDir()
		o := &batchOptions{
			globals: &globals{Stdout: io.Discard, Stderr: io.Discard, DBPath: filepath.Join(work, "b.db")},
			Inbox:   inbox, Out: filepath.Join(work, "out"), LogFormat: "text", Workers: runtime.NumCPU(),
		}
		b.StartTimer()
		if err := runBatch(ctx, o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}
