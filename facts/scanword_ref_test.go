package facts

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"
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
			got, wc := scanWordPlain(text, i, to)
			if want := scanWordRef(text, i, to); got != want {
				t.Fatalf("scanWord(%q, %d, %d) = %d, reference %d", text, i, to, got, want)
			}
			w := text[i:got]
			want := wordOther
			if plainWord(w) {
				want = wordPlainLower
				if strings.ToLower(w) != w {
					want = wordPlainUpper
				}
			}
			if wc != want {
				t.Fatalf("scanWordPlain(%q, %d, %d): case %d for %q, want %d", text, i, to, wc, w, want)
			}
		}
	}
}

// plainWord reports whether w has only ASCII bytes other than "`": the
// words whose fold is only lowered.
func plainWord(w string) bool {
	for k := 0; k < len(w); k++ {
		if w[k] >= utf8.RuneSelf || w[k] == '`' {
			return false
		}
	}
	return true
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

// lowerASCIIRef lowers the ASCII capitals of s a byte at a time.
func lowerASCIIRef(s string) string {
	return strings.Map(func(r rune) rune { // only ASCII changes: other runes map to themselves
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}, s)
}

// TestLowerASCII: lowerASCII lowers A to Z and keeps every other byte,
// whatever its place in an eight-byte word and whatever its neighbours
// (the carries its arithmetic must not let through), and keeps invalid
// UTF-8 as it is.
func TestLowerASCII(t *testing.T) {
	var all []byte
	for c := range 256 {
		all = append(all, byte(c))
	}
	for shift := range 9 {
		s := strings.Repeat("x", shift) + string(all) + string(all[:shift])
		want := []byte(s)
		for k, c := range want {
			if 'A' <= c && c <= 'Z' {
				want[k] = c + 32
			}
		}
		if got := lowerASCII(s); got != string(want) {
			t.Fatalf("lowerASCII at shift %d:\n got %q\nwant %q", shift, got, want)
		}
	}
	for _, s := range append(scanWordCases, "", "A", "@[`{", "ÀÉÎ ĞÜ Governor JUNE Ellis, PORT ALDER") {
		if got, want := lowerASCII(s), lowerASCIIRef(s); got != want && !strings.ContainsRune(s, utf8.RuneError) {
			t.Fatalf("lowerASCII(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzLowerASCII holds lowerASCII to a byte-at-a-time lowering.
func FuzzLowerASCII(f *testing.F) {
	for _, s := range scanWordCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := []byte(s)
		for k, c := range want {
			if 'A' <= c && c <= 'Z' {
				want[k] = c + 32
			}
		}
		if got := lowerASCII(s); got != string(want) {
			t.Fatalf("lowerASCII(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestLowerCaseFoldSharesText: a lower-case word's fold is its text, not
// a copy in the lowered text, so that a fact holding it does not hold
// the lowered copy of its article as well.
func TestLowerCaseFoldSharesText(t *testing.T) {
	s := "Governor June Ellis said the harbour trust met in Port Alder."
	n := 0
	for _, tk := range Tokenize(s, 0, len(s)) {
		if tk.Kind == Word && tk.Fold == tk.Text {
			n++
			if unsafe.StringData(tk.Fold) != unsafe.StringData(tk.Text) {
				t.Errorf("fold of %q is a copy", tk.Text)
			}
		}
	}
	if n < 5 {
		t.Fatalf("only %d lower-case words", n)
	}
}

// cliticRef is clitic before it read the last two bytes first.
func cliticRef(w string) int {
	last, n := utf8.DecodeLastRuneInString(w)
	if last != 's' && last != 'S' && last != 't' && last != 'T' {
		return 0
	}
	a, an := utf8.DecodeLastRuneInString(w[:len(w)-n])
	if !isApostrophe(a) {
		return 0
	}
	k := len(w) - n - an
	if last == 't' || last == 'T' {
		if k > 1 && (w[k-1] == 'n' || w[k-1] == 'N') {
			return k - 1
		}
		return 0
	}
	if k == 0 {
		return 0
	}
	return k
}

// TestCliticMatchesReference: on every word of the seeds and the corpus
// and on each apostrophe-like mark before "s" and "t", clitic splits
// where it did before.
func TestCliticMatchesReference(t *testing.T) {
	words := []string{"", "s", "t", "'s", "n't", "x's", "xn't", "xt", "x´s", "x\xffs", "\xe2s", "nT", "don`T"}
	for _, m := range []string{"'", "’", "‘", "ʼ", "ʿ", "ʾ", "`", "´", "\"", "é"} {
		for _, end := range []string{"s", "S", "t", "T", "nt", "Nt"} {
			words = append(words, m+end, "Ann"+m+end, "ca"+m+end, "é"+m+end)
		}
	}
	for _, text := range readTexts(t, "../seeds/*.txt", "../../shared/corpus/*/*.txt") {
		words = append(words, strings.Fields(text)...)
	}
	split := 0
	for _, w := range words {
		got, want := clitic(w), cliticRef(w)
		if got != want {
			t.Fatalf("clitic(%q) = %d, before %d", w, got, want)
		}
		if got > 0 {
			split++
		}
	}
	if split < 50 {
		t.Fatalf("only %d words split: the test checks little", split)
	}
}
