package facts

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// eventTopic is a one-slot topic: an army leaving a garrison town.
func eventTopic() *Topic {
	return &Topic{
		ID:   "garrison",
		Date: "2026-03-10",
		Entities: []Entity{
			{ID: "harwick", Name: "Harwick", Aliases: []string{"Harwick garrison"}},
			{ID: "delmar", Name: "Delmar"},
		},
		Slots: []Slot{{
			ID:       "harwick.withdrawal",
			Kind:     KindEvent,
			Triggers: []string{"withdraw", "withdrawal", "pull out", "evacuate"},
			Argument: "harwick",
		}},
	}
}

func TestEventSlot(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		// Aspect.
		{"simple past", "Troops withdrew from Harwick on Monday.",
			[]string{`"withdrew from Harwick"=harwick completed asserted`}},
		{"present perfect", "Troops have withdrawn from Harwick.",
			[]string{`"withdrawn from Harwick"=harwick completed asserted`}},
		{"past perfect", "The army had withdrawn from Harwick by then.",
			[]string{`"withdrawn from Harwick"=harwick completed asserted`}},
		{"past progressive", "Troops were withdrawing from Harwick.",
			[]string{`"withdrawing from Harwick"=harwick ongoing asserted`}},
		{"present progressive", "The army is withdrawing from Harwick.",
			[]string{`"withdrawing from Harwick"=harwick ongoing asserted`}},
		{"have begun withdrawing", "Troops have begun withdrawing from Harwick.",
			[]string{`"withdrawing from Harwick"=harwick ongoing asserted`}},
		{"continues to withdraw", "The army continues to withdraw from Harwick.",
			[]string{`"withdraw from Harwick"=harwick ongoing asserted`}},
		{"started to withdraw", "The army started to withdraw from Harwick.",
			[]string{`"withdraw from Harwick"=harwick ongoing asserted`}},
		{"will withdraw", "The army will withdraw from Harwick.",
			[]string{`"withdraw from Harwick"=harwick planned asserted`}},
		{"plans to withdraw", "The army plans to withdraw from Harwick.",
			[]string{`"withdraw from Harwick"=harwick planned asserted`}},
		{"is expected to withdraw", "The army is expected to withdraw from Harwick.",
			[]string{`"withdraw from Harwick"=harwick planned asserted`}},
		{"the withdrawal: unspecified", "The withdrawal from Harwick was orderly.",
			[]string{`"withdrawal from Harwick"=harwick asserted`}},
		{"noun after have and been stays unspecified", "There has been no withdrawal from Harwick.",
			[]string{`"withdrawal from Harwick"=harwick asserted negated`}},

		// Polarity.
		{"did not withdraw", "Troops did not withdraw from Harwick.",
			[]string{`"withdraw from Harwick"=harwick completed asserted negated`}},
		{"didn't withdraw", "Troops didn't withdraw from Harwick.",
			[]string{`"withdraw from Harwick"=harwick completed asserted negated`}},
		{"never withdrew", "Troops never withdrew from Harwick.",
			[]string{`"withdrew from Harwick"=harwick completed asserted negated`}},
		{"denied withdrawing", "The ministry denied withdrawing from Harwick.",
			[]string{`"withdrawing from Harwick"=harwick asserted negated`}},
		{"denied that", "The ministry denied that troops withdrew from Harwick.",
			[]string{`"withdrew from Harwick"=harwick completed asserted negated`}},
		{"refused to withdraw", "The army refused to withdraw from Harwick.",
			[]string{`"withdraw from Harwick"=harwick asserted negated`}},
		{"no withdrawal", "Officials said there would be no withdrawal from Harwick.",
			[]string{`"withdrawal from Harwick"=harwick reported(Officials) negated`}},
		{"negation in an earlier clause does not reach", "The talks did not resume, and troops withdrew from Harwick.",
			[]string{`"withdrew from Harwick"=harwick completed asserted`}},

		// Attribution.
		{"hedged", "Troops reportedly withdrew from Harwick.",
			[]string{`"withdrew from Harwick"=harwick completed reported`}},
		{"trailing source", "Troops withdrew from Harwick, officials said.",
			[]string{`"withdrew from Harwick"=harwick completed reported(officials)`}},

		// Multi-word triggers and inflections.
		{"pulled out", "Troops pulled out of Harwick last week.",
			[]string{`"pulled out of Harwick"=harwick completed asserted`}},
		{"will pull out", "Troops will pull out of Harwick.",
			[]string{`"pull out of Harwick"=harwick planned asserted`}},
		{"evacuated", "Residents evacuated Harwick overnight.",
			[]string{`"evacuated Harwick"=harwick completed asserted`}},
		{"are evacuating", "Crews are evacuating Harwick.",
			[]string{`"evacuating Harwick"=harwick ongoing asserted`}},
		{"evacuation noun", "The evacuation of Harwick began at dawn.",
			[]string{`"evacuation of Harwick"=harwick asserted`}},
		{"argument before trigger", "In Harwick, troops withdrew overnight.",
			[]string{`"Harwick, troops withdrew"=harwick completed asserted`}},
		{"argument by a longer alias", "Troops withdrew from the Harwick garrison.",
			[]string{`"withdrew from the Harwick garrison"=harwick completed asserted`}},
		{"nearest of two argument mentions", "Harwick mayors said troops withdrew from Harwick.",
			[]string{`"withdrew from Harwick"=harwick completed reported(Harwick mayors)`}},
		{"one fact per sentence, the first trigger", "Troops withdrew from Harwick and will evacuate the rest.",
			[]string{`"withdrew from Harwick"=harwick completed asserted`}},

		// Must not match.
		{"trigger and argument in different sentences", "Troops withdrew. Harwick was quiet.",
			[]string{}},
		{"not a trigger", "Troops pulled back from Harwick.",
			[]string{}},
		{"other argument", "Troops withdrew from Delmar.",
			[]string{}},
		{"argument across a contrast", "The army withdrew from Delmar but stayed in Harwick.",
			[]string{}},
		{"pull without out", "Tugs pull ferries into Harwick.",
			[]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := extractText(t, eventTopic(), headline+tt.text+"\n")
			got := renderSlot(fs, "harwick.withdrawal")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestEventSlotSentences checks one fact per sentence and that facts of a
// longer article keep their own sentences.
func TestEventSlotSentences(t *testing.T) {
	text := headline + "Troops withdrew from Harwick on Monday. Delmar stayed calm.\n\n" +
		"By Friday the army had not evacuated Harwick, the mayor said.\n"
	fs := extractText(t, eventTopic(), text)
	got := []string{}
	for _, f := range fs {
		got = append(got, renderFact(f)+" | "+f.Sentence)
	}
	want := []string{
		`"withdrew from Harwick"=harwick completed asserted | Troops withdrew from Harwick on Monday.`,
		`"evacuated Harwick"=harwick completed reported(the mayor) negated | By Friday the army had not evacuated Harwick, the mayor said.`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestInflections(t *testing.T) {
	tests := []struct {
		word string
		want []string // forms that must be among the inflections
	}{
		{"evacuate", []string{"evacuate", "evacuates", "evacuated", "evacuating", "evacuation"}},
		{"withdraw", []string{"withdraws", "withdrew", "withdrawn", "withdrawing", "withdrawal"}},
		{"evict", []string{"evicted", "evicting", "eviction"}},
		{"stop", []string{"stopped", "stopping"}},
		{"rally", []string{"rallies", "rallied"}},
		{"Meet", []string{"meet", "met", "meets", "meeting"}},
		{"pull out", []string{"pull out", "pulled out", "pulls out", "pulling out"}},
	}
	for _, tt := range tests {
		got := map[string]bool{}
		for _, f := range inflections(tt.word) {
			got[f] = true
		}
		var missing []string
		for _, w := range tt.want {
			if !got[w] {
				missing = append(missing, w)
			}
		}
		if diff := cmp.Diff([]string(nil), missing); diff != "" {
			t.Errorf("inflections(%q) lacks forms (-want +got):\n%s", tt.word, diff)
		}
	}
}
