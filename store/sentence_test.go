package store

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/facts"
	gocmp "github.com/google/go-cmp/cmp"
)

// TestSentenceFromText: a fact's sentence that is the article text between
// its span's ends is stored as nothing, flagged, and read back from the
// text; any other sentence is stored as it is. Either way Facts returns
// every fact as it was saved, after SaveArticle and after ReplaceFacts.
func TestSentenceFromText(t *testing.T) { eachEngine(t, testSentenceFromText) }

func testSentenceFromText(t *testing.T, e engine) {
	ctx := context.Background()
	db := MustOpenDB(t, e)
	mustPutTopic(t, db, "t")
	a := fullArticle("a", "h")
	a.Text = "Harbour Trust met on Monday. Port Alder’s mayor, June Ellis, spoke. Ḩamā 中文 🇸🇾."
	first := strings.Index(a.Text, "Harbour")
	second := strings.Index(a.Text, "Port")
	last := strings.Index(a.Text, "Ḩamā")
	span := func(from, to int) facts.Span { return facts.Span{Start: from, End: to} }
	fact := func(slot, sentence string, s facts.Span) facts.Fact {
		f := fullFact(slot, 0)
		f.Sentence, f.SentenceSpan = sentence, s
		return f
	}
	fs := []facts.Fact{
		fact("in-text", a.Text[first:second-1], span(first, second-1)),
		fact("in-text-2", a.Text[second:last-1], span(second, last-1)),
		fact("in-text-multibyte", a.Text[last:], span(last, len(a.Text))),
		fact("other-sentence", "Harbour Trust met on Tuesday.", span(first, second-1)),
		fact("empty-sentence", "", span(first, second-1)),
		fact("empty-span", "Harbour", span(0, 0)),
		fact("past-the-end", "Harbour", span(len(a.Text)-2, len(a.Text)+5)),
		fact("backwards", "x", span(5, 3)),
	}
	// The schema refuses an end before the start; that fact stays out.
	fs = fs[:len(fs)-1]
	if _, err := db.SaveArticle(ctx, "t", a, fs); err != nil {
		t.Fatal(err)
	}
	want := owned("t", "a", fs...)
	sortLikeFacts(want)
	if diff := gocmp.Diff(want, mustFacts(t, db, "t")); diff != "" {
		t.Errorf("facts after SaveArticle (-saved +read):\n%s", diff)
	}
	stored := map[string]string{}
	rows, err := db.queryContext(ctx, `SELECT slot, sentence, sentence_from_text FROM facts`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var slot, sentence string
		var fromText int
		if err := rows.Scan(&slot, &sentence, &fromText); err != nil {
			t.Fatal(err)
		}
		stored[slot] = sentence + "|" + string(rune('0'+fromText))
	}
	rows.Close()
	wantStored := map[string]string{
		"in-text": "|1", "in-text-2": "|1", "in-text-multibyte": "|1",
		"other-sentence": "Harbour Trust met on Tuesday.|0", "empty-sentence": "|0",
		"empty-span": "Harbour|0", "past-the-end": "Harbour|0",
	}
	if diff := gocmp.Diff(wantStored, stored); diff != "" {
		t.Errorf("stored sentence|sentence_from_text (-want +got):\n%s", diff)
	}

	// Re-extraction replaces the facts against the stored text.
	fs[3].Sentence = a.Text[first : second-1]
	if err := db.ReplaceFacts(ctx, "t", "a", fs); err != nil {
		t.Fatal(err)
	}
	want = owned("t", "a", fs...)
	sortLikeFacts(want)
	if diff := gocmp.Diff(want, mustFacts(t, db, "t")); diff != "" {
		t.Errorf("facts after ReplaceFacts (-saved +read):\n%s", diff)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM facts WHERE sentence_from_text = 1`); n != 4 {
		t.Errorf("after ReplaceFacts %d sentences read from the text, want 4", n)
	}
}

// sortLikeFacts orders facts of one article as Facts returns them: by
// span, then slot.
func sortLikeFacts(fs []facts.Fact) {
	slices.SortStableFunc(fs, func(x, y facts.Fact) int {
		return cmp.Or(cmp.Compare(x.Span.Start, y.Span.Start), cmp.Compare(x.Span.End, y.Span.End), cmp.Compare(x.Slot, y.Slot))
	})
}
