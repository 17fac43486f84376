package compare

import (
	"math/rand"
	"slices"
	"sort"
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
