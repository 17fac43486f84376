package facts

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// sentencesRef is Sentences as it was: it decoded every rune to find
// the sentence marks.
func sentencesRef(text string, para Span) []Span {
	var out []Span
	start := skipSpace(text, para.Start, para.End)
	i := start
	for i < para.End {
		r, size := utf8.DecodeRuneInString(text[i:para.End])
		i += size
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		end := i
		for end < para.End {
			c, n := utf8.DecodeRuneInString(text[end:para.End])
			if !isClosing(c) && c != '.' && c != '!' && c != '?' {
				break
			}
			end += n
		}
		next := skipSpace(text, end, para.End)
		if next == end && next < para.End {
			continue // "3.5", "U.S.-Mexico": no space after the mark
		}
		if next < para.End {
			c, _ := utf8.DecodeRuneInString(text[next:para.End])
			if !(unicode.IsUpper(c) || unicode.IsDigit(c) || isOpening(c)) {
				continue
			}
			if r == '.' && end == i && noSentenceEnd(text, start, i-1, next, para.End) {
				continue // a closing quote or bracket after the dot ends the sentence
			}
		}
		out = append(out, Span{start, trimRightSpace(text, start, end)})
		start = next
		i = next
	}
	if start < para.End {
		if e := trimRightSpace(text, start, para.End); e > start {
			out = append(out, Span{start, e})
		}
	}
	return out
}

// quoteMarksRef is quoteMarks as it was: it decoded every rune.
func quoteMarksRef(text string, para Span) []quoteMark {
	var out []quoteMark
	for i := para.Start; i < para.End; {
		r, size := utf8.DecodeRuneInString(text[i:para.End])
		var declared markDir
		switch r {
		case '“', '„', '‟', '«':
			declared = markOpen
		case '”', '»':
			declared = markClose
		case '"', '″':
			declared = markOpen | markClose
		default:
			i += size
			continue
		}
		prev, next := rune(' '), rune(' ')
		if i > para.Start {
			prev, _ = utf8.DecodeLastRuneInString(text[para.Start:i])
		}
		if i+size < para.End {
			next, _ = utf8.DecodeRuneInString(text[i+size : para.End])
		}
		canOpen := !unicode.IsSpace(next) && (unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/:", prev) || quoteMarkRune(prev))
		canClose := !unicode.IsSpace(prev) && (unicode.IsSpace(next) || unicode.IsPunct(next) && !strings.ContainsRune("([{", next) || quoteMarkRune(next))
		dir := declared
		switch {
		case declared == markOpen|markClose && canOpen != canClose:
			if canOpen {
				dir = markOpen
			} else {
				dir = markClose
			}
		case declared == markOpen && canClose && !canOpen:
			dir = markClose // „…“ and a closing “ typed for ”
		case declared == markClose && canOpen && !canClose:
			dir = markOpen
		}
		out = append(out, quoteMark{Span{i, i + size}, dir})
		i += size
	}
	return out
}

// scanRefTexts are the seeds, the corpus, the fuzz texts and texts with
// marks next to invalid bytes and multi-byte runes.
func scanRefTexts(t *testing.T) []string {
	texts := append(readTexts(t, "../seeds/*.txt", "../../shared/corpus/*/*.txt"), fuzzTexts...)
	texts = append(texts, []string{
		"He left.\xe2 She came! \xe2\x80. Then? \xff\"Yes,\" \xe2\x80\x9cno\xe2\x80.",
		"“Go.” «Non.» „Ja.“ ″Quote″ \"a\"b\" ‟x” End. 3.5 U.S.-Mexico. Ok…",
		"\x80.\x80!\x80? A. B. C.", "", ".", "\"", "é.É. Ü!Ö?",
	}...)
	return texts
}

// wholeSpans returns the text's paragraphs and, to reach every offset,
// the whole text as one span and spans starting inside runes.
func wholeSpans(text string) []Span {
	spans := []Span{{0, len(text)}}
	for _, p := range strings.Split(text, "\n\n") {
		if i := strings.Index(text, p); i >= 0 {
			spans = append(spans, Span{i, i + len(p)})
		}
	}
	for k := 1; k < 4 && k < len(text); k++ {
		spans = append(spans, Span{k, len(text)}, Span{0, len(text) - k})
	}
	return spans
}

func TestSentencesAndQuoteMarksMatchReference(t *testing.T) {
	n := 0
	for _, text := range scanRefTexts(t) {
		for _, sp := range wholeSpans(text) {
			if got, want := Sentences(text, sp), sentencesRef(text, sp); !slices.Equal(got, want) {
				t.Fatalf("Sentences(%q, %v) = %v, want %v", text[:min(len(text), 60)], sp, got, want)
			}
			if got, want := quoteMarks(text, sp), quoteMarksRef(text, sp); !slices.Equal(got, want) {
				t.Fatalf("quoteMarks(%q, %v) = %v, want %v", text[:min(len(text), 60)], sp, got, want)
			}
			n++
		}
	}
	if n < 100 {
		t.Fatalf("only %d spans checked", n)
	}
}

// FuzzSentenceScan holds Sentences and quoteMarks to the references on
// any text.
func FuzzSentenceScan(f *testing.F) {
	f.Add("He left. “Go,” she said! \xe2. Then?")
	f.Fuzz(func(t *testing.T, text string) {
		for _, sp := range wholeSpans(text) {
			if got, want := Sentences(text, sp), sentencesRef(text, sp); !slices.Equal(got, want) {
				t.Fatalf("Sentences(%q, %v) = %v, want %v", text, sp, got, want)
			}
			if got, want := quoteMarks(text, sp), quoteMarksRef(text, sp); !slices.Equal(got, want) {
				t.Fatalf("quoteMarks(%q, %v) = %v, want %v", text, sp, got, want)
			}
		}
	})
}

// nextSentenceMarkRef is the byte-at-a-time search nextSentenceMark
// replaced.
func nextSentenceMarkRef(text string, i, to int) int {
	for ; i < to; i++ {
		if c := text[i]; c == '.' || c == '!' || c == '?' {
			return i
		}
	}
	return to
}

// TestNextSentenceMark: the eight-byte search finds the first mark the
// byte loop finds, from every start to every end, with every byte value
// (bytes one off a mark, and the borrows of the zero-byte test) around.
func TestNextSentenceMark(t *testing.T) {
	var all strings.Builder
	for c := range 256 {
		all.WriteByte(byte(c))
	}
	texts := []string{all.String(), "No. 12 U.S.-Mexico, 3.5! Why? “Yes.” ,-/>@ \x00.\x01!\xff?", strings.Repeat("a", 40) + "?"}
	for _, s := range texts {
		for i := 0; i <= len(s); i++ {
			for to := i; to <= len(s) && to <= i+40; to++ {
				if got, want := nextSentenceMark(s, i, to), nextSentenceMarkRef(s, i, to); got != want {
					t.Fatalf("nextSentenceMark(%q, %d, %d) = %d, want %d", s, i, to, got, want)
				}
			}
		}
	}
}

// TestNoQuoteByte: the eight-byte test says true exactly when every byte
// is ASCII and none is '"', for each byte value at each place among
// other bytes (a '"' or a byte borrowing from its neighbour must not
// hide another).
func TestNoQuoteByte(t *testing.T) {
	for _, fill := range []byte{'a', 0, 0x21, 0x23, 0x7f, '"'} {
		for pos := range 8 {
			for v := range 256 {
				var b [8]byte
				for k := range b {
					b[k] = fill
				}
				b[pos] = byte(v)
				want := true
				for _, c := range b {
					if c >= 0x80 || c == '"' {
						want = false
					}
				}
				if got := noQuoteByte(load64(string(b[:]), 0)); got != want {
					t.Fatalf("noQuoteByte(%q) = %v", b, got)
				}
			}
		}
	}
}
