package compare

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-news/crosscheck/facts"
)

// entityFact is an entity fact as the extractor gives it: its label says
// the kind ("person: Jane Roe").
func entityFact(article, kind, name string) facts.Fact {
	return facts.Fact{
		Topic: "t", Article: article, Slot: "entity:" + facts.NameKey(name), Kind: facts.KindEntity,
		Label: kind + ": " + name, Value: name, Surface: name, Extractor: "entity",
	}
}

// TestQuoteSpeakerRules checks when one remark credited to two speakers
// is a contradiction: only two different persons, each named, and
// neither rendering a short fragment of the other.
func TestQuoteSpeakerRules(t *testing.T) {
	long := "Depending on the tide, passengers may need to wait at the pier for several hours before boarding"
	longer := "Depending on the tide, passengers may need to wait at the pier for several hours before boarding, and we ask them to be patient with the crews"
	type want struct {
		Status  Status
		Why     string
		Speaker bool // a speaker difference is shown
	}
	cases := []struct {
		name string
		fs   []facts.Fact
		want want
	}{
		{"two persons: contradiction", []facts.Fact{
			quoteFact("a1", "Jane Roe", long, 10), quoteFact("a2", "John Hale", long, 10),
			entityFact("a1", "person", "Jane Roe"), entityFact("a2", "person", "John Hale"),
		}, want{Contradiction, "the same remark credited to Jane Roe and John Hale", true}},
		{"person and the body she speaks for: compatible", []facts.Fact{
			quoteFact("a1", "Jane Roe", long, 10), quoteFact("a2", "Harbour Trust", long, 10),
			entityFact("a1", "person", "Jane Roe"), entityFact("a1", "organisation", "Harbour Trust"),
			entityFact("a2", "organisation", "Harbour Trust"),
		}, want{Nuance, "credited to Jane Roe and to Harbour Trust, not both known to be persons (a body and someone speaking for it are compatible)", true}},
		{"a speaker the entity finder does not know is no person", []facts.Fact{
			quoteFact("a1", "Jane Roe", long, 10), quoteFact("a2", "Alder Shipping", long, 10),
			entityFact("a1", "person", "Jane Roe"), entityFact("a2", "place", "Port Alder"),
		}, want{Nuance, "credited to Jane Roe and to Alder Shipping, not both known to be persons (a body and someone speaking for it are compatible)", true}},
		{"surname alone and full name: one person", []facts.Fact{
			quoteFact("a1", "Jane Roe", long, 10), quoteFact("a2", "Roe", long, 10),
			entityFact("a1", "person", "Jane Roe"), entityFact("a2", "person", "Roe"),
		}, want{Agree, "", false}},
		{"middle initial: one person", []facts.Fact{
			quoteFact("a1", "Jane Roe", long, 10), quoteFact("a2", "Jane B. Roe", long, 10),
			entityFact("a1", "person", "Jane Roe"), entityFact("a2", "person", "Jane B. Roe"),
		}, want{Agree, "", false}},
		{"two given names, one surname: two people", []facts.Fact{
			quoteFact("a1", "Jane Roe", long, 10), quoteFact("a2", "Maria Roe", long, 10),
			entityFact("a1", "person", "Jane Roe"), entityFact("a2", "person", "Maria Roe"),
		}, want{Contradiction, "the same remark credited to Jane Roe and Maria Roe", true}},
		{"a bare surname conflicts with neither of two people of that surname", []facts.Fact{
			quoteFact("a1", "Roe", long, 10), quoteFact("a2", "Jane Roe", long, 10), quoteFact("a3", "Maria Roe", long, 10),
			entityFact("a1", "person", "Roe"), entityFact("a2", "person", "Jane Roe"), entityFact("a3", "person", "Maria Roe"),
		}, want{Contradiction, "the same remark credited to Jane Roe and Maria Roe", true}},
		{"unknown speaker never contradicts", []facts.Fact{
			quoteFact("a1", "Jane Roe", long, 10), quoteFact("a2", "", long, 10),
			entityFact("a1", "person", "Jane Roe"),
		}, want{Agree, "", false}},
		{"a short fragment echoed by someone else: nuance", []facts.Fact{
			quoteFact("a1", "Jane Roe", longer, 10), quoteFact("a2", "John Hale", "passengers may need to wait at the pier", 10),
			entityFact("a1", "person", "Jane Roe"), entityFact("a2", "person", "John Hale"),
		}, want{Nuance, "a short fragment (“passengers may need to wait at the pier”) credited to John Hale, echoed inside a longer statement credited to Jane Roe", true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := quoteComparer("a1", "a2", "a3").quoteSlots(c.fs)
			if len(got) != 1 {
				t.Fatalf("got %d slots, want 1: %+v", len(got), got)
			}
			sr := got[0]
			speaker := false
			for _, d := range sr.Differences {
				speaker = speaker || d.Field == "speaker"
			}
			if diff := cmp.Diff(c.want, want{sr.Status, sr.Why, speaker}); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if sr.Status == Contradiction && sr.Confidence < ContradictionConfidence {
				t.Errorf("contradiction with confidence %v below %v", sr.Confidence, ContradictionConfidence)
			}
			if sr.Status != Contradiction && sr.Why != "" && sr.Confidence >= ContradictionConfidence {
				t.Errorf("nuance with confidence %v at or above %v", sr.Confidence, ContradictionConfidence)
			}
		})
	}
}

// TestQuoteCutShort checks that a remark cut short aligns with the full
// one, and that an article's full rendering stands for it rather than an
// excerpt it also quotes.
func TestQuoteCutShort(t *testing.T) {
	c := quoteComparer("a1", "a2", "a3")
	fs := []facts.Fact{
		quoteFact("a1", "Jane Roe", "It is unsafe. It is crumbling. It should have been closed years ago", 10),
		quoteFact("a2", "Jane Roe", "It is unsafe. It is crumbling", 10),
		quoteFact("a3", "Jane Roe", "is unsafe. It is crumbling", 5),
		quoteFact("a3", "Jane Roe", "It is unsafe. It is crumbling. It should have been closed years ago, and we will close it now", 100),
	}
	got := c.quoteSlots(fs)
	if len(got) != 1 {
		t.Fatalf("got %d slots, want 1: %+v", len(got), got)
	}
	var spans []string
	for _, v := range got[0].Values {
		spans = append(spans, v.Article+" "+v.Value)
	}
	want := []string{
		"a1 It is unsafe. It is crumbling. It should have been closed years ago",
		"a2 It is unsafe. It is crumbling",
		"a3 It is unsafe. It is crumbling. It should have been closed years ago, and we will close it now",
	}
	if diff := cmp.Diff(want, spans); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	if got[0].Status == Contradiction {
		t.Errorf("status contradiction, want nuance")
	}
}

// TestQuoteInsideParaphrase checks that a phrase of a remark quoted
// inside a paraphrase aligns with the remark, with a word left out.
func TestQuoteInsideParaphrase(t *testing.T) {
	c := quoteComparer("a1", "a2")
	fs := []facts.Fact{
		quoteFact("a1", "Jane Roe", "It will not be easy to rebuild. They will need years, and the money is gone", 10),
		quoteFact("a2", "Jane Roe", "will not be easy to rebuild", 10),
	}
	got := c.quoteSlots(fs)
	if len(got) != 1 || len(got[0].Values) != 2 || got[0].Status == Contradiction {
		t.Fatalf("got %+v, want one slot of two values, not a contradiction", got)
	}
}

// TestQuoteSpeakersEndToEnd reads invented articles and compares their
// quotes: a person and the body she speaks for are compatible, two
// persons credited with one remark contradict, and an unknown speaker
// ("he said" with no person before) never does.
func TestQuoteSpeakersEndToEnd(t *testing.T) {
	remark := "Depending on the tide, passengers may need to wait at the pier for several hours before boarding."
	texts := map[string]string{
		"a1": "Ferry delays expected at Port Alder\n\nThe ferry service will run late this week.\n\nJane Roe, director of the Harbour Trust, said: \"" + remark + "\"\n",
		"a2": "Harbour Trust warns of delays\n\nThe ferry service will run late this week.\n\nThe Harbour Trust said in a statement: \"" + remark + "\"\n",
		"a3": "Port manager warns of delays\n\nThe ferry service will run late this week.\n\n\"" + remark + "\" said Tom Hale, the port manager.\n",
		"a4": "Delays at the pier\n\nThe Harbour Trust published new timetables.\n\n\"" + remark + "\" he said.\n",
	}
	run := func(ids ...string) SlotResult {
		t.Helper()
		var arts []facts.Article
		var fs []facts.Fact
		x := facts.NewGeneralExtractor("t")
		for _, id := range ids {
			a, err := facts.ParseArticle(id+".txt", []byte(texts[id]))
			if err != nil {
				t.Fatal(err)
			}
			got, err := x.Extract(context.Background(), &a)
			if err != nil {
				t.Fatal(err)
			}
			arts = append(arts, a)
			fs = append(fs, got...)
		}
		res := Compare(&facts.Topic{ID: "t"}, arts, fs)
		for _, sr := range res.Facts {
			if sr.Kind == "quote" {
				return sr
			}
		}
		t.Fatalf("%v: no quote slot", ids)
		return SlotResult{}
	}
	cases := []struct {
		ids    []string
		status Status
		why    string
	}{
		{[]string{"a1", "a2"}, Nuance, "credited to Jane Roe and to Harbour Trust, not both known to be persons (a body and someone speaking for it are compatible)"},
		{[]string{"a1", "a3"}, Contradiction, "the same remark credited to Jane Roe and Tom Hale"},
		{[]string{"a1", "a4"}, Agree, ""},
	}
	for _, c := range cases {
		sr := run(c.ids...)
		if sr.Status != c.status || sr.Why != c.why {
			t.Errorf("%v: status %q why %q, want %q %q (values %+v)", c.ids, sr.Status, sr.Why, c.status, c.why, sr.Values)
		}
	}
}

// TestQuoteSpeakersTwoRemarksOnOneSubject checks that two persons' remarks
// that share subject words but not wording are no contradiction.
func TestQuoteSpeakersTwoRemarksOnOneSubject(t *testing.T) {
	c := quoteComparer("a1", "a2")
	fs := []facts.Fact{
		quoteFact("a1", "Jane Roe", "The harbour dredging plan will cost the port millions and the ferries will stop for a month", 10),
		quoteFact("a2", "John Hale", "Nobody asked the ferries: a month without ferries is the price of this dredging plan, millions for the port", 10),
		entityFact("a1", "person", "Jane Roe"), entityFact("a2", "person", "John Hale"),
	}
	got := c.quoteSlots(fs)
	if len(got) != 1 {
		t.Fatalf("got %d slots, want 1 (the test needs the two aligned)", len(got))
	}
	want := "credited to Jane Roe and to John Hale, but worded too differently to be sure it is one remark"
	if got[0].Status == Contradiction || got[0].Why != want {
		t.Errorf("status %q why %q, want nuance %q", got[0].Status, got[0].Why, want)
	}
}
