package facts

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// fastPathTexts are words and names with every kind of byte: ASCII
// capitals and marks, Latin-1 letters, other scripts, invalid UTF-8.
var fastPathTexts = func() []string {
	out := []string{"", "Ann", "ann", "ANN", "O`Brien", "O'Brien", "o'brien", "`", "'", "Élodie", "élodie",
		"ÉLODIE", "Ǆemal", "ǅemal", "ǆemal", "İstanbul", "istanbul", "Straße", "STRASSE", "Ｆull", "ᾈ", "\xff", "A\xffB",
		"Київ", "КИЇВ", "東京", "ª", "ⅷ", "Ⅷ", "José María", "JOSE MARIA", "Hale", "hALE", "H@le", "h@le", "[]", "{}"}
	for c := 0; c < 256; c++ {
		out = append(out, string(rune(c)), string([]byte{byte(c)}), "x"+string(rune(c)), "X"+string(rune(c)))
	}
	return out
}()

// TestFastPathsMatchUnicode holds the ASCII fast paths to what they
// replace: IsCapitalized to unicode.IsUpper of the first rune, caseCounts
// to counting unicode.IsUpper and IsLower over the runes, sameFold to
// comparing Folds.
func TestFastPathsMatchUnicode(t *testing.T) {
	for _, s := range fastPathTexts {
		r, _ := utf8.DecodeRuneInString(s)
		if got, want := (Token{Text: s}).IsCapitalized(), unicode.IsUpper(r); got != want {
			t.Errorf("IsCapitalized(%q) = %v, want %v", s, got, want)
		}
		up, low := 0, 0
		for _, r := range s {
			if unicode.IsUpper(r) {
				up++
			} else if unicode.IsLower(r) {
				low++
			}
		}
		if gu, gl := caseCounts(s); gu != up || gl != low {
			t.Errorf("caseCounts(%q) = %d, %d, want %d, %d", s, gu, gl, up, low)
		}
		for _, o := range fastPathTexts[:40] {
			if got, want := sameFold(s, o), Fold(s) == Fold(o); got != want {
				t.Errorf("sameFold(%q, %q) = %v, want %v", s, o, got, want)
			}
		}
	}
}
