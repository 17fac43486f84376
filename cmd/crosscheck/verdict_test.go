package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/compare"
)

// findingOf returns the seeds' finding on a slot from check or compare
// JSON output.
func findingOf(t *testing.T, out, slot string) compare.SlotResult {
	t.Helper()
	var res compare.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("output is not the JSON contract: %v\n%s", err, out)
	}
	for _, sr := range res.Facts {
		if sr.Slot == slot {
			return sr
		}
	}
	t.Fatalf("no slot %s in\n%s", slot, out)
	return compare.SlotResult{}
}

// TestVerdictSurvivesReruns walks issue 11's first case: a verdict on the
// seed story's Qamishli omission survives a rerun of check and of batch;
// an edit of an article it rests on reopens the finding with the old
// verdict shown as stale, in JSON, table, Markdown and HTML.
func TestVerdictSurvivesReruns(t *testing.T) {
	const slot = "qamishli.withdrawal"
	dir := t.TempDir()
	seeds := filepath.Join(dir, "seeds")
	copyInto(t, filepath.Join(repo, "seeds"), seeds)
	db := filepath.Join(dir, "desk.db")
	out, stderr, code := run(t, db, "check", seeds, "--format", "json")
	if code != exitOK {
		t.Fatalf("check: exit %d\n%s", code, stderr)
	}
	f := findingOf(t, out, slot)
	if f.Status != compare.Omission || f.Verdict != nil {
		t.Fatalf("before any verdict: %s, verdict %+v", f.Status, f.Verdict)
	}

	stdout, stderr, code := run(t, db, "verdict", "--topic", seedsTopic, f.ID, "dismiss", "--note", "002 covers the talks only", "--by", "ann")
	if code != exitOK || !strings.HasPrefix(stdout, "dismissed "+f.ID+": ") {
		t.Fatalf("verdict: exit %d, %q\n%s", code, stdout, stderr)
	}
	if _, stderr, code := run(t, db, "verdict", "--topic", seedsTopic, "f-0000000000", "dismiss"); code != exitUsage || !strings.Contains(stderr, "has no finding f-0000000000") {
		t.Errorf("an unknown finding: exit %d, %q", code, stderr)
	}
	if _, stderr, code := run(t, db, "verdict", "--topic", seedsTopic, f.ID, "maybe"); code != exitUsage || !strings.Contains(stderr, `decision "maybe"`) {
		t.Errorf("an unknown decision: exit %d, %q", code, stderr)
	}

	// A rerun of check keeps the finding's id and shows the verdict.
	out, _, _ = run(t, db, "check", seeds, "--format", "json")
	g := findingOf(t, out, slot)
	if g.ID != f.ID || g.Verdict == nil || g.Verdict.Decision != "dismiss" || g.Verdict.Stale || g.Verdict.By != "ann" {
		t.Errorf("after a rerun of check: id %s (was %s), verdict %+v", g.ID, f.ID, g.Verdict)
	}
	// The nightly batch over the same database shows it too.
	inbox := filepath.Join(dir, "inbox")
	if err := os.MkdirAll(inbox, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(seeds, filepath.Join(inbox, "seeds")); err != nil {
		t.Fatal(err)
	}
	seeds = filepath.Join(inbox, "seeds")
	reports := filepath.Join(dir, "reports")
	if _, stderr, code := batch(t, db, inbox, reports); code != exitOK {
		t.Fatalf("batch: exit %d\n%s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(reports, seedsTopic+".json"))
	if err != nil {
		t.Fatal(err)
	}
	if g := findingOf(t, string(b), slot); g.ID != f.ID || g.Verdict == nil || g.Verdict.Stale {
		t.Errorf("batch report: id %s, verdict %+v", g.ID, g.Verdict)
	}

	index := readIndex(t, reports)
	if row := indexRow(t, index, seedsTopic); !strings.Contains(row, "1 dismissed") {
		t.Errorf("the index row does not count the dismissed finding:\n%s", row)
	}
	// A verdict given between two nights is news: the topic is reported
	// again and its reports show it.
	var res compare.Result
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatal(err)
	}
	other := res.Variants[0].ID
	if _, stderr, code := run(t, db, "verdict", "--topic", seedsTopic, other, "confirm"); code != exitOK {
		t.Fatalf("verdict on a variant: %s", stderr)
	}
	if stdout, stderr, code := batch(t, db, inbox, reports); code != exitOK || !strings.Contains(stdout, "(1 reported)") {
		t.Fatalf("batch after a verdict: exit %d, %q\n%s", code, stdout, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(reports, seedsTopic+".md")); !strings.Contains(string(b), "⚖ verdict: confirmed") {
		t.Errorf("the Markdown report does not show the new verdict")
	}
	if stdout, _, _ := batch(t, db, inbox, reports); !strings.HasPrefix(stdout, "nothing to do") {
		t.Errorf("a third night with nothing new: %q", stdout)
	}

	// An edit of a sentence the finding quotes reopens it.
	quoted := f.Values[0]
	path := filepath.Join(seeds, quoted.Article+".txt")
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(text), quoted.Sentence, strings.Replace(quoted.Sentence, quoted.Surface, quoted.Surface+" on Monday", 1), 1)
	if edited == string(text) {
		t.Fatalf("the quoted sentence is not in %s", path)
	}
	write(t, path, []byte(edited))
	if _, stderr, code := batch(t, db, inbox, reports); code != exitOK {
		t.Fatalf("batch after the edit: exit %d\n%s", code, stderr)
	}
	out, _, _ = run(t, db, "compare", "--topic", seedsTopic, "--format", "json")
	h := findingOf(t, out, slot)
	if h.ID == f.ID || h.Verdict == nil || !h.Verdict.Stale || h.Verdict.Finding != f.ID || h.Verdict.Note != "002 covers the talks only" {
		t.Errorf("after the edit: id %s (was %s), verdict %+v; want a new id and the old verdict, stale", h.ID, f.ID, h.Verdict)
	}
	for _, format := range []string{"table", "md", "html"} {
		out, _, _ := run(t, db, "compare", "--topic", seedsTopic, "--format", format)
		out = strings.Join(strings.Fields(out), " ") // the table wraps long lines
		if !strings.Contains(out, "STALE: given on "+f.ID) || !strings.Contains(out, h.ID) {
			t.Errorf("%s: the stale verdict or the new id is not shown", format)
		}
	}
	list, _, code := run(t, db, "verdicts", "--topic", seedsTopic)
	if code != exitOK || !strings.Contains(list, f.ID+"  stale (now "+h.ID+")") {
		t.Errorf("verdicts:\n%s", list)
	}
}
