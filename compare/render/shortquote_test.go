package render

import (
	"strings"
	"testing"
)

// TestShortQuote holds shortQuote's fast path to the plain definition:
// the words joined by single spaces, cut to 35 runes and "…" past 36.
func TestShortQuote(t *testing.T) {
	want := func(q string) string {
		r := []rune(strings.Join(strings.Fields(q), " "))
		if len(r) > 36 {
			r = append(r[:35], '…')
		}
		return string(r)
	}
	cases := []string{
		"", " ", "a", "We will not leave Port Alder", " leading", "trailing ", "two  spaces",
		"tab\there", "line\nbreak", "no\u00a0break space", "next\u0085line", "ideographic\u3000space",
		strings.Repeat("x", 35), strings.Repeat("x", 36), strings.Repeat("x", 37),
		strings.Repeat("é", 36), strings.Repeat("é", 37), strings.Repeat("ab ", 12), strings.Repeat("ab ", 12) + "c",
		"“The harbour will reopen,” said Governor June Ellis on Tuesday evening",
		"invalid \xff byte in a quote that runs on for more than enough runes",
		"\xe2\x80", strings.Repeat("y", 35) + "\xff\xfe",
	}
	for _, q := range cases {
		if got, w := shortQuote(q), want(q); got != w {
			t.Errorf("shortQuote(%q) = %q, want %q", q, got, w)
		}
	}
}

// FuzzShortQuote: the same on any input.
func FuzzShortQuote(f *testing.F) {
	f.Add("We will not leave Port Alder, not this year and not the next")
	f.Add("a  b\tc\u00a0d")
	f.Fuzz(func(t *testing.T, q string) {
		r := []rune(strings.Join(strings.Fields(q), " "))
		if len(r) > 36 {
			r = append(r[:35], '…')
		}
		if got := shortQuote(q); got != string(r) {
			t.Errorf("shortQuote(%q) = %q, want %q", q, got, string(r))
		}
	})
}
