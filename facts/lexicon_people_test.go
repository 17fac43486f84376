package facts

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The finders take their words about speech and names from one place; these
// tests hold the tiers apart and the derived sets consistent.
func TestPeopleLexiconTiers(t *testing.T) {
	overlap := func(a, b map[string]bool) []string {
		var out []string
		for w := range a {
			if b[w] {
				out = append(out, w)
			}
		}
		sort.Strings(out)
		return out
	}
	for _, c := range []struct {
		name string
		a, b map[string]bool
	}{
		{"claim/utterance", claimVerbs, utteranceVerbs},
		{"claim/report-only", claimVerbs, reportOnlyVerbs},
		{"utterance/report-only", utteranceVerbs, reportOnlyVerbs},
		{"gerunds/finite", speechGerunds, union(claimVerbs, utteranceVerbs)},
	} {
		if got := overlap(c.a, c.b); len(got) > 0 {
			t.Errorf("%s: tiers overlap on %q", c.name, got)
		}
	}
	// Every verb that makes a name a person credits a quote too, and
	// every verb that hands on a claim marks its subject as a source.
	for w := range speechVerbs {
		if !quoteSpeechVerbs[w] {
			t.Errorf("%q marks a person but credits no quote", w)
		}
	}
	for w := range claimVerbs {
		if !reportVerbs[w] {
			t.Errorf("%q hands on a claim but attributes nothing", w)
		}
	}
}

// The quote finder and the entity finder read one name the same way,
// particles and titles included.
func TestPeopleLexiconOneReading(t *testing.T) {
	cases := []struct {
		name, text, speaker string
	}{
		{"particle do", "Maria do Carmo Ellis said the harbour would reopen on Monday. “We are ready to sail again,” Maria do Carmo Ellis said.", "Maria do Carmo Ellis"},
		{"particle von", "Anna von Brandt spoke to reporters in Port Alder. “The ferry will sail on Monday morning,” Anna von Brandt said.", "Anna von Brandt"},
		{"title before name", "Harbour Commissioner June Ellis visited the pier. “The pier stays closed for a week,” Commissioner June Ellis warned.", "June Ellis"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var speakers []string
			for _, q := range quotesOf(t, c.text) {
				speakers = append(speakers, q.Source)
			}
			if diff := cmp.Diff([]string{c.speaker}, speakers); diff != "" {
				t.Errorf("quote speakers (-want +got):\n%s", diff)
			}
			a := parseText(t, headline+c.text)
			d := (&Extractor{topic: &Topic{ID: "t"}, aliases: newAliasIndex(nil)}).analyse(&a)
			var people []string
			for _, f := range findEntities(d) {
				if f.Value == c.speaker {
					people = append(people, f.Value)
				}
			}
			if len(people) == 0 {
				t.Errorf("the entity finder does not read %q as one name", c.speaker)
			}
		})
	}
}
