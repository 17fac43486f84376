package facts

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// fastPathTexts are words and names with every kind of byte: ASCII
// capitals and marks, Latin-1 letters, other scripts, invalid UTF-8.
var fastPathTexts = func() []string {
	out := []string{"", "Ann", "ann", "ANN", "O`Brien", "O'Brien", "o'brien", "`", "'", "Élodie", "élodie",
		"ÉLODIE", "Ǆemal", "ǅemal", "ǆemal", "İstanbul", "istanbul", "Straße", "STRASSE", "Ｆull", "ᾈ", "\xff", "A\xffB",
		"Київ", "КИЇВ", "東京", "ª", "ⅷ", "Ⅷ", "José María", "JOSE MARIA", "Hale", "hALE", "H@le", "h@le", "[]", "{}"}
	for c := 0; c < 256; c++ {
		out = append(out, string(rune(c)), string([]byte{byte(c)}), "x"+string(rune(c)), "X"+string(rune(c)))
	}
	return out
}()

// TestFastPathsMatchUnicode holds the ASCII fast paths to what they
// replace: IsCapitalized to unicode.IsUpper of the first rune, caseCounts
// to counting unicode.IsUpper and IsLower over the runes, sameFold to
// comparing Folds.
func TestFastPathsMatchUnicode(t *testing.T) {
	for _, s := range fastPathTexts {
		r, _ := utf8.DecodeRuneInString(s)
		if got, want := (Token{Text: s}).IsCapitalized(), unicode.IsUpper(r); got != want {
			t.Errorf("IsCapitalized(%q) = %v, want %v", s, got, want)
		}
		up, low := 0, 0
		for _, r := range s {
			if unicode.IsUpper(r) {
				up++
			} else if unicode.IsLower(r) {
				low++
			}
		}
		if gu, gl := caseCounts(s); gu != up || gl != low {
			t.Errorf("caseCounts(%q) = %d, %d, want %d, %d", s, gu, gl, up, low)
		}
		for _, o := range fastPathTexts[:40] {
			if got, want := sameFold(s, o), Fold(s) == Fold(o); got != want {
				t.Errorf("sameFold(%q, %q) = %v, want %v", s, o, got, want)
			}
		}
	}
}

// TestFoldSimpleMatchesFold holds Fold (which folds text of simple runes
// rune by rune) to foldSlow (the whole-string passes) on every pair of
// simple runes between ASCII letters, on the invented texts, and on every
// line of the seed and corpus articles.
func TestFoldSimpleMatchesFold(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := Fold(s), foldSlow(s); got != want {
			t.Fatalf("Fold(%q) = %q, foldSlow gives %q", s, got, want)
		}
	}
	var rs []rune
	for _, rg := range simpleFoldRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			if _, ok := simpleFoldOf(r); ok {
				rs = append(rs, r)
			}
		}
	}
	if len(rs) < 300 {
		t.Fatalf("only %d simple runes: the fast path would rarely run", len(rs))
	}
	for i, a := range rs {
		for j := i % 7; j < len(rs); j += 7 { // a seventh of the pairs, each rune in many
			check("X" + string(a) + string(rs[j]) + "y")
		}
	}
	texts := append(append([]string{}, tokenizeCases...), fastPathTexts...)
	for _, text := range readTexts(t, "../seeds/*.txt", "../../shared/corpus/*/*.txt") {
		texts = append(texts, strings.Split(text, "\n")...)
	}
	for _, s := range texts {
		check(s)
	}
}

// FuzzFold holds Fold to foldSlow on arbitrary text.
func FuzzFold(f *testing.F) {
	for _, s := range tokenizeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if isASCII(s) {
			return
		}
		if got, want := Fold(s), foldSlow(s); got != want {
			t.Fatalf("Fold(%q) = %q, foldSlow gives %q", s, got, want)
		}
	})
}

// TestAtMostWordsMatchesWordCount: atMostWords(s, n) is wordCount(s) <= n.
func TestAtMostWordsMatchesWordCount(t *testing.T) {
	texts := append(append([]string{"a b c d e f g h i j", " a\u00a0b\u2003c ", "\n\n"}, tokenizeCases...), fastPathTexts...)
	for _, s := range texts {
		for n := 0; n <= 12; n++ {
			if got, want := atMostWords(s, n), wordCount(s) <= n; got != want {
				t.Errorf("atMostWords(%q, %d) = %v, wordCount is %d", s, n, got, wordCount(s))
			}
		}
	}
}

// looksLikeHTMLRef is looksLikeHTML as it was: the whole text lowered.
func looksLikeHTMLRef(s string) bool {
	head := strings.ToLower(strings.TrimLeft(strings.TrimPrefix(s, "\uFEFF"), " \t\r\n"))
	if strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") {
		return true
	}
	if len(head) > 4096 {
		head = head[:4096]
	}
	n := strings.Count(head, "<p>") + strings.Count(head, "<p ") + strings.Count(head, "<body") + strings.Count(head, "<div")
	return n >= 3
}

// TestLooksLikeHTMLPrefix: lowering only a prefix decides as lowering the
// whole text did, with tags on either side of the 4,096th byte and text
// that shrinks when lowered (the Kelvin sign, 3 bytes, lowers to "k").
func TestLooksLikeHTMLPrefix(t *testing.T) {
	fills := []string{"x", "\u212a", "É", "İ", "\xff", "東", "Ⱥ", "“", "\uFFFD"}
	var texts []string
	for _, f := range fills {
		for _, n := range []int{1000, 1360, 1365, 1366, 4090, 4094, 4100, 5000, 16400} {
			body := strings.Repeat(f, n)
			texts = append(texts, body) // no "<": plain text
			for _, tags := range []string{"<p><P><div>", "<P><Div ><body>", "<p>x<p>", "<DIV>"} {
				texts = append(texts, tags+body, body+tags, body[:len(body)/2]+tags+body[len(body)/2:],
					"\uFEFF \n"+body+tags+tags, strings.Repeat(tags+body, 3))
			}
		}
	}
	texts = append(texts, "<!DOCTYPE html>", "  <HTML>", "\uFEFF<html", "text <b>bold</b>")
	yes := 0
	for _, s := range texts {
		got, want := looksLikeHTML(s), looksLikeHTMLRef(s)
		if got != want {
			t.Fatalf("looksLikeHTML(%d bytes starting %q) = %v, lowering it all gives %v", len(s), s[:min(len(s), 40)], got, want)
		}
		if got {
			yes++
		}
	}
	if yes == 0 || yes == len(texts) {
		t.Fatalf("%d of %d texts look like HTML: the cases do not tell the two answers apart", yes, len(texts))
	}
}

// isHeadingRef is isHeading as it was: every count over every word.
func isHeadingRef(toks []Token) bool {
	if len(toks) == 0 {
		return true
	}
	up, low, nw, ncap := 0, 0, 0, 0
	for _, t := range toks {
		if t.Kind != Word {
			continue
		}
		for _, r := range t.Text {
			if unicode.IsUpper(r) {
				up++
			} else if unicode.IsLower(r) {
				low++
			}
		}
		if headingConnectors[t.Fold] && !t.IsCapitalized() {
			continue
		}
		nw++
		if nameTok(&t) {
			ncap++
		}
	}
	if up+low >= 6 && up*10 >= (up+low)*6 {
		return true
	}
	switch toks[len(toks)-1].Fold {
	case ".", "!", "?", `"`, "'", ")", ":":
		return false
	}
	return nw >= 2 && ncap*4 >= nw*3
}

// TestIsHeadingMatchesReference holds isHeading (which stops counting a
// stopped sentence once it cannot be in capitals) to counting everything,
// on every sentence of the seed and corpus articles and the invented
// texts, and on every prefix of sentences near the three-in-five line.
func TestIsHeadingMatchesReference(t *testing.T) {
	texts := append(append([]string{
		"PORT ALDER VOTES TO CAP FEES.", "PORT ALDER votes to cap FEES.", "PORT ALDER VOTES to cap.", "ABCDEF abcd.",
		"ABCDEF abcd!", "ABC def GHI jkl MNO.", "Emphasis on Unity and Stability", "Moscow, Jan 28, 2026", "ÉCOLE ÉTÉ naïf.",
		"A B C D E F g h i j.", "I.", "HE SAID (IT).", "NO \"QUOTE\" here'",
	}, tokenizeCases...), fuzzTexts...)
	texts = append(texts, readTexts(t, "../seeds/*.txt", "../../shared/corpus/*/*.txt")...)
	heads, n := 0, 0
	for _, s := range texts {
		for _, para := range []Span{{0, len(s)}} {
			for _, sp := range Sentences(s, para) {
				toks := Tokenize(s, sp.Start, sp.End)
				for k := len(toks); k >= 0 && k >= len(toks)-3; k-- {
					got, want := isHeading(toks[:k]), isHeadingRef(toks[:k])
					if got != want {
						t.Fatalf("isHeading(%q) = %v, counting everything gives %v", s[sp.Start:sp.End], got, want)
					}
					if got {
						heads++
					}
					n++
				}
			}
		}
	}
	if heads == 0 || heads == n {
		t.Fatalf("%d of %d sentences are headings: the cases do not tell the answers apart", heads, n)
	}
}

// dateHyphenPartRef is dateHyphenPart before its early return.
func dateHyphenPartRef(f string) bool {
	for _, p := range [...]string{"mid-", "end-", "early-", "late-"} {
		if len(f) > len(p) && f[:len(p)] == p {
			return true
		}
	}
	return false
}

// TestDateHyphenPartFastPath: the early return for short words and
// other first letters gives what trying every prefix gives.
func TestDateHyphenPartFastPath(t *testing.T) {
	words := []string{"", "m", "mid-", "mid-2", "mid-march", "end-", "end-m", "early-", "early-2024", "late-", "late-x",
		"Mid-2024", "midx", "lat", "e", "l", "endless", "earl-y", "later-2"}
	words = append(words, fastPathTexts...)
	for _, tk := range seedTokens(t) {
		words = append(words, tk.Fold)
	}
	hits := 0
	for _, w := range words {
		got, want := dateHyphenPart(w), dateHyphenPartRef(w)
		if got != want {
			t.Errorf("dateHyphenPart(%q) = %v, want %v", w, got, want)
		}
		if got {
			hits++
		}
	}
	if hits < 4 {
		t.Fatalf("only %d hyphen parts: the test checks little", hits)
	}
}

// TestLowerPrefix: lowerPrefix cuts where a rune starts, at the first
// point where the lowered prefix reaches n bytes, whatever the runes
// around it lower to.
func TestLowerPrefix(t *testing.T) {
	for _, f := range []string{"x", "X", "\u212a", "É", "İ", "\xff", "東", "Ⱥ", "“", "\uFFFD", "a\xe2\x80"} {
		for _, reps := range []int{0, 1, 7, 100, 1400, 2100, 4100} {
			s := strings.Repeat(f, reps)
			for _, n := range []int{0, 1, 2, 3, 14, 4095, 4096, 4097} {
				k := lowerPrefix(s, n)
				if k > len(s) || k < len(s) && !utf8.RuneStart(s[k]) && utf8.ValidString(s) {
					t.Fatalf("%q x%d, n=%d: cut at %d of %d", f, reps, n, k, len(s))
				}
				if got := len(strings.ToLower(s[:k])); k < len(s) && got < n {
					t.Fatalf("%q x%d, n=%d: prefix of %d bytes lowers to %d bytes", f, reps, n, k, got)
				}
				if k < len(s) && !strings.HasPrefix(strings.ToLower(s), strings.ToLower(s[:k])) {
					t.Fatalf("%q x%d, n=%d: lowered prefix is not a prefix of the lowered text", f, reps, n)
				}
				// Minimal: one rune less lowers to fewer than n bytes.
				if k > 0 {
					_, size := utf8.DecodeLastRuneInString(s[:k])
					if got := len(strings.ToLower(s[:k-size])); got >= n {
						t.Fatalf("%q x%d, n=%d: cut at %d, but %d bytes already lower to %d", f, reps, n, k, k-size, got)
					}
				}
			}
		}
	}
}
