package facts

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// dateTopic dates a meeting of negotiators; the topic's own date is the
// reference for undated articles.
func dateTopic(window int) *Topic {
	return &Topic{
		ID:   "talks",
		Date: "2026-01-28", // a Wednesday
		Slots: []Slot{{
			ID:     "talks.date",
			Kind:   KindDate,
			Cues:   []string{"meet", "meeting", "talks"},
			Window: window,
		}},
	}
}

func TestDateSlot(t *testing.T) {
	tests := []struct {
		name   string
		window int
		text   string
		want   []string
	}{
		{"weekday after the cue", 0, "The ministers met on Tuesday to discuss the strike.",
			[]string{`"Tuesday"=2026-01-27 asserted`}},
		{"full date", 0, "Negotiators will meet on February 3, 2026 in Geneva.",
			[]string{`"February 3, 2026"=2026-02-03 asserted`}},
		{"future date without a year", 0, "The ministers will meet on February 3.",
			[]string{`"February 3"=2026-02-03 asserted`}},
		{"abbreviated month", 0, "Talks resumed Jan. 20 in Geneva.",
			[]string{`"Jan. 20"=2026-01-20 asserted`}},
		{"day month", 0, "Talks resumed on 20 January after a pause.",
			[]string{`"20 January"=2026-01-20 asserted`}},
		{"date before the cue", 0, "On Monday, the two delegations held talks in the capital.",
			[]string{`"Monday"=2026-01-26 asserted`}},
		{"nearest of two dates wins", 0, "The ministers met on Tuesday, a week after the vote on January 14.",
			[]string{`"Tuesday"=2026-01-27 asserted`}},
		{"nearest wins when the other date comes first", 0, "Floods struck the valley on January 14, and the ministers met on Friday in the town hall.",
			[]string{`"Friday"=2026-01-23 asserted`}},
		{"attributed date", 0, "The talks ended on Sunday, a spokesman said.",
			[]string{`"Sunday"=2026-01-25 reported(a spokesman)`}},
		{"one date per sentence, in each sentence", 0, "The storm hit on Monday. The talks resumed on Tuesday.",
			[]string{`"Tuesday"=2026-01-27 asserted`}},

		// Datelines are the day of filing, not of the event.
		{"dateline with wire", 0, "LONDON, May 3 (Reuters) - The ministers met on Tuesday to discuss the strike.",
			[]string{`"Tuesday"=2026-01-27 asserted`}},
		{"dateline with dash", 0, "PARIS, June 2 - The ministers met on Tuesday to discuss the strike.",
			[]string{`"Tuesday"=2026-01-27 asserted`}},
		{"dateline alone gives no date", 0, "LONDON, May 3 (Reuters) - Ministers met to discuss the strike.",
			[]string{}},
		{"dash dateline alone gives no date", 0, "PARIS, June 2 - Ministers met to discuss the strike.",
			[]string{}},

		// The window.
		{"date beyond the default window", 0, "The ministers met in the capital, after a long flight over the sea from the southern islands, on Friday.",
			[]string{}},
		{"narrow window set by the topic", 2, "The ministers met in the capital on Friday.",
			[]string{}},
		{"date within a narrow window", 2, "The ministers met on Friday in the capital.",
			[]string{`"Friday"=2026-01-23 asserted`}},
		{"no cue, no date", 0, "The strike began on Monday.",
			[]string{}},
		{"cue in another sentence", 0, "The ministers met. The strike began on Monday.",
			[]string{}},

		// Earlier occurrences are background.
		{"first meeting long before", 0, "Their first meeting took place in March 2025.",
			[]string{`"March 2025"=2025-03 asserted background`}},
		{"first meeting in a bare month long before", 0, "Their first meeting took place in March.",
			[]string{`"March"=2025-03 asserted background`}},
		{"previous talks in an earlier year", 0, "Previous talks in 2019 collapsed.",
			[]string{`"2019"=2019 asserted background`}},
		{"first meeting this week is not background", 0, "Their first meeting took place on Monday.",
			[]string{`"Monday"=2026-01-26 asserted`}},
		{"a date long before without an earlier cue is not background", 0, "The ministers met in March 2025.",
			[]string{`"March 2025"=2025-03 asserted`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := extractText(t, dateTopic(tt.window), headline+tt.text+"\n")
			got := renderSlot(fs, "talks.date")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestDateSlotPublished checks that an article's own date, not the
// topic's, resolves its relative dates.
func TestDateSlotPublished(t *testing.T) {
	text := "Talks resume in the capital\nPosted on March 5, 2025\n\nThe ministers met on Tuesday to discuss the strike.\n"
	got := renderSlot(extractText(t, dateTopic(0), text), "talks.date")
	want := []string{`"Tuesday"=2025-03-04 asserted`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
