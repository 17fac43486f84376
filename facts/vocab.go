package facts

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
)

// An article's vocabulary: each distinct fold of its tokens gets a small
// number when the article is analysed, kept in the token (Token.id).
// The finders' per-article word sets ("words the article writes in lower
// case", "words it capitalises mid-sentence") were string-keyed maps
// filled with a hash per token and allocated per article (a sixth of
// extraction's bytes); keyed by id they are bit sets of a few words.
// classify looks each distinct fold up in the lexicon tables once, not
// once per token.

// maxVocab bounds an article's ids (Token.id has 16 bits; 0 is "none").
// An article with more distinct folds (about 1 MB of text) leaves the
// rest without an id, and the sets keep those in a map. The table holds
// at most twice as many slots.
const maxVocab = 1<<16 - 1

// vocab numbers the distinct folds of one article. Its table is open
// addressing over a power-of-two slice, not a map: a token costs one hash
// and probe whether its fold is new or not (a map takes a look-up and
// then an insertion), and the table is emptied slot by used slot for
// the next article.
type vocab struct {
	slots []vocabSlot
	// ents[id] is what classify learnt of the fold; ents[0] is unused.
	ents []vocabEntry
	// pending are classifyOne's answers for (fold, kind) pairs the
	// shared cache did not hold, published to it a batch at a time.
	pending []lexCacheSlot
}

// lexShared is classifyOne's classes of (fold, kind) pairs seen in
// earlier articles, shared by every vocabulary: most of an article's
// words were in one before. It is never written once published: a batch
// of new pairs makes a new table (copy on write), so readers take no
// lock; and it stops growing at half its slots. (A cache per pooled
// vocabulary was refilled whenever the pool dropped it at a GC, and held
// a copy per vocabulary.) The folds are copies, so it holds no article's
// text.
var (
	lexShared   atomic.Pointer[lexTable]
	lexSharedMu sync.Mutex // serialises publishers
)

// lexTable is open addressing over a power-of-two slice, by the vocab's
// hash of the fold.
type lexTable struct {
	slots []lexCacheSlot
	n     int
}

type lexCacheSlot struct {
	fold string
	hash uint32
	cls  lexClass
	qv   uint8
	kind TokenKind // 0: empty
}

// lexTableSize is the shared table's slots: 8,192 pairs at most, about
// 0.6 MB with the folds.
const lexTableSize = 1 << 14

// lexBatch is how many new pairs a vocabulary gathers before it
// publishes them: at most lexTableSize/2/lexBatch copies of the table.
const lexBatch = 256

// find returns the slot of (f, kind) with hash h, or the empty slot where
// it would go.
func (tab *lexTable) find(f string, kind TokenKind, h uint32) *lexCacheSlot {
	mask := uint32(len(tab.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &tab.slots[i]
		if sl.kind == 0 || sl.hash == h && sl.kind == kind && sl.fold == f {
			return sl
		}
	}
}

// full reports whether tab takes no more pairs.
func (tab *lexTable) full() bool { return 2*(tab.n+1) > len(tab.slots) }

// add puts the pairs of p that tab lacks into it, while it is not full.
func (tab *lexTable) add(p []lexCacheSlot) {
	for _, e := range p {
		if tab.full() {
			return
		}
		if sl := tab.find(e.fold, e.kind, e.hash); sl.kind == 0 {
			*sl = e
			tab.n++
		}
	}
}

// publishLex adds p to the shared table: a new table, the old one's
// pairs and p's.
func publishLex(p []lexCacheSlot) {
	lexSharedMu.Lock()
	defer lexSharedMu.Unlock()
	cur := lexShared.Load()
	if cur != nil && cur.full() {
		return
	}
	nt := &lexTable{slots: make([]lexCacheSlot, lexTableSize)}
	if cur != nil {
		copy(nt.slots, cur.slots)
		nt.n = cur.n
	}
	nt.add(p)
	lexShared.Store(nt)
}

// classifyShared sets t's classes as classifyOne does, from tab (the
// shared table as the article started; nil when there is none yet) when
// it holds t's fold and kind (h is the fold's hash), and keeps a new pair
// for the next batch.
func (v *vocab) classifyShared(tab *lexTable, t *Token, h uint32) {
	if tab != nil {
		if sl := tab.find(t.Fold, t.Kind, h); sl.kind != 0 {
			t.cls, t.qv = sl.cls, sl.qv
			return
		}
	}
	classifyOne(t)
	if t.Kind != 0 && (tab == nil || !tab.full()) && len(v.pending) < 4*lexBatch {
		v.pending = append(v.pending, lexCacheSlot{fold: strings.Clone(t.Fold), hash: h, cls: t.cls, qv: t.qv, kind: t.Kind})
	}
}

// vocabSlot is a slot of the table: a fold and its id, 0 when empty.
type vocabSlot struct {
	fold string
	hash uint32
	id   uint16
}

// vocabEntry is the classes of a fold, as classify sets them in a token
// of kind kind (qtyClassOf depends on the kind too), and the slot that
// holds it.
type vocabEntry struct {
	cls  lexClass
	slot uint32
	qv   uint8
	kind TokenKind
}

// vocabSeed seeds the table's hash; ids do not depend on it (they are
// given in token order).
var vocabSeed = maphash.MakeSeed()

// vocabs recycles vocabularies: their tables and entries are kept across
// articles.
var vocabs = sync.Pool{New: func() any {
	return &vocab{slots: make([]vocabSlot, 2048), ents: make([]vocabEntry, 1, 1024)}
}}

// maxPooledVocab bounds the vocabularies kept for the next article.
const maxPooledVocab = 1 << 13

func newVocab() *vocab { return vocabs.Get().(*vocab) }

// release gives v back for another article; no token of the article
// may be used with it after.
func (v *vocab) release() {
	if len(v.pending) >= lexBatch {
		publishLex(v.pending)
		v.pending = v.pending[:0]
	}
	if len(v.ents) > maxPooledVocab {
		return
	}
	v.reset()
	vocabs.Put(v)
}

// reset empties v, clearing only the slots in use.
func (v *vocab) reset() {
	for _, e := range v.ents[1:] {
		v.slots[e.slot] = vocabSlot{}
	}
	v.ents = v.ents[:1]
}

// size is one more than the largest id.
func (v *vocab) size() int { return len(v.ents) }

// find returns the slot of fold f with hash h, or the empty slot where
// it would go.
func (v *vocab) find(f string, h uint32) uint32 {
	mask := uint32(len(v.slots) - 1)
	i := h & mask
	for {
		sl := &v.slots[i]
		if sl.id == 0 || sl.hash == h && sl.fold == f {
			return i
		}
		i = (i + 1) & mask
	}
}

// lookup returns the id of fold f, or 0.
func (v *vocab) lookup(f string) uint16 {
	h := uint32(maphash.String(vocabSeed, f))
	return v.slots[v.find(f, h)].id
}

// grow doubles the table, keeping every fold's id.
func (v *vocab) grow() {
	old := v.slots
	v.slots = make([]vocabSlot, 2*len(old))
	for id := 1; id < len(v.ents); id++ {
		sl := old[v.ents[id].slot]
		i := v.find(sl.fold, sl.hash)
		v.slots[i] = sl
		v.ents[id].slot = i
	}
}

// classify sets the word classes and ids of toks: what classifyOne sets,
// with one look-up of the lexicon per distinct fold.
func (v *vocab) classify(toks []Token) {
	tab := lexShared.Load()
	for i := range toks {
		t := &toks[i]
		h := uint32(maphash.String(vocabSeed, t.Fold))
		k := v.find(t.Fold, h)
		id := v.slots[k].id
		if id == 0 {
			v.classifyShared(tab, t, h)
			if len(v.ents) >= maxVocab+1 {
				continue // no id left: classified on its own
			}
			id = uint16(len(v.ents))
			v.slots[k] = vocabSlot{fold: t.Fold, hash: h, id: id}
			v.ents = append(v.ents, vocabEntry{cls: t.cls, slot: k, qv: t.qv, kind: t.Kind})
			t.id = id
			if 2*len(v.ents) > len(v.slots) {
				v.grow()
			}
			continue
		}
		e := &v.ents[id]
		t.id = id
		if e.kind == t.Kind {
			t.cls, t.qv = e.cls, e.qv
			continue
		}
		// The same fold as another kind of token: classes depend on the
		// fold alone, quantity classes on the kind too.
		t.cls, t.qv = e.cls&^lcKnown, e.qv&^qvQtyMask
		t.qv |= qtyClassOf(t)
		t.cls |= lcKnown
	}
}

// idOf returns the id of t's fold in v, or 0 when it has none: a token
// classified with v carries it; one made otherwise is looked up.
func (v *vocab) idOf(t *Token) uint16 {
	if t.id != 0 {
		return t.id
	}
	if v == nil {
		return 0
	}
	return v.lookup(t.Fold)
}

// foldSet is a set of the folds of an article's tokens: a bit per id,
// and a map for folds without one.
type foldSet struct {
	v    *vocab
	bits []uint64
	more map[string]bool
}

// newSet returns an empty set of v's folds.
func (v *vocab) newSet() foldSet {
	n := 1
	if v != nil {
		n = v.size()
	}
	return foldSet{v: v, bits: make([]uint64, (n+63)/64)}
}

// add puts t's fold in the set.
func (s *foldSet) add(t *Token) {
	if id := s.v.idOf(t); id != 0 && int(id>>6) < len(s.bits) {
		s.bits[id>>6] |= 1 << (id & 63)
		return
	}
	if s.more == nil {
		s.more = map[string]bool{}
	}
	s.more[t.Fold] = true
}

// has reports whether t's fold is in the set.
func (s *foldSet) has(t *Token) bool {
	if id := s.v.idOf(t); id != 0 && int(id>>6) < len(s.bits) {
		return s.bits[id>>6]&(1<<(id&63)) != 0
	}
	return s.more[t.Fold]
}
