package compare

import (
	"math/rand"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/facts"
)

// spellingMembersRef is spellingMembers as it was: the shorter form
// looked for per statement, among every statement's form.
func spellingMembersRef(fs []facts.Fact, memo nameForms) ([]string, []bool) {
	keys := make([]string, len(fs))
	member := make([]bool, len(fs))
	forms := make([]nameForm, len(fs))
	for i, f := range fs {
		forms[i] = memo.of(f.Value)
	}
	byKey := map[string]nameForm{}
	for i, f := range fs {
		if f.Background {
			continue
		}
		best := forms[i]
		for j, o := range forms {
			if fs[j].Background || o.acronym != best.acronym || len(o.words) >= len(best.words) {
				continue
			}
			if containsSeq(best.words, o.words) {
				best = o
			}
		}
		keys[i] = best.key()
		byKey[keys[i]] = best
	}
	distinct := make([]string, 0, len(byKey))
	for k := range byKey {
		distinct = append(distinct, k)
	}
	sort.Strings(distinct)
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		if p, ok := parent[x]; ok && p != x {
			r := find(p)
			parent[x] = r
			return r
		}
		return x
	}
	linked := map[string]bool{}
	for i := range distinct {
		for j := i + 1; j < len(distinct); j++ {
			if spellingVariant(byKey[distinct[i]], byKey[distinct[j]]) {
				parent[find(distinct[j])] = find(distinct[i])
				linked[distinct[i]], linked[distinct[j]] = true, true
			}
		}
	}
	if len(linked) == 0 {
		return keys, member
	}
	size := map[string]int{}
	for i, k := range keys {
		if !fs[i].Background && linked[k] {
			size[find(k)]++
		}
	}
	root := ""
	for _, k := range distinct {
		r := find(k)
		if linked[k] && (root == "" || size[r] > size[root]) {
			root = r
		}
	}
	for i, k := range keys {
		member[i] = !fs[i].Background && linked[k] && find(k) == root
	}
	return keys, member
}

// Spellings of made-up names that hold one another as word runs, differ
// by a letter, or are acronyms with and without dots and capitals.
var spellingNames = []string{
	"Harbour Trust", "Port Alder Harbour Trust", "Trust", "Harbor Trust", "Harbour Trusts",
	"Port Alder", "Alder", "June Ellis", "Governor June Ellis", "Ellis", "Elis", "June Elis",
	"HT", "H.T.", "Ht", "PAHT", "P.A.H.T.", "Port Alder Harbor Trust", "Alder Harbour",
}

func TestSpellingMembersMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for round := range 3000 {
		names := spellingNames[:2+rng.Intn(len(spellingNames)-1)]
		fs := make([]facts.Fact, 1+rng.Intn(30))
		for i := range fs {
			fs[i].Value = names[rng.Intn(len(names))]
			fs[i].Background = rng.Intn(5) == 0
		}
		keys, member := spellingMembers(fs, nameForms{})
		wantKeys, wantMember := spellingMembersRef(fs, nameForms{})
		if !slices.Equal(keys, wantKeys) || !slices.Equal(member, wantMember) {
			t.Fatalf("round %d, %v:\nkeys   %q, members %v\nwant   %q, members %v", round, fs, keys, member, wantKeys, wantMember)
		}
	}
}

// spellingsRef is spellings as it was: for every fact, every article's
// spelling looked at, in the map's order.
func spellingsRef(fs []facts.Fact) map[string]string {
	words := map[string][]string{}
	for _, f := range fs {
		name := f.Surface
		if f.Kind == facts.KindEntity {
			name = f.Value
		}
		words[f.Article] = spellingWords(name)
	}
	out := map[string]string{}
	for _, f := range fs {
		w := words[f.Article]
		best := w
		for _, o := range words {
			if len(o) < len(best) && containsSeq(w, o) {
				best = o
			}
		}
		out[f.Article] = strings.Join(best, " ")
	}
	return out
}

// TestSpellingsMatchesReference holds spellings to the reference. Where
// an article's spelling holds two shortest spellings of other articles
// ("Port Alder" holds "Port" and "Alder") the reference took either, by
// the map's order: there spellings must take one of them.
func TestSpellingsMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	for round := range 3000 {
		names := spellingNames[:2+rng.Intn(len(spellingNames)-1)]
		fs := make([]facts.Fact, 1+rng.Intn(12))
		for i := range fs {
			fs[i].Article = string(rune('a' + rng.Intn(8)))
			fs[i].Value = names[rng.Intn(len(names))]
			fs[i].Surface = fs[i].Value
			if rng.Intn(2) == 0 {
				fs[i].Kind = facts.KindEntity
				fs[i].Surface = "the " + fs[i].Value
			}
		}
		got := spellings(fs)
		words := map[string][]string{}
		for _, f := range fs {
			name := f.Surface
			if f.Kind == facts.KindEntity {
				name = f.Value
			}
			words[f.Article] = spellingWords(name)
		}
		for range 4 { // the reference's map order varies from run to run
			want := spellingsRef(fs)
			if len(got) != len(want) {
				t.Fatalf("round %d: %d articles, reference %d", round, len(got), len(want))
			}
			for a, w := range want {
				if got[a] == w {
					continue
				}
				// Both must be shortest spellings the article's holds.
				g, ok := shortestHeld(words, a, got[a])
				if !ok || !g {
					t.Fatalf("round %d, article %s (%v): %q, reference %q", round, a, words[a], got[a], w)
				}
			}
		}
	}
}

// shortestHeld reports whether s is the spelling of some article that
// a's spelling holds, of the fewest words such a spelling has.
func shortestHeld(words map[string][]string, a, s string) (shortest, ok bool) {
	w := words[a]
	short := len(w)
	for _, o := range words {
		if containsSeq(w, o) && len(o) < short {
			short = len(o)
		}
	}
	for _, o := range words {
		if containsSeq(w, o) && strings.Join(o, " ") == s {
			return len(o) == short, true
		}
	}
	return false, false
}
