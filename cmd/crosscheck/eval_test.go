package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-news/crosscheck/compare"
	ceval "github.com/crosscheck-news/crosscheck/compare/eval"
	"github.com/crosscheck-news/crosscheck/compare/render"
)

// ferryStory makes a story folder named name holding the invented ferry
// articles (not their topic file) and, unless expect is "", an expect.json.
func ferryStory(t *testing.T, parent, name, expect string) string {
	t.Helper()
	dir := filepath.Join(parent, name)
	copyInto(t, filepath.Join(repo, "testdata", "ferry"), dir)
	if err := os.Remove(filepath.Join(dir, "topic.yaml")); err != nil {
		t.Fatal(err)
	}
	if expect != "" {
		write(t, filepath.Join(dir, ceval.FileName), []byte(expect))
	}
	return dir
}

// ferryExpect is what a reader finds in the ferry story: the fire's day
// and the captain's leaving told differently (so flags are right), Port
// Alder named by all three, the captain's first name spelt two ways.
const ferryExpect = `{
  "facts": [
    {"what": "the fire's day: Tuesday, Monday, Wednesday", "kind": "date", "articles": ["01", "02", "03"], "contradiction_ok": true},
    {"what": "the captain left the ship (or did not: a denial is no value)", "surface": "left", "articles": ["03"], "contradiction_ok": true},
    {"what": "Port Alder named by all three", "surface": "Port Alder", "articles": ["01", "02", "03"]}
  ],
  "variants_required": [["mohammed( demir)?", "muhammad( demir)?"]],
  "variants_forbidden": [["port alder", "selkie"]]
}`

func TestEvalHeld(t *testing.T) {
	dir := ferryStory(t, t.TempDir(), "ferry", ferryExpect)
	out, errOut, code := run(t, "", "eval", dir)
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d, stderr:\n%s\nstdout:\n%s", code, errOut, out)
	}
	want := "story  expectations held  false alarms  required variants held  forbidden variants ok\n" +
		"ferry  5/5                0             1/1                     yes\n"
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("table (-want +got):\n%s", diff)
	}
}

func TestEvalMissesAndFalseAlarms(t *testing.T) {
	parent := t.TempDir()
	miss := strings.Replace(ferryExpect, `"facts": [`,
		`"facts": [{"what": "a figure no outlet gives", "surface": "forty-two", "articles": ["01"]},`, 1)
	ferryStory(t, parent, "a-miss", miss)
	alarm := strings.ReplaceAll(ferryExpect, `, "contradiction_ok": true`, "")
	ferryStory(t, parent, "b-alarm", alarm)
	for _, markdown := range []bool{false, true} {
		args := []string{"eval", filepath.Join(parent, "a-miss"), filepath.Join(parent, "b-alarm")}
		if markdown {
			args = append(args, "--markdown")
		}
		out, errOut, code := run(t, "", args...)
		if code != exitFailure {
			t.Errorf("exit %d, want %d (a miss, a false alarm); stdout:\n%s", code, exitFailure, out)
		}
		if want := "crosscheck: 2 of 2 stories miss expectations or raise false alarms\n"; errOut != want {
			t.Errorf("stderr %q, want %q", errOut, want)
		}
		for _, w := range []string{"MISS a figure no outlet gives", "FALSE ALARM date:lede", "5/5", "5/6", "\nb-alarm"} {
			if !strings.Contains(out, w) {
				t.Errorf("markdown %v: output lacks %q:\n%s", markdown, w, out)
			}
		}
		if markdown && !strings.Contains(out, "| a-miss | 5/6 | 0 | 1/1 | yes |\n") {
			t.Errorf("markdown row of a-miss missing:\n%s", out)
		}
	}
}

// TestEvalSkipsFolders checks that a folder without expect.json (or a
// file) is named on stderr in one line and the others are still scored.
func TestEvalSkipsFolders(t *testing.T) {
	parent := t.TempDir()
	bare := ferryStory(t, parent, "bare", "")
	good := ferryStory(t, parent, "good", ferryExpect)
	notDir := filepath.Join(good, "01_coastal-herald.txt")
	out, errOut, code := run(t, "", "eval", bare, good, notDir)
	if code != exitPartial {
		t.Errorf("exit %d, want %d", code, exitPartial)
	}
	want := "crosscheck: skipped " + bare + ": no expect.json to score it against\n" +
		"crosscheck: skipped " + notDir + ": not a story folder\n" +
		"crosscheck: 2 of 3 story folders skipped: some input files were skipped\n"
	if diff := cmp.Diff(want, errOut); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
	if !strings.Contains(out, "\ngood   5/5") {
		t.Errorf("good story not scored:\n%s", out)
	}
	if _, _, code := run(t, "", "eval"); code != exitUsage {
		t.Errorf("eval with no folder: exit %d, want %d", code, exitUsage)
	}
	write(t, filepath.Join(bare, ceval.FileName), []byte(`{"facts": [{"what": "x"}]}`))
	if _, errOut, _ := run(t, "", "eval", bare); !strings.Contains(errOut, `has no "articles"`) || !strings.Contains(errOut, bare) {
		t.Errorf("bad expect.json: stderr %q, want the file and the fault", errOut)
	}
}

// TestEvalIgnoresTopicFile checks that eval compares a folder as if it had
// no topic file, whatever DIR holds.
func TestEvalIgnoresTopicFile(t *testing.T) {
	parent := t.TempDir()
	withTopic := filepath.Join(parent, "a", "ferry")
	copyInto(t, filepath.Join(repo, "testdata", "ferry"), withTopic)
	without := ferryStory(t, filepath.Join(parent, "b"), "ferry", "")
	if diff := cmp.Diff(evalJSON(t, without), evalJSON(t, withTopic)); diff != "" {
		t.Errorf("a topic file changes what eval compares (-without +with):\n%s", diff)
	}
}

// evalJSON is what eval scores for dir, as check's JSON.
func evalJSON(t *testing.T, dir string) string {
	t.Helper()
	res, err := evalResult(context.Background(), dir, filepath.Join(t.TempDir(), "e.db"), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := render.WriteJSON(&b, res); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// corpusStories are the story folders of the corpus, in name order.
func corpusStories(t *testing.T) []string {
	t.Helper()
	corpus := corpusDir(t)
	entries, err := os.ReadDir(corpus)
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, filepath.Join(corpus, e.Name()))
		}
	}
	if len(dirs) == 0 {
		t.Fatalf("no story folder in %s", corpus)
	}
	return dirs
}

// TestEvalSameAsCheck checks, on every corpus story, that eval scores what
// 'crosscheck check DIR --format json' prints for a folder of the numbered
// articles alone, and that score.py (when python3 has it) scores that JSON
// as eval does.
func TestEvalSameAsCheck(t *testing.T) {
	py := filepath.Join(corpusDir(t), "score.py")
	_, pyErr := exec.LookPath("python3")
	for _, story := range corpusStories(t) {
		name := filepath.Base(story)
		t.Run(name, func(t *testing.T) {
			alone := filepath.Join(t.TempDir(), name)
			if err := os.Mkdir(alone, 0o755); err != nil {
				t.Fatal(err)
			}
			numbered, err := filepath.Glob(filepath.Join(story, "[0-9]*.txt"))
			if err != nil || len(numbered) == 0 {
				t.Fatalf("no numbered articles in %s: %v", story, err)
			}
			for _, p := range numbered {
				b, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				write(t, filepath.Join(alone, filepath.Base(p)), b)
			}
			checked, errOut, code := run(t, "", "check", alone, "--format", "json")
			if code != exitOK {
				t.Fatalf("check: exit %d: %s", code, errOut)
			}
			if diff := cmp.Diff(checked, evalJSON(t, story)); diff != "" {
				t.Errorf("eval compares otherwise than check (-check +eval):\n%s", diff)
			}
			if pyErr != nil {
				t.Logf("no python3: score.py not compared")
				return
			}
			exp, err := ceval.Load(filepath.Join(story, ceval.FileName))
			if err != nil {
				t.Fatal(err)
			}
			var res compare.Result
			if err := json.Unmarshal([]byte(checked), &res); err != nil {
				t.Fatal(err)
			}
			s, err := exp.Score(res)
			if err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("python3", py, filepath.Join(story, ceval.FileName))
			cmd.Stdin = strings.NewReader(checked)
			got, err := cmd.Output()
			var ee *exec.ExitError
			if err != nil && !errors.As(err, &ee) {
				t.Fatalf("score.py: %v", err)
			}
			if diff := cmp.Diff(strings.Split(strings.TrimSuffix(string(got), "\n"), "\n"), s.Lines()); diff != "" {
				t.Errorf("score.py (-) and eval (+) differ:\n%s", diff)
			}
		})
	}
}

// The markers around the generated table in docs/accuracy.md.
const (
	accuracyBegin = "<!-- begin: generated by go test ./cmd/crosscheck -run TestCorpusAccuracy -update -->"
	accuracyEnd   = "<!-- end: generated -->"
)

// TestCorpusAccuracy runs the harness over every story of the corpus, logs
// the per-story table and keeps it in docs/accuracy.md: the test fails when
// the table there is not what the code gives (go test -run
// TestCorpusAccuracy -update rewrites it). Misses do not fail it; the table
// records them.
func TestCorpusAccuracy(t *testing.T) {
	stories := corpusStories(t)
	path := filepath.Join(repo, "docs", "accuracy.md")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !*update {
		// A story added to the corpus after the table was written is
		// scored in the log, not held against the table: the table
		// guards the stories it records.
		var recorded []string
		for _, dir := range stories {
			if strings.Contains(string(b), "\n| "+filepath.Base(dir)+" |") {
				recorded = append(recorded, dir)
			} else {
				t.Logf("%s is not in %s yet; rerun with -update to record it", filepath.Base(dir), path)
			}
		}
		if len(recorded) > 0 {
			stories = recorded
		}
	}
	out, errOut, code := run(t, "", append([]string{"eval", "--markdown"}, stories...)...)
	t.Logf("accuracy on %s:\n%s", filepath.Dir(stories[0]), out)
	switch {
	case code == exitOK && errOut == "":
	case code == exitFailure && strings.HasSuffix(errOut, "stories miss expectations or raise false alarms\n") &&
		strings.Count(errOut, "\n") == 1:
	default:
		t.Fatalf("eval: exit %d, stderr:\n%s", code, errOut)
	}
	doc := string(b)
	i, j := strings.Index(doc, accuracyBegin), strings.Index(doc, accuracyEnd)
	if i < 0 || j < i {
		t.Fatalf("%s lacks the markers %q … %q", path, accuracyBegin, accuracyEnd)
	}
	i += len(accuracyBegin)
	got := "\n\n" + out + "\n"
	if *update {
		if err := os.WriteFile(path, []byte(doc[:i]+got+doc[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if diff := cmp.Diff(doc[i:j], got); diff != "" {
		t.Errorf("docs/accuracy.md's table is not what the code gives (-doc +now); rerun with -update:\n%s", diff)
	}
}
