package compare

import (
	"math/rand"
	"sort"
	"testing"

	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/google/go-cmp/cmp"
)

// generalRef is general as it was: each slot's facts copied into a block
// of their own, fs left in its order, quotes compared last.
func (c comparer) generalRef(fs []facts.Fact) []SlotResult {
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

// TestGeneralMatchesReference compares the bench topic's general slots,
// with its facts in Compare's order and shuffled (so that slots' facts
// lie apart and quotes and entities are interleaved), and with a few
// articles only, against the reference, each on a comparer of its own.
func TestGeneralMatchesReference(t *testing.T) {
	tp, arts, fs := benchTopic(t)
	sort.Slice(arts, func(i, j int) bool { return arts[i].ID < arts[j].ID })
	topicSlots := map[string]bool{}
	for _, s := range tp.Slots {
		topicSlots[s.ID] = true
	}
	shuffled := append([]facts.Fact(nil), fs...)
	rand.New(rand.NewSource(2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	newComparer := func(set []facts.Article) comparer {
		return comparer{articles: set, labels: articleLabels(set), sourceOf: map[string]int{}, forms: nameForms{}, speakers: newSpeakerTable(), scratch: newSingleScratch(set)}
	}
	for _, tc := range []struct {
		name string
		arts []facts.Article
		fs   []facts.Fact
	}{
		{"sorted", arts, fs},
		{"shuffled", arts, shuffled},
		{"three articles", arts[:3], fs},
		{"none", arts, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			general, _ := splitSorted(tc.fs, topicSlots)
			if tc.name == "shuffled" {
				general = append(general[:0:0], tc.fs...)
			}
			c, ref := newComparer(tc.arts), newComparer(tc.arts)
			gotIn := alignEntities(append([]facts.Fact(nil), general...), c.forms)
			wantIn := alignEntities(append([]facts.Fact(nil), general...), ref.forms)
			want := ref.generalRef(wantIn)
			got := c.general(gotIn)
			if len(want) == 0 && tc.name != "none" {
				t.Fatal("the reference found no general slot: the test compares nothing")
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("general slots (-want +got):\n%s", diff)
			}
		})
	}
}

// TestGroupBySlot holds groupBySlot to filtering: each slot's piece has
// the slot's facts in their order in the input, no quote, and room for
// nothing more; the quotes are left at the end in their order.
func TestGroupBySlot(t *testing.T) {
	_, _, fs := benchTopic(t)
	in := append([]facts.Fact(nil), fs...)
	rand.New(rand.NewSource(4)).Shuffle(len(in), func(i, j int) { in[i], in[j] = in[j], in[i] })
	want := map[string][]facts.Fact{}
	var quotes []facts.Fact
	for _, f := range in {
		if f.Kind == facts.KindQuote {
			quotes = append(quotes, f)
			continue
		}
		want[f.Slot] = append(want[f.Slot], f)
	}
	if len(quotes) == 0 || len(want) < 2 {
		t.Fatal("the bench facts have no quotes or one slot: the test compares little")
	}
	got := groupBySlot(in)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("slots' facts (-want +got):\n%s", diff)
	}
	for id, sf := range got {
		if cap(sf) != len(sf) {
			t.Errorf("slot %s: capacity %d for %d facts: an append would write over the next slot", id, cap(sf), len(sf))
		}
	}
	if diff := cmp.Diff(quotes, in[len(in)-len(quotes):]); diff != "" {
		t.Errorf("quotes at the end (-want +got):\n%s", diff)
	}
}
