package render

import (
	"bytes"
	"math/rand"
	"testing"
)

// htmlTextRef is htmlOut.text as it was: every byte looked up in turn.
func htmlTextRef(s string) string {
	var b bytes.Buffer
	written := 0
	for i := 0; i < len(s); i++ {
		k := htmlEscape[s[i]]
		if k == 0 {
			continue
		}
		b.WriteString(s[written:i])
		b.WriteString(htmlEscapes[k])
		written = i + 1
	}
	b.WriteString(s[written:])
	return b.String()
}

// TestHTMLTextMatchesReference holds the eight-byte scan to the byte by
// byte one on strings of every length up to 40 with escaped bytes
// (quotes, ampersands, NUL…) at every place, among letters, spaces and
// multi-byte text.
func TestHTMLTextMatchesReference(t *testing.T) {
	pieces := []string{"a", "b", " ", "é", "’", "\"", "'", "&", "<", ">", "+", "\x00", "Port Alder"}
	rng := rand.New(rand.NewSource(3))
	for round := range 5000 {
		var s []byte
		for len(s) < round%40 {
			s = append(s, pieces[rng.Intn(len(pieces))]...)
		}
		o := &htmlOut{w: nil}
		o.text(string(s))
		if got, want := string(o.b), htmlTextRef(string(s)); got != want {
			t.Fatalf("text(%q) = %q, reference %q", s, got, want)
		}
	}
}
