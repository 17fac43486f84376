package facts

import (
	"encoding/binary"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Token is one word, number or punctuation mark of a text, with its span
// and its folded form.
type Token struct {
	// Text is the token as written.
	Text string
	// Fold is Text lower-cased, with diacritics removed and every
	// apostrophe-like mark turned into "'": the form all matching uses.
	Fold string
	// Span locates Text in the article text.
	Span Span
	// Kind says whether the token is a word, number or punctuation mark.
	Kind TokenKind
	// qv holds, kept by classify when cls has lcKnown, the quantity
	// classes of the token (qtyClassOf) in its low five bits and
	// verbClass[Fold] above them: one byte, so that id fits in the
	// struct's padding too.
	qv uint8
	// id numbers the token's fold in its article's vocabulary (see
	// vocab.go); 0 when it has none (a token made outside analyse).
	id uint16
	// cls is the word classes of Fold, set when an article is analysed
	// (see lexclass.go); it fits in the struct's padding.
	cls lexClass
}

// TokenKind classifies tokens.
type TokenKind uint8

// Token kinds.
const (
	Word TokenKind = iota + 1
	Number
	Punct
)

// IsCapitalized reports whether the token starts with an upper-case letter.
func (t Token) IsCapitalized() bool { return capitalText(t.Text) }

// capitalText reports whether s starts with an upper-case letter. The
// finders ask it of tokens' texts, not Token.IsCapitalized: it is small
// enough to be inlined, so an ASCII word costs a byte test, where the
// method, a call copying the whole token, was 3 % of extraction.
func capitalText(s string) bool {
	return s != "" && (s[0]-'A' < 26 || s[0] >= utf8.RuneSelf && upperFirst(s))
}

// upperFirst reports whether s starts with an upper-case rune.
func upperFirst(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// Tokenize splits text[from:to] into tokens whose spans are offsets into
// text. Words keep inner hyphens ("al-Hakim", "14-year"), inner dots
// between letters or digits ("U.S", "3.5"), inner commas between digits
// ("1,200") and inner apostrophes ("O'Brien"), but a final "'s" or "n't" is a
// token of its own, so "Syria's" gives "Syria" and "'s".
func Tokenize(text string, from, to int) []Token {
	// Text averages 5.3 bytes a token (corpus and seeds): a quarter of
	// the length is enough for nearly every paragraph without regrowing.
	var low lowered
	return tokenizeAppend(make([]Token, 0, tokenCap(from, to)), text, from, to, &low, from, to)
}

// tokenCap is the capacity Tokenize gives text[from:to]'s tokens.
func tokenCap(from, to int) int { return (to-from)/4 + 2 }

// tokenizeAppend appends Tokenize(text, from, to) to toks; low lowers
// text[lfrom:lto], which holds [from, to), so that an article's
// paragraphs can share one buffer and one lowered copy.
func tokenizeAppend(toks []Token, text string, from, to int, low *lowered, lfrom, lto int) []Token {
	i := from
	for i < to {
		// ASCII, most of any article, takes a short path: the same
		// classes as below (ASCII space is unicode.IsSpace's; ASCII word
		// runes are letters and digits; nothing ASCII is invisible).
		if c := text[i]; c < utf8.RuneSelf {
			switch {
			case asciiSpace[c]:
				i++
			case asciiWord[c]:
				j, wc := scanWordPlain(text, i, to)
				toks = appendWordLow(toks, text, i, j, wc, low, lfrom, lto)
				i = j
			default:
				toks = append(toks, Token{Text: text[i : i+1], Fold: foldPunct(text[i : i+1]), Span: Span{i, i + 1}, Kind: Punct})
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:to])
		switch {
		case unicode.IsSpace(r) || r == '\uFEFF' || r == '\u00AD' || isInvisible(r):
			i += size
		case isWordRune(r):
			j := scanWord(text, i, to)
			toks = appendWordLow(toks, text, i, j, wordOther, low, lfrom, lto)
			i = j
		default:
			toks = append(toks, Token{Text: text[i : i+size], Fold: foldPunct(text[i : i+size]), Span: Span{i, i + size}, Kind: Punct})
			i += size
		}
	}
	return toks
}

// asciiWordCap has wordByte for each ASCII word byte, and capByte too
// for the capitals.
var asciiWordCap = func() (t [utf8.RuneSelf]uint8) {
	for c := range utf8.RuneSelf {
		if asciiWord[c] {
			t[c] = wordByte
		}
		if 'A' <= c && c <= 'Z' {
			t[c] |= capByte
		}
	}
	return t
}()

// asciiWordCap256 is asciiWordCap for every byte value, 0 from
// utf8.RuneSelf on: scanWordPlain's ASCII loop indexes it with no test.
var asciiWordCap256 = func() (t [256]uint8) {
	copy(t[:], asciiWordCap[:])
	return t
}()

const (
	wordByte uint8 = 1 << iota
	capByte
)

var asciiSpace, asciiWord = func() (sp, w [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		sp[c] = unicode.IsSpace(rune(c))
		w[c] = isWordRune(rune(c))
	}
	return sp, w
}()

// lowered is the tokenised text with its ASCII capitals lowered, made on
// first need: the fold of an ASCII word is then a slice of it, one
// allocation per call instead of one per capitalised word.
type lowered struct {
	s    string
	from int
}

// plain returns Fold(text[i:j]) for a word of ASCII bytes other than
// "`" with a capital (what scanWordPlain calls wordPlainUpper): text[i:j]
// with its capitals lowered, a slice of the lowered copy, which is made
// on first need.
func (l *lowered) plain(text string, i, j, from, to int) string {
	if l.s == "" {
		l.s, l.from = lowerASCII(text[from:to]), from
	}
	return l.s[i-l.from : j-l.from]
}

// lowerASCII returns s with its ASCII capitals lowered and every other
// byte as it is, eight bytes at a time: a byte at a time, with the
// per-word test for capitals that made it on demand, it was a fortieth
// of extraction. Text without capitals is returned as it is, not copied.
func lowerASCII(s string) string {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if upperASCII(load64(s, i)) != 0 {
			break
		}
	}
	if i+8 > len(s) {
		for ; i < len(s) && (s[i] < 'A' || s[i] > 'Z'); i++ {
		}
		if i == len(s) {
			return s
		}
	}
	// s[i:] holds the first capital: copy, and lower from there.
	b := make([]byte, len(s))
	copy(b, s)
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		binary.LittleEndian.PutUint64(b[i:], x^upperASCII(x)>>2) // 0x80>>2 is 'a'-'A'
	}
	for ; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + ('a' - 'A')
		}
	}
	// b is never written again: the string can share its bytes, as
	// strings.Builder's does.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// upperASCII sets the high bit of each byte of x that is an ASCII
// capital, and no other bit.
func upperASCII(x uint64) uint64 {
	const (
		low7 = 0x7f7f7f7f7f7f7f7f
		high = 0x8080808080808080
		each = 0x0101010101010101
	)
	h := x & low7                // each byte's low seven bits: no carry between bytes below
	geA := h + each*(0x80-'A')   // high bit set where h >= 'A'
	gtZ := h + each*(0x80-'Z'-1) // high bit set where h > 'Z'
	return geA &^ gtZ &^ x & high
}

// fold returns Fold(text[i:j]).
func (l *lowered) fold(text string, i, j, from, to int) string {
	w := text[i:j]
	upper := false
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= utf8.RuneSelf || c == '`' {
			return Fold(w)
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if !upper {
		return w // what strings.ToLower returns for it
	}
	if l.s == "" {
		// Built in a Builder, whose String does not copy the bytes again,
		// from the runs between capitals, copied whole: a byte at a time
		// was a tenth of tokenising.
		var b strings.Builder
		b.Grow(to - from)
		run := from
		for k := from; k < to; k++ {
			if c := text[k]; 'A' <= c && c <= 'Z' {
				b.WriteString(text[run:k])
				b.WriteByte(c + ('a' - 'A'))
				run = k + 1
			}
		}
		b.WriteString(text[run:to])
		l.s, l.from = b.String(), from
	}
	return l.s[i-l.from : j-l.from]
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', 'ʿ', 'ʾ', '`', '´':
		return true
	}
	return false
}

// scanWord returns the end of the word starting at i.
func scanWord(text string, i, to int) int {
	j, _ := scanWordPlain(text, i, to)
	return j
}

// wordCase is what scanWordPlain learns of a word's bytes.
type wordCase uint8

const (
	// wordOther: a byte is not ASCII, or is "`": Fold must read it.
	wordOther wordCase = iota
	// wordPlainLower: ASCII without "`" and without a capital; the word
	// is its own fold.
	wordPlainLower
	// wordPlainUpper: ASCII without "`", with a capital; its fold is the
	// word lowered.
	wordPlainUpper
)

// scanWordPlain returns the end of the word starting at i, and its case:
// tokenizeAppend then takes its fold (the word itself, or a slice of the
// lowered copy) without reading its bytes again. A lower-case word stays
// a slice of the text, as Fold's would, so that facts holding a fold do
// not hold the lowered copy too.
func scanWordPlain(text string, i, to int) (int, wordCase) {
	j := i
	plain := true
	var seen uint8 // the OR of asciiWordCap of the ASCII word bytes
	// The ASCII letters and digits a word mostly is, in a loop of their
	// own: the loop below, with its runes and joiners live, spent some
	// twenty instructions on each of them.
	if to <= len(text) {
		s := text[:to]
		for j < len(s) {
			k := asciiWordCap256[s[j]]
			if k == 0 {
				break
			}
			seen |= k
			j++
		}
	}
	for j < to {
		var r rune
		size := 1
		if c := text[j]; c < utf8.RuneSelf {
			if k := asciiWordCap[c]; k != 0 {
				seen |= k // no branch on the byte's case
				j++
				continue
			}
			// An ASCII byte that is no word rune is no invisible one
			// either: only the joiners below can keep the word going.
			// (Decoding it and asking isWordRune, a binary search of
			// unicode.Mn, cost most words a tenth of their scan.)
			if c != '-' && c != '.' && c != ',' && c != '\'' && c != '`' {
				break
			}
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[j:to])
			if isWordRune(r) {
				j += size
				plain = false
				continue
			}
			// An invisible format character between two letters is part
			// of the word, so "El\u200dlis" is one word that folds to
			// "ellis".
			if isInvisible(r) && j+size < to && letterRune(text[i:j], true) && letterRune(text[j+size:to], false) {
				j += size
				plain = false
				continue
			}
		}
		// Joiners stay inside a word only between two word runes.
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
			if r >= utf8.RuneSelf || r == '`' {
				plain = false
			}
			continue
		}
		break
	}
	switch {
	case !plain:
		return j, wordOther
	case seen&capByte != 0:
		return j, wordPlainUpper
	}
	return j, wordPlainLower
}

// isInvisible reports whether r is a zero-width or bidirectional format
// character: it changes how a text looks (joins, breaks or reorders), never
// what a word says. Pasted or hostile text puts them inside names ("June
// El\u200dlis", "Port Al\u200bder"); inside a word they are kept in its
// text, so spans stay true, and dropped from its fold, so the name still
// matches its plain spelling. Between words they are skipped like space:
// "\u202e212\u202c passengers" is still a count of passengers.
func isInvisible(r rune) bool {
	switch {
	case r >= '\u200B' && r <= '\u200F', // zero-width space, non-joiner, joiner; LRM, RLM
		r >= '\u202A' && r <= '\u202E', // bidi embeddings and overrides
		r >= '\u2060' && r <= '\u2064', // word joiner, invisible operators
		r >= '\u2066' && r <= '\u2069': // bidi isolates
		return true
	}
	return false
}

// letterRune reports whether the last (or, with last false, the first)
// rune of s is a letter or combining mark.
func letterRune(s string, last bool) bool {
	var r rune
	if last {
		r, _ = utf8.DecodeLastRuneInString(s)
	} else {
		r, _ = utf8.DecodeRuneInString(s)
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// isInitialDot reports whether the dot at j joins single letters, as in
// "U.S" or "U.N": the part before it since the last dot is one letter and
// so is the part after it.
func isInitialDot(text string, start, j, to int) bool {
	seg := text[start:j]
	if k := strings.LastIndexByte(seg, '.'); k >= 0 {
		seg = seg[k+1:]
	}
	if utf8.RuneCountInString(seg) != 1 {
		return false
	}
	_, size := utf8.DecodeRuneInString(text[j+1 : to])
	k := j + 1 + size
	if k >= to {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[k:to])
	return !isWordRune(r)
}

// appendWordLow appends the word text[i:j], splitting a final "'s" or
// "n't"; folds come from low.
func appendWordLow(toks []Token, text string, i, j int, wc wordCase, low *lowered, from, to int) []Token {
	w := text[i:j]
	if k := clitic(w); k > 0 {
		toks = append(toks, wordTokenLow(text, i, i+k, wc, low, from, to))
		return append(toks, Token{Text: w[k:], Fold: cliticFold(w[k:]), Span: Span{i + k, j}, Kind: Word})
	}
	return append(toks, wordTokenLow(text, i, j, wc, low, from, to))
}

// wordTokenLow returns the token of the word text[i:j]; wc is what
// scanWordPlain said of it.
func wordTokenLow(text string, i, j int, wc wordCase, low *lowered, from, to int) Token {
	w := text[i:j]
	kind := Word
	if c := w[0]; c < utf8.RuneSelf {
		if '0' <= c && c <= '9' {
			kind = Number
		}
	} else if r, _ := utf8.DecodeRuneInString(w); unicode.IsDigit(r) {
		kind = Number
	}
	var f string
	switch wc {
	case wordPlainLower:
		f = w
	case wordPlainUpper:
		f = low.plain(text, i, j, from, to)
	default:
		f = low.fold(text, i, j, from, to)
	}
	return Token{Text: w, Fold: f, Span: Span{i, j}, Kind: kind}
}

// cliticFold returns Fold(c) for a clitic c that clitic split off: an
// apostrophe-like mark and "s", or "n", the mark and "t", in any case.
// Every such mark folds to "'", and a curly "’s" would otherwise take
// Fold's slow path for non-ASCII text.
func cliticFold(c string) string {
	if last := c[len(c)-1]; last == 's' || last == 'S' {
		return "'s"
	}
	return "n't"
}

// clitic returns the offset in w where a final "'s" or "n't" starts, or 0.
func clitic(w string) int {
	// The last rune is "s" or "t" only if the last byte is, and the mark
	// before it is ASCII only as "'" or "`": most words are told by
	// their last two bytes, without decoding runes (which was a third of
	// appending a word's token).
	n := len(w)
	if n == 0 {
		return 0
	}
	if c := w[n-1]; c != 's' && c != 'S' && c != 't' && c != 'T' {
		return 0
	}
	if n < 2 {
		return 0
	}
	if c := w[n-2]; c < utf8.RuneSelf && c != '\'' && c != '`' {
		return 0
	}
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

var foldApostrophes = strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'", "ʿ", "'", "ʾ", "'", "`", "'", "´", "'")

// Fold returns s lower-cased, stripped of diacritics (NFKD, combining marks
// removed), with apostrophe-like marks turned into "'" and Cyrillic letters
// that look Latin turned Latin. It is how aliases, cues and text are
// compared: "Tobrúk", "TOBRUK" and "Tobruk" fold alike.
func Fold(s string) string {
	if isASCII(s) {
		return foldASCII(s)
	}
	if f, ok := foldSimple(s); ok {
		return f
	}
	return foldSlow(s)
}

// foldASCII is Fold of ASCII text: strings.ToLower(strings.ReplaceAll(s,
// "`", "'")) in one string, copied in runs between the bytes it changes
// (folding every line of an article was a quarter of ParseArticle).
func foldASCII(s string) string {
	if strings.IndexByte(s, '`') < 0 {
		// Only capitals change: lowerASCII lowers them eight bytes at a
		// time, and returns s itself when there is none.
		return lowerASCII(s)
	}
	k := 0
	for k < len(s) && !asciiFoldChanges(s[k]) {
		k++
	}
	if k == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	writeFoldASCII(&b, s)
	return b.String()
}

// asciiFoldChanges reports whether asciiFold(c) != c.
func asciiFoldChanges(c byte) bool { return 'A' <= c && c <= 'Z' || c == '`' }

// writeFoldASCII writes the fold of ASCII s to b, the runs between the
// bytes it changes copied whole: a byte at a time was most of folding.
func writeFoldASCII(b *strings.Builder, s string) {
	run := 0
	for k := 0; k < len(s); k++ {
		if c := s[k]; asciiFoldChanges(c) {
			b.WriteString(s[run:k])
			b.WriteByte(asciiFold(c))
			run = k + 1
		}
	}
	b.WriteString(s[run:])
}

// foldSlow is Fold's path for any non-ASCII text.
func foldSlow(s string) string {
	// Look-alikes are mapped again once marks are gone: "Ӳ" loses its
	// diaeresis to become "у", which is then "y". Lower-casing both before
	// and after stripping keeps Fold idempotent ("İ" lowers to "i" and a
	// dot above; a compatibility form may decompose to a capital).
	// Unicode has corners where one pass is not enough (a compatibility
	// form that decomposes into something that folds further); folding
	// until nothing changes keeps Fold idempotent, which name keys and
	// alias matching rely on. Two passes settle every case seen.
	for range 3 {
		f := foldOnce(s)
		if f == s {
			break
		}
		s = f
	}
	return s
}

// foldOnce is one pass of Fold over a non-ASCII string.
func foldOnce(s string) string {
	s = foldApostrophes.Replace(s)
	s = strings.ToLower(strings.Map(homoglyph, s)) // capitals such as "К" look Latin only as capitals
	t := stripMarks.Get().(transform.Transformer)
	t.Reset()
	if out, _, err := transform.String(t, s); err == nil {
		s = out
	}
	stripMarks.Put(t)
	// Compatibility forms may decompose to an apostrophe-like mark ("ŉ"
	// is "ʼn"), so marks are turned into "'" again.
	return strings.Map(homoglyph, foldApostrophes.Replace(strings.ToLower(s)))
}

// stripMarks holds diacritic-removing transformers. A transform chain
// keeps state between calls, so each goroutine takes its own: articles
// are extracted in parallel.
var stripMarks = sync.Pool{New: func() any {
	return transform.Chain(norm.NFKD, runes.Remove(runes.Predicate(func(r rune) bool {
		return unicode.Is(unicode.Mn, r) || isInvisible(r)
	})), norm.NFC)
}}

// homoglyph maps Cyrillic letters that look like Latin ones to Latin, so a
// name typed with a stray Cyrillic "а" still matches.
func homoglyph(r rune) rune {
	switch r {
	case 'а':
		return 'a'
	case 'е':
		return 'e'
	case 'о':
		return 'o'
	case 'р':
		return 'p'
	case 'с':
		return 'c'
	case 'х':
		return 'x'
	case 'у':
		return 'y'
	case 'і':
		return 'i'
	case 'А':
		return 'A'
	case 'Е':
		return 'E'
	case 'О':
		return 'O'
	case 'Р':
		return 'P'
	case 'С':
		return 'C'
	case 'Х':
		return 'X'
	case 'Т':
		return 'T'
	case 'М':
		return 'M'
	case 'Н':
		return 'H'
	case 'К':
		return 'K'
	case 'В':
		return 'B'
	}
	return r
}

func foldPunct(p string) string {
	switch p {
	case "“", "”", "„", "«", "»", "″":
		return `"`
	case "’", "‘", "ʼ", "`", "´":
		return "'"
	case "—", "–", "―", "‒":
		return "-"
	}
	return p
}

// countWords returns how many tokens of Tokenize(text, from, to) are not
// punctuation and do not fold to "'s", without making them: the quote
// finder counts the words of every quote, and tokenising them again was
// a tenth of its time. It walks the text as Tokenize does.
func countWords(text string, from, to int) int {
	n := 0
	i := from
	for i < to {
		if c := text[i]; c < utf8.RuneSelf {
			switch {
			case asciiSpace[c]:
				i++
			case asciiWord[c]:
				j := scanWord(text, i, to)
				n += wordsIn(text[i:j])
				i = j
			default:
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:to])
		switch {
		case unicode.IsSpace(r) || r == '\uFEFF' || r == '\u00AD' || isInvisible(r):
			i += size
		case isWordRune(r):
			j := scanWord(text, i, to)
			n += wordsIn(text[i:j])
			i = j
		default:
			i += size
		}
	}
	return n
}

// wordsIn counts the tokens appendWordLow makes of the word w (one, or
// two when a final "'s" or "n't" is split off) whose fold is not "'s".
func wordsIn(w string) int {
	if k := clitic(w); k > 0 {
		return notPossessive(w[:k]) + notPossessive(w[k:])
	}
	return notPossessive(w)
}

// notPossessive is 0 when Fold(w) is "'s", else 1; ASCII is decided
// without folding.
func notPossessive(w string) int {
	for k := 0; k < len(w); k++ {
		if w[k] >= utf8.RuneSelf {
			if Fold(w) == "'s" {
				return 0
			}
			return 1
		}
	}
	if len(w) == 2 && (w[0] == '\'' || w[0] == '`') && (w[1] == 's' || w[1] == 'S') {
		return 0
	}
	return 1
}

// foldSimple folds text whose non-ASCII runes are all in simpleFolds
// (curly quotes, dashes, accented Latin letters: nearly all news text)
// rune by rune, without Fold's passes of replacing, mapping and
// normalising the whole string; ok is false for any other text. A
// rune is in simpleFolds only when its fold is a fixed point and does
// not depend on its neighbours, so that folding the runes one by one
// gives what folding the whole string gives (TestFoldSimpleMatchesFold,
// FuzzFold).
func foldSimple(s string) (string, bool) {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if _, ok := simpleFoldOf(r); !ok {
			return "", false
		}
		i += size
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf {
				j++
			}
			writeFoldASCII(&b, s[i:j])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		f, _ := simpleFoldOf(r)
		b.WriteString(f)
		i += size
	}
	return b.String(), true
}

// simpleFoldCache holds, for each rune of simpleFoldRanges met so far,
// whether foldSimple can fold it alone and its fold. Runes are checked on
// first use (a few tens of microseconds each, a few tens of runes per
// text) rather than all at start-up, which took 25 ms. A slot per rune
// of the ranges, read with one atomic load: a sync.Map, hashing the rune
// as an interface, was a fifth of folding a line with curly quotes.
var simpleFoldCache [simpleFoldRunes]atomic.Pointer[simpleFoldEntry]

type simpleFoldEntry struct {
	f  string
	ok bool
}

// simpleFoldSlot returns the index of r's slot in simpleFoldCache, or
// false when r is in none of simpleFoldRanges.
func simpleFoldSlot(r rune) (int, bool) {
	base := 0
	for _, rg := range simpleFoldRanges {
		if rg[0] <= r && r <= rg[1] {
			return base + int(r-rg[0]), true
		}
		base += int(rg[1]-rg[0]) + 1
	}
	return 0, false
}

// simpleFoldOf returns the fold of r and whether foldSimple can fold it
// alone.
func simpleFoldOf(r rune) (string, bool) {
	k, in := simpleFoldSlot(r)
	if !in {
		return "", false
	}
	if e := simpleFoldCache[k].Load(); e != nil {
		return e.f, e.ok
	}
	ok, f := simpleFold(r)
	simpleFoldCache[k].Store(&simpleFoldEntry{f: f, ok: ok})
	return f, ok
}

// simpleFoldRanges are the blocks tried for simpleFolds: Latin-1 and
// Latin Extended-A and B, spacing modifier letters (ʼ ʿ ʾ), general
// punctuation and currency signs.
var simpleFoldRanges = [...][2]rune{{0x80, 0x24F}, {0x2B0, 0x2FF}, {0x2000, 0x206F}, {0x20A0, 0x20C0}}

// simpleFoldRunes is how many runes simpleFoldRanges hold.
const simpleFoldRunes = 0x24F - 0x80 + 1 + 0x2FF - 0x2B0 + 1 + 0x206F - 0x2000 + 1 + 0x20C0 - 0x20A0 + 1

// simpleFoldContexts are the neighbours a rune's fold is checked not to
// depend on.
var simpleFoldContexts = []string{"a", "A", "e", "'", "`", " ", "1"}

// simpleFold returns the fold of r and whether it can be folded alone:
// its fold is a fixed point, and with each context before or after it
// the whole folds to the context's fold next to its own.
func simpleFold(r rune) (bool, string) {
	if !utf8.ValidRune(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Me, r) {
		return false, ""
	}
	f := foldSlow(string(r))
	if foldSlow(f) != f {
		return false, ""
	}
	for _, c := range simpleFoldContexts {
		fc := Fold(c)
		if foldSlow(c+string(r)) != fc+f || foldSlow(string(r)+c) != f+fc {
			return false, ""
		}
	}
	return true, f
}
