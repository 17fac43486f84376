package store

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestRuns(t *testing.T) { eachEngine(t, testRuns) }

func testRuns(t *testing.T, e engine) {
	ctx := context.Background()
	db := MustOpenDB(t, e)
	clock := testNow
	db.Now = func() time.Time { clock = clock.Add(time.Second); return clock }

	first, err := db.StartRun(ctx, "ingest", "v0.1.0")
	if err != nil {
		t.Fatal(err)
	}
	second, err := db.StartRun(ctx, "compare", "v0.1.1")
	if err != nil {
		t.Fatal(err)
	}
	result := RunResult{
		Status: "partial", Seen: 7, New: 3, Changed: 2, Unchanged: 1,
		Errors: []RunError{
			{File: "b.html", Message: "no body found"},
			{File: "a.txt", Message: "invalid UTF-8"},
		},
	}
	if err := db.FinishRun(ctx, first, result); err != nil {
		t.Fatal(err)
	}

	got, err := db.Runs(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []RunRecord{
		{ID: second, Command: "compare", Version: "v0.1.1", StartedAt: testNow.Add(2 * time.Second), Status: "running"},
		{
			ID: first, Command: "ingest", Version: "v0.1.0",
			StartedAt: testNow.Add(time.Second), FinishedAt: testNow.Add(3 * time.Second),
			Status: "partial", Seen: 7, New: 3, Changed: 2, Unchanged: 1,
			Errors: result.Errors,
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Runs(0) mismatch (-want +got):\n%s", diff)
	}
	if n := count(t, db, `SELECT errors FROM runs WHERE id = ?`, first); n != 2 {
		t.Errorf("runs.errors = %d, want 2", n)
	}

	limited, err := db.Runs(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want[:1], limited); diff != "" {
		t.Errorf("Runs(1) mismatch (-want +got):\n%s", diff)
	}

	for _, tt := range []struct {
		name string
		id   int64
		r    RunResult
		code string
	}{
		{"finished twice", first, RunResult{Status: "ok"}, ECONFLICT},
		{"unknown run", 4242, RunResult{Status: "ok"}, ENOTFOUND},
		{"empty status", second, RunResult{}, EINVALID},
		{"negative count", second, RunResult{Status: "ok", Seen: -1}, EINVALID},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := db.FinishRun(ctx, tt.id, tt.r); ErrorCode(err) != tt.code {
				t.Errorf("FinishRun error = %v, want code %s", err, tt.code)
			}
		})
	}
	// The failed FinishRun calls left the second run running.
	if got, _ := db.Runs(ctx, 1); got[0].Status != "running" || !got[0].FinishedAt.IsZero() {
		t.Errorf("failed FinishRun changed the run: %+v", got[0])
	}
}
