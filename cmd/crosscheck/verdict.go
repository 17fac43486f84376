package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/store"
)

// verdictOptions are the flags of "crosscheck verdict".
type verdictOptions struct {
	*globals
	Topic, Note, By string
}

func newVerdictCmd(g *globals) *cobra.Command {
	o := &verdictOptions{globals: g}
	cmd := &cobra.Command{
		Use:   "verdict --topic ID FINDING confirm|dismiss|follow-up",
		Short: "Record the desk's verdict on a finding",
		Long: `Record what the desk decided about one finding of a stored topic: confirm
it, dismiss it as a false alarm, or mark it follow-up (a call to the outlet).
FINDING is the id every report shows beside a finding (f- and ten hex
digits; "crosscheck compare --topic ID" lists them). The verdict is kept
with who gave it, when and the note, and every report shows it from then
on. When the evidence of the finding changes (an article edited, added or
removed), the finding gets a new id and shows open again, with this verdict
beside it marked stale.

Exit codes: 0 recorded, 1 the database failed, 2 usage (no such topic or
finding, an unknown decision).`,
		Example: `  crosscheck verdict --topic ferry-fire f-3a9c0e1b2d dismiss --note "two counts on two days"
  crosscheck verdict --topic ferry-fire f-77d1e0a9c4 follow-up --note "asked the Harbour Trust" --by ann`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runVerdict(cmd.Context(), o, args[0], facts.Decision(args[1]))
		},
	}
	cmd.Flags().StringVarP(&o.Topic, "topic", "t", "", "the topic `id` (required)")
	cmd.Flags().StringVar(&o.Note, "note", "", "why: what the desk checked and found")
	cmd.Flags().StringVar(&o.By, "by", defaultJudge(), "who gives the verdict (default: $CROSSCHECK_USER or $USER)")
	return cmd
}

// defaultJudge names the desk member from the environment.
func defaultJudge() string {
	for _, k := range []string{"CROSSCHECK_USER", "USER", "USERNAME"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return ""
}

func runVerdict(ctx context.Context, o *verdictOptions, finding string, d facts.Decision) error {
	if o.Topic == "" {
		return usagef("--topic is required")
	}
	if err := checkVerdict(d, o.Note); err != nil {
		return err
	}
	db, err := o.openExistingDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	headline, err := recordVerdict(ctx, db, facts.Verdict{Topic: o.Topic, Finding: finding, Decision: d, Note: o.Note, By: o.By, At: time.Now()})
	if err != nil {
		return err
	}
	fmt.Fprintf(o.Stdout, "%s %s: %s\n", pastTense(d), finding, headline)
	return nil
}

// maxNoteLen caps a verdict's note: a few paragraphs, not a document.
const maxNoteLen = 4000

// checkVerdict is the validation of a verdict that needs no database, the
// same for the verdict command and the serve page's forms.
func checkVerdict(d facts.Decision, note string) error {
	if !slices.Contains(facts.Decisions, d) {
		return usagef("decision %q: want confirm, dismiss or follow-up", d)
	}
	if len(note) > maxNoteLen {
		return usagef("the note is %d bytes; keep it under %d", len(note), maxNoteLen)
	}
	return nil
}

// noFindingError says a verdict names a finding the topic does not have
// (now): a mistyped id, or a finding whose evidence changed since the id
// was read, so it has a new one.
type noFindingError struct{ topic, finding string }

func (e *noFindingError) Error() string {
	return fmt.Sprintf("topic %s has no finding %s now; 'crosscheck compare --topic %s' shows the ids (a finding whose evidence changed has a new one)", e.topic, e.finding, e.topic)
}

// recordVerdict stores v (Slot is filled in here) on the finding the
// topic has now, and returns the finding's headline. It is how every
// verdict is given, from the command line or from "crosscheck serve":
// the same validation, the finding looked up in a fresh comparison of
// the stored articles. An unknown topic or finding is a usage error.
func recordVerdict(ctx context.Context, db *store.DB, v facts.Verdict) (string, error) {
	if err := checkVerdict(v.Decision, v.Note); err != nil {
		return "", err
	}
	res, _, err := compareStored(ctx, db, v.Topic)
	if err != nil {
		return "", err
	}
	slot, headline, ok := compare.FindingSlot(res, v.Finding)
	if !ok {
		return "", &usageError{&noFindingError{v.Topic, v.Finding}}
	}
	v.Slot = slot
	if err := db.AddVerdict(ctx, v); err != nil {
		return "", err
	}
	return headline, nil
}

func pastTense(d facts.Decision) string {
	switch d {
	case facts.Confirm:
		return "confirmed"
	case facts.Dismiss:
		return "dismissed"
	}
	return "marked follow-up"
}

// verdictsOptions are the flags of "crosscheck verdicts".
type verdictsOptions struct {
	*globals
	Topic, Format string
}

func newVerdictsCmd(g *globals) *cobra.Command {
	o := &verdictsOptions{globals: g}
	cmd := &cobra.Command{
		Use:   "verdicts --topic ID",
		Short: "List the desk's verdicts on a topic's findings, newest last",
		Long: `List every verdict given on a topic's findings, in the order given, and
whether each still holds: "current" (the finding's evidence is the one
judged), "stale" (the evidence changed since: the finding is open again),
"superseded" (a later verdict on the same finding counts) or "gone" (the
comparison no longer has the finding).`,
		Example: `  crosscheck verdicts --topic ferry-fire
  crosscheck verdicts --topic ferry-fire --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runVerdicts(cmd.Context(), o) },
	}
	cmd.Flags().StringVarP(&o.Topic, "topic", "t", "", "the topic `id` (required)")
	cmd.Flags().StringVarP(&o.Format, "format", "f", "table", "output `format`: table or json")
	return cmd
}

// verdictLine is one verdict as "crosscheck verdicts" lists it.
type verdictLine struct {
	Finding  string         `json:"finding"`
	Slot     string         `json:"slot"`
	Decision facts.Decision `json:"decision"`
	Note     string         `json:"note"`
	By       string         `json:"by"`
	At       string         `json:"at"`
	State    string         `json:"state"`
	Now      string         `json:"now,omitempty"` // the finding's id now, when stale
}

func runVerdicts(ctx context.Context, o *verdictsOptions) error {
	if o.Topic == "" {
		return usagef("--topic is required")
	}
	if o.Format != "table" && o.Format != "json" {
		return usagef("unknown format %q; want table or json", o.Format)
	}
	db, err := o.openExistingDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	res, _, err := compareStored(ctx, db, o.Topic)
	if err != nil {
		return err
	}
	vs, err := db.Verdicts(ctx, o.Topic)
	if err != nil {
		return err
	}
	current := map[string]string{} // slot → finding id now
	for _, sr := range res.Facts {
		current[sr.Slot] = sr.ID
	}
	for _, g := range res.Variants {
		current[compare.VariantSlot(g)] = g.ID
	}
	last := map[string]int{}
	for i, v := range vs {
		last[v.Slot] = i
	}
	lines := []verdictLine{}
	for i, v := range vs {
		l := verdictLine{Finding: v.Finding, Slot: v.Slot, Decision: v.Decision, Note: v.Note, By: v.By, At: v.At.UTC().Format(time.RFC3339)}
		now, ok := current[v.Slot]
		switch {
		case !ok:
			l.State = "gone"
		case last[v.Slot] != i:
			l.State = "superseded"
		case now != v.Finding:
			l.State, l.Now = "stale", now
		default:
			l.State = "current"
		}
		lines = append(lines, l)
	}
	if o.Format == "json" {
		enc := json.NewEncoder(o.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(lines)
	}
	if len(lines) == 0 {
		fmt.Fprintf(o.Stdout, "no verdicts on topic %s yet; 'crosscheck verdict --help' says how to give one\n", o.Topic)
		return nil
	}
	tw := tabwriter.NewWriter(o.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FINDING\tSTATE\tDECISION\tBY\tAT\tSLOT\tNOTE")
	for _, l := range lines {
		state := l.State
		if l.Now != "" {
			state += " (now " + l.Now + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", l.Finding, state, l.Decision, l.By, l.At, l.Slot, strings.ReplaceAll(l.Note, "\n", " "))
	}
	return tw.Flush()
}
