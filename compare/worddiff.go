package compare

import (
	"slices"
	"strings"
	"unicode"

	"github.com/crosscheck-news/crosscheck/facts"
)

// wordDiff diffs two surfaces word by word, case- and accent-blind.
func wordDiff(a, b string) []DiffOp {
	as, ak := diffWords(a)
	bs, bk := diffWords(b)
	return quoteWordDiff(as, ak, bs, bk)
}

func diffWords(s string) (shown, keys []string) {
	shown = strings.Fields(s)
	keys = make([]string, len(shown))
	for i, w := range shown {
		keys[i] = facts.Fold(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
	}
	return shown, keys
}

// addDiffs gives every value whose surface differs from the slot's first
// value a word diff against it, where the articles differ at all; quotes
// come with theirs.
func addDiffs(sr *SlotResult) {
	if sr.Kind == string(facts.KindQuote) || sr.Status == Agree || len(sr.Values) < 2 {
		return
	}
	byValue := map[string]string{} // for sets: the first surface of each element
	// Outlets write the same surfaces: each pair is folded and diffed once.
	type pair struct{ first, surface string }
	diffs := map[pair][]DiffOp{}
	folds := map[string]string{}
	fold := func(s string) string {
		f, ok := folds[s]
		if !ok {
			f = facts.Fold(s)
			folds[s] = f
		}
		return f
	}
	set := sr.Kind == string(facts.KindEntitySet)
	// Other slots diff every value against the first: its surface and
	// fold are kept rather than looked up again for each value.
	first, firstFold := sr.Values[0].Surface, fold(sr.Values[0].Surface)
	for i := range sr.Values {
		v := &sr.Values[i]
		ff := firstFold
		if set {
			f, ok := byValue[v.Value]
			if !ok {
				byValue[v.Value] = v.Surface
				continue
			}
			first, ff = f, fold(f)
		} else if i == 0 {
			continue
		}
		if ff != fold(v.Surface) {
			k := pair{first, v.Surface}
			d, ok := diffs[k]
			if !ok {
				d = wordDiff(first, v.Surface)
				diffs[k] = d
			}
			v.Diff = slices.Clone(d)
		}
	}
}
