package facts

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNumberFrameOf(t *testing.T) {
	type frame struct {
		Modifiers          []string
		Of, Verb, Subject  string
		Light, Whole, Part bool
	}
	tests := []struct {
		name, text, surface string
		want                frame
	}{
		{"modifier and subject verb", "Twelve member states signed the Alder accord.", "Twelve member states",
			frame{Modifiers: []string{"member"}, Verb: "sign"}},
		{"present verb before a determiner", "Twelve member states signed the accord, and three states border the river.", "three states",
			frame{Verb: "border"}},
		{"passive: the verb before", "The accord was signed by twelve states in Port Alder.", "twelve states",
			frame{Verb: "sign", Subject: "accord"}},
		{"of phrase of money", "Port Alder bought €4 billion of imports last year.", "€4 billion",
			frame{Of: "import", Verb: "buy", Subject: "alder"}},
		{"in phrase of money", "The ministry paid €9 billion in subsidies to farmers.", "€9 billion",
			frame{Of: "subsidy", Verb: "pay", Subject: "ministry"}},
		{"worth of", "The trust bought $5 million worth of equipment.", "$5 million",
			frame{Of: "equipment", Verb: "buy", Subject: "trust"}},
		{"of phrase of a percentage", "Nearly 80 percent of riders passed the first check.", "Nearly 80 percent",
			frame{Of: "rider", Verb: "pass"}},
		{"of phrase of a fraction", "Two-thirds of voters backed the levy.", "Two-thirds",
			frame{Of: "voter", Verb: "back"}},
		{"a share whose surface names its group", "Two-thirds of voters backed the levy.", "Two-thirds of voters",
			frame{Of: "voter", Verb: "back"}},
		{"a percentage whose surface names its group", "The carmaker cut 10 percent of its workforce.", "10 percent of its workforce",
			frame{Of: "workforce", Verb: "cut", Subject: "carmaker"}},
		{"of phrase of a unit", "The depot pumps 1.2 million barrels of oil a day.", "1.2 million barrels",
			frame{Of: "oil", Verb: "pump", Subject: "depot"}},
		{"an insert between noun and verb", "Four people, including Governor June Ellis, have been charged.", "Four people",
			frame{Verb: "charg"}},
		{"a phrase between noun and verb", "About 200 riders from Port Alder prepared to leave.", "About 200 riders",
			frame{Verb: "prepar"}},
		{"a relative clause", "The 30 nurses who walked out on Monday returned.", "30 nurses",
			frame{Verb: "walk"}},
		{"a participle", "Rescuers counted 12 boats drifting beyond the breakwater.", "12 boats",
			frame{Verb: "drift"}},
		{"a light verb", "The panel has at least four dozen demands for the mayor.", "at least four dozen demands",
			frame{Verb: "have", Subject: "panel", Light: true}},
		{"the verb of a list of", "The panel has given a list of almost four dozen demands to the mayor.", "almost four dozen demands",
			frame{Verb: "giv", Subject: "panel"}},
		{"a place after to is no verb", "The ministry sent 300 troops to the border.", "300 troops",
			frame{Verb: "send", Subject: "ministry"}},
		{"a short past form", "In 2016, 30 people died on the coast road.", "30 people",
			frame{Verb: "die"}},
		{"the subject is the head before of", "Critics of the Harbour Trust want $2 million for schools.", "$2 million",
			frame{Verb: "want", Subject: "critic"}},
		{"a hyphenated modifier stays whole", "Rivals posed dozens of open-ended demands.", "dozens of open-ended demands",
			frame{Modifiers: []string{"open-ended"}, Verb: "pos", Subject: "rival"}},
		{"a run of plurals in the of phrase", "Dozens of members of the news media waited.", "Dozens of members",
			frame{Of: "media", Verb: "wait"}},
		{"the whole a part is of", "The Harbour Party won 230 of the 450 seats.", "450 seats",
			frame{Whole: true}},
		{"the part", "The Harbour Party won 230 of the 450 seats.", "230 of the 450 seats",
			frame{Verb: "win", Subject: "party", Part: true}},
		{"an adverb between auxiliary and verb", "Four people were also hurt in Port Alder.", "Four people",
			frame{Verb: "hurt"}},
		{"the noun a measure is of", "The Harbour Trust reported a loss of $3 million.", "$3 million",
			frame{Of: "loss"}},
		{"a perfect passive", "More than 5,000 civilians have been killed since 2014.", "More than 5,000 civilians",
			frame{Verb: "kill"}},
		{"a preposition is no verb", "Police detained 25 protesters, including three minors, outside the court.", "25 protesters",
			frame{Verb: "detain", Subject: "police"}},
		{"a reporting verb is no frame", "Officials said 40 boats sank.", "40 boats",
			frame{Verb: "sink"}},
		{"the possessor is a modifier", "About 150 of the convoy's riders crossed.", "About 150 of the convoy's riders",
			frame{Modifiers: []string{"convoy"}, Verb: "cross"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Without spans the surface is looked up in the sentence.
			nf := NumberFrameOf(Fact{Sentence: tt.text, Surface: tt.surface})
			got := frame{Modifiers: nf.Modifiers, Of: nf.Of, Verb: nf.Verb, Subject: nf.Subject, Light: nf.Light, Whole: nf.Whole, Part: nf.Part}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%q in %q (-want +got):\n%s", tt.surface, tt.text, diff)
			}
		})
	}
}

// TestNumberFrameOfFacts reads frames of facts the finder made, with their
// spans: two "two" in one sentence keep their own frames.
func TestNumberFrameOfFacts(t *testing.T) {
	a := parseText(t, headline+"Two ferries left Port Alder and two ferries of the navy stayed.\n")
	var got []string
	for _, f := range findNumbers(generalDoc(t, &a)) {
		nf := NumberFrameOf(f)
		got = append(got, f.Surface+": of="+nf.Of+" verb="+nf.Verb)
	}
	want := []string{"Two ferries: of= verb=leav", "two ferries: of=navy verb=stay"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestVerbKey(t *testing.T) {
	for _, group := range [][]string{
		{"sign", "signs", "signed", "signing"},
		{"give", "gave", "given", "gives"},
		{"stop", "stops", "stopped", "stopping"},
		{"carry", "carries", "carried"},
		{"arrive", "arrived", "arrives", "arriving"},
		{"has", "have", "had"},
		{"die", "died", "dies"},
	} {
		k := VerbKey(group[0])
		for _, f := range group[1:] {
			if got := VerbKey(f); got != k {
				t.Errorf("VerbKey(%q) = %q, want %q as for %q", f, got, k, group[0])
			}
		}
	}
	if VerbKey("sign") == VerbKey("sing") {
		t.Errorf("sign and sing meet")
	}
}

// TestNumberFrameOfNoPanic reads frames of every word of cut sentences:
// a frame is read from any text without a panic.
func TestNumberFrameOfNoPanic(t *testing.T) {
	texts := []string{
		"Four people, including Governor June Ellis, have been charged.",
		"The panel has given a list of almost four dozen demands to the mayor.",
		"Critics of the Harbour Trust want $2 million for schools, the trust has",
		"The Harbour Party won 230 of the 450 seats, and 12 of",
		"€4 billion of",
	}
	for _, text := range texts {
		for cut := 0; cut <= len(text); cut++ {
			sentence := text[:cut]
			for _, tok := range Tokenize(sentence, 0, len(sentence)) {
				NumberFrameOf(Fact{Sentence: sentence, Surface: tok.Text})
				NumberFrameOf(Fact{Sentence: sentence, Surface: tok.Text, Span: Span{tok.Span.Start + 3, tok.Span.End + 3}, SentenceSpan: Span{3, 3 + len(sentence)}})
			}
		}
	}
}

// TestFindNumbersCutNoPanic runs the number finder over every cut of
// sentences with parts, fractions and vague amounts.
func TestFindNumbersCutNoPanic(t *testing.T) {
	texts := []string{
		"The Harbour Party won 230 of the 450 seats and three quarters of a mile of road.",
		"Half a million people and a couple of dozen crates, a dozen or so boats.",
		"Tens of millions of dollars; almost four dozen demands.",
	}
	for _, text := range texts {
		for cut := 1; cut <= len(text); cut++ {
			a := parseText(t, headline+text[:cut]+"\n")
			findNumbers(generalDoc(t, &a))
		}
	}
}

func TestNumberFrameTimes(t *testing.T) {
	tests := []struct {
		text, surface        string
		years, months, wdays []string
	}{
		{"In March 2019, 40 ferries sailed on Sunday.", "40 ferries", []string{"2019"}, []string{"March"}, []string{"sunday"}},
		{"Governor June Ellis said 40 ferries sailed.", "40 ferries", nil, nil, nil},
		{"Senator Ann March said 40 ferries sailed.", "40 ferries", nil, nil, nil},
	}
	for _, tt := range tests {
		nf := NumberFrameOf(Fact{Sentence: tt.text, Surface: tt.surface})
		got := [][]string{nf.Years, nf.Months, nf.Weekdays}
		if diff := cmp.Diff([][]string{tt.years, tt.months, tt.wdays}, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.text, diff)
		}
	}
}
