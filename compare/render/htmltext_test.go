package render

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
)

// textRef is htmlOut.text as it was before it read plain bytes eight at
// a time: the reference it must equal.
func textRef(w *bufio.Writer, s string) {
	written := 0
	for i := 0; i < len(s); i++ {
		k := htmlEscape[s[i]]
		if k == 0 {
			continue
		}
		w.WriteString(s[written:i])
		w.WriteString(htmlEscapes[k])
		written = i + 1
	}
	w.WriteString(s[written:])
}

func checkHTMLText(t *testing.T, s string) {
	t.Helper()
	var got, want bytes.Buffer
	gw, ww := bufio.NewWriter(&got), bufio.NewWriter(&want)
	htmlOut{gw}.text(s)
	textRef(ww, s)
	gw.Flush()
	ww.Flush()
	if got.String() != want.String() {
		t.Fatalf("text(%q) = %q, reference %q", s, got.String(), want.String())
	}
}

// TestHTMLTextWords puts each escaped byte, and some that are not, at
// every place of an eight-byte word after plain runs of every length.
func TestHTMLTextWords(t *testing.T) {
	for pre := 0; pre <= 17; pre++ {
		for _, sp := range []string{"\x00", `"`, "&", "'", "+", "<", ">", "=", "\x01", "é", "\xff", "“", "\x80"} {
			for post := 0; post <= 9; post++ {
				checkHTMLText(t, strings.Repeat("a", pre)+sp+strings.Repeat("z", post))
			}
		}
	}
	for b := 0; b < 256; b++ {
		checkHTMLText(t, "abcdefg"+string([]byte{byte(b)})+"hijklmnop")
	}
}

// FuzzHTMLText holds text to the reference on any string.
func FuzzHTMLText(f *testing.F) {
	f.Add(`plain words of an article, “quoted” & <b>marked</b> 'x' + y` + "\x00")
	f.Fuzz(func(t *testing.T, s string) { checkHTMLText(t, s) })
}
