package facts

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// tokenizeRef is Tokenize as it was before its ASCII short path and shared
// lowered copy: the reference the faster one must equal token for token.
func tokenizeRef(text string, from, to int) []Token {
	toks := make([]Token, 0, (to-from)/5)
	i := from
	for i < to {
		r, size := utf8.DecodeRuneInString(text[i:to])
		switch {
		case unicode.IsSpace(r) || r == '\uFEFF' || r == '\u00AD' || isInvisible(r):
			i += size
		case isWordRune(r):
			j := scanWordRef(text, i, to)
			w := text[i:j]
			tok := func(a, b int) Token {
				kind := Word
				if r, _ := utf8.DecodeRuneInString(text[a:b]); unicode.IsDigit(r) {
					kind = Number
				}
				return Token{Text: text[a:b], Fold: Fold(text[a:b]), Span: Span{a, b}, Kind: kind}
			}
			if k := clitic(w); k > 0 {
				toks = append(toks, tok(i, i+k), Token{Text: w[k:], Fold: Fold(w[k:]), Span: Span{i + k, j}, Kind: Word})
			} else {
				toks = append(toks, tok(i, j))
			}
			i = j
		default:
			toks = append(toks, Token{Text: text[i : i+size], Fold: foldPunct(text[i : i+size]), Span: Span{i, i + size}, Kind: Punct})
			i += size
		}
	}
	return toks
}

var tokenizeCases = []string{
	"", "Governor June Ellis said Port Alder's ferry won't sail; O`Brien, U.S. and 1,200.5 boats.",
	"ÉCOLE Tobrúk TOBRUK naïve \u00ad soft\u00adhyphen El\u200dlis \u202e212\u202c pas\u200bsengers",
	"«Quote» — “curly” ‘single’ rock ’n’ roll; Ann’s; DON'T; isn`t; 3.5-year-old al-Hakim",
	"\x00\x7f\t\v\f\r\n\xff\xfe broken \xe2\x80 UTF-8 КИЕВ Кіеv ΑΘΗΝΑ 東京 ١٢٣ ½",
}

// TestTokenizeMatchesReference holds Tokenize to tokenizeRef on invented
// texts with every class of character, at every start and end offset, and
// on the corpus articles when ../shared/corpus is there.
func TestTokenizeMatchesReference(t *testing.T) {
	check := func(text string, from, to int) {
		t.Helper()
		if diff := cmp.Diff(tokenizeRef(text, from, to), Tokenize(text, from, to), cmp.AllowUnexported(Token{})); diff != "" {
			t.Fatalf("Tokenize(%q, %d, %d) differs (-ref +new):\n%s", text, from, to, diff)
		}
	}
	for _, s := range tokenizeCases {
		for from := 0; from <= len(s); from++ {
			for to := from; to <= len(s); to += 1 + (to-from)/4 {
				check(s, from, to)
			}
			check(s, from, len(s))
		}
	}
	for _, text := range readTexts(t, "../../shared/corpus/*/*.txt") {
		check(text, 0, len(text))
	}
}

// FuzzTokenize holds Tokenize to tokenizeRef on arbitrary text and ranges.
func FuzzTokenize(f *testing.F) {
	for _, s := range tokenizeCases {
		f.Add(s, 0, len(s))
	}
	f.Fuzz(func(t *testing.T, s string, from, to int) {
		if from < 0 || to > len(s) || from > to {
			from, to = 0, len(s)
		}
		if diff := cmp.Diff(tokenizeRef(s, from, to), Tokenize(s, from, to), cmp.AllowUnexported(Token{})); diff != "" {
			t.Fatalf("Tokenize(%q, %d, %d) differs (-ref +new):\n%s", s, from, to, diff)
		}
	})
}

// TestSentenceTokensMatchTokenize holds the sentence tokens cut from a
// paragraph's to the sentence tokenised on its own, for every span of the
// invented texts (not only sentence spans, not only rune boundaries) and every sentence of the
// corpus articles.
func TestSentenceTokensMatchTokenize(t *testing.T) {
	check := func(text string, para, sp Span) {
		t.Helper()
		ptoks := Tokenize(text, para.Start, para.End)
		if diff := cmp.Diff(Tokenize(text, sp.Start, sp.End), sentenceTokens(text, ptoks, sp), cmp.AllowUnexported(Token{})); diff != "" {
			t.Fatalf("sentenceTokens(%q, %v) differs (-Tokenize +cut):\n%s", text, sp, diff)
		}
	}
	for _, s := range tokenizeCases {
		for from := 0; from <= len(s); from++ {
			for to := from; to <= len(s); to++ {
				check(s, Span{0, len(s)}, Span{from, to})
			}
		}
	}
	paths, _ := filepath.Glob("../../shared/corpus/*/*.txt")
	for _, p := range paths {
		a, err := ReadArticleFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, para := range a.Body {
			for _, sp := range Sentences(a.Text, para) {
				check(a.Text, para, sp)
			}
		}
	}
}

// FuzzSentenceTokens holds sentenceTokens to Tokenize on arbitrary text
// and spans.
func FuzzSentenceTokens(f *testing.F) {
	for _, s := range tokenizeCases {
		f.Add(s, 0, len(s)/2)
	}
	f.Fuzz(func(t *testing.T, s string, from, to int) {
		if from < 0 || to > len(s) || from > to {
			from, to = 0, len(s)
		}
		ptoks := Tokenize(s, 0, len(s))
		if diff := cmp.Diff(Tokenize(s, from, to), sentenceTokens(s, ptoks, Span{from, to}), cmp.AllowUnexported(Token{})); diff != "" {
			t.Fatalf("sentenceTokens(%q, %d, %d) differs (-Tokenize +cut):\n%s", s, from, to, diff)
		}
	})
}

// TestWordCountIsFields holds wordCount to len(strings.Fields(s)).
func TestWordCountIsFields(t *testing.T) {
	for _, s := range append(tokenizeCases, " a  b\tc\u00a0d\u2003e\u0085 ", "\xff \xfe", "   ") {
		if got, want := wordCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("wordCount(%q) = %d, strings.Fields gives %d", s, got, want)
		}
	}
}

// TestDatelineDateIn holds the prefiltered dateline-date match to the
// regexp alone.
func TestDatelineDateIn(t *testing.T) {
	lines := append([]string{"MOSCOW, Jan 28, 2026 — talks", "Moscow,  Sept. 3, 2025 (Reuters)", "Moscow,\tDec 1, 2020",
		"Paris, Mayor said, June 4, 2021", "no comma Jan 28, 2026", "Port Alder,Jan 28, 2026", "Alder, jan 28, 2026",
		"a, b, c, Oct 10, 1999.", ",", ", Jan", "Rome, Jan", "x,\vJan 2, 2020", "",
		"Rome, Jan 28, 20266", "Rome, Jan 280, 2026", "Rome, Janu.  28,  2026x", "Rome, Jan. 28,2026",
		"Rome, Jan 28 , 2026", "Rome, March 5, 2024_", "Rome, Mar 5, 2024é", "Rome, Jan 28, 202"}, tokenizeCases...)
	// Dateline dates with each part varied (missing, doubled, wrong), in
	// random combinations: the tail test must let every match through.
	parts := [][]string{
		{"Rome", "rome", "ROME", "Él", "x_"}, {",", "", ";"}, {" ", "", "  ", "\t", "\v"},
		{"Jan", "Sept", "Mar", "jan", "Ja"}, {"", "uary", "ember", "X", "é"}, {"", ".", ".."},
		{" ", "", "\n ", "\v"}, {"28", "3", "", "280", "x"}, {",", "", " ,"}, {" ", "", "\t\t"},
		{"2026", "202", "20266", "2026x", "2026_", "2026é", "2026."}}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for _, alts := range parts {
			k := 0 // the first alternative matches: most of the time
			if rng.IntN(5) == 0 {
				k = rng.IntN(len(alts))
			}
			b.WriteString(alts[k])
		}
		lines = append(lines, b.String())
	}
	for _, text := range readTexts(t, "../seeds/*.txt", "../../shared/corpus/*/*.txt") {
		lines = append(lines, strings.Split(text, "\n")...)
	}
	matched := 0
	for _, l := range lines {
		want := datelineDate.FindStringSubmatch(l)
		if diff := cmp.Diff(want, datelineDateIn(l)); diff != "" {
			t.Errorf("datelineDateIn(%q) differs from the regexp (-regexp +prefiltered):\n%s", l, diff)
		}
		if want != nil {
			matched++
		}
	}
	if matched < 100 {
		t.Fatalf("only %d lines hold a dateline date: the test checks little", matched)
	}
}

// countWordsRef is what quoteWordCount counted before countWords: the
// tokens that are not punctuation and do not fold to "'s".
func countWordsRef(text string, from, to int) int {
	n := 0
	for _, t := range Tokenize(text, from, to) {
		if t.Kind != Punct && t.Fold != "'s" {
			n++
		}
	}
	return n
}

// TestCountWordsMatchesTokenize holds countWords to counting Tokenize's
// tokens, at every start and end offset of the invented texts (with
// possessives spelled every way, "ʼs" a word of its own) and over the
// corpus articles when ../shared/corpus is there.
func TestCountWordsMatchesTokenize(t *testing.T) {
	cases := append([]string{"ʼs ʼS `s 'S’s n’t Ann‘s DON´T rock ’n’ roll x\u0301’s \u0301's"}, tokenizeCases...)
	check := func(text string, from, to int) {
		t.Helper()
		if got, want := countWords(text, from, to), countWordsRef(text, from, to); got != want {
			t.Fatalf("countWords(%q, %d, %d) = %d, Tokenize gives %d", text, from, to, got, want)
		}
	}
	for _, s := range cases {
		for from := 0; from <= len(s); from++ {
			for to := from; to <= len(s); to++ {
				check(s, from, to)
			}
		}
	}
	for _, text := range readTexts(t, "../../shared/corpus/*/*.txt") {
		check(text, 0, len(text))
	}
}

// FuzzCountWords holds countWords to counting Tokenize's tokens on
// arbitrary text and ranges.
func FuzzCountWords(f *testing.F) {
	for _, s := range tokenizeCases {
		f.Add(s, 0, len(s))
	}
	f.Fuzz(func(t *testing.T, s string, from, to int) {
		if from < 0 || to > len(s) || from > to {
			from, to = 0, len(s)
		}
		if got, want := countWords(s, from, to), countWordsRef(s, from, to); got != want {
			t.Fatalf("countWords(%q, %d, %d) = %d, Tokenize gives %d", s, from, to, got, want)
		}
	})
}

// TestCliticFold: every clitic clitic can split off ("'s" or "n't" with
// any apostrophe-like mark, in any case) folds as Fold folds it.
func TestCliticFold(t *testing.T) {
	n := 0
	for _, a := range []string{"'", "’", "‘", "ʼ", "ʿ", "ʾ", "`", "´"} {
		for _, c := range []string{a + "s", a + "S", "n" + a + "t", "N" + a + "T", "n" + a + "T", "N" + a + "t"} {
			w := "Ann" + c
			if k := clitic(w); k == 0 || w[k:] != c && w[k:] != c[1:] {
				t.Fatalf("clitic(%q) = %d: not the clitic %q", w, k, c)
			}
			if got, want := cliticFold(c), Fold(c); got != want {
				t.Errorf("cliticFold(%q) = %q, Fold gives %q", c, got, want)
			}
			n++
		}
	}
	if n != 48 {
		t.Fatalf("%d clitics checked", n)
	}
}

// readTexts returns the text of every file the patterns match (the seeds,
// the corpus when it is there), for the tests that hold fast paths to
// their reference over real articles.
func readTexts(t *testing.T, patterns ...string) []string {
	t.Helper()
	var texts []string
	for _, pat := range patterns {
		paths, _ := filepath.Glob(pat)
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	return texts
}
