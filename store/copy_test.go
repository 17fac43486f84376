package store

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/store/storetest"
	"github.com/google/go-cmp/cmp"
)

// storeState is everything a command can read back of one topic and of
// the runs, for comparing two stores.
type storeState struct {
	Counts   map[string]int
	Topic    TopicRecord
	Snap     Snapshot
	Pending  []Change
	Result   TopicResult
	Stamps   map[string]FileStamp
	Runs     []RunRecord
	Version  []any
	Verdicts []facts.Verdict
}

func readState(t *testing.T, db *DB, topic string) storeState {
	t.Helper()
	ctx := context.Background()
	var s storeState
	var err error
	if s.Counts, err = db.Counts(ctx); err != nil {
		t.Fatal(err)
	}
	if s.Topic, err = db.Topic(ctx, topic); err != nil {
		t.Fatal(err)
	}
	if s.Snap, err = db.TopicSnapshot(ctx, topic); err != nil {
		t.Fatal(err)
	}
	if s.Pending, err = db.PendingChanges(ctx, topic); err != nil {
		t.Fatal(err)
	}
	if s.Result, _, err = db.TopicResultOf(ctx, topic); err != nil {
		t.Fatal(err)
	}
	if s.Stamps, err = db.FileStamps(ctx, topic); err != nil {
		t.Fatal(err)
	}
	if s.Runs, err = db.Runs(ctx, 0); err != nil {
		t.Fatal(err)
	}
	if s.Verdicts, err = db.Verdicts(ctx, topic); err != nil {
		t.Fatal(err)
	}
	old, err := db.VersionFacts(ctx, topic, "a1", 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range old {
		s.Version = append(s.Version, f)
	}
	return s
}

// TestCopyTo: a store copied from SQLite to PostgreSQL and back answers
// every read as the original did (versions, change log, runs, stamps,
// results), and a copy into a database that holds topics is refused.
func TestCopyTo(t *testing.T) {
	storetest.Admin(t)
	ctx := context.Background()
	src := MustOpenDB(t, sqliteEngine)
	src.Now = func() time.Time { return testNow }
	mustPutTopic(t, src, "ferry")
	mustSave(t, src, "ferry", fullArticle("a1", "h1"), owned("ferry", "a1", fullFact("date:lede", 0), fullFact("count:boats", 10)), SaveResult{Status: New, Version: 1})
	mustSave(t, src, "ferry", fullArticle("a1", "h2"), owned("ferry", "a1", fullFact("date:lede", 0)), SaveResult{Status: Changed, Version: 2})
	mustSave(t, src, "ferry", fullArticle("a2", "h3"), owned("ferry", "a2", fullFact("entity:alder", 4)), SaveResult{Status: New, Version: 1})
	run, err := src.StartRun(ctx, "batch", "test")
	if err != nil {
		t.Fatal(err)
	}
	if err := src.FinishRun(ctx, run, RunResult{Status: "partial", Seen: 3, New: 2, Changed: 1, Errors: []RunError{{File: "x.txt", Message: "binary"}}}); err != nil {
		t.Fatal(err)
	}
	if err := src.PutFileStamps(ctx, "ferry", []FileStamp{{ArticleID: "a1", Size: 10, MTimeNS: 99, Hash: "h2"}}); err != nil {
		t.Fatal(err)
	}
	pending, err := src.PendingChanges(ctx, "ferry")
	if err != nil || len(pending) == 0 {
		t.Fatalf("pending %v, %v", pending, err)
	}
	sum, _ := json.Marshal(map[string]int{"agree": 2})
	if err := src.MarkReported(ctx, "ferry", pending[1].ID, TopicResult{TopicID: "ferry", Summary: sum, Contradictions: []string{"count:boats"}}); err != nil {
		t.Fatal(err)
	}
	for _, d := range []facts.Decision{facts.Confirm, facts.Dismiss} {
		if err := src.AddVerdict(ctx, facts.Verdict{Topic: "ferry", Slot: "count:boats", Finding: "f-0123456789", Decision: d, Note: "called the port", By: "ann"}); err != nil {
			t.Fatal(err)
		}
	}
	want := readState(t, src, "ferry")

	pg := MustOpenDB(t, postgresEngine)
	if _, err := src.CopyTo(ctx, pg); err != nil {
		t.Fatalf("copy to PostgreSQL: %v", err)
	}
	if diff := cmp.Diff(want, readState(t, pg, "ferry")); diff != "" {
		t.Errorf("PostgreSQL copy reads differently (-sqlite +postgres):\n%s", diff)
	}
	back := MustOpenDB(t, sqliteEngine)
	if _, err := pg.CopyTo(ctx, back); err != nil {
		t.Fatalf("copy back to SQLite: %v", err)
	}
	if diff := cmp.Diff(want, readState(t, back, "ferry")); diff != "" {
		t.Errorf("copy back reads differently (-first +back):\n%s", diff)
	}
	// The copy's counters go on past the copied rows.
	mustSave(t, pg, "ferry", fullArticle("a3", "h4"), owned("ferry", "a3", fullFact("date:lede", 0)), SaveResult{Status: New, Version: 1})
	if _, err := src.CopyTo(ctx, pg); ErrorCode(err) != EINVALID {
		t.Errorf("a copy into a database with topics: err = %v, want %s", err, EINVALID)
	}
}
