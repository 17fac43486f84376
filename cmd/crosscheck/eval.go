package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/crosscheck-news/crosscheck/compare"
	ceval "github.com/crosscheck-news/crosscheck/compare/eval"
	"github.com/crosscheck-news/crosscheck/facts"
)

// evalOptions are the flags and arguments of "crosscheck eval".
type evalOptions struct {
	*globals
	Dirs     []string
	Markdown bool
}

func newEvalCmd(g *globals) *cobra.Command {
	o := &evalOptions{globals: g}
	cmd := &cobra.Command{
		Use:   "eval DIR...",
		Short: "Score the no-topic-file comparison of story folders against their expect.json",
		Long: `eval measures accuracy on stories whose differences are known. Each DIR is a
story folder: its article files and an expect.json saying what a careful reader
finds in them (the format is in docs/accuracy.md). eval compares the articles
exactly as 'crosscheck check DIR --no-topic' does on a folder without a topic
file (a topic.yaml in DIR is ignored, and so is --db: each story gets a
throw-away database) and scores the comparison:

  expectations held    facts found and aligned as expected, required spelling
                       variants found, and one for "no forbidden variant group"
  false alarms         flagged contradictions no expectation asks for or allows
  required variants    spelling-variant pairs that must be reported
  forbidden variants   pairs that must never be reported as one name

It prints one row per story, then each story's misses and false alarms.
A folder without expect.json is named on stderr and skipped; the rest go on.

Exit codes: 0 when every expectation holds and no contradiction is a false
alarm; 1 when some expectation misses or some flag is a false alarm (so a desk
can run eval in its CI); 3 when every story scored held but some folder was
skipped; 2 on a usage error.`,
		Example: `  # The development corpus beside the repository:
  crosscheck eval ../shared/corpus/*

  # As Markdown, the form kept in docs/accuracy.md:
  crosscheck eval --markdown ../shared/corpus/* > table.md

  # A desk's own stories, in its CI:
  crosscheck eval stories/* || echo "accuracy dropped"`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Dirs = args
			return runEval(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.Markdown, "markdown", false, "print the table and the misses as Markdown")
	return cmd
}

// storyScore is one story folder's score.
type storyScore struct {
	Story string
	ceval.Score
}

func runEval(ctx context.Context, o *evalOptions) error {
	tmp, err := os.MkdirTemp("", "crosscheck-eval-")
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	defer os.RemoveAll(tmp)
	var scores []storyScore
	skipped := 0
	for i, dir := range o.Dirs {
		s, err := scoreStory(ctx, dir, filepath.Join(tmp, fmt.Sprintf("story-%d.db", i)), o.Stderr)
		if err != nil {
			if ctx.Err() != nil {
				return err
			}
			fmt.Fprintf(o.Stderr, "crosscheck: skipped %v\n", err)
			skipped++
			continue
		}
		scores = append(scores, s)
	}
	if o.Markdown {
		err = writeEvalMarkdown(o.Stdout, scores)
	} else {
		err = writeEvalTable(o.Stdout, scores)
	}
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	failed := 0
	for _, s := range scores {
		if !s.OK() {
			failed++
		}
	}
	switch {
	case failed > 0:
		return fmt.Errorf("%d of %d stories miss expectations or raise false alarms", failed, len(scores))
	case skipped > 0:
		return fmt.Errorf("%d of %d story folders skipped: %w", skipped, len(o.Dirs), errPartial)
	}
	return nil
}

// scoreStory scores dir's comparison against dir/expect.json. Its error
// names the folder.
func scoreStory(ctx context.Context, dir, dbPath string, stderr io.Writer) (storyScore, error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return storyScore{}, fmt.Errorf("%s: not a story folder", dir)
	}
	exp, err := ceval.Load(filepath.Join(dir, ceval.FileName))
	if errors.Is(err, fs.ErrNotExist) {
		return storyScore{}, fmt.Errorf("%s: no %s to score it against", dir, ceval.FileName)
	}
	if err != nil {
		return storyScore{}, err
	}
	res, err := evalResult(ctx, dir, dbPath, stderr)
	if err != nil {
		return storyScore{}, fmt.Errorf("%s: %w", dir, err)
	}
	s, err := exp.Score(res)
	if err != nil {
		return storyScore{}, fmt.Errorf("%s: %w", dir, err)
	}
	return storyScore{Story: storyName(dir), Score: s}, nil
}

// evalResult is what 'crosscheck check DIR --format json' compares for a
// folder with no topic file, in a fresh database at dbPath.
func evalResult(ctx context.Context, dir, dbPath string, stderr io.Writer) (compare.Result, error) {
	lt, err := generalTopic(dir, nil)
	if err != nil {
		return compare.Result{}, err
	}
	files, err := folderArticles(dir)
	if err != nil {
		return compare.Result{}, err
	}
	res, _, _, err := checkFiles(ctx, dbPath, facts.ReadOptions{}, lt, files, stderr)
	return res, err
}

// storyName is the folder's own name, as the topic id is made from it.
func storyName(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		return filepath.Base(abs)
	}
	return filepath.Base(filepath.Clean(dir))
}

// evalRow is a story's row of the table, as text.
func evalRow(s storyScore) []string {
	forbidden := "yes"
	if n := len(s.Forbidden); n > 0 {
		forbidden = fmt.Sprintf("no (%d)", n)
	}
	return []string{s.Story, fmt.Sprintf("%d/%d", s.Held, s.Total), fmt.Sprint(len(s.FalseAlarms)),
		fmt.Sprintf("%d/%d", s.RequiredHeld, s.RequiredTotal), forbidden}
}

// evalTotal is the row summing every story.
func evalTotal(scores []storyScore) []string {
	var t storyScore
	t.Story = "all"
	for _, s := range scores {
		t.Held += s.Held
		t.Total += s.Total
		t.FalseAlarms = append(t.FalseAlarms, s.FalseAlarms...)
		t.RequiredHeld += s.RequiredHeld
		t.RequiredTotal += s.RequiredTotal
		t.Forbidden = append(t.Forbidden, s.Forbidden...)
	}
	return evalRow(t)
}

var evalHeader = []string{"story", "expectations held", "false alarms", "required variants held", "forbidden variants ok"}

// findings are a story's misses and false alarms, as score.py words them.
func findings(s storyScore) []string {
	lines := s.Lines()
	return lines[:len(lines)-1] // the last is the score, which the row shows
}

func writeEvalTable(w io.Writer, scores []storyScore) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	rows := [][]string{evalHeader}
	for _, s := range scores {
		rows = append(rows, evalRow(s))
	}
	if len(scores) > 1 {
		rows = append(rows, evalTotal(scores))
	}
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, s := range scores {
		if lines := findings(s); len(lines) > 0 {
			fmt.Fprintf(w, "\n%s\n", s.Story)
			for _, l := range lines {
				fmt.Fprintf(w, "  %s\n", l)
			}
		}
	}
	return nil
}

func writeEvalMarkdown(w io.Writer, scores []storyScore) error {
	var b strings.Builder
	row := func(cells []string) {
		for i := range cells {
			cells[i] = mdEscape(cells[i])
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	row(append([]string(nil), evalHeader...))
	b.WriteString("|---|---:|---:|---:|---|\n")
	for _, s := range scores {
		row(evalRow(s))
	}
	if len(scores) > 1 {
		row(evalTotal(scores))
	}
	// The misses and false alarms stay as score.py words them, in a code
	// block: their patterns and quotes would otherwise read as markup.
	for _, s := range scores {
		if lines := findings(s); len(lines) > 0 {
			fmt.Fprintf(&b, "\n%s:\n\n```\n%s\n```\n", mdEscape(s.Story), strings.Join(lines, "\n"))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdEscaper keeps a table cell's text literal in Markdown.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "|", `\|`, "#", `\#`)

func mdEscape(s string) string { return mdEscaper.Replace(strings.Join(strings.Fields(s), " ")) }
