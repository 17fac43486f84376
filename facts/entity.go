package facts

import (
	"sort"
	"strings"
)

// Mention is one place an article names a topic entity.
type Mention struct {
	Entity  string // entity id
	Surface string // as written
	Span    Span
	// First and Last are the token indexes of the mention in its sentence.
	First, Last int
}

// aliasIndex finds topic entities by their names and aliases. It is built
// once per topic; finding is a map lookup per token.
type aliasIndex struct {
	// byFirst maps a first folded token to the aliases starting with it,
	// longest first so "Port Alder terminal" wins over "Port Alder".
	byFirst map[string][]alias
	// first filters byFirst's keys.
	first foldBloom
}

type alias struct {
	entity string
	toks   []string // folded tokens
}

// particles are name prefixes that transliterations attach with a hyphen,
// a space or nothing: "al-Assad", "Al Assad", "Assad".
var particles = []string{"al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-", "ibn-", "bin-", "abu-", "abd-"}

// StripParticle returns a folded word without a joined name particle
// ("al-assad" → "assad"), for comparing how names are spelled.
func StripParticle(fold string) string { return stripParticle(fold) }

// stripParticle returns a folded token without its name particle.
func stripParticle(f string) string {
	// Every particle ends in a hyphen at byte 2 or 3, and the word must
	// be longer than the particle by more than two bytes.
	if len(f) < 6 || f[2] != '-' && f[3] != '-' {
		return f
	}
	for _, p := range particles {
		if strings.HasPrefix(f, p) && len(f) > len(p)+2 {
			return f[len(p):]
		}
	}
	return f
}

func newAliasIndex(entities []Entity) *aliasIndex {
	idx := &aliasIndex{byFirst: map[string][]alias{}}
	for _, e := range entities {
		names := append([]string{e.Name}, e.Aliases...)
		seen := map[string]bool{}
		for _, n := range names {
			toks := Tokenize(n, 0, len(n))
			var folded []string
			for _, t := range toks {
				if t.Kind != Punct {
					folded = append(folded, stripParticle(t.Fold))
				}
			}
			// A leading particle written apart ("Al Hakim") is optional.
			if len(folded) > 1 && (folded[0] == "al" || folded[0] == "el") {
				folded = folded[1:]
			}
			key := strings.Join(folded, " ")
			if len(folded) == 0 || seen[key] {
				continue
			}
			seen[key] = true
			idx.byFirst[folded[0]] = append(idx.byFirst[folded[0]], alias{entity: e.ID, toks: folded})
		}
	}
	for k, list := range idx.byFirst {
		idx.first.add(k)
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].toks) > len(list[j].toks) })
		idx.byFirst[k] = list
	}
	return idx
}

// find returns the entity mentions among a sentence's tokens, longest
// match first, not overlapping.
func (idx *aliasIndex) find(text string, toks []Token) []Mention {
	if len(idx.byFirst) == 0 {
		return nil
	}
	var out []Mention
	for i := 0; i < len(toks); i++ {
		if toks[i].Kind == Punct {
			continue
		}
		f := stripParticle(toks[i].Fold)
		if !idx.first.may(f) {
			continue
		}
		list := idx.byFirst[f]
		for _, al := range list {
			if last, ok := matchAlias(toks, i, al.toks); ok {
				first := i
				// Keep a particle written apart in the surface: "El Paso".
				if i > 0 && (toks[i-1].Fold == "al" || toks[i-1].Fold == "el") && al.toks[0] != toks[i-1].Fold {
					first = i - 1
				}
				sp := Span{toks[first].Span.Start, toks[last].Span.End}
				out = append(out, Mention{Entity: al.entity, Surface: text[sp.Start:sp.End], Span: sp, First: first, Last: last})
				i = last
				break
			}
		}
	}
	return out
}

// matchAlias matches folded alias tokens at toks[i:], skipping
// punctuation inside the alias ("Tobruk, the port" does not match
// "Tobruk port", but "al-Hakim" matches "Hakim").
func matchAlias(toks []Token, i int, al []string) (int, bool) {
	j := i
	for k, want := range al {
		for j < len(toks) && toks[j].Kind == Punct && k > 0 && toks[j].Fold == "-" {
			j++
		}
		if j >= len(toks) || stripParticle(toks[j].Fold) != want {
			return 0, false
		}
		if k < len(al)-1 {
			j++
		}
	}
	return j, true
}
