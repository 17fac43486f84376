package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/crosscheck-news/crosscheck/cmd/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/compare/render"
	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/store"
)

// compareOptions are the flags of "crosscheck compare".
type compareOptions struct {
	*globals
	Topic  string
	Format string
}

func newCompareCmd(g *globals) *cobra.Command {
	o := &compareOptions{globals: g}
	cmd := &cobra.Command{
		Use:   "compare --topic ID",
		Short: "Compare a stored topic's articles slot by slot",
		Long: `compare reads a topic's current articles and facts from the database and shows,
for each slot, whether the articles agree, omit it, differ in nuance or
spelling, or contradict each other, with the evidence sentence of every value.`,
		Example: `  crosscheck compare --topic selkie-ferry-fire
  crosscheck compare --topic selkie-ferry-fire --format json | jq '.facts[].status'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runCompare(cmd.Context(), o) },
	}
	cmd.Flags().StringVar(&o.Topic, "topic", "", "topic `ID` (required)")
	cmd.Flags().StringVarP(&o.Format, "format", "f", "table", "output `format`: table, json, md or html")
	return cmd
}

func runCompare(ctx context.Context, o *compareOptions) error {
	if o.Topic == "" {
		return usagef("--topic is required; 'crosscheck topics' lists them")
	}
	format, err := render.ParseFormat(o.Format)
	if err != nil {
		return &usageError{err}
	}
	db, err := o.openExistingDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	res, arts, err := compareStored(ctx, db, o.Topic)
	if err != nil {
		return err
	}
	opt := o.renderOptions()
	opt.Articles = arts
	return render.Render(o.Stdout, format, res, opt)
}

// compareStored compares a stored topic's current articles.
func compareStored(ctx context.Context, db *store.DB, topic string) (compare.Result, []facts.Article, error) {
	// One read transaction, so a batch writing meanwhile is seen before
	// or after each of its commits, never between two of the reads.
	snap, err := db.TopicSnapshot(ctx, topic)
	if store.ErrorCode(err) == store.ENOTFOUND {
		return compare.Result{}, nil, usagef("no topic %q in %s; 'crosscheck topics' lists them", topic, db.Path())
	}
	if err != nil {
		return compare.Result{}, nil, err
	}
	t, err := facts.ParseTopic(topic+" (stored topic file)", snap.Topic.Source)
	if err != nil {
		return compare.Result{}, nil, err
	}
	res, err := pipeline.CompareWithVerdicts(ctx, db, t, snap.Articles, snap.Facts)
	return res, snap.Articles, err
}
