package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/crosscheck-news/crosscheck/cmd/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/compare/render"
	"github.com/crosscheck-news/crosscheck/facts"
)

// checkOptions are the flags and arguments of "crosscheck check".
type checkOptions struct {
	*globals
	Dir       string
	TopicFile string
	Format    string
	NoTopic   bool
}

func newCheckCmd(g *globals) *cobra.Command {
	o := &checkOptions{globals: g}
	cmd := &cobra.Command{
		Use:   "check DIR",
		Short: "Ingest a folder of articles with its topic file, compare them and print the result",
		Long: `check is the one-shot run: it reads DIR's topic file (topic.yaml) and every
article in DIR (.txt, .html), stores their facts in the database, compares
the articles slot by slot and prints the comparison.

Without a topic file (or with --no-topic) it compares the general facts any
article states — dates, numbers, durations, names and titles, events, quotes —
aligned across outlets by what they are about. 'crosscheck suggest DIR' drafts
a topic file from them.

Files that are not readable articles (binary, invalid UTF-8, empty, too large)
are named on stderr and skipped; the rest is compared and the exit code is 3.`,
		Example: `  crosscheck check seeds
  crosscheck check seeds --format json
  crosscheck check seeds --no-topic
  crosscheck check seeds --format html > seeds.html
  crosscheck check inbox/story --topic-file topics/story.yaml --format md > story.md`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Dir = args[0]
			return runCheck(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVar(&o.TopicFile, "topic-file", "", "topic file `path` (default: DIR/topic.yaml)")
	cmd.Flags().StringVarP(&o.Format, "format", "f", "table", "output `format`: table, json, md or html")
	addReadFlags(cmd, g)
	cmd.Flags().BoolVar(&o.NoTopic, "no-topic", false, "ignore the topic file's entities and slots (keep its article list): general facts only")
	return cmd
}

func runCheck(ctx context.Context, o *checkOptions) error {
	format, err := render.ParseFormat(o.Format)
	if err != nil {
		return &usageError{err}
	}
	path := o.TopicFile
	if path == "" {
		path = pipeline.FindTopicFile(o.Dir)
	}
	var lt pipeline.LoadedTopic
	switch {
	case path == "" || o.NoTopic:
		// No topic file: general facts only, under an id made from the
		// folder's name. With --no-topic, the topic file's article list
		// still supplies metadata the texts lack.
		var meta []facts.ArticleMeta
		if path != "" {
			full, err := pipeline.LoadTopicFile(path)
			if err != nil {
				return err
			}
			meta = full.Topic.Articles
		}
		if lt, err = generalTopic(o.Dir, meta); err != nil {
			return err
		}
	default:
		if lt, err = pipeline.LoadTopicFile(path); err != nil {
			return err
		}
	}
	files, err := folderArticles(o.Dir)
	if err != nil {
		return err
	}
	res, arts, st, err := checkFiles(ctx, o.DBPath, o.Read, lt, files, o.Stderr)
	if err != nil {
		return err
	}
	opt := o.renderOptions()
	opt.Articles = arts
	if err := render.Render(o.Stdout, format, res, opt); err != nil {
		return err
	}
	if len(st.Errors) > 0 {
		return fmt.Errorf("%d of %d files skipped: %w", len(st.Errors), st.Seen, errPartial)
	}
	return nil
}

// generalTopic is the topic of a folder compared without a topic file:
// general facts only, under an id made from the folder's name, with meta
// (a topic file's article list, or nil) for what the texts lack.
func generalTopic(dir string, meta []facts.ArticleMeta) (pipeline.LoadedTopic, error) {
	t, src, err := facts.TopicFor(dir, meta)
	if err != nil {
		return pipeline.LoadedTopic{}, err
	}
	return pipeline.LoadedTopic{Topic: t, Source: src, Path: dir}, nil
}

// folderArticles are the article files check reads in dir; none is an
// error.
func folderArticles(dir string) ([]string, error) {
	files, err := pipeline.ArticleFiles([]string{dir})
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s holds no article files (.txt, .html)", dir)
	}
	return files, nil
}

// checkFiles is check's run once the topic and files are known: it ingests
// files under lt into the database at dbPath as one "check" run, then
// compares the articles of this run. eval scores exactly this, so both must
// stay one code path.
func checkFiles(ctx context.Context, dbPath string, ro facts.ReadOptions, lt pipeline.LoadedTopic, files []string, stderr io.Writer) (compare.Result, []facts.Article, pipeline.IngestStats, error) {
	x, err := facts.NewExtractor(lt.Topic)
	if err != nil {
		return compare.Result{}, nil, pipeline.IngestStats{}, err
	}
	db, err := pipeline.OpenDB(ctx, dbPath)
	if err != nil {
		return compare.Result{}, nil, pipeline.IngestStats{}, err
	}
	defer db.Close()
	run, err := db.StartRun(ctx, "check", version())
	if err != nil {
		return compare.Result{}, nil, pipeline.IngestStats{}, err
	}
	in := &pipeline.Ingester{DB: db, Topic: lt, X: x, Read: ro, Stderr: stderr}
	st, err := in.IngestAll(ctx, files)
	if ferr := pipeline.FinishRun(ctx, db, run, st.RunResult(), err); ferr != nil && err == nil {
		err = ferr
	}
	if err != nil {
		return compare.Result{}, nil, st, err
	}
	arts, fs, err := pipeline.LoadCompared(ctx, db, lt.Topic.ID, st.IDs)
	if err != nil {
		return compare.Result{}, nil, st, err
	}
	res, err := pipeline.CompareWithVerdicts(ctx, db, lt.Topic, arts, fs)
	return res, arts, st, err
}
