package facts

import "strings"

// Word classes: which of the hottest word tables a token's fold is a key
// of, looked up once per token when an article is analysed. Most tokens
// are in none of the tables the finders ask about again and again (a
// profile of the batch had a fifth of extraction in string-keyed map
// look-ups), so a finder first asks the token's bits and looks the table
// up only when its bit is set: a miss costs a bit test instead of a hash,
// and a hit reads the table as before, so answers cannot change.

// lexClass is a set of word-table bits.
type lexClass uint32

const (
	// lcKnown marks a token whose classes were computed; tokens built
	// elsewhere (Tokenize's callers outside analyse, hand-made tokens)
	// have no bits and every table is asked.
	lcKnown lexClass = 1 << iota
	lcHedge
	lcPassiveHedge
	lcReportVerb
	lcDateStart
	lcQtyClass
	lcOrdinal
	lcCardinal
	lcVerbClass
	lcHeadingConnector
	lcQuoteSpeechVerb
	lcTitleHead
	lcHonorific
	lcTitleAbbrev
	lcTitleModifier
	lcEventNoun
	lcTitleWord
	lcQuoteRole
	lcPastBase
	lcModalOrDo
	lcNerStop
	lcWeekdayMonth
	lcPlacePrep
	lcSpeechVerb
	lcEventPrep
	lcEventClauseBreak
	lcNameParticle
	lcOrgSuffix
	lcNerConnector
	lcNameSuffix
	lcPlaceNoun
	lcPlaceSuffix

	// lcLast is the last class; one more would not compile (lexClass has
	// 32 bits).
	lcLast = lcPlaceSuffix
)

// lexEntry is what classify learns of a folded word in one look-up: the
// tables it is a key of, and its verbClass value, which verbAt asks of
// most words (a hit in verbClass is common: "the", "was", "said").
type lexEntry struct {
	cls  lexClass
	verb uint8
	// demonym: the word or, without a final "s", its singular is a key
	// of demonyms (nerDemonym's first two tests, which the finders ask
	// of most words: a word has no class bit left for it, so Token.qv
	// keeps it).
	demonym bool
}

// lexClasses maps a folded word to the tables it is a key of (whatever
// its value there). The tables are built at init and never written after.
var lexClasses = func() map[string]lexEntry {
	m := map[string]lexEntry{}
	add := func(c lexClass, keys []string) {
		for _, k := range keys {
			e := m[k]
			e.cls |= c
			m[k] = e
		}
	}
	for w, v := range verbClass {
		e := m[w]
		e.verb = v
		m[w] = e
	}
	add(lcHedge, keysOf(hedges))
	add(lcPassiveHedge, keysOf(passiveHedges))
	add(lcReportVerb, keysOf(reportVerbs))
	add(lcDateStart, keysOf(dateStarts))
	add(lcQtyClass, keysOf(qtyClasses))
	add(lcOrdinal, keysOf(ordinals))
	add(lcCardinal, keysOf(cardinals))
	add(lcVerbClass, keysOf(verbClass))
	add(lcHeadingConnector, keysOf(headingConnectors))
	add(lcQuoteSpeechVerb, keysOf(quoteSpeechVerbs))
	add(lcTitleHead, keysOf(titleHeads))
	add(lcHonorific, keysOf(honorifics))
	add(lcTitleAbbrev, keysOf(titleAbbrev))
	add(lcTitleModifier, keysOf(titleModifiers))
	add(lcEventNoun, keysOf(eventNouns))
	add(lcTitleWord, keysOf(titleWords))
	add(lcQuoteRole, keysOf(quoteRoles))
	add(lcPastBase, keysOf(pastBase))
	add(lcModalOrDo, keysOf(modalsAndDo))
	add(lcNerStop, keysOf(nerStop))
	add(lcWeekdayMonth, keysOf(weekdayMonth))
	add(lcPlacePrep, keysOf(placePreps))
	add(lcSpeechVerb, keysOf(speechVerbs))
	add(lcEventPrep, keysOf(eventPreps))
	add(lcEventClauseBreak, keysOf(eventClauseBreaks))
	add(lcNameParticle, keysOf(nameParticles))
	add(lcOrgSuffix, keysOf(orgSuffixes))
	add(lcNerConnector, keysOf(nerConnectors))
	add(lcNameSuffix, keysOf(nameSuffixWords))
	add(lcPlaceNoun, keysOf(placeNouns))
	add(lcPlaceSuffix, keysOf(placeSuffixes))
	for w := range demonyms {
		for _, k := range []string{w, w + "s"} {
			e := m[k]
			e.demonym = true
			m[k] = e
		}
	}
	return m
}()

func keysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// Token.qv holds the quantity classes in its low bits and the verb
// class above them.
const (
	qvQtyMask   = 1<<5 - 1
	qvVerbShift = 5
	qvVerbMask  = 3 // verbClass values are 0 to 2
	// qvDemonym is lexEntry.demonym.
	qvDemonym = 1 << 7
)

// classifyOne sets the word classes of t (vocab.classify does it once
// per distinct fold of an article).
func classifyOne(t *Token) {
	e := lexClasses[t.Fold]
	t.cls, t.qv = e.cls, e.verb<<qvVerbShift // lcKnown not yet set: qtyClassOf computes
	if e.demonym {
		t.qv |= qvDemonym
	}
	t.qv |= qtyClassOf(t)
	t.cls |= lcKnown
}

// verbOf is verbClass[t.Fold] as classify kept it.
func (t *Token) verbOf() uint8 { return t.qv >> qvVerbShift & qvVerbMask }

// demonym is nerDemonym(t.Fold), with the look-ups classify made.
func (t *Token) demonym() bool {
	if t.cls&lcKnown == 0 {
		return nerDemonym(t.Fold)
	}
	if t.qv&qvDemonym != 0 {
		return true
	}
	// Only a compound can be one without the flag ("Russian-Syrian").
	return strings.IndexByte(t.Fold, '-') > 0 && nerDemonym(t.Fold)
}

// may reports whether t's fold can be a key of the tables of class c:
// false only when its classes were computed and c is not among them.
func (t *Token) may(c lexClass) bool {
	return t.cls&lcKnown == 0 || t.cls&c != 0
}

// in reports whether t's fold is a key of m, the table of class c, whose
// values are all true (TestClassTablesAreSets): once t's classes are
// computed the bit answers, where may let a hit look the table up again.
func (t *Token) in(c lexClass, m map[string]bool) bool {
	if t.cls&lcKnown != 0 {
		return t.cls&c != 0
	}
	return m[t.Fold]
}

// foldBloom is a filter of folded words for the tables built per topic
// (cue words, alias first words), which have no class bits: one hash of
// a few bytes rejects most words without a map look-up. A word added is
// always let through, so the table answers whenever it could be asked.
type foldBloom [16]uint64

// bloomBit returns the filter bit of s, from its length and its first,
// second and last bytes.
func bloomBit(s string) uint {
	h := uint(len(s)) * 0x9E3779B1
	if len(s) > 0 {
		h ^= uint(s[0])*0x85EBCA77 ^ uint(s[len(s)-1])*0xC2B2AE3D
	}
	if len(s) > 1 {
		h ^= uint(s[1]) * 0x27D4EB2F
	}
	h ^= h >> 15
	return h & 1023
}

func (b *foldBloom) add(s string) {
	k := bloomBit(s)
	b[k>>6] |= 1 << (k & 63)
}

// may reports whether s can have been added.
func (b *foldBloom) may(s string) bool {
	k := bloomBit(s)
	return b[k>>6]&(1<<(k&63)) != 0
}

// prefix3Set is a set of the first three bytes of words, for the tables
// of lower-case words asked of many words that are none of their keys:
// a bit per three letters, so a word whose start no key shares is told
// without a hash. A key that is not three lower-case letters or more
// opens the set to every word.
type prefix3Set struct {
	bits [26 * 26]uint32
	all  bool
}

func (p *prefix3Set) add(w string) {
	if len(w) < 3 || w[0]-'a' >= 26 || w[1]-'a' >= 26 || w[2]-'a' >= 26 {
		p.all = true
		return
	}
	p.bits[int(w[0]-'a')*26+int(w[1]-'a')] |= 1 << (w[2] - 'a')
}

// may reports whether w starts as some word added does (or, for a set
// opened to every word, true).
func (p *prefix3Set) may(w string) bool {
	if p.all {
		return true
	}
	if len(w) < 3 {
		return false
	}
	a, b, c := w[0]-'a', w[1]-'a', w[2]-'a'
	if a >= 26 || b >= 26 || c >= 26 {
		return false
	}
	return p.bits[int(a)*26+int(b)]&(1<<c) != 0
}

// Sieves of the word tables the finders ask most often about words that
// are none of their keys (a determiner, a known verb, a date part…):
// a miss in the filter costs a few instructions where a map look-up
// hashed the word. Each filter holds every key of its table (the tables
// are built once, at package initialisation, and never written after;
// TestSievesHoldTheirKeys), so the answers are the tables' own.
var (
	determinersSieve            = sieveOf(determiners)
	attributiveDeterminersSieve = sieveOf(attributiveDeterminers)
	placeAdjectivesSieve        = sieveOf(placeAdjectives)
	placeNounAdjectivesSieve    = sieveOf(placeNounAdjectives)
	knownVerbsSieve             = sieveOf(knownVerbs)
	stopVerbsSieve              = sieveOf(stopVerbs)
	quoteLeadWordsSieve         = sieveOf(quoteLeadWords)
	dateNumberWordsSieve        = sieveOf(dateNumberWords)
	dateTenseSieve              = sieveOf(dateTense)
	datePartWordsSieve          = sieveOf(datePartWords)
	datePartOfSieve             = sieveOf(datePartOf)
	dateSeasonNamesSieve        = sieveOf(dateSeasonNames)
	canonicalLemmaSieve         = sieveOf(canonicalLemma)
	qtyQualifiersSieve          = sieveOf(qtyQualifiers)
	qtyVagueSieve               = sieveOf(qtyVague)
	beFormsSieve                = sieveOf(beForms)
	ongoingAuxSieve             = sieveOf(ongoingAux)
	quoteCharacterVerbsSieve    = sieveOf(quoteCharacterVerbs)
	subjectBreaksSieve          = sieveOf(subjectBreaks)
	quoteAuxiliariesSieve       = sieveOf(quoteAuxiliaries)
	qtyFractionsSieve           = sieveOf(qtyFractions)
	lemmaExceptionsSieve        = sieveOf(lemmaExceptions)
	durUnitsSieve               = sieveOf(durUnits)
	qtyCurrencyCodesSieve       = sieveOf(qtyCurrencyCodes)
	// eventPhrasesSieve holds the first words of eventPhrases' keys
	// ("stepped" of "stepped down"): eventPhraseAt builds a key only for
	// a lemma that can start one.
	eventPhrasesSieve = func() *foldBloom {
		b := new(foldBloom)
		for k := range eventPhrases {
			first, _, _ := strings.Cut(k, " ")
			b.add(first)
		}
		return b
	}()
)

// eventPhraseAt is eventPhrases[lem+" "+next]: the key is made (an
// allocation, for every verb of a sentence with a name) only when lem
// can start one. A lemma is one word, but the fold of a letter may hold
// a space (U+FDFA decomposes to four words): such a lemma is looked up.
func eventPhraseAt(lem, next string) (string, bool) {
	if !eventPhrasesSieve.may(lem) && strings.IndexByte(lem, ' ') < 0 {
		return "", false
	}
	p, ok := eventPhrases[lem+" "+next]
	return p, ok
}

// sieveOf returns a filter holding every key of m.
func sieveOf[V any](m map[string]V) *foldBloom {
	b := new(foldBloom)
	for k := range m {
		b.add(k)
	}
	return b
}

// sieveHas is m[k] for a table of booleans whose keys b holds.
func sieveHas(b *foldBloom, m map[string]bool, k string) bool {
	return b.may(k) && m[k]
}

// sieveGet is v, ok := m[k] for a table whose keys b holds.
func sieveGet[V any](b *foldBloom, m map[string]V, k string) (V, bool) {
	if !b.may(k) {
		var zero V
		return zero, false
	}
	v, ok := m[k]
	return v, ok
}

// sieveVal is m[k] for a table whose keys b holds.
func sieveVal[V any](b *foldBloom, m map[string]V, k string) V {
	v, _ := sieveGet(b, m, k)
	return v
}
