package facts

import "sync"

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
// rest without an id, and the sets keep those in a map.
const maxVocab = 1<<16 - 1

// vocab numbers the distinct folds of one article.
type vocab struct {
	ids map[string]uint16
	// ents[id] is what classify learnt of the fold; ents[0] is unused.
	ents []vocabEntry
}

// vocabEntry is the classes of a fold, as classify sets them in a token
// of kind kind (qtyClassOf depends on the kind too).
type vocabEntry struct {
	cls  lexClass
	qv   uint8
	kind TokenKind
}

// vocabs recycles vocabularies: the map keeps its buckets across
// articles.
var vocabs = sync.Pool{New: func() any {
	return &vocab{ids: make(map[string]uint16, 1024), ents: make([]vocabEntry, 1, 1024)}
}}

// maxPooledVocab bounds the vocabularies kept for the next article.
const maxPooledVocab = 1 << 13

func newVocab() *vocab { return vocabs.Get().(*vocab) }

// release gives v back for another article; no token of the article
// may be used with it after.
func (v *vocab) release() {
	if len(v.ents) > maxPooledVocab {
		return
	}
	clear(v.ids)
	v.ents = v.ents[:1]
	vocabs.Put(v)
}

// size is one more than the largest id.
func (v *vocab) size() int { return len(v.ents) }

// classify sets the word classes and ids of toks: what classify sets,
// with one look-up of the lexicon per distinct fold.
func (v *vocab) classify(toks []Token) {
	for i := range toks {
		t := &toks[i]
		id, ok := v.ids[t.Fold]
		if !ok {
			if len(v.ents) >= maxVocab+1 {
				classifyOne(t) // no id left: classified on its own
				continue
			}
			classifyOne(t)
			id = uint16(len(v.ents))
			v.ids[t.Fold] = id
			v.ents = append(v.ents, vocabEntry{cls: t.cls, qv: t.qv, kind: t.Kind})
			t.id = id
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
	return v.ids[t.Fold]
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
