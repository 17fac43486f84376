package render

import (
	"bytes"
	"encoding/json"
	"sort"
	"testing"

	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/facts"
)

// fuzzTopic has one slot of each kind a topic file can declare, so that
// arbitrary facts reach both the topic comparer and the general one.
var fuzzTopic = &facts.Topic{
	ID: "fuzz", Title: "Fuzz",
	Entities: []facts.Entity{{ID: "alder", Name: "Port Alder"}, {ID: "roe", Name: "Ann Roe"}},
	Slots: []facts.Slot{
		{ID: "t.date", Kind: facts.KindDate, Label: "Date"},
		{ID: "t.set", Kind: facts.KindEntitySet, Label: "Ports"},
		{ID: "t.event", Kind: facts.KindEvent, Label: "Closure"},
		{ID: "t.count", Kind: facts.KindCount, Label: "Boats"},
	},
}

var (
	fuzzSlots = []string{"t.date", "t.set", "t.event", "t.count", "date:lede", "date:vote",
		"number:boats", "count:boats", "entity:ann-roe", "entity:harbour-trust", "quote:roe",
		"title:roe", "duration:wait", "event:vote", "t.missing"}
	fuzzKinds = []facts.Kind{facts.KindDate, facts.KindEntitySet, facts.KindEvent, facts.KindCount,
		facts.KindNumber, facts.KindDuration, facts.KindEntity, facts.KindTitle, facts.KindQuote, "odd"}
	fuzzValues = []string{"2026-01-28", "2026-01", "2026", "--05-12", "Tuesday", "2025-12-31",
		"12", "150", "200", "1.5", "-3", "alder", "roe", "Ann Roe", "Аnn Roe", "", "completed", "P2W", "x\u202ey"}
	fuzzAspects = []facts.Aspect{"", facts.Completed, facts.Ongoing, facts.Planned}
)

// fuzzFacts turns spec into facts about the three articles, six bytes a
// fact: article, slot, kind, start, length and flags. Spans fall anywhere
// in the text, rune boundaries or not, as a damaged store could give them.
func fuzzFacts(arts []facts.Article, spec []byte) []facts.Fact {
	var fs []facts.Fact
	for len(spec) >= 6 && len(fs) < 64 {
		r := spec[:6]
		spec = spec[6:]
		art := arts[int(r[0])%len(arts)]
		slot := fuzzSlots[int(r[1])%len(fuzzSlots)]
		kind := fuzzKinds[int(r[2])%len(fuzzKinds)]
		n := len(art.Text)
		start := int(r[3]) % (n + 1)
		end := start + int(r[4])%(n-start+1)
		f := facts.Fact{
			Topic: fuzzTopic.ID, Article: art.ID, Slot: slot, Kind: kind,
			Value: fuzzValues[int(r[5])%len(fuzzValues)], Surface: art.Text[start:end],
			Span: facts.Span{Start: start, End: end}, Sentence: art.Text,
			SentenceSpan: facts.Span{Start: 0, End: n}, Attribution: facts.Asserted,
			Aspect: fuzzAspects[int(r[5]>>4)%len(fuzzAspects)], Negated: r[2]&0x80 != 0,
			Background: r[3]&0x80 != 0, Extractor: "fuzz",
		}
		if r[4]&0x80 != 0 {
			f.Attribution, f.Source = facts.Reported, "officials"
		}
		if kind == facts.KindQuote || kind == facts.KindEntity || kind == facts.KindTitle {
			f.Value = f.Surface
		}
		fs = append(fs, f)
	}
	return fs
}

// FuzzCompareFacts runs Compare and every renderer over arbitrary fact
// sets: no panic, every status one of Statuses, the summary counting every
// slot, ranks a permutation, evidence naming only the topic's articles, the
// same result whatever the order of the facts, every format written, and
// the HTML and JSON reports byte for byte those html/template and
// encoding/json wrote.
func FuzzCompareFacts(f *testing.F) {
	f.Add("Port Alder\n\nThe Harbour Trust closed Port Alder on Tuesday, Ann Roe said.", "Fees\n\n“We will reopen,” said Ann Roe. 150 boats wait.",
		[]byte{0, 0, 0, 30, 7, 0, 1, 0, 0, 10, 8, 1, 2, 6, 3, 3, 3, 7, 0, 1, 1, 0, 4, 3, 1, 5, 9, 8, 5, 2})
	f.Add("A\n\nx", "B\n\n\u202eevil\u202c <script>alert(1)</script>", []byte{1, 10, 8, 200, 255, 255, 2, 12, 9, 0, 0, 0})
	f.Fuzz(func(t *testing.T, textA, textB string, spec []byte) {
		arts := []facts.Article{
			{ID: "a", File: "a.txt", Outlet: "Alder Post", Title: "A", Text: textA},
			{ID: "b", File: "b.txt", Outlet: "Harbour News", Title: "B", Text: textB},
			{ID: "c", File: "c.txt", Outlet: "Wire", Wire: "Wire", Title: "C", Text: textA + textB},
		}
		fs := fuzzFacts(arts, spec)
		res := compare.Compare(fuzzTopic, arts, fs)

		ids := map[string]bool{"a": true, "b": true, "c": true}
		var sum compare.Summary
		var ranks []int
		for _, sr := range res.Facts {
			switch sr.Status {
			case compare.Contradiction:
				sum.Contradiction++
			case compare.Omission:
				sum.Omission++
			case compare.Nuance:
				sum.Nuance++
			case compare.Variant:
				sum.Variant++
			case compare.Agree:
				sum.Agree++
			default:
				t.Fatalf("slot %s: status %q is none of %v", sr.Slot, sr.Status, compare.Statuses)
			}
			ranks = append(ranks, sr.Rank)
			for _, m := range sr.Missing {
				if !ids[m] {
					t.Fatalf("slot %s: missing names %q, not an article", sr.Slot, m)
				}
			}
			for _, v := range sr.Values {
				if !ids[v.Article] {
					t.Fatalf("slot %s: value from %q, not an article", sr.Slot, v.Article)
				}
			}
		}
		if sum != res.Summary {
			t.Fatalf("summary %+v, slots count %+v", res.Summary, sum)
		}
		sort.Ints(ranks)
		for i, r := range ranks {
			if r != i+1 {
				t.Fatalf("ranks %v are not 1..%d", ranks, len(ranks))
			}
		}

		first, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		rev := append([]facts.Fact(nil), fs...)
		for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
			rev[i], rev[j] = rev[j], rev[i]
		}
		again, err := json.Marshal(compare.Compare(fuzzTopic, arts, rev))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, again) {
			t.Fatalf("the result depends on the order of the facts:\n%s\n%s", first, again)
		}

		for _, format := range Formats {
			var buf bytes.Buffer
			if err := Render(&buf, format, res, Options{Articles: arts, Width: 80}); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
		}
		matchOracle(t, res, arts)
		matchEncoder(t, res)
	})
}
