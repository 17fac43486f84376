package facts

import (
	"strings"
	"testing"
)

// fieldsEdge are strings whose spaces are not all ASCII, or whose bytes
// are not all valid UTF-8.
var fieldsEdge = []string{"", " ", "Ann", "  Ann  Roe ", "Ann\u00a0Roe", "Ann\u2003B.\u0085Roe\t", "\xffAnn \xfe", "Ann \xe2\x80", "José  Núñez\n"}

// checkFields holds quoteWordsIn, firstField and lastField to
// strings.Fields on s.
func checkFields(t *testing.T, s string) {
	t.Helper()
	f := strings.Fields(s)
	first, last := "", ""
	if len(f) > 0 {
		first, last = f[0], f[len(f)-1]
	}
	if got := quoteWordsIn(s); got != len(f) {
		t.Fatalf("quoteWordsIn(%q) = %d, want %d", s, got, len(f))
	}
	if got := firstField(s); got != first {
		t.Fatalf("firstField(%q) = %q, want %q", s, got, first)
	}
	if got := lastField(s); got != last {
		t.Fatalf("lastField(%q) = %q, want %q", s, got, last)
	}
}

// TestFieldsMatchStringsFields: on edge cases and on every line of the
// seeds, the corpus and the fuzz texts, the field helpers the quote
// finder uses say what strings.Fields says.
func TestFieldsMatchStringsFields(t *testing.T) {
	texts := append([]string(nil), fuzzTexts...)
	texts = append(texts, readTexts(t, "../seeds/*.txt", "../../shared/corpus/*/*.txt")...)
	for _, s := range fieldsEdge {
		checkFields(t, s)
	}
	for _, text := range texts {
		for _, line := range strings.Split(text, "\n") {
			checkFields(t, line)
		}
	}
}

// FuzzFields holds the field helpers to strings.Fields on any string.
func FuzzFields(f *testing.F) {
	for _, s := range fieldsEdge {
		f.Add(s)
	}
	f.Fuzz(checkFields)
}
