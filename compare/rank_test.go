package compare

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRankActionOrder(t *testing.T) {
	aspect := func(groups ...string) Difference {
		d := Difference{Field: "aspect"}
		for _, g := range groups {
			d.Groups = append(d.Groups, DiffGroup{Value: g})
		}
		return d
	}
	attribution := Difference{Field: "attribution", Groups: []DiffGroup{{Value: "asserted"}, {Value: "reported"}}}
	facts := []SlotResult{
		{Slot: "agreed", Status: Agree, Stated: 5},
		{Slot: "soft", Status: Nuance, Stated: 4, Differences: []Difference{aspect("completed", aspectName(""))}},
		{Slot: "aspect", Status: Nuance, Stated: 2, Differences: []Difference{aspect("completed", "ongoing")}},
		{Slot: "hedge-few", Status: Nuance, Stated: 2, Differences: []Difference{attribution}},
		{Slot: "hedge-many", Status: Nuance, Stated: 5, Differences: []Difference{attribution}},
		{Slot: "spelling", Status: Variant, Stated: 3},
		{Slot: "general-left-out", Status: Omission, Stated: 3, Generated: true},
		{Slot: "left-out", Status: Omission, Stated: 3},
		{Slot: "contradiction", Status: Contradiction, Stated: 2, Generated: true},
	}
	rank(facts)
	got := make([]string, len(facts))
	for _, f := range facts {
		got[f.Rank-1] = f.Slot
	}
	want := []string{"contradiction", "left-out", "general-left-out", "hedge-many", "hedge-few", "aspect", "spelling", "soft", "agreed"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reading order (-want +got):\n%s", diff)
	}
	soft := map[string]bool{}
	for _, f := range facts {
		if f.Soft {
			soft[f.Slot] = true
		}
	}
	if diff := cmp.Diff(map[string]bool{"soft": true}, soft); diff != "" {
		t.Errorf("soft nuances (-want +got):\n%s", diff)
	}
}
