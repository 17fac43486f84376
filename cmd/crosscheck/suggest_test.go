package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/facts"
)

// TestSuggestDraftDrivesCheck: the draft topic file that suggest prints is
// a valid topic file, names what the outlets share, and check runs on it.
func TestSuggestDraftDrivesCheck(t *testing.T) {
	dir := copyDir(t, filepath.Join(repo, "seeds"))
	if err := os.Remove(filepath.Join(dir, "topic.yaml")); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "", "suggest", dir, "--id", "draft", "--title", "Draft")
	if code != exitOK {
		t.Fatalf("suggest exit %d: %s", code, errOut)
	}
	tp, err := facts.ParseTopic("draft.yaml", []byte(out))
	if err != nil {
		t.Fatalf("draft is not a valid topic file: %v\n%s", err, out)
	}
	var entities []string
	for _, e := range tp.Entities {
		entities = append(entities, e.Name+"|"+strings.Join(e.Aliases, ","))
	}
	for _, want := range []string{"Hmeimim|", "Tartus|Tartous", "Qamishli|"} {
		found := false
		for _, e := range entities {
			found = found || e == want
		}
		if !found {
			t.Errorf("draft entities %v lack %q", entities, want)
		}
	}
	var slots []string
	for _, s := range tp.Slots {
		slots = append(slots, s.ID)
	}
	for _, want := range []string{"withdraw.qamishli", "visit.count", "meet.date"} {
		found := false
		for _, s := range slots {
			found = found || s == want
		}
		if !found {
			t.Errorf("draft slots %v lack %q", slots, want)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "topic.yaml"), []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	js, errOut, code := run(t, "", "check", dir, "--format", "json")
	if code != exitOK {
		t.Fatalf("check on the draft exit %d: %s", code, errOut)
	}
	var res compare.Result
	if err := json.Unmarshal([]byte(js), &res); err != nil {
		t.Fatal(err)
	}
	got := statuses(res)
	want := map[string]string{"withdraw.qamishli": "omission", "visit.count": "omission", "meet.date": "omission"}
	for slot, st := range want {
		if diff := cmp.Diff(st, got[slot]); diff != "" {
			t.Errorf("%s status (-want +got):\n%s", slot, diff)
		}
	}
}
