package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-news/crosscheck/compare"
)

// update rewrites the golden files in testdata/golden instead of comparing
// against them: go test ./cmd/crosscheck -update. Review the diff by eye.
var update = flag.Bool("update", false, "rewrite golden files")

const repo = "../.."

// run calls Main as the binary would, with a fresh database unless db is set.
func run(t *testing.T, db string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	if db == "" {
		db = filepath.Join(t.TempDir(), "test.db")
	}
	var out, errb bytes.Buffer
	code = Main(context.Background(), append([]string{"--db", db}, args...), strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join(repo, "testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update to create it): %v", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs from golden (-want +got):\n%s", name, diff)
	}
}

func TestCheckGolden(t *testing.T) {
	cases := []struct {
		dir, format, golden string
		noTopic             bool
	}{
		{"seeds", "json", "seeds-notopic.json", true},
		{"seeds", "table", "seeds-notopic.txt", true},
		{caravanStory, "json", "caravan-notopic.json", true},
		{caravanStory, "md", "caravan-notopic.md", true},
		{"seeds", "json", "seeds.json", false},
		{"seeds", "table", "seeds.txt", false},
		{"seeds", "md", "seeds.md", false},
		{caravanStory, "json", "caravan.json", false},
		{caravanStory, "table", "caravan.txt", false},
		{"testdata/ferry", "json", "ferry.json", false},
		{"testdata/ferry", "md", "ferry.md", false},
		{"testdata/wire", "json", "wire.json", false},
	}
	for _, c := range cases {
		t.Run(c.golden, func(t *testing.T) {
			args := []string{"check", filepath.Join(repo, c.dir), "--format", c.format}
			if c.dir == caravanStory {
				args = append(caravanArgs(t), "--format", c.format)
			}
			if c.noTopic {
				args = append(args, "--no-topic")
			}
			out, errOut, code := run(t, "", args...)
			if code != exitOK {
				t.Fatalf("exit %d, stderr:\n%s", code, errOut)
			}
			if errOut != "" {
				t.Errorf("unexpected stderr:\n%s", errOut)
			}
			golden(t, c.golden, out)
		})
	}
}

// decode runs check DIR --format json and decodes the result; DIR is a
// folder of the repository, or caravanStory.
func decode(t *testing.T, dir string) compare.Result {
	t.Helper()
	args := []string{"check", filepath.Join(repo, dir)}
	if dir == caravanStory {
		args = caravanArgs(t)
	}
	out, errOut, code := run(t, "", append(args, "--format", "json")...)
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	var res compare.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	return res
}

// statuses maps the topic's own slots to their statuses.
func statuses(res compare.Result) map[string]string {
	out := map[string]string{}
	for _, f := range res.Facts {
		if !f.Generated {
			out[f.Slot] = string(f.Status)
		}
	}
	return out
}

// TestSeedsReading asserts how the seeds must read, independently of the
// golden files: the statuses, who is missing, the variant groups and the
// outlets named in the texts.
func TestSeedsReading(t *testing.T) {
	res := decode(t, "seeds")
	want := map[string]string{
		"meeting.date":        "agree",
		"bases.named":         "variant",
		"qamishli.withdrawal": "omission",
		"visit.count":         "omission",
	}
	if diff := cmp.Diff(want, statuses(res)); diff != "" {
		t.Errorf("statuses (-want +got):\n%s", diff)
	}
	missing := map[string][]string{}
	values := map[string][]string{}
	for _, f := range res.Facts {
		if f.Generated {
			continue
		}
		missing[f.Slot] = f.Missing
		for _, v := range f.Values {
			if !v.Background {
				values[f.Slot] = append(values[f.Slot], v.Article+"="+v.Value+"/"+v.Surface+"/"+v.Aspect+"/"+v.Attribution)
			}
		}
	}
	wantMissing := map[string][]string{
		"meeting.date":        {},
		"bases.named":         {},
		"qamishli.withdrawal": {"002_fd27662df4f2f4bd"},
		"visit.count":         {"001_2f57753ce39bdcf5"},
	}
	if diff := cmp.Diff(wantMissing, missing); diff != "" {
		t.Errorf("missing (-want +got):\n%s", diff)
	}
	wantWithdrawal := []string{
		"000_2172f3fbfec525e1=qamishli/withdrawing forces from Qamishli/ongoing/reported",
		"001_2f57753ce39bdcf5=qamishli/withdrew its forces from Qamishli/completed/reported",
		"003_f7089254e4d92e19=qamishli/withdrew its forces from Qamishli/completed/asserted",
		"004_7e2173657d6ded3b=qamishli/withdrawing from Qamishli/ongoing/reported",
	}
	if diff := cmp.Diff(wantWithdrawal, values["qamishli.withdrawal"]); diff != "" {
		t.Errorf("withdrawal values (-want +got):\n%s", diff)
	}
	for _, v := range values["meeting.date"] {
		if !strings.Contains(v, "=2026-01-28/") {
			t.Errorf("meeting.date value %s, want 2026-01-28", v)
		}
	}
	var groups []string
	for _, g := range res.Variants {
		var forms []string
		for _, f := range g.Forms {
			forms = append(forms, f.Form)
		}
		groups = append(groups, strings.Join(forms, "/"))
	}
	if diff := cmp.Diff([]string{"Ahmed/Ahmad", "Tartus/Tartous"}, groups); diff != "" {
		t.Errorf("variant groups (-want +got):\n%s", diff)
	}
	outlets := map[string]string{}
	for _, a := range res.Articles {
		outlets[a.ID] = a.Outlet + "|" + a.Wire
	}
	wantOutlets := map[string]string{
		"000_2172f3fbfec525e1": "Global Banking & Finance Review|Reuters",
		"001_2f57753ce39bdcf5": "HICGI News Agency|Al Jazeera",
		"002_fd27662df4f2f4bd": "|",
		"003_f7089254e4d92e19": "The Moscow Times|AFP",
		"004_7e2173657d6ded3b": "Levant24|",
	}
	if diff := cmp.Diff(wantOutlets, outlets); diff != "" {
		t.Errorf("outlets (-want +got):\n%s", diff)
	}
}

// TestOtherStories checks the statuses on stories the seeds know nothing of.
func TestOtherStories(t *testing.T) {
	cases := map[string]map[string]string{
		caravanStory: {
			"arrival.date":    "agree",
			"crossing.point":  "omission",
			"migrants.count":  "contradiction",
			"organiser.named": "omission",
		},
		"testdata/ferry": {
			"fire.date":        "contradiction",
			"places.named":     "agree",
			"evacuation":       "omission",
			"inspection.count": "contradiction",
			"captain.left":     "contradiction",
		},
	}
	for dir, want := range cases {
		t.Run(dir, func(t *testing.T) {
			if diff := cmp.Diff(want, statuses(decode(t, dir))); diff != "" {
				t.Errorf("statuses (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDeterministic runs the same comparison 50 times, with and without
// the topic file: map order must never change the output.
func TestDeterministic(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	first, _, _ := run(t, db, "check", filepath.Join(repo, "seeds"), "--format", "json")
	general, _, _ := run(t, filepath.Join(t.TempDir(), "g.db"), "check", "--no-topic", filepath.Join(repo, "seeds"), "--format", "json")
	for i := 0; i < 50; i++ {
		again, _, _ := run(t, db, "compare", "--topic", "putin-sharaa-moscow-2026", "--format", "json")
		if diff := cmp.Diff(first, again); diff != "" {
			t.Fatalf("run %d differs (-first +again):\n%s", i, diff)
		}
		again, _, _ = run(t, filepath.Join(t.TempDir(), "g.db"), "check", "--no-topic", filepath.Join(repo, "seeds"), "--format", "json")
		if diff := cmp.Diff(general, again); diff != "" {
			t.Fatalf("run %d without the topic file differs (-first +again):\n%s", i, diff)
		}
	}
}
