package compare

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/facts"
)

// SourceGroup is a set of articles that carry one source's story: copies
// of the same wire report, or one article on its own.
type SourceGroup struct {
	// Source names the group: the wire service its articles credit, or
	// else the outlet that published first.
	Source string `json:"source"`
	// Articles are the article ids in the group, sorted.
	Articles []string `json:"articles"`
	// Evidence says why the articles were grouped ("credit line: Reuters;
	// shared text 0.83", "shared text 0.91"); empty for an article on its
	// own.
	Evidence string `json:"evidence,omitempty"`
}

// How Sources decides that two articles carry the same story.
//
// Each article's body (its Body spans: the headline, bylines, credit lines
// and page chrome are not part of it) is cut into shingles: every run of
// shingleWords consecutive folded words within one paragraph. Two articles
// share text in the measure of their containment, the share of the smaller
// article's shingles that the other article also has:
//
//	containment(a, b) = |S(a) ∩ S(b)| / min(|S(a)|, |S(b)|)
//
// Containment rather than resemblance (∩ over ∪) because copies of a wire
// story are trimmed, cut in the middle and padded with an outlet's own
// paragraphs: a copy that keeps the first half of a report is wholly
// contained in it, though it has only half its shingles.
//
// The thresholds were set on the test stories (sources_test.go logs the
// matrices). A copy trimmed at the end, or cut in the middle, is contained
// in the full report at 0.96 to 1.00; two copies cut differently from one
// report (testdata/wire: one keeps the first eight paragraphs, the other
// drops four of those and keeps the end) share 0.51. Independently written
// articles stay at 0.03 and below among the seeds, and at 0.08 and below
// in the shared corpus's border story, where what they share is an official statement or
// a tweet quoted word for word.
const (
	// shingleWords is the length of a shingle in words. Five is long enough
	// that stock phrases ("said in a statement on Monday") match only
	// rarely across outlets, and short enough that a lightly edited
	// sentence still shares most of its runs.
	shingleWords = 5
	// sharedTextMin is the containment from which two articles are the same
	// story by their text alone, whatever their credit lines say. It is
	// five times the most that independent articles were seen to share and
	// still below two differently trimmed copies. Erring low is the safer
	// side: counting a copy as an independent source overstates how well a
	// fact is corroborated, which is what source grouping is there to stop.
	// An article that is 40% someone else's words is not independent of
	// them either.
	sharedTextMin = 0.4
	// sameCreditMin is the containment enough for two articles that credit
	// the same wire service: the credit says where the text came from, the
	// shared text that it is the same dispatch. Credit alone is not
	// enough: a wire files several stories a day on one event, each with
	// its own facts, and an outlet may credit a wire for a quote or a
	// photo only.
	sameCreditMin = 0.15
	// minSharedShingles is the fewest shingles two articles must share to
	// be grouped at all (about a twelve-word run), so that a very short
	// text, a caption or a one-line brief, is not taken for a copy of
	// whatever article repeats one of its phrases.
	minSharedShingles = 8
)

// Sources groups articles by the story they carry: articles that are
// copies of one report (by shared text, or by the same wire credit and
// some shared text) form one group, grouped transitively; every other
// article is a group of its own. Groups are ordered by their first article
// id; the result does not depend on the order of articles.
func Sources(articles []facts.Article) []SourceGroup { return sources(articles, nil) }

func sources(articles []facts.Article, paras *paraTokens) []SourceGroup {
	if len(articles) == 0 {
		return nil
	}
	arts := make([]*facts.Article, len(articles))
	for i := range articles {
		arts[i] = &articles[i]
	}
	sort.SliceStable(arts, func(i, j int) bool {
		if arts[i].ID != arts[j].ID {
			return arts[i].ID < arts[j].ID
		}
		return arts[i].Hash < arts[j].Hash
	})
	sets := make([][]uint64, len(arts))
	wires := make([]string, len(arts))
	for i, a := range arts {
		sets[i] = shingleList(a, paras)
		wires[i] = facts.Fold(strings.TrimSpace(a.Wire))
	}

	uf := newSourceUnion(len(arts))
	var links []sourceLink
	shingleOverlaps(sets, func(a, b, shared int) {
		c := float64(shared) / float64(min(len(sets[a]), len(sets[b])))
		sameWire := wires[a] != "" && wires[a] == wires[b]
		if shared < minSharedShingles || (c < sharedTextMin && !(sameWire && c >= sameCreditMin)) {
			return
		}
		uf.union(a, b)
		links = append(links, sourceLink{a: a, b: b, containment: c})
	})

	members := map[int][]int{}
	var roots []int
	for i := range arts {
		r := uf.find(i)
		if _, ok := members[r]; !ok {
			roots = append(roots, r)
		}
		members[r] = append(members[r], i)
	}
	linksOf := map[int][]float64{}
	for _, l := range links {
		r := uf.find(l.a)
		linksOf[r] = append(linksOf[r], l.containment)
	}
	// Members are in article order, so roots (in order of first member)
	// already order the groups by first article id.
	out := make([]SourceGroup, 0, len(roots))
	for _, r := range roots {
		idx := members[r]
		g := SourceGroup{}
		for _, i := range idx {
			g.Articles = append(g.Articles, arts[i].ID)
		}
		name, credited := groupName(arts, idx)
		g.Source = name
		if len(idx) > 1 {
			var ev []string
			if credited > 1 {
				ev = append(ev, "credit line: "+name)
			}
			ev = append(ev, "shared text "+containmentRange(linksOf[r]))
			g.Evidence = strings.Join(ev, "; ")
		}
		out = append(out, g)
	}
	return out
}

// sourceLink is an accepted pair of same-story articles.
type sourceLink struct {
	a, b        int
	containment float64
}

// groupName names a group of articles (indexes into arts, in article
// order): the wire service most of them credit (ties go to the name first
// in alphabetical order), else the outlet of the earliest-published
// article, else the first article's outlet, else its id. credited counts
// the articles that credit the chosen wire.
func groupName(arts []*facts.Article, idx []int) (name string, credited int) {
	count := map[string]int{}
	display := map[string]string{}
	for _, i := range idx {
		w := strings.TrimSpace(arts[i].Wire)
		if w == "" {
			continue
		}
		k := facts.Fold(w)
		count[k]++
		if _, ok := display[k]; !ok {
			display[k] = w
		}
	}
	best := ""
	for k, n := range count {
		if n > count[best] || (n == count[best] && display[k] < display[best]) {
			best = k
		}
	}
	if best != "" {
		return display[best], count[best]
	}
	earliest := -1
	for _, i := range idx {
		a := arts[i]
		if a.Outlet == "" || a.Published.IsZero() {
			continue
		}
		if earliest < 0 || a.Published.From.Before(arts[earliest].Published.From) {
			earliest = i
		}
	}
	if earliest >= 0 {
		return arts[earliest].Outlet, 0
	}
	for _, i := range idx {
		if arts[i].Outlet != "" {
			return arts[i].Outlet, 0
		}
	}
	return arts[idx[0]].ID, 0
}

// containmentRange renders the containments of a group's links: "0.83",
// or "0.62–0.91" when they differ.
func containmentRange(cs []float64) string {
	if len(cs) == 0 {
		return ""
	}
	lo, hi := slices.Min(cs), slices.Max(cs)
	l, h := fmt.Sprintf("%.2f", lo), fmt.Sprintf("%.2f", hi)
	if l == h {
		return l
	}
	return l + "–" + h
}

// shingleSet returns the sorted, distinct hashes of an article's shingles:
// the runs of shingleWords folded words (numbers included, punctuation
// left out) within each body paragraph. A paragraph shorter than that
// gives one shingle of its own words, so that short paragraphs still count
// as shared text.
func shingleSet(a *facts.Article, paras *paraTokens) []uint64 {
	out := shingleList(a, paras)
	slices.Sort(out)
	return slices.Compact(out)
}

// shingleList returns an article's shingles in order of paragraph, a
// shingle more than once when the article repeats a run of words:
// shingleOverlaps drops the repeats with the index it builds anyway,
// where a set of its own would sort each article's shingles.
func shingleList(a *facts.Article, paras *paraTokens) []uint64 {
	// With the paragraphs' shingles made, the list is made at its size.
	n := 0
	for pi := range a.Body {
		sh, ok := paras.shingles(a, pi)
		if !ok {
			n = 0
			break
		}
		n += len(sh)
	}
	var out []uint64
	if n > 0 {
		out = make([]uint64, 0, n)
	}
	var words []uint64
	for pi := range a.Body {
		if sh, ok := paras.shingles(a, pi); ok {
			out = append(out, sh...)
			continue
		}
		out, words = appendShingles(out, words, paras.of(a, pi))
	}
	return out
}

// appendShingles appends the shingles of one paragraph's tokens to out;
// words is scratch space, returned for reuse.
func appendShingles(out, words []uint64, toks []facts.Token) ([]uint64, []uint64) {
	words = words[:0]
	for _, t := range toks {
		if t.Kind == facts.Punct {
			continue
		}
		words = append(words, fnv64a(t.Fold))
	}
	if len(words) == 0 {
		return out, words
	}
	n := min(shingleWords, len(words))
	for i := 0; i+n <= len(words); i++ {
		out = append(out, shingleHash(words[i:i+n]))
	}
	return out, words
}

// fnv64a is hash/fnv's 64-bit FNV-1a of s, without its allocations.
func fnv64a(s string) uint64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime
	}
	return h
}

// shingleHash hashes a run of word hashes into a shingle hash, FNV-1a style
// over whole words. It is fixed across processes, so results are too.
func shingleHash(words []uint64) uint64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	for _, w := range words {
		h ^= w
		h *= prime
		h ^= h >> 29
	}
	return h
}

// shingleOverlaps calls pair for every two shingle sets a < b that share
// a shingle, with the number they share, in order of b and then of a.
// A set may hold a shingle more than once: each set is made distinct in
// place before the first call, so that len(sets[a]) in pair counts its
// distinct shingles (and sorted beyond maxPairMatrix, whose calls for
// one b come in the order of b's shingles).
// It indexes each shingle's sets, so the cost grows with the number of
// shared shingles rather than with the square of the number of sets: a
// first pass counts each shingle's sets, a second lays them out in one
// flat slice, a run per shingle in order of set; every two sets of a run
// then count one shared shingle in a matrix of pairs. Beyond
// maxPairMatrix sets the matrix would be too large, and the counts are
// kept per b instead (shingleOverlapsLarge).
func shingleOverlaps(sets [][]uint64, pair func(a, b, shared int)) {
	n := len(sets)
	if n > maxPairMatrix {
		for b, set := range sets {
			slices.Sort(set)
			sets[b] = slices.Compact(set)
		}
		shingleOverlapsLarge(sets, pair)
		return
	}
	total := 0
	for _, set := range sets {
		total += len(set)
	}
	// Pass one: a number per distinct shingle, and its count of sets. A
	// shingle a set holds twice is dropped from it there (last holds the
	// set each shingle was last seen in, plus one).
	index := newShingleIndex(total)
	defer index.release()
	sc, ok := shingleScratches.get()
	if !ok {
		sc = &shingleScratch{}
	}
	defer func() { shingleScratches.put(sc, sc.bytes()) }()
	ids := sc.ids[:0] // per set and distinct shingle, in order
	sizes, last := sc.sizes[:0], sc.last[:0]
	for b, set := range sets {
		w := 0
		for _, s := range set {
			slot := index.slot(s)
			if *slot == 0 {
				sizes = append(sizes, 0)
				last = append(last, 0)
				*slot = int32(len(sizes))
			}
			id := *slot - 1
			if last[id] == int32(b)+1 {
				continue
			}
			last[id] = int32(b) + 1
			set[w] = s
			w++
			sizes[id]++
			ids = append(ids, id)
		}
		sets[b] = set[:w]
	}
	// Pass two: each shingle's sets, a run per shingle.
	start := zeroed(sc.start, len(sizes)+1)
	for i, c := range sizes {
		start[i+1] = start[i] + c
	}
	fill := append(sc.fill[:0], start[:len(sizes)]...)
	runs := zeroed(sc.runs, total)
	k := 0
	for b, set := range sets {
		for range set {
			id := ids[k]
			k++
			runs[fill[id]] = int32(b)
			fill[id]++
		}
	}
	counts := zeroed(sc.counts, n*n) // [a*n+b], a < b
	// Shingles held by the same sets add to the same pairs: a paragraph
	// several outlets run gives dozens of shingles held by exactly those
	// articles. Such a run of sets is counted once, with how many
	// shingles have it, where each shingle's pairs were counted apiece
	// (a shingle of a 50-outlet wire paragraph has 1,225 pairs).
	weight := zeroed(sc.weight, len(sizes))
	*sc = shingleScratch{ids: ids, sizes: sizes, last: last, start: start, fill: fill, runs: runs, counts: counts, weight: weight}
	// A run's hash → the first shingle with it, plus one.
	first := keptIndex(runIndexes, len(sizes))
	defer first.release()
	for id := range sizes {
		run := runs[start[id]:start[id+1]]
		if len(run) < 2 {
			continue // no pair
		}
		h := runHash(run)
		slot := first.slot(h)
		r := *slot - 1
		switch {
		case r < 0:
			*slot = int32(id) + 1
			weight[id] = 1
		case slices.Equal(runs[start[r]:start[r+1]], run):
			weight[r]++
		default:
			weight[id] = 1 // another run with the same hash: on its own
		}
	}
	for id, wt := range weight {
		if wt == 0 {
			continue
		}
		run := runs[start[id]:start[id+1]]
		for i, a := range run {
			row := counts[int(a)*n:]
			for _, b := range run[i+1:] {
				row[b] += wt
			}
		}
	}
	for b := 0; b < n; b++ {
		for a := 0; a < b; a++ {
			if c := counts[a*n+b]; c > 0 {
				pair(a, b, int(c))
			}
		}
	}
}

// shingleScratch holds shingleOverlaps' working lists between calls:
// they come to a few megabytes a topic, made anew for each before.
type shingleScratch struct {
	ids, sizes, last, start, fill, runs, counts, weight []int32
}

// shingleScratches keeps the working lists of earlier comparisons.
var shingleScratches = newKeep[*shingleScratch]()

// bytes is the size of the lists held.
func (sc *shingleScratch) bytes() int {
	n := 0
	for _, l := range [...][]int32{sc.ids, sc.sizes, sc.last, sc.start, sc.fill, sc.runs, sc.counts, sc.weight} {
		n += 4 * cap(l)
	}
	return n
}

// zeroed returns b made n long and cleared, reallocated when too small.
func zeroed(b []int32, n int) []int32 {
	if cap(b) < n {
		return make([]int32, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// runHash hashes a run of set numbers, FNV-1a style a number at a time.
func runHash(run []int32) uint64 {
	h := uint64(14695981039346656037)
	for _, x := range run {
		h ^= uint64(uint32(x))
		h *= 1099511628211
	}
	return h
}

// maxPairMatrix is the most sets shingleOverlaps counts in a matrix of
// pairs (4 MB of counts).
const maxPairMatrix = 1024

// shingleOverlapsLarge is shingleOverlaps for many sets: the index holds,
// per shingle, the last set seen with it; each entry links to the one
// before (a list per shingle in flat slices, not a slice per shingle).
// For one b, the sets a come in no particular order.
func shingleOverlapsLarge(sets [][]uint64, pair func(a, b, shared int)) {
	total := 0
	for _, set := range sets {
		total += len(set)
	}
	index := newShingleIndex(total)
	defer index.release()
	type entry struct{ set, next int32 }
	entries := make([]entry, 0, total)
	counts := make([]int32, len(sets))
	var touched []int32
	for b, set := range sets {
		touched = touched[:0]
		for _, s := range set {
			slot := index.slot(s)
			head := *slot - 1
			for e := head; e >= 0; e = entries[e].next {
				a := entries[e].set
				if counts[a] == 0 {
					touched = append(touched, a)
				}
				counts[a]++
			}
			entries = append(entries, entry{int32(b), head})
			*slot = int32(len(entries))
		}
		for _, a := range touched {
			pair(int(a), b, int(counts[a]))
			counts[a] = 0
		}
	}
}

// shingleIndex maps shingle hashes to an int32 (0 for none yet): an open-
// addressing table probed linearly from the hash's low bits. Shingles
// are hashes already, so they need no hashing of their own, and the table
// is two flat slices where a Go map would hash and grow. A value of 0
// marks a free entry: every caller of slot stores a value above 0 in a
// new entry before the next call.
type shingleIndex struct {
	keys []uint64
	vals []int32
	mask uint64
	keep keep[*shingleIndex] // where release puts it back
}

// shingleIndexes keeps the tables of earlier comparisons: a topic's table
// is a megabyte or two, made for each topic compared.
var shingleIndexes = newKeep[*shingleIndex]()

// runIndexes keeps the tables shingleOverlaps finds runs of sets by,
// apart from shingleIndexes: they are a fraction of the size, and taking
// each other's would have them made anew each time.
var runIndexes = newKeep[*shingleIndex]()

// newShingleIndex makes a table for up to n shingles, at most half full,
// reusing one of shingleIndexes when one is large enough (put it back
// with release).
func newShingleIndex(n int) *shingleIndex { return keptIndex(shingleIndexes, n) }

// keptIndex makes a table for up to n entries, at most half full, reusing
// one kept in k when one is large enough (put it back with release).
func keptIndex(k keep[*shingleIndex], n int) *shingleIndex {
	size := 16
	for size < 2*n {
		size *= 2
	}
	if t, ok := k.get(); ok {
		if cap(t.keys) >= size && cap(t.keys) <= 4*size {
			t.keys, t.vals = t.keys[:size], t.vals[:size]
			clear(t.vals)
			t.mask = uint64(size - 1)
			return t
		}
		t.release()
	}
	return &shingleIndex{keys: make([]uint64, size), vals: make([]int32, size), mask: uint64(size - 1), keep: k}
}

// release hands the table back for another comparison.
func (t *shingleIndex) release() { t.keep.put(t, 12*cap(t.keys)) }

// slot returns the value of shingle h, added with 0 when new; the caller
// stores a value above 0 in it then.
func (t *shingleIndex) slot(h uint64) *int32 {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		if t.vals[i] == 0 {
			t.keys[i] = h
			return &t.vals[i]
		}
		if t.keys[i] == h {
			return &t.vals[i]
		}
	}
}

type sourceUnion []int

func newSourceUnion(n int) sourceUnion {
	u := make(sourceUnion, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u sourceUnion) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

// union joins two sets, keeping the smaller index as root.
func (u sourceUnion) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	u[rb] = ra
}

// Independence says in words how many independent sources the given
// articles amount to: "4 articles, 3 independent sources: Reuters ×2, AFP,
// Levant24". Each source group among the articles counts once; a group
// that covers several of them shows "×N". Sources are listed by how many
// articles they cover, then by name; two groups of the same name (two
// stories by one wire) are told apart by their first article id. An id
// that is in no group counts as a source of its own. No ids give "".
func Independence(groups []SourceGroup, articles []string) string {
	groupOf := map[string]int{}
	for i, g := range groups {
		for _, id := range g.Articles {
			if _, ok := groupOf[id]; !ok {
				groupOf[id] = i
			}
		}
	}
	type entry struct {
		name  string
		first string
		count int
	}
	seen := map[string]bool{}
	byKey := map[int]*entry{}
	var entries []*entry
	nArticles := 0
	for _, id := range articles {
		if seen[id] {
			continue
		}
		seen[id] = true
		nArticles++
		gi, ok := groupOf[id]
		if !ok {
			entries = append(entries, &entry{name: id, first: id, count: 1})
			continue
		}
		if e := byKey[gi]; e != nil {
			e.count++
			e.first = min(e.first, id)
			continue
		}
		e := &entry{name: groups[gi].Source, first: id, count: 1}
		if e.name == "" {
			e.name = id
		}
		byKey[gi] = e
		entries = append(entries, e)
	}
	if nArticles == 0 {
		return ""
	}
	sort.SliceStable(entries, func(i, j int) bool {
		a, b := entries[i], entries[j]
		if a.count != b.count {
			return a.count > b.count
		}
		if a.name != b.name {
			return a.name < b.name
		}
		return a.first < b.first
	})
	names := map[string]int{}
	for _, e := range entries {
		names[e.name]++
	}
	parts := make([]string, len(entries))
	for i, e := range entries {
		p := e.name
		if names[e.name] > 1 {
			p += " (" + e.first + ")"
		}
		if e.count > 1 {
			p += fmt.Sprintf(" ×%d", e.count)
		}
		parts[i] = p
	}
	return fmt.Sprintf("%s, %s: %s", countNoun(nArticles, "article"), countNoun(len(entries), "independent source"),
		strings.Join(parts, ", "))
}

// countNoun renders "1 article" or "3 articles".
func countNoun(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// paraTokens holds the tokens of the articles' body paragraphs, made on
// first use, so that the comparisons reading them (shared text, spelling
// variants) tokenise each paragraph once. Articles are keyed by address:
// the cache lives for one Compare over one slice. A paragraph's tokens
// are also kept by its text, since the outlets of one story often run a
// wire's paragraph word for word: those read only Text, Fold and Kind,
// which depend on the paragraph's text alone (not on its span). A nil
// cache tokenises.
type paraTokens struct {
	m      map[*facts.Article][][]facts.Token
	byText map[string][]facts.Token
	// start holds, by text, where the paragraph tokenised for byText
	// starts in its article: its tokens' spans count from there.
	start map[string]int
	// sh holds each paragraph's shingles by its text, for the same reason.
	sh map[string][]uint64
}

// shingles returns the shingles of a's paragraph pi, made once per
// paragraph text; false when there is no cache or the span is not one.
func (p *paraTokens) shingles(a *facts.Article, pi int) ([]uint64, bool) {
	sp := a.Body[pi]
	if p == nil || sp.Start < 0 || sp.Start > sp.End || sp.End > len(a.Text) {
		return nil, false
	}
	if p.sh == nil {
		p.sh = map[string][]uint64{}
	}
	text := a.Text[sp.Start:sp.End]
	if sh, ok := p.sh[text]; ok {
		return sh, true
	}
	sh, _ := appendShingles(nil, nil, p.of(a, pi))
	p.sh[text] = sh
	return sh, true
}

// sentenceTokens returns the tokens Tokenize gives sentence, which is
// a.Text[s:e], read from the tokens of the body paragraph holding it:
// false when none holds it, or when the paragraph's tokens may not be
// the sentence's. Their Text, Fold and Kind are Tokenize's; their spans
// are in a.Text, not in the sentence (no reader of sentence tokens reads
// spans).
//
// Tokenize scans left to right with no state but its place, skipping
// space and invisible runes one rune at a time, and reads past a token's
// end only to decide where a word stops: a joiner ('.', ',', '-', an
// apostrophe) or an invisible rune continues a word when the runes after
// it do, and isInitialDot reads the rune after the next. So scanning
// from s to e gives the paragraph's tokens between them when s and e are
// rune boundaries the paragraph's scan passed through between tokens —
// its start or end, or a gap of skipped runes on both sides — and no
// token crosses them: a word the paragraph's scan stopped at a lookahead
// beyond e would have made the next token cross e. TestSentenceTokens and
// FuzzSentenceTokens hold this to Tokenize.
func (p *paraTokens) sentenceTokens(a *facts.Article, s, e int, sentence string) ([]facts.Token, bool) {
	if p == nil || s < 0 || s > e || e > len(a.Text) || a.Text[s:e] != sentence {
		return nil, false
	}
	pi := -1
	for k, sp := range a.Body {
		if sp.Start <= s && e <= sp.End && sp.Start >= 0 && sp.End <= len(a.Text) {
			pi = k
			break
		}
	}
	if pi < 0 {
		return nil, false
	}
	toks := p.of(a, pi)
	sp := a.Body[pi]
	// The tokens may be another article's paragraph of the same text:
	// their spans are in that article, from where its paragraph starts.
	base, ok := p.start[a.Text[sp.Start:sp.End]]
	if !ok {
		return nil, false
	}
	return tokensWithin(toks, a.Text[sp.Start:sp.End], base, s-sp.Start, e-sp.Start)
}

// tokensWithin returns the piece of toks, Tokenize's tokens of para at
// offset base of the text tokenised, that Tokenize gives para[s:e], as
// sentenceTokens says; false when it cannot tell.
func tokensWithin(toks []facts.Token, para string, base, s, e int) ([]facts.Token, bool) {
	if s < 0 || s > e || e > len(para) {
		return nil, false
	}
	if (s < len(para) && !utf8.RuneStart(para[s])) || (e < len(para) && !utf8.RuneStart(para[e])) {
		return nil, false
	}
	k := sort.Search(len(toks), func(i int) bool { return toks[i].Span.Start >= base+s })
	m := sort.Search(len(toks), func(i int) bool { return toks[i].Span.Start >= base+e })
	// At s: the paragraph's start, or skipped runes since the last token
	// before it (which so ends before s).
	if s != 0 && k > 0 && toks[k-1].Span.End >= base+s {
		return nil, false
	}
	// At e: the paragraph's end, or no token crossing e and a skipped
	// rune at e.
	if e != len(para) && (m > 0 && toks[m-1].Span.End > base+e || m < len(toks) && toks[m].Span.Start == base+e) {
		return nil, false
	}
	return toks[k:m:m], true
}

// of returns Tokenize over a's paragraph pi.
func (p *paraTokens) of(a *facts.Article, pi int) []facts.Token {
	sp := a.Body[pi]
	if p == nil {
		return facts.Tokenize(a.Text, sp.Start, sp.End)
	}
	if p.m == nil {
		p.m = map[*facts.Article][][]facts.Token{}
		p.byText = map[string][]facts.Token{}
		p.start = map[string]int{}
	}
	ts := p.m[a]
	if ts == nil {
		ts = make([][]facts.Token, len(a.Body))
		p.m[a] = ts
	}
	if ts[pi] == nil {
		if sp.Start < 0 || sp.Start > sp.End || sp.End > len(a.Text) {
			ts[pi] = facts.Tokenize(a.Text, sp.Start, sp.End)
			return ts[pi]
		}
		text := a.Text[sp.Start:sp.End]
		toks, ok := p.byText[text]
		if !ok {
			toks = facts.Tokenize(a.Text, sp.Start, sp.End)
			p.byText[text] = toks
			p.start[text] = sp.Start
		}
		ts[pi] = toks
	}
	return ts[pi]
}
