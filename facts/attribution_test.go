package facts

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// attributionsOf renders how a sentence attributes each probe word (the
// first token written exactly so): "sank reported(the coast guard)".
func attributionsOf(t *testing.T, sentence string, probes ...string) []string {
	t.Helper()
	toks := Tokenize(sentence, 0, len(sentence))
	atts := findAttributions(toks)
	out := []string{}
	for _, p := range probes {
		i := -1
		for k, tok := range toks {
			if tok.Text == p {
				i = k
				break
			}
		}
		if i < 0 {
			t.Fatalf("probe %q is not a token of %q", p, sentence)
		}
		att, src := attributionAt(sentence, atts, i)
		r := p + " " + string(att)
		if src != "" {
			r += "(" + src + ")"
		}
		out = append(out, r)
	}
	return out
}

func TestAttribution(t *testing.T) {
	tests := []struct {
		name     string
		sentence string
		probes   []string
		want     []string
	}{
		// Own voice.
		{"plain statement", "The ferry sank near the harbour on Sunday.",
			[]string{"sank"}, []string{"sank asserted"}},

		// Hedges: reported, no source.
		{"reportedly", "The ferry reportedly sank near the harbour.",
			[]string{"sank"}, []string{"sank reported"}},
		{"allegedly", "The mayor allegedly took bribes from builders.",
			[]string{"took"}, []string{"took reported"}},
		{"is believed to", "The striker is believed to have signed with the club.",
			[]string{"signed"}, []string{"signed reported"}},
		{"is said to", "The senator is said to favour the bill.",
			[]string{"favour"}, []string{"favour reported"}},
		{"were thought to", "Voters were thought to favour the incumbent.",
			[]string{"favour"}, []string{"favour reported"}},
		{"apparently, sentence-initial", "Apparently the match was postponed.",
			[]string{"postponed"}, []string{"postponed reported"}},

		// "according to X", leading and trailing.
		{"according to, leading", "According to the coast guard, the ferry sank at dawn.",
			[]string{"sank", "guard"}, []string{"sank reported(the coast guard)", "guard asserted"}},
		{"according to, trailing", "The ferry sank at dawn, according to the coast guard.",
			[]string{"sank"}, []string{"sank reported(the coast guard)"}},
		{"according to covers only the clause before it",
			"Rescuers searched all night, and the ferry sank at dawn, according to the coast guard.",
			[]string{"searched", "sank"}, []string{"searched asserted", "sank reported(the coast guard)"}},
		{"according to in mid-sentence", "The ferry sank at dawn, according to the coast guard, and rescuers pulled 40 people from the water.",
			[]string{"sank", "pulled"}, []string{"sank reported(the coast guard)", "pulled asserted"}},
		{"according to an agency with an abbreviation", "According to U.S. Customs and Border Protection, crossings fell in May.",
			[]string{"fell"}, []string{"fell reported(U.S. Customs and Border Protection)"}},

		// "X said (that) …".
		{"said", "The minister said the dam held.",
			[]string{"held"}, []string{"held reported(The minister)"}},
		{"said that", "The minister said that the dam held.",
			[]string{"held"}, []string{"held reported(The minister)"}},
		{"said on a day that", "The minister said on Tuesday that the dam held.",
			[]string{"held"}, []string{"held reported(The minister)"}},
		{"told reporters", "He told reporters the talks had failed.",
			[]string{"failed"}, []string{"failed reported(He)"}},
		{"auxiliary and adverb before the verb", "The minister had earlier said the bridge would reopen.",
			[]string{"reopen"}, []string{"reopen reported(The minister)"}},
		{"abbreviation in the subject", "U.S. officials said the bridge would reopen.",
			[]string{"reopen"}, []string{"reopen reported(U.S. officials)"}},
		{"title in the subject", "Mr. Okafor said the trial would resume.",
			[]string{"resume"}, []string{"resume reported(Mr. Okafor)"}},
		{"reported this week that", "The Times reported this week that the union will strike.",
			[]string{"strike"}, []string{"strike reported(The Times)"}},
		{"subject stops at a subordinator", "The trial resumed on Monday after the judge said she had recovered.",
			[]string{"resumed", "recovered"}, []string{"resumed asserted", "recovered reported(the judge)"}},
		{"relative clause ends at its comma", "The vote, which officials said was fair, ended at noon.",
			[]string{"fair", "ended"}, []string{"fair reported(officials)", "ended asserted"}},

		// Trailing "…, X said." covers the last clause.
		{"trailing said", "The dam held overnight, the minister said.",
			[]string{"held"}, []string{"held reported(the minister)"}},
		{"trailing said on a day", "The dam held overnight, the minister said on Tuesday.",
			[]string{"held"}, []string{"held reported(the minister)"}},
		{"trailing told reporters in a statement", "The dam held overnight, the minister told reporters in a statement.",
			[]string{"held"}, []string{"held reported(the minister)"}},
		{"trailing plural source", "The dam held overnight, police and firefighters said.",
			[]string{"held"}, []string{"held reported(police and firefighters)"}},
		{"fact before a relative clause stays asserted", "Rescuers reached the village that the river cut off, officials said.",
			[]string{"reached", "cut"}, []string{"reached asserted", "cut reported(officials)"}},
		{"heard that … prosecutors said", "The court heard that the defendant fled, prosecutors said.",
			[]string{"heard", "fled"}, []string{"heard asserted", "fled reported(prosecutors)"}},
		{"trailing said, adding that", "The dam held, police said, adding that two people drowned.",
			[]string{"held", "drowned"}, []string{"held reported(police)", "drowned reported(police)"}},
		{"parenthetical said", "The river rose, the mayor said, and the dam held.",
			[]string{"rose", "held"}, []string{"rose reported(the mayor)", "held reported(the mayor)"}},
		{"parenthetical pronoun", "The union, it said, will strike on Monday.",
			[]string{"strike"}, []string{"strike reported(it)"}},

		// An appositive between the source and the verb names the
		// person's role: the source is the person.
		{"appositive before said", "Jane Roe, director of the Harbour Trust, said 40 boats sank.",
			[]string{"sank"}, []string{"sank reported(Jane Roe)"}},
		{"appositive with an article", "Tom Hale, a spokesman for the port, said the pier would close.",
			[]string{"close"}, []string{"close reported(Tom Hale)"}},
		{"appositive, trailing", "The pier will close, Jane Roe, director of the Harbour Trust, said.",
			[]string{"close"}, []string{"close reported(Jane Roe)"}},
		{"a list before said is no appositive", "Boats, nets, and traps, the fishermen said, were lost.",
			[]string{"lost"}, []string{"lost reported(the fishermen)"}},

		// Quotes with the source after them.
		{"said NAME after a quote", `"The dam held overnight," said Maria Lopez.`,
			[]string{"held"}, []string{"held reported(Maria Lopez)"}},
		{"said the NOUN after a quote", `"The dam held overnight," said the engineer.`,
			[]string{"held"}, []string{"held reported(the engineer)"}},
		{"quote then source said", `"We will strike on Monday," the union leader said.`,
			[]string{"strike"}, []string{"strike reported(the union leader)"}},
		{"split quote", `"We will strike on Monday," she said, "and we will win."`,
			[]string{"strike", "win"}, []string{"strike reported(she)", "win reported(she)"}},

		// Nouns and adjectives that look like report verbs.
		{"asylum claims", "Officials rejected asylum claims from the group last year.",
			[]string{"rejected", "group"}, []string{"rejected asserted", "group asserted"}},
		{"news reports", "Officials dismissed news reports of a second flood.",
			[]string{"dismissed", "flood"}, []string{"dismissed asserted", "flood asserted"}},
		{"the United States", "The United States sent two ships to the flooded coast.",
			[]string{"sent", "coast"}, []string{"sent asserted", "coast asserted"}},
		{"noun before a verb after a capital", "Insurance claims rose after the floods.",
			[]string{"rose"}, []string{"rose asserted"}},
		{"estimates as a noun", "Early estimates put the damage at two million euros.",
			[]string{"damage"}, []string{"damage asserted"}},
		{"the reported damage", "The reported damage was low.",
			[]string{"damage", "low"}, []string{"damage asserted", "low asserted"}},
		{"the estimated cost", "The estimated cost rose to two million euros.",
			[]string{"rose"}, []string{"rose asserted"}},
		{"confirmed cases", "Officials counted 40 confirmed cases in the town.",
			[]string{"cases"}, []string{"cases asserted"}},
		{"passive announced", "The results were announced on Monday.",
			[]string{"results", "Monday"}, []string{"results asserted", "Monday asserted"}},
		{"a number as the subject", "The two said they would meet again.",
			[]string{"meet"}, []string{"meet reported(The two)"}},
		{"a number as the subject, trailing", "The talks failed, the three confirmed on Monday.",
			[]string{"failed"}, []string{"failed reported(the three)"}},
		{"claims as a verb after a name", "Smith claims the vote was rigged.",
			[]string{"rigged"}, []string{"rigged reported(Smith)"}},
		{"reports as the subject of said", "Local news reports said the ferry sank.",
			[]string{"sank"}, []string{"sank reported(Local news reports)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := attributionsOf(t, tt.sentence, tt.probes...)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tt.sentence, diff)
			}
		})
	}
}

// TestAttributionInFacts checks that a fact carries its sentence's
// attribution through Extract.
func TestAttributionInFacts(t *testing.T) {
	tp := &Topic{ID: "t", Entities: []Entity{{ID: "brava", Name: "Brava"}},
		Slots: []Slot{{ID: "ports", Kind: KindEntitySet, Members: []string{"brava"}}}}
	tests := []struct {
		name, text string
		want       []string
	}{
		{"own voice", "The ferry docked at Brava on Sunday.", []string{`"Brava"=brava asserted`}},
		{"hedge", "The ferry reportedly docked at Brava.", []string{`"Brava"=brava reported`}},
		{"trailing source", "The ferry docked at Brava, the port authority said.", []string{`"Brava"=brava reported(the port authority)`}},
		{"leading source", "According to the crew, the ferry docked at Brava.", []string{`"Brava"=brava reported(the crew)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := renderSlot(extractText(t, tp, headline+tt.text+"\n"), "ports")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
