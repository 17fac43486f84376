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
// two articles, which are the ones that can agree or differ.
func (c comparer) general(fs []facts.Fact) []SlotResult {
	// Each slot's facts are copied once, into slices of their final size.
	// Quotes are not slotted: quoteSlots reads them, and the entity facts
	// (whether a quote's speaker is a person), from fs.
	// The slices are carved from one block, each with its size as its
	// capacity: hundreds of slots, one allocation.
	sizes := map[string]int{}
	total := 0
	for i := range fs {
		if fs[i].Kind != facts.KindQuote {
			sizes[fs[i].Slot]++
			total++
		}
	}
	block := make([]facts.Fact, total)
	bySlot := make(map[string][]facts.Fact, len(sizes))
	for i := range fs {
		f := &fs[i]
		if f.Kind == facts.KindQuote {
			continue
		}
		sf, ok := bySlot[f.Slot]
		if !ok {
			n := sizes[f.Slot]
			sf, block = block[:0:n], block[n:]
		}
		bySlot[f.Slot] = append(sf, *f)
	}
	c.story.tokens = tokenMemo{}
	c.story.words = wordsMemo{}
	names := nameMemo{m: map[string]sentenceNames{}, tokens: c.story.tokens}
	c.story.common = commonNames(fs, names)
	c.story.ledeEvent = ledeEvents(bySlot, mergeDateSlots(bySlot, c.story.common, names))
	out := make([]SlotResult, 0, len(bySlot))
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
	out = append(out, c.quoteSlots(fs)...)
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
