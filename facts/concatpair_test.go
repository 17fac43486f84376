package facts

import "testing"

// TestConcatPair: the two strings cut from one are the two concatenations,
// empty parts included.
func TestConcatPair(t *testing.T) {
	for _, c := range [][5]string{
		{"entity:", "harbour trust", "org", ": ", "Harbour Trust"},
		{"quote:", "unknown", "quote: ", "unknown", ""},
		{"", "", "", "", ""},
		{"a", "", "", "", "b"},
	} {
		a, b := concatPair(c[0], c[1], c[2], c[3], c[4])
		if a != c[0]+c[1] || b != c[2]+c[3]+c[4] {
			t.Errorf("concatPair(%q) = %q, %q", c, a, b)
		}
	}
}
