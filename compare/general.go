package compare

import (
	"sort"

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
	sort.SliceStable(out, func(i, j int) bool {
		ki, kj := generalKindOrder[facts.Kind(out[i].Kind)], generalKindOrder[facts.Kind(out[j].Kind)]
		if ki != kj {
			return ki < kj
		}
		if len(out[i].Missing) != len(out[j].Missing) {
			return len(out[i].Missing) < len(out[j].Missing)
		}
		return out[i].Slot < out[j].Slot
	})
	return out
}

// groupBySlot reorders fs in place so that the facts of each slot but
// quotes are together, in their order in fs, and returns each slot's
// piece, its length as its capacity (mergeDateSlots and single may append
// to one without writing over the next). Quotes go to the end.
func groupBySlot(fs []facts.Fact) map[string][]facts.Fact {
	sizes := map[string]int{}
	total := 0
	for i := range fs {
		if fs[i].Kind != facts.KindQuote {
			sizes[fs[i].Slot]++
			total++
		}
	}
	// from[j] is the index in fs of the fact that goes to j; a slot's
	// place is given when it first appears, and next is where its next
	// fact goes.
	from := make([]int32, len(fs))
	next := make(map[string]int, len(sizes))
	placed, q := 0, total
	for i := range fs {
		f := &fs[i]
		if f.Kind == facts.KindQuote {
			from[q] = int32(i)
			q++
			continue
		}
		j, ok := next[f.Slot]
		if !ok {
			j = placed
			placed += sizes[f.Slot]
		}
		next[f.Slot] = j + 1
		from[j] = int32(i)
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
	bySlot := make(map[string][]facts.Fact, len(sizes))
	for id, n := range sizes {
		end := next[id]
		bySlot[id] = fs[end-n : end : end]
	}
	return bySlot
}
