package facts

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// parseText parses text as an article file named x.txt, failing the test
// on error.
func parseText(t *testing.T, text string) Article {
	t.Helper()
	a, err := ParseArticle("x.txt", []byte(text))
	if err != nil {
		t.Fatalf("ParseArticle(%q): %v", text, err)
	}
	return a
}

// extractText parses text as an article and extracts the topic's facts
// from it, checking that every fact's spans point at its surface and
// sentence.
func extractText(t *testing.T, tp *Topic, text string) []Fact {
	t.Helper()
	x, err := NewExtractor(tp)
	if err != nil {
		t.Fatalf("NewExtractor: %v", err)
	}
	a := parseText(t, text)
	fs, err := x.Extract(context.Background(), &a)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	for _, f := range fs {
		if got := a.Text[f.Span.Start:f.Span.End]; got != f.Surface {
			t.Errorf("fact %s: text at span %v is %q, surface %q", f.Slot, f.Span, got, f.Surface)
		}
		if got := a.Text[f.SentenceSpan.Start:f.SentenceSpan.End]; got != f.Sentence {
			t.Errorf("fact %s: text at sentence span %v is %q, sentence %q", f.Slot, f.SentenceSpan, got, f.Sentence)
		}
		if !f.SentenceSpan.Contains(f.Span) {
			t.Errorf("fact %s: span %v outside its sentence %v", f.Slot, f.Span, f.SentenceSpan)
		}
	}
	// The callers test topic slots; general facts have their own tests.
	var slotted []Fact
	for _, f := range fs {
		if !f.Generated() {
			slotted = append(slotted, f)
		}
	}
	return slotted
}

// headline opens test articles so that their first sentence is body text,
// not taken for the title.
const headline = "Regional news roundup for today\n\n"

// renderFact renders the parts of a fact the slot tests compare:
// `"surface"=value aspect attribution(source) negated background`.
func renderFact(f Fact) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q=%s", f.Surface, f.Value)
	if f.Aspect != "" {
		b.WriteString(" " + string(f.Aspect))
	}
	b.WriteString(" " + string(f.Attribution))
	if f.Source != "" {
		b.WriteString("(" + f.Source + ")")
	}
	if f.Negated {
		b.WriteString(" negated")
	}
	if f.Background {
		b.WriteString(" background")
	}
	return b.String()
}

// renderSlot renders the facts of one slot.
func renderSlot(fs []Fact, slot string) []string {
	out := []string{}
	for _, f := range fs {
		if f.Slot == slot {
			out = append(out, renderFact(f))
		}
	}
	return out
}
