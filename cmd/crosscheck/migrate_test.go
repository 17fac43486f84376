package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-news/crosscheck/store/storetest"
)

// TestMigrate moves a desk's database (two stories through batch, with a
// changed article in between) up to PostgreSQL and back, and every read
// command answers the same from each copy; a copy into a database with
// topics, or with no --to, is a usage error.
func TestMigrate(t *testing.T) {
	pg := storetest.FreshSchema(t)
	desk := filepath.Join(t.TempDir(), "desk.db")
	inbox := storyInbox(t, "seeds", "ferry")
	out := filepath.Join(t.TempDir(), "reports")
	if _, stderr, code := batch(t, desk, inbox, out); code != exitOK {
		t.Fatalf("batch: exit %d\n%s", code, stderr)
	}
	edit := filepath.Join(inbox, "ferry", "02_island-post.txt")
	write(t, edit, []byte(strings.Replace(readFile(t, edit), "Selkie", "Selkie II", 1)))
	if _, stderr, code := batch(t, desk, inbox, out); code != exitOK {
		t.Fatalf("second batch: exit %d\n%s", code, stderr)
	}

	stdout, stderr, code := run(t, desk, "migrate", "--to", pg)
	if code != exitOK {
		t.Fatalf("migrate: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "2 topics, each compared the same in both") || !strings.Contains(stdout, "facts") {
		t.Errorf("migrate says:\n%s", stdout)
	}
	back := filepath.Join(t.TempDir(), "back.db")
	if _, stderr, code := run(t, "", "migrate", "--from", pg, "--to", back); code != exitOK {
		t.Fatalf("migrate back: exit %d\n%s", code, stderr)
	}

	stamp := regexp.MustCompile(`"updated": "[0-9T:Z.-]+"|\d{4}-\d\d-\d\d \d\d:\d\d`)
	for _, args := range [][]string{
		{"topics", "--format", "json"},
		{"compare", "--topic", ferryTopic, "--format", "json"},
		{"compare", "--topic", seedsTopic, "--format", "md"},
		{"facts", "--topic", ferryTopic, "--format", "json"},
	} {
		var outs []string
		for _, db := range []string{desk, pg, back} {
			stdout, stderr, code := run(t, db, args...)
			if code != exitOK {
				t.Fatalf("%v: exit %d\n%s", args, code, stderr)
			}
			outs = append(outs, stamp.ReplaceAllString(stdout, "…"))
		}
		if diff := cmp.Diff(outs[0], outs[1]); diff != "" {
			t.Errorf("%v: PostgreSQL copy differs (-sqlite +postgres):\n%s", args, diff)
		}
		if diff := cmp.Diff(outs[0], outs[2]); diff != "" {
			t.Errorf("%v: copy back differs (-first +back):\n%s", args, diff)
		}
	}
	// The copy keeps the batch's state: nothing to do on the server.
	if stdout, stderr, code := batch(t, pg, inbox, out); code != exitOK || !strings.HasPrefix(stdout, "nothing to do") {
		t.Errorf("batch on the copy: exit %d, %q\n%s", code, stdout, stderr)
	}

	if _, stderr, code := run(t, desk, "migrate", "--to", back); code != exitUsage || !strings.Contains(stderr, "already holds 2 topics") {
		t.Errorf("into a database with topics: exit %d, stderr %q", code, stderr)
	}
	if _, stderr, code := run(t, desk, "migrate"); code != exitUsage || !strings.Contains(stderr, "--to is required") {
		t.Errorf("no --to: exit %d, stderr %q", code, stderr)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
