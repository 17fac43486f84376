package facts

import (
	"context"
	"fmt"
	"sort"
)

// generalFinder finds one kind of general fact in an analysed article.
// General facts need no topic file: their slot ids are generated from what
// they are about ("number:migrant", "quote:<speaker key>"), so the same fact
// in two articles lands in the same slot.
type generalFinder struct {
	name string
	find func(d *doc) []Fact
}

// generalFinders run on every article, topic file or not. Each lives in
// a file of its own.
var generalFinders = []generalFinder{
	{"number", findNumbers},
	{"duration", findDurations},
	{"count", findCounts},
	{"entity", findEntities},
	{"event", findEvents},
	{"date", findGeneralDates},
	{"quote", findQuotes},
}

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
	return g.x.extractGeneral(ctx, g.x.analyse(a), nil)
}

// extractGeneral runs the general finders over d and appends to out.
func (x *Extractor) extractGeneral(ctx context.Context, d *doc, out []Fact) ([]Fact, error) {
	for _, gf := range generalFinders {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("extract %s: %w", d.a.ID, err)
		}
		for _, f := range gf.find(d) {
			f.Topic = x.topic.ID
			f.Article = d.a.ID
			if f.Extractor == "" {
				f.Extractor = gf.name
			}
			out = append(out, f)
		}
	}
	sortFacts(out)
	return out, nil
}

func sortFacts(fs []Fact) {
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Span.Start != fs[j].Span.Start {
			return fs[i].Span.Start < fs[j].Span.Start
		}
		return fs[i].Slot < fs[j].Slot
	})
}
