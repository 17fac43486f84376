package facts

import (
	"strings"
	"testing"
)

// nerDemonymRef is nerDemonym before it walked the hyphenated parts
// without splitting the word.
func nerDemonymRef(f string) bool {
	if demonyms[f] {
		return true
	}
	if strings.HasSuffix(f, "s") && demonyms[f[:len(f)-1]] {
		return true
	}
	if i := strings.IndexByte(f, '-'); i > 0 {
		for _, p := range strings.Split(f, "-") {
			if !demonyms[p] {
				return false
			}
		}
		return true
	}
	return false
}

// demonymEdge are hyphenated words with and without demonyms in every part.
var demonymEdge = []string{"russian-syrian", "anglo-french", "french-", "-french", "french--german", "french-german-italian", "french-port", "harbour-trust", "a-b-c"}

// TestNerDemonymMatchesReference: on edge cases and on the folds of every
// token of the seeds, the corpus and the fuzz texts, nerDemonym says what
// nerDemonymRef says.
func TestNerDemonymMatchesReference(t *testing.T) {
	texts := append([]string(nil), fuzzTexts...)
	texts = append(texts, readTexts(t, "../seeds/*.txt", "../../shared/corpus/*/*.txt")...)
	texts = append(texts, strings.Join(demonymEdge, " "))
	hyphenYes := 0
	for _, s := range texts {
		for _, tk := range classifiedTokens(s) {
			want := nerDemonymRef(tk.Fold)
			if got := nerDemonym(tk.Fold); got != want {
				t.Fatalf("nerDemonym(%q) = %v, want %v", tk.Fold, got, want)
			}
			if got := tk.demonym(); got != want {
				t.Fatalf("Token{%q}.demonym() = %v, want %v", tk.Fold, got, want)
			}
			if want && strings.Contains(tk.Fold, "-") {
				hyphenYes++
			}
		}
	}
	for _, f := range demonymEdge {
		if got, want := nerDemonym(f), nerDemonymRef(f); got != want {
			t.Fatalf("nerDemonym(%q) = %v, want %v", f, got, want)
		}
	}
	if hyphenYes == 0 {
		t.Fatal("no hyphenated demonym seen: the test checks little")
	}
}

// FuzzNerDemonym holds nerDemonym to nerDemonymRef on any fold.
func FuzzNerDemonym(f *testing.F) {
	for _, s := range demonymEdge {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := nerDemonym(s), nerDemonymRef(s); got != want {
			t.Fatalf("nerDemonym(%q) = %v, want %v", s, got, want)
		}
		for _, tk := range classifiedTokens(s) {
			if got, want := tk.demonym(), nerDemonymRef(tk.Fold); got != want {
				t.Fatalf("Token{%q}.demonym() = %v, want %v", tk.Fold, got, want)
			}
			if got, want := tk.verbOf(), verbClass[tk.Fold]; got != want {
				t.Fatalf("Token{%q}.verbOf() = %v, want %v", tk.Fold, got, want)
			}
		}
	})
}

// classifiedTokens tokenises s and classifies its tokens as analyse
// does, so that what classify keeps (Token.qv) is what is asked.
func classifiedTokens(s string) []Token {
	toks := Tokenize(s, 0, len(s))
	v := newVocab()
	defer v.release()
	v.classify(toks)
	return toks
}
