package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// appendJSONStringRef is appendJSONString as it was before it read plain
// bytes eight at a time: the reference it must equal.
func appendJSONStringRef(dst []byte, s string) []byte {
	// The bytes written as they are, found by one look-up each: printable
	// ASCII but the quote and the backslash.
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if jsonPlain[s[i]] {
			i++
			continue
		}
		if b := s[i]; b < utf8.RuneSelf {
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', jsonHex[b>>4], jsonHex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', jsonHex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// encoderString is s as encoding/json writes it (without HTML escaping).
func encoderString(t testing.TB, s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

func checkJSONString(t *testing.T, s string) {
	t.Helper()
	got := string(appendJSONString(nil, s))
	if want := string(appendJSONStringRef(nil, s)); got != want {
		t.Fatalf("appendJSONString(%q) = %s, reference %s", s, got, want)
	}
	if want := encoderString(t, s); got != want {
		t.Fatalf("appendJSONString(%q) = %s, encoding/json %s", s, got, want)
	}
}

// TestJSONStringWords puts each byte that needs a look at every place of
// an eight-byte word, after plain runs of every length.
func TestJSONStringWords(t *testing.T) {
	specials := []string{"\"", "\\", "\x00", "\x1f", "\n", "\x7f", " ", "~", "é", "\u2028", "\u2029", "\xff", "\xe2\x80", "€", "😀"}
	for pre := 0; pre <= 17; pre++ {
		for _, sp := range specials {
			for post := 0; post <= 9; post++ {
				checkJSONString(t, strings.Repeat("a", pre)+sp+strings.Repeat("z", post))
			}
		}
	}
	for b := 0; b < 256; b++ {
		checkJSONString(t, "abcdefg"+string([]byte{byte(b)})+"hijklmnop")
	}
}

// FuzzJSONString holds appendJSONString to the reference and to
// encoding/json on any string.
func FuzzJSONString(f *testing.F) {
	f.Add("plain words of an article, “quoted” and \"escaped\"\n")
	f.Add("\u2028\x00\\\xff" + strings.Repeat("x", 20))
	f.Fuzz(func(t *testing.T, s string) {
		checkJSONString(t, s)
	})
}

// jsonBenchSentence is article text as reports carry it: mostly plain, a
// quote mark, an apostrophe or a curly quote now and then.
const jsonBenchSentence = `French President Emmanuel Macron arrived in Washington on Monday for a three-day state visit, the first of Donald Trump’s presidency, as the two leaders seek common ground on Iran & trade. "We have a very special relationship," Trump said.`

// BenchmarkJSONString and BenchmarkJSONStringRef: the word test against
// the byte-by-byte reference on one sentence.
func BenchmarkJSONString(b *testing.B) {
	buf := make([]byte, 0, 1024)
	for b.Loop() {
		buf = appendJSONString(buf[:0], jsonBenchSentence)
	}
}

func BenchmarkJSONStringRef(b *testing.B) {
	buf := make([]byte, 0, 1024)
	for b.Loop() {
		buf = appendJSONStringRef(buf[:0], jsonBenchSentence)
	}
}
