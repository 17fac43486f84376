package render

import (
	"bytes"
	"testing"
)

// TestBidiWriter: reordering controls become visible marks however the
// writes split them; direction marks, other three-byte runes and text
// pass unchanged.
func TestBidiWriter(t *testing.T) {
	in := "Roe: \u202e02 said\u202c; \u2067\u05e9\u05dc\u05d5\u05dd\u2069 \u200fok\u200e — “quoted” …\xe2"
	want := "Roe: [U+202E]02 said[U+202C]; [U+2067]\u05e9\u05dc\u05d5\u05dd[U+2069] \u200fok\u200e — “quoted” …\xe2"
	for size := 1; size <= len(in); size++ {
		var out bytes.Buffer
		bw := newBidiWriter(&out)
		for i := 0; i < len(in); i += size {
			end := min(i+size, len(in))
			if n, err := bw.Write([]byte(in[i:end])); err != nil || n != end-i {
				t.Fatalf("write: %d, %v", n, err)
			}
		}
		if err := bw.Close(); err != nil {
			t.Fatal(err)
		}
		if out.String() != want {
			t.Fatalf("writes of %d bytes: got %q, want %q", size, out.String(), want)
		}
	}
}
