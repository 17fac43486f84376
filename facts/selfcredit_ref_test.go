package facts

import (
	"slices"
	"strings"
	"testing"
)

// selfCreditInRef is selfCreditIn as it was: the expression runs on every
// line holding one of its verbs anywhere.
func selfCreditInRef(s string) []string {
	for _, w := range []string{"spoke", "learned", "understands", "contacted", "obtained"} {
		if strings.Contains(s, w) {
			return selfCredit.FindStringSubmatch(s)
		}
	}
	return nil
}

// TestSelfCreditInMatchesReference: the pre-filter never hides a match,
// on the lines of the seeds, the corpus and the fuzz texts and on lines
// made around the expression's edges.
func TestSelfCreditInMatchesReference(t *testing.T) {
	var lines []string
	texts := append(readTexts(t, "../seeds/*.txt", "../../shared/corpus/*/*.txt"), fuzzTexts...)
	for _, text := range texts {
		lines = append(lines, strings.Split(text, "\n")...)
	}
	subjects := []string{"CNN", "BBC", "Reuters", "NBC4", "Channel4", "E4", "the paper", "ÉTAT", "Österreich24", "A", "ÄB", "X1", "cnn", "3AB", "ЖЖ", "Ǆ", "ǅǅ", "A٣", "X_1", "N\xff2", "AB-C", "Ⅻ1"}
	verbs := []string{"spoke with", "spoke to", "spoke  with", "spoke", "has learned", "has\tlearned", "learned", "hasn't learned", "understands", "misunderstands", "contacted", "obtained", "obtainedx", "spoke without", "spoke today", "spoke\vto", "has learnedé", "obtained_", "contacted9"}
	leads := []string{"", "Earlier. ", "Earlier!\n", "said ", "(", "“", "x.", "Yes?  ", ". ", "A. B spoke. ", "Ok.\u00a0", "Ok.\r\n\t"}
	gaps := []string{" ", "\t", "  ", "\u00a0", "", "\v", "-"}
	for _, l := range leads {
		for _, s := range subjects {
			for _, g := range gaps {
				for _, v := range verbs {
					lines = append(lines, l+s+g+v+" the minister.", l+s+g+v)
				}
			}
		}
	}
	matched := 0
	for _, l := range lines {
		got, want := selfCreditIn(l), selfCreditInRef(l)
		if !slices.Equal(got, want) {
			t.Fatalf("selfCreditIn(%q) = %q, want %q", l, got, want)
		}
		if want != nil {
			matched++
		}
	}
	if matched < 50 {
		t.Fatalf("only %d of %d lines match: the test checks little", matched, len(lines))
	}
}

// FuzzSelfCreditIn holds selfCreditIn to the reference on any line.
func FuzzSelfCreditIn(f *testing.F) {
	for _, s := range []string{"CNN spoke with the mayor.", "Earlier. NBC4 has learned", "ÉTAT\tobtained", "the paper obtained", "x. CNN spoke to", "Earlier!  BBC understands_", "A spokesman", "ÀB spoke\fto", "x? Σ4 obtained.", "Ǆ has  learned", "ǅ2 contacted", "A\xff1 spoke with", ".\n\nCNN spoke without"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := selfCreditIn(s), selfCreditInRef(s); !slices.Equal(got, want) {
			t.Fatalf("selfCreditIn(%q) = %q, want %q", s, got, want)
		}
	})
}
