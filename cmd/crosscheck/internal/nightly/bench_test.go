package nightly

import (
	"context"
	"io"
	"path/filepath"
	"runtime"
	"testing"
)

// TestGenerateInboxDeterministic: the same seed generates the same inbox.
func TestGenerateInboxDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	na, sa, err := GenerateInbox(a, 2, 3, 42)
	if err != nil {
		t.Fatal(err)
	}
	nb, sb, err := GenerateInbox(b, 2, 3, 42)
	if err != nil {
		t.Fatal(err)
	}
	if na != 6 || na != nb || sa != sb {
		t.Fatalf("two generations with one seed differ: %d articles %d bytes, %d articles %d bytes", na, sa, nb, sb)
	}
}

// BenchmarkBatch: the nightly run end to end (read, extract, store,
// compare, write reports and index) over 2 topics × 50 generated articles,
// into a fresh database each time.
//
//	go test ./cmd/crosscheck/internal/nightly -run '^$' -bench Batch -benchmem
func BenchmarkBatch(b *testing.B) {
	inbox := b.TempDir()
	n, _, err := GenerateInbox(inbox, 2, 50, 1)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		work := b.TempDir()
		o := Options{DB: filepath.Join(work, "b.db"), Inbox: inbox, Out: filepath.Join(work, "out"),
			Stderr: io.Discard, LogFormat: "text", Workers: runtime.NumCPU()}
		b.StartTimer()
		if _, err := Run(ctx, o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}
