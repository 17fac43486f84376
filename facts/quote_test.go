package facts

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// quotesOf parses text (after a headline) and returns its quote facts,
// checking the evidence of each: the text at Span is Surface, the text at
// SentenceSpan is Sentence, and the sentence holds the quote.
func quotesOf(t *testing.T, text string) []Fact {
	t.Helper()
	a := parseText(t, headline+text)
	d := (&Extractor{topic: &Topic{ID: "t"}, aliases: newAliasIndex(nil)}).analyse(&a)
	fs := findQuotes(d)
	for _, f := range fs {
		if got := a.Text[f.Span.Start:f.Span.End]; got != f.Surface {
			t.Errorf("text at span %v is %q, surface %q", f.Span, got, f.Surface)
		}
		if got := a.Text[f.SentenceSpan.Start:f.SentenceSpan.End]; got != f.Sentence {
			t.Errorf("text at sentence span %v is %q, sentence %q", f.SentenceSpan, got, f.Sentence)
		}
		if !f.SentenceSpan.Contains(f.Span) {
			t.Errorf("quote %q: span %v outside its sentence %v", f.Value, f.Span, f.SentenceSpan)
		}
		if f.Kind != KindQuote || f.Attribution != Reported || f.Extractor != "quote" {
			t.Errorf("quote %q: kind %q, attribution %q, extractor %q", f.Value, f.Kind, f.Attribution, f.Extractor)
		}
		wantSlot, wantLabel := "quote:unknown", "quote: unknown"
		if f.Source != "" {
			wantSlot, wantLabel = "quote:"+NameKey(f.Source), "quote: "+f.Source
		}
		if f.Slot != wantSlot || f.Label != wantLabel {
			t.Errorf("quote %q by %q: slot %q label %q, want %q %q", f.Value, f.Source, f.Slot, f.Label, wantSlot, wantLabel)
		}
		if strings.ContainsAny(f.Surface[:1]+f.Surface[len(f.Surface)-1:], `"“”`) {
			t.Errorf("quote %q: surface %q keeps a quote mark", f.Value, f.Surface)
		}
	}
	return fs
}

// renderQuotes renders quote facts as "speaker: value", "?" standing for
// an unknown speaker.
func renderQuotes(fs []Fact) []string {
	out := []string{}
	for _, f := range fs {
		s := f.Source
		if s == "" {
			s = "?"
		}
		out = append(out, s+": "+f.Value)
	}
	return out
}

func TestFindQuotes(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		// Quote before the speaker.
		{"said NAME", `"The dam held overnight," said Maria Lopez, the county engineer.`,
			[]string{"Maria Lopez: The dam held overnight"}},
		{"NAME said with a title", `"We will appeal the verdict," defence lawyer Tom Hale said on Friday.`,
			[]string{"Tom Hale: We will appeal the verdict"}},
		{"capitalised title dropped", `"The bridge is safe to reopen," Transport Minister Ewa Kowalska said.`,
			[]string{"Ewa Kowalska: The bridge is safe to reopen"}},
		{"curly quotes", `“We are ready for the final,” the striker Paulo Dias said after training.`,
			[]string{"Paulo Dias: We are ready for the final"}},
		{"appositive before the verb", `"Turnout was low in the north," Maria Santos, a spokeswoman for the electoral board, told reporters.`,
			[]string{"Maria Santos: Turnout was low in the north"}},
		{"according to after", `"Turnout was the highest in thirty years," according to election commissioner Joan Baptiste.`,
			[]string{"Joan Baptiste: Turnout was the highest in thirty years"}},
		{"honorific after said", `"Depending on the tide, the ferry may wait," said Rep. Zoe Hartley, who sits on the transport committee.`,
			[]string{"Zoe Hartley: Depending on the tide, the ferry may wait"}},
		{"organisation speaker", `"Services will resume on Monday," Metro Transit said.`,
			[]string{"Metro Transit: Services will resume on Monday"}},
		{"common noun speaker is unknown", `"The match will go ahead as planned," the league said in a statement.`,
			[]string{"?: The match will go ahead as planned"}},

		// Speaker before the quote.
		{"told: quote", `Judge Alan Wexler told the court: "The evidence does not support the charge."`,
			[]string{"Alan Wexler: The evidence does not support the charge."}},
		{"said that quote", `Mayor Lena Ortiz said that "every house on the river road will be inspected."`,
			[]string{"Lena Ortiz: every house on the river road will be inspected."}},
		{"according to before", `According to Chief Inspector Ravi Patel, "the water rose faster than any model predicted."`,
			[]string{"Ravi Patel: the water rose faster than any model predicted."}},
		{"told Y: quote with honorific", `Mr. Daniel Osei told Radio Accra: "The results will be announced tomorrow."`,
			[]string{"Daniel Osei: The results will be announced tomorrow."}},
		{"who said", `Reporters spoke with hydrologist Peter Lang, who said the dam was sound, "but the spillway needs urgent work."`,
			[]string{"Peter Lang: but the spillway needs urgent work."}},
		{"participle", `Judge Helen Cho adjourned the hearing, saying "the court needs more time to review the evidence."`,
			[]string{"Helen Cho: the court needs more time to review the evidence."}},

		// Pronouns and later mentions.
		{"pronoun after a named subject", `Coach Rita Moreno praised her team. "We never stopped running," she said. "The second half was ours," she added.`,
			[]string{"Rita Moreno: We never stopped running", "Rita Moreno: The second half was ours"}},
		{"pronoun to the last speaker", "\"We played well,\" said captain Tom Reed.\n\nFans cheered outside the stadium.\n\n\"We will be back next year,\" he added.",
			[]string{"Tom Reed: We played well", "Tom Reed: We will be back next year"}},
		{"pronoun in the clause before", `Governor Amy Lund toured the levee, in what she described as "a race against the next storm."`,
			[]string{"Amy Lund: a race against the next storm."}},
		{"what he called", `Fire chief Dan Moss praised the crews for what he called "the fastest response this county has ever seen."`,
			[]string{"Dan Moss: the fastest response this county has ever seen."}},
		{"group noun is no name", `Critics dubbed the plan "a tax on the poor and the sick".`,
			[]string{"?: a tax on the poor and the sick"}},
		{"surname maps to full name", "Election observer Grace Mwangi visited six polling stations.\n\n\"The count was orderly and transparent,\" Mwangi said.",
			[]string{"Grace Mwangi: The count was orderly and transparent"}},
		{"split quote", `Union leader Carla Ruiz addressed the crowd. "We will strike on Monday," she said, "and we will win."`,
			[]string{"Carla Ruiz: We will strike on Monday and we will win."}},
		{"unattributed quote after a quote", `"The hard part starts now," said organiser Ben Ortega. "We have walked for a month."`,
			[]string{"Ben Ortega: The hard part starts now", "Ben Ortega: We have walked for a month."}},
		{"split quote with a capital after the comma", `"We'll see," Mayor Ann Holt said, "Whether the dam holds is up to the river."`,
			[]string{"Ann Holt: We'll see. Whether the dam holds is up to the river."}},
		{"split quote with a quote of its own attribution stays apart", `"The hard part starts now," said organiser Ben Ortega, "and the road is long," said his deputy Ana Cruz.`,
			[]string{"Ben Ortega: The hard part starts now", "Ana Cruz: and the road is long"}},
		{"a fragment quoted inside a paraphrase stays apart", `"The levee will hold," Mayor Ann Holt said, noting that the county "should have raised it ten years ago."`,
			[]string{"Ann Holt: The levee will hold", "Ann Holt: should have raised it ten years ago."}},

		// Quote marks.
		{"quote over two paragraphs", "Prosecutor Dana Whitfield told jurors: \"The defendant planned this for months.\n\n\"He bought the tools in March and hid them in a shed,\" she said.",
			[]string{"Dana Whitfield: The defendant planned this for months. He bought the tools in March and hid them in a shed"}},
		{"nested single quotes", `"When the crowd shouted 'one more lap', I knew we had won," said cyclist Anna Berg.`,
			[]string{"Anna Berg: When the crowd shouted 'one more lap', I knew we had won"}},
		{"nested double quotes", `"They called it a "temporary" closure, but it lasted a year," said shop owner Lisa Grant.`,
			[]string{`Lisa Grant: They called it a "temporary" closure, but it lasted a year`}},
		{"curly apostrophes straightened", `“It’s a flood we won’t forget,” said farmer Ian Cole.`,
			[]string{"Ian Cole: It's a flood we won't forget"}},
		{"unbalanced mark stops at the paragraph end", "Local residents said the \"levee was never finished and nobody came to check it.\n\nThe river crested at nine metres on Tuesday.\n\n\"We lost everything,\" said farmer Joe Kline.",
			[]string{"?: levee was never finished and nobody came to check it.", "Joe Kline: We lost everything"}},
		{"missing opening mark", "The families were evacuated before dawn.\n\nWe had ten minutes to leave,” said resident Omar Haddad.",
			[]string{"Omar Haddad: We had ten minutes to leave"}},
		{"stray opener then a new quote", `"The roads are closed, the sheriff said. "Nobody should drive tonight," he added.`,
			[]string{"?: The roads are closed, the sheriff said.", "?: Nobody should drive tonight"}},

		// Not quotes.
		{"scare quote", `The so-called "caravan" reached the border on Sunday.`, []string{}},
		{"short quotes with a characterising verb", `Officials described the harvest as “historic” and the prices as "fair enough".`, []string{}},
		{"short quote with a speaker is kept", `"It's overkill," Senator Bill Marsh told reporters.`,
			[]string{"Bill Marsh: It's overkill"}},
		{"title of a work after titled", `The committee will publish a report titled "Lessons From The Spring Floods" next month.`, []string{}},
		{"title of a work in title case", `The exhibition "Faces Of The Delta Floods" opens on Friday in the old town hall.`, []string{}},
		{"reported speech without marks", `The coach said that the team would recover quickly from the defeat.`, []string{}},
		{"unattributed long quote", `A sign on the shop door read "closed until the water goes down for good".`,
			[]string{"?: closed until the water goes down for good"}},
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

// TestQuoteFact checks every field of one quote fact, including the span
// and sentence of a quote that runs over two sentences.
func TestQuoteFact(t *testing.T) {
	text := `The flood barrier held. "It worked. Nobody was hurt," said engineer Sofia Marin. Crews left at noon.`
	fs := quotesOf(t, text)
	if len(fs) != 1 {
		t.Fatalf("got %d quotes, want 1: %v", len(fs), renderQuotes(fs))
	}
	full := headline + text
	start := strings.Index(full, "It worked")
	end := start + len("It worked. Nobody was hurt,")
	sent := Span{strings.Index(full, `"It worked`), strings.Index(full, " Crews")}
	want := Fact{
		Slot: "quote:" + NameKey("Sofia Marin"), Kind: KindQuote, Label: "quote: Sofia Marin",
		Value: "It worked. Nobody was hurt", Surface: "It worked. Nobody was hurt,",
		Span: Span{start, end}, Sentence: full[sent.Start:sent.End], SentenceSpan: sent,
		Attribution: Reported, Source: "Sofia Marin", Extractor: "quote",
	}
	if diff := cmp.Diff(want, fs[0]); diff != "" {
		t.Errorf("quote fact (-want +got):\n%s", diff)
	}
}

// TestQuotesInGeneralExtract checks that the general extractor reports
// quotes with the topic and article filled in.
func TestQuotesInGeneralExtract(t *testing.T) {
	a := parseText(t, headline+`"The polls close at eight," said returning officer Nadia Farouk.`)
	fs, err := NewGeneralExtractor("t").Extract(context.Background(), &a)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		if f.Kind == KindQuote {
			got = append(got, f.Topic+"|"+f.Article+"|"+f.Slot+"|"+f.Value)
		}
	}
	want := []string{"t|x|quote:" + NameKey("Nadia Farouk") + "|The polls close at eight"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("quotes (-want +got):\n%s", diff)
	}
}

// TestQuoteSpansOnCorpus checks, on real articles, that every quote's
// span holds its surface and that no quote runs past its paragraphs'
// end into unrelated text.
func TestQuoteSpansOnCorpus(t *testing.T) {
	for _, name := range []string{"seeds", "caravan"} {
		t.Run(name, func(t *testing.T) {
			dir := "../seeds"
			if name == "caravan" {
				dir = caravanDir(t)
			}
			checkQuoteSpans(t, dir)
		})
	}
}

// checkQuoteSpans checks the quotes of every article in dir.
func checkQuoteSpans(t *testing.T, dir string) {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no articles in %s: %v", dir, err)
	}
	for _, p := range paths {
		a, err := ReadArticleFile(p)
		if err != nil {
			t.Fatal(err)
		}
		d := (&Extractor{topic: &Topic{ID: "t"}, aliases: newAliasIndex(nil)}).analyse(&a)
		for _, f := range findQuotes(d) {
			if a.Text[f.Span.Start:f.Span.End] != f.Surface {
				t.Errorf("%s: span %v is not surface %q", a.ID, f.Span, f.Surface)
			}
			if !f.SentenceSpan.Contains(f.Span) {
				t.Errorf("%s: quote %q outside its sentence", a.ID, f.Value)
			}
			if strings.Count(f.Surface, "\n") > 2 {
				t.Errorf("%s: quote %q spans more than two paragraphs", a.ID, f.Value)
			}
		}
	}
}

// FuzzFindQuotes checks that any text, however its quote marks are
// placed, gives quotes whose spans hold their surfaces within their
// sentences.
func FuzzFindQuotes(f *testing.F) {
	f.Add("\"The dam held,\" said Maria Lopez. \"We were lucky.\"\n\nShe left.")
	f.Add("“Open ”quote\" with \"stray” marks\n\n\"and a \"nested\" one,\" he said.\n\n”")
	f.Add("We had ten minutes,” said Omar Haddad.\n\n\"The \"flood\n\n\"came fast.")
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseArticle("x.txt", []byte(headline+s))
		if err != nil {
			return
		}
		d := (&Extractor{topic: &Topic{ID: "t"}, aliases: newAliasIndex(nil)}).analyse(&a)
		for _, q := range findQuotes(d) {
			if a.Text[q.Span.Start:q.Span.End] != q.Surface || !q.SentenceSpan.Contains(q.Span) || q.Value == "" {
				t.Errorf("bad quote %+v", q)
			}
		}
	})
}
