package compare

import (
	"math/bits"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/facts"
)

// VariantGroup is one proper name written in more than one way across the articles.
type VariantGroup struct {
	// ID names the finding, as SlotResult.ID does.
	ID        string        `json:"id"`
	Canonical string        `json:"canonical"` // the topic entity id, or the most common form folded
	Forms     []VariantForm `json:"forms"`
	// Verdict is the desk's latest verdict on the group, if any.
	Verdict *VerdictView `json:"verdict,omitempty"`
}

// VariantForm is one spelling and the articles that use it.
type VariantForm struct {
	Form     string   `json:"form"`
	Articles []string `json:"articles"` // article ids, sorted
}

// Variants finds the proper names that the articles spell in more than
// one way: Lattakia in one outlet and Latakia in another.
//
// Two passes feed it. The topic's entities come first: when articles use
// two or more of an entity's spellings (its name and aliases, matched as
// token sequences on folded, particle-free tokens) the entity is a group
// with its id as Canonical, whatever the spellings look like (Kyiv/Kiev).
// Multi-word aliases are reported by the token that differs ("Lattakia
// port" and "Latakia" give the forms Lattakia and Latakia). Then every
// capitalised word of the articles' bodies that never occurs in lower case
// (so common words and sentence-initial "The" drop out) is grouped by
// NameKey; forms that are SameName with their group's most common form
// make a group when they span at least two articles; its Canonical is the
// id of an entity that has one of its forms as a one-word name or alias,
// else the most common form (most articles, then most uses, then
// alphabetical), folded. A similarity group that shares a form with an
// entity group is merged into it rather than reported twice. An alias
// word standing where another alias has a title ("President Ellis",
// "June Ellis") is not taken for a spelling of it.
//
// A form is a word folded (facts.Fold) with any Arabic article prefix
// (al-, el-, ash-…) removed, so LATAKIA and Latakía are the form Latakia
// and al-Maliki is the form Maliki; the first surface seen is displayed.
//
// The result is sorted by Canonical, and each group's forms by number of
// articles (most first) then form; it is nil when there are no variants.
// topic may be nil.
func Variants(topic *facts.Topic, articles []facts.Article) []VariantGroup {
	return variants(topic, articles, nil)
}

func variants(topic *facts.Topic, articles []facts.Article, paras *paraTokens) []VariantGroup {
	v := newVariantScan(articles, paras)
	var groups []*variantGroup
	if topic != nil {
		aliases := make([][][]variantToken, len(topic.Entities))
		for k, e := range topic.Entities {
			aliases[k] = v.entityAliases(e)
		}
		at := v.aliasStarts(aliases)
		for k, e := range topic.Entities {
			groups = append(groups, v.entityGroups(e, aliases[k], at)...)
		}
	}
	for _, g := range v.similarityGroups() {
		if mergeVariantGroup(groups, g) {
			continue
		}
		if topic != nil {
			g.canonical = entityCanonical(topic, g)
		}
		groups = append(groups, g)
	}
	var out []VariantGroup
	for _, g := range groups {
		out = append(out, g.result())
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Canonical != out[j].Canonical {
			return out[i].Canonical < out[j].Canonical
		}
		return out[i].Forms[0].Form < out[j].Forms[0].Form
	})
	return out
}

// variantToken is one body word with what the scan needs of it.
type variantToken struct {
	text    string // the token as written
	id      string // folded, particle-free form; "" for punctuation
	key     string // matching key: id for words, Fold for the rest
	kid     int32  // key's number in variantScan.keys; -1 for a key no body has
	cap     bool   // capitalised (after any particle)
	allCaps bool   // an all-caps word: heading, acronym
	initial bool   // first word of a sentence
}

// variantScan holds the tokenised bodies and the case statistics of a
// topic's articles.
type variantScan struct {
	ids []string // article ids, in input order
	// place maps an article's place in ids to the first place of its id:
	// forms' article sets are bits by that place, so an id given twice
	// is one article, as in a set of ids.
	place []int
	words int                        // the length of an article set
	paras [][][]variantToken         // per article, per paragraph
	lower []bool                     // by key number: forms seen in lower case
	forms map[string]*variantFormAcc // capitalised candidate forms
	order int
	// keys numbers the matching keys of the bodies' tokens, so that
	// alias matching compares integers.
	keys map[string]int32
}

// variantFormAcc accumulates one form.
type variantFormAcc struct {
	id      string
	display string
	arts    artSet
	ids     []string // the scan's, which arts' bits number
	count   int
	order   int
	// nbr holds the name keys of the capitalised words next to the form
	// ("p:" before, "n:" after) and alone whether it was ever written
	// with none: "Ahmed Hassan" and "Ahmad Youssef" are two people, not
	// two spellings of one.
	nbr   map[string]bool
	alone bool
}

// neighbours records the capitalised words around p[i]; keys holds the
// neighbour keys of the words already seen.
func (f *variantFormAcc) neighbours(p []variantToken, i int, keys nbrKeys) {
	if f.nbr == nil {
		f.nbr = map[string]bool{}
	}
	found := false
	if i > 0 && p[i-1].id != "" && p[i-1].cap && !p[i-1].allCaps && !p[i-1].initial {
		f.nbr[keys.of(&p[i-1])[0]] = true
		found = true
	}
	if i+1 < len(p) && p[i+1].id != "" && p[i+1].cap && !p[i+1].allCaps {
		f.nbr[keys.of(&p[i+1])[1]] = true
		found = true
	}
	if !found {
		f.alone = true
	}
}

// nbrKeys holds the neighbour keys ("p:" and "n:" and the name key) of
// the scan's words by key number: a word's key is its form (id), so the
// number stands for the form, where a map hashed the form for every
// capitalised word beside another.
type nbrKeys struct {
	k    [][2]string
	done []bool
}

func newNbrKeys(n int) nbrKeys { return nbrKeys{k: make([][2]string, n), done: make([]bool, n)} }

// of returns the neighbour keys of t, a word (t.id is not "") of the
// scan's paragraphs.
func (m nbrKeys) of(t *variantToken) [2]string {
	if !m.done[t.kid] {
		nk := facts.NameKey(t.id)
		m.k[t.kid], m.done[t.kid] = [2]string{"p:" + nk, "n:" + nk}, true
	}
	return m.k[t.kid]
}

// sameContext reports whether two forms can be one name: one of them is
// written alone somewhere, or they share a neighbouring name.
func sameContext(a, b *variantFormAcc) bool {
	if a.nbr == nil || b.nbr == nil || a.alone || b.alone {
		return true
	}
	for k := range a.nbr {
		if b.nbr[k] {
			return true
		}
	}
	return false
}

func newVariantScan(articles []facts.Article, cache *paraTokens) *variantScan {
	v := &variantScan{forms: map[string]*variantFormAcc{}, keys: map[string]int32{}}
	first := make(map[string]int, len(articles))
	v.place = make([]int, len(articles))
	for ai := range articles {
		p, ok := first[articles[ai].ID]
		if !ok {
			p = ai
			first[articles[ai].ID] = ai
		}
		v.place[ai] = p
	}
	v.words = (len(articles) + 63) / 64
	// A paragraph run word for word by several outlets is marked and
	// numbered once: its tokens are only read after this, so the articles
	// share them. fresh holds the paragraphs marked here, to number.
	seen := map[string][]variantToken{}
	var fresh [][]variantToken
	for ai := range articles {
		a := &articles[ai]
		v.ids = append(v.ids, a.ID)
		// One block of tokens per article, cut into its paragraphs.
		n := 0
		for pi, sp := range a.Body {
			if sp.Start < 0 || sp.End > len(a.Text) || sp.Start >= sp.End {
				continue
			}
			if _, ok := seen[a.Text[sp.Start:sp.End]]; !ok {
				n += len(cache.of(a, pi))
			}
		}
		block := make([]variantToken, 0, n)
		paras := make([][]variantToken, 0, len(a.Body))
		for pi, sp := range a.Body {
			if sp.Start < 0 || sp.End > len(a.Text) || sp.Start >= sp.End {
				continue
			}
			text := a.Text[sp.Start:sp.End]
			p, ok := seen[text]
			if !ok {
				start := len(block)
				block = appendVariantTokens(block, cache.of(a, pi))
				p = block[start:len(block):len(block)]
				seen[text] = p
				fresh = append(fresh, p)
			}
			paras = append(paras, p)
		}
		v.paras = append(v.paras, paras)
	}
	for _, p := range fresh {
		for i := range p {
			t := &p[i]
			t.kid = intern(v.keys, t.key)
			if int(t.kid) == len(v.lower) {
				v.lower = append(v.lower, false)
			}
			// A word's key is its form (id): lower is by form.
			if t.id != "" && !t.allCaps && !t.cap {
				v.lower[t.kid] = true
			}
		}
	}
	// The forms by key number (a word's key is its form), looked up in
	// v.forms only when first met: the scan meets every capitalised
	// word of every article.
	byKey := make([]*variantFormAcc, len(v.lower))
	keys := newNbrKeys(len(v.lower))
	for ai, paras := range v.paras {
		for _, p := range paras {
			for i := range p {
				t := &p[i]
				// A sentence-initial word counts when it is also capitalised
				// mid-sentence or never lower case; as a form seen in lower
				// case is a common word and never counts, that leaves: never
				// lower case.
				if t.id == "" || t.allCaps || !t.cap || v.lower[t.kid] {
					continue
				}
				f := byKey[t.kid]
				if f == nil {
					f = v.add(v.forms, *t, ai)
					byKey[t.kid] = f
				} else {
					v.addTo(f, ai)
				}
				f.neighbours(p, i, keys)
			}
		}
	}
	return v
}

// add records one occurrence of t's form in the article at place ai.
func (v *variantScan) add(forms map[string]*variantFormAcc, t variantToken, ai int) *variantFormAcc {
	f := forms[t.id]
	if f == nil {
		v.order++
		f = &variantFormAcc{id: t.id, display: t.text, arts: make(artSet, v.words), ids: v.ids, order: v.order}
		forms[t.id] = f
	}
	v.addTo(f, ai)
	return f
}

// addTo records one more occurrence of f in the article at place ai.
func (v *variantScan) addTo(f *variantFormAcc, ai int) {
	f.arts.add(v.place[ai])
	f.count++
}

// artSet is a set of articles, a bit by the article's place in the
// scan's ids: a form's articles are added for every occurrence and
// counted and merged often, which a map hashed an id for each time.
type artSet []uint64

func (s artSet) add(i int) { s[i/64] |= 1 << (i % 64) }

// len is the number of articles in s.
func (s artSet) len() int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}

// or adds the articles of t, a set of the same scan, to s.
func (s artSet) or(t artSet) {
	for i := range s {
		s[i] |= t[i]
	}
}

// appendIDs appends the ids of s's articles to out, in ids' order.
func (s artSet) appendIDs(out []string, ids []string) []string {
	for wi, w := range s {
		for w != 0 {
			b := bits.TrailingZeros64(w)
			out = append(out, ids[wi*64+b])
			w &= w - 1
		}
	}
	return out
}

// variantTokens tokenises one paragraph and marks sentence starts.
func variantTokens(text string, sp facts.Span) []variantToken {
	return variantTokensOf(facts.Tokenize(text, sp.Start, sp.End))
}

// variantTokensOf marks sentence starts in a paragraph's tokens.
func variantTokensOf(toks []facts.Token) []variantToken {
	return appendVariantTokens(make([]variantToken, 0, len(toks)), toks)
}

// appendVariantTokens appends variantTokensOf(toks) to out.
func appendVariantTokens(out []variantToken, toks []facts.Token) []variantToken {
	initial := true
	for _, tok := range toks {
		t := variantToken{text: tok.Text, key: tok.Fold}
		if tok.Kind == facts.Punct {
			switch tok.Fold {
			case ".", "!", "?", "…":
				initial = true
			case `"`, "'", "(", "[", "-":
				// Opening quotes and brackets keep a sentence start.
			default:
				initial = false
			}
			out = append(out, t)
			continue
		}
		t.initial = initial
		initial = false
		if tok.Kind == facts.Word {
			bare := stripNameParticle(tok.Text)
			if variantHasLetter(bare) {
				// A word token's Fold is Fold of its text: fold again only
				// what a particle was cut from.
				t.id = tok.Fold
				if len(bare) != len(tok.Text) {
					t.id = facts.Fold(bare)
				}
				t.key = t.id
				r, _ := utf8.DecodeRuneInString(bare)
				t.cap = unicode.IsUpper(r)
				t.allCaps = variantAllCaps(bare)
			}
		}
		out = append(out, t)
	}
	return out
}

// stripNameParticle removes an Arabic article joined by a hyphen
// ("al-Maliki", "Al-Qaeda", "ash-Sh…") from the front of a word.
func stripNameParticle(w string) string {
	i := strings.IndexByte(w, '-')
	if i < 2 || i > 3 {
		return w
	}
	rest := w[i+1:]
	if utf8.RuneCountInString(rest) < 2 || !variantHasLetter(rest) {
		return w
	}
	if facts.IsNameParticle(facts.Fold(w[:i]), facts.Fold(rest)) {
		return rest
	}
	return w
}

func variantHasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// variantAllCaps reports whether s has two or more letters, all upper case.
func variantAllCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// variantGroup is a group under construction.
type variantGroup struct {
	canonical string
	forms     map[string]*variantFormAcc
}

func (g *variantGroup) articleCount() int {
	var arts artSet
	for _, f := range g.forms {
		if arts == nil {
			arts = make(artSet, len(f.arts))
		}
		arts.or(f.arts)
	}
	return arts.len()
}

func (g *variantGroup) result() VariantGroup {
	r := VariantGroup{Canonical: g.canonical}
	for _, f := range g.forms {
		arts := f.arts.appendIDs(make([]string, 0, f.arts.len()), f.ids)
		sort.Strings(arts)
		r.Forms = append(r.Forms, VariantForm{Form: f.display, Articles: arts})
	}
	sort.Slice(r.Forms, func(i, j int) bool {
		a, b := r.Forms[i], r.Forms[j]
		if len(a.Articles) != len(b.Articles) {
			return len(a.Articles) > len(b.Articles)
		}
		if a.Form != b.Form {
			return a.Form < b.Form
		}
		return strings.Join(a.Articles, "\x00") < strings.Join(b.Articles, "\x00")
	})
	return r
}

// entityAliases returns a topic entity's spellings as sequences of token
// keys, longest first; nil when it has fewer than two.
func (v *variantScan) entityAliases(e facts.Entity) [][]variantToken {
	var aliases [][]variantToken
	seen := map[string]bool{}
	for _, s := range append([]string{e.Name}, e.Aliases...) {
		toks := variantTokens(s, facts.Span{Start: 0, End: len(s)})
		var keys []string
		for i, t := range toks {
			keys = append(keys, t.key)
			toks[i].kid = -1
			if id, ok := v.keys[t.key]; ok {
				toks[i].kid = id
			}
		}
		k := strings.Join(keys, "\x00")
		if len(toks) == 0 || seen[k] {
			continue
		}
		seen[k] = true
		aliases = append(aliases, toks)
	}
	if len(aliases) < 2 {
		return nil
	}
	sort.SliceStable(aliases, func(i, j int) bool { return len(aliases[i]) > len(aliases[j]) })
	return aliases
}

// tokenPlace is where a token stands in a variantScan: v.paras[ai][pi][i].
type tokenPlace struct{ ai, pi, i int32 }

// aliasStarts returns, in the order of the scan, the places of the
// tokens whose key starts an alias of any of the entities: the topic's
// entities are matched one after another against these alone, where
// each read every token of every article again.
func (v *variantScan) aliasStarts(entities [][][]variantToken) []tokenPlace {
	starts := make([]bool, len(v.lower))
	any := false
	for _, aliases := range entities {
		for _, al := range aliases {
			if k := al[0].kid; k >= 0 {
				starts[k], any = true, true
			}
		}
	}
	if !any {
		return nil
	}
	var at []tokenPlace
	for ai, paras := range v.paras {
		for pi, p := range paras {
			for i := range p {
				if starts[p[i].kid] {
					at = append(at, tokenPlace{int32(ai), int32(pi), int32(i)})
				}
			}
		}
	}
	return at
}

// entityGroups finds the spellings of one topic entity used across the
// articles: aliases are its entityAliases, at the aliasStarts of the
// topic's entities.
func (v *variantScan) entityGroups(e facts.Entity, aliases [][]variantToken, at []tokenPlace) []*variantGroup {
	if len(aliases) < 2 {
		return nil
	}
	// Occurrences: leftmost-longest alias matches in every paragraph,
	// looked for only where a token starts an alias.
	starts := make([]bool, len(v.lower))
	for _, al := range aliases {
		if k := al[0].kid; k >= 0 {
			starts[k] = true
		}
	}
	forms := map[string]*variantFormAcc{}
	last, next := tokenPlace{ai: -1}, int32(0) // the last match, and the place after it
	for _, q := range at {
		p := v.paras[q.ai][q.pi]
		if !starts[p[q.i].kid] || q.ai == last.ai && q.pi == last.pi && q.i < next {
			continue // not this entity's, or inside the last match
		}
		n := variantMatch(p, int(q.i), aliases)
		if n == 0 {
			continue
		}
		for _, t := range p[q.i : int(q.i)+n] {
			if t.id != "" && !t.allCaps && !v.lower[t.kid] {
				v.add(forms, t, int(q.ai))
			}
		}
		last, next = q, q.i+int32(n)
	}
	if len(forms) < 2 {
		return nil
	}

	// Which spellings stand for one another: single-word aliases, words
	// in one place of aliases that are otherwise alike, and words that
	// are SameName.
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		p, ok := parent[x]
		if !ok || p == x {
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	union := func(a, b string) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		if ra > rb {
			ra, rb = rb, ra
		}
		parent[rb] = ra
	}
	words := make([][]string, len(aliases))
	for i, al := range aliases {
		for _, t := range al {
			if t.id != "" {
				words[i] = append(words[i], t.id)
			}
		}
	}
	for i := range words {
		for j := i + 1; j < len(words); j++ {
			a, b := words[i], words[j]
			if len(a) != len(b) || len(a) == 0 {
				continue
			}
			diff := -1
			for k := range a {
				if a[k] != b[k] {
					if diff >= 0 {
						diff = -2
						break
					}
					diff = k
				}
			}
			if diff >= 0 && !variantTitle(a[diff]) && !variantTitle(b[diff]) {
				union(a[diff], b[diff])
			}
		}
	}
	var all []string
	for _, ws := range words {
		all = append(all, ws...)
	}
	sort.Strings(all)
	for i := range all {
		for j := i + 1; j < len(all); j++ {
			if all[i] != all[j] && facts.SameName(all[i], all[j]) {
				union(all[i], all[j])
			}
		}
	}

	// One group per set of spellings used in two or more articles.
	comps := map[string]*variantGroup{}
	var roots []string
	for id, f := range forms {
		r := find(id)
		g := comps[r]
		if g == nil {
			g = &variantGroup{canonical: e.ID, forms: map[string]*variantFormAcc{}}
			comps[r] = g
			roots = append(roots, r)
		}
		g.forms[id] = f
	}
	sort.Strings(roots)
	var out []*variantGroup
	for _, r := range roots {
		if g := comps[r]; len(g.forms) >= 2 && g.articleCount() >= 2 {
			out = append(out, g)
		}
	}
	return out
}

// variantTitle reports whether w is a title or descriptor that aliases
// put before a name ("President Ellis" beside "June Ellis"): the word in
// its place is not another spelling of it. The titles are facts' own
// (facts.IsTitleWord); "the" and "late" come before names too.
func variantTitle(w string) bool { return facts.IsTitleWord(w) || w == "the" || w == "late" }

// variantMatch returns the token length of the longest alias matching p
// at i, or 0.
func variantMatch(p []variantToken, i int, aliases [][]variantToken) int {
	for _, al := range aliases {
		if i+len(al) > len(p) {
			continue
		}
		ok := true
		for k, t := range al {
			if p[i+k].kid != t.kid {
				ok = false
				break
			}
		}
		if ok {
			return len(al)
		}
	}
	return 0
}

// similarityGroups groups the capitalised candidate forms by NameKey.
func (v *variantScan) similarityGroups() []*variantGroup {
	buckets := map[string][]*variantFormAcc{}
	for id, f := range v.forms {
		if k := facts.NameKey(id); k != "" {
			buckets[k] = append(buckets[k], f)
		}
	}
	keys := make([]string, 0, len(buckets))
	for k, fs := range buckets {
		if len(fs) >= 2 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var out []*variantGroup
	for _, k := range keys {
		rest := buckets[k]
		sort.Slice(rest, func(i, j int) bool {
			a, b := rest[i], rest[j]
			if na, nb := a.arts.len(), b.arts.len(); na != nb {
				return na > nb
			}
			if a.count != b.count {
				return a.count > b.count
			}
			return a.id < b.id
		})
		for len(rest) >= 2 {
			top := rest[0]
			g := &variantGroup{canonical: top.id, forms: map[string]*variantFormAcc{top.id: top}}
			var left []*variantFormAcc
			for _, f := range rest[1:] {
				if facts.SameName(f.id, top.id) && sameContext(f, top) {
					g.forms[f.id] = f
				} else {
					left = append(left, f)
				}
			}
			if len(g.forms) >= 2 && g.articleCount() >= 2 {
				out = append(out, g)
			}
			rest = left
		}
	}
	return out
}

// entityCanonical is the id of the first topic entity that has one of g's
// forms as a one-word name or alias, or else g's own canonical.
func entityCanonical(topic *facts.Topic, g *variantGroup) string {
	for _, e := range topic.Entities {
		for _, s := range append([]string{e.Name}, e.Aliases...) {
			toks := variantTokens(s, facts.Span{Start: 0, End: len(s)})
			if len(toks) == 1 && toks[0].id != "" && g.forms[toks[0].id] != nil {
				return e.ID
			}
		}
	}
	return g.canonical
}

// mergeVariantGroup folds similarity group g into the first entity group
// that shares a form with it, and reports whether there was one.
func mergeVariantGroup(groups []*variantGroup, g *variantGroup) bool {
	ids := make([]string, 0, len(g.forms))
	for id := range g.forms {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, eg := range groups {
		shared := false
		for _, id := range ids {
			if eg.forms[id] != nil {
				shared = true
				break
			}
		}
		if !shared {
			continue
		}
		for _, id := range ids {
			f := g.forms[id]
			ef := eg.forms[id]
			if ef == nil {
				eg.forms[id] = &variantFormAcc{id: id, display: f.display, arts: make(artSet, len(f.arts)), ids: f.ids, count: f.count, order: f.order}
				ef = eg.forms[id]
			}
			ef.arts.or(f.arts)
		}
		return true
	}
	return false
}
