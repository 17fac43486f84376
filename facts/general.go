package facts

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// generalFinder finds one kind of general fact in an analysed article.
// General facts need no topic file: their slot ids are generated from what
// they are about ("number:migrant", "quote:<speaker key>"), so the same fact
// in two articles lands in the same slot.
type generalFinder struct {
	name string
	// find appends the facts it finds in d to out and returns it; it
	// reads nothing of out.
	find func(d *doc, out []Fact) []Fact
}

// generalFinders run on every article, topic file or not. Each lives in
// a file of its own.
var generalFinders = []generalFinder{
	{"number", appendNumbers},
	{"duration", appendDurations},
	{"count", appendCounts},
	{"entity", appendEntities},
	{"event", appendEvents},
	{"date", appendGeneralDates},
	{"quote", appendQuotes},
}

// The finders on their own, for the tests and benchmarks.
func findNumbers(d *doc) []Fact      { return appendNumbers(d, nil) }
func findDurations(d *doc) []Fact    { return appendDurations(d, nil) }
func findCounts(d *doc) []Fact       { return appendCounts(d, nil) }
func findEntities(d *doc) []Fact     { return appendEntities(d, nil) }
func findEvents(d *doc) []Fact       { return appendEvents(d, nil) }
func findGeneralDates(d *doc) []Fact { return appendGeneralDates(d, nil) }
func findQuotes(d *doc) []Fact       { return appendQuotes(d, nil) }

// factBufs recycles the buffer extract gathers an article's facts in
// before they are copied, exactly sized, into the facts it returns.
var factBufs = sync.Pool{New: func() any { return new([]Fact) }}

// maxPooledFacts bounds the fact buffers kept (about 1 MB).
const maxPooledFacts = 4096

// GeneralExtractor finds the facts any news article states — dates,
// numbers, durations, named entities and titles, events, quotes — with no
// topic file.
type GeneralExtractor struct {
	x *Extractor
}

// NewGeneralExtractor returns an extractor of general facts for the topic
// id (an id generated from the folder name when there is no topic file).
func NewGeneralExtractor(topicID string) *GeneralExtractor {
	return &GeneralExtractor{x: &Extractor{topic: &Topic{ID: topicID}, aliases: newAliasIndex(nil)}}
}

// Extract returns the article's general facts in text order.
func (g *GeneralExtractor) Extract(ctx context.Context, a *Article) ([]Fact, error) {
	d := g.x.analyse(a)
	defer d.release()
	return g.x.extract(ctx, d, nil)
}

// extract returns the facts of the slots and of the general finders in
// d, in text order.
func (x *Extractor) extract(ctx context.Context, d *doc, slots []slotExtractor) ([]Fact, error) {
	// The facts are gathered first, slot after slot and finder after
	// finder, in one recycled buffer, so that the article's facts are
	// allocated once, exactly sized: facts are large, and each finder
	// grew a slice of its own (a fifth of extraction's bytes).
	bp := factBufs.Get().(*[]Fact)
	buf := (*bp)[:0]
	defer func() {
		clear(buf) // drop the article's strings
		if cap(buf) <= maxPooledFacts {
			*bp = buf[:0]
			factBufs.Put(bp)
		}
	}()
	for _, s := range slots {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("extract %s: %w", d.a.ID, err)
		}
		for _, f := range s.extract(d) {
			f.Topic = x.topic.ID
			f.Article = d.a.ID
			buf = append(buf, f)
		}
	}
	nslots := len(buf)
	ends := make([]int, len(generalFinders))
	for k, gf := range generalFinders {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("extract %s: %w", d.a.ID, err)
		}
		buf = gf.find(d, buf)
		ends[k] = len(buf)
	}
	var out []Fact // nil when there is no fact, as before
	if len(buf) > 0 {
		out = make([]Fact, 0, len(buf))
	}
	out = append(out, buf[:nslots]...)
	from := nslots
	for k, gf := range generalFinders {
		for _, f := range buf[from:ends[k]] {
			f.Topic = x.topic.ID
			f.Article = d.a.ID
			if f.Extractor == "" {
				f.Extractor = gf.name
			}
			out = append(out, f)
		}
		from = ends[k]
	}
	sortFacts(out)
	return out, nil
}

func sortFacts(fs []Fact) {
	// Facts are large: sorting their indices and moving each fact once
	// costs a fraction of sort.SliceStable's reflective swaps (which were
	// 5 % of extraction), with the same stable order.
	cmpFact := func(a, b *Fact) int {
		if a.Span.Start != b.Span.Start {
			return cmp.Compare(a.Span.Start, b.Span.Start)
		}
		return strings.Compare(a.Slot, b.Slot)
	}
	sorted := true
	for i := 1; i < len(fs); i++ {
		if cmpFact(&fs[i-1], &fs[i]) > 0 {
			sorted = false
			break
		}
	}
	if sorted {
		return
	}
	idx := make([]int, len(fs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmpFact(&fs[a], &fs[b]) })
	// Fact i of the sorted order is fs[idx[i]]: the permutation is applied
	// in place, cycle by cycle, instead of through a second array.
	for i := range idx {
		if idx[i] == i {
			continue
		}
		tmp := fs[i]
		j := i
		for {
			k := idx[j]
			idx[j] = j
			if k == i {
				fs[j] = tmp
				break
			}
			fs[j] = fs[k]
			j = k
		}
	}
}
