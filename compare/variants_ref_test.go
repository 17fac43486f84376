package compare

// The variant scan as it was, each form's articles in a map: the
// reference TestVariantsMatchReference holds variants to.

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/facts"
)

// variantsRef is variants as it was.
func variantsRef(topic *facts.Topic, articles []facts.Article, paras *paraTokens) []VariantGroup {
	v := newVariantScanRef(articles, paras)
	var groups []*variantGroupRef
	if topic != nil {
		for _, e := range topic.Entities {
			groups = append(groups, v.entityGroups(e)...)
		}
	}
	for _, g := range v.similarityGroups() {
		if mergeVariantGroupRef(groups, g) {
			continue
		}
		if topic != nil {
			g.canonical = entityCanonicalRef(topic, g)
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

// topic's articles.
type variantScanRef struct {
	ids   []string                      // article ids, in input order
	paras [][][]variantToken            // per article, per paragraph
	lower []bool                        // by key number: forms seen in lower case
	forms map[string]*variantFormAccRef // capitalised candidate forms
	order int
	// keys numbers the matching keys of the bodies' tokens, so that
	// alias matching compares integers.
	keys map[string]int32
}

// variantFormAccRef accumulates one form.

type variantFormAccRef struct {
	id      string
	display string
	arts    map[string]bool
	// last is the article add put in arts last (when hasLast).
	last    string
	hasLast bool
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

// neighbour keys of the forms already seen.
func (f *variantFormAccRef) neighbours(p []variantToken, i int, keys map[string][2]string) {
	if f.nbr == nil {
		f.nbr = map[string]bool{}
	}
	key := func(id string) [2]string {
		k, ok := keys[id]
		if !ok {
			nk := facts.NameKey(id)
			k = [2]string{"p:" + nk, "n:" + nk}
			keys[id] = k
		}
		return k
	}
	found := false
	if i > 0 && p[i-1].id != "" && p[i-1].cap && !p[i-1].allCaps && !p[i-1].initial {
		f.nbr[key(p[i-1].id)[0]] = true
		found = true
	}
	if i+1 < len(p) && p[i+1].id != "" && p[i+1].cap && !p[i+1].allCaps {
		f.nbr[key(p[i+1].id)[1]] = true
		found = true
	}
	if !found {
		f.alone = true
	}
}

// sameContextRef reports whether two forms can be one name: one of them is

// written alone somewhere, or they share a neighbouring name.
func sameContextRef(a, b *variantFormAccRef) bool {
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

func newVariantScanRef(articles []facts.Article, cache *paraTokens) *variantScanRef {
	v := &variantScanRef{forms: map[string]*variantFormAccRef{}, keys: map[string]int32{}}
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
		var paras [][]variantToken
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
	nbrKeys := map[string][2]string{}
	for ai, paras := range v.paras {
		for _, p := range paras {
			for i, t := range p {
				// A sentence-initial word counts when it is also capitalised
				// mid-sentence or never lower case; as a form seen in lower
				// case is a common word and never counts, that leaves: never
				// lower case.
				if t.id == "" || t.allCaps || !t.cap || v.lower[t.kid] {
					continue
				}
				v.add(v.forms, t, v.ids[ai])
				v.forms[t.id].neighbours(p, i, nbrKeys)
			}
		}
	}
	return v
}

// add records one occurrence of t's form in article art.

func (v *variantScanRef) add(forms map[string]*variantFormAccRef, t variantToken, art string) {
	f := forms[t.id]
	if f == nil {
		v.order++
		f = &variantFormAccRef{id: t.id, display: t.text, arts: map[string]bool{}, order: v.order}
		forms[t.id] = f
	}
	// The scan reads an article's tokens together: most occurrences are
	// of the article added last, already in arts.
	if !f.hasLast || f.last != art {
		f.arts[art] = true
		f.last, f.hasLast = art, true
	}
	f.count++
}

// variantTokens tokenises one paragraph and marks sentence starts.

type variantGroupRef struct {
	canonical string
	forms     map[string]*variantFormAccRef
}

func (g *variantGroupRef) articleCount() int {
	arts := map[string]bool{}
	for _, f := range g.forms {
		for a := range f.arts {
			arts[a] = true
		}
	}
	return len(arts)
}

func (g *variantGroupRef) result() VariantGroup {
	r := VariantGroup{Canonical: g.canonical}
	for _, f := range g.forms {
		arts := make([]string, 0, len(f.arts))
		for a := range f.arts {
			arts = append(arts, a)
		}
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

// entityGroups finds the spellings of one topic entity used across the

// articles.
func (v *variantScanRef) entityGroups(e facts.Entity) []*variantGroupRef {
	// The entity's spellings as sequences of token keys, longest first.
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

	// Occurrences: leftmost-longest alias matches in every paragraph. A
	// token that starts no alias is passed over at the cost of a look-up.
	starts := make([]bool, len(v.lower))
	for _, al := range aliases {
		if k := al[0].kid; k >= 0 {
			starts[k] = true
		}
	}
	forms := map[string]*variantFormAccRef{}
	for ai, paras := range v.paras {
		for _, p := range paras {
			for i := 0; i < len(p); {
				if !starts[p[i].kid] {
					i++
					continue
				}
				n := variantMatch(p, i, aliases)
				if n == 0 {
					i++
					continue
				}
				for _, t := range p[i : i+n] {
					if t.id != "" && !t.allCaps && !v.lower[t.kid] {
						v.add(forms, t, v.ids[ai])
					}
				}
				i += n
			}
		}
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
	comps := map[string]*variantGroupRef{}
	var roots []string
	for id, f := range forms {
		r := find(id)
		g := comps[r]
		if g == nil {
			g = &variantGroupRef{canonical: e.ID, forms: map[string]*variantFormAccRef{}}
			comps[r] = g
			roots = append(roots, r)
		}
		g.forms[id] = f
	}
	sort.Strings(roots)
	var out []*variantGroupRef
	for _, r := range roots {
		if g := comps[r]; len(g.forms) >= 2 && g.articleCount() >= 2 {
			out = append(out, g)
		}
	}
	return out
}

// variantTitle reports whether w is a title or descriptor that aliases

func (v *variantScanRef) similarityGroups() []*variantGroupRef {
	buckets := map[string][]*variantFormAccRef{}
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
	var out []*variantGroupRef
	for _, k := range keys {
		rest := buckets[k]
		sort.Slice(rest, func(i, j int) bool {
			a, b := rest[i], rest[j]
			if len(a.arts) != len(b.arts) {
				return len(a.arts) > len(b.arts)
			}
			if a.count != b.count {
				return a.count > b.count
			}
			return a.id < b.id
		})
		for len(rest) >= 2 {
			top := rest[0]
			g := &variantGroupRef{canonical: top.id, forms: map[string]*variantFormAccRef{top.id: top}}
			var left []*variantFormAccRef
			for _, f := range rest[1:] {
				if facts.SameName(f.id, top.id) && sameContextRef(f, top) {
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

// entityCanonicalRef is the id of the first topic entity that has one of g's

// forms as a one-word name or alias, or else g's own canonical.
func entityCanonicalRef(topic *facts.Topic, g *variantGroupRef) string {
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

// mergeVariantGroupRef folds similarity group g into the first entity group

// that shares a form with it, and reports whether there was one.
func mergeVariantGroupRef(groups []*variantGroupRef, g *variantGroupRef) bool {
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
				eg.forms[id] = &variantFormAccRef{id: id, display: f.display, arts: map[string]bool{}, count: f.count, order: f.order}
				ef = eg.forms[id]
			}
			for a := range f.arts {
				ef.arts[a] = true
			}
		}
		return true
	}
	return false
}

// TestVariantsMatchReference compares the bench topic's spelling
// variants, with its entities and without a topic, with an article given
// twice (one id, two places) and with a few articles, against the
// reference.
func TestVariantsMatchReference(t *testing.T) {
	tp, arts, _ := benchTopic(t)
	sort.Slice(arts, func(i, j int) bool { return arts[i].ID < arts[j].ID })
	dup := append(append([]facts.Article(nil), arts[:3]...), arts[2:]...)
	many := append(append([]facts.Article(nil), arts...), arts...) // over 64 places
	for _, tc := range []struct {
		name  string
		topic *facts.Topic
		arts  []facts.Article
	}{
		{"topic", tp, arts},
		{"no topic", nil, arts},
		{"an article twice", tp, dup},
		{"every article twice", tp, many},
		{"three articles", tp, arts[:3]},
		{"none", tp, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := variantsRef(tc.topic, tc.arts, &paraTokens{})
			got := variants(tc.topic, tc.arts, &paraTokens{})
			if len(want) == 0 && len(tc.arts) > 3 {
				t.Fatal("the reference found no variant: the test compares nothing")
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("variants (-want +got):\n%s", diff)
			}
		})
	}
}
