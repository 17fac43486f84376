package compare

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-news/crosscheck/facts"
)

func findingTopic() *facts.Topic {
	return &facts.Topic{ID: "ferry", Slots: []facts.Slot{{ID: "boats", Kind: facts.KindCount, Label: "Boats"}}}
}

func boatFact(article, value, sentence string, start int) facts.Fact {
	return facts.Fact{Topic: "ferry", Article: article, Slot: "boats", Kind: facts.KindCount, Value: value,
		Surface: value, Span: facts.Span{Start: start, End: start + len(value)}, Sentence: sentence,
		SentenceSpan: facts.Span{Start: start - 4, End: start - 4 + len(sentence)}, Attribution: facts.Asserted}
}

// TestFindingIDs: an id stays when only offsets move, and changes when
// the evidence does (a value, a sentence, an article that stops stating).
func TestFindingIDs(t *testing.T) {
	arts := []facts.Article{{ID: "a", Text: "x"}, {ID: "b", Text: "y"}}
	id := func(fs ...facts.Fact) string {
		return Compare(findingTopic(), arts, fs).Facts[0].ID
	}
	base := id(boatFact("a", "12", "Now 12 boats.", 10), boatFact("b", "14", "Then 14 boats.", 20))
	for _, c := range []struct {
		name string
		fs   []facts.Fact
		same bool
	}{
		{"offsets moved", []facts.Fact{boatFact("a", "12", "Now 12 boats.", 110), boatFact("b", "14", "Then 14 boats.", 220)}, true},
		{"another value", []facts.Fact{boatFact("a", "12", "Now 12 boats.", 10), boatFact("b", "15", "Then 14 boats.", 20)}, false},
		{"sentence edited", []facts.Fact{boatFact("a", "12", "Now 12 boats left.", 10), boatFact("b", "14", "Then 14 boats.", 20)}, false},
		{"one article drops it", []facts.Fact{boatFact("a", "12", "Now 12 boats.", 10)}, false},
	} {
		if got := id(c.fs...); (got == base) != c.same {
			t.Errorf("%s: id %s, base %s; same = %v, want %v", c.name, got, base, got == base, c.same)
		}
	}
	if len(base) != len("f-0123456789") || base[:2] != "f-" {
		t.Errorf("id %q: want f- and 10 hex digits", base)
	}
}

// TestApplyVerdicts: the latest verdict on a slot shows on its finding,
// stale when given on other evidence; counts follow.
func TestApplyVerdicts(t *testing.T) {
	arts := []facts.Article{{ID: "a", Text: "x"}, {ID: "b", Text: "y"}}
	res := Compare(findingTopic(), arts, []facts.Fact{boatFact("a", "12", "Now 12 boats.", 10), boatFact("b", "14", "Then 14 boats.", 20)})
	id := res.Facts[0].ID
	at := time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)
	ApplyVerdicts(&res, []facts.Verdict{
		{Topic: "ferry", Slot: "boats", Finding: id, Decision: facts.Confirm, By: "ann", At: at},
		{Topic: "ferry", Slot: "boats", Finding: id, Decision: facts.Dismiss, Note: "two counts of two days", By: "ann", At: at},
		{Topic: "other", Slot: "boats", Finding: id, Decision: facts.Confirm, At: at},
	})
	want := &VerdictView{Decision: facts.Dismiss, Note: "two counts of two days", By: "ann", At: "2026-11-29T08:00:00Z"}
	if diff := cmp.Diff(want, res.Facts[0].Verdict); diff != "" {
		t.Errorf("verdict (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(Verdicts{Dismissed: 1}, res.Verdicts); diff != "" {
		t.Errorf("counts (-want +got):\n%s", diff)
	}
	ApplyVerdicts(&res, []facts.Verdict{{Topic: "ferry", Slot: "boats", Finding: "f-0000000000", Decision: facts.Dismiss, At: at}})
	if v := res.Facts[0].Verdict; v == nil || !v.Stale || v.Finding != "f-0000000000" || !v.Open() {
		t.Errorf("a verdict on other evidence: %+v, want stale and open", v)
	}
	if slot, _, ok := FindingSlot(res, id); !ok || slot != "boats" {
		t.Errorf("FindingSlot(%s) = %q, %v", id, slot, ok)
	}
}
