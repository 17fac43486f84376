package facts

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a dot that does not end a sentence. Folded, without
// the dot.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "sr": true,
	"jr": true, "gen": true, "col": true, "lt": true, "sgt": true, "capt": true,
	"cmdr": true, "adm": true, "maj": true, "rep": true, "sen": true,
	"gov": true, "pres": true, "prof": true, "rev": true, "hon": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "vs": true,
	"no": true, "nos": true, "fig": true, "approx": true, "est": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "mt": true, "ft": true, "ave": true,
	"u.s": true, "u.n": true, "u.k": true, "e.u": true, "d.c": true,
	"a.m": true, "p.m": true, "e.g": true, "i.e": true, "etc": true,
}

// Sentences splits text[para.Start:para.End] into sentence spans. A
// sentence ends at ".", "!" or "?" (with any closing quotes or brackets)
// followed by space and a capital letter, a digit or an opening quote —
// unless the dot ends an abbreviation ("Jan.", "Dr.", "U.S.") or an
// initial ("Rodney S. Scott").
func Sentences(text string, para Span) []Span { return appendSentences(nil, text, para) }

// appendSentences appends Sentences(text, para) to out, so that analyse
// reuses one slice for every paragraph (a slice per paragraph, grown
// sentence by sentence, was 5 % of Extract's allocations).
func appendSentences(out []Span, text string, para Span) []Span {
	start := skipSpace(text, para.Start, para.End)
	i := start
	for i < para.End {
		// The marks are ASCII, and no byte of another rune (nor an
		// invalid byte) is one: bytes are read, not runes, eight at a
		// time.
		i = nextSentenceMark(text, i, para.End)
		if i == para.End {
			break
		}
		r := rune(text[i])
		i++
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

// nextSentenceMark returns the index of the first '.', '!' or '?' in
// text[i:to], or to. Eight bytes are tested at once (SWAR): a sentence
// runs a hundred bytes or so, and the test a byte at a time was a
// fiftieth of extraction.
func nextSentenceMark(text string, i, to int) int {
	const each = 0x0101010101010101
	for ; i+8 <= to; i += 8 {
		x := load64(text, i)
		// hasZero's lowest set bit is its first zero byte's (a borrow only
		// makes false bits above a true one), so the lowest bit of the
		// three marks' union is the first mark.
		m := hasZero(x^each*'.') | hasZero(x^each*'!') | hasZero(x^each*'?')
		if m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for ; i < to; i++ {
		if c := text[i]; c == '.' || c == '!' || c == '?' {
			return i
		}
	}
	return to
}

// hasZero sets the high bit of the first zero byte of x (and maybe of
// later bytes, never of earlier ones).
func hasZero(x uint64) uint64 {
	return (x - 0x0101010101010101) &^ x & 0x8080808080808080
}

// load64 reads text[i:i+8] as a little-endian word (the compiler makes
// it one load).
func load64(text string, i int) uint64 {
	_ = text[i+7]
	return uint64(text[i]) | uint64(text[i+1])<<8 | uint64(text[i+2])<<16 | uint64(text[i+3])<<24 |
		uint64(text[i+4])<<32 | uint64(text[i+5])<<40 | uint64(text[i+6])<<48 | uint64(text[i+7])<<56
}

// noSentenceEnd reports whether the dot at text[dot] follows an
// abbreviation or a single-letter initial, given that the next sentence
// would start at text[next]. "No." counts numbers only before a digit
// ("No. 12"), and an abbreviation that can end a sentence ("the U.S.",
// "9 p.m.") does end it before a word that starts sentences ("The", "He").
func noSentenceEnd(text string, from, dot, next, to int) bool {
	j := dot
	for j > from {
		r, size := utf8.DecodeLastRuneInString(text[from:j])
		if !(isWordRune(r) || r == '.') {
			break
		}
		j -= size
	}
	w := text[j:dot]
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	f := Fold(w)
	if !abbreviations[f] {
		return false
	}
	nextWord := text[next:scanWord(text, next, to)]
	if f == "no" || f == "nos" {
		r, _ := utf8.DecodeRuneInString(nextWord)
		return unicode.IsDigit(r)
	}
	if finalAbbreviations[f] && sentenceStarters[Fold(nextWord)] {
		return false
	}
	return true
}

// finalAbbreviations can close a sentence: "… to the U.S. The ship …".
var finalAbbreviations = map[string]bool{
	"u.s": true, "u.n": true, "u.k": true, "e.u": true, "d.c": true,
	"a.m": true, "p.m": true, "etc": true, "inc": true, "ltd": true,
	"corp": true, "co": true,
}

// sentenceStarters are function words that open sentences and do not
// continue a name after an abbreviation.
var sentenceStarters = map[string]bool{
	"the": true, "he": true, "she": true, "it": true, "they": true, "we": true,
	"i": true, "but": true, "then": true, "this": true, "that": true,
	"these": true, "those": true, "there": true, "his": true, "her": true,
	"their": true, "its": true, "our": true, "however": true,
	"meanwhile": true, "in": true, "on": true, "at": true, "after": true,
	"when": true, "while": true, "if": true, "yet": true, "so": true,
}

func isClosing(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '»':
		return true
	}
	return false
}

func isOpening(r rune) bool {
	switch r {
	case '"', '“', '‘', '(', '[', '«', '\'':
		return true
	}
	return false
}

func skipSpace(text string, i, end int) int {
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:end])
		if !unicode.IsSpace(r) && r != '\uFEFF' {
			break
		}
		i += size
	}
	return i
}

func trimRightSpace(text string, start, end int) int {
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return end
}
