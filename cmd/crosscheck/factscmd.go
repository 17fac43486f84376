package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

// factsOptions are the flags of "crosscheck facts".
type factsOptions struct {
	*globals
	Topic  string
	Slot   string
	Format string
}

func newFactsCmd(g *globals) *cobra.Command {
	o := &factsOptions{globals: g}
	cmd := &cobra.Command{
		Use:   "facts --topic ID",
		Short: "List the facts stored for a topic, with their evidence",
		Example: `  crosscheck facts --topic selkie-ferry-fire
  crosscheck facts --topic selkie-ferry-fire --slot fire.date --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runFacts(cmd.Context(), o) },
	}
	cmd.Flags().StringVar(&o.Topic, "topic", "", "topic `ID` (required)")
	cmd.Flags().StringVar(&o.Slot, "slot", "", "only this slot `id`")
	cmd.Flags().StringVarP(&o.Format, "format", "f", "table", "output `format`: table or json")
	return cmd
}

func runFacts(ctx context.Context, o *factsOptions) error {
	if o.Topic == "" {
		return usagef("--topic is required; 'crosscheck topics' lists them")
	}
	if o.Format != "table" && o.Format != "json" {
		return usagef("unknown format %q; want table or json", o.Format)
	}
	db, err := o.openExistingDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, _, err := storedTopic(ctx, db, o.Topic); err != nil {
		return err
	}
	fs, err := db.Facts(ctx, o.Topic)
	if err != nil {
		return err
	}
	kept := fs[:0]
	for _, f := range fs {
		if o.Slot == "" || f.Slot == o.Slot {
			kept = append(kept, f)
		}
	}
	if o.Format == "json" {
		if kept == nil {
			kept = fs[:0:0]
		}
		return writeJSON(o.Stdout, kept)
	}
	tw := tabwriter.NewWriter(o.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ARTICLE\tSLOT\tVALUE\tSURFACE\tATTRIBUTION\tASPECT\tSPAN")
	for _, f := range kept {
		attr := string(f.Attribution)
		if f.Source != "" {
			attr += ": " + f.Source
		}
		if f.Negated {
			attr += " (denied)"
		}
		if f.Background {
			attr += " (earlier)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%d-%d\n", f.Article, f.Slot, f.Value,
			oneLine(f.Surface, 40), oneLine(attr, 40), f.Aspect, f.Span.Start, f.Span.End)
	}
	return tw.Flush()
}

// oneLine flattens s to one line of at most n runes.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}
