package pipeline

import (
	"context"

	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/store"
)

// CompareWithVerdicts compares a topic's articles and shows on each
// finding the desk's latest verdict from the store.
func CompareWithVerdicts(ctx context.Context, db *store.DB, t *facts.Topic, arts []facts.Article, fs []facts.Fact) (compare.Result, error) {
	res := compare.Compare(t, arts, fs)
	vs, err := db.Verdicts(ctx, t.ID)
	if err != nil {
		return compare.Result{}, err
	}
	compare.ApplyVerdicts(&res, vs)
	return res, nil
}
