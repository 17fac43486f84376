package facts

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// scanWordRef is scanWord as it was before its ASCII short path for the
// byte that ends a word: it decoded every byte that was no ASCII word
// rune and asked isWordRune and isInvisible of it.
func scanWordRef(text string, i, to int) int {
	j := i
	for j < to {
		if c := text[j]; c < utf8.RuneSelf && asciiWord[c] {
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[j:to])
		if isWordRune(r) {
			j += size
			continue
		}
		if isInvisible(r) && j+size < to && letterRune(text[i:j], true) && letterRune(text[j+size:to], false) {
			j += size
			continue
		}
		if r == '-' || r == '.' || r == ',' || isApostrophe(r) {
			if j+size >= to {
				break
			}
			next, _ := utf8.DecodeRuneInString(text[j+size : to])
			prev, _ := utf8.DecodeLastRuneInString(text[i:j])
			if !isWordRune(next) {
				break
			}
			if r == ',' && !(unicode.IsDigit(prev) && unicode.IsDigit(next)) {
				break
			}
			if r == '.' && !(unicode.IsDigit(prev) && unicode.IsDigit(next)) && !isInitialDot(text, i, j, to) {
				break
			}
			j += size
			continue
		}
		break
	}
	return j
}

// checkScanWord holds scanWord to scanWordRef at every start of text
// whose first rune is a word rune (scanWord's callers' promise), for
// every end.
func checkScanWord(t *testing.T, text string) {
	t.Helper()
	for i := 0; i < len(text); i++ {
		r, _ := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			continue
		}
		for to := i + 1; to <= len(text); to++ {
			if got, want := scanWord(text, i, to), scanWordRef(text, i, to); got != want {
				t.Fatalf("scanWord(%q, %d, %d) = %d, reference %d", text, i, to, got, want)
			}
		}
	}
}

var scanWordCases = []string{
	"U.S. 1,200.5 boats, O'Brien O`Brien Ann’s don't al-Hakim 3.5-year-old a.b.c.d",
	"El\u200dlis Al\u200bder \u202e212\u202c na\u0308ive x-\u0301y a-- b.. c,,d 1,a 1.a A.B",
	"Tobrúk-Ελλάδα 東京,１２ \xff\xfe a\x80b a.\xffb a'\xe2\x80 end-",
	"!\"#$%&()*+/:;<=>?@[\\]^_{|}~ a!b a\"b a#b a_b a~b a\x00b a\tb",
}

// TestScanWordMatchesReference: the word ends scanWord finds are the
// reference's on texts with every joiner and every class of end byte,
// and on the corpus articles when ../shared/corpus is there.
func TestScanWordMatchesReference(t *testing.T) {
	for _, s := range scanWordCases {
		checkScanWord(t, s)
	}
	for _, text := range readTexts(t, "../../shared/corpus/*/*.txt") {
		for i := 0; i < len(text); i++ {
			if r, _ := utf8.DecodeRuneInString(text[i:]); isWordRune(r) {
				if got, want := scanWord(text, i, len(text)), scanWordRef(text, i, len(text)); got != want {
					t.Fatalf("scanWord at %d = %d, reference %d", i, got, want)
				}
			}
		}
	}
}

// FuzzScanWord holds scanWord to scanWordRef on arbitrary text.
func FuzzScanWord(f *testing.F) {
	for _, s := range scanWordCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 200 {
			s = s[:200]
		}
		checkScanWord(t, s)
	})
}
