package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/compare"
)

// finding is one difference a careful reader found, as listed in
// testdata/findings/*.txt.
type finding struct {
	statuses []string
	kind     string
	articles []string
	word     string
	what     string
}

func readFindings(t *testing.T, path string) []finding {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []finding
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 5 {
			t.Fatalf("%s: want 5 tab-separated columns: %q", path, line)
		}
		out = append(out, finding{strings.Split(cols[0], "|"), cols[1], strings.Split(cols[2], ","), strings.ToLower(cols[3]), cols[4]})
	}
	return out
}

// meets reports whether a slot result is what the finding describes.
func (fd finding) meets(sr compare.SlotResult) bool {
	if sr.Kind != fd.kind || !sr.Generated {
		return false
	}
	ok := false
	for _, s := range fd.statuses {
		if string(sr.Status) == s {
			ok = true
		}
	}
	if !ok {
		return false
	}
	has := map[string]bool{}
	text := strings.ToLower(sr.Label + " " + sr.Slot)
	for _, v := range sr.Values {
		if !v.Background {
			has[v.Article] = true
		}
		text += " " + strings.ToLower(v.Surface+" "+v.Value)
	}
	for _, a := range fd.articles {
		if !has[a] {
			return false
		}
	}
	return fd.word == "-" || strings.Contains(text, fd.word)
}

// TestCarefulReaderFindings runs check without a topic file on the seeds
// and the caravan corpus and checks that every difference a careful reader
// lists is reported; it logs the contradictions no reader listed, the
// false alarms to keep few.
func TestCarefulReaderFindings(t *testing.T) {
	for _, c := range []struct{ name, dir string }{{"seeds", "seeds"}, {"caravan", caravanStory}} {
		t.Run(c.name, func(t *testing.T) {
			args := []string{"check", filepath.Join(repo, c.dir)}
			if c.dir == caravanStory {
				args = caravanArgs(t)
			}
			out, errOut, code := run(t, "", append(args, "--no-topic", "--format", "json")...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var res compare.Result
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatal(err)
			}
			fds := readFindings(t, filepath.Join(repo, "testdata", "findings", c.name+".txt"))
			explained := map[string]bool{}
			found := 0
			for _, fd := range fds {
				met := false
				for _, sr := range res.Facts {
					if fd.meets(sr) {
						met = true
						explained[sr.Slot] = true
					}
				}
				if met {
					found++
				} else {
					t.Errorf("not reported: %s %s %v %q — %s", fd.statuses, fd.kind, fd.articles, fd.word, fd.what)
				}
			}
			var alarms []string
			for _, sr := range res.Facts {
				if sr.Generated && sr.Status == compare.Contradiction && !explained[sr.Slot] {
					alarms = append(alarms, sr.Slot)
				}
			}
			t.Logf("%s: %d of %d listed differences reported; %d contradictions no reader listed %v; %d general slots in all",
				c.name, found, len(fds), len(alarms), alarms, len(res.Facts))
		})
	}
}
