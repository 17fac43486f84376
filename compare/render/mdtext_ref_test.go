package render

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// appendMdTextRef is appendMdText before it copied runs of plain bytes
// in one piece: a byte (or rune) at a time.
func appendMdTextRef(dst []byte, s string) []byte {
	word := false
	gap := false
	for i := 0; i < len(s); {
		c := s[i]
		size := 1
		space := false
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		} else {
			space = asciiSpace[c]
		}
		if space {
			if word {
				gap = true
			}
			word = false
			i += size
			continue
		}
		if gap {
			dst = append(dst, ' ')
			gap = false
		}
		word = true
		if c < utf8.RuneSelf && mdEscapes[c] != "" {
			dst = append(dst, mdEscapes[c]...)
		} else {
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return dst
}

// checkAppendMdText wants appendMdText to append what the reference and
// the escaper it stands for give, after some bytes already there.
func checkAppendMdText(t *testing.T, s string) {
	t.Helper()
	got, ref := string(appendMdText([]byte("x"), s)), string(appendMdTextRef([]byte("x"), s))
	want := "x" + mdEscaper.Replace(strings.Join(strings.Fields(s), " "))
	if got != ref || got != want {
		t.Fatalf("appendMdText(%q) = %q, reference %q, escaper %q", s, got, ref, want)
	}
}

func TestAppendMdTextMatchesReference(t *testing.T) {
	for _, s := range []string{"", " ", "a", "plain words here", "  lead and trail  ", "x*y_z [l](u) <b> #h a|b `c` \\",
		"nbsp\u00a0here em\u2003space", "curly “quotes” and ’s", "bad \xff utf8\xe2\x80", "\u0085next\u2028line",
		"tab\there\nnl\r\n", "ok — dash", "\u202eevil\u202c", "**bold**", "a\x00b\x7f"} {
		checkAppendMdText(t, s)
	}
}

func FuzzAppendMdText(f *testing.F) {
	f.Add("Governor June Ellis said *no*  to the [Harbour Trust]")
	f.Add("\u00a0a\u3000b\xffc ")
	f.Fuzz(checkAppendMdText)
}
