package facts

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// quoteNameTokRef is quoteNameTok before it took the token by pointer and
// turned plain ASCII lower-case words away without decoding them.
func quoteNameTokRef(t Token) bool {
	if t.Kind != Word || t.Fold == "i" || t.Fold == "'s" {
		return false
	}
	if t.IsCapitalized() {
		return true
	}
	for k, r := range t.Text {
		if k > 4 {
			break
		}
		if r == '-' || isApostrophe(r) {
			next, _ := utf8.DecodeRuneInString(t.Text[k+utf8.RuneLen(r):])
			return unicode.IsUpper(next)
		}
	}
	return false
}

// quoteNameTokTexts are words the fast path must not turn away: a hyphen
// or an apostrophe within the first five bytes, or non-ASCII there.
const quoteNameTokTexts = "al-Assad bin-Laden d'Arcy o’Neill ʼAli abcd-Efg abcde-Fgh ab`Cd x´Y é-Ab über-Alles n'Djamena al-qaeda ma'am i 's"

// TestQuoteNameTokMatchesReference: on every token of the seeds, the
// corpus and the fuzz texts, quoteNameTok says what quoteNameTokRef says.
func TestQuoteNameTokMatchesReference(t *testing.T) {
	texts := append([]string(nil), fuzzTexts...)
	texts = append(texts, readTexts(t, "../seeds/*.txt", "../../shared/corpus/*/*.txt")...)
	texts = append(texts, quoteNameTokTexts)
	names := 0
	for _, s := range texts {
		for _, tk := range Tokenize(s, 0, len(s)) {
			want := quoteNameTokRef(tk)
			if got := quoteNameTok(&tk); got != want {
				t.Fatalf("quoteNameTok(%q) = %v, want %v", tk.Text, got, want)
			}
			if want && !tk.IsCapitalized() {
				names++
			}
		}
	}
	if names < 3 {
		t.Fatalf("only %d lower-case name words seen: the test checks little", names)
	}
}

// FuzzQuoteNameTok holds quoteNameTok to quoteNameTokRef on the tokens of
// any text.
func FuzzQuoteNameTok(f *testing.F) {
	f.Add(quoteNameTokTexts)
	f.Add("Governor June Ellis met al-Harbour of Port Alder.")
	f.Fuzz(func(t *testing.T, s string) {
		for _, tk := range Tokenize(s, 0, len(s)) {
			if got, want := quoteNameTok(&tk), quoteNameTokRef(tk); got != want {
				t.Fatalf("quoteNameTok(%q) = %v, want %v", tk.Text, got, want)
			}
		}
	})
}
