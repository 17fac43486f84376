package facts

import (
	"regexp"
	"strings"
	"testing"
)

// isoDateRef is the expression isoDateIn replaced.
var isoDateRef = regexp.MustCompile(`\b(\d{4}-\d{2}-\d{2})\b`)

var isoDateCases = []string{
	"2025-03-14", "Published 2025-03-14 09:00", "x2025-03-14", "2025-03-14x", "_2025-03-14", "2025-03-14_",
	"12025-03-14", "2025-03-145", "2025-3-14", "2025-03-1", "Ω2025-03-14é", "\xff2025-03-14\xfe",
	"1-2-3 2025-03-14-2026-01-01 2026-01-01", "----2025--03-14 2025-03-14", "date: 2025-03-1x 2025-13-99.",
}

// TestIsoDateInMatchesReference: isoDateIn finds what the expression
// finds, on edge cases and on every line of the seeds and the corpus.
func TestIsoDateInMatchesReference(t *testing.T) {
	texts := append([]string(nil), isoDateCases...)
	for _, text := range readTexts(t, "../seeds/*.txt", "../../shared/corpus/*/*.txt") {
		texts = append(texts, strings.Split(text, "\n")...)
	}
	found := 0
	for _, s := range texts {
		want := isoDateRef.FindString(s)
		if got := isoDateIn(s); got != want {
			t.Fatalf("isoDateIn(%q) = %q, want %q", s, got, want)
		}
		if want != "" {
			found++
		}
	}
	if found < 3 {
		t.Fatalf("only %d texts hold a date: the test checks little", found)
	}
}

// FuzzIsoDateIn holds isoDateIn to the expression it replaced.
func FuzzIsoDateIn(f *testing.F) {
	for _, s := range isoDateCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isoDateIn(s), isoDateRef.FindString(s); got != want {
			t.Fatalf("isoDateIn(%q) = %q, want %q", s, got, want)
		}
	})
}
