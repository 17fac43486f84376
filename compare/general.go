package compare

import (
	"cmp"
	"slices"
	"strings"

	"github.com/crosscheck-news/crosscheck/facts"
)

// generalKindOrder is the order general slots appear in, after the
// topic's own slots: what desks check first, first.
var generalKindOrder = map[facts.Kind]int{
	facts.KindDate: 0, facts.KindNumber: 1, facts.KindDuration: 2, facts.KindCount: 3,
	facts.KindEvent: 4, facts.KindTitle: 5, facts.KindQuote: 6, facts.KindEntity: 7,
}

// general compares the facts of generated slots: those stated by at least
// two articles, which are the ones that can agree or differ. fs is
// general's own: it is reordered in place, so that each slot's facts are
// a piece of it rather than a copy (a 232-byte fact each, thousands a
// story). Quotes are not slotted: quoteSlots reads them, and the entity
// facts (whether a quote's speaker is a person), from fs in its order,
// before the reordering; it reads nothing single or the slot pieces
// write, and the results are sorted by kind after, so its running first
// changes nothing.
func (c comparer) general(fs []facts.Fact) []SlotResult {
	quoted := c.quoteSlots(fs)
	c.story.tokens = tokenMemo{}
	c.story.words = wordsMemo{}
	c.story.frames = frameMemo{}
	names := nameMemo{m: map[string]sentenceNames{}, tokens: c.story.tokens, articles: c.articles, paras: c.paras}
	c.story.common = commonNames(fs, names)
	bySlot := groupBySlot(fs)
	c.story.ledeEvent = ledeEvents(bySlot, mergeDateSlots(bySlot, c.story.common, names))
	out := make([]SlotResult, 0, len(bySlot)+len(quoted))
	for id, sf := range bySlot {
		if !statingTwo(sf) {
			continue
		}
		sortFacts(sf)
		label := ""
		for _, f := range sf {
			if f.Label != "" {
				label = f.Label
				break
			}
		}
		out = append(out, c.single(facts.Slot{ID: id, Kind: sf[0].Kind, Label: label}, sf, true))
	}
	out = append(out, quoted...)
	return sortGeneral(out)
}

// sortGeneral orders general slots by kind (generalKindOrder), then
// the fewest articles missing, then slot id, keeping the order of ties.
// The kinds are ranked once per slot and the results, large structs,
// moved once, where a stable sort of the results themselves looked two
// kinds up per comparison and swapped results about.
func sortGeneral(out []SlotResult) []SlotResult {
	rank := make([]int, len(out))
	idx := make([]int32, len(out))
	for i := range out {
		rank[i] = generalKindOrder[facts.Kind(out[i].Kind)]
		idx[i] = int32(i)
	}
	slices.SortStableFunc(idx, func(a, b int32) int {
		if c := cmp.Compare(rank[a], rank[b]); c != 0 {
			return c
		}
		if c := cmp.Compare(len(out[a].Missing), len(out[b].Missing)); c != 0 {
			return c
		}
		return strings.Compare(out[a].Slot, out[b].Slot)
	})
	sorted := make([]SlotResult, len(out))
	for k, i := range idx {
		sorted[k] = out[i]
	}
	return sorted
}

// groupBySlot reorders fs in place so that the facts of each slot but
// quotes are together, in their order in fs, and returns each slot's
// piece, its length as its capacity (mergeDateSlots and single may append
// to one without writing over the next). Quotes go to the end.
func groupBySlot(fs []facts.Fact) map[string][]facts.Fact {
	// Slots are numbered in the order they first appear, with one look-up
	// of the slot per fact; where they go and how many they hold is then
	// kept by number (three look-ups per fact before).
	num := map[string]int32{}
	var slots []string
	var sizes []int
	ids := make([]int32, len(fs))
	total := 0
	for i := range fs {
		if fs[i].Kind == facts.KindQuote {
			ids[i] = -1
			continue
		}
		id, ok := num[fs[i].Slot]
		if !ok {
			id = int32(len(slots))
			num[fs[i].Slot] = id
			slots = append(slots, fs[i].Slot)
			sizes = append(sizes, 0)
		}
		ids[i] = id
		sizes[id]++
		total++
	}
	// from[j] is the index in fs of the fact that goes to j; a slot's
	// place follows the slots that appear before it, and next is where
	// its next fact goes.
	from := make([]int32, len(fs))
	next := make([]int, len(slots))
	placed := 0
	for id, n := range sizes {
		next[id] = placed
		placed += n
	}
	q := total
	for i := range fs {
		id := ids[i]
		if id < 0 {
			from[q] = int32(i)
			q++
			continue
		}
		from[next[id]] = int32(i)
		next[id]++
	}
	// Each cycle of the permutation is walked once, one fact held aside;
	// a walked place is marked -1.
	for j := range from {
		if from[j] < 0 || int(from[j]) == j {
			continue
		}
		held := fs[j]
		k := j
		for {
			s := int(from[k])
			from[k] = -1
			if s == j {
				fs[k] = held
				break
			}
			fs[k] = fs[s]
			k = s
		}
	}
	bySlot := make(map[string][]facts.Fact, len(slots))
	for id, slot := range slots {
		end, n := next[id], sizes[id]
		bySlot[slot] = fs[end-n : end : end]
	}
	return bySlot
}
