package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportCommand: report writes HTML or Markdown by the file's
// extension (or --format), refuses a format it cannot tell, and leaves no
// file behind when it fails.
func TestReportCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	if _, errOut, code := run(t, db, "ingest", filepath.Join(repo, "seeds")); code != exitOK {
		t.Fatalf("ingest: %d %s", code, errOut)
	}
	dir := t.TempDir()
	cases := []struct {
		file, format, want string
		code               int
	}{
		{"r.html", "", "<!doctype html>", exitOK},
		{"r.htm", "", "<!doctype html>", exitOK},
		{"desk.md", "", "# Putin hosts Syria's al-Sharaa in Moscow", exitOK},
		{"desk.txt", "md", "# Putin hosts Syria's al-Sharaa in Moscow", exitOK},
		{"r.txt", "", "", exitUsage},
		{"r.html", "json", "", exitUsage},
	}
	for _, c := range cases {
		t.Run(c.file+"/"+c.format, func(t *testing.T) {
			out := filepath.Join(dir, c.format+c.file)
			args := []string{"report", "--topic", "putin-sharaa-moscow-2026", "-o", out}
			if c.format != "" {
				args = append(args, "--format", c.format)
			}
			_, errOut, code := run(t, db, args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d: %s", code, c.code, errOut)
			}
			b, err := os.ReadFile(out)
			if c.code != exitOK {
				if err == nil {
					t.Errorf("a failed report left %s behind", out)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(b), c.want) {
				t.Errorf("%s starts %q, want %q", out, string(b[:min(len(b), 60)]), c.want)
			}
		})
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}
