package facts

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestQuoteSpeakers checks who a quote is credited to: a pronoun binds
// only to a person named nearby, a surname only to the one person who
// has it, and places and sentence openers are nobody's name.
func TestQuoteSpeakers(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		// Pronouns.
		{"pronoun skips a place", "Governor June Ellis spoke in Port Alder on Monday. Port Alder has waited for the bridge for a decade. \"We will build it this year,\" she said.",
			[]string{"June Ellis: We will build it this year"}},
		{"pronoun never binds to a body", `The Harbour Trust said the pier would close. "It is not safe for anyone," he said.`,
			[]string{"?: It is not safe for anyone"}},
		{"pronoun binds to a titled surname", `Mr. Hale praised the crews. "They worked all night long," he said.`,
			[]string{"Hale: They worked all night long"}},
		{"pronoun does not reach back four paragraphs", "Mayor Ann Holt opened the bridge.\n\nTraffic was light.\n\nShops stayed closed.\n\nRain fell at noon.\n\n\"It is a great day for the town,\" she said.",
			[]string{"?: It is a great day for the town"}},
		{"a name after 'and' in an object is no subject", `Dan Cole, the port director, said he would meet Mayor Jim Hale and Rita Moss, the harbour master. "We need more berths," he said.`,
			[]string{"Dan Cole: We need more berths"}},

		// Surnames.
		{"surname of two people stays a surname", `Governor June Ellis and her husband, Tom Ellis, toured the dam. "The dam is safe," Ellis said.`,
			[]string{"Ellis: The dam is safe"}},
		{"surname standing alone before the full name stays a surname", "Hale arrived on Monday.\n\nHale spoke to the crowd.\n\nHis wife, Maria Hale, stayed home.\n\n\"We will win this seat,\" Hale said.",
			[]string{"Hale: We will win this seat"}},
		{"titled surname beside a full name stays a surname", `President Hale and Maria Hale arrived on Monday. "We will win this seat," Hale said.`,
			[]string{"Hale: We will win this seat"}},
		{"surname of one person maps to the full name", "Governor June Ellis toured the dam.\n\n\"The dam is safe,\" Ellis said.",
			[]string{"June Ellis: The dam is safe"}},
		{"two spellings of one given name are one person", "Governor Ahmed Saleh toured the dam. Ahmad Saleh later met the engineers.\n\n\"The dam is safe,\" Saleh said.",
			[]string{"Ahmad Saleh: The dam is safe"}},
		{"full names with and without a middle initial are one person", "Governor June Ellis toured the dam. June T. Ellis later met the engineers.\n\n\"The dam is safe,\" Ellis said.",
			[]string{"June T. Ellis: The dam is safe"}},

		// Not names.
		{"sentence-opening participle is no first name", "Mayor Jim Hale spoke first.\n\nFollowing Hale's speech, the crowd cheered.\n\n\"We will win,\" Hale said.",
			[]string{"Jim Hale: We will win"}},
		{"lone sentence-opening participle is no speaker", `Dispensing with notes, Mayor Jim Hale praised the plan, calling it "a gift to the whole town and its children."`,
			[]string{"Jim Hale: a gift to the whole town and its children."}},
		{"a place is no speaker", `Talks in Port Alder broke down on Monday, and ferries to Port Alder stopped. "The border stays open for now," Port Alder said.`,
			[]string{"?: The border stays open for now"}},

		// Appositives name the person, not the body.
		{"appositive before said", `"The pier is closed," Jane Roe, director of the Harbour Trust, said.`,
			[]string{"Jane Roe: The pier is closed"}},
		{"appositive before a colon quote", `Jane Roe, director of the Harbour Trust, said: "The pier is closed until spring."`,
			[]string{"Jane Roe: The pier is closed until spring."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := renderQuotes(quotesOf(t, c.text))
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("quotes of %q (-want +got):\n%s", c.text, diff)
			}
		})
	}
}

// TestQuoteSplitAroundAttribution checks that the halves of a sentence
// quoted around its attribution are one quote, and that other quotes
// next to an attribution stay apart.
func TestQuoteSplitAroundAttribution(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"lower-case continuation", `"We'll see," Mayor Ann Holt said, "whether the dam holds until spring."`,
			[]string{"Ann Holt: We'll see whether the dam holds until spring."}},
		{"pronoun attribution", `Mayor Ann Holt spoke last. "The river is high," she said, "but the levee will hold."`,
			[]string{"Ann Holt: The river is high but the levee will hold."}},
		{"a new sentence after the attribution stays apart", `"The river is high," Mayor Ann Holt said on Monday. "The levee will hold."`,
			[]string{"Ann Holt: The river is high", "Ann Holt: The levee will hold."}},
		{"a fragment inside a paraphrase stays apart", `"The levee will hold," Mayor Ann Holt said, noting that the county "should have raised it ten years ago."`,
			[]string{"Ann Holt: The levee will hold", "Ann Holt: should have raised it ten years ago."}},
		{"a fragment after a conjunction stays apart", `Mayor Ann Holt called the plan "wasteful," but said she could accept "a smaller bridge" if it was cheap.`,
			[]string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := renderQuotes(quotesOf(t, c.text))
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("quotes of %q (-want +got):\n%s", c.text, diff)
			}
		})
	}
}
