package compare

import "sort"

// What an editor must act on comes first: a contradiction, then a slot
// some outlet leaves out, then a hedge (one outlet attributes what another
// asserts), then other nuances, spellings and agreement. Within one of
// these, the slot more outlets state comes first: the main event is the
// one everybody reports.

// softNuance reports whether a nuance is one an editor need not act on:
// the only difference is an aspect that some outlet leaves unsaid ("talks
// in Moscow" against "met in Moscow"), which tells nothing about what
// happened. Soft nuances stay in the matrix and the JSON but are folded
// out of the summary.
func softNuance(sr *SlotResult) bool {
	if sr.Status != Nuance || len(sr.Differences) == 0 {
		return false
	}
	for _, d := range sr.Differences {
		if d.Field != "aspect" || len(d.Groups) != 2 {
			return false
		}
		unsaid := false
		for _, g := range d.Groups {
			if g.Value == aspectName("") {
				unsaid = true
			}
		}
		if !unsaid {
			return false
		}
	}
	return true
}

// hedged reports whether the articles differ in who they say a fact
// comes from: one reports it, another asserts it.
func hedged(sr *SlotResult) bool {
	for _, d := range sr.Differences {
		if d.Field == "attribution" {
			return true
		}
	}
	return false
}

// actionTier orders findings by what an editor must act on; lower first.
func actionTier(sr *SlotResult) int {
	switch {
	case sr.Status == Contradiction:
		return 0
	case sr.Status == Omission:
		return 1
	case sr.Status == Nuance && hedged(sr):
		return 2
	case sr.Status == Nuance && !sr.Soft:
		return 3
	case sr.Status == Variant:
		return 4
	case sr.Status == Nuance:
		return 5 // soft
	default:
		return 6
	}
}

// rank numbers the findings in the order an editor should read them
// (SlotResult.Rank, from 1). The order of res.Facts, which the matrix
// follows, is left alone: topic slots first, general facts by kind.
func rank(facts []SlotResult) {
	order := make([]int, len(facts))
	for i := range facts {
		facts[i].Soft = softNuance(&facts[i])
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := &facts[order[i]], &facts[order[j]]
		if ta, tb := actionTier(a), actionTier(b); ta != tb {
			return ta < tb
		}
		if a.Generated != b.Generated {
			return !a.Generated // the desk's own slots first
		}
		return a.Stated > b.Stated
	})
	for pos, i := range order {
		facts[i].Rank = pos + 1
	}
}
