package store

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-news/crosscheck/facts"
)

func TestVerdicts(t *testing.T) { eachEngine(t, testVerdicts) }

// testVerdicts: verdicts come back in the order given, with who, when and
// why; a bad decision, no finding or an unknown topic is refused.
func testVerdicts(t *testing.T, e engine) {
	ctx := context.Background()
	db := MustOpenDB(t, e)
	db.Now = func() time.Time { return testNow }
	mustPutTopic(t, db, "ferry")
	given := []facts.Verdict{
		{Topic: "ferry", Slot: "count:boats", Finding: "f-0123456789", Decision: facts.FollowUp, Note: "call the Harbour Trust", By: "ann"},
		{Topic: "ferry", Slot: "count:boats", Finding: "f-0123456789", Decision: facts.Dismiss, Note: "it's two days' counts; not a contradiction", By: "bo"},
		{Topic: "ferry", Slot: "variant:alder", Finding: "f-9876543210", Decision: facts.Confirm, At: testNow.Add(time.Hour)},
	}
	for _, v := range given {
		if err := db.AddVerdict(ctx, v); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.Verdicts(ctx, "ferry")
	if err != nil {
		t.Fatal(err)
	}
	given[0].At, given[1].At = testNow, testNow
	if diff := cmp.Diff(given, got); diff != "" {
		t.Errorf("Verdicts (-want +got):\n%s", diff)
	}
	for _, bad := range []facts.Verdict{
		{Topic: "ferry", Slot: "x", Finding: "f-1", Decision: "maybe"},
		{Topic: "ferry", Decision: facts.Confirm},
	} {
		if err := db.AddVerdict(ctx, bad); ErrorCode(err) != EINVALID {
			t.Errorf("AddVerdict(%+v) = %v, want %s", bad, err, EINVALID)
		}
	}
	if err := db.AddVerdict(ctx, facts.Verdict{Topic: "nope", Slot: "x", Finding: "f-1", Decision: facts.Confirm}); ErrorCode(err) != ENOTFOUND {
		t.Errorf("a verdict on an unknown topic: %v, want %s", err, ENOTFOUND)
	}
}
