package compare

import (
	"math"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/facts"
)

// TestNumberSubjectTie: two figures of one noun contradict each other only
// about the same thing in the same frame.
func TestNumberSubjectTie(t *testing.T) {
	num := func(article, slot, value, surface, sentence string) facts.Fact {
		return facts.Fact{Article: article, Slot: slot, Kind: facts.KindNumber, Label: strings.TrimPrefix(slot, "number:"),
			Value: value, Surface: surface, Sentence: sentence}
	}
	cases := []struct {
		name    string
		a, b    facts.Fact
		want    bool
		whyHas  string
		atLeast float64
	}{
		{"a shared noun is not a shared referent",
			num("a", "number:state", "12", "twelve member states", "In Port Alder, twelve member states signed the river accord."),
			num("b", "number:state", "3", "three states", "Since then three states border the river near Port Alder."),
			false, "different things", 0},
		{"a shared currency is not a shared thing",
			num("a", "number:eur", "4000000000", "€4 billion", "The Harbour Trust said Port Alder bought €4 billion of imports."),
			num("b", "number:eur", "9000000000", "€9 billion", "The Harbour Trust said Port Alder paid €9 billion of subsidies."),
			false, "imports", 0},
		{"disjoint modifiers",
			num("a", "number:nurse", "30", "30 night nurses", "At Alder General, 30 night nurses walked out."),
			num("b", "number:nurse", "80", "80 agency nurses", "At Alder General, 80 agency nurses walked out."),
			false, "different things", 0},
		{"the same verb and a shared name",
			num("a", "number:people", "4", "four people", "Governor June Ellis said four people have been charged."),
			num("b", "number:people", "5", "Five people", "Five people, including an aide to June Ellis, were charged."),
			true, "charged", 0.9},
		{"the same of phrase and a shared name",
			num("a", "number:percent", "40", "40 percent", "In Port Alder, 40 percent of riders paid the fare."),
			num("b", "number:percent", "70", "70 percent", "In Port Alder, about 70 percent of riders paid the fare."),
			true, "of riders", 0.9},
		{"a shared name with different verbs, nothing else differing",
			num("a", "number:rider", "150", "150 riders", "The 150 riders, many of them children, spent the night at the Alder depot."),
			num("b", "number:rider", "180..220", "About 200 riders", "About 200 riders from the Alder depot prepared to leave."),
			true, "shared: Alder", 0.7},
		{"killed and injured in one town",
			num("a", "number:people", "30", "30 people", "In Port Alder, 30 people were killed."),
			num("b", "number:people", "100", "100 people", "In Port Alder, 100 people were injured."),
			false, "different things", 0},
		{"arrested and freed at one gate",
			num("a", "number:protester", "25", "25 protesters", "Police arrested 25 protesters at the Alder gate."),
			num("b", "number:protester", "12", "12 protesters", "Police freed 12 protesters at the Alder gate."),
			false, "different things", 0},
		{"different verbs with a shared modifier",
			num("a", "number:worker", "270..330", "About 300 ferry workers", "About 300 ferry workers walked out in Port Alder."),
			num("b", "number:worker", "405..495", "Some 450 ferry workers", "Some 450 ferry workers went on strike in Port Alder."),
			true, "ferry", 0.9},
		{"the frame alone, with no shared name, is not enough",
			num("a", "number:people", "2", "two people", "In the north, two people were killed when a roof fell."),
			num("b", "number:people", "9", "nine people", "Nine people were killed on the coast road."),
			false, "", 0},
		{"a subject and a verb, with no name",
			num("a", "number:people", "4", "four people", "Police arrested four people at the gate."),
			num("b", "number:people", "6", "six people", "Police arrested six people on the quay."),
			true, "Police arrested", 0.7},
		{"a part and a whole",
			num("a", "number:seat", "450", "450 seats", "The Harbour Party won 230 of the 450 seats in Port Alder."),
			num("b", "number:seat", "226", "226 seats", "The Harbour Party took 226 seats in Port Alder."),
			false, "a part and a whole", 0},
		{"a part and the set, told with other verbs",
			num("a", "number:suspect", "2", "two of the three suspects", "In Port Alder, two of the three suspects are women."),
			num("b", "number:suspect", "3", "three suspects", "In Port Alder, three suspects appeared in court."),
			false, "a part and a whole", 0},
		{"a part and the set, with one verb",
			num("a", "number:suspect", "2", "two of the three suspects", "In Port Alder, police arrested two of the three suspects."),
			num("b", "number:suspect", "3", "three suspects", "In Port Alder, police arrested three suspects."),
			true, "arrested", 0.9},
		{"bounds on two sides of a figure",
			num("a", "number:demand", "48..", "at least four dozen demands", "Governor June Ellis has at least four dozen demands for the Harbour Trust."),
			num("b", "number:demand", "43..47", "almost four dozen demands", "Governor June Ellis sent almost four dozen demands to the Harbour Trust."),
			true, "shared", 0.8},
		{"different years are different counts",
			num("a", "number:people", "30", "30 people", "In 2016, 30 people died on the Alder coast road."),
			num("b", "number:people", "12", "12 people", "In 2019, 12 people died on the Alder coast road."),
			false, "different times", 0},
		{"a shared currency and a shared name are no shared thing",
			num("a", "number:usd", "5000000", "$5 million", "The Harbour Trust raised $5 million last spring."),
			num("b", "number:usd", "2000000", "$2 million", "Critics of the Harbour Trust want $2 million for schools."),
			false, "different things", 0},
		{"a shared currency and a shared name are no shared thing, without subjects",
			num("a", "number:usd", "5000000", "$5 million", "For the Harbour Trust, $5 million."),
			num("b", "number:usd", "2000000", "$2 million", "And for the Harbour Trust, $2 million."),
			false, "a shared unit only", 0},
		{"one verb with different subjects",
			num("a", "number:percent", "5", "5 percent", "In Port Alder, unemployment rose 5 percent."),
			num("b", "number:percent", "3", "3 percent", "In Port Alder, prices rose 3 percent."),
			false, "different things", 0},
		{"one verb with one subject",
			num("a", "number:percent", "5", "5 percent", "In Port Alder, unemployment rose 5 percent."),
			num("b", "number:percent", "8", "8 percent", "In Port Alder, unemployment rose 8 percent last year."),
			true, "unemployment", 0.9},
		{"the speaker of both is no shared thing", withSource(
			num("a", "number:people", "40", "Forty people", "Forty people were hurt, Governor June Ellis said."), "Governor June Ellis"),
			withSource(num("b", "number:people", "270..330", "About 300 people", "About 300 people marched, Governor June Ellis said."), "Governor June Ellis"),
			false, "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			why, conf := subjectTie(facts.KindNumber, []facts.Fact{c.a, c.b}, storyDates{})
			if got := conf >= ContradictionConfidence; got != c.want {
				t.Errorf("subjectTie = %q %v, want same thing %v", why, conf, c.want)
			}
			if c.want && conf < c.atLeast {
				t.Errorf("subjectTie = %q %v, want confidence at least %v", why, conf, c.atLeast)
			}
			if !strings.Contains(why, c.whyHas) {
				t.Errorf("subjectTie why = %q, want it to say %q", why, c.whyHas)
			}
		})
	}
}

func withSource(f facts.Fact, source string) facts.Fact {
	f.Attribution, f.Source = facts.Reported, source
	return f
}

// TestDurationSubjectTie: lengths of time are read through the same frames.
func TestDurationSubjectTie(t *testing.T) {
	dur := func(article, value, surface, sentence string) facts.Fact {
		return facts.Fact{Article: article, Slot: "duration:strike", Kind: facts.KindDuration, Label: "strike",
			Value: value, Surface: surface, Sentence: sentence}
	}
	cases := []struct {
		name string
		a, b facts.Fact
		want bool
	}{
		{"one strike, one place",
			dur("a", "14", "two-week strike", "The two-week strike at Port Alder ended on Friday."),
			dur("b", "30", "month-long strike", "The month-long strike at Port Alder ended on Friday."), true},
		{"strikes of different years",
			dur("a", "14", "two-week strike", "The two-week strike at Port Alder in 2019 was the last."),
			dur("b", "30", "month-long strike", "The month-long strike at Port Alder in 2024 was the longest."), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			why, conf := subjectTie(facts.KindDuration, []facts.Fact{c.a, c.b}, storyDates{})
			if got := conf >= ContradictionConfidence; got != c.want {
				t.Errorf("subjectTie = %q %v, want same thing %v", why, conf, c.want)
			}
		})
	}
}

func TestRoughly(t *testing.T) {
	cases := []struct {
		a, b facts.Range
		want bool // compatible
	}{
		{facts.Exact(150), facts.Range{Lo: 151, Hi: math.Inf(1)}, true}, // a round figure may be rounded
		{facts.Exact(153), facts.Range{Lo: 161, Hi: math.Inf(1)}, false},
		{facts.Exact(41), facts.Exact(39), false},
		{facts.Exact(230), facts.Exact(226), true}, // 226 rounds to 230
		{facts.Exact(12), facts.Range{Lo: 30, Hi: math.Inf(1)}, false},
		{facts.Exact(0.3), facts.Exact(0.3), true},
	}
	for _, c := range cases {
		if got := roughly(c.a).Overlaps(roughly(c.b)); got != c.want {
			t.Errorf("%v against %v: compatible %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
