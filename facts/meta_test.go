package facts

import (
	"context"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// renderMeta renders an article's metadata (non-empty fields only) and
// then its body paragraphs, checking that body spans are trimmed lines of
// the text.
func renderMeta(t *testing.T, a Article) []string {
	t.Helper()
	out := []string{}
	add := func(k, v string) {
		if v != "" {
			out = append(out, k+": "+v)
		}
	}
	add("title", a.Title)
	if sp := a.TitleSpan; sp != (Span{}) && a.Text[sp.Start:sp.End] != a.Title {
		t.Errorf("title span %v is %q, title %q", sp, a.Text[sp.Start:sp.End], a.Title)
	}
	add("outlet", a.Outlet)
	add("wire", a.Wire)
	add("byline", a.Byline)
	if !a.Published.IsZero() {
		add("published", a.Published.String())
	}
	for _, sp := range a.Body {
		out = append(out, "| "+a.Text[sp.Start:sp.End])
	}
	return out
}

func TestAnalyseMeta(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"outlet, posted date, wire credit, chrome and trailing list",
			"Floods cut off river towns in the north\n" +
				"Published by Harbour Wire\n" +
				"Posted on March 3, 2025\n" +
				"By AFP\n" +
				"Water rose overnight in the valley.\n" +
				"Advert.\n" +
				"Rescuers reached two villages.\n" +
				"You may also like\n" +
				"Bridge repairs to start next spring in the valley.\n",
			[]string{"title: Floods cut off river towns in the north", "outlet: Harbour Wire", "wire: AFP", "published: 2025-03-03",
				"| Water rose overnight in the valley.", "| Rescuers reached two villages."}},
		{"byline of two reporters and a bare ISO date",
			"Ferry strike enters third day\nBy Jane Doe and John Roe\n2025-06-02\nWorkers walked out on Friday.\n",
			[]string{"title: Ferry strike enters third day", "byline: Jane Doe and John Roe", "published: 2025-06-02",
				"| Workers walked out on Friday."}},
		{"reporting-by credit at the foot",
			"Ferry strike enters third day\nWorkers walked out on Friday.\n(Reporting by Ana Ruiz in Lisbon; Editing by Tom Hale)\n",
			[]string{"title: Ferry strike enters third day", "byline: Ana Ruiz", "| Workers walked out on Friday."}},
		{"Reuters dateline",
			"Court hears appeal in fraud case\nLONDON, May 3 (Reuters) - The appeal court heard arguments on Tuesday.\nThe ruling is due next month.\n",
			[]string{"title: Court hears appeal in fraud case", "wire: Reuters",
				"| LONDON, May 3 (Reuters) - The appeal court heard arguments on Tuesday.", "| The ruling is due next month."}},
		{"AP dateline with an em dash",
			"Election count resumes\nWASHINGTON (AP) — Officials resumed the count on Monday.\n",
			[]string{"title: Election count resumes", "wire: AP", "| WASHINGTON (AP) — Officials resumed the count on Monday."}},
		{"UPI dateline without a place",
			"Election count resumes\nApril 29 (UPI) -- Officials resumed the count on Monday.\n",
			[]string{"title: Election count resumes", "wire: UPI", "| April 29 (UPI) -- Officials resumed the count on Monday."}},
		{"unknown agency in a dateline is no wire",
			"Election count resumes\nVADUZ (Valley Press) - Officials resumed the count on Monday.\n",
			[]string{"title: Election count resumes", "| VADUZ (Valley Press) - Officials resumed the count on Monday."}},
		{"place and full date in the first lines",
			"Ferry workers walk out\nLisbon, March 3, 2025 — Ferry workers walked out at dawn.\n",
			[]string{"title: Ferry workers walk out", "published: 2025-03-03",
				"| Lisbon, March 3, 2025 — Ferry workers walked out at dawn."}},
		{"weekday before a full date is no dateline",
			"Ferry workers walk out\nThe strike began on Wednesday, January 28, 2026, at dawn.\n",
			[]string{"title: Ferry workers walk out", "| The strike began on Wednesday, January 28, 2026, at dawn."}},
		{"updated by NAME at TIME on DATE",
			"Rail strike called off\nUpdated by Jane Doe at 1846 EAT on Wednesday 28 January 2026\nThe union called off the strike.\n",
			[]string{"title: Rail strike called off", "byline: Jane Doe", "published: 2026-01-28", "| The union called off the strike."}},
		{"support line names the outlet",
			"Rail strike called off\nSupport Valley Times!\nThe union called off the strike after talks.\n",
			[]string{"title: Rail strike called off", "outlet: Valley Times", "| The union called off the strike after talks."}},
		{"copyright line names the outlet",
			"Rail strike called off\nThe union called off the strike after talks.\n© 2025 Harbour Wire. All rights reserved.\n",
			[]string{"title: Rail strike called off", "outlet: Harbour Wire", "| The union called off the strike after talks."}},
		{"outlet crediting itself",
			"Rail strike called off\nThe union called off the strike after talks. Valley24 spoke with the union leader.\n",
			[]string{"title: Rail strike called off", "outlet: Valley24",
				"| The union called off the strike after talks. Valley24 spoke with the union leader."}},
		{"a wire speaking with someone is not the outlet",
			"Rail strike called off\nThe union called off the strike after talks. AFP spoke with the union leader.\n",
			[]string{"title: Rail strike called off", "| The union called off the strike after talks. AFP spoke with the union leader."}},
		{"credit line names the wire",
			"Rail strike called off\nThe union called off the strike after talks.\nCredit to Harbour Wire.\n",
			[]string{"title: Rail strike called off", "wire: Harbour Wire", "| The union called off the strike after talks."}},
		{"source line names a known wire",
			"Rail strike called off\nThe union called off the strike after talks.\nSource: Thomson Reuters\n",
			[]string{"title: Rail strike called off", "wire: Reuters", "| The union called off the strike after talks."}},

		// Chrome dropped from the body.
		{"leave a comment and what follows",
			"Rail strike called off\nThe union called off the strike after talks.\nLeave a comment\nGreat reporting, thank you all.\n",
			[]string{"title: Rail strike called off", "| The union called off the strike after talks."}},
		{"LEAVE A REPLY in capitals",
			"Rail strike called off\nThe union called off the strike after talks.\nLEAVE A REPLY\nPlease enter your comment!\n",
			[]string{"title: Rail strike called off", "| The union called off the strike after talks."}},
		{"placeholder of a missing image",
			"Rail strike called off\nThe union called off the strike after talks.\nPhoto of the rally (index) is missing.\nTalks will resume.\n",
			[]string{"title: Rail strike called off", "| The union called off the strike after talks.", "| Talks will resume."}},
		{"share prompts and read time",
			"Rail strike called off\nShare this article\n3 min read\nThe union called off the strike after talks.\nFollow us on social media\n",
			[]string{"title: Rail strike called off", "| The union called off the strike after talks."}},

		// Headline detection.
		{"section label above the headline",
			"Sport\nHarbour United win the cup final\nThe match ended 2-1 after extra time.\n",
			[]string{"title: Harbour United win the cup final", "| The match ended 2-1 after extra time."}},
		{"repeated headline",
			"Harbour United win the cup final\n\nHarbour United win the cup final\n\nThe match ended 2-1 after extra time.\n",
			[]string{"title: Harbour United win the cup final", "| The match ended 2-1 after extra time."}},
		{"headline ending in a full stop",
			"Ferry workers walk out at dawn.\nThe union called off the strike after talks.\n",
			[]string{"title: Ferry workers walk out at dawn.", "| The union called off the strike after talks."}},
		{"a line ending in a number is not the headline",
			"The strike ended and the final score was 3\nFerry workers walk out at dawn\nThe union called off the strike after talks.\n",
			[]string{"title: Ferry workers walk out at dawn", "| The strike ended and the final score was 3", "| The union called off the strike after talks."}},
		{"headline ending in a question mark",
			"Will the ferries sail again this summer?\nThe union called off the strike after talks.\n",
			[]string{"title: Will the ferries sail again this summer?", "| The union called off the strike after talks."}},

		// Body lines that look like metadata or chrome.
		{"sentence starting with Support",
			"Rail strike called off\nSupport for the strike fell after the talks.\n",
			[]string{"title: Rail strike called off", "| Support for the strike fell after the talks."}},
		{"sentence starting with Copyright",
			"Publisher sued over novel\nCopyright lawyers said the case would go to trial.\n",
			[]string{"title: Publisher sued over novel", "| Copyright lawyers said the case would go to trial."}},
		{"sentence starting with By",
			"Floods recede in the valley\nBy the time rescuers arrived, the water had gone.\n",
			[]string{"title: Floods recede in the valley", "| By the time rescuers arrived, the water had gone."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := renderMeta(t, parseText(t, tt.text))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestApplyMeta(t *testing.T) {
	a := parseText(t, "Ferry strike enters third day\nBy Jane Doe\nWorkers walked out on Friday.\n")
	if err := a.ApplyMeta(ArticleMeta{ID: "strike-1", Outlet: "Coast Daily", Published: "2025-06-02"}); err != nil {
		t.Fatal(err)
	}
	got := append([]string{"id: " + a.ID}, renderMeta(t, a)...)
	want := []string{"id: strike-1", "title: Ferry strike enters third day", "outlet: Coast Daily", "byline: Jane Doe",
		"published: 2025-06-02", "| Workers walked out on Friday."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if err := a.ApplyMeta(ArticleMeta{Published: "June 2"}); err == nil {
		t.Errorf("ApplyMeta with published %q: no error", "June 2")
	}
}

func TestStoryDate(t *testing.T) {
	art := func(d Date) Article { return Article{Published: d} }
	tests := []struct {
		name string
		arts []Article
		want Date
	}{
		{"none dated", []Article{art(Date{}), art(Date{})}, Date{}},
		{"the day most share", []Article{art(Day(2026, 3, 10)), art(Day(2026, 3, 11)), art(Day(2026, 3, 10)), art(Date{})}, Day(2026, 3, 10)},
		{"the latest on a tie", []Article{art(Day(2026, 3, 10)), art(Day(2026, 3, 11))}, Day(2026, 3, 11)},
		{"a month is no publication day", []Article{art(Month(2026, 3))}, Date{}},
	}
	for _, tc := range tests {
		if got := StoryDate(tc.arts); got.String() != tc.want.String() {
			t.Errorf("%s: StoryDate = %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestUndatedArticleReference(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		story Date
		want  []string
	}{
		{"the story's date resolves a weekday and a day without a year",
			"Mayor Ann Vole met the Harbour Trust on Tuesday. The levy vote is set for 4 March.",
			Day(2026, 3, 11),
			[]string{"date:lede Tuesday=2026-03-10", "date:meet Tuesday=2026-03-10", "date:vote 4 March=2026-03-04"}},
		{"a full date with its weekday in the lede dates the article",
			"Mayor Ann Vole met the Harbour Trust on Tuesday, March 10, 2026. The Port Alder council voted on Monday.",
			Date{},
			[]string{"date:lede Tuesday, March 10, 2026=2026-03-10", "date:meet Tuesday, March 10, 2026=2026-03-10", "date:vote Monday=2026-03-09"}},
		{"a year named in passing dates nothing",
			"Mayor Ann Vole, elected in 2019, met the Harbour Trust on Tuesday.",
			Date{},
			[]string{"date:elect 2019=2019", "date:lede Tuesday=Tuesday", "date:meet Tuesday=Tuesday"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := parseText(t, headline+tc.text)
			x, err := NewExtractor(&Topic{ID: "t"})
			if err != nil {
				t.Fatal(err)
			}
			fs, err := x.WithStoryDate(tc.story).Extract(context.Background(), &a)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, f := range fs {
				if f.Kind == KindDate {
					got = append(got, f.Slot+" "+f.Surface+"="+f.Value)
				}
			}
			sort.Strings(got)
			sort.Strings(tc.want)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("dates (-want +got):\n%s", diff)
			}
		})
	}
}
