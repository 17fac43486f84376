package compare

import (
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-news/crosscheck/facts"
)

// dateFactIn builds a generated date fact of slot "date:<lemma>".
func dateFactIn(article, lemma, value, surface, sentence string) facts.Fact {
	start := strings.Index(sentence, surface)
	return facts.Fact{
		Article: article, Slot: "date:" + lemma, Kind: facts.KindDate, Label: "date of: " + lemma,
		Value: value, Surface: surface, Sentence: sentence,
		Span: facts.Span{Start: start, End: start + len(surface)}, SentenceSpan: facts.Span{Start: 0, End: len(sentence)},
	}
}

// slotsOf renders bySlot as "slot: article=value …", sorted.
func slotsOf(bySlot map[string][]facts.Fact) []string {
	var out []string
	for id, fs := range bySlot {
		var vs []string
		for _, f := range fs {
			vs = append(vs, f.Article+"="+f.Value)
		}
		sort.Strings(vs)
		out = append(out, id+": "+strings.Join(vs, " "))
	}
	sort.Strings(out)
	return out
}

func TestMergeDateSlots(t *testing.T) {
	tests := []struct {
		name   string
		fs     []facts.Fact
		common []string
		want   []string
	}{
		{"one deadline around different words is one slot",
			[]facts.Fact{
				dateFactIn("a", "vote", "--05-12", "May 12", "The Harbour Trust will vote on the levy by May 12."),
				dateFactIn("b", "rule", "--05-12", "May 12", "A ruling on the Harbour Trust levy is due May 12."),
				dateFactIn("c", "hear", "--05-12", "May 12", "The levy case will be heard on May 12."),
			}, nil,
			[]string{"date:hear: a=--05-12 b=--05-12 c=--05-12"}},
		{"a month holds its day when the sentences share a name",
			[]facts.Fact{
				dateFactIn("a", "oust", "2017-02", "February 2017", "Governor June Ellis was ousted in February 2017."),
				dateFactIn("b", "resign", "2017-02-13", "Feb. 13, 2017", "Ellis quit on Feb. 13, 2017."),
			}, nil,
			[]string{"date:oust: a=2017-02 b=2017-02-13"}},
		{"a relative month holds every day of the story: no tie",
			[]facts.Fact{
				dateFactIn("a", "lose", "2026-01", "this month", "Mayor Vole lost another ally this month."),
				dateFactIn("b", "meet", "2026-01-28", "Wednesday", "Mayor Vole met the Harbour Trust on Wednesday."),
			}, nil,
			[]string{"date:lose: a=2026-01", "date:meet: b=2026-01-28"}},
		{"one shared name ties no two years",
			[]facts.Fact{
				dateFactIn("a", "elect", "2016", "2016", "Agents from Kell meddled in the 2016 election."),
				dateFactIn("b", "meet", "2016", "2016", "Aides held a 2016 meeting with a lawyer from Kell."),
			}, nil,
			[]string{"date:elect: a=2016", "date:meet: b=2016"}},
		{"two shared names tie two years",
			[]facts.Fact{
				dateFactIn("a", "agree", "2015", "2015", "The 2015 accord of Governor Ellis with Harbour Trust capped fees."),
				dateFactIn("b", "sign", "2015", "2015", "Ellis signed it with Harbour Trust in 2015."),
			}, nil,
			[]string{"date:agree: a=2015 b=2015"}},
		{"different days are never merged",
			[]facts.Fact{
				dateFactIn("a", "oust", "2017-02-13", "Feb. 13, 2017", "Governor June Ellis was ousted on Feb. 13, 2017."),
				dateFactIn("b", "resign", "2017-02-14", "Feb. 14, 2017", "Ellis quit on Feb. 14, 2017."),
			}, nil,
			[]string{"date:oust: a=2017-02-13", "date:resign: b=2017-02-14"}},
		{"a name that runs through the story ties no years",
			[]facts.Fact{
				dateFactIn("a", "elect", "2016", "2016", "Rivals of Mayor Ann Vole meddled in the 2016 election."),
				dateFactIn("b", "meet", "2016", "2016", "Aides of Vole held a 2016 meeting at Alder Tower."),
			}, []string{facts.NameKey("Vole")},
			[]string{"date:elect: a=2016", "date:meet: b=2016"}},
		{"a shared weekday and the story's name tie a statement to an event",
			[]facts.Fact{
				dateFactIn("a", "lash", "Tuesday", "Tuesday", "In reply, Vole on Tuesday lashed out at the inquiry."),
				dateFactIn("b", facts.ReportDateLemma, "Tuesday", "Tuesday", "Mayor Vole said on Tuesday that the leak was disgraceful."),
				dateFactIn("c", facts.ReportDateLemma, "Monday", "Monday", "Mayor Vole said on Monday that he would testify."),
			}, []string{facts.NameKey("Vole")},
			[]string{"date:lash: a=Tuesday b=Tuesday"}},
		{"a word dated twice far apart in one article is two events",
			[]facts.Fact{
				dateFactIn("a", "agree", "2015", "2015", "The 2015 accord with Harbour Trust capped fees."),
				dateFactIn("a", "agree", "--05-12", "May 12", "Vole may leave the accord by a May 12 deadline."),
				dateFactIn("b", "agree", "2015", "2015", "Harbour Trust signed the accord in 2015."),
				dateFactIn("c", facts.UnkeyedDateLemma, "--05-12", "May 12", "Vole faces the new, May 12 deadline."),
			}, nil,
			[]string{"date:agree@--05-12: a=--05-12 c=--05-12", "date:agree@2015: a=2015 b=2015"}},
		{"a floating weekday and a year are two events",
			[]facts.Fact{
				dateFactIn("a", "meet", "2016", "2016", "Aides of Vole held a 2016 meeting at Alder Tower."),
				dateFactIn("b", "meet", "Tuesday", "Tuesday", "Vole met the Harbour Trust on Tuesday."),
				dateFactIn("c", "meet", "Tuesday", "Tuesday", "Vole and the Harbour Trust met Tuesday."),
			}, nil,
			[]string{"date:meet@2016: a=2016", "date:meet@Tuesday: b=Tuesday c=Tuesday"}},
		{"one date per article stays one slot, so a contradiction can show",
			[]facts.Fact{
				dateFactIn("a", "sink", "2025-03-11", "Tuesday", "The Selkie sank on Tuesday off Port Alder."),
				dateFactIn("b", "sink", "2025-03-10", "Monday", "The Selkie sank on Monday off Port Alder."),
			}, nil,
			[]string{"date:sink: a=2025-03-11 b=2025-03-10"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bySlot := map[string][]facts.Fact{}
			for _, f := range tc.fs {
				bySlot[f.Slot] = append(bySlot[f.Slot], f)
			}
			common := map[string]bool{}
			for _, n := range tc.common {
				common[n] = true
			}
			_ = mergeDateSlots(bySlot, common, nameMemo{})
			if diff := cmp.Diff(tc.want, slotsOf(bySlot)); diff != "" {
				t.Errorf("slots (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDateSubjectTie(t *testing.T) {
	lede := func(article, value, surface, sentence string) facts.Fact {
		f := dateFactIn(article, "lede", value, surface, sentence)
		f.Label = "date of the main event"
		return f
	}
	vole := map[string]bool{facts.NameKey("Vole"): true}
	tests := []struct {
		name   string
		a, b   facts.Fact
		common map[string]bool
		events map[string]string
		want   bool
	}{
		{"a name of the event ties two days",
			dateFactIn("a", "sink", "2025-03-11", "Tuesday", "The Selkie sank on Tuesday off Port Alder."),
			dateFactIn("b", "sink", "2025-03-10", "Monday", "The Selkie sank on Monday near Kell Point."), nil, nil, true},
		{"only the story's name ties nothing",
			dateFactIn("a", "testify", "2025-03-11", "Tuesday", "Mayor Vole testified on Tuesday."),
			dateFactIn("b", "testify", "2025-03-10", "Monday", "Vole testified on Monday, aides said."), vole, nil, false},
		{"a lede's year named in passing is not the main event's date",
			lede("a", "2017-05", "May 2017", "Inspector Ann Roe took over the Vole inquiry in May 2017."),
			lede("b", "2016-06", "June 2016", "They ask about a June 2016 meeting of Vole aides with Ann Roe."), nil, nil, false},
		{"two ledes to the day can contradict",
			lede("a", "2025-03-11", "Tuesday", "A fire broke out on the Selkie on Tuesday."),
			lede("b", "2025-03-10", "Monday", "The blaze on the Selkie started on Monday."),
			nil, map[string]string{"a": "date:break", "b": ""}, true},
		{"two ledes dating different events do not contradict",
			lede("a", "2025-03-11", "Tuesday", "A fire broke out on the Selkie on Tuesday."),
			lede("b", "2025-03-12", "Wednesday", "Investigators boarded the Selkie on Wednesday."),
			nil, map[string]string{"a": "date:break", "b": "date:board"}, false},
		{"two ledes dating one event can contradict",
			lede("a", "2025-03-11", "Tuesday", "A fire broke out on the Selkie on Tuesday."),
			lede("b", "2025-03-10", "Monday", "A fire broke out on the Selkie on Monday."),
			nil, map[string]string{"a": "date:break", "b": "date:break"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			why, conf := subjectTie(facts.KindDate, []facts.Fact{tc.a, tc.b}, storyDates{common: tc.common, ledeEvent: tc.events})
			if got := conf >= ContradictionConfidence; got != tc.want {
				t.Errorf("subjectTie = %q %v, want same event %v", why, conf, tc.want)
			}
			if why == "" {
				t.Error("subjectTie gave no why")
			}
		})
	}
}

func TestIncompatibleDates(t *testing.T) {
	d := func(article, value string) facts.Fact {
		return facts.Fact{Article: article, Kind: facts.KindDate, Value: value}
	}
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"a year holds its month: a nuance", "2016", "2016-06", false},
		{"a month holds its day", "2017-02", "2017-02-13", false},
		{"two days", "2017-02-13", "2017-02-14", true},
		{"the same weekday with no reference date", "Tuesday", "Tuesday", false},
		{"two weekdays with no reference date", "Tuesday", "Wednesday", true},
		{"a weekday and a day that is that weekday", "Tuesday", "2018-04-24", false},
		{"a weekday and a day that is not", "Tuesday", "2018-04-25", true},
		{"a month-day and its day", "--05-12", "2018-05-12", false},
		{"a month-day and another", "--05-12", "--05-13", true},
		{"a weekday cannot be told from a year", "Tuesday", "2016", false},
	}
	for _, tc := range tests {
		if got := incompatible(facts.KindDate, []facts.Fact{d("x", tc.a), d("y", tc.b)}); got != tc.want {
			t.Errorf("%s: incompatible(%s, %s) = %v, want %v", tc.name, tc.a, tc.b, got, tc.want)
		}
	}
}

func TestLedeEvents(t *testing.T) {
	lede := func(f facts.Fact) facts.Fact {
		f.Slot, f.Label = "date:lede", "date of the main event"
		return f
	}
	a := dateFactIn("a", "break", "2025-03-11", "Tuesday", "A fire broke out on the Selkie on Tuesday.")
	b := dateFactIn("b", "board", "2025-03-12", "Wednesday", "Investigators boarded the Selkie on Wednesday.")
	c := dateFactIn("c", facts.UnkeyedDateLemma, "2025-03-10", "Monday", "The blaze on the Selkie, Monday night.")
	d := dateFactIn("d", facts.ReportDateLemma, "2025-03-11", "Tuesday", "Port Alder officials said on Tuesday the fire was out.")
	bySlot := map[string][]facts.Fact{}
	for _, f := range []facts.Fact{a, b, c, d} {
		bySlot[f.Slot] = append(bySlot[f.Slot], f)
		bySlot["date:lede"] = append(bySlot["date:lede"], lede(f))
	}
	got := ledeEvents(bySlot, mergeDateSlots(bySlot, nil, nameMemo{}))
	want := map[string]string{"a": "date:break", "b": "date:board", "c": "", "d": "date:say"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ledeEvents (-want +got):\n%s", diff)
	}
}
