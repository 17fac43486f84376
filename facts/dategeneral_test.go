package facts

import (
	"context"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// generalDates extracts the general date facts of text (after a
// headline), read against pub (the zero Date: no publication date), as
// "slot surface=value".
func generalDates(t *testing.T, text string, pub Date) []string {
	t.Helper()
	a := parseText(t, headline+text)
	a.Published = pub
	fs, err := NewGeneralExtractor("t").Extract(context.Background(), &a)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	checkSpans(t, a, fs)
	out := []string{}
	for _, f := range fs {
		if f.Kind == KindDate {
			out = append(out, f.Slot+" "+f.Surface+"="+f.Value)
		}
	}
	return out
}

func TestGeneralDates(t *testing.T) {
	tests := []struct {
		name string
		text string
		pub  Date
		want []string
	}{
		{"synonyms of dismissal share a slot",
			"Governor June Ellis was ousted in February 2017. Her deputy Ann Roe was fired on Feb. 13, 2017. The clerk was sacked on March 3, 2017.",
			Date{},
			[]string{"date:oust February 2017=2017-02", "date:oust Feb. 13, 2017=2017-02-13", "date:lede Feb. 13, 2017=2017-02-13", "date:oust March 3, 2017=2017-03-03"}},
		{"removal from power joins dismissal through oust",
			"Rebels toppled the Harbour Trust chairman on March 3, 2017, and the army deposed his rival in April 2017.",
			Date{},
			[]string{"date:lede March 3, 2017=2017-03-03", "date:oust March 3, 2017=2017-03-03", "date:oust April 2017=2017-04"}},
		{"a phrase verb is its synonym",
			"Mayor Ann Vole stepped down on Tuesday. Her deputy resigned on Wednesday.",
			nerRef,
			[]string{"date:lede Tuesday=2026-03-10", "date:resign Tuesday=2026-03-10", "date:resign Wednesday=2026-03-04"}},
		{"meeting words share a slot",
			"Mayor Ann Vole held talks with the Port Alder council on Monday, and hosted its chair on Tuesday.",
			nerRef,
			[]string{"date:lede Monday=2026-03-09", "date:meet Monday=2026-03-09", "date:meet Tuesday=2026-03-10"}},
		{"no publication date: a year in passing is no lede",
			"Inspector Ann Roe opened the Port Alder inquiry in May 2017. The inquiry closed on Monday.",
			Date{},
			[]string{"date:open May 2017=2017-05", "date:close Monday=Monday", "date:lede Monday=Monday"}},
		{"no publication date: an attributive year is no lede",
			"Questions cover a 2016 Alder Tower meeting with lawyers.",
			Date{},
			[]string{"date:meet 2016=2016"}},
		{"with a publication date a recent month can be the lede",
			"The Port Alder ferry sank in March, officials said.",
			nerRef,
			[]string{"date:lede March=2026-03", "date:sink March=2026-03"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := generalDates(t, tc.text, tc.pub)
			// Facts of one span come in slot order; the order says nothing.
			sort.Strings(got)
			sort.Strings(tc.want)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("dates of %q (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

func TestCanonicalLemma(t *testing.T) {
	tests := map[string]string{
		"oust": "oust", "topple": "oust", "overthrow": "oust", "depose": "oust",
		"dismiss": "oust", "sack": "oust", "fire": "oust",
		"quit": "resign", "resign": "resign",
		"reveal": "announce", "confirm": "announce",
		"travel": "visit", "host": "meet", "talks": "meet", "summit": "meet",
		"withdraw": "withdraw", "pullout": "withdraw",
	}
	for w, want := range tests {
		if got := canonical(w); got != want {
			t.Errorf("canonical(%q) = %q, want %q", w, got, want)
		}
	}
}

// Events named by synonyms share a slot: "toppled" and "deposed" the same
// ruler, "held talks" and "met" in one place.
func TestEventSynonymSlots(t *testing.T) {
	tests := []struct {
		name, a, b string
	}{
		{"removal from power", "Rebels toppled the Harbour Trust in a night.", "The army deposed the Harbour Trust in a night."},
		{"meeting", "Mayor Ann Vole held talks in Port Alder with the union.", "Mayor Ann Vole met the union in Port Alder."},
	}
	slots := func(text string) map[string]bool {
		_, fs := generalFacts(t, text)
		out := map[string]bool{}
		for _, f := range fs {
			if f.Kind == KindEvent {
				out[f.Slot] = true
			}
		}
		return out
	}
	for _, tc := range tests {
		sa, sb := slots(tc.a), slots(tc.b)
		shared := false
		for s := range sa {
			if sb[s] {
				shared = true
			}
		}
		if !shared {
			t.Errorf("%s: event slots %v and %v share none", tc.name, sa, sb)
		}
	}
}
