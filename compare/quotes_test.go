package compare

import (
	"context"
	"math/rand"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-news/crosscheck/facts"
)

// quoteFact builds a quote fact as the extractor would: speaker "" is
// unknown. at places it in the article so that quotes of one article keep
// their order.
func quoteFact(article, speaker, value string, at int) facts.Fact {
	slot, label := "quote:unknown", "quote: unknown"
	if speaker != "" {
		slot, label = "quote:"+facts.NameKey(speaker), "quote: "+speaker
	}
	return facts.Fact{
		Topic: "t", Article: article, Slot: slot, Kind: facts.KindQuote, Label: label,
		Value: value, Surface: value, Span: facts.Span{Start: at, End: at + len(value)},
		Sentence: value, SentenceSpan: facts.Span{Start: at, End: at + len(value)},
		Attribution: facts.Reported, Source: speaker, Extractor: "quote",
	}
}

// quoteComparer returns a comparer over articles with the given ids,
// labelled by id.
func quoteComparer(ids ...string) comparer {
	var arts []facts.Article
	for _, id := range ids {
		arts = append(arts, facts.Article{ID: id})
	}
	return comparer{articles: arts, labels: articleLabels(arts), sourceOf: map[string]int{}}
}

// valueArticles lists the articles of a slot's values.
func valueArticles(sr SlotResult) []string {
	out := []string{}
	for _, v := range sr.Values {
		out = append(out, v.Article)
	}
	return out
}

func TestQuoteSlotsAlignsRewordedRemark(t *testing.T) {
	c := quoteComparer("a1", "a2", "a3", "a4")
	fs := []facts.Fact{
		quoteFact("a1", "Lena Ortiz", "We will rebuild every bridge before the winter comes.", 100),
		quoteFact("a2", "Lena Ortiz", "We will rebuild every single bridge before winter comes", 80),
		quoteFact("a3", "Ortiz", "we'll rebuild every bridge before the winter", 40),
		quoteFact("a4", "Lena Ortiz", "The schools will reopen on Monday", 10),
	}
	got := c.quoteSlots(fs)
	if len(got) != 1 {
		t.Fatalf("got %d slots, want 1: %+v", len(got), got)
	}
	sr := got[0]
	if want := "quote:" + facts.NameKey("Lena Ortiz") + ":rebuild-bridge-winter"; sr.Slot != want {
		t.Errorf("slot %q, want %q", sr.Slot, want)
	}
	if want := "quote: Lena Ortiz — “We will rebuild every bridge before the winter…”"; sr.Label != want {
		t.Errorf("label %q, want %q", sr.Label, want)
	}
	if sr.Kind != "quote" || !sr.Generated || sr.Status != Nuance {
		t.Errorf("kind %q generated %v status %q, want quote true nuance", sr.Kind, sr.Generated, sr.Status)
	}
	if diff := cmp.Diff([]string{"a4"}, sr.Missing); diff != "" {
		t.Errorf("missing (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"a1", "a2", "a3"}, valueArticles(sr)); diff != "" {
		t.Errorf("articles (-want +got):\n%s", diff)
	}
	wantDiffs := [][]DiffOp{
		nil,
		{
			{Op: "equal", Text: "We will rebuild every"},
			{Op: "insert", Text: "single"},
			{Op: "equal", Text: "bridge before"},
			{Op: "delete", Text: "the"},
			{Op: "equal", Text: "winter comes"},
		},
		{
			{Op: "delete", Text: "We will"},
			{Op: "insert", Text: "we'll"},
			{Op: "equal", Text: "rebuild every bridge before the winter"},
			{Op: "delete", Text: "comes."},
		},
	}
	for i, v := range sr.Values {
		if diff := cmp.Diff(wantDiffs[i], v.Diff); diff != "" {
			t.Errorf("diff of %s (-want +got):\n%s", v.Article, diff)
		}
	}
	wantNotes := []string{
		"worded differently: a1 / a2 / a3",
		"not stated by a4",
	}
	if diff := cmp.Diff(wantNotes, sr.Notes); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
}

func TestQuoteSlotsKeepsRemarksApart(t *testing.T) {
	c := quoteComparer("a1", "a2")
	fs := []facts.Fact{
		quoteFact("a1", "Grace Mwangi", "The count was orderly and every ballot box arrived sealed", 10),
		quoteFact("a1", "Grace Mwangi", "Turnout in the northern districts fell sharply after the floods", 200),
		quoteFact("a2", "Grace Mwangi", "Turnout in northern districts fell sharply after the floods", 50),
		quoteFact("a2", "Grace Mwangi", "The count was orderly, and every ballot box arrived sealed.", 300),
	}
	var got []string
	for _, sr := range c.quoteSlots(fs) {
		got = append(got, sr.Slot+" "+string(sr.Status)+" "+sr.Values[0].Value+" | "+sr.Values[1].Value)
	}
	key := "quote:" + facts.NameKey("Grace Mwangi")
	want := []string{
		key + ":count-orderly-ballot agree The count was orderly and every ballot box arrived sealed | The count was orderly, and every ballot box arrived sealed.",
		key + ":turnout-northern-districts nuance Turnout in the northern districts fell sharply after the floods | Turnout in northern districts fell sharply after the floods",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("slots (-want +got):\n%s", diff)
	}
}

func TestQuoteSlotsSpeakerContradiction(t *testing.T) {
	c := quoteComparer("a1", "a2", "a3")
	words := "Depending on the tide, passengers may need to wait at the pier for several hours"
	fs := []facts.Fact{
		quoteFact("a1", "Kevin Marsh", words, 10),
		quoteFact("a2", "Pete Alvarez", words, 20),
		quoteFact("a3", "Marsh", "Depending upon the tide, passengers may need to wait at the pier", 30),
	}
	got := c.quoteSlots(fs)
	if len(got) != 1 {
		t.Fatalf("got %d slots, want 1", len(got))
	}
	sr := got[0]
	if sr.Status != Contradiction {
		t.Errorf("status %q, want contradiction", sr.Status)
	}
	if want := "the same remark credited to Kevin Marsh and Pete Alvarez"; sr.Why != want || sr.Confidence < ContradictionConfidence {
		t.Errorf("why %q confidence %v, want %q at least %v", sr.Why, sr.Confidence, want, ContradictionConfidence)
	}
	wantDiff := Difference{Field: "speaker", Groups: []DiffGroup{
		{Value: "Kevin Marsh", Articles: []string{"a1", "a3"}},
		{Value: "Pete Alvarez", Articles: []string{"a2"}},
	}}
	if len(sr.Differences) == 0 {
		t.Fatal("no differences")
	}
	if diff := cmp.Diff(wantDiff, sr.Differences[0]); diff != "" {
		t.Errorf("speaker difference (-want +got):\n%s", diff)
	}
	if want := "attributed to different speakers: Kevin Marsh in a1 and a3; Pete Alvarez in a2"; sr.Notes[0] != want {
		t.Errorf("note %q, want %q", sr.Notes[0], want)
	}
	if want := "quote: Kevin Marsh — “Depending on the tide, passengers may need to…”"; sr.Label != want {
		t.Errorf("label %q, want %q", sr.Label, want)
	}
}

func TestQuoteSlotsAgree(t *testing.T) {
	c := quoteComparer("a1", "a2")
	fs := []facts.Fact{
		quoteFact("a1", "Anna Berg", "When the crowd shouted, I knew we had won.", 10),
		quoteFact("a2", "", "when the crowd shouted I knew we had won", 10),
	}
	got := c.quoteSlots(fs)
	if len(got) != 1 {
		t.Fatalf("got %d slots, want 1", len(got))
	}
	sr := got[0]
	if sr.Status != Agree || len(sr.Differences) != 0 {
		t.Errorf("status %q, differences %+v; want agree and none", sr.Status, sr.Differences)
	}
	if want := "quote:" + facts.NameKey("Anna Berg") + ":crowd-shouted-knew"; sr.Slot != want {
		t.Errorf("slot %q, want %q", sr.Slot, want)
	}
	want := []DiffOp{{Op: "equal", Text: "when the crowd shouted I knew we had won"}}
	if diff := cmp.Diff(want, sr.Values[1].Diff); diff != "" {
		t.Errorf("diff (-want +got):\n%s", diff)
	}
	if len(sr.Missing) != 0 || len(sr.Notes) != 0 {
		t.Errorf("missing %v notes %v, want none", sr.Missing, sr.Notes)
	}
}

func TestQuoteSlotsDropsSingleArticleQuotes(t *testing.T) {
	c := quoteComparer("a1", "a2")
	fs := []facts.Fact{
		quoteFact("a1", "Tom Reed", "We played well and the second half was ours", 10),
		quoteFact("a1", "Tom Reed", "We played well, and the second half was ours.", 300),
		quoteFact("a2", "Rita Moreno", "Nobody expected the river to rise that fast", 10),
	}
	if got := c.quoteSlots(fs); len(got) != 0 {
		t.Errorf("got %d slots, want none: %+v", len(got), got)
	}
	if got := c.quoteSlots(nil); got != nil {
		t.Errorf("no quotes: got %+v, want nil", got)
	}
}

func TestQuoteSlotsBestQuotePerArticle(t *testing.T) {
	c := quoteComparer("a1", "a2")
	fs := []facts.Fact{
		quoteFact("a1", "Omar Haddad", "We had ten minutes to leave the house before the water came", 10),
		quoteFact("a1", "Omar Haddad", "We had ten minutes to leave", 500),
		quoteFact("a2", "Omar Haddad", "We had ten minutes to leave the house before the water came in", 10),
	}
	got := c.quoteSlots(fs)
	if len(got) != 1 {
		t.Fatalf("got %d slots, want 1", len(got))
	}
	var spans []int
	for _, v := range got[0].Values {
		spans = append(spans, v.Span[0])
	}
	if diff := cmp.Diff([]int{10, 10}, spans); diff != "" {
		t.Errorf("value spans (-want +got):\n%s", diff)
	}
}

func TestQuoteSlotsDeterministic(t *testing.T) {
	c := quoteComparer("a1", "a2", "a3", "a4")
	fs := []facts.Fact{
		quoteFact("a1", "Lena Ortiz", "We will rebuild every bridge before the winter comes", 100),
		quoteFact("a2", "Lena Ortiz", "We will rebuild every single bridge before winter comes", 80),
		quoteFact("a3", "Ortiz", "we'll rebuild every bridge before the winter", 40),
		quoteFact("a1", "Kevin Marsh", "Passengers may need to wait at the pier for several hours", 10),
		quoteFact("a4", "Pete Alvarez", "Passengers may need to wait at the pier for several hours", 20),
		quoteFact("a2", "", "The harbour will stay closed until the storm passes", 5),
		quoteFact("a3", "Pete Alvarez", "the harbour will stay closed until the storm has passed", 400),
		quoteFact("a4", "Pete Alvarez", "The harbour stays closed until the storm passes", 300),
	}
	want := c.quoteSlots(fs)
	if len(want) != 3 {
		t.Fatalf("got %d slots, want 3", len(want))
	}
	rng := rand.New(rand.NewSource(1))
	for range 20 {
		shuffled := append([]facts.Fact(nil), fs...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if diff := cmp.Diff(want, c.quoteSlots(shuffled)); diff != "" {
			t.Fatalf("result depends on input order (-first +now):\n%s", diff)
		}
	}
}

// TestQuoteSlotsSeeds aligns the quotes of the seed articles: the remark
// on restoring Syria's territorial integrity and the one on supporting
// "your efforts in this direction" are two slots.
func TestQuoteSlotsSeeds(t *testing.T) {
	paths, err := filepath.Glob("../seeds/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seed articles: %v", err)
	}
	var arts []facts.Article
	var quotes []facts.Fact
	x := facts.NewGeneralExtractor("seeds")
	for _, p := range paths {
		a, err := facts.ReadArticleFile(p)
		if err != nil {
			t.Fatal(err)
		}
		fs, err := x.Extract(context.Background(), &a)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			if f.Kind == facts.KindQuote {
				quotes = append(quotes, f)
			}
		}
		arts = append(arts, a)
	}
	res := Compare(&facts.Topic{ID: "seeds"}, arts, quotes)
	holding := func(id string) []SlotResult {
		var out []SlotResult
		for _, sr := range res.Facts {
			if sr.Kind == "quote" && contains(valueArticles(sr), id) {
				out = append(out, sr)
			}
		}
		return out
	}
	putin := "quote:" + facts.NameKey("Vladimir Putin") + ":"
	cases := []struct {
		name, probe string
		want        []string
		status      Status
	}{
		{"restoring territorial integrity", "000_2172f3fbfec525e1",
			[]string{"000_2172f3fbfec525e1", "001_2f57753ce39bdcf5", "003_f7089254e4d92e19"}, Nuance},
		{"support your efforts", "004_7e2173657d6ded3b",
			[]string{"002_fd27662df4f2f4bd", "004_7e2173657d6ded3b"}, Nuance},
	}
	for _, c := range cases {
		var sr *SlotResult
		for _, s := range holding(c.probe) {
			if len(s.Slot) > len(putin) && s.Slot[:len(putin)] == putin {
				sr = &s
				break
			}
		}
		if sr == nil {
			t.Errorf("%s: no Putin quote slot holds %s", c.name, c.probe)
			continue
		}
		got := valueArticles(*sr)
		sort.Strings(got)
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s: slot %s articles (-want +got):\n%s", c.name, sr.Slot, diff)
		}
		if sr.Status != c.status {
			t.Errorf("%s: status %q, want %q (notes %v)", c.name, sr.Status, c.status, sr.Notes)
		}
	}
	// The two remarks are apart, and 002 and 004 are not put with 000.
	a, b := holding("000_2172f3fbfec525e1"), holding("002_fd27662df4f2f4bd")
	for _, x := range a {
		for _, y := range b {
			if x.Slot == y.Slot {
				t.Errorf("slot %s holds both remarks", x.Slot)
			}
		}
	}
}
