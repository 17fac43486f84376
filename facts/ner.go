package facts

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Named entities and titles, found in the text itself without a topic file.
//
// The finder is a token scan with map lookups, no model:
//
//   - A name is a run of capitalised tokens, with the connectors names
//     keep inside them (al, bin, ibn, von, van, de, la, "&"; "of" after
//     the head of an organisation, place or title: "Bank of England",
//     "Secretary of State"), and the dots of initials and abbreviations
//     ("Rodney S. Scott", "U.S. Customs").
//   - Not names: capitalised function words ("The", "However": nerStop),
//     weekday and month names, the pronoun "I", hyphened adjectives
//     ("Kurdish-led"), demonyms alone ("Syrian", "Russians") or before a
//     lower-case noun ("Middle Eastern country"), titles alone
//     ("President"), and the first word of a sentence unless it is also
//     written capitalised elsewhere in the article (and never in lower
//     case) or another name word follows it. Headings — sentences mostly
//     in upper case, or title-case lines with no final stop — and the
//     dateline ("MOSCOW, Jan 28 (Reuters) -") are skipped.
//   - Titles and honorifics are split off: a nationality (a demonym),
//     then modifiers and title heads, then the name: "Russian President
//     Vladimir Orlov", "Syrian interim President Ahmed al-Hakim", "Kremlin
//     spokesman Dmitry Volkov", "CBP Commissioner Kevin McAleenan", "Rep.
//     Zoe Lofgren"; or an apposition after the name: "Pete Flores, director
//     of field operations for CBP".
//   - The kind is voted from the context of every mention of the entity in
//     the article: a title or honorific (person), a speech verb after it
//     ("said", "told": person, or organisation after "the"), a given name
//     plus surname with a particle or initial or whose surname also stands
//     alone (person), a place preposition before it or a place noun after
//     it ("in Moscow", "Harwick airport": place), "the" before it or a
//     title after it ("the Kremlin", "Kremlin spokesman": organisation), an
//     acronym in brackets after it (organisation). Generic last words
//     decide outright: "... Forces", "... Ministry" (organisation), "...
//     City", "... Airport" (place).
//
// Mentions of one entity in an article are grouped: equal NameKey, or a
// shorter name that is the end of a longer personal name ("Volkov",
// "Dmitry Volkov"; "Ann Roe", "Ann B. Roe III"; "Don Roe", "Donald F.
// Roe"), or an acronym given in brackets ("SDF", "(U.N.)"). A shorter
// name is not joined to a longer one when a gender (from an honorific or
// a title: "Mr. Roe", "first lady Ann Roe") or a title it carries before
// the longer one is introduced ("President Roe and Ann Roe") sets them
// apart, nor a bare surname to "Ann Roe Jr."; a bare surname that two
// fuller names could claim makes no fact. The canonical name is the
// longest form the article writes, with the closing dot of an
// abbreviation ("U.S.", "F.B.I."). A facility named after a place ("San
// Alder Port of Entry", "Harwick Airport") also names the place.
//
// Slot ids (so that the same entity in two outlets shares a slot):
//
//   - "entity:<key>" where <key> is NameKey of the surname — the last
//     name word, particle dropped by NameKey, Jr./III skipped — for
//     persons, so "Dmitry Volkov" and "Volkov", "Ahmed al-Hakim" and
//     "Ahmad al-Hakim" align across outlets; and NameKey of the full
//     canonical name for places, organisations and others ("Syrian
//     Democratic Forces", "Tobruk"/"Tubruq"). When two persons in one
//     article share a surname, the one named most often keeps the
//     surname key and the other is keyed on its full name without
//     initials or III. (compare re-aligns across the story what this
//     per-article keying cannot: abbreviations and long forms, namesakes,
//     plural and hyphen spellings.)
//   - "title:<key>" with the same person key.
//
// Values: an entity's value is its canonical name as the article writes
// it (so that SameName can spot Tubruq against Tobruk); its surface and
// span are its first mention. A title's value is the title folded, with
// abbreviations expanded ("Rep." → "representative") and "defense" written
// "defence"; it keeps the organisation ("kremlin spokesman") and modifiers
// ("interim president", "former president") but not the nationality:
// "Russian President" and "President" both give "president", since
// outlets add or drop the nationality freely. Courtesy honorifics (Mr.,
// Mrs., Ms.) are not titles.

// nerKind is the kind of a named entity.
type nerKind uint8

const (
	kindOther nerKind = iota
	kindPerson
	kindPlace
	kindOrg
	nKinds
)

var nerKindNames = [nKinds]string{"other", "person", "place", "organisation"}

func (k nerKind) String() string { return nerKindNames[k] }

// nerMention is one mention of a name in a sentence.
//
// The one-byte fields stand together at the end, in one word: an article
// has a mention per name run, and padding after each was a tenth of them.
type nerMention struct {
	sent        int
	first, last int // token range of the name (title split off)
	span        Span
	votes       [nKinds]int
	title       Span // title as written; empty when none
	titleValue  string
	acronymOf   int // mention the "(ABC)" acronym stands for; -1
	ent         int
	words       int // name words
	fullKey     string
	lastKey     string  // NameKey of the surname (last name word)
	coreKey     string  // NameKey without middle initials and III: "Ann B. Roe" is "Ann Roe"
	aliasOf     int     // group a single word was merged into; -1
	strong      nerKind // kind the name's own words give; kindOther if none
	possessive  bool
	gender      byte // 'm' or 'f' when a title or honorific says so
	particle    bool // an inner particle or initial: "bin", "al-", "S."
	junior      bool // ends in Jr. or Sr.: another person than the name without it
	speech      bool
	theBefore   bool
	placeBefore bool
}

// nerEntity is one entity of an article: its mentions grouped.
type nerEntity struct {
	first  int // first mention
	canon  int // mention with the canonical (longest) name
	votes  [nKinds]int
	title  int // first mention with a title; -1
	key    string
	strong nerKind
	kind   nerKind
	merged bool // a shorter mention was merged in by surname
	// ambiguous marks a bare surname that two fuller names in the
	// article could claim ("Roe" beside "Ann Roe" and "Bob Roe"): it
	// names no one for sure, so it makes no fact.
	ambiguous bool
}

// nerDoc is the named-entity analysis of a doc.
type nerDoc struct {
	heading []bool
	ms      []nerMention
	start   []int // start[i]..start[i+1] are sentence i's mentions
	ents    []nerEntity
	lower   foldSet // words the article writes in lower case
	// buf is where ms and ents come from, given back by release.
	buf *nerBuf
	// kinds is quoteEntityKinds' map, made on first use.
	kinds map[string]nerKind
}

// mentionsOf returns the mentions of sentence i.
func (nd *nerDoc) mentionsOf(i int) []nerMention { return nd.ms[nd.start[i]:nd.start[i+1]] }

// appendEntities emits one entity fact per entity per article, at its first
// mention, and one title fact per person the article gives a title.
func appendEntities(d *doc, out []Fact) []Fact {
	nd := analyseNER(d)
	out = slices.Grow(out, len(nd.ents)) // a fact per entity, bar a few
	keys := make(map[string]bool, len(nd.ents))
	for i := range nd.ents {
		keys[nd.ents[i].key] = true
	}
	for i := range nd.ents {
		e := &nd.ents[i]
		if e.ambiguous {
			continue
		}
		m := &nd.ms[e.first]
		c := &nd.ms[e.canon]
		s := d.sents[m.sent]
		name := d.a.Text[c.span.Start:c.span.End]
		slot, label := concatPair("entity:", e.key, e.kind.String(), ": ", name)
		f := d.fact(s, Slot{ID: slot, Kind: KindEntity}, "entity", m.span, m.first)
		f.Value = name
		f.Label = label
		out = append(out, f)
		// "the Harwick Port of Entry" names Harwick too, as another
		// outlet's "the Harwick border crossing" does.
		if e.kind != kindPerson {
			ctoks := d.sents[c.sent].toks
			if h := facilityHead(ctoks, c.first, c.last); h >= 0 {
				sp := Span{ctoks[c.first].Span.Start, ctoks[h].Span.End}
				head := d.a.Text[sp.Start:sp.End]
				if k := NameKey(head); k != "" && !keys[k] {
					keys[k] = true
					hf := d.fact(d.sents[c.sent], Slot{ID: "entity:" + k, Kind: KindEntity}, "entity", sp, c.first)
					hf.Value = head
					hf.Label = kindPlace.String() + ": " + head
					out = append(out, hf)
				}
			}
		}
		if e.title >= 0 && e.kind == kindPerson {
			t := &nd.ms[e.title]
			ts := d.sents[t.sent]
			f := d.fact(ts, Slot{ID: "title:" + e.key, Kind: KindTitle}, "entity", t.title, t.first)
			f.Value = t.titleValue
			f.Label = "title: " + name
			out = append(out, f)
		}
	}
	return out
}

// facilityHead returns the last token of the place a facility's name
// toks[first..last] is named after ("Harwick" in "Harwick Port of
// Entry", "Harwick International Airport"), or -1 when the name does not
// end in a facility word or nothing capitalised stands before it.
func facilityHead(toks []Token, first, last int) int {
	for _, tail := range facilityTails {
		h := last - len(tail)
		if h < first {
			continue
		}
		ok := true
		for i, w := range tail {
			if toks[h+1+i].Fold != w {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		for h >= first && toks[h].Kind == Punct {
			h--
		}
		if h < first || !capitalText(toks[h].Text) || isTitleWord(toks[h]) || toks[h].demonym() {
			return -1
		}
		return h
	}
	return -1
}

// analyseNER returns the doc's named-entity analysis, made on first use:
// findEntities, findEvents, findGeneralDates and the quote finder share
// it. A doc is extracted by one goroutine, so the doc holds it (it was
// a cache of the last eight docs behind a lock).
func analyseNER(d *doc) *nerDoc {
	if d.ner == nil {
		d.ner = computeNER(d)
	}
	return d.ner
}

// nerBuf holds the largest buffers of a nerDoc (the mentions and the
// entities before and after grouping, and grouping's map of keys):
// recycled from doc to doc, since allocating them was a third of
// extraction's bytes.
type nerBuf struct {
	ms    []nerMention
	ents  []nerEntity // entities before merged ones are dropped
	kept  []nerEntity
	byKey map[string]int
	// keys is the scanner's NameKey memo and kinds the quote finder's
	// kinds by NameKey (quoteEntityKinds), both built anew per doc.
	keys  nameKeyMemo
	kinds map[string]nerKind
	// bare is lent to the doc's quote context (quoteContext.bare) and
	// taken back, cleared, on release: built anew per article, its growth
	// was a twelfth of extraction's bytes.
	bare, bareLent map[string]barePositions
}

var nerBufs = sync.Pool{New: func() any {
	return &nerBuf{byKey: map[string]int{}, keys: nameKeyMemo{}, kinds: map[string]nerKind{}, bare: map[string]barePositions{}}
}}

// maxPooledMentions bounds the buffers kept, in mentions and entities.
const maxPooledMentions = 4096

// release gives nd's buffers back once its doc is extracted; nd is not
// used after. Facts hold strings of the text, nothing of nd.
func (nd *nerDoc) release() {
	nb := nd.buf
	if nb == nil {
		return
	}
	nd.buf = nil
	if cap(nd.ms) > maxPooledMentions || cap(nb.ents) > maxPooledMentions || cap(nd.ents) > maxPooledMentions {
		return // grown for a very long article: left to the collector
	}
	// Whole capacities are cleared (a few KB): the grouping writes
	// entities it then drops.
	clear(nd.ms[:cap(nd.ms)])
	clear(nb.ents[:cap(nb.ents)])
	clear(nd.ents[:cap(nd.ents)])
	nb.ms, nb.ents, nb.kept = nd.ms[:0], nb.ents[:0], nd.ents[:0]
	clear(nb.byKey)
	clear(nb.keys)
	clear(nb.kinds)
	if nb.bareLent != nil {
		clear(nb.bareLent)
		nb.bare, nb.bareLent = nb.bareLent, nil
	}
	nd.ms, nd.ents, nd.kinds = nil, nil, nil
	nerBufs.Put(nb)
}

// computeNER finds the doc's named entities.
func computeNER(d *doc) *nerDoc {
	nd := &nerDoc{heading: make([]bool, len(d.sents)), start: make([]int, 0, len(d.sents)+1)}
	// The mentions are sized from the article's runs of name words
	// (about one mention each): growing them was a third of the
	// analysis's allocations. The word sets are of the doc's folds, a
	// bit per id: maps of strings were a sixth of its bytes.
	names := 0
	capMid := d.voc.newSet()
	lower := d.voc.newSet()
	for i, s := range d.sents {
		nd.heading[i] = isHeading(s.toks)
		if nd.heading[i] {
			continue
		}
		start := datelineEnd(s.toks)
		prevName := false // nameTok of the token before, asked once a token
		for j := start; j < len(s.toks); j++ {
			t := &s.toks[j]
			isName := nameTok(t) // false for any token but a word
			wasName := prevName
			prevName = isName
			if t.Kind != Word {
				continue
			}
			if isName {
				if j == start || !wasName {
					names++ // a run of name words: about one mention
				}
				if j > start && !isInitial(s.toks, j) {
					capMid.add(t)
				}
			} else if j > start {
				lower.add(t)
			}
		}
	}
	nb := nerBufs.Get().(*nerBuf)
	nd.buf = nb
	nd.ms = nb.ms[:0]
	if cap(nd.ms) < names {
		nd.ms = make([]nerMention, 0, names)
	}
	nd.ents = nb.ents[:0]
	nd.lower = lower
	sc := nerScanner{text: d.a.Text, capMid: &capMid, lower: &nd.lower, nd: nd, keys: nb.keys}
	for i, s := range d.sents {
		nd.start = append(nd.start, len(nd.ms))
		if nd.heading[i] {
			continue
		}
		sc.sentence(i, s.toks)
	}
	nd.start = append(nd.start, len(nd.ms))
	nd.group(d)
	return nd
}

// nameTok reports whether t can be part of a name: a capitalised word or
// one with a lower-case particle before a capital ("al-Hakim").
func nameTok(t *Token) bool {
	if t.Kind != Word {
		return false
	}
	if capitalText(t.Text) {
		return true
	}
	return particleName(t.Text)
}

// particleName reports whether w is a particle, a hyphen and a capitalised
// name: "al-Hakim", "bin-Salman".
func particleName(w string) bool {
	i := strings.IndexByte(w, '-')
	if i <= 0 || i+1 >= len(w) || !nerParticles[strings.ToLower(w[:i])] && !particlePrefix(w[:i+1]) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[i+1:])
	return unicode.IsUpper(r)
}

func particlePrefix(p string) bool {
	p = strings.ToLower(p)
	for _, q := range particles {
		if p == q {
			return true
		}
	}
	return false
}

// acronym reports whether t is a word of two or more letters, all upper
// case: "SDF", "U.S".
func acronym(t Token) bool {
	if t.Kind != Word {
		return false
	}
	n := 0
	for _, r := range t.Text {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// hyphenAdjective reports whether t is a hyphened adjective such as
// "Kurdish-led", "London-based", "Russian-made".
func hyphenAdjective(t *Token) bool {
	i := strings.LastIndexByte(t.Fold, '-')
	if i <= 0 || i+1 >= len(t.Fold) {
		return false
	}
	last := t.Fold[i+1:]
	r, _ := utf8.DecodeRuneInString(t.Text[i+1:])
	if unicode.IsUpper(r) {
		return false
	}
	return nerAdjSuffixes[last] || len(last) > 3 && (strings.HasSuffix(last, "ed") || strings.HasSuffix(last, "ing"))
}

// caseCounts returns how many upper-case and lower-case letters s has.
// ASCII letters are counted without decoding: unicode's upper and lower
// case among them are A-Z and a-z.
func caseCounts(s string) (up, low int) {
	for k := 0; k < len(s); {
		if c := s[k]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				up++
			} else if 'a' <= c && c <= 'z' {
				low++
			}
			k++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[k:])
		if unicode.IsUpper(r) {
			up++
		} else if unicode.IsLower(r) {
			low++
		}
		k += size
	}
	return up, low
}

// isHeading reports whether a sentence is a heading: mostly upper-case
// letters, or title case with no final stop ("Emphasis on Unity and
// Stability", "Moscow, Jan 28, 2026").
func isHeading(toks []Token) bool {
	if len(toks) == 0 {
		return true
	}
	switch toks[len(toks)-1].Fold {
	case ".", "!", "?", `"`, "'", ")", ":":
		// A sentence with a final stop is a heading only in capitals:
		// most sentences, told apart without counting their title-case
		// words.
		return mostlyCapitals(toks)
	}
	up, low, nw, ncap := 0, 0, 0, 0
	for _, t := range toks {
		if t.Kind != Word {
			continue
		}
		u, l := caseCounts(t.Text)
		up += u
		low += l
		if t.may(lcHeadingConnector) && headingConnectors[t.Fold] && !capitalText(t.Text) {
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

// mostlyCapitals is isHeading's capitals test alone: six letters or
// more, three in five of them or more capitals (10·up >= 6·(up+low), that
// is 2·up >= 3·low). It stops as soon as the letters left (at most the
// bytes left of the words) could no longer make it true.
func mostlyCapitals(toks []Token) bool {
	left := 0
	for _, t := range toks {
		if t.Kind == Word {
			left += len(t.Text)
		}
	}
	up, low := 0, 0
	for _, t := range toks {
		if t.Kind != Word {
			continue
		}
		if 2*(up+left) < 3*low {
			return false
		}
		u, l := caseCounts(t.Text)
		up += u
		low += l
		left -= len(t.Text)
	}
	return up+low >= 6 && 2*up >= 3*low
}

// isInitial reports whether toks[j] opens a sentence or a quotation, where
// any word is capitalised.
func isInitial(toks []Token, j int) bool {
	k := j - 1
	if k < 0 {
		return true
	}
	p := toks[k]
	if p.Kind != Punct {
		return false
	}
	switch p.Text {
	case "“", "‘", "«", ":", "—", "–":
		return true
	case `"`, "'":
		return p.Span.End == toks[j].Span.Start && (k == 0 || toks[k-1].Span.End < p.Span.Start)
	case "”", "’", "»", ")", ",", ";":
		return false
	}
	// Only punctuation before: the sentence's opening marks.
	for ; k >= 0; k-- {
		if toks[k].Kind != Punct {
			return false
		}
	}
	return true
}

// datelineEnd returns the index of the first token after a dateline
// ("MOSCOW, Jan 28 (Reuters) -", "PORT ALDER, Norland —"), or 0.
func datelineEnd(toks []Token) int {
	if len(toks) < 3 || !acronym(toks[0]) || len(toks[0].Text) < 3 {
		return 0
	}
	for k := 1; k < len(toks) && k <= 12; k++ {
		if toks[k].Fold == "-" {
			for k+1 < len(toks) && toks[k+1].Fold == "-" {
				k++
			}
			return k + 1
		}
		if toks[k].Kind == Word && !capitalText(toks[k].Text) && toks[k].Kind != Number {
			return 0
		}
	}
	return 0
}

// nerScanner finds the name runs of an article's sentences.
type nerScanner struct {
	text   string
	capMid *foldSet // words written capitalised inside sentences
	lower  *foldSet // words written in lower case
	nd     *nerDoc
	keys   nameKeyMemo
	toks   []Token
	si     int
	from   int // first mention of the current sentence
}

// stopWord reports whether t is a function word that cannot be (part of)
// a name: "The", "However"; acronyms ("US", "WHO") are names.
func stopWord(t *Token) bool {
	f := t.Fold
	if f == "i" || strings.HasPrefix(f, "i'") {
		return true // "I", "I'm"
	}
	// "(D-Miss.)", "R-Texas": a party and a state.
	if len(f) > 2 && f[1] == '-' && (f[0] == 'd' || f[0] == 'r' || f[0] == 'i') {
		return true
	}
	return t.in(lcNerStop, nerStop) && !acronym(*t)
}

// runWord reports whether toks[k] can continue a name.
func (sc *nerScanner) runWord(k int) bool {
	t := &sc.toks[k]
	if !nameTok(t) || stopWord(t) || hyphenAdjective(t) {
		return false
	}
	if t.may(lcWeekdayMonth) && weekdayMonth[t.Fold] {
		return sc.monthGivenName(k) || sc.monthSurname(k)
	}
	return true
}

// monthName reports whether toks[k] is a full month name that may be a
// name word there: not before a number ("May 5") nor after a preposition
// or a time word ("in June", "last March").
func (sc *nerScanner) monthName(k int) bool {
	toks := sc.toks
	if !monthNames[toks[k].Fold] || k+1 < len(toks) && toks[k+1].Kind == Number {
		return false
	}
	return k == 0 || !monthLeads[toks[k-1].Fold]
}

// monthGivenName reports whether the month name at toks[k] is a given
// name: another name word follows it ("Governor June Ellis", "April
// Hale said").
func (sc *nerScanner) monthGivenName(k int) bool {
	if !sc.monthName(k) || k+1 >= len(sc.toks) {
		return false
	}
	nx := sc.toks[k+1]
	return nameTok(&nx) && !weekdayMonth[nx.Fold] && !stopWord(&nx) && !hyphenAdjective(&nx)
}

// monthSurname reports whether the month name at toks[k] is a surname
// after a given name ("Senator Ann March", "Theresa May"), not a month
// after an organisation or a title ("the Senate March vote").
func (sc *nerScanner) monthSurname(k int) bool {
	if !sc.monthName(k) || k == 0 {
		return false
	}
	p := sc.toks[k-1]
	if !nameTok(&p) || weekdayMonth[p.Fold] || stopWord(&p) || isTitleWord(p) || acronym(p) ||
		p.may(lcOrgSuffix) && orgSuffixes[p.Fold] || p.may(lcPlaceSuffix) && placeSuffixes[p.Fold] || p.demonym() {
		return false
	}
	return true
}

// abbrevBefore reports whether toks[k] is an abbreviation or initial whose
// dot follows at k+1: "U.S.", "Mr.", "S.".
func abbrevBefore(toks []Token, k int) bool {
	return k+1 < len(toks) && toks[k+1].Fold == "." && toks[k+1].Span.Start == toks[k].Span.End && abbreviationDot(toks[k])
}

func (sc *nerScanner) sentence(si int, toks []Token) {
	sc.toks, sc.si, sc.from = toks, si, len(sc.nd.ms)
	n := len(toks)
	start := datelineEnd(toks)
	for j := start; j < n; j++ {
		t := toks[j]
		if !sc.runWord(j) || t.may(lcWeekdayMonth) && weekdayMonth[t.Fold] && !sc.monthGivenName(j) {
			continue
		}
		if j == start || isInitial(toks, j) {
			if !sc.initialOK(j) {
				continue
			}
		}
		k := sc.extend(j)
		sc.run(j, k)
		j = k
	}
}

// initialOK decides whether the capitalised word opening a sentence can
// start a name: it is an acronym, a title or demonym (split off later), a
// word the article also capitalises mid-sentence and never writes in
// lower case, or another name word follows it.
func (sc *nerScanner) initialOK(j int) bool {
	t := sc.toks[j]
	f := t.Fold
	next := j + 1
	if abbrevBefore(sc.toks, j) {
		next = j + 2
	}
	if acronym(t) {
		return true
	}
	if sc.capMid.has(&t) && !sc.lower.has(&t) {
		return true
	}
	// "Kremlin spokesman Dmitry Volkov": an organisation before a
	// lower-case title and a name.
	for x := next; x < len(sc.toks) && x <= next+2; x++ {
		tx := sc.toks[x]
		if tx.Kind != Word || capitalText(tx.Text) || !isTitleWord(tx) {
			break
		}
		if titleHead(tx) && x+1 < len(sc.toks) && sc.runWord(x+1) {
			return true
		}
	}
	if len(f) > 4 && (strings.HasSuffix(f, "ing") || strings.HasSuffix(f, "ed") || strings.HasSuffix(f, "ly")) {
		return false // "Securing Syria's transition", "Reportedly"
	}
	// Another name word follows, maybe after a particle, "of" or "&":
	// "Heather Cronk", "Ursula von der Leyen", "Secretary of State …".
	return sc.extend(j) > j
}

// ofHead reports whether "of" may continue a name after toks[k]: "Bank of
// England", "Gulf of Mexico", "Port of Entry", "Secretary of State".
func ofHead(t Token) bool {
	f := t.Fold
	return orgSuffixes[f] || placeHeads[f] || titleHeads[f] || placeSuffixes[f] || instrumentHeads[f]
}

// extend returns the last token of the name run starting at j.
func (sc *nerScanner) extend(j int) int {
	toks := sc.toks
	n := len(toks)
	k := j
	for k+1 < n {
		if abbrevBefore(toks, k) && k+2 < n && sc.runWord(k+2) {
			k += 2
			continue
		}
		// A middle initial that is also a word: "Sergey I. Volkov".
		if k+3 < n && utf8.RuneCountInString(toks[k+1].Text) == 1 && abbrevBefore(toks, k+1) && sc.runWord(k+3) {
			k += 3
			continue
		}
		// "Ann Roe, Jr.": the suffix after a comma ends the name.
		if toks[k+1].Fold == "," && k+2 < n && nameSuffixWords[toks[k+2].Fold] && capitalText(toks[k+2].Text) &&
			(toks[k+2].Fold == "jr" || toks[k+2].Fold == "sr" || toks[k+2].Text == strings.ToUpper(toks[k+2].Text)) && k > j {
			k += 2
			break
		}
		if sc.runWord(k + 1) {
			k++
			continue
		}
		nx := toks[k+1]
		if (nx.Fold == "and" || nx.Fold == "for") && sc.joinsOrg(k+1) {
			// "Customs and Border Protection", "Center for Biological
			// Diversity": the name goes on to an organisation word.
			k = sc.orgEnd(k + 2)
			continue
		}
		if nx.may(lcNerConnector) && nerConnectors[nx.Fold] && !capitalText(nx.Text) {
			m := k + 1
			for m < n && m <= k+3 && toks[m].may(lcNerConnector) && nerConnectors[toks[m].Fold] && !capitalText(toks[m].Text) {
				m++
			}
			if m >= n || !sc.runWord(m) {
				break
			}
			if nx.Fold == "of" {
				if !ofHead(toks[k]) {
					break
				}
				// "Secretary of State Marco Rubio" but not "President
				// of Syria": a title's "of" phrase needs a name after it.
				if titleHeads[toks[k].Fold] && !orgSuffixes[toks[k].Fold] && (m+1 >= n || !sc.runWord(m+1)) {
					break
				}
			}
			k = m
			continue
		}
		break
	}
	return k
}

// joinsOrg reports whether the "and" or "for" at toks[c] joins two parts
// of one organisation's name: the name words after it end, within four
// words, in an organisation word, and for "for" one stands before it.
func (sc *nerScanner) joinsOrg(c int) bool {
	toks := sc.toks
	if toks[c].Fold == "for" && !orgSuffixes[toks[c-1].Fold] {
		return false
	}
	if c+1 >= len(toks) || !sc.runWord(c+1) {
		return false
	}
	e := sc.orgEnd(c + 1)
	return e >= 0 && (toks[c].Fold == "for" || orgSuffixes[toks[e].Fold])
}

// orgEnd returns the last name word of the run of up to four name words
// starting at toks[j].
func (sc *nerScanner) orgEnd(j int) int {
	k := j
	for k+1 < len(sc.toks) && k+1 < j+4 && sc.runWord(k+1) {
		k++
	}
	return k
}

// isTitleWord reports whether t is a title head, modifier, honorific or
// abbreviated title; a hyphened word counts by its last part
// ("co-director", "then-president").
func isTitleWord(t Token) bool {
	return titleHead(t) || t.may(lcTitleModifier) && titleModifiers[t.Fold] || t.may(lcHonorific) && honorifics[t.Fold]
}

// titleHead reports whether t is the head of a title.
func titleHead(t Token) bool {
	if t.Kind != Word {
		return false
	}
	f := t.Fold
	if t.may(lcTitleHead) && titleHeads[f] || t.may(lcHonorific) && honorifics[f] || t.may(lcTitleAbbrev) && titleAbbrev[f] != "" && f != "st" && f != "jr" && f != "sr" {
		return true
	}
	if i := strings.LastIndexByte(f, '-'); i > 0 {
		return titleHeads[f[i+1:]]
	}
	return false
}

// kindOfName returns the kind a name's own words give: its last word an
// organisation or place suffix, or an organisation or place head before
// "of".
func kindOfName(toks []Token, first, last int) nerKind {
	lt := &toks[last]
	switch {
	case lt.may(lcOrgSuffix) && orgSuffixes[lt.Fold]:
		return kindOrg
	case lt.may(lcPlaceSuffix) && placeSuffixes[lt.Fold]:
		return kindPlace
	}
	for k := first; k < last; k++ {
		if toks[k+1].Fold != "of" {
			continue
		}
		f := toks[k].Fold
		if toks[k].may(lcOrgSuffix) && orgSuffixes[f] {
			return kindOrg
		}
		if placeHeads[f] || placeSuffixes[f] {
			return kindPlace
		}
	}
	return kindOther
}

// run splits a name run toks[j..k] into nationality, title and name, and
// records the name's mention.
func (sc *nerScanner) run(j, k int) {
	toks := sc.toks
	n := len(toks)
	// The title inside the run ends at its last title head with a name
	// after it: "Chief Patrol Agent | Rodney Scott".
	q := -1
	for x := k - 1; x >= j; x-- {
		if titleHead(toks[x]) {
			q = x
			break
		}
	}
	ns := j
	ts := -1 // start of the title; -1 when none
	if q >= 0 {
		e := q
		if abbrevBefore(toks, e) {
			e++
		}
		if e+2 <= k && toks[e+1].Fold == "of" {
			e += 2 // "Secretary of State"
		}
		if e < k && sc.nameLike(e+1, k) {
			ns = e + 1
			ts = q
			for ts > j && (isTitleWord(toks[ts-1]) || toks[ts-1].Fold == "." && ts-2 >= j && abbreviationDot(toks[ts-2])) {
				ts--
			}
			// Before the title: a nationality, then maybe an organisation
			// ("CBP Commissioner", "White House Press Secretary").
			p := j
			for p < ts && (nationality(toks[p]) || toks[p].Fold == "." && p > j && nationality(toks[p-1])) {
				p++
			}
			if p < ts {
				sc.record(p, ts-1, false)
				sc.voteAt(ts-1, kindOrg, 2)
				ts = p
			}
			for ts < q && (nationality(toks[ts]) || toks[ts].Fold == ".") {
				ts++
			}
			// Lower-case title words before the run: "interim President".
			for ts == j && ts > 0 && !honorifics[toks[q].Fold] && toks[ts-1].Kind == Word && !capitalText(toks[ts-1].Text) && isTitleWord(toks[ts-1]) {
				ts--
				j--
			}
		}
	}
	if ns == j {
		// No title inside: drop what is no name.
		if allTitle(toks, j, k) && kindOfName(toks, j, k) == kindOther {
			return
		}
		if toks[k].demonym() && (k+1 >= n || toks[k+1].Kind == Word && !capitalText(toks[k+1].Text)) {
			return // "Syrian", "Middle Eastern country"
		}
		allDem := true
		for x := j; x <= k; x++ {
			if toks[x].Kind == Word && !toks[x].demonym() {
				allDem = false
			}
		}
		if allDem {
			return
		}
	}
	mi := sc.record(ns, k, true)
	if mi < 0 {
		return
	}
	m := &sc.nd.ms[mi]
	if ts >= 0 {
		sc.setTitle(m, toks, ts, ns-1)
	} else {
		sc.titleBefore(m, ns)
	}
	if m.title.Len() == 0 && !m.possessive {
		sc.apposition(m, k)
	}
}

// nationality reports whether t names a nationality before a title: a
// demonym ("Russian President") or a country's abbreviation ("U.S.
// President"), both dropped from the title's value since outlets add or
// drop them freely.
func nationality(t Token) bool {
	return t.demonym() || acronym(t) && countryAbbrevs[strings.ReplaceAll(t.Fold, ".", "")]
}

// allTitle reports whether toks[j..k] are all title words ("President",
// "Defence Minister").
func allTitle(toks []Token, j, k int) bool {
	for x := j; x <= k; x++ {
		if toks[x].Kind == Word && !isTitleWord(toks[x]) && toks[x].Fold != "of" && !toks[x].demonym() {
			return false
		}
	}
	return true
}

// nameLike reports whether toks[a..b] can be a person's name after a
// title: no organisation or place word ends it ("General Motors",
// "Justice Department").
func (sc *nerScanner) nameLike(a, b int) bool {
	if kindOfName(sc.toks, a, b) != kindOther {
		return false
	}
	for x := a; x <= b; x++ {
		if sc.toks[x].Kind == Word && !sc.toks[x].demonym() {
			return true
		}
	}
	return false
}

// voteAt adds a vote to the mention of the current sentence that covers
// token k.
func (sc *nerScanner) voteAt(k int, kind nerKind, w int) {
	for i := len(sc.nd.ms) - 1; i >= sc.from; i-- {
		m := &sc.nd.ms[i]
		if k >= m.first && k <= m.last {
			m.votes[kind] += w
			return
		}
	}
}

// record adds a mention of the name toks[a..b], with the votes its context
// gives, and returns its index (-1 when it is no name).
func (sc *nerScanner) record(a, b int, context bool) int {
	toks := sc.toks
	n := len(toks)
	for a <= b && (toks[a].Kind != Word || stopWord(&toks[a])) {
		a++
	}
	for b >= a && toks[b].Kind == Punct {
		b--
	}
	if a > b {
		return -1
	}
	m := nerMention{sent: sc.si, first: a, last: b, acronymOf: -1, aliasOf: -1}
	m.span = Span{toks[a].Span.Start, abbrevEnd(toks, b)}
	m.strong = kindOfName(toks, a, b)
	lastName := -1
	for x := a; x <= b; x++ {
		t := toks[x]
		if t.Kind != Word {
			continue
		}
		if t.may(lcNameParticle) && nerParticles[t.Fold] && !capitalText(t.Text) || x > a && particleName(t.Text) || abbrevBefore(toks, x) && utf8.RuneCountInString(t.Text) == 1 {
			m.particle = true
		}
		if t.may(lcNerConnector) && nerConnectors[t.Fold] && !capitalText(t.Text) {
			continue
		}
		m.words++
		if x > a && (t.Fold == "jr" || t.Fold == "sr") {
			m.junior = true
		}
		if !(t.may(lcNameSuffix) && nameSuffixWords[t.Fold]) || lastName < 0 {
			lastName = x
		}
	}
	name := sc.text[m.span.Start:m.span.End]
	m.fullKey = sc.keys.key(name)
	if m.fullKey == "" {
		return -1
	}
	m.coreKey = m.fullKey
	if m.words >= 3 {
		var core strings.Builder
		for x := a; x <= b; x++ {
			t := toks[x]
			if t.Kind != Word || x > a && x < b && utf8.RuneCountInString(t.Text) == 1 || x > a && romanSuffixes[t.Fold] {
				continue
			}
			core.WriteString(t.Text)
			core.WriteByte(' ')
		}
		m.coreKey = sc.keys.key(core.String())
	}
	m.lastKey = sc.keys.key(toks[lastName].Text)
	if b+1 < n && (toks[b+1].Fold == "'s" || toks[b+1].Fold == "'" && strings.HasSuffix(toks[b].Fold, "s")) {
		m.possessive = true
	}
	if context {
		sc.contextVotes(&m, a, b)
	}
	sc.nd.ms = append(sc.nd.ms, m)
	mi := len(sc.nd.ms) - 1
	// "Syrian Democratic Forces (SDF)": the acronym names the same entity.
	// "United Nations (U.N.)": the same with the acronym's closing dot.
	if b+4 < n && toks[b+1].Fold == "(" && acronym(toks[b+2]) && toks[b+3].Fold == "." && toks[b+4].Fold == ")" && strings.Contains(toks[b+2].Text, ".") {
		sc.nd.ms[mi].votes[kindOrg] += 3
		am := nerMention{sent: sc.si, first: b + 2, last: b + 2, span: Span{toks[b+2].Span.Start, toks[b+3].Span.End}, acronymOf: mi, aliasOf: -1, words: 1}
		am.fullKey = sc.keys.key(toks[b+2].Text)
		am.lastKey = am.fullKey
		sc.nd.ms = append(sc.nd.ms, am)
	} else if b+3 < n && toks[b+1].Fold == "(" && acronym(toks[b+2]) && toks[b+3].Fold == ")" {
		sc.nd.ms[mi].votes[kindOrg] += 3
		am := nerMention{sent: sc.si, first: b + 2, last: b + 2, span: toks[b+2].Span, acronymOf: mi, aliasOf: -1, words: 1}
		am.fullKey = sc.keys.key(toks[b+2].Text)
		am.lastKey = am.fullKey
		sc.nd.ms = append(sc.nd.ms, am)
	}
	return mi
}

// abbrevEnd is the end of toks[b] with the dot that closes it when it is
// a dotted abbreviation ("U.S.", "F.B.I.") or a name suffix ("Jr."): the
// tokenizer leaves that dot out of the word, as it may also end the
// sentence, but the name as written keeps it, and "F.B.I." against "FBI"
// is a spelling a desk wants to see.
func abbrevEnd(toks []Token, b int) int {
	t := toks[b]
	end := t.Span.End
	if b+1 < len(toks) && toks[b+1].Fold == "." && toks[b+1].Span.Start == end &&
		(strings.Contains(t.Text, ".") || t.Fold == "jr" || t.Fold == "sr") {
		return toks[b+1].Span.End
	}
	return end
}

// contextVotes votes on the kind of the name toks[a..b] from the words
// around it.
func (sc *nerScanner) contextVotes(m *nerMention, a, b int) {
	toks := sc.toks
	n := len(toks)
	// Before: "the", a place preposition (over "the" and direction words).
	for x := a - 1; x >= 0 && x >= a-3; x-- {
		f := toks[x].Fold
		if toks[x].in(lcPlacePrep, placePreps) && !(f == "to" && x > 0 && toks[x-1].Fold == "according") {
			m.placeBefore = true
			m.votes[kindPlace]++
			break
		}
		if !sieveHas(placeAdjectivesSieve, placeAdjectives, f) {
			break
		}
	}
	// "the Kremlin said", but not "the Hale administration", where "the"
	// goes with the noun after the name, nor "in the Kremlin".
	if a > 0 && toks[a-1].Fold == "the" {
		m.theBefore = true
		if !m.placeBefore && (b+1 >= n || !nounAfter(toks[b+1])) {
			m.votes[kindOrg]++
		}
	}
	// After: a speech verb, a place noun, a title ("Kremlin spokesman").
	x := b + 1
	if x < n && toks[x].Fold == "'s" {
		x++
	}
	// '…," said Nicole Ramos': a person.
	if a >= 2 && toks[a-1].may(lcSpeechVerb) && speechVerbs[toks[a-1].Fold] && (toks[a-2].Fold == "," || toks[a-2].Fold == `"`) {
		m.speech = true
		m.votes[kindPerson] += 2
	}
	if b+1 < n && toks[b+1].may(lcSpeechVerb) && speechVerbs[toks[b+1].Fold] {
		m.speech = true
		if m.theBefore {
			m.votes[kindOrg] += 2
		} else {
			m.votes[kindPerson] += 2
		}
	}
	for y := b + 1; y < n && y <= b+3; y++ {
		t := toks[y]
		if t.Kind != Word || capitalText(t.Text) {
			break
		}
		if t.may(lcPlaceNoun) && placeNouns[t.Fold] {
			m.votes[kindPlace] += 2
			break
		}
		if !sieveHas(placeNounAdjectivesSieve, placeNounAdjectives, t.Fold) {
			break
		}
	}
	if x < n && toks[x].Kind == Word && !capitalText(toks[x].Text) && titleHead(toks[x]) && !honorifics[toks[x].Fold] {
		m.votes[kindOrg] += 2
	}
	// ", 30," (an age) or ", who": a person.
	if b+2 < n && toks[b+1].Fold == "," {
		if toks[b+2].Fold == "who" || toks[b+2].Kind == Number && b+3 < n && (toks[b+3].Fold == "," || toks[b+3].Fold == ")") {
			m.votes[kindPerson] += 2
		}
	}
}

// setTitle records the title toks[ts..te] of m.
func (sc *nerScanner) setTitle(m *nerMention, toks []Token, ts, te int) {
	for te >= ts && toks[te].Kind == Punct && toks[te].Fold != "." {
		te--
	}
	if te < ts {
		return
	}
	var vb strings.Builder
	courtesy := true
	for x := ts; x <= te; x++ {
		t := toks[x]
		if t.Kind != Word {
			continue
		}
		f := t.Fold
		if !honorifics[f] {
			courtesy = false
		}
		if g := genderWords[f]; g != 0 {
			m.gender = g
		}
		if strings.Contains(f, ".") {
			f = strings.ReplaceAll(f, ".", "") // "F.B.I. director", "FBI director"
		}
		if e := titleAbbrev[f]; e != "" {
			f = e
		}
		if vb.Len() > 0 {
			vb.WriteByte(' ')
		}
		vb.WriteString(f)
	}
	m.votes[kindPerson] += 3
	if courtesy {
		return // "Mr.": a person, but no title
	}
	m.title = Span{toks[ts].Span.Start, toks[te].Span.End}
	m.titleValue = vb.String()
}

// titleBefore looks for a title written before the name at toks[ns]
// outside its run: "Kremlin spokesman Dmitry Volkov", "former president
// Bashar al-Assad", "Syrian interim President, Ahmed al-Hakim".
func (sc *nerScanner) titleBefore(m *nerMention, ns int) {
	toks := sc.toks
	end := ns - 1
	lowerComma := false
	if end >= 1 && toks[end].Fold == "," && titleHead(toks[end-1]) {
		// "interim President, Ahmed al-Hakim"; in lower case only as an
		// apposition checked below: "his former adviser, Ann Roe, said".
		lowerComma = !capitalText(toks[end-1].Text)
		end--
	}
	if end < 0 || toks[end].Fold == "." && !(end > 0 && titleHead(toks[end-1])) {
		return
	}
	if toks[end].Fold != "." && !titleHead(toks[end]) {
		return
	}
	ts := end
	for ts > 0 {
		p := toks[ts-1]
		// One lower-case title has one head: "the president fire special
		// counsel" stops at "president".
		if p.Kind == Word && !capitalText(p.Text) && titleHeads[p.Fold] && !titleModifiers[p.Fold] {
			break
		}
		if p.Kind == Word && isTitleWord(p) && !p.demonym() || p.Fold == "." && ts-2 >= 0 && abbreviationDot(toks[ts-2]) {
			ts--
			continue
		}
		break
	}
	if lowerComma {
		// "After meeting the president, Ann Roe said" is no title of
		// hers: the lower-case title needs a determiner before it and
		// the name must close the apposition.
		after := ""
		if m.last+1 < len(toks) {
			after = toks[m.last+1].Fold
		}
		if ts == 0 || !possessiveDeterminers[toks[ts-1].Fold] && toks[ts-1].Fold != "'s" && toks[ts-1].Fold != "the" {
			return
		}
		switch after {
		case ",", ".", ";", ")", "":
		default:
			return
		}
	}
	// An organisation before the title: "Kremlin spokesman", "CBP
	// Commissioner".
	q := ts
	for q > 0 && ts-q < 3 {
		p := toks[q-1]
		if !nameTok(&p) || stopWord(&p) || p.demonym() || weekdayMonth[p.Fold] {
			break
		}
		q--
	}
	if q < ts {
		if q == 0 || !isInitial(toks, q) || sc.capMid.has(&toks[q]) || acronym(toks[q]) {
			sc.voteAt(ts-1, kindOrg, 2)
			ts = q
		}
	}
	// A courtesy honorific takes no words before it: "to fire Mr. Roe".
	h := end
	if toks[h].Fold == "." && h > 0 {
		h--
	}
	if honorifics[toks[h].Fold] {
		ts = h
	}
	sc.setTitle(m, toks, ts, end)
}

// apposition looks for a title after the name that ends at toks[k]:
// "Pete Flores, director of field operations for CBP", "Nicole Ramos, an
// attorney with …".
func (sc *nerScanner) apposition(m *nerMention, k int) {
	toks := sc.toks
	n := len(toks)
	if k+2 >= n || toks[k+1].Fold != "," {
		return
	}
	a := k + 2
	switch toks[a].Fold {
	case "a", "an", "the":
		a++
	}
	a = skipPossessive(toks, a)
	// Up to five lower-case words (or capitalised title words, or an
	// organisation's acronym) ending in a title head: "a volunteer
	// immigration lawyer", "the F.B.I. director".
	e := -1
	for x := a; x < n && x < a+6; x++ {
		t := toks[x]
		if t.Fold == "." && x > a && abbrevBefore(toks, x-1) {
			continue
		}
		if t.Kind != Word || capitalText(t.Text) && !isTitleWord(t) && !acronym(t) || stopWord(&t) && !titleModifiers[t.Fold] || honorifics[t.Fold] {
			break
		}
		if titleHead(t) {
			e = x
			continue
		}
		if e >= 0 {
			break
		}
	}
	if e < 0 {
		return
	}
	next := ""
	if e+1 < n {
		next = toks[e+1].Fold
	}
	switch next {
	case "", ",", ".", "of", "for", "at", "with", "in", "on", ";", ")", "who", "and", "-", "to", "from":
	default:
		// "a volunteer lawyer helping the convoy": a
		// participle may follow the title head.
		if !strings.HasSuffix(next, "ing") || len(next) < 6 {
			return
		}
	}
	if next == "of" {
		// "director of field operations": lower-case words after "of".
		x := e + 2
		for x < n && x <= e+5 && toks[x].Kind == Word && !capitalText(toks[x].Text) && !stopWord(&toks[x]) {
			x++
		}
		if x > e+2 {
			e = x - 1
		}
	}
	sc.setTitle(m, toks, a, e)
}

// possessiveDeterminers stand before a title in place of "the": "his
// former adviser", "their lawyer".
var possessiveDeterminers = words("his her their its our my your")

// skipPossessive returns the index after a possessive that opens a title
// at toks[a] ("his former adviser", "Hale's lawyer", "the
// administration's short-lived adviser"), or a when there is none.
func skipPossessive(toks []Token, a int) int {
	if a < len(toks) && possessiveDeterminers[toks[a].Fold] {
		return a + 1
	}
	for y := a; y < len(toks) && y < a+3; y++ {
		if toks[y].Fold == "'s" || toks[y].Fold == "'" && y > a && strings.HasSuffix(toks[y-1].Fold, "s") {
			if y > a {
				return y + 1
			}
			break
		}
		if toks[y].Kind != Word {
			break
		}
	}
	return a
}

// group gathers the mentions into entities and decides their kinds and
// keys.
func (nd *nerDoc) group(d *doc) {
	byKey := nd.buf.byKey // empty: recycled
	for i := range nd.ms {
		m := &nd.ms[i]
		if m.acronymOf >= 0 {
			e := nd.ms[m.acronymOf].ent
			if prev, ok := byKey[m.fullKey]; ok && prev != e {
				m.ent = prev
			} else {
				byKey[m.fullKey] = e
				m.ent = e
			}
			continue
		}
		if e, ok := byKey[m.fullKey]; ok {
			m.ent = e
			ent := &nd.ents[e]
			if m.words > nd.ms[ent.canon].words {
				ent.canon = i
			}
			continue
		}
		byKey[m.fullKey] = len(nd.ents)
		m.ent = len(nd.ents)
		nd.ents = append(nd.ents, nerEntity{first: i, canon: i, title: -1})
	}
	for i := range nd.ms {
		m := &nd.ms[i]
		e := &nd.ents[m.ent]
		for k := range m.votes {
			e.votes[k] += m.votes[k]
		}
		if m.strong != kindOther && e.strong == kindOther {
			e.strong = m.strong
		}
	}
	for a := range nd.ents {
		e := &nd.ents[a]
		if c := &nd.ms[e.canon]; e.strong == kindOther && personShape(d, c, &nd.lower) {
			e.votes[kindPerson]++
		}
	}
	// A shorter name that ends a longer personal name is that person:
	// "Volkov" after (or before) "Dmitry Volkov".
	// It is not when the two are told apart by title or gender ("President
	// Roe" and "first lady Ann Roe", "Mr. Roe" and "Ann Roe, the first
	// lady"), nor when two fuller names could claim it ("Roe" beside
	// "Ann Roe" and "Bob Roe").
	heads, genders := nd.personMarks()
	firstTitled := make([]int, len(nd.ents))
	for i := range firstTitled {
		firstTitled[i] = -1
	}
	for i := range nd.ms {
		if e := nd.ms[i].ent; nd.ms[i].titleValue != "" && firstTitled[e] < 0 {
			firstTitled[e] = i
		}
	}
	into := make([]int, len(nd.ents))
	for a := range nd.ents {
		into[a] = -1
		ca := &nd.ms[nd.ents[a].canon]
		best := -1
		bestCore := ""
		ambiguous := false
		for b := range nd.ents {
			eb := &nd.ents[b]
			cb := &nd.ms[eb.canon]
			if b == a || cb.words <= ca.words || cb.lastKey != ca.lastKey || !personLike(eb) {
				continue
			}
			if genders[a] != 0 && genders[b] != 0 && genders[a] != genders[b] {
				continue
			}
			// A name written before "Ann Roe Jr." is introduced is her
			// mother's ("Ann Roe … Ann Roe Jr."); one written after it is
			// hers ("Ann B. Roe Jr. … Roe").
			if cb.junior && !ca.junior && nd.ents[a].first < eb.first {
				continue
			}
			// Another title on the shorter name before the fuller one
			// is introduced is another person's: "President Roe and Ann
			// Roe, the first lady". Later, one person may get a second
			// title ("Ann Roe, the former adviser" … "Ms. Roe, a retired
			// general").
			if titlesClash(heads[a], heads[b]) && firstTitled[a] >= 0 && firstTitled[a] < eb.first {
				continue
			}
			// Evidence that the longer name is a person's, and more of it
			// than the shorter name has for a place or organisation.
			ea := &nd.ents[a]
			ev := eb.votes[kindPerson] + ea.votes[kindPerson]
			if cb.particle {
				ev += 2
			}
			if ev < 1 || ea.votes[kindPlace]+ea.votes[kindOrg] > ev {
				continue
			}
			if ca.words > 1 && !strings.HasSuffix(cb.fullKey, ca.fullKey) && !strings.HasSuffix(cb.coreKey, ca.coreKey) &&
				!(ca.words == 2 && shortGivenName(nd.givenName(d, ca), nd.givenName(d, cb))) {
				continue
			}
			if best >= 0 && bestCore != cb.coreKey {
				ambiguous = true
			}
			if best < 0 || eb.votes[kindPerson] > nd.ents[best].votes[kindPerson] {
				best, bestCore = b, cb.coreKey
			}
		}
		if ambiguous && ca.words == 1 {
			best = -1
			nd.ents[a].ambiguous = true
		}
		into[a] = best
	}
	for a, b := range into {
		if b < 0 || into[b] >= 0 {
			continue
		}
		ea, eb := &nd.ents[a], &nd.ents[b]
		for k := range ea.votes {
			eb.votes[k] += ea.votes[k]
		}
		eb.merged = true
		if ea.first < eb.first {
			eb.first = ea.first
		}
		ea.first = -1
	}
	// Kinds, keys, titles.
	mentions := make([]int, len(nd.ents))
	for i := range nd.ms {
		mentions[nd.ms[i].ent]++
	}
	for a, b := range into {
		if b >= 0 && into[b] < 0 {
			mentions[b] += mentions[a]
		}
	}
	used := make(map[string]bool, len(nd.ents))
	remap := make([]int, len(nd.ents))
	kept := nd.buf.kept[:0]
	var keptMentions []int
	for a := range nd.ents {
		if nd.ents[a].first < 0 {
			continue
		}
		e := nd.ents[a]
		c := &nd.ms[e.canon]
		e.kind = e.strong
		if e.kind == kindOther {
			if c.words >= 2 && (c.particle || e.merged) && !hasDemonym(d, c) {
				e.votes[kindPerson] += 2
			}
			// On a tie an organisation or place wins: a shape alone is
			// weak evidence of a person.
			best := kindOther
			for _, k := range []nerKind{kindOrg, kindPlace, kindPerson} {
				if e.votes[k] > 0 && (best == kindOther || e.votes[k] > e.votes[best]) {
					best = k
				}
			}
			e.kind = best
		}
		remap[a] = len(kept)
		kept = append(kept, e)
		keptMentions = append(keptMentions, mentions[a])
	}
	// Persons are keyed on the surname, so that "Roe" and "Ann Roe" align
	// across outlets; of two persons sharing it in an article, the one
	// named most often keeps it ("President Roe" over "first lady Ann
	// Roe"), the other is keyed on the full name.
	owner := map[string]int{}
	for i := range kept {
		if kept[i].kind != kindPerson || kept[i].ambiguous {
			continue
		}
		lk := nd.ms[kept[i].canon].lastKey
		if o, ok := owner[lk]; !ok || keptMentions[i] > keptMentions[o] {
			owner[lk] = i
		}
	}
	for i := range kept {
		e := &kept[i]
		c := &nd.ms[e.canon]
		key := c.fullKey
		if e.kind == kindPerson {
			key = c.coreKey
			if owner[c.lastKey] == i && !used[c.lastKey] {
				key = c.lastKey
			}
		}
		for n := 2; used[key]; n++ {
			key = c.fullKey + ":" + string(rune('0'+n%10))
		}
		used[key] = true
		e.key = key
	}
	for a, b := range into {
		if nd.ents[a].first < 0 && b >= 0 {
			remap[a] = remap[b]
		}
	}
	for i := range nd.ms {
		m := &nd.ms[i]
		m.ent = remap[m.ent]
		e := &kept[m.ent]
		if e.title < 0 && m.title.Len() > 0 {
			e.title = i
		}
	}
	nd.buf.ents = nd.ents // the buffer as grown, for the next doc
	nd.ents = kept
}

// givenName is the first word of a mention's name.
func (nd *nerDoc) givenName(d *doc, m *nerMention) string {
	return d.sents[m.sent].toks[m.first].Text
}

// personMarks returns, for each entity, the heads of the titles its
// mentions carry and the gender a title or honorific gives it (0 when
// none or both).
func (nd *nerDoc) personMarks() ([]map[string]bool, []byte) {
	heads := make([]map[string]bool, len(nd.ents))
	genders := make([]byte, len(nd.ents))
	mixed := make([]bool, len(nd.ents))
	for i := range nd.ms {
		m := &nd.ms[i]
		if m.gender != 0 {
			if genders[m.ent] != 0 && genders[m.ent] != m.gender {
				mixed[m.ent] = true
			}
			genders[m.ent] = m.gender
		}
		if m.titleValue == "" {
			continue
		}
		if heads[m.ent] == nil {
			heads[m.ent] = map[string]bool{}
		}
		f := strings.Fields(m.titleValue)
		if h := f[len(f)-1]; !honorifics[h] {
			heads[m.ent][h] = true
		}
	}
	for e, x := range mixed {
		if x {
			genders[e] = 0
		}
	}
	return heads, genders
}

// titlesClash reports whether two entities both carry titles and share no
// title head: "president" against "lady" are two people.
func titlesClash(a, b map[string]bool) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for h := range a {
		if b[h] {
			return false
		}
	}
	return true
}

// personLike reports whether an entity may be a person: no organisation
// or place word in its name, and no more place or organisation votes than
// person votes.
func personLike(e *nerEntity) bool {
	return e.strong == kindOther && e.votes[kindPerson] >= e.votes[kindPlace] && e.votes[kindPerson] >= e.votes[kindOrg]
}

// hasDemonym reports whether a mention's name has a demonym among its
// words ("Middle Eastern", "Syrian Democratic").
func hasDemonym(d *doc, m *nerMention) bool {
	toks := d.sents[m.sent].toks
	for x := m.first; x <= m.last; x++ {
		if toks[x].demonym() {
			return true
		}
	}
	return false
}

// nounAfter reports whether t is a lower-case word that reads as a noun
// the name modifies ("the Hale administration") rather than its verb
// ("the Kremlin said", "the Kremlin moves").
func nounAfter(t Token) bool {
	if t.Kind != Word || capitalText(t.Text) {
		return false
	}
	f := t.Fold
	if speechVerbs[f] || sieveHas(beFormsSieve, beForms, f) || haveForms[f] || modals[f] || didForms[f] || pastBase[f] != "" || reportVerbs[f] {
		return false
	}
	if strings.HasSuffix(f, "ed") || strings.HasSuffix(f, "s") && !strings.HasSuffix(f, "ss") {
		return false
	}
	return !nerStop[f]
}

// personShape reports whether a name has the shape of a given name and a
// surname: two or three capitalised words, none of them a word of the
// title, demonym, place or organisation tables, none written in lower
// case elsewhere in the article ("Cold War"), none with the ending of a
// common noun or adjective ("Deferred Action", "Biological Diversity"),
// not after "the".
func personShape(d *doc, m *nerMention, lower *foldSet) bool {
	if m.words < 2 || m.words > 3 || m.theBefore {
		return false
	}
	toks := d.sents[m.sent].toks
	for x := m.first; x <= m.last; x++ {
		t := toks[x]
		if t.Kind != Word {
			if t.Fold != "." {
				return false
			}
			continue
		}
		f := t.Fold
		if nerConnectors[f] && !capitalText(t.Text) || particleName(t.Text) || nameSuffixWords[f] {
			continue
		}
		if acronym(t) && utf8.RuneCountInString(t.Text) > 1 || !capitalText(t.Text) {
			return false
		}
		// A given name that is also a word ("Mark", "Rose") may be
		// written in lower case elsewhere in the article.
		lowerElsewhere := lower.has(&t) && !(x == m.first && wordGivenNames[f])
		if isTitleWord(t) || t.demonym() || orgSuffixes[f] || placeSuffixes[f] || placeHeads[f] ||
			sieveHas(placeAdjectivesSieve, placeAdjectives, f) || namePrefixWords[f] || nerStop[f] || lowerElsewhere || commonEnding(f) {
			return false
		}
	}
	return true
}

// namePrefixWords start the names of places and things, not persons.
var namePrefixWords = words(
	"new san santa santo los las el la le saint st fort mount lake cape upper lower great",
	"greater little old united national royal federal middle far near cold world holy",
	"grand big high long south north east west al abu",
)

// commonEnding reports whether a word ends like a common noun or adjective
// ("Securing", "Deferred", "Diversity", "Biological").
func commonEnding(f string) bool {
	for _, e := range []string{"ical", "ity", "tion", "sion", "ment", "ness", "ship", "ism", "ous", "ics"} {
		if strings.HasSuffix(f, e) && len(f) > len(e)+2 {
			return true
		}
	}
	return len(f) > 7 && (strings.HasSuffix(f, "ing") || strings.HasSuffix(f, "ed"))
}

// nameKeyMemo is NameKey memoised for one article: the entity finder
// and the quote finder ask it of the same names again and again.
type nameKeyMemo map[string]string

// key is NameKey(name), memoised.
func (m nameKeyMemo) key(name string) string {
	k, ok := m[name]
	if !ok {
		k = NameKey(name)
		m[name] = k
	}
	return k
}
