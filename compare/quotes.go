package compare

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// Quotes are aligned across articles by what they say, not by slot id:
// outlets translate, trim and re-punctuate a remark, and one of them may
// credit it to someone else. A "remark" is a cluster of quotes from
// different articles that render the same words.
//
// Two quotes of different articles match when
//
//   - their content words (folded, stop words dropped, lightly stemmed
//     so "rebuild" meets "rebuilding") overlap: at least 4 shared and
//     containment |A∩B| / min(|A|,|B|) ≥ 0.5. Containment rather than
//     Jaccard because one outlet often quotes a fragment of what another
//     quotes in full;
//   - or the shorter quote (five words or more, three content words or
//     more) is nearly a subsequence of the longer: the longest common
//     subsequence of their words covers ≥ 80% of it and ≥ 60% of its
//     content words are shared. This catches short verbatim fragments
//     ("we'll rebuild every bridge before the winter") with too few
//     content words for the first test, and a one-word substitution
//     ("lawyers" for "attorneys") in a short quote;
//   - or they have the same named speaker, containment ≥ 0.4 and at least
//     3 shared content words;
//   - or the shorter (four words or more, two content words or more)
//     stands in the longer word for word, in a row: a remark cut short
//     ("It's insane. It's ridiculous"), or a phrase of it quoted inside a
//     paraphrase ('warned that it "will not be easy to rebuild"').
//
// Matching pairs are merged best first (by score times the content words
// they share; average-link style): two clusters
// join only when at least half of the pairs across them match, so a short
// fragment cannot chain two different remarks together, and only when
// every two quotes of one article that would end up together overlap
// strongly (the article repeating itself). Each article then shows its
// best-matching quote in the remark.
//
// A remark credited to two different persons is a contradiction (see
// speakerDifference); any other difference of speaker is a nuance.
//
// fs holds the quote facts and may hold the articles' entity facts too,
// which say whether a speaker is a person: only two different persons
// credited with one remark make a contradiction.
func (c comparer) quoteSlots(fs []facts.Fact) []SlotResult {
	nq := 0
	for i := range fs {
		if fs[i].Kind == facts.KindQuote {
			nq++
		}
	}
	var qs []facts.Fact
	if nq > 0 {
		qs = make([]facts.Fact, 0, nq)
	}
	for i := range fs {
		if fs[i].Kind == facts.KindQuote {
			qs = append(qs, fs[i])
		}
	}
	if len(qs) == 0 {
		return nil
	}
	sortFacts(qs)
	kinds := newSpeakerKinds(fs)
	if c.speakers == nil {
		c.speakers = newSpeakerTable()
	}
	items := make([]quoteItem, len(qs))
	vocab := newQuoteVocab()
	art := int32(-1)
	for i := range qs {
		f := &qs[i]
		items[i] = newQuoteItem(f, vocab)
		if i == 0 || f.Article != qs[i-1].Article {
			art++
		}
		items[i].art = art
		items[i].person = kinds.person(f.Article, f.Source)
		items[i].sid = c.speakers.id(f.Source)
	}
	n := len(items)
	m := newQuoteMatcher(items, len(vocab.classes))
	score := newQuoteScores(n)
	defer score.release()
	links, _ := quoteLinkBufs.get()
	links = links[:0]
	defer func() { quoteLinkBufs.put(links[:0], 16*cap(links)) }()
	try := func(i, j int) {
		s, shared, ok := m.match(i, j)
		if !ok {
			return
		}
		// A match of more shared words is stronger evidence: an
		// article's full rendering joins before its excerpt.
		w := s * float64(shared)
		score.set(i, j, s, w)
		if items[i].art != items[j].art {
			links = append(links, newQuoteLink(i, j, w))
		}
	}
	// Two quotes with content words but none in common never match (see
	// quoteMatchShared), so each quote is tried only against the later quotes
	// that share a content word with it, found through an index from
	// word to quotes; a quote without content words is tried against
	// every later quote, and every earlier quote against it.
	posting := make([][]int32, len(vocab.words))
	var bare []int32 // quotes without content words, in order
	for i := range items {
		if len(items[i].words) == 0 {
			bare = append(bare, int32(i))
		}
		for _, w := range items[i].words {
			posting[w] = append(posting[w], int32(i))
		}
	}
	mark := make([]int32, n) // i+1 when j is already a candidate of i
	var cands []int32
	for i := 0; i < n; i++ {
		if len(items[i].words) == 0 {
			for j := i + 1; j < n; j++ {
				try(i, j)
			}
			continue
		}
		cands = cands[:0]
		for _, w := range items[i].words {
			p := posting[w]
			for k := sort.Search(len(p), func(k int) bool { return p[k] > int32(i) }); k < len(p); k++ {
				if j := p[k]; mark[j] != int32(i+1) {
					mark[j] = int32(i + 1)
					cands = append(cands, j)
				}
			}
		}
		for _, j := range bare {
			if j > int32(i) {
				cands = append(cands, j)
			}
		}
		for _, j := range cands {
			try(i, int(j))
		}
	}
	// No two links have the same i and j: the order is total, and a
	// stable sort would give the same.
	sortQuoteLinks(links, n)
	cluster := make([]int, n) // item → cluster id (its first member)
	members := make(map[int][]int, n)
	for i := range items {
		cluster[i] = i
		members[i] = []int{i}
	}
	for _, l := range links {
		a, b := cluster[l.i()], cluster[l.j()]
		if a == b || !quoteCanMerge(m, score, members[a], members[b]) {
			continue
		}
		if b < a {
			a, b = b, a
		}
		for _, m := range members[b] {
			cluster[m] = a
		}
		members[a] = append(members[a], members[b]...)
		sort.Ints(members[a])
		delete(members, b)
	}
	var ids []int
	for id := range members {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	var out []SlotResult
	used := map[string]int{}
	for _, id := range ids {
		reps := quoteReps(items, score, members[id])
		if len(reps) < 2 {
			continue
		}
		out = append(out, c.remark(items, reps, used))
	}
	return out
}

// quoteLinkBufs keeps the link lists of earlier comparisons: a topic's
// quotes give tens of thousands of links, and the list grown anew for
// each was a twentieth of what Compare allocates.
var quoteLinkBufs = newKeep[[]quoteLink]()

// quoteLink is a match of quotes i and j (i < j) of different articles,
// of strength s, held as two words that sort the links strongest first,
// then by i, then by j: by, s's bits inverted (s is a ratio times a
// count: never negative, never NaN, and its only zero +0, so its bits
// order as it does), and ij, i above j. A story's quotes give
// thousands of links; sorting 24-byte structs by a three-way comparison
// of a float and two ints was a tenth of quoteSlots.
type quoteLink struct{ by, ij uint64 }

func newQuoteLink(i, j int, s float64) quoteLink {
	return quoteLink{^math.Float64bits(s), uint64(i)<<32 | uint64(uint32(j))}
}

func (l quoteLink) i() int { return int(l.ij >> 32) }
func (l quoteLink) j() int { return int(uint32(l.ij)) }

// sortQuoteLinks sorts the links of n quotes as cmpQuoteLinks orders
// them. When the quotes and the distinct strengths are few enough (as
// always but in theory), each link is packed into one word — its
// strength's rank among the links' strengths, i, j — and the words are
// sorted by an ordered sort, whose comparisons are inlined where
// cmpQuoteLinks was a call per comparison: that was most of the sort.
func sortQuoteLinks(links []quoteLink, n int) {
	const bits = 21 // for i and j each; the rank has the 22 bits above
	if n >= 1<<bits || len(links) < 32 {
		slices.SortFunc(links, cmpQuoteLinks)
		return
	}
	strengths := make([]uint64, len(links))
	for k, l := range links {
		strengths[k] = l.by
	}
	slices.Sort(strengths)
	strengths = slices.Compact(strengths)
	if len(strengths) >= 1<<(64-2*bits) {
		slices.SortFunc(links, cmpQuoteLinks)
		return
	}
	keys := make([]uint64, len(links))
	for k, l := range links {
		rank, _ := slices.BinarySearch(strengths, l.by)
		keys[k] = uint64(rank)<<(2*bits) | uint64(l.i())<<bits | uint64(l.j())
	}
	slices.Sort(keys)
	const mask = 1<<bits - 1
	for k, key := range keys {
		links[k] = quoteLink{by: strengths[key>>(2*bits)], ij: key>>bits&mask<<32 | key&mask}
	}
}

// cmpQuoteLinks orders links strongest first, then by i, then by j.
func cmpQuoteLinks(a, b quoteLink) int {
	if a.by != b.by {
		if a.by < b.by {
			return -1
		}
		return 1
	}
	if a.ij < b.ij {
		return -1
	}
	if a.ij > b.ij {
		return 1
	}
	return 0
}

// factPtrArticle is the article of a fact held by pointer, for groupBy.
func factPtrArticle(f **facts.Fact) string { return (*f).Article }

// quoteItem is a quote fact with the words clustering and diffing use.
type quoteItem struct {
	// f points into quoteSlots' copy of the quotes: items are copied
	// about, and a fact is 232 bytes.
	f *facts.Fact
	// art numbers the quote's article among the comparison's articles,
	// in their order: the pairs of quotes tried and clustered are told
	// apart by article hundreds of thousands of times a topic, where
	// comparing the names was a tenth of quoteReps.
	art   int32
	shown []string // words as written, with their punctuation
	keys  []string // the same words folded, without punctuation
	kids  []int32  // keys as ids of the comparison's vocabulary
	// class numbers the distinct renderings (keys and speaker) among the
	// quotes compared together: whether two quotes match depends on
	// nothing else, and a story's outlets repeat the same remark. wclass
	// numbers the distinct keys alone.
	class, wclass int32
	// words are the stemmed content words as ids of the comparison's
	// vocabulary, sorted and distinct: quotes are matched pairwise, and
	// counting the words two share by merging two sorted lists of
	// integers costs a fraction of iterating a map and probing another,
	// or of comparing strings.
	words []int32
	// wording is the quote's words folded, without punctuation: two
	// quotes with the same wording say the same thing the same way.
	wording string
	speaker string // the named speaker, or ""
	sid     int32  // the speaker's number in the comparison's speakerTable
	person  bool   // the speaker is a person, not a body or place
}

// speakerKinds holds, per article, the kind the entity finder gave each
// name ("person", "organisation", "place"), by the name's key and, for
// persons, by the surname's key.
type speakerKinds map[string]map[string]string

// newSpeakerKinds reads the entity facts among fs.
func newSpeakerKinds(fs []facts.Fact) speakerKinds {
	out := speakerKinds{}
	// A name's keys are made once however many facts give it.
	type nameKeys struct {
		name, surname string
		hasSurname    bool
	}
	keys := map[string]*nameKeys{}
	keyOf := func(v string) *nameKeys {
		k := keys[v]
		if k == nil {
			k = &nameKeys{name: facts.NameKey(v)}
			keys[v] = k
		}
		return k
	}
	var m map[string]string
	lastArticle := ""
	for i := range fs {
		f := &fs[i]
		if f.Kind != facts.KindEntity {
			continue
		}
		kind, _, ok := strings.Cut(f.Label, ": ")
		if !ok {
			continue
		}
		// fs comes sorted by article: its entities are mostly together.
		if m == nil || f.Article != lastArticle {
			m = out[f.Article]
			if m == nil {
				m = map[string]string{}
				out[f.Article] = m
			}
			lastArticle = f.Article
		}
		nk := keyOf(f.Value)
		m[nk.name] = kind
		if kind == "person" {
			if !nk.hasSurname {
				nk.surname, nk.hasSurname = facts.NameKey(quoteSurname(f.Value)), true
			}
			if k := nk.surname; m[k] == "" {
				m[k] = kind
			}
		}
	}
	return out
}

// person says whether an article's speaker is a person: the entity
// finder says so, or, for an article with no entity facts, the name has
// two words or more. A name the entity finder does not know is not
// taken for a person: it cannot make a contradiction.
func (k speakerKinds) person(article, speaker string) bool {
	if speaker == "" {
		return false
	}
	m, ok := k[article]
	if !ok {
		return len(strings.Fields(speaker)) >= 2
	}
	if kind, ok := m[facts.NameKey(speaker)]; ok {
		return kind == "person"
	}
	return len(strings.Fields(speaker)) >= 2 && m[facts.NameKey(quoteSurname(speaker))] == "person"
}

// quoteVocab numbers the words, keys and renderings of the quotes
// compared together.
type quoteVocab struct {
	words, keys, wordings, classes map[string]int32
	// split holds the words of each quote text seen: outlets repeat the
	// same remark word for word.
	split map[string]*quoteWords
	buf   []byte
}

// quoteWords is what a quote's text alone gives (see quoteItem); it is
// shared, read only, by every quote of that text.
type quoteWords struct {
	shown, keys []string
	kids, words []int32
	wording     string
	wclass      int32
}

func newQuoteVocab() *quoteVocab {
	return &quoteVocab{words: map[string]int32{}, keys: map[string]int32{}, wordings: map[string]int32{},
		classes: map[string]int32{}, split: map[string]*quoteWords{}}
}

func intern(m map[string]int32, s string) int32 {
	id, ok := m[s]
	if !ok {
		id = int32(len(m))
		m[s] = id
	}
	return id
}

// newQuoteItem splits a quote into its words, numbered by vocab.
func newQuoteItem(f *facts.Fact, vocab *quoteVocab) quoteItem {
	qw := vocab.split[f.Value]
	if qw == nil {
		qw = vocab.splitQuote(f.Value)
		vocab.split[f.Value] = qw
	}
	it := quoteItem{f: f, speaker: f.Source, shown: qw.shown, keys: qw.keys, kids: qw.kids,
		words: qw.words, wording: qw.wording, wclass: qw.wclass}
	// The class key: the wording's class, then the speaker.
	b := binary.BigEndian.AppendUint32(vocab.buf[:0], uint32(qw.wclass))
	b = append(b, it.speaker...)
	vocab.buf = b
	it.class = intern(vocab.classes, string(b))
	return it
}

// splitQuote splits a quote's text into its words.
func (vocab *quoteVocab) splitQuote(text string) *quoteWords {
	it := &quoteWords{}
	for _, w := range strings.FieldsFunc(text, quoteWordBreak) {
		k := facts.Fold(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		if k == "" {
			continue // a dash or other mark on its own
		}
		it.shown = append(it.shown, w)
		it.keys = append(it.keys, k)
		it.kids = append(it.kids, intern(vocab.keys, k))
		if s := quoteStem(k); s != "" && !quoteStopWords[s] && !quoteStopWords[k] {
			it.words = append(it.words, intern(vocab.words, s))
		}
	}
	slices.Sort(it.words)
	it.words = slices.Compact(it.words)
	it.wording = strings.Join(it.keys, " ")
	// The wording's class: its key ids, four bytes each.
	b := vocab.buf[:0]
	for _, id := range it.kids {
		b = binary.BigEndian.AppendUint32(b, uint32(id))
	}
	vocab.buf = b
	it.wclass = intern(vocab.wordings, string(b))
	return it
}

// quoteScores holds the match score of every two quotes (0 for none),
// and its weight (the score times the content words the two share), in
// one block rather than a slice per quote: the weights are the links'
// strengths, which quoteReps adds up again per cluster, where counting
// the shared words anew was most of its time.
type quoteScores struct {
	n    int
	s, w []float64
}

// quoteScoreBlocks keeps the blocks of earlier comparisons: a topic of
// a few hundred quotes has a block of half a megabyte.
var quoteScoreBlocks = newKeep[[]float64]()

// newQuoteScores makes the scores of n quotes, all 0, in a block of
// quoteScoreBlocks when one is large enough (put it back with release).
func newQuoteScores(n int) quoteScores {
	if b, ok := quoteScoreBlocks.get(); ok {
		if cap(b) >= 2*n*n && cap(b) <= 8*n*n+64 {
			b = b[:2*n*n]
			clear(b)
			return quoteScores{n: n, s: b[:n*n], w: b[n*n:]}
		}
		quoteScoreBlocks.put(b, 8*cap(b))
	}
	b := make([]float64, 2*n*n)
	return quoteScores{n: n, s: b[:n*n], w: b[n*n:]}
}

// release hands the block back for another comparison.
func (q quoteScores) release() {
	b := q.s[:cap(q.s)]
	quoteScoreBlocks.put(b, 8*cap(b))
}

func (q quoteScores) at(i, j int) float64 { return q.s[i*q.n+j] }

// weight is the score of i and j times the content words they share.
func (q quoteScores) weight(i, j int) float64 { return q.w[i*q.n+j] }

func (q quoteScores) set(i, j int, s, w float64) {
	q.s[i*q.n+j], q.s[j*q.n+i] = s, s
	q.w[i*q.n+j], q.w[j*q.n+i] = w, w
}

// quoteWordBreak splits a quote into words: at spaces and at dashes
// written without spaces ("problems—bigger").
func quoteWordBreak(r rune) bool { return unicode.IsSpace(r) || r == '—' || r == '–' }

// quoteStem strips a possessive and the commonest English endings:
// enough for "rebuilding"/"rebuild", "bridges"/"bridge", not a stemmer.
func quoteStem(w string) string {
	w = strings.TrimSuffix(w, "'s")
	w = strings.TrimSuffix(w, "'")
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ies"):
		w = w[:len(w)-3] + "y"
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		w = w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		w = w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	if len(w) > 4 && strings.HasSuffix(w, "e") {
		w = w[:len(w)-1]
	}
	return w
}

// quoteMatcher answers quoteMatchShared for the quotes of a comparison,
// once per two renderings.
type quoteMatcher struct {
	items []quoteItem
	memo  map[[2]int32]quoteMatchResult
	// table is the memo in a flat block by class pair, when there are
	// few enough classes (quoteTableClasses) for one: an index where
	// the map hashed, for every pair tried.
	table   []quoteMatchCell
	classes int
}

// quoteMatchCell is one class pair's result in quoteMatcher.table.
type quoteMatchCell struct {
	s        float64
	shared   int32
	ok, done bool
}

// quoteTableClasses is the most quote classes quoteMatcher keeps its
// memo in a flat table for (a table of at most 1 MB).
const quoteTableClasses = 256

// newQuoteMatcher makes the matcher of items, whose classes are
// numbered below classes.
func newQuoteMatcher(items []quoteItem, classes int) *quoteMatcher {
	m := &quoteMatcher{items: items}
	if classes <= quoteTableClasses {
		m.table, m.classes = make([]quoteMatchCell, classes*classes), classes
	} else {
		m.memo = map[[2]int32]quoteMatchResult{}
	}
	return m
}

type quoteMatchResult struct {
	s      float64
	shared int
	ok     bool
}

// match is quoteMatchShared(&items[i], &items[j]).
func (m *quoteMatcher) match(i, j int) (float64, int, bool) {
	a, b := &m.items[i], &m.items[j]
	if m.table != nil {
		c := &m.table[int(a.class)*m.classes+int(b.class)]
		if !c.done {
			s, shared, ok := quoteMatchShared(a, b)
			c.s, c.shared, c.ok, c.done = s, int32(shared), ok, true
		}
		return c.s, int(c.shared), c.ok
	}
	k := [2]int32{a.class, b.class}
	r, ok := m.memo[k]
	if !ok {
		r.s, r.shared, r.ok = quoteMatchShared(a, b)
		m.memo[k] = r
	}
	return r.s, r.shared, r.ok
}

// strong says whether quotes i and j, of one article, are the same
// remark said twice, and may share a cluster.
func (m *quoteMatcher) strong(i, j int) bool {
	a, b := &m.items[i], &m.items[j]
	if a.wording == b.wording {
		return true
	}
	s, _, ok := m.match(i, j)
	return ok && s >= 0.8
}

// quoteMatchShared says whether two quotes render the same remark, how
// well (0–1), and how many content words they share.
func quoteMatchShared(a, b *quoteItem) (float64, int, bool) {
	shared := quoteShared(a, b)
	small := min(len(a.words), len(b.words))
	if small == 0 {
		if a.wording != "" && a.wording == b.wording {
			return 1, shared, true
		}
		return 0, shared, false
	}
	cont := float64(shared) / float64(small)
	best, ok := 0.0, false
	if shared >= 4 && cont >= 0.5 {
		best, ok = cont, true
	}
	short := min(len(a.keys), len(b.keys))
	if short >= 5 && small >= 3 && cont >= 0.6 {
		if r := float64(quoteLCS(a.kids, b.kids)) / float64(short); r >= 0.8 {
			best, ok = max(best, r), true
		}
	}
	if !ok && shared >= 3 && cont >= 0.4 && quoteSameSpeaker(a.speaker, b.speaker) {
		best, ok = cont, true
	}
	if !ok && short >= 4 && small >= 2 && shared == small && (quoteRunIn(a.kids, b.kids) || quoteRunIn(b.kids, a.kids)) {
		// A remark cut short, or a phrase of it quoted inside a
		// paraphrase: its words, in a row, inside the full one.
		best, ok = 1, true
	}
	return best, shared, ok
}

// quoteShared counts the content words two quotes share.
func quoteShared(a, b *quoteItem) int {
	n := 0
	for i, j := 0, 0; i < len(a.words) && j < len(b.words); {
		switch x, y := a.words[i], b.words[j]; {
		case x == y:
			n++
			i++
			j++
		case x < y:
			i++
		default:
			j++
		}
	}
	return n
}

// quoteRunIn says whether the words of a stand, in a row, in b.
func quoteRunIn[T comparable](a, b []T) bool {
	if len(a) > len(b) {
		return false
	}
	for i := 0; i+len(a) <= len(b); i++ {
		j := 0
		for j < len(a) && a[j] == b[i+j] {
			j++
		}
		if j == len(a) {
			return true
		}
	}
	return false
}

// quoteLCS is the length of the longest common subsequence of two word
// lists.
func quoteLCS[T comparable](a, b []T) int {
	// A common first or last word is in some longest common subsequence,
	// so the words the two share at either end are counted and cut off
	// before the table is filled: the renderings of one remark that
	// quoteSlots compares mostly differ in a few words inside, and
	// filling the whole table for them was 4 % of Compare.
	same := 0
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
		same++
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
		same++
	}
	if len(a) == 0 || len(b) == 0 {
		return same
	}
	// Two rows of the table; quotes are short, so they fit on the stack.
	var buf [2 * 64]int
	var prev, cur []int
	if len(b) < 64 {
		prev, cur = buf[:len(b)+1], buf[64:64+len(b)+1]
	} else {
		prev, cur = make([]int, len(b)+1), make([]int, len(b)+1)
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return same + prev[len(b)]
}

// quoteSameSpeaker says whether two speakers, both named, can be one
// person: the same name key, spelling variants, a surname alone and a
// full name with it ("Durand", "Marie Durand"), or two full names with
// the same surname and given name ("Ann Lee", "Ann B. Lee"). Two given
// names with one surname (Jane Hale, John Hale) are two people.
func quoteSameSpeaker(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	// Clustering asks about the same few speakers' spellings again and
	// again (every pair of quotes, every remark's label and difference);
	// the answer is a pure function of the two names.
	k := speakerPair{a, b}
	speakerMemo.Lock()
	same, ok := speakerMemo.m[k]
	speakerMemo.Unlock()
	if ok {
		return same
	}
	same = sameSpeaker(a, b)
	speakerMemo.Lock()
	if len(speakerMemo.m) >= 1<<14 {
		clear(speakerMemo.m)
	}
	speakerMemo.m[speakerPair{strings.Clone(a), strings.Clone(b)}] = same
	speakerMemo.Unlock()
	return same
}

type speakerPair struct{ a, b string }

// speakerMemo holds quoteSameSpeaker's answers, emptied when full; the
// names are copied, so no article text is pinned by it.
var speakerMemo = struct {
	sync.Mutex
	m map[speakerPair]bool
}{m: map[speakerPair]bool{}}

// speakerTable numbers the quotes' speakers of one comparison and holds
// what sameSpeaker reads of each name, worked out once: a remark's
// speakers are compared pair by pair (its label, its speaker groups,
// every two groups), fifty outlets crediting one remark to as many
// spellings and names.
type speakerTable struct {
	ids  map[string]int32
	info []speakerInfo
}

// speakerInfo is what sameSpeaker reads of a name.
type speakerInfo struct {
	key, last, lastKey string
	oneWord            bool   // the name is one word
	initial            bool   // its first word is an initial ("J.")
	givenRune          rune   // the first word's first rune, folded
	givenKey           string // the first word's name key
}

func newSpeakerTable() *speakerTable { return &speakerTable{ids: map[string]int32{}} }

// id numbers a speaker; -1 for none ("").
func (t *speakerTable) id(name string) int32 {
	if name == "" {
		return -1
	}
	if id, ok := t.ids[name]; ok {
		return id
	}
	in := speakerInfo{key: facts.NameKey(name), last: quoteSurname(name)}
	if in.last != "" {
		in.lastKey = facts.NameKey(in.last)
	}
	f := strings.Fields(name)
	in.oneWord = len(f) == 1
	if len(f) > 0 {
		g := strings.TrimSuffix(f[0], ".")
		in.initial = utf8.RuneCountInString(g) == 1
		in.givenRune, _ = utf8.DecodeRuneInString(facts.Fold(g))
		in.givenKey = facts.NameKey(g)
	}
	id := int32(len(t.info))
	t.ids[name] = id
	t.info = append(t.info, in)
	return id
}

// same is quoteSameSpeaker for two numbered speakers.
func (t *speakerTable) same(i, j int32) bool {
	if i < 0 || j < 0 {
		return false
	}
	if i == j {
		return true
	}
	a, b := &t.info[i], &t.info[j]
	switch {
	case a.key == b.key:
		return true
	case a.last == "" || b.last == "" || a.lastKey != b.lastKey:
		return false
	case a.oneWord || b.oneWord:
		return true
	case a.initial || b.initial:
		return a.givenRune == b.givenRune // "J. Hale", "John Hale"
	}
	return a.givenKey == b.givenKey
}

// sameSpeaker is quoteSameSpeaker for two different, non-empty names.
//
// Names are compared by NameKey alone: facts.SameName holds only between
// names of one NameKey (its spelling variants), so "equal keys or
// SameName" is equal keys, without SameName's folds.
func sameSpeaker(a, b string) bool {
	if facts.NameKey(a) == facts.NameKey(b) {
		return true
	}
	la, lb := quoteSurname(a), quoteSurname(b)
	if la == "" || lb == "" || facts.NameKey(la) != facts.NameKey(lb) {
		return false
	}
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) == 1 || len(fb) == 1 {
		return true
	}
	ga, gb := strings.TrimSuffix(fa[0], "."), strings.TrimSuffix(fb[0], ".")
	if utf8.RuneCountInString(ga) == 1 || utf8.RuneCountInString(gb) == 1 {
		ra, _ := utf8.DecodeRuneInString(facts.Fold(ga))
		rb, _ := utf8.DecodeRuneInString(facts.Fold(gb))
		return ra == rb // "J. Hale", "John Hale"
	}
	return facts.NameKey(ga) == facts.NameKey(gb)
}

// quoteSurname returns a name's last word, a suffix ("Jr.", "III")
// skipped.
func quoteSurname(name string) string {
	f := strings.Fields(name)
	for len(f) > 1 && quoteNameSuffixes[facts.Fold(strings.TrimSuffix(f[len(f)-1], "."))] {
		f = f[:len(f)-1]
	}
	if len(f) == 0 {
		return ""
	}
	return strings.TrimSuffix(f[len(f)-1], ",")
}

// quoteNameSuffixes end a personal name without being its surname.
var quoteNameSuffixes = quoteWordSet("jr sr ii iii iv")

// quoteCanMerge says whether two clusters may join: at least half of the
// pairs across them (from different articles) match, and quotes of one
// article on both sides are the same remark repeated.
func quoteCanMerge(m *quoteMatcher, score quoteScores, a, b []int) bool {
	items := m.items
	cross, matched := 0, 0
	for _, x := range a {
		for _, y := range b {
			if items[x].art == items[y].art {
				if !m.strong(x, y) {
					return false
				}
				continue
			}
			cross++
			if score.at(x, y) > 0 {
				matched++
			}
		}
	}
	return cross > 0 && 2*matched >= cross
}

// quoteReps picks each article's quote in a cluster: the one that matches
// the other articles' quotes best, each match weighed by the content
// words it shares (so an article's full rendering wins over a short
// excerpt it also quotes), the earliest on a tie. The result is ordered
// by article id. ms is ascending and items are in article order (art
// never falls as the index rises), as quoteSlots makes them: each
// article's members are then a run of ms, met in article order.
func quoteReps(items []quoteItem, score quoteScores, ms []int) []int {
	var reps []int
	best, bestTotal := -1, 0.0
	for _, x := range ms {
		total := 0.0
		for _, y := range ms {
			// A pair that does not match adds nothing (its weight is 0).
			if w := score.weight(x, y); w != 0 && items[x].art != items[y].art {
				total += w
			}
		}
		switch {
		case best < 0:
			best, bestTotal = x, total
		case items[x].art != items[best].art:
			reps = append(reps, best)
			best, bestTotal = x, total
		case total > bestTotal:
			best, bestTotal = x, total
		}
	}
	if best >= 0 {
		reps = append(reps, best)
	}
	return reps
}

// remark builds the slot of one remark stated by two articles or more.
// used counts slot ids already given, to keep them unique.
func (c comparer) remark(items []quoteItem, reps []int, used map[string]int) SlotResult {
	first := items[reps[0]]
	speaker := quoteSpeakerLabel(items, reps, c.speakers)
	key := facts.NameKey(speaker)
	if key == "" {
		key, speaker = "unknown", "unknown"
	}
	id := "quote:" + key + ":" + quoteShortID(first)
	used[id]++
	if k := used[id]; k > 1 {
		id = fmt.Sprintf("%s-%d", id, k)
	}
	sr := SlotResult{
		Slot: id, Kind: string(facts.KindQuote),
		Label:   "quote: " + speaker + " — “" + quoteOpening(first.shown, 8) + "”",
		Missing: []string{}, Values: []Value{}, Notes: []string{}, Generated: true,
		Status: Agree,
	}
	stated := map[string]bool{}
	fs := make([]*facts.Fact, 0, len(reps))
	sr.Values = make([]Value, 0, len(reps))
	// The articles often quote the remark alike: one diff per wording.
	runs := map[int32][]quoteDiffRun{}
	for k, x := range reps {
		it := &items[x]
		v := toValue(*it.f)
		if k > 0 {
			r, ok := runs[it.wclass]
			if !ok {
				r = quoteDiffRuns(first.keys, it.keys)
				runs[it.wclass] = r
			}
			v.Diff = quoteDiffOps(r, first.shown, it.shown)
		}
		sr.Values = append(sr.Values, v)
		stated[it.f.Article] = true
		fs = append(fs, it.f)
	}
	missing := 0
	for _, a := range c.articles {
		if !stated[a.ID] {
			missing++
		}
	}
	if missing > 0 {
		sr.Missing = make([]string, 0, missing)
		for _, a := range c.articles {
			if !stated[a.ID] {
				sr.Missing = append(sr.Missing, a.ID)
			}
		}
	}
	// The same words credited to two people: a contradiction.
	c.speakerDifference(&sr, items, reps)
	// Other words for the same remark: a nuance, never a contradiction.
	wording := map[string]string{}
	for _, x := range reps {
		wording[items[x].f.Article] = items[x].wording
	}
	if d, ok := groupBy("wording", fs, factPtrArticle, func(f **facts.Fact) string { return wording[(*f).Article] }); ok {
		for i := range d.Groups {
			for _, f := range fs {
				if f.Article == d.Groups[i].Articles[0] {
					d.Groups[i].Value = f.Value
					break
				}
			}
		}
		sr.Differences = append(sr.Differences, d)
		sr.Status = worse(sr.Status, Nuance)
		parts := make([]string, len(d.Groups))
		for i, g := range d.Groups {
			parts[i] = c.names(g.Articles)
		}
		sr.Notes = append(sr.Notes, "worded differently: "+strings.Join(parts, " / "))
		var partial []string
		for _, x := range reps {
			for _, y := range reps {
				if len(items[x].keys) < len(items[y].keys) && quoteLCS(items[x].kids, items[y].kids) == len(items[x].keys) {
					partial = append(partial, items[x].f.Article)
					break
				}
			}
		}
		if len(partial) > 0 {
			sr.Notes = append(sr.Notes, "quotes only part of it: "+c.names(partial))
		}
	}
	if len(sr.Missing) > 0 {
		sr.Notes = append(sr.Notes, "not stated by "+c.names(sr.Missing))
	}
	return sr
}

// speakerDifference compares the named speakers of a remark. The same
// words credited to two different persons, each named, are a
// contradiction, unless one rendering is a short fragment of the other
// (someone echoing a phrase inside a longer statement: a nuance) or the
// two share subject words more than wording (perhaps two remarks). A
// person and a body (the organisation the person may speak for) are
// compatible; so are a surname alone and a full name with it. An unknown
// speaker is never in a difference.
func (c comparer) speakerDifference(sr *SlotResult, items []quoteItem, reps []int) {
	var named []int
	for _, x := range reps {
		if items[x].speaker != "" {
			named = append(named, x)
		}
	}
	// Group the speakers: a speaker joins the first group all of whose
	// members may be the same person.
	var groups [][]int
	group := map[int]int{}
	for _, x := range named {
		g := -1
		for k, ms := range groups {
			all := true
			for _, y := range ms {
				if !c.speakers.same(items[x].sid, items[y].sid) {
					all = false
					break
				}
			}
			if all {
				g = k
				break
			}
		}
		if g < 0 {
			g = len(groups)
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], x)
		group[x] = g
	}
	if len(groups) < 2 {
		return
	}
	canon := map[string]string{}
	fs := make([]*facts.Fact, 0, len(named))
	for _, x := range named {
		canon[items[x].f.Article] = items[groups[group[x]][0]].speaker
		fs = append(fs, items[x].f)
	}
	d, ok := groupBy("speaker", fs, factPtrArticle, func(f **facts.Fact) string { return canon[(*f).Article] })
	if !ok {
		return
	}
	sr.Differences = append(sr.Differences, d)
	sr.Notes = append(sr.Notes, "attributed to different speakers: "+c.describe(d))
	// The strongest pair: two persons of different groups, neither quote
	// a fragment of the other.
	var fragment, body, loose [2]int
	fragment[0], body[0], loose[0] = -1, -1, -1
	for _, x := range named {
		for _, y := range named {
			if group[x] >= group[y] {
				continue
			}
			a, b := items[x], items[y]
			switch {
			case c.speakers.same(a.sid, b.sid):
				continue // "Hale" grouped with Jane Hale may still be John Hale
			case !a.person || !b.person:
				if body[0] < 0 {
					body = [2]int{x, y}
				}
			case quoteFragmentOf(a, b) || quoteFragmentOf(b, a):
				if fragment[0] < 0 {
					fragment = [2]int{x, y}
				}
			case !quoteSameWords(a, b):
				if loose[0] < 0 {
					loose = [2]int{x, y}
				}
			default:
				sr.Status = Contradiction
				sr.Why = "the same remark credited to " + a.speaker + " and " + b.speaker
				sr.Confidence = 0.85
				return
			}
		}
	}
	sr.Status = worse(sr.Status, Nuance)
	switch {
	case fragment[0] >= 0:
		a, b := items[fragment[0]], items[fragment[1]]
		if len(a.keys) > len(b.keys) {
			a, b = b, a
		}
		sr.Why = "a short fragment (“" + quoteOpening(a.shown, 8) + "”) credited to " + a.speaker +
			", echoed inside a longer statement credited to " + b.speaker
		sr.Confidence = 0.4
	case loose[0] >= 0:
		a, b := items[loose[0]], items[loose[1]]
		sr.Why = "credited to " + a.speaker + " and to " + b.speaker + ", but worded too differently to be sure it is one remark"
		sr.Confidence = 0.5
	case body[0] >= 0:
		a, b := items[body[0]], items[body[1]]
		sr.Why = "credited to " + a.speaker + " and to " + b.speaker + ", not both known to be persons (a body and someone speaking for it are compatible)"
		sr.Confidence = 0.3
	}
}

// quoteSameWords says whether two renderings are close enough to be one
// remark for sure, as a contradiction of speakers needs: most of the
// shorter's words (60%) stand in the longer, in order. Two remarks on one
// subject share content words, not their run of words.
func quoteSameWords(a, b quoteItem) bool {
	short := min(len(a.keys), len(b.keys))
	return short > 0 && 5*quoteLCS(a.kids, b.kids) >= 3*short
}

// quoteFragmentOf says whether a is a short fragment of b: a few words
// (eight or fewer), or less than 40% of b's length.
func quoteFragmentOf(a, b quoteItem) bool {
	return len(a.keys) <= 8 || 5*len(a.keys) < 2*len(b.keys)
}

// quoteSpeakerLabel names a remark's speaker as most articles write it:
// the largest group of articles naming one person, then that group's
// commonest spelling, the fuller name and then the first article on ties.
func quoteSpeakerLabel(items []quoteItem, reps []int, speakers *speakerTable) string {
	type group struct {
		spellings map[string]int
		order     []string
		head      int32 // the first speaker's number
		size      int
	}
	var groups []*group
	for _, x := range reps {
		s := items[x].speaker
		if s == "" {
			continue
		}
		var g *group
		for _, h := range groups {
			if speakers.same(h.head, items[x].sid) {
				g = h
				break
			}
		}
		if g == nil {
			g = &group{spellings: map[string]int{}, head: items[x].sid}
			groups = append(groups, g)
		}
		if g.spellings[s] == 0 {
			g.order = append(g.order, s)
		}
		g.spellings[s]++
		g.size++
	}
	if len(groups) == 0 {
		return ""
	}
	best := groups[0]
	for _, g := range groups[1:] {
		if g.size > best.size {
			best = g
		}
	}
	name := best.order[0]
	for _, s := range best.order[1:] {
		if n, m := best.spellings[s], best.spellings[name]; n > m || n == m && len(strings.Fields(s)) > len(strings.Fields(name)) {
			name = s
		}
	}
	return name
}

// quoteShortID is a remark's id within its speaker: its first three
// content words, folded, joined by "-".
func quoteShortID(it quoteItem) string {
	var ws []string
	for _, k := range it.keys {
		if len(ws) == 3 {
			break
		}
		if quoteStopWords[k] || quoteStopWords[quoteStem(k)] {
			continue
		}
		ws = append(ws, strings.Trim(strings.TrimSuffix(k, "'s"), "'"))
	}
	if len(ws) == 0 {
		ws = it.keys[:min(3, len(it.keys))]
	}
	if len(ws) == 0 {
		return "quote"
	}
	return strings.Join(ws, "-")
}

// quoteOpening returns the first n words, with "…" when there are more.
func quoteOpening(words []string, n int) string {
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	last := strings.TrimRightFunc(words[n-1], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return strings.Join(append(append([]string(nil), words[:n-1]...), last), " ") + "…"
}

// quoteWordDiff diffs two quotes word by word: each distinct folded word
// becomes one rune, diffmatchpatch diffs the rune strings (no semantic
// cleanup), and the runs are mapped back to the words as written —
// "equal" and "insert" runs in b's spelling, "delete" runs in a's.
func quoteWordDiff(aShown, aKeys, bShown, bKeys []string) []DiffOp {
	return quoteDiffOps(quoteDiffRuns(aKeys, bKeys), aShown, bShown)
}

// quoteDiffRun is a run of n words of one diff operation.
type quoteDiffRun struct {
	op diffmatchpatch.Operation
	n  int
}

// quoteDiffRuns diffs two lists of folded words (see quoteWordDiff).
func quoteDiffRuns(aKeys, bKeys []string) []quoteDiffRun {
	code := map[string]rune{}
	next := rune(0xE000) // private use: never a word's own rune
	enc := func(keys []string) []rune {
		out := make([]rune, len(keys))
		for i, k := range keys {
			r, ok := code[k]
			if !ok {
				r = next
				code[k] = r
				next++
				if next == 0xF900 {
					next = 0xF0000
				}
			}
			out[i] = r
		}
		return out
	}
	ra, rb := enc(aKeys), enc(bKeys)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // no deadline: the same input always gives the same diff
	var runs []quoteDiffRun
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		if n := utf8.RuneCountInString(d.Text); n > 0 {
			runs = append(runs, quoteDiffRun{d.Type, n})
		}
	}
	return runs
}

// quoteDiffOps maps diff runs back to the words as written.
func quoteDiffOps(runs []quoteDiffRun, aShown, bShown []string) []DiffOp {
	var ops []DiffOp
	ia, ib := 0, 0
	for _, r := range runs {
		n := r.n
		var op DiffOp
		switch r.op {
		case diffmatchpatch.DiffEqual:
			op = DiffOp{Op: "equal", Text: strings.Join(bShown[ib:ib+n], " ")}
			ia += n
			ib += n
		case diffmatchpatch.DiffDelete:
			op = DiffOp{Op: "delete", Text: strings.Join(aShown[ia:ia+n], " ")}
			ia += n
		case diffmatchpatch.DiffInsert:
			op = DiffOp{Op: "insert", Text: strings.Join(bShown[ib:ib+n], " ")}
			ib += n
		}
		ops = append(ops, op)
	}
	return ops
}

// quoteStopWords are the function words left out of content-word sets.
var quoteStopWords = quoteWordSet(`a an the and or but nor if then than so of in on at to for
		with by from as into onto upon about over under after before up down out off
		through during against between among within without via per since until
		is are was were be been being am have has had do does did will would can
		could should may might must shall that this these those it its we our us
		you your i me my he him his she her they them their there here what which
		who whom whose when where why how not no all any some also just very more
		most much many such only own same too again both each every few other even ever
		still yet now let 's n't t s because while though although whether either
		neither i'm i've i'd i'll we're we've we'd we'll you're you've you'll
		he's she's it's that's there's they're they've they'll let's don't
		doesn't didn't can't won't isn't aren't wasn't weren't haven't hasn't`)

func quoteWordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
