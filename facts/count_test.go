package facts

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// countTopic counts a coach's visits, trips and meetings.
func countTopic(window int) *Topic {
	return &Topic{
		ID: "visits",
		Slots: []Slot{{
			ID:     "visit.count",
			Kind:   KindCount,
			Cues:   []string{"visit", "meeting", "meet", "trip", "inspection"},
			Window: window,
		}},
	}
}

// dated opens an article published on 2026-01-28.
const dated = "Coach returns to the northern league\nPosted on January 28, 2026\n\n"

func TestCountSlot(t *testing.T) {
	tests := []struct {
		name   string
		window int
		text   string
		want   []string
	}{
		// Ordinals and cardinals before the cue.
		{"second visit", 0, "The coach made his second visit to the stadium on Tuesday.",
			[]string{`"second visit"=2 asserted`}},
		{"third official visit", 0, "It was his third official visit to the region.",
			[]string{`"third official visit"=3 asserted`}},
		{"two visits", 0, "The inspectors made two visits to the plant.",
			[]string{`"two visits"=2 asserted`}},
		{"digits", 0, "The inspectors made 4 visits to the plant.",
			[]string{`"4 visits"=4 asserted`}},
		{"2nd meeting", 0, "Their 2nd meeting ended without a deal.",
			[]string{`"2nd meeting"=2 asserted`}},
		{"fifth trip after a possessive", 0, "The mayor's fifth trip abroad began on Monday.",
			[]string{`"fifth trip"=5 asserted`}},
		{"two modifiers fit the default window", 0, "It was her fourth official state visit.",
			[]string{`"fourth official state visit"=4 asserted`}},
		{"hedged count", 0, "It was reportedly his sixth trip to the coast.",
			[]string{`"sixth trip"=6 reported`}},

		// Repetition after the cue.
		{"visited twice", 0, "The envoy visited twice this year.",
			[]string{`"visited twice"=2 asserted`}},
		{"met three times", 0, "The rivals have met three times since March.",
			[]string{`"met three times"=3 asserted`}},
		{"met the union twice", 0, "The minister met the union twice.",
			[]string{`"met the union twice"=2 asserted`}},
		{"visited once", 0, "The premier visited once, in 2019.",
			[]string{`"visited once"=1 asserted`}},

		// Must not match.
		{"a percentage is a measure", 0, "Turnout rose to 80 percent of visitors at the fair.",
			[]string{}},
		{"percent sign", 0, "Sales rose 12 % per visit.",
			[]string{}},
		{"a vague scale word is not a count", 0, "A few hundred visits were booked, and two thousand visits more.",
			[]string{}},
		{"sentence break between number and cue", 0, "He came second. Visit the website for details.",
			[]string{}},
		{"comma between number and cue", 0, "The team finished second, a visit later.",
			[]string{}},
		{"ordinal beyond the window", 0, "The second round of talks at the old ministry was a visit.",
			[]string{}},
		{"window set by the topic", 1, "It was her fourth official state visit.",
			[]string{}},
		{"wider window set by the topic", 4, "It was her fourth official state visit.",
			[]string{`"fourth official state visit"=4 asserted`}},
		{"thousands with a comma", 0, "The museum counted 1,200 visits.",
			[]string{}},
		{"repetition too far after the cue", 0, "The minister met the union leaders four times.",
			[]string{}},
		{"no cue", 0, "The striker scored twice in the second half.",
			[]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := extractText(t, countTopic(tt.window), headline+tt.text+"\n")
			got := renderSlot(fs, "visit.count")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestCountBackground checks which counts are context about an earlier
// occurrence rather than the article's value, in an article published
// 2026-01-28.
func TestCountBackground(t *testing.T) {
	if got, want := parseText(t, dated+"Body text here.\n").Published, Day(2026, 1, 28); got != want {
		t.Fatalf("dated article published %v, want %v", got, want)
	}
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"since their first meeting", "The leaders have spoken often since their first meeting.",
			[]string{`"first meeting"=1 asserted background`}},
		{"after the second meeting", "After the second meeting, they signed a deal.",
			[]string{`"second meeting"=2 asserted background`}},
		{"first visit months before publication", "It was his first visit to the capital in October.",
			[]string{`"first visit to the capital in October"=1 asserted background`}},
		{"first meeting in an earlier year", "Their first meeting was in 2010.",
			[]string{`"first meeting was in 2010"=1 asserted background`}},
		{"first visit in the month of publication", "It was his first visit to the capital in January.",
			[]string{`"first visit"=1 asserted`}},
		{"first visit with no date", "It is the first visit by a foreign coach.",
			[]string{`"first visit"=1 asserted`}},
		{"a later ordinal with an earlier date is the count", "Inspectors made their third inspection of the year in February.",
			[]string{`"third inspection"=3 asserted`}},
		{"a date bounded by since is no earlier occurrence", "It is his first visit since taking office in October.",
			[]string{`"first visit"=1 asserted`}},
		{"date too far after the cue", "It was his first visit to the capital and the northern port towns in October.",
			[]string{`"first visit"=1 asserted`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := extractText(t, countTopic(0), dated+tt.text+"\n")
			got := renderSlot(fs, "visit.count")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
