package facts

import (
	"context"
	"sort"
	"testing"
	"unicode/utf8"
)

// Fuzz targets for every parser that takes outside bytes. Each checks
// invariants, not only the absence of a panic: spans lie inside the text
// and hold the surface, sentences hold their facts, facts come in text
// order, keys are idempotent and name sameness symmetric.

var fuzzTexts = []string{
	"Ferry fees capped\n\nPORT ALDER, March 11 (Harbour Wire) — The Harbour Trust voted on Tuesday to cap fees, chair Ann B. Roe said. About 150 boats use the port.",
	"Fees\n\nPosted on March 11, 2026\n\n“We will keep the port open,” Ann Roe said. “Soon,” she added. Two-thirds of voters, 1.2 million barrels, a dozen crates.",
	"<html><body><h1>Port</h1><p>Governor June Ellis said on the 4th of March that U.N. monitors, not UN ones, left Port Alder in May 2016.</p></body></html>",
	"A\n\n\u201cHalf\u201d he said \"quote 'nested' end\" - 3/4 of a mile; €4 billion of imports; tens of thousands of letters.",
}

// FuzzParseArticle: reading never panics, refuses with an InputError, and
// what it accepts has its title and body inside the text.
func FuzzParseArticle(f *testing.F) {
	for _, s := range fuzzTexts {
		f.Add([]byte(s))
	}
	f.Add([]byte("%PDF-1.4"))
	f.Add([]byte{0xFF, 0xFE, 'a', 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := ParseArticle("f.txt", b)
		if err != nil {
			return
		}
		inText := func(sp Span) bool { return sp.Start >= 0 && sp.Start <= sp.End && sp.End <= len(a.Text) }
		if !inText(a.TitleSpan) {
			t.Fatalf("title span %v outside a %d-byte text", a.TitleSpan, len(a.Text))
		}
		last := -1
		for _, sp := range a.Body {
			if !inText(sp) || sp.Start < last {
				t.Fatalf("body span %v outside the text or out of order", sp)
			}
			last = sp.End
			for _, s := range Sentences(a.Text, sp) {
				if !sp.Contains(s) {
					t.Fatalf("sentence %v outside its paragraph %v", s, sp)
				}
			}
		}
	})
}

// FuzzExtractGeneral: every general finder (numbers, durations, counts,
// entities, events, dates, quotes) keeps its evidence true.
func FuzzExtractGeneral(f *testing.F) {
	for _, s := range fuzzTexts {
		f.Add(s)
	}
	g := NewGeneralExtractor("fuzz")
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseArticle("f.txt", []byte(s))
		if err != nil {
			return
		}
		fs, err := g.Extract(context.Background(), &a)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range fs {
			if x.Span.Start < 0 || x.Span.End > len(a.Text) || x.Span.Start > x.Span.End {
				t.Fatalf("%s: span %v outside a %d-byte text", x.Slot, x.Span, len(a.Text))
			}
			if a.Text[x.Span.Start:x.Span.End] != x.Surface {
				t.Fatalf("%s: text at span %q, surface %q", x.Slot, a.Text[x.Span.Start:x.Span.End], x.Surface)
			}
			if a.Text[x.SentenceSpan.Start:x.SentenceSpan.End] != x.Sentence {
				t.Fatalf("%s: sentence span does not hold the sentence", x.Slot)
			}
			if x.Kind != KindQuote && !x.SentenceSpan.Contains(x.Span) {
				t.Fatalf("%s: span %v outside its sentence %v", x.Slot, x.Span, x.SentenceSpan)
			}
		}
		if !sort.SliceIsSorted(fs, func(i, j int) bool { return fs[i].Span.Start < fs[j].Span.Start }) {
			t.Fatal("facts are not in text order")
		}
	})
}

// FuzzFindDates: date mentions lie in the text, in order, and their token
// ranges lie in the tokens.
func FuzzFindDates(f *testing.F) {
	for _, s := range fuzzTexts {
		f.Add(s)
	}
	ref, _ := ParseISODate("2026-03-11")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		toks := Tokenize(s, 0, len(s))
		last := -1
		for _, m := range FindDates(s, toks, ref) {
			if m.Span.Start < last || m.Span.End > len(s) || s[m.Span.Start:m.Span.End] != m.Surface {
				t.Fatalf("mention %+v: out of order or not the text at its span", m)
			}
			if m.First < 0 || m.Last >= len(toks) || m.First > m.Last {
				t.Fatalf("mention %+v: token range outside %d tokens", m, len(toks))
			}
			last = m.Span.Start
		}
	})
}

// FuzzNameKey: a name key is stable under re-keying the key's own
// spelling, and SameName is symmetric.
func FuzzNameKey(f *testing.F) {
	f.Add("Ahmed al-Sharaa", "Ahmad al-Sharaa")
	f.Add("Lee Min-ho", "Lee Min Ho")
	f.Add("U.N.", "UN")
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		if k := NameKey(a); NameKey(a) != k {
			t.Fatal("NameKey is not deterministic")
		}
		if SameName(a, b) != SameName(b, a) {
			t.Fatalf("SameName(%q, %q) is not symmetric", a, b)
		}
		if Fold(Fold(a)) != Fold(a) {
			t.Fatalf("Fold is not idempotent on %q", a)
		}
	})
}

// FuzzParseTopic: a topic file of any bytes is accepted or refused with a
// TopicError, never a panic or a runaway decode.
func FuzzParseTopic(f *testing.F) {
	f.Add([]byte("id: ferry\ntitle: Ferry\nentities:\n  - {id: alder, name: Port Alder, kind: place, aliases: [Alder]}\nslots:\n  - {id: places, kind: entity-set, members: [alder]}\n"))
	f.Add([]byte("id: a\ntitle: t\nx: &a [1,2]\ny: [*a,*a]\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		tp, err := ParseTopic("topic.yaml", b)
		if err == nil && tp.ID == "" {
			t.Fatal("a topic without an id was accepted")
		}
	})
}

// fuzzFinder checks one finder's evidence on any text: every span inside
// the text holding the surface, inside its sentence, and the sentence span
// holding the sentence. Each finder has its own target so that the fuzzer
// spends its time on that finder's input space.
func fuzzFinder(f *testing.F, finders ...func(*doc) []Fact) {
	for _, s := range fuzzTexts {
		f.Add(s)
	}
	x := NewGeneralExtractor("fuzz").x
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseArticle("f.txt", []byte(s))
		if err != nil {
			return
		}
		d := x.analyse(&a)
		for _, find := range finders {
			for _, fc := range find(d) {
				if fc.Span.Start < 0 || fc.Span.End > len(a.Text) || fc.Span.Start > fc.Span.End {
					t.Fatalf("%s: span %v outside a %d-byte text", fc.Slot, fc.Span, len(a.Text))
				}
				if a.Text[fc.Span.Start:fc.Span.End] != fc.Surface {
					t.Fatalf("%s: text at span %q, surface %q", fc.Slot, a.Text[fc.Span.Start:fc.Span.End], fc.Surface)
				}
				if a.Text[fc.SentenceSpan.Start:fc.SentenceSpan.End] != fc.Sentence || !fc.SentenceSpan.Contains(fc.Span) {
					t.Fatalf("%s: sentence span %v does not hold the sentence or the span %v", fc.Slot, fc.SentenceSpan, fc.Span)
				}
				if fc.Slot == "" || fc.Value == "" && fc.Kind != KindEntitySet {
					t.Fatalf("fact without a slot or value: %+v", fc)
				}
			}
		}
	})
}

// FuzzFindNumbers: the number, duration and count finders.
func FuzzFindNumbers(f *testing.F) { fuzzFinder(f, findNumbers, findDurations, findCounts) }

// FuzzFindEntities: the entity, event and general date finders.
func FuzzFindEntities(f *testing.F) { fuzzFinder(f, findEntities, findEvents, findGeneralDates) }

// FuzzReadHTML: a page of any markup is read as text or refused, and what
// is read is valid UTF-8 with its title inside. (Tags cannot be checked
// for: "&lt;p&gt;" is text that reads as a tag once decoded.)
func FuzzReadHTML(f *testing.F) {
	f.Add("<h1>Port</h1><p>Governor June Ellis said on Tuesday.</p>")
	f.Add("<script>alert(1)</script><p>Text &amp; more &#x2014; <b>bold</b></p><!-- c -->")
	f.Fuzz(func(t *testing.T, s string) {
		page := "<!DOCTYPE html><html><head><title>T</title></head><body>" + s + "</body></html>"
		a, err := ParseArticle("f.html", []byte(page))
		if err != nil {
			return
		}
		if a.TitleSpan.End > len(a.Text) || a.TitleSpan.Start > a.TitleSpan.End || !utf8.ValidString(a.Text) {
			t.Fatalf("page read as invalid text or title %v outside it: %q", a.TitleSpan, a.Text)
		}
	})
}
