package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/cmd/crosscheck/internal/nightly"
)

// TestBenchCommand runs a tiny bench so the command cannot rot: it must
// generate, run the batch twice and print every figure.
func TestBenchCommand(t *testing.T) {
	out, errOut, code := run(t, "", "bench", "--topics", "2", "--articles", "10", "--seed", "7")
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`2 topics × 10 articles = 20 articles`),
		regexp.MustCompile(`first run +\S+, \d+ articles/s +\[batch: 2 topics \(2 reported\), 20 articles read: 20 new`),
		regexp.MustCompile(`rerun 1 +\d+\.\d+ s`),
		regexp.MustCompile(`nothing to do: 2 topics, 20 articles`),
		regexp.MustCompile(`peak RSS +(\d+\.\d MB|unknown)`),
		regexp.MustCompile(`peak heap +\d+\.\d MB`),
		regexp.MustCompile(`database +\d+\.\d MB`),
	} {
		if !want.MatchString(out) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
}

// TestBenchDir: bench --dir generates over its own earlier inbox, and
// refuses a folder it did not make.
func TestBenchDir(t *testing.T) {
	a := t.TempDir()
	if _, _, err := nightly.GenerateInbox(a, 2, 3, 42); err != nil {
		t.Fatal(err)
	}
	if _, _, code := run(t, "", "bench", "--dir", a, "--topics", "1", "--articles", "1"); code != exitOK {
		t.Errorf("bench --dir over its own earlier inbox: exit %d", code)
	}
	if _, errOut, code := run(t, "", "bench", "--dir", filepath.Join(repo, "seeds")); code != exitUsage || !strings.Contains(errOut, "not made by crosscheck bench") {
		t.Errorf("bench --dir over a real inbox: exit %d, %s", code, errOut)
	}
}
