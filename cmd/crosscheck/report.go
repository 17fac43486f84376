package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosscheck-news/crosscheck/cmd/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/compare/render"
)

// reportOptions are the flags of "crosscheck report".
type reportOptions struct {
	*globals
	Topic  string
	Output string
	Format string
}

func newReportCmd(g *globals) *cobra.Command {
	o := &reportOptions{globals: g}
	cmd := &cobra.Command{
		Use:   "report --topic ID -o FILE",
		Short: "Write a topic's desk report: a self-contained HTML page or Markdown",
		Long: `report writes the comparison of a stored topic as a report for people who never
open a terminal: a single HTML file (styles inline, no request to any other
address, readable with JavaScript off, printable) or a Markdown desk report to
paste into a newsroom document or chat. The format follows the file's extension
(.html, .htm, .md) unless --format says otherwise. The file is written whole or
not at all.`,
		Example: `  crosscheck ingest testdata/ferry
  crosscheck report --topic selkie-ferry-fire -o ferry.html
  crosscheck report --topic selkie-ferry-fire -o desk.md`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runReport(cmd.Context(), o) },
	}
	cmd.Flags().StringVar(&o.Topic, "topic", "", "topic `ID` (required)")
	cmd.Flags().StringVarP(&o.Output, "output", "o", "", "report `file` to write (required)")
	cmd.Flags().StringVarP(&o.Format, "format", "f", "", "`format`: html or md (default: from the file's extension)")
	return cmd
}

// reportFormat picks the report format from --format or the extension.
func reportFormat(flag, path string) (render.Format, error) {
	if flag == "" {
		switch strings.ToLower(filepath.Ext(path)) {
		case ".html", ".htm":
			return render.HTML, nil
		case ".md", ".markdown":
			return render.Markdown, nil
		}
		return "", fmt.Errorf("cannot tell the format of %q from its extension; give --format html or md", path)
	}
	f, err := render.ParseFormat(flag)
	if err != nil || (f != render.HTML && f != render.Markdown) {
		return "", fmt.Errorf("report format %q: want html or md", flag)
	}
	return f, nil
}

func runReport(ctx context.Context, o *reportOptions) error {
	if o.Topic == "" {
		return usagef("--topic is required; 'crosscheck topics' lists them")
	}
	if o.Output == "" {
		return usagef("-o FILE is required")
	}
	format, err := reportFormat(o.Format, o.Output)
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
	removeStaleReportTemps(o.Output)
	return pipeline.WriteFileAtomic(o.Output, func(f *os.File) error {
		return render.Render(f, format, res, render.Options{Articles: arts})
	})
}

// removeStaleReportTemps removes the temporary files of path that an
// earlier report, killed between writing and renaming, left in its
// folder (".desk.html.123456"). A report to the same file running at this
// very moment loses its temporary file and fails with an error naming the
// file; the two would have replaced each other's report anyway.
func removeStaleReportTemps(path string) {
	prefix := "." + filepath.Base(path) + "."
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		return // writing the report names the folder's trouble
	}
	for _, e := range entries {
		n := e.Name()
		rest, ok := strings.CutPrefix(n, prefix)
		if !ok || rest == "" || strings.Trim(rest, "0123456789") != "" || !e.Type().IsRegular() {
			continue
		}
		// Best effort: a temporary file that stays is only clutter.
		_ = os.Remove(filepath.Join(filepath.Dir(path), n))
	}
}
