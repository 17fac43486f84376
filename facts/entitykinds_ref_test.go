package facts

import (
	"maps"
	"testing"
)

// quoteEntityKindsRef is quoteEntityKinds as it was: it wrote every
// mention's kind, a repeated name's too.
func quoteEntityKindsRef(d *doc) map[string]nerKind {
	nd := analyseNER(d)
	out := map[string]nerKind{}
	for i := range nd.ms {
		m := &nd.ms[i]
		if m.ent < 0 || m.ent >= len(nd.ents) {
			continue
		}
		k := NameKey(d.a.Text[m.span.Start:m.span.End])
		kind := nd.ents[m.ent].kind
		if prev, ok := out[k]; ok && prev != kind {
			if prev == kindPerson || kind == kindPerson {
				kind = kindPerson
			} else {
				kind = kindOther
			}
		}
		out[k] = kind
	}
	return out
}

// TestQuoteEntityKindsMatchesReference: on the fuzz texts, seeds and
// corpus, the kinds the quote finder reads are the reference's.
func TestQuoteEntityKindsMatchesReference(t *testing.T) {
	x := NewGeneralExtractor("t").x
	names := 0
	for _, s := range vocabTexts(t) {
		a, err := ParseArticle("t.txt", []byte(s))
		if err != nil {
			continue
		}
		d := x.analyse(&a)
		want := quoteEntityKindsRef(d)
		if got := quoteEntityKinds(d); !maps.Equal(got, want) {
			t.Fatalf("kinds differ:\n got %v\nwant %v", got, want)
		}
		names += len(want)
		d.release()
	}
	if names < 50 {
		t.Fatalf("only %d names: the test checks little", names)
	}
}
