package compare

import (
	"testing"

	"github.com/crosscheck-news/crosscheck/facts"
)

func TestSameSubject(t *testing.T) {
	num := func(article, value, surface, sentence string) facts.Fact {
		return facts.Fact{Article: article, Slot: "number:supporter", Kind: facts.KindNumber, Value: value, Surface: surface, Sentence: sentence}
	}
	cases := []struct {
		name string
		a, b facts.Fact
		want bool
	}{
		{"a shared place ties two figures",
			num("a", "135..165", "about 150 migrants", "On Sunday about 150 migrants waited at the Otay crossing."),
			num("b", "180..220", "about 200 migrants", "About 200 migrants lined up at Otay on Sunday."), true},
		{"a weekday alone ties nothing",
			num("a", "40..99", "Scores of supporters", "Scores of supporters rallied on Sunday near the beach."),
			num("b", "300..900", "several hundred supporters", "There they were greeted on Sunday by several hundred supporters."), false},
		{"compatible values are never in question",
			num("a", "135..165", "about 150 migrants", "About 150 migrants reached Otay."),
			num("b", "151..", "more than 150 migrants", "More than 150 migrants reached Otay."), false},
		{"three shared content words tie two figures",
			num("a", "12", "12 boats", "Rescuers counted 12 boats drifting beyond the harbour breakwater."),
			num("b", "30..", "at least 30 boats", "At least 30 boats were drifting beyond the breakwater, rescuers said."), true},
	}
	for _, c := range cases {
		why, conf := subjectTie(facts.KindNumber, []facts.Fact{c.a, c.b}, storyDates{})
		if got := conf >= ContradictionConfidence; got != c.want {
			t.Errorf("%s: subjectTie = %q %v, want same subject %v", c.name, why, conf, c.want)
		}
	}
}
