package facts

import (
	"slices"
	"testing"
)

// TestAppendSentencesReusesSlice: appendSentences into a slice that held
// the previous paragraph's sentences, cut to nothing as analyse cuts it,
// gives Sentences of every paragraph of the seeds, the corpus and the
// fuzz texts, and appending after spans keeps them.
func TestAppendSentencesReusesSlice(t *testing.T) {
	texts := append([]string(nil), fuzzTexts...)
	texts = append(texts, readTexts(t, "../seeds/*.txt", "../../shared/corpus/*/*.txt")...)
	var spans []Span
	paras := 0
	for _, text := range texts {
		a, err := ParseArticle("t.txt", []byte(text))
		if err != nil {
			continue
		}
		for _, para := range a.Body {
			want := Sentences(a.Text, para)
			spans = appendSentences(spans[:0], a.Text, para)
			if !slices.Equal(spans, want) {
				t.Fatalf("appendSentences(%q) = %v, want %v", a.Text[para.Start:para.End], spans, want)
			}
			prefix := []Span{{1, 2}, {3, 4}}
			if got := appendSentences(prefix, a.Text, para); !slices.Equal(got, append([]Span{{1, 2}, {3, 4}}, want...)) {
				t.Fatalf("appendSentences after two spans = %v, want them and %v", got, want)
			}
			paras++
		}
	}
	if paras < 50 {
		t.Fatalf("only %d paragraphs: the test checks little", paras)
	}
}
