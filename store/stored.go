package store

import (
	"cmp"
	"slices"

	"github.com/crosscheck-news/crosscheck/facts"
)

// AsStored returns the articles and facts of items exactly as Articles and
// Facts return them once SaveArticles has stored items and nothing else in
// the topic: dates and bodies as they read back, articles by id, each
// article's facts by position then slot, with Topic and Article filled.
// A batch that has just saved every current article of a topic compares
// them from memory with it instead of reading the topic back, which was a
// tenth of its CPU. When two items share an id the later one is the
// stored one, as with SaveArticles.
func AsStored(topicID string, items []ArticleFacts) ([]facts.Article, []facts.Fact, error) {
	last := make(map[string]int, len(items))
	for i, it := range items {
		last[it.Article.ID] = i
	}
	order := make([]int, 0, len(last))
	nfacts := 0
	for i, it := range items {
		if last[it.Article.ID] == i {
			order = append(order, i)
			nfacts += len(it.Facts)
		}
	}
	// ORDER BY article_id: byte order in SQLite (BINARY) and PostgreSQL
	// (COLLATE "C"), as strings compare in Go.
	slices.SortFunc(order, func(i, j int) int { return cmp.Compare(items[i].Article.ID, items[j].Article.ID) })

	arts := make([]facts.Article, 0, len(order))
	fs := make([]facts.Fact, 0, nfacts)
	for _, i := range order {
		a := items[i].Article
		var err error
		if a.Published, err = facts.ParseISODate(a.Published.String()); err != nil {
			return nil, nil, wrap(err, "article %q: published", a.ID)
		}
		// The body is stored as JSON: a nil one reads back nil, an empty
		// one empty, spans as they were (Span is two ints), which a copy
		// gives without encoding it (json.Unmarshal was two thirds of
		// this function).
		a.Body = slices.Clone(a.Body)
		arts = append(arts, a)

		lo := len(fs)
		for _, f := range items[i].Facts {
			f.Topic, f.Article = topicID, a.ID
			fs = append(fs, f)
		}
		// ORDER BY start, end, slot, id: the id is the order of saving,
		// which a stable sort keeps. The extractor gives most articles'
		// facts in that order already, and checking is cheaper than a
		// stable sort of 232-byte facts.
		if !slices.IsSortedFunc(fs[lo:], storedOrder) {
			slices.SortStableFunc(fs[lo:], storedOrder)
		}
	}
	return arts, fs, nil
}

// storedOrder orders one article's facts as Facts returns them, but for
// the id: by span, then slot.
func storedOrder(x, y facts.Fact) int {
	return cmp.Or(cmp.Compare(x.Span.Start, y.Span.Start), cmp.Compare(x.Span.End, y.Span.End), cmp.Compare(x.Slot, y.Slot))
}
