package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/crosscheck-news/crosscheck/cmd/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/facts"
)

// ingestOptions are the flags and arguments of "crosscheck ingest".
type ingestOptions struct {
	*globals
	Topic string
	Paths []string
	Meta  facts.ArticleMeta
}

func newIngestCmd(g *globals) *cobra.Command {
	o := &ingestOptions{globals: g}
	cmd := &cobra.Command{
		Use:   "ingest [--topic ID|FILE] PATH...",
		Short: "Read articles, extract their facts and store them under a topic",
		Long: `ingest reads article files (or every article in the folders given), extracts
the facts the topic's slots ask for and stores them in the database, one
transaction per article. Ingesting an unchanged file again does nothing; a
changed file is stored as a new version.

The topic comes from --topic (a stored topic's id, or a topic file's path) or
from a topic.yaml inside the first folder given. The metadata flags override
what the texts and the topic file say, for every file of this run.`,
		Example: `  crosscheck ingest seeds
  crosscheck ingest --topic selkie-ferry-fire new-article.txt
  crosscheck ingest --topic story.yaml --outlet "Daily Planet" --published 2026-01-29 planet.txt`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			return runIngest(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVar(&o.Topic, "topic", "", "topic `ID` in the database, or a topic file path")
	cmd.Flags().StringVar(&o.Meta.Outlet, "outlet", "", "outlet `name` for these articles")
	cmd.Flags().StringVar(&o.Meta.Wire, "wire", "", "wire service `name` for these articles")
	cmd.Flags().StringVar(&o.Meta.Byline, "byline", "", "byline for these articles")
	addReadFlags(cmd, g)
	cmd.Flags().StringVar(&o.Meta.Published, "published", "", "publication `date` (YYYY-MM-DD) for these articles")
	return cmd
}

func runIngest(ctx context.Context, o *ingestOptions) error {
	if o.Meta.Published != "" {
		if _, err := facts.ParseISODate(o.Meta.Published); err != nil {
			return usagef("--published: %v", err)
		}
	}
	db, err := o.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	lt, err := resolveTopic(ctx, db, o.Topic, o.Paths)
	if err != nil {
		return err
	}
	files, err := pipeline.ArticleFiles(o.Paths)
	if err != nil {
		return err
	}
	x, err := facts.NewExtractor(lt.Topic)
	if err != nil {
		return err
	}
	run, err := db.StartRun(ctx, "ingest", version())
	if err != nil {
		return err
	}
	in := &pipeline.Ingester{DB: db, Topic: lt, X: x, Override: o.Meta, Read: o.Read, Stderr: o.Stderr}
	st, err := in.IngestAll(ctx, files)
	if ferr := pipeline.FinishRun(ctx, db, run, st.RunResult(), err); ferr != nil && err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(o.Stdout, "topic %s: %d read, %d new, %d changed, %d unchanged, %d skipped\n",
		lt.Topic.ID, st.Seen, st.New, st.Changed, st.Unchanged, len(st.Errors))
	if len(st.Errors) > 0 {
		return fmt.Errorf("%d of %d files skipped: %w", len(st.Errors), st.Seen, errPartial)
	}
	return nil
}
