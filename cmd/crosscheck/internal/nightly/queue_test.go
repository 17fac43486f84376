package nightly

import (
	"context"
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck-news/crosscheck/store/storetest"
)

// TestEnqueueTwice: enqueueing a run's topic folders again, as a batch
// killed after enqueueing and run again with the same run would, makes no
// second job and no second run row: River's unique key is the run and the
// folder.
func TestEnqueueTwice(t *testing.T) {
	pg := storetest.FreshSchema(t)
	ctx := context.Background()
	inbox := t.TempDir()
	for _, folder := range []string{"harbour-fees", "port-alder-ferry"} {
		dir := filepath.Join(inbox, folder)
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		text := "Governor June Ellis met the Harbour Trust in Port Alder on Monday, March 2, 2026.\n"
		if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Run(ctx, Options{DB: pg, Inbox: inbox, Out: t.TempDir(), EnqueueOnly: true,
		Stderr: io.Discard, LogFormat: "text", Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Enqueued || res.Jobs != 2 {
		t.Fatalf("Run enqueued %+v, want 2 jobs", res)
	}
	dirs, err := inboxTopics(inbox)
	if err != nil {
		t.Fatal(err)
	}
	q, err := openQueue(ctx, pg, nil, queueConfig{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.close()
	if err := q.enqueue(ctx, res.Run, runPlan{}, dirs); err != nil {
		t.Fatal(err)
	}
	admin, err := sql.Open("pgx", pg)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	for query, want := range map[string]int{
		`SELECT count(*) FROM river_job`:             2,
		`SELECT count(*) FROM crosscheck_batch_runs`: 1,
	} {
		var n int
		if err := admin.QueryRow(query).Scan(&n); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		if n != want {
			t.Errorf("%s after enqueueing the run twice: %d, want %d", query, n, want)
		}
	}
}
