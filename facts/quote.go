package facts

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Direct quotes and their speakers.
//
// appendQuotes works on paragraphs (Article.Body), not sentences, since a
// quote may hold several sentences and may run on into the next paragraph.
// It goes in three steps:
//
//  1. Quote marks. Curly (“ ”), straight ("), low (‟ „) and angle (« »)
//     double marks are read; single marks are left alone, so nested
//     ‘…’ or '…' stay inside the quote that holds them. Each mark is an
//     opener, a closer or either, by what it is and what flanks it (a
//     straight mark after a space and before a letter opens). Marks are
//     paired with nesting ("a large "Convoys" of"); when nesting leaves
//     the paragraph unbalanced the marks are paired again flat, a new
//     opener ending an unclosed quote. A closer before any opener in its
//     paragraph quotes from the paragraph start (a dropped opening mark).
//     A quote still open at its paragraph's end runs on when the next
//     paragraph opens with a quote mark (the newspaper convention for
//     quotes of several paragraphs) and otherwise stops at the paragraph
//     end, so a stray mark never swallows the rest of the article.
//
//  2. Speakers, tried in order: the words after the closing mark ('…,"
//     said X', '…," X said', '…," X, a …, told Y', '…," according to X');
//     the clause before the opening mark ('X said: "…"', 'X told Y
//     that "…"', 'X, who said "…"', 'According to X, "…"', 'X …, saying
//     "…"'); the speaker of the previous quote in the same paragraph.
//     A speaker is the capitalised name next to the verb with titles and
//     honorifics dropped ("Port Commissioner Kevin Walsh" → "Kevin
//     Walsh"); a common noun ("the minister said") names no one.
//
//     A one-word name maps to a full name only when one person of the
//     article has that surname and it did not stand alone before that
//     full name was given (two paragraphs with "Hale" and only then
//     "Maria Hale, his wife": the bare surname is someone else); else it
//     stays a surname, which the comparer matches with any full name of
//     it. A sentence-opening participle ("Following Hale's visit") is no
//     first name, and a place (by the entity finder) is no speaker.
//
//     Pronouns (he, she) are resolved simply: in the clause before a
//     quote, to the first name of that clause ("X voiced support …, in
//     what he described as “…”"); otherwise to the person named last
//     before the quote in its paragraph or the two before, either as a
//     speaker (of an earlier quote, or the subject of a speech verb:
//     "Okafor said …") or as a name standing where a subject stands (at a
//     sentence or clause start, before a verb; after "and" only when the
//     name before "and" is a subject too). A person is a name of two words
//     or more, a surname after a title or honorific ("Mr. Hale"), or a
//     name the entity finder calls a person, and never a place or body
//     ("Reuters said", a country): with no person near, the speaker is
//     unknown. There is no gender or number check; they, we and I are not
//     resolved.
//
//     A quote split around its attribution within one sentence ('"We
//     will strike," she said, "and we will win."') is joined into one.
//
//  3. Filters: quotes of fewer than four words without a speaker are
//     scare quotes (a “convoy”) and skipped; so are titles of works
//     and labels (after "titled", "dubbed", "a sign reading", …, or in
//     title case with no speaker).
//     Characterising verbs (called, described as) attribute only quotes
//     of four words or more, so a short quote still needs a speech verb.
//
// Reported speech without quote marks is not a quote fact.
func appendQuotes(d *doc, out []Fact) []Fact {
	text := d.a.Text
	quotes := scanQuotes(text, d.a.Body)
	if len(quotes) == 0 {
		return out
	}
	qc := newQuoteContext(d, quotes)
	prevSpeaker := map[int]quoteSpeaker{} // last speaker per paragraph
	for i := 0; i < len(quotes); i++ {
		q := quotes[i]
		words := quoteWordCount(text, q)
		if words == 0 {
			continue
		}
		sp := qc.speakerOf(q, words >= 4)
		if sp.name == "" && !sp.attributed {
			if prev, ok := prevSpeaker[q.paraOpen]; ok {
				sp = prev
			}
		}
		// A quote split around its attribution ('"A," she said, "B."')
		// is one quote: outlets that quote it whole align with it.
		for sp.attributed && i+1 < len(quotes) && qc.splitAround(q, quotes[i+1]) {
			q = joinQuotes(q, quotes[i+1])
			i++
		}
		words = quoteWordCount(text, q)
		if sp.name != "" {
			prevSpeaker[q.paraClose] = sp
			qc.named = append(qc.named, namedAt{pos: q.pieces[0].Start, name: sp.name})
		}
		if qc.titleOfWork(q) || sp.name == "" && (words < 4 || quoteTitleCase(text, q)) {
			continue
		}
		out = append(out, qc.fact(q, sp.name))
	}
	return out
}

// splitAround reports whether next continues q's sentence after q's
// attribution ('"We will strike," she said, "and we will win."'): in the
// same paragraph, the first half ending on a comma, with only a short
// attribution between them (one speech verb, no "that" clause) ending on
// a comma, and with no attribution of its own after it. A quote that starts a new sentence ('," she said. "We …"') is left
// apart: it may be another remark, and outlets quote remarks one by one.
func (qc *quoteContext) splitAround(q, next quoteSpan) bool {
	if q.close.Len() == 0 || next.open.Len() == 0 || next.paraOpen != q.paraClose || len(next.pieces) == 0 {
		return false
	}
	toks := qc.paraToks[q.paraClose]
	from, to := quoteTokAt(toks, q.close.End), quoteTokAt(toks, next.open.Start)
	if to <= from+1 || to-from > 12 {
		return false
	}
	verbs := 0
	for k := from; k < to; k++ {
		t := toks[k]
		if t.Fold == `"` || t.Fold == "that" || quoteSentenceEnd(toks, k) {
			return false
		}
		if quoteSpeechVerbs[t.Fold] || sieveHas(quoteCharacterVerbsSieve, quoteCharacterVerbs, t.Fold) {
			if !qc.verbAt(toks, k, false) || strings.HasSuffix(t.Fold, "ing") {
				return false
			}
			verbs++
		}
	}
	if verbs != 1 || toks[to-1].Fold != "," {
		return false
	}
	// The first half ends on a comma, inside its marks or after them.
	last := q.pieces[len(q.pieces)-1]
	if !strings.HasSuffix(qc.text[last.Start:last.End], ",") && toks[from].Fold != "," {
		return false
	}
	if next.close.Len() > 0 {
		if _, _, ok := qc.speakerAfter(next, true); ok {
			return false
		}
	}
	return true
}

// joinQuotes makes one quote of a quote and its continuation.
func joinQuotes(q, next quoteSpan) quoteSpan {
	q.pieces = append(append([]Span(nil), q.pieces...), next.pieces...)
	q.close, q.paraClose = next.close, next.paraClose
	return q
}

// quoteSpan is one quote: its marks and the quoted text.
type quoteSpan struct {
	// open and close are the marks; open is empty when the opening mark
	// is missing, close when the quote was capped at a paragraph end.
	open, close Span
	// pieces are the quoted text, one piece per paragraph, trimmed.
	pieces []Span
	// paraOpen and paraClose index the paragraphs of the first and last
	// piece in Article.Body.
	paraOpen, paraClose int
}

func (q quoteSpan) span() Span {
	return Span{q.pieces[0].Start, q.pieces[len(q.pieces)-1].End}
}

// markDir says whether a quote mark can open a quote, close one, or both.
type markDir uint8

const (
	markOpen markDir = 1 << iota
	markClose
)

type quoteMark struct {
	Span
	dir markDir
}

// noQuoteByte reports whether the eight bytes of x are ASCII and none is
// '"'.
func noQuoteByte(x uint64) bool {
	return (x|hasZero(x^0x2222222222222222))&0x8080808080808080 == 0
}

// quoteMarks finds the double quote marks of a paragraph.
func quoteMarks(text string, para Span) []quoteMark {
	var out []quoteMark
	for i := para.Start; i < para.End; {
		// Of ASCII only '"' is a mark: other ASCII bytes are passed
		// without decoding them, eight at a time while none is '"' or
		// part of a wider rune (a byte at a time was 2 % of extraction).
		for i+8 <= para.End && noQuoteByte(load64(text, i)) {
			i += 8
		}
		if i >= para.End {
			break
		}
		if c := text[i]; c < utf8.RuneSelf && c != '"' {
			i++
			continue
		}
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

func quoteMarkRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»', '″', '\'', '‘', '’':
		return true
	}
	return false
}

// quoteSeg is a quote's piece within one paragraph, as pairing finds it.
type quoteSeg struct {
	open, close Span
	start, end  int
	cont        bool // continues the quote left open by the previous paragraph
	closed      bool // ends in this paragraph (at a mark, or capped)
}

// scanQuotes pairs the quote marks of every paragraph and joins quotes
// that run over paragraphs.
func scanQuotes(text string, body []Span) []quoteSpan {
	var out []quoteSpan
	// pending is held by value: a pointer to the loop's quote made every
	// quote escape to the heap.
	var pending quoteSpan
	hasPending := false
	// A quote's first piece is cut from one arena, with no room after it:
	// a piece continued on the next paragraph is appended to a copy.
	var arena []Span
	for pi, para := range body {
		marks := quoteMarks(text, para)
		cont := false
		if hasPending {
			if pi == pending.paraClose+1 && len(marks) > 0 && marks[0].dir&markOpen != 0 &&
				marks[0].Start == skipSpace(text, para.Start, para.End) {
				cont = true
			} else {
				out = append(out, pending)
				hasPending = false
			}
		}
		for _, s := range pairMarks(para, marks, cont) {
			var q quoteSpan
			if s.cont && hasPending {
				q = pending
				hasPending = false
			} else {
				q = quoteSpan{open: s.open, paraOpen: pi}
			}
			st := skipSpace(text, s.start, s.end)
			piece := Span{st, trimRightSpace(text, st, s.end)}
			if piece.Len() > 0 {
				if len(q.pieces) == 0 {
					if arena == nil {
						arena = make([]Span, 0, 8)
					}
					arena = append(arena, piece)
					q.pieces = arena[len(arena)-1 : len(arena) : len(arena)]
				} else {
					q.pieces = append(q.pieces, piece)
				}
			}
			q.paraClose = pi
			if !s.closed {
				pending, hasPending = q, true
				continue
			}
			q.close = s.close
			if len(q.pieces) > 0 {
				out = append(out, q)
			}
		}
	}
	if hasPending {
		out = append(out, pending)
	}
	kept := out[:0]
	for _, q := range out {
		if len(q.pieces) > 0 {
			kept = append(kept, q)
		}
	}
	return kept
}

// pairMarks pairs a paragraph's marks, nested first and flat when nesting
// leaves the paragraph unbalanced. cont says the paragraph's first mark
// reopens the quote left open by the previous paragraph.
func pairMarks(para Span, marks []quoteMark, cont bool) []quoteSeg {
	segs, depth, maxDepth := pairNested(para, marks, cont)
	if depth >= 2 || depth == 1 && maxDepth >= 2 {
		segs = pairFlat(para, marks, cont)
	}
	return segs
}

func pairNested(para Span, marks []quoteMark, cont bool) (segs []quoteSeg, depth, maxDepth int) {
	var cur quoteSeg
	first := 0
	if cont {
		cur = quoteSeg{open: marks[0].Span, start: marks[0].End, cont: true}
		depth, maxDepth, first = 1, 1, 1
	}
	for i := first; i < len(marks); i++ {
		m := marks[i]
		switch {
		case depth == 0 && m.dir&markOpen != 0:
			cur = quoteSeg{open: m.Span, start: m.End}
			depth = 1
		case depth == 0:
			if i == 0 { // a closing mark whose opening mark is missing
				segs = append(segs, quoteSeg{start: para.Start, end: m.Start, close: m.Span, closed: true})
			}
		case m.dir&markClose != 0:
			depth--
			if depth == 0 {
				cur.end, cur.close, cur.closed = m.Start, m.Span, true
				segs = append(segs, cur)
			}
		default:
			depth++ // an opener inside a quote: a quote within it
		}
		maxDepth = max(maxDepth, depth)
	}
	if depth > 0 {
		cur.end = para.End
		segs = append(segs, cur)
	}
	return segs, depth, maxDepth
}

func pairFlat(para Span, marks []quoteMark, cont bool) []quoteSeg {
	var segs []quoteSeg
	var cur quoteSeg
	inside := false
	first := 0
	if cont {
		cur = quoteSeg{open: marks[0].Span, start: marks[0].End, cont: true}
		inside, first = true, 1
	}
	for i := first; i < len(marks); i++ {
		m := marks[i]
		switch {
		case !inside && m.dir&markOpen != 0:
			cur = quoteSeg{open: m.Span, start: m.End}
			inside = true
		case !inside:
			if i == 0 {
				segs = append(segs, quoteSeg{start: para.Start, end: m.Start, close: m.Span, closed: true})
			}
		case m.dir&markClose != 0:
			cur.end, cur.close, cur.closed = m.Start, m.Span, true
			segs = append(segs, cur)
			inside = false
		default:
			// An opener inside a quote: the quote was never closed. End
			// it here, without a closing mark, and start the next.
			cur.end, cur.closed = m.Start, true
			segs = append(segs, cur)
			cur = quoteSeg{open: m.Span, start: m.End}
		}
	}
	if inside {
		cur.end = para.End
		segs = append(segs, cur)
	}
	return segs
}

// quoteWordCount counts the words and numbers a quote holds.
func quoteWordCount(text string, q quoteSpan) int {
	n := 0
	for _, p := range q.pieces {
		n += countWords(text, p.Start, p.End)
	}
	return n
}

// quoteValue is the quoted words normalised: pieces joined, space
// collapsed, curly apostrophes and marks straightened, a trailing comma
// (left by '…," she said') dropped.
func quoteValue(text string, q quoteSpan) string {
	parts := make([]string, len(q.pieces))
	for i, p := range q.pieces {
		parts[i] = text[p.Start:p.End]
		if i == 0 {
			continue
		}
		// The comma a split quote leaves before its attribution
		// ('"We will strike," she said, "and win."') goes; a sentence
		// that ends there and starts anew takes a full stop.
		prev := strings.TrimRight(parts[i-1], ",")
		next, _ := utf8.DecodeRuneInString(parts[i])
		last, _ := utf8.DecodeLastRuneInString(prev)
		if unicode.IsUpper(next) && !strings.ContainsRune(".!?…;:—-", last) {
			prev += "."
		}
		parts[i-1] = prev
	}
	v := joinStraight(parts)
	return strings.TrimSpace(strings.TrimSuffix(v, ","))
}

// joinStraight is what a replacer straightening ’ ‘ ʼ to ' and “ ” „ « »
// to " made of strings.Join(strings.Fields(strings.Join(parts, " ")),
// " ") (joinStraightRef in the tests), written in one pass and one string
// (the three steps were 8 % of Extract's allocations). No mark it
// straightens is a space, and each starts with a byte no other rune
// holds inside it, so straightening rune by rune while collapsing the
// spaces gives what the replacer gives after.
func joinStraight(parts []string) string {
	n := len(parts)
	for _, p := range parts {
		n += len(p)
	}
	buf := make([]byte, 0, n)
	space := false // a space is owed before the next word
	for _, p := range parts {
		space = len(buf) > 0
		for i := 0; i < len(p); {
			c := p[i]
			if c < utf8.RuneSelf {
				if asciiSpace[c] {
					space = len(buf) > 0
				} else {
					if space {
						buf = append(buf, ' ')
						space = false
					}
					buf = append(buf, c)
				}
				i++
				continue
			}
			r, w := utf8.DecodeRuneInString(p[i:])
			if unicode.IsSpace(r) {
				space = len(buf) > 0
				i += w
				continue
			}
			if space {
				buf = append(buf, ' ')
				space = false
			}
			switch r {
			case '’', '‘', 'ʼ':
				buf = append(buf, '\'')
			case '“', '”', '„', '«', '»':
				buf = append(buf, '"')
			default:
				buf = append(buf, p[i:i+w]...)
			}
			i += w
		}
	}
	return string(buf)
}

// quoteTitleCase reports whether a quote reads as the title of a work:
// at least two words, every word of four letters or more capitalised, and
// no sentence punctuation at its end.
func quoteTitleCase(text string, q quoteSpan) bool {
	if len(q.pieces) != 1 {
		return false
	}
	p := q.pieces[0]
	toks := Tokenize(text, p.Start, p.End)
	words := 0
	for _, t := range toks {
		if t.Kind != Word {
			continue
		}
		words++
		if utf8.RuneCountInString(t.Text) >= 4 && !capitalText(t.Text) {
			return false
		}
	}
	last, _ := utf8.DecodeLastRuneInString(text[p.Start:p.End])
	return words >= 2 && !strings.ContainsRune(".!?", last)
}

// quoteSpeaker is who a quote is attributed to.
type quoteSpeaker struct {
	name string // the full name as written; empty when unknown
	// attributed is true when an attribution was found even if it names
	// no one ("the minister said"): the quote then inherits no speaker.
	attributed bool
}

// namedAt is a person or body named as a speaker at a text position.
type namedAt struct {
	pos  int
	name string
}

// quoteContext holds what speaker finding needs from the whole article.
type quoteContext struct {
	d         *doc
	text      string
	paraToks  [][]Token
	quoted    []Span    // quoted text, to tell quotes from narration
	lower     foldSet   // words the article writes in lower case
	fullNames []namedAt // names of two words or more, in text order
	// fullLastKeys[i] is the NameKey of fullNames[i]'s last word, made
	// on first need: fullName asks it of every full name for every
	// one-word name.
	fullLastKeys []string
	persons      []namedAt // persons standing where a subject stands
	named        []namedAt // speakers named with a speech verb
	// kinds is the entity finder's kind of each name, by NameKey, so a
	// place ("North Korea") or a body is never taken for a person.
	kinds map[string]nerKind
	// midCap holds the words the article capitalises inside a sentence:
	// a sentence-initial word that is not among them ("Following") is
	// no name word.
	midCap foldSet
	// bare is, by NameKey, where a surname first stands alone ("Hale",
	// "Mr. Hale") outside the headline: its first few positions, held in
	// the map's values (a slice a name was an allocation each).
	bare map[string]barePositions
	// keys memoises NameKey: the entity finder's memo of the doc when
	// there is one (the same names come back run after run).
	keys nameKeyMemo
}

// barePositions are the first positions of a bare surname.
type barePositions struct {
	n   int
	pos [4]int
}

func newQuoteContext(d *doc, quotes []quoteSpan) *quoteContext {
	// The word sets hold a bit per fold of the doc (vocab.go).
	qc := &quoteContext{d: d, text: d.a.Text, lower: d.voc.newSet(),
		kinds: quoteEntityKinds(d), midCap: d.voc.newSet(),
		quoted: make([]Span, 0, len(quotes)), paraToks: make([][]Token, 0, len(d.a.Body))}
	if nb := analyseNER(d).buf; nb != nil {
		qc.keys = nb.keys
		if nb.bare != nil { // lent once: a second context gets a map of its own
			qc.bare, nb.bareLent, nb.bare = nb.bare, nb.bare, nil
		}
	} else {
		qc.keys = nameKeyMemo{}
	}
	if qc.bare == nil {
		qc.bare = map[string]barePositions{}
	}
	for _, q := range quotes {
		qc.quoted = append(qc.quoted, q.span())
	}
	for pi, para := range d.a.Body {
		var toks []Token
		if pi < len(d.paraToks) {
			toks = d.paraToks[pi]
		} else {
			toks = Tokenize(qc.text, para.Start, para.End)
		}
		qc.paraToks = append(qc.paraToks, toks)
		for k := range toks {
			t := &toks[k]
			if t.Kind != Word {
				continue
			}
			if !capitalText(t.Text) {
				qc.lower.add(t)
			} else if k > 0 && (toks[k-1].Kind == Word || toks[k-1].Fold == ",") {
				qc.midCap.add(t)
			}
		}
	}
	for pi, toks := range qc.paraToks {
		if !quoteHasLower(toks) {
			continue // a heading in capitals: every word looks like a name
		}
		prevSubject := false // the last run was subject-like and ended before "and"
		prevEnd := -1
		for i := 0; i < len(toks); {
			if !quoteNameTok(&toks[i]) {
				i++
				continue
			}
			r := qc.runFrom(pi, i)
			c, ok := qc.cleanRun(pi, r)
			subject := quoteSubjectLike(toks, r)
			if subject && r.from > 0 && toks[r.from-1].Fold == "and" {
				// "with Jim Hale and Ann Roe": a name after "and" is a
				// subject only when the name before "and" is one.
				subject = prevEnd == r.from-1 && prevSubject
			}
			prevSubject, prevEnd = subject, r.to
			if !ok {
				i = max(r.to, i+1)
				continue
			}
			name := qc.runText(pi, c)
			n := namedAt{pos: toks[c.from].Span.Start, name: name}
			nk := qc.keys.key(name)
			kind := qc.kinds[nk]
			words := quoteRunWords(toks, c)
			if words >= 2 {
				qc.fullNames = append(qc.fullNames, n)
			} else if kind != kindPlace && kind != kindOrg && !qc.d.a.TitleSpan.Contains(Span{n.pos, n.pos + 1}) {
				if k := nk; k != "" {
					if b := qc.bare[k]; b.n < len(b.pos) {
						b.pos[b.n] = n.pos
						b.n++
						qc.bare[k] = b
					}
				}
			}
			// A person: not a place or body, and a name of two words, a
			// name the entity finder calls a person, or one after a title
			// or honorific ("Mr. Hale").
			person := kind != kindPlace && kind != kindOrg &&
				(words >= 2 || kind == kindPerson || quoteTitled(toks, r, c))
			if subject && person {
				qc.persons = append(qc.persons, n)
			}
			i = max(r.to, i+1)
		}
	}
	// Speakers of reported speech outside quotes ("Okafor said …") are
	// the antecedents pronouns after later quotes refer to.
	for pi, toks := range qc.paraToks {
		for i := range toks {
			// The class bit first: few tokens are speech verbs.
			t := &toks[i]
			if !(t.may(lcQuoteSpeechVerb) && quoteSpeechVerbs[t.Fold]) || capitalText(t.Text) || qc.inQuote(t.Span.Start) {
				continue
			}
			lo := qc.clauseStartBefore(pi, i)
			if name, pron, ok := qc.subjectBefore(pi, i, lo); ok && !pron && name != "" {
				qc.named = append(qc.named, namedAt{pos: t.Span.Start, name: qc.fullName(name, t.Span.Start)})
			}
		}
	}
	return qc
}

// quoteSubjectLike reports whether a name run stands where a subject
// does: at a sentence or clause start (after punctuation, "and", "but",
// or a role: "union leader Carla Ruiz"), and followed by a lower-case word
// or a comma, not a possessive.
func quoteSubjectLike(toks []Token, r tokRange) bool {
	if r.from > 0 {
		p := toks[r.from-1]
		if p.Kind != Punct && p.Fold != "and" && p.Fold != "but" && !(p.may(lcTitleWord) && titleWords[p.Fold]) && !(p.may(lcQuoteRole) && quoteRoles[p.Fold]) {
			return false
		}
	}
	if r.to < len(toks) {
		n := toks[r.to]
		if n.Fold == "'s" || n.Kind == Word && capitalText(n.Text) || n.Kind == Punct && n.Fold != "," && n.Fold != "(" {
			return false
		}
	}
	return true
}

// quoteTitled reports whether cleaning a name run dropped a title or an
// honorific before the name ("Mr. Hale", "Governor Hale").
func quoteTitled(toks []Token, r, c tokRange) bool {
	for k := r.from; k < c.from; k++ {
		if titleWordTok(&toks[k], strings.TrimSuffix(toks[k].Fold, ".")) {
			return true
		}
	}
	return false
}

// titleWordTok is titleWords[f] for f, t's fold or the fold less a final
// dot: the table is looked up only when t's classes let the fold be a
// key, or when the dot was cut (the name runs hold few title words).
func titleWordTok(t *Token, f string) bool {
	if len(f) == len(t.Fold) && !t.may(lcTitleWord) {
		return false
	}
	return titleWords[f]
}

// quoteEntityKinds maps the NameKey of every name the entity finder found
// to its entity's kind.
func quoteEntityKinds(d *doc) map[string]nerKind {
	nd := analyseNER(d)
	if nd.kinds != nil {
		return nd.kinds // read only once made
	}
	// The map is recycled with the analysis's buffers.
	out := nd.buf.kinds
	for i := range nd.ms {
		m := &nd.ms[i]
		if m.ent < 0 || m.ent >= len(nd.ents) {
			continue
		}
		// The scanner's NameKey memo holds most of the names.
		name := d.a.Text[m.span.Start:m.span.End]
		k, ok := nd.buf.keys[name]
		if !ok {
			k = NameKey(name)
		}
		kind := nd.ents[m.ent].kind
		prev, ok := out[k]
		if ok && prev == kind {
			continue // a name mentioned again: nothing to write
		}
		if ok {
			// One spelling in two entities: a person wins (a surname
			// alone must stay a possible speaker); else it is unsure.
			if prev == kindPerson || kind == kindPerson {
				kind = kindPerson
			} else {
				kind = kindOther
			}
		}
		out[k] = kind
	}
	nd.kinds = out
	return out
}

// isPlace reports whether a name is a place: a country or town "said"
// something only as a stand-in for someone unnamed.
func (qc *quoteContext) isPlace(name string) bool { return qc.kinds[qc.keys.key(name)] == kindPlace }

// nonPerson reports whether a name is a place or a body.
func (qc *quoteContext) nonPerson(name string) bool {
	k := qc.kinds[qc.keys.key(name)]
	return k == kindPlace || k == kindOrg
}

func quoteHasLower(toks []Token) bool {
	for _, t := range toks {
		if t.Kind == Word && !capitalText(t.Text) {
			return true
		}
	}
	return false
}

func (qc *quoteContext) inQuote(pos int) bool {
	for _, s := range qc.quoted {
		if pos >= s.Start && pos < s.End {
			return true
		}
	}
	return false
}

// fact builds the quote's Fact.
func (qc *quoteContext) fact(q quoteSpan, speaker string) Fact {
	sp := q.span()
	key := qc.keys.key(speaker)
	label := speaker
	if key == "" {
		key, label = "unknown", "unknown"
	}
	sent := qc.sentenceSpan(sp)
	slot, label := concatPair("quote:", key, "quote: ", label, "")
	return Fact{
		Slot:         slot,
		Kind:         KindQuote,
		Label:        label,
		Value:        quoteValue(qc.text, q),
		Surface:      qc.text[sp.Start:sp.End],
		Span:         sp,
		Sentence:     qc.text[sent.Start:sent.End],
		SentenceSpan: sent,
		Attribution:  Reported,
		Source:       speaker,
		Extractor:    "quote",
	}
}

// sentenceSpan returns the sentence the quote starts in, extended to the
// sentence it ends in when it runs over several, so that the sentence
// always holds the quote.
func (qc *quoteContext) sentenceSpan(sp Span) Span {
	out := Span{-1, -1}
	for _, s := range qc.d.sents {
		if out.Start < 0 && sp.Start < s.End && sp.Start >= s.Start {
			out = s.Span
		}
		if out.Start >= 0 && s.Start < sp.End && s.End > out.End {
			out.End = s.End
		}
	}
	if out.Start < 0 || !out.Contains(sp) {
		// Quote text the sentence splitter left out (leading space):
		// fall back to the paragraphs it spans.
		for _, p := range qc.d.a.Body {
			if p.End > sp.Start && p.Start <= sp.Start && (out.Start < 0 || p.Start < out.Start) {
				out.Start = p.Start
			}
			if p.Start < sp.End && p.End >= sp.End {
				out.End = p.End
			}
		}
	}
	return out
}

// titleOfWork reports whether a quote names a work or a label: it
// follows "titled", "entitled", "dubbed", "reading" …
func (qc *quoteContext) titleOfWork(q quoteSpan) bool {
	if q.open.Len() == 0 {
		return false
	}
	toks := qc.paraToks[q.paraOpen]
	e := quoteTokAt(toks, q.open.Start)
	for e > 0 && (toks[e-1].Fold == "," || toks[e-1].Fold == ":") {
		e--
	}
	return e > 0 && quoteTitleCues[toks[e-1].Fold]
}

var quoteTitleCues = map[string]bool{
	"titled": true, "entitled": true, "headlined": true, "captioned": true,
	"dubbed": true, "nicknamed": true, "hashtag": true, "slogan": true,
	"headline": true, "reading": true,
}

// quoteTokAt returns the index of the first token starting at or after pos.
func quoteTokAt(toks []Token, pos int) int {
	return sort.Search(len(toks), func(k int) bool { return toks[k].Span.Start >= pos })
}

// speakerOf finds who a quote is attributed to. long says whether
// characterising verbs (called, described as) may attribute it.
func (qc *quoteContext) speakerOf(q quoteSpan, long bool) quoteSpeaker {
	attributed := false
	if q.close.Len() > 0 {
		name, pron, ok := qc.speakerAfter(q, long)
		if ok {
			attributed = true
			if pron {
				name = qc.resolvePronoun(q.pieces[0].Start)
			}
			if name != "" && !qc.isPlace(name) {
				return quoteSpeaker{name: qc.fullName(name, q.pieces[0].Start), attributed: true}
			}
		}
	}
	if q.open.Len() > 0 {
		name, pron, ok := qc.speakerBefore(q, long)
		if ok {
			attributed = true
			if pron != "" {
				name = pron
			}
			if name != "" && !qc.isPlace(name) {
				return quoteSpeaker{name: qc.fullName(name, q.pieces[0].Start), attributed: true}
			}
		}
	}
	return quoteSpeaker{attributed: attributed}
}

// speakerAfter reads the attribution after the closing mark.
func (qc *quoteContext) speakerAfter(q quoteSpan, long bool) (name string, pronoun, ok bool) {
	pi := q.paraClose
	toks := qc.paraToks[pi]
	s := quoteTokAt(toks, q.close.End)
	i := s
	for i < len(toks) && toks[i].Kind == Punct && (toks[i].Fold == "," || toks[i].Fold == "-" || toks[i].Fold == ";") {
		i++
	}
	hi := i
	for hi < len(toks) && hi-i < 30 && toks[hi].Fold != `"` && !quoteSentenceEnd(toks, hi) {
		hi++
	}
	if i >= hi {
		return "", false, false
	}
	if qc.verbAt(toks, i, long) {
		name, pron := qc.nameAfter(pi, i+1, hi)
		return name, pron, true
	}
	if toks[i].Fold == "according" && i+1 < hi && toks[i+1].Fold == "to" {
		name, pron := qc.nameAfter(pi, i+2, hi)
		return name, pron, true
	}
	for v := i + 1; v < hi; v++ {
		if qc.verbAt(toks, v, long) {
			return qc.subjectBefore(pi, v, i)
		}
	}
	return "", false, false
}

// speakerBefore reads the attribution in the clause before the opening
// mark. A pronoun there is resolved to the first name of that clause when
// it has one, and is returned as pron.
func (qc *quoteContext) speakerBefore(q quoteSpan, long bool) (name, pron string, ok bool) {
	pi := q.paraOpen
	toks := qc.paraToks[pi]
	e := quoteTokAt(toks, q.open.Start)
	lo := e
	for lo > 0 && e-lo < 40 && toks[lo-1].Fold != `"` && !quoteSentenceEnd(toks, lo-1) {
		lo--
	}
	for v := e - 1; v >= lo; v-- {
		if toks[v].Fold == "according" && v+1 < e && toks[v+1].Fold == "to" {
			n, p := qc.nameAfter(pi, v+2, e)
			if p {
				return "", qc.pronounIn(pi, lo, v, q), true
			}
			return n, "", true
		}
		if !qc.verbAt(toks, v, long) {
			continue
		}
		var n string
		var p, found bool
		if strings.HasSuffix(toks[v].Fold, "ing") {
			n, p, found = qc.firstSubject(pi, lo, v)
		} else {
			n, p, found = qc.subjectBefore(pi, v, lo)
		}
		if p {
			return "", qc.pronounIn(pi, lo, v, q), true
		}
		return n, "", found || v > lo
	}
	return "", "", false
}

// pronounIn resolves a pronoun found in toks[lo:v] before a quote: to the
// first name that opens the clause, else as resolvePronoun does.
func (qc *quoteContext) pronounIn(pi, lo, v int, q quoteSpan) string {
	if n, p, ok := qc.firstSubject(pi, lo, v); ok && !p && n != "" {
		if full := qc.fullName(n, q.pieces[0].Start); quoteWordsIn(full) >= 2 {
			return full
		}
	}
	return qc.resolvePronoun(q.pieces[0].Start)
}

// resolvePronoun returns the person a he or she at pos most likely is:
// the latest person before pos named as a speaker (of a quote or of
// reported speech) or standing as a sentence's subject, in the same
// paragraph or the two before it. A person is a name of two words or
// more, a name after a title or honorific, or one the entity finder calls
// a person, and never a place or body ("Reuters said", "North Korea"):
// with no such person near, the speaker is unknown.
func (qc *quoteContext) resolvePronoun(pos int) string {
	lo := 0
	if p := qc.paraOf(pos); p >= 2 {
		lo = qc.d.a.Body[p-2].Start
	}
	best := namedAt{pos: -1}
	for _, n := range qc.named {
		if n.pos < pos && n.pos >= lo && n.pos > best.pos && !qc.nonPerson(n.name) {
			full := qc.fullName(n.name, n.pos)
			if quoteWordsIn(full) >= 2 || qc.kinds[qc.keys.key(full)] == kindPerson {
				best = namedAt{pos: n.pos, name: full}
			}
		}
	}
	for _, n := range qc.persons {
		if n.pos < pos && n.pos >= lo && n.pos > best.pos && !qc.inQuote(n.pos) {
			best = namedAt{pos: n.pos, name: qc.fullName(n.name, n.pos)}
		}
	}
	return best.name
}

// paraOf returns the index of the paragraph holding pos.
func (qc *quoteContext) paraOf(pos int) int {
	body := qc.d.a.Body
	return max(0, sort.Search(len(body), func(k int) bool { return body[k].Start > pos })-1)
}

// fullName maps a one-word name to the full name of the one person of
// the article with that surname (the latest before pos, or the first
// after). The surname stays as it is when that person is not clear: two
// people share it (Jane and John Hale are two people), or the surname
// stands alone before any full name has it ("Hale" throughout, then
// "Maria Hale, his wife": the bare surname is someone else). Places and
// bodies are no one's full name.
func (qc *quoteContext) fullName(name string, pos int) string {
	if quoteWordsIn(name) != 1 {
		return name
	}
	key := qc.keys.key(name)
	if key == "" {
		return name
	}
	best, after, first := "", "", ""
	firstPos := -1
	for len(qc.fullLastKeys) < len(qc.fullNames) {
		f := lastField(qc.fullNames[len(qc.fullLastKeys)].name)
		qc.fullLastKeys = append(qc.fullLastKeys, qc.keys.key(f))
	}
	for i, n := range qc.fullNames {
		// The surname matches when the keys are equal or the names are
		// spelling variants, and SameName holds only of equal keys: the
		// key alone decides.
		if qc.fullLastKeys[i] != key || qc.nonPerson(n.name) {
			continue
		}
		if first == "" {
			first, firstPos = n.name, n.pos
		} else if !quoteSameGiven(first, n.name) {
			return name
		}
		if n.pos <= pos {
			best = n.name
		} else if after == "" {
			after = n.name
		}
	}
	if firstPos >= 0 && qc.bareBefore(key, firstPos) {
		return name
	}
	switch {
	case best != "":
		return best
	case after != "":
		return after
	}
	return name
}

// bareBefore reports whether a surname stands alone before the first
// full name with it in a way that makes it someone else: in the full
// name's own paragraph ("President Hale and Maria Hale"), or in two
// paragraphs or more (a teaser line's bare surname alone does not count).
func (qc *quoteContext) bareBefore(key string, full int) bool {
	fp := qc.paraOf(full)
	// Two paragraphs or more: one differs from the first seen.
	firstPara, two := -1, false
	bp := qc.bare[key]
	for _, b := range bp.pos[:bp.n] {
		if b >= full {
			break
		}
		p := qc.paraOf(b)
		if p == fp {
			return true
		}
		if firstPara < 0 {
			firstPara = p
		} else if p != firstPara {
			two = true
		}
	}
	return two
}

// quoteSameGiven reports whether two full names of one surname share
// their first word, or spellings of it ("John Hale", "John R. Hale";
// "Ahmed Saleh", "Ahmad Saleh").
func quoteSameGiven(a, b string) bool {
	fa, fb := firstField(a), firstField(b)
	return NameKey(fa) == NameKey(fb) || SameName(fa, fb)
}

// quoteWordsIn is len(strings.Fields(s)), counted without building the
// fields (it ran for every name of every quote).
func quoteWordsIn(s string) int { return wordCount(s) }

// firstField is strings.Fields(s)[0] and lastField the last of them,
// found without building the fields; "" when s has none.
func firstField(s string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

func lastField(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		return s[i+n:]
	}
	return s
}

// verbAt reports whether toks[i] is a verb that attributes a quote.
func (qc *quoteContext) verbAt(toks []Token, i int, long bool) bool {
	t := toks[i]
	if t.Kind != Word || capitalText(t.Text) {
		return false
	}
	if t.may(lcQuoteSpeechVerb) && quoteSpeechVerbs[t.Fold] {
		return true
	}
	return long && sieveHas(quoteCharacterVerbsSieve, quoteCharacterVerbs, t.Fold)
}

// quoteSentenceEnd reports whether toks[k] ends a sentence.
func quoteSentenceEnd(toks []Token, k int) bool {
	switch toks[k].Fold {
	case "!", "?":
		return true
	case ".":
		return k == 0 || !abbreviationDot(toks[k-1])
	}
	return false
}

// clauseStartBefore returns where the clause holding toks[i] starts, for
// reported speech: after the last sentence end or quote mark.
func (qc *quoteContext) clauseStartBefore(pi, i int) int {
	toks := qc.paraToks[pi]
	lo := i
	for lo > 0 && i-lo < 40 && toks[lo-1].Fold != `"` && !quoteSentenceEnd(toks, lo-1) {
		lo--
	}
	return lo
}

// subjectBefore finds the subject of the speech verb at toks[v], looking
// no further back than lo: a name next to the verb ("ministry spokeswoman
// Ana Ruiz said"), a pronoun, a name before an appositive ("Samuel
// Okafor, an associate fellow …, told"), or the name a "who" refers to.
// ok is false when there is no subject; name is empty when the subject is
// a common noun ("the minister said").
func (qc *quoteContext) subjectBefore(pi, v, lo int) (name string, pronoun, ok bool) {
	toks := qc.paraToks[pi]
	k := v
	for k > lo && sieveHas(quoteAuxiliariesSieve, quoteAuxiliaries, toks[k-1].Fold) {
		k--
	}
	if k <= lo {
		return "", false, false
	}
	t := toks[k-1]
	switch {
	case t.Fold == "he" || t.Fold == "she":
		return "", true, true
	case t.Fold == "who" && k-2 > lo && toks[k-2].Fold == ",":
		if n, ok := qc.nameEndingAt(pi, k-3, lo); ok {
			return n, false, true
		}
		return "", false, true
	case quoteOtherPronouns[t.Fold]:
		return "", false, true
	case quoteNameTok(&t):
		r := qc.runTo(pi, k, lo)
		if r.from > 0 && quotePrepositions[toks[r.from-1].Fold] {
			return "", false, true // "the mayor of Springfield said"
		}
		if c, ok := qc.cleanRun(pi, r); ok {
			return qc.runText(pi, c), false, true
		}
		return "", false, true
	case t.Fold == "," || t.Fold == ")":
		// An appositive between subject and verb.
		for c := lo; c < k-1; c++ {
			if toks[c].Fold != "," {
				continue
			}
			if n, ok := qc.nameEndingAt(pi, c-1, lo); ok && c+1 < k && !capitalText(toks[c+1].Text) {
				return n, false, true
			}
			if c+1 < k-1 && quoteNameTok(&toks[c+1]) {
				r := qc.runFrom(pi, c+1)
				if cr, ok := qc.cleanRun(pi, r); ok && r.to < k {
					return qc.runText(pi, cr), false, true
				}
			}
		}
		return "", false, true
	case t.Kind == Word:
		return "", false, true
	}
	return "", false, false
}

// nameEndingAt returns the cleaned name whose run ends at toks[i].
func (qc *quoteContext) nameEndingAt(pi, i, lo int) (string, bool) {
	toks := qc.paraToks[pi]
	if i < lo || i >= len(toks) || !quoteNameTok(&toks[i]) {
		return "", false
	}
	r := qc.runTo(pi, i+1, lo)
	if r.from > 0 && quotePrepositions[toks[r.from-1].Fold] {
		return "", false
	}
	c, ok := qc.cleanRun(pi, r)
	if !ok {
		return "", false
	}
	return qc.runText(pi, c), true
}

// firstSubject returns the first name (or he/she) in toks[lo:v] that can
// be a subject: not after a preposition, not a possessive. It is the
// subject of a participle ("X …, saying “…”").
func (qc *quoteContext) firstSubject(pi, lo, v int) (name string, pronoun, ok bool) {
	toks := qc.paraToks[pi]
	for i := lo; i < v; i++ {
		t := toks[i]
		if t.Fold == "he" || t.Fold == "she" {
			return "", true, true
		}
		if !quoteNameTok(&t) {
			continue
		}
		r := qc.runFrom(pi, i)
		if r.to > v {
			r.to = v
		}
		prep := i > 0 && (quotePrepositions[toks[i-1].Fold] || sieveHas(attributiveDeterminersSieve, attributiveDeterminers, toks[i-1].Fold) && toks[i-1].Fold != "'s")
		poss := r.to < len(toks) && toks[r.to].Fold == "'s"
		if c, ok := qc.cleanRun(pi, r); ok && !prep && !poss {
			return qc.runText(pi, c), false, true
		}
		i = r.to - 1
	}
	return "", false, false
}

// nameAfter reads the speaker after a verb ('…," said Rep. Jane Doyle,
// top Democrat …'): lower-case words, numbers and articles are skipped
// ("said 18-year-old Karina Gomez", "said former president X") up to a
// name; a comma or the end stops the search.
func (qc *quoteContext) nameAfter(pi, i, hi int) (name string, pronoun bool) {
	toks := qc.paraToks[pi]
	for skipped := 0; i < hi && skipped < 6; skipped++ {
		t := toks[i]
		if t.Fold == "he" || t.Fold == "she" {
			return "", true
		}
		if quoteNameTok(&t) {
			r := qc.runFrom(pi, i)
			if r.to > hi {
				r.to = hi
			}
			if c, ok := qc.cleanRun(pi, r); ok {
				return qc.runText(pi, c), false
			}
			return "", false
		}
		if t.Kind == Punct && t.Fold != "-" {
			break
		}
		i++
	}
	return "", false
}

// runFrom returns the name run starting at toks[i].
func (qc *quoteContext) runFrom(pi, i int) tokRange {
	toks := qc.paraToks[pi]
	j := i
	for j < len(toks) {
		t := toks[j]
		if quoteNameTok(&t) {
			j++
			continue
		}
		if j > i && j+1 < len(toks) && quoteNameTok(&toks[j+1]) &&
			(t.Fold == "." && abbreviationDot(toks[j-1]) || quoteParticle(&t)) {
			j++
			continue
		}
		break
	}
	return tokRange{i, j}
}

// runTo returns the name run ending just before toks[end], no further
// back than lo.
func (qc *quoteContext) runTo(pi, end, lo int) tokRange {
	toks := qc.paraToks[pi]
	j := end
	for j > lo {
		t := toks[j-1]
		if quoteNameTok(&t) {
			j--
			continue
		}
		if j < end && j-2 >= lo && quoteNameTok(&toks[j-2]) &&
			(t.Fold == "." && abbreviationDot(toks[j-2]) || quoteParticle(&t)) {
			j--
			continue
		}
		break
	}
	return tokRange{j, end}
}

// cleanRun strips a name run of what is not the name: leading function
// words and sentence-initial common words ("The Treasury", "Officials"),
// titles and honorifics ("French President Marie Durand" → "Marie
// Durand", "Rep. Jane Doyle" → "Jane Doyle"). ok is false when nothing
// is left ("the President said").
func (qc *quoteContext) cleanRun(pi int, r tokRange) (tokRange, bool) {
	toks := qc.paraToks[pi]
	i, j := r.from, r.to
	for i < j && (toks[i].Kind == Punct || sieveHas(quoteLeadWordsSieve, quoteLeadWords, toks[i].Fold) || quoteParticle(&toks[i])) {
		i++
	}
	last := -1
	for k := i; k < j; k++ {
		f := strings.TrimSuffix(toks[k].Fold, ".")
		if titleWordTok(&toks[k], f) && !(k == i && quoteAmbiguousTitles[f]) {
			last = k
		}
	}
	if last >= 0 {
		i = last + 1
	} else if i < j {
		// A capitalised common word opening a sentence ("Officials said").
		initial := i == 0 || toks[i-1].Fold == `"` || toks[i-1].Fold == ":" || quoteSentenceEnd(toks, i-1)
		if initial && (qc.lower.has(&toks[i]) || quoteGroupNouns[toks[i].Fold] ||
			quoteParticipleLike(toks[i].Fold) && !qc.midCap.has(&toks[i]) && qc.kinds[qc.keys.key(toks[i].Text)] != kindPerson) {
			i++
		}
	}
	for i < j && (toks[i].Kind == Punct || quoteParticle(&toks[i])) {
		i++
	}
	for j > i && toks[j-1].Kind == Punct {
		j--
	}
	return tokRange{i, j}, i < j
}

// quoteParticipleLike reports whether a word has the shape of a present
// participle ("Following", "Dispensing"): opening a sentence before a
// name it is a clause, not a first name, unless the article also
// capitalises it inside sentences. Past participles are left to
// quoteLeadWords: too many given names end in -ed (Ahmed, Mohammed).
func quoteParticipleLike(fold string) bool {
	return len(fold) >= 6 && strings.HasSuffix(fold, "ing")
}

func (qc *quoteContext) runText(pi int, r tokRange) string {
	toks := qc.paraToks[pi]
	return qc.text[toks[r.from].Span.Start:toks[r.to-1].Span.End]
}

func quoteRunWords(toks []Token, r tokRange) int {
	n := 0
	for k := r.from; k < r.to; k++ {
		if toks[k].Kind == Word {
			n++
		}
	}
	return n
}

// quoteNameTok reports whether a token can be part of a name: a
// capitalised word, or a lower-case particle joined to a capitalised name
// ("al-Hakim", "d'Alembert").
func quoteNameTok(t *Token) bool {
	if t.Kind != Word || t.Fold == "i" || t.Fold == "'s" {
		return false
	}
	if capitalText(t.Text) {
		return true
	}
	// Most lower-case words are plain ASCII letters: when the bytes the
	// loop below would look at (runes starting in the first five) are
	// ASCII and none is a hyphen or an apostrophe, it would find none.
	plain := true
	head := t.Text[:min(len(t.Text), 5)]
	for k := 0; k < len(head); k++ {
		if nameJoinByte[head[k]] { // one table load, not four tests
			plain = false
			break
		}
	}
	if plain {
		return false
	}
	for k, r := range t.Text {
		if k > 4 {
			break
		}
		if r == '-' || isApostrophe(r) {
			next, _ := utf8.DecodeRuneInString(t.Text[k+utf8.RuneLen(r):])
			return unicode.IsUpper(next)
		}
	}
	return false
}

// nameJoinByte marks the bytes quoteNameTok looks for in a word's first
// five: a hyphen, an ASCII apostrophe-like mark, or any byte of a wider
// rune.
var nameJoinByte = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= utf8.RuneSelf || c == '-' || c == '\'' || c == '`'
	}
	return t
}()

// quoteCharacterVerbs characterise rather than report ("called it “…”",
// "what he described as “…”"): they attribute only longer quotes.
var quoteCharacterVerbs = map[string]bool{
	"called": true, "calling": true, "described": true, "describing": true,
	"termed": true, "labelled": true, "labeled": true, "branded": true,
	"dubbed": true,
}

// quoteAuxiliaries may stand between a subject and its speech verb.
var quoteAuxiliaries = map[string]bool{
	"had": true, "has": true, "have": true, "also": true, "earlier": true,
	"later": true, "previously": true, "then": true, "again": true,
	"once": true, "repeatedly": true, "recently": true, "would": true,
	"will": true, "could": true, "did": true, "does": true, "further": true,
	"separately": true, "simply": true, "publicly": true, "privately": true,
	"reportedly": true, "frequently": true, "often": true,
}

var quoteOtherPronouns = map[string]bool{
	"they": true, "we": true, "i": true, "you": true, "it": true, "who": true,
	"which": true, "one": true,
}

// quotePrepositions before a name make it an object, not a subject.
var quotePrepositions = map[string]bool{
	"of": true, "from": true, "in": true, "at": true, "for": true,
	"with": true, "by": true, "to": true, "on": true, "into": true,
	"near": true, "across": true, "over": true, "under": true,
	"about": true, "against": true, "between": true, "among": true,
	"toward": true, "towards": true, "via": true, "without": true,
	"within": true, "than": true, "like": true, "outside": true,
	"inside": true, "through": true, "throughout": true, "during": true,
}

// quoteLeadWords open sentences in capitals without being names.
var quoteLeadWords = map[string]bool{
	"the": true, "a": true, "an": true, "another": true, "but": true,
	"and": true, "or": true, "so": true, "yet": true, "in": true, "on": true,
	"at": true, "for": true, "from": true, "to": true, "of": true, "by": true,
	"with": true, "as": true, "after": true, "before": true, "when": true,
	"while": true, "if": true, "this": true, "that": true, "these": true,
	"those": true, "his": true, "her": true, "their": true, "its": true,
	"our": true, "my": true, "your": true, "we": true, "he": true,
	"she": true, "they": true, "it": true, "there": true, "here": true,
	"then": true, "now": true, "meanwhile": true, "however": true,
	"also": true, "earlier": true, "later": true, "still": true,
	"speaking": true, "according": true, "during": true, "despite": true,
	"although": true, "though": true, "since": true, "regarding": true,
	"ahead": true, "both": true, "each": true, "every": true, "all": true,
	"some": true, "many": true, "most": true, "several": true,
	"former": true, "late": true, "new": true, "last": true, "next": true,
	"other": true, "such": true, "even": true, "only": true, "not": true,
	"thus": true, "instead": true, "indeed": true, "moreover": true,
	"separately": true, "today": true, "yesterday": true, "asked": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "top": true,
	"senior": true, "veteran": true, "interim": true, "acting": true,
	"outgoing": true, "incoming": true, "deputy": true, "whatever": true,
	"whoever": true, "whenever": true, "wherever": true, "unlike": true,
	"amid": true, "following": true, "upon": true, "once": true,
	"because": true, "unless": true, "until": true, "whether": true,
	"perhaps": true, "maybe": true, "like": true, "given": true,
	"pressed": true, "faced": true, "questioned": true, "flanked": true,
	"accompanied": true, "surrounded": true, "seated": true,
}

// quoteGroupNouns are common nouns for groups of speakers that open
// sentences in capitals ("Critics called it …"): not names.
var quoteGroupNouns = quoteWordSet(`critics officials residents witnesses police analysts
	experts authorities sources observers protesters demonstrators supporters
	opponents lawmakers officers doctors lawyers prosecutors investigators
	organizers organisers activists scientists economists villagers locals fans
	voters workers students parents teachers farmers rescuers firefighters
	medics troops soldiers rebels militants diplomats negotiators leaders
	members citizens people others reporters journalists researchers
	engineers managers employees staff spokespeople`)

func quoteWordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// quoteRoles are lower-case roles written before a name ("defence lawyer
// Tom Hale"), which leave the name a subject.
var quoteRoles = map[string]bool{
	"lawyer": true, "analyst": true, "engineer": true, "organiser": true,
	"organizer": true, "official": true, "activist": true,
	"correspondent": true, "reporter": true, "researcher": true,
	"economist": true, "expert": true, "fellow": true, "farmer": true,
	"resident": true, "player": true, "striker": true, "teacher": true,
	"nurse": true, "witness": true, "campaigner": true,
	"demonstrator": true, "protester": true, "volunteer": true,
	"candidate": true, "observer": true, "owner": true, "worker": true,
	"student": true, "victim": true, "survivor": true, "historian": true,
	"scientist": true, "diplomat": true, "negotiator": true,
	"lawmaker": true, "legislator": true, "politician": true,
	"executive": true, "founder": true, "author": true, "journalist": true,
}

// quoteAmbiguousTitles are titles that also begin organisation names
// (General Motors, Major League Baseball): they count as titles only after
// another word of the run.
var quoteAmbiguousTitles = map[string]bool{"general": true, "major": true, "chief": true, "head": true}

// quoteParticle reports whether t is a particle inside a personal name,
// or the "y" of Spanish double surnames ("Ortega y Gasset").
func quoteParticle(t *Token) bool {
	return t.may(lcNameParticle) && nameParticles[t.Fold] || t.Fold == "y"
}
