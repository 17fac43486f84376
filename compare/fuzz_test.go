package compare

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/crosscheck-news/crosscheck/facts"
)

// FuzzExtractCompare runs the whole no-topic-file path (reading, general
// facts, comparison) over three articles made of outside bytes, as a story
// folder of untrusted files would give them: no panic, every fact's span
// inside its text with the surface there, and the same result twice.
func FuzzExtractCompare(f *testing.F) {
	// Small invented stories: whole articles make each run, and the
	// minimising of every new input, too slow to explore much.
	f.Add([]byte("Ferry fees capped\n\nThe Harbour Trust voted on Tuesday to cap fees at Port Alder, chair Ann Roe said. About 150 boats use the port."),
		[]byte("Fees capped\n\nPosted on March 11, 2026\n\n“We will keep the port open,” Ann B. Roe said. About 200 boats use it, the Harbor Trust said."),
		[]byte("Port Alder\n\nAnn Roe, director of the Harbour Trust, said 12 of the 30 boats left on May 12, 2016."))
	f.Add([]byte("A\n\n\u201cWe will sail,\u201d she said. \u201cSoon.\u201d"), []byte("B\n\nJune Ellis, 31, said \u201cWe will sail.\u201d"), []byte("C\n\nU.N. and UN and United Nations; 3/4 of 1.2 million."))
	topic := &facts.Topic{ID: "fuzz", Title: "fuzz"}
	x, err := facts.NewExtractor(topic)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, a, b, c []byte) {
		var arts []facts.Article
		var fs []facts.Fact
		for i, data := range [][]byte{a, b, c} {
			art, err := facts.ParseArticle(string(rune('a'+i))+".txt", data)
			if err != nil {
				continue // bad input is refused with an error, not a panic
			}
			art.ID = string(rune('a' + i))
			got, err := x.Extract(context.Background(), &art)
			if err != nil {
				t.Fatalf("extract: %v", err)
			}
			for _, f := range got {
				if f.Span.Start < 0 || f.Span.End > len(art.Text) || f.Span.Start > f.Span.End {
					t.Fatalf("fact %s: span %v outside a %d-byte text", f.Slot, f.Span, len(art.Text))
				}
				if art.Text[f.Span.Start:f.Span.End] != f.Surface {
					t.Fatalf("fact %s: text at span %q, surface %q", f.Slot, art.Text[f.Span.Start:f.Span.End], f.Surface)
				}
			}
			arts = append(arts, art)
			fs = append(fs, got...)
		}
		first, err := json.Marshal(Compare(topic, arts, fs))
		if err != nil {
			t.Fatal(err)
		}
		again, err := json.Marshal(Compare(topic, arts, fs))
		if err != nil {
			t.Fatal(err)
		}
		if string(first) != string(again) {
			t.Fatal("two comparisons of the same facts differ")
		}
	})
}
