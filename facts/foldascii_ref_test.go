package facts

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// foldSimpleRef is foldSimple before it copied ASCII in runs.
func foldSimpleRef(s string) (string, bool) {
	for i := 0; i < len(s); {
		if s[i] < 0x80 {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if _, ok := simpleFoldOf(r); !ok {
			return "", false
		}
		i += size
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if c := s[i]; c < 0x80 {
			b.WriteByte(asciiFold(c))
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		f, _ := simpleFoldOf(r)
		b.WriteString(f)
		i += size
	}
	return b.String(), true
}

// foldASCIIRef is Fold's former path for ASCII text.
func foldASCIIRef(s string) string { return strings.ToLower(strings.ReplaceAll(s, "`", "'")) }

var foldASCIIEdge = []string{"", "a", "A", "`", "Ann's `quoted` WORDS", "ALL CAPS LINE", "mixed Case `x` Z", "Café ’Ann’ ÉCOLE `x`", "naïve «Port» Alder—ZZ"}

// checkFoldFast holds foldASCII and foldSimple to their former code on s.
func checkFoldFast(t *testing.T, s string) {
	t.Helper()
	if isASCII(s) {
		if got, want := foldASCII(s), foldASCIIRef(s); got != want {
			t.Fatalf("foldASCII(%q) = %q, want %q", s, got, want)
		}
	}
	got, ok := foldSimple(s)
	want, wok := foldSimpleRef(s)
	if got != want || ok != wok {
		t.Fatalf("foldSimple(%q) = %q %v, want %q %v", s, got, ok, want, wok)
	}
}

// TestFoldFastPathsMatchReference: on edge cases and every line of the
// seeds, the corpus and the fuzz texts, foldASCII and foldSimple give
// what they gave before they copied ASCII in runs.
func TestFoldFastPathsMatchReference(t *testing.T) {
	texts := append([]string(nil), foldASCIIEdge...)
	texts = append(texts, fuzzTexts...)
	for _, text := range readTexts(t, "../seeds/*.txt", "../../shared/corpus/*/*.txt") {
		texts = append(texts, strings.Split(text, "\n")...)
	}
	simple := 0
	for _, s := range texts {
		checkFoldFast(t, s)
		if _, ok := foldSimple(s); ok && !isASCII(s) {
			simple++
		}
	}
	if simple < 5 {
		t.Fatalf("only %d non-ASCII lines took foldSimple: the test checks little", simple)
	}
}

// FuzzFoldFast holds foldASCII and foldSimple to their former code.
func FuzzFoldFast(f *testing.F) {
	for _, s := range foldASCIIEdge {
		f.Add(s)
	}
	f.Fuzz(checkFoldFast)
}

// TestSimpleFoldSlots: every rune of simpleFoldRanges has a slot of its
// own in simpleFoldCache, and runes outside them have none.
func TestSimpleFoldSlots(t *testing.T) {
	seen := make([]bool, simpleFoldRunes)
	for _, rg := range simpleFoldRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			k, ok := simpleFoldSlot(r)
			if !ok || k < 0 || k >= simpleFoldRunes || seen[k] {
				t.Fatalf("simpleFoldSlot(%U) = %d, %v: not a slot of its own", r, k, ok)
			}
			seen[k] = true
		}
		for _, r := range []rune{rg[0] - 1, rg[1] + 1} {
			if _, ok := simpleFoldSlot(r); ok != inSimpleRanges(r) {
				t.Fatalf("simpleFoldSlot(%U) says %v", r, ok)
			}
		}
	}
	for k, s := range seen {
		if !s {
			t.Fatalf("slot %d belongs to no rune", k)
		}
	}
}

func inSimpleRanges(r rune) bool {
	for _, rg := range simpleFoldRanges {
		if rg[0] <= r && r <= rg[1] {
			return true
		}
	}
	return false
}
