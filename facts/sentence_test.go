package facts

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// splitSentences returns the sentences of the paragraph text[para], as
// text, checking that each span lies in the paragraph and is trimmed.
func splitSentences(t *testing.T, text string, para Span) []string {
	t.Helper()
	out := []string{}
	for _, sp := range Sentences(text, para) {
		if !para.Contains(sp) || sp.Len() == 0 {
			t.Errorf("sentence span %v outside paragraph %v or empty", sp, para)
			continue
		}
		s := text[sp.Start:sp.End]
		if strings.TrimSpace(s) != s {
			t.Errorf("sentence %q is not trimmed", s)
		}
		out = append(out, s)
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"two plain sentences", "The vote ended. Turnout was low.",
			[]string{"The vote ended.", "Turnout was low."}},
		{"month abbreviation", "The vote is set for Jan. 14 in the capital. Turnout was low.",
			[]string{"The vote is set for Jan. 14 in the capital.", "Turnout was low."}},
		{"titles", "Dr. Amara Osei treated 40 patients. Mr. Lund thanked her.",
			[]string{"Dr. Amara Osei treated 40 patients.", "Mr. Lund thanked her."}},
		{"U.S. before a name and as a subject", "Aid came from the U.S. Navy on Friday. The U.S. sent two ships.",
			[]string{"Aid came from the U.S. Navy on Friday.", "The U.S. sent two ships."}},
		{"U.S. ends a sentence", "The ship sailed for the U.S. Then it sank.",
			[]string{"The ship sailed for the U.S.", "Then it sank."}},
		{"middle initial", "The judge was Rodney S. Scott of Ohio. He ruled quickly.",
			[]string{"The judge was Rodney S. Scott of Ohio.", "He ruled quickly."}},
		{"quote closes a sentence", `"We will appeal," he said. "The verdict is wrong." Next came the press.`,
			[]string{`"We will appeal," he said.`, `"The verdict is wrong."`, "Next came the press."}},
		{"curly quotes", "“We will appeal,” he said. “The verdict is wrong.” Next came the press.",
			[]string{"“We will appeal,” he said.", "“The verdict is wrong.”", "Next came the press."}},
		{"single curly quotes", "‘It’s over,’ she said. ‘Go home.’",
			[]string{"‘It’s over,’ she said.", "‘Go home.’"}},
		{"quoted word that is also an abbreviation", `He said: "No." Then he left.`,
			[]string{`He said: "No."`, "Then he left."}},
		{"No. before a number", "The case, No. 12, was heard. It lasted a day.",
			[]string{"The case, No. 12, was heard.", "It lasted a day."}},
		{"decimal", "Prices rose 3.5 percent in May. Wages fell.",
			[]string{"Prices rose 3.5 percent in May.", "Wages fell."}},
		{"U.S.-Mexico", "The U.S.-Mexico border reopened. Trucks crossed.",
			[]string{"The U.S.-Mexico border reopened.", "Trucks crossed."}},
		{"question and exclamation", "Will the ferry sail? Nobody knows! The captain declined to comment.",
			[]string{"Will the ferry sail?", "Nobody knows!", "The captain declined to comment."}},
		{"closing bracket", "It rained (heavily). Then it stopped.",
			[]string{"It rained (heavily).", "Then it stopped."}},
		{"next sentence starts with a digit", "The score was 2-1. 3 goals were disallowed.",
			[]string{"The score was 2-1.", "3 goals were disallowed."}},
		{"ellipsis", "A crowd of 1,200 gathered... Police watched.",
			[]string{"A crowd of 1,200 gathered...", "Police watched."}},
		{"place abbreviation", "He is from St. Louis. He moved.",
			[]string{"He is from St. Louis.", "He moved."}},
		{"military title", "Gen. Okoro spoke. Troops cheered.",
			[]string{"Gen. Okoro spoke.", "Troops cheered."}},
		{"e.g. inside a sentence", "Ms. Ito won. Others, e.g. her rival, lost.",
			[]string{"Ms. Ito won.", "Others, e.g. her rival, lost."}},
		{"lower case after a dot does not start a sentence", "The score was 2-1 at the break. then the rain came.",
			[]string{"The score was 2-1 at the break. then the rain came."}},
		{"no final stop", "The vote ended. Results due soon",
			[]string{"The vote ended.", "Results due soon"}},
		{"surrounding space", "  The vote ended.   Turnout was low.  ",
			[]string{"The vote ended.", "Turnout was low."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitSentences(t, tt.text, Span{0, len(tt.text)})
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestSentenceSpans checks exact offsets for a paragraph inside a longer
// text with multi-byte letters before it.
func TestSentenceSpans(t *testing.T) {
	text := "Überschrift\n\nDie Fähre sank. Zwei Männer überlebten!\nEnde"
	start := strings.Index(text, "Die")
	para := Span{start, start + len("Die Fähre sank. Zwei Männer überlebten!")}
	got := []string{}
	for _, sp := range Sentences(text, para) {
		got = append(got, fmt.Sprintf("%d:%d", sp.Start, sp.End))
	}
	want := []string{"14:30", "31:56"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Die Fähre sank.", "Zwei Männer überlebten!"}, splitSentences(t, text, para)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Smith's team won 3-1.", []string{"Smith", "'s", "team", "won", "3-1", "."}},
		{"The U.S. and the U.N. met.", []string{"The", "U.S", ".", "and", "the", "U.N", ".", "met", "."}},
		{"Costs of 1,200 euros rose 3.5%.", []string{"Costs", "of", "1,200", "euros", "rose", "3.5", "%", "."}},
		{"They didn't go to O'Brien's.", []string{"They", "did", "n't", "go", "to", "O'Brien", "'s", "."}},
		{"A 14-year war, al-Zahra said.", []string{"A", "14-year", "war", ",", "al-Zahra", "said", "."}},
		{"“Go,” she said — loudly.", []string{"“", "Go", ",", "”", "she", "said", "—", "loudly", "."}},
	}
	for _, tt := range tests {
		got := []string{}
		for _, tok := range Tokenize(tt.text, 0, len(tt.text)) {
			if tt.text[tok.Span.Start:tok.Span.End] != tok.Text {
				t.Errorf("%q: token %q at %v", tt.text, tok.Text, tok.Span)
			}
			got = append(got, tok.Text)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Tokenize(%q) (-want +got):\n%s", tt.text, diff)
		}
	}
}
