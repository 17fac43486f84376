package facts

import (
	"reflect"
	"testing"
)

// TestDateMatchIsMatchers: the scanner's match(k, i) is dateMatchers[k]
// at every token of the seeds, the corpus and the fuzz texts, with a
// reference day and without, for every k.
func TestDateMatchIsMatchers(t *testing.T) {
	texts := append([]string(nil), fuzzTexts...)
	texts = append(texts, readTexts(t, "../seeds/*.txt", "../../shared/corpus/*/*.txt")...)
	texts = append(texts, "On Wednesday, January 28, 2026, and last week, two days ago, in early March and the spring of 2025, 2024-05-01, the 1990s, Q3.")
	ref, err := ParseISODate("2026-01-28")
	if err != nil {
		t.Fatal(err)
	}
	matched := 0
	for _, text := range texts {
		toks := Tokenize(text, 0, len(text))
		for _, r := range []Date{{}, ref} {
			s := dateScanner{text: text, toks: toks}
			if r.Precision == PrecisionDay && !r.IsFloating() {
				s.hasRef, s.ref = true, truncDay(r.From)
			}
			for i := range toks {
				for k := range len(dateMatchers) {
					gr, gok := s.match(k, i)
					wr, wok := dateMatchers[k](&s, i)
					if gok != wok || !reflect.DeepEqual(gr, wr) {
						t.Fatalf("match(%d) at %q = %+v %v, dateMatchers gives %+v %v", k, toks[i].Text, gr, gok, wr, wok)
					}
					if wok {
						matched++
					}
				}
			}
		}
	}
	if matched < 100 {
		t.Fatalf("only %d matches: the test checks little", matched)
	}
}
