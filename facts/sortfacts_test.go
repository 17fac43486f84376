package facts

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSortFactsMatchesSliceStable: sortFacts (indices sorted, the
// permutation applied in place) gives sort.SliceStable's order, ties kept
// in input order, on facts with many equal keys.
func TestSortFactsMatchesSliceStable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 60 {
		fs := make([]Fact, n)
		for i := range fs {
			fs[i] = Fact{
				Span:  Span{Start: r.IntN(8)},
				Slot:  fmt.Sprintf("s%d", r.IntN(3)),
				Value: fmt.Sprint(i), // tells equal keys apart
			}
		}
		want := append([]Fact{}, fs...)
		sort.SliceStable(want, func(i, j int) bool {
			if want[i].Span.Start != want[j].Span.Start {
				return want[i].Span.Start < want[j].Span.Start
			}
			return want[i].Slot < want[j].Slot
		})
		sortFacts(fs)
		if diff := cmp.Diff(want, fs); diff != "" {
			t.Fatalf("%d facts: (-sort.SliceStable +sortFacts)\n%s", n, diff)
		}
	}
}
