package main

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/goccy/go-yaml"
	"github.com/spf13/cobra"

	"github.com/crosscheck-news/crosscheck/cmd/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/facts"
)

// suggestOptions are the flags and arguments of "crosscheck suggest".
type suggestOptions struct {
	*globals
	Dir   string
	ID    string
	Title string
}

func newSuggestCmd(g *globals) *cobra.Command {
	o := &suggestOptions{globals: g}
	cmd := &cobra.Command{
		Use:   "suggest DIR",
		Short: "Draft a topic file from a folder of articles",
		Long: `suggest reads every article in DIR, finds the general facts (names, events,
dates, counts and numbers) that at least two articles state, and prints a draft
topic file: entities with every spelling seen as an alias, and slots for what
the outlets have in common. Edit it, save it as DIR/topic.yaml, then run
'crosscheck check DIR'. Nothing is written to the database.`,
		Example: `  crosscheck suggest inbox/story > inbox/story/topic.yaml
  crosscheck suggest seeds --id moscow-talks --title "Moscow talks"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Dir = args[0]
			return runSuggest(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVar(&o.ID, "id", "", "topic `id` (default: from the folder name)")
	cmd.Flags().StringVar(&o.Title, "title", "", "topic `title` (default: the folder name)")
	addReadFlags(cmd, o.globals)
	return cmd
}

func runSuggest(ctx context.Context, o *suggestOptions) error {
	base, _, err := facts.TopicFor(o.Dir, nil)
	if err != nil {
		return err
	}
	if o.ID == "" {
		o.ID = base.ID
	}
	if o.Title == "" {
		o.Title = base.Title
	}
	files, err := pipeline.ArticleFiles([]string{o.Dir})
	if err != nil {
		return err
	}
	x := facts.NewGeneralExtractor(o.ID)
	var arts []facts.Article
	var all []facts.Fact
	skipped := 0
	for _, path := range files {
		a, err := o.Read.ReadArticleFile(path)
		if err != nil {
			fmt.Fprintf(o.Stderr, "crosscheck: skipped %s\n", pipeline.ErrorLine(path, err))
			skipped++
			continue
		}
		fs, err := x.Extract(ctx, &a)
		if err != nil {
			return err
		}
		arts = append(arts, a)
		all = append(all, fs...)
	}
	if len(arts) < 2 {
		return fmt.Errorf("%s: suggest needs at least two readable articles, found %d", o.Dir, len(arts))
	}
	t := compare.Suggest(o.ID, o.Title, arts, all)
	b, err := yaml.Marshal(t)
	if err != nil {
		return fmt.Errorf("draft topic: %w", err)
	}
	fmt.Fprintf(o.Stdout, "# Draft topic file for %s, made by 'crosscheck suggest' from %d articles.\n", filepath.Base(o.Dir), len(arts))
	fmt.Fprintln(o.Stdout, "# Every entity and slot below is stated by at least two articles; edit freely:")
	fmt.Fprintln(o.Stdout, "# keep the slots the desk cares about, give them labels, fix aliases.")
	if _, err := o.Stdout.Write(b); err != nil {
		return fmt.Errorf("write draft: %w", err)
	}
	if skipped > 0 {
		return fmt.Errorf("%d of %d files skipped: %w", skipped, len(files), errPartial)
	}
	return nil
}
