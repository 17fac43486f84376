package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/crosscheck-news/crosscheck/cmd/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/store"
)

// resolveTopic finds the topic for a command: --topic as a file path or a
// stored id, or a topic file in the first folder among paths.
func resolveTopic(ctx context.Context, db *store.DB, flag string, paths []string) (pipeline.LoadedTopic, error) {
	if flag != "" {
		if st, err := os.Stat(flag); err == nil && st.Mode().IsRegular() {
			return pipeline.LoadTopicFile(flag)
		}
		t, src, err := storedTopic(ctx, db, flag)
		if err != nil {
			return pipeline.LoadedTopic{}, err
		}
		return pipeline.LoadedTopic{Topic: t, Source: src, Path: flag}, nil
	}
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			if tf := pipeline.FindTopicFile(p); tf != "" {
				return pipeline.LoadTopicFile(tf)
			}
		}
	}
	return pipeline.LoadedTopic{}, usagef("no topic: give --topic ID|FILE or a folder holding topic.yaml (%s)", filepath.Join(".", "topic.yaml"))
}

// storedTopic loads a topic from the database by id.
func storedTopic(ctx context.Context, db *store.DB, id string) (*facts.Topic, []byte, error) {
	rec, err := db.Topic(ctx, id)
	if err != nil {
		if store.ErrorCode(err) == store.ENOTFOUND {
			return nil, nil, usagef("no topic %q in %s; 'crosscheck topics' lists them", id, db.Path())
		}
		return nil, nil, err
	}
	t, err := facts.ParseTopic(id+" (stored topic file)", rec.Source)
	if err != nil {
		return nil, nil, err
	}
	return t, rec.Source, nil
}

// topicsOptions are the flags of "crosscheck topics".
type topicsOptions struct {
	*globals
	Format string
}

func newTopicsCmd(g *globals) *cobra.Command {
	o := &topicsOptions{globals: g}
	cmd := &cobra.Command{
		Use:   "topics",
		Short: "List the topics in the database with their article and fact counts",
		Example: `  crosscheck topics
  crosscheck --db desk.db topics --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runTopics(cmd.Context(), o) },
	}
	cmd.Flags().StringVarP(&o.Format, "format", "f", "table", "output `format`: table or json")
	return cmd
}

func runTopics(ctx context.Context, o *topicsOptions) error {
	if o.Format != "table" && o.Format != "json" {
		return usagef("unknown format %q; want table or json", o.Format)
	}
	db, err := o.openExistingDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	ts, err := db.Topics(ctx)
	if err != nil {
		return err
	}
	if o.Format == "json" {
		type topicJSON struct {
			ID       string `json:"id"`
			Title    string `json:"title"`
			Articles int    `json:"articles"`
			Facts    int    `json:"facts"`
			Updated  string `json:"updated"`
		}
		out := []topicJSON{}
		for _, t := range ts {
			out = append(out, topicJSON{t.ID, t.Title, t.Articles, t.Facts, t.UpdatedAt.UTC().Format("2006-01-02T15:04:05Z")})
		}
		return writeJSON(o.Stdout, out)
	}
	if len(ts) == 0 {
		fmt.Fprintf(o.Stdout, "no topics in %s; 'crosscheck ingest DIR' adds one\n", db.Path())
		return nil
	}
	tw := tabwriter.NewWriter(o.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TOPIC\tARTICLES\tFACTS\tUPDATED\tTITLE")
	for _, t := range ts {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\n", t.ID, t.Articles, t.Facts, t.UpdatedAt.UTC().Format("2006-01-02 15:04"), t.Title)
	}
	return tw.Flush()
}
