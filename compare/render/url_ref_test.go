package render

import (
	"fmt"
	"strings"
	"testing"
)

// processURLRef is processURL as it was before it looked for a byte to
// encode first: the reference it must equal.
func processURLRef(s string, norm bool) string {
	var b strings.Builder
	written := 0
	for i, n := 0, len(s); i < n; i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if norm {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		fmt.Fprintf(&b, "%%%02x", c)
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

func TestProcessURLMatchesReference(t *testing.T) {
	for _, s := range []string{"", "#a3-120-131", "a b", "https://example.com/x?y=1&z=[2]", "%41%zz%4", "%", "100%", "ü", "\x00\xff",
		"!#$&*+,/:;=?@[]", "-._~", "a%2Fb c"} {
		for _, norm := range []bool{true, false} {
			if got, want := processURL(s, norm), processURLRef(s, norm); got != want {
				t.Errorf("processURL(%q, %v) = %q, reference %q", s, norm, got, want)
			}
		}
	}
}

func FuzzProcessURL(f *testing.F) {
	f.Add("https://example.com/a b?c=%41&d=%zz")
	f.Fuzz(func(t *testing.T, s string) {
		for _, norm := range []bool{true, false} {
			if got, want := processURL(s, norm), processURLRef(s, norm); got != want {
				t.Fatalf("processURL(%q, %v) = %q, reference %q", s, norm, got, want)
			}
		}
	})
}
