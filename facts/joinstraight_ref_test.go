package facts

import (
	"strings"
	"testing"
)

var quoteStraighten = strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'", "“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`)

// joinStraightRef is how quoteValue joined and straightened its pieces
// before joinStraight.
func joinStraightRef(parts []string) string {
	return quoteStraighten.Replace(strings.Join(strings.Fields(strings.Join(parts, " ")), " "))
}

// joinStraightEdge are pieces with every mark, spaces of every kind at
// the ends and inside, empty pieces and invalid UTF-8.
var joinStraightEdge = [][]string{
	nil, {""}, {"", ""}, {" "}, {" a ", " b "}, {"", "a"}, {"a", ""},
	{"We’ll ‘win’ it", "ʼtis «so» „really“ ”done”"},
	{"a\u00a0b\u2003c\u0085d", "\t e\n\r\v\f f "},
	{"\xe2\x80", "\x99 \xe2\xe2\x80\x99 \xc2\xab\xc2"},
	{"Governor June Ellis, ", "we will keep the port open."},
}

// TestJoinStraightMatchesReference: on edge cases and on the quotes of
// the seeds, the corpus and the fuzz texts, with their paragraphs cut in
// pieces, joinStraight says what joinStraightRef says.
func TestJoinStraightMatchesReference(t *testing.T) {
	for _, parts := range joinStraightEdge {
		if got, want := joinStraight(parts), joinStraightRef(parts); got != want {
			t.Fatalf("joinStraight(%q) = %q, want %q", parts, got, want)
		}
	}
	texts := append([]string(nil), fuzzTexts...)
	texts = append(texts, readTexts(t, "../seeds/*.txt", "../../shared/corpus/*/*.txt")...)
	changed := 0
	for _, text := range texts {
		for _, para := range strings.Split(text, "\n\n") {
			// The paragraph in pieces cut at its quotation marks.
			parts := strings.FieldsFunc(para, func(r rune) bool { return r == '"' || r == '“' || r == '”' })
			for _, ps := range [][]string{{para}, parts} {
				got, want := joinStraight(ps), joinStraightRef(ps)
				if got != want {
					t.Fatalf("joinStraight(%q) = %q, want %q", ps, got, want)
				}
				if want != strings.Join(ps, " ") {
					changed++
				}
			}
		}
	}
	if changed < 10 {
		t.Fatalf("only %d joins changed anything: the test checks little", changed)
	}
}

// FuzzJoinStraight holds joinStraight to joinStraightRef on any pieces.
func FuzzJoinStraight(f *testing.F) {
	for _, parts := range joinStraightEdge {
		f.Add(strings.Join(parts, "|"))
	}
	f.Fuzz(func(t *testing.T, s string) {
		parts := strings.Split(s, "|")
		if got, want := joinStraight(parts), joinStraightRef(parts); got != want {
			t.Fatalf("joinStraight(%q) = %q, want %q", parts, got, want)
		}
	})
}
