package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// copyDir copies the regular files of src into a new temporary folder.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBadFilesSkipped: each bad file gets one error line naming it, the
// rest is compared, and the exit code says the run was partial.
func TestBadFilesSkipped(t *testing.T) {
	dir := copyDir(t, filepath.Join(repo, "seeds"))
	write(t, filepath.Join(dir, "binary.txt"), []byte{0x7f, 'E', 'L', 'F', 0, 0, 1})
	write(t, filepath.Join(dir, "latin1.txt"), []byte("Caf\xe9 owner says\n"))
	write(t, filepath.Join(dir, "empty.txt"), []byte("  \n\n"))
	write(t, filepath.Join(dir, "huge.txt"), []byte(strings.Repeat("word ", 600000)))
	write(t, filepath.Join(dir, "page.html"), []byte("<!doctype html><html><head><script>alert(1)</script></head><body><nav>Home</nav>"+
		"<h1>Ferry sinks off coast</h1><p>A ferry sank on Tuesday, officials said.</p><p>All passengers were rescued.</p></body></html>"))
	out, errOut, code := run(t, "", "check", dir, "--format", "json")
	if code != exitPartial {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitPartial, errOut)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(errOut), "\n") {
		lines = append(lines, strings.ReplaceAll(l, dir+string(filepath.Separator), ""))
	}
	want := []string{
		"crosscheck: skipped binary.txt: binary file (contains NUL bytes); want UTF-8 text",
		"crosscheck: skipped empty.txt: empty file: no article text",
		"crosscheck: skipped huge.txt: file is larger than 2 MiB; raise --max-article-size to read it",
		"crosscheck: skipped latin1.txt: invalid UTF-8 at byte 3; want UTF-8 text; it looks like Windows-1252 or Latin-1 text: convert it to UTF-8 (iconv -f WINDOWS-1252 -t UTF-8)",
		"crosscheck: 4 of 10 files skipped: some input files were skipped",
	}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
	// The five seeds and the HTML page were compared.
	if n := strings.Count(out, `"file": "`); n != 6 {
		t.Errorf("compared %d articles, want 6", n)
	}
	if strings.Contains(out, "alert(1)") {
		t.Error("script content of the HTML page leaked into the output")
	}
}

func TestUsageErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"check"}, "crosscheck: accepts 1 arg(s), received 0"},
		{[]string{"check", filepath.Join(repo, "seeds"), "--format", "xml"}, `crosscheck: unknown format "xml"; want table, json, md or html`},
		{[]string{"compare"}, "crosscheck: --topic is required; 'crosscheck topics' lists them"},
		{[]string{"frobnicate"}, `crosscheck: unknown command "frobnicate" for "crosscheck"`},
		{[]string{"check", "--bogus", "x"}, "crosscheck: unknown flag: --bogus"},
		{[]string{"compare", "--topic", "nope"}, `crosscheck: no database at`},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			_, errOut, code := run(t, "", c.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			first := strings.SplitN(errOut, "\n", 2)[0]
			if !strings.HasPrefix(first, c.want) {
				t.Errorf("stderr first line %q, want prefix %q", first, c.want)
			}
		})
	}
}

// TestBrokenTopicFile: a mistake in the topic file is reported with file,
// line and column, and nothing is written.
func TestBrokenTopicFile(t *testing.T) {
	dir := copyDir(t, filepath.Join(repo, "testdata", "ferry"))
	src, err := os.ReadFile(filepath.Join(dir, "topic.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "topic.yaml"), []byte(strings.Replace(string(src), "kind: count", "kind: tally", 1)))
	db := filepath.Join(t.TempDir(), "x.db")
	_, errOut, code := run(t, db, "check", dir)
	if code != exitFailure {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitFailure, errOut)
	}
	want := "crosscheck: " + filepath.Join(dir, "topic.yaml") + `:41:11: slot "inspection.count": unknown kind "tally"; want date, entity-set, event or count`
	if diff := cmp.Diff(want, strings.SplitN(errOut, "\n", 2)[0]); diff != "" {
		t.Errorf("error line (-want +got):\n%s", diff)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("database was created for a run that could not start: %v", err)
	}
}

// TestIngestVersions: ingesting the same files twice is a no-op; a changed
// file becomes a new version.
func TestIngestVersions(t *testing.T) {
	dir := copyDir(t, filepath.Join(repo, "seeds"))
	db := filepath.Join(t.TempDir(), "v.db")
	var got []string
	out, _, _ := run(t, db, "ingest", dir)
	got = append(got, out)
	out, _, _ = run(t, db, "ingest", dir)
	got = append(got, out)
	path := filepath.Join(dir, "003_f7089254e4d92e19.txt")
	b, _ := os.ReadFile(path)
	write(t, path, []byte(strings.Replace(string(b), "Earlier this week, Russia withdrew", "Earlier this week, Russia did not withdraw", 1)))
	out, _, _ = run(t, db, "ingest", dir)
	got = append(got, out)
	want := []string{
		"topic putin-sharaa-moscow-2026: 5 read, 5 new, 0 changed, 0 unchanged, 0 skipped\n",
		"topic putin-sharaa-moscow-2026: 5 read, 0 new, 0 changed, 5 unchanged, 0 skipped\n",
		"topic putin-sharaa-moscow-2026: 5 read, 0 new, 1 changed, 4 unchanged, 0 skipped\n",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ingest reports (-want +got):\n%s", diff)
	}
	// The edited article now denies the withdrawal: a contradiction.
	out, _, code := run(t, db, "compare", "--topic", "putin-sharaa-moscow-2026", "--format", "json")
	if code != exitOK {
		t.Fatalf("compare exit %d", code)
	}
	if !strings.Contains(out, `"status": "contradiction"`) {
		t.Errorf("denial in the edited article did not make a contradiction")
	}
	topics, _, _ := run(t, db, "topics")
	if !strings.Contains(topics, "putin-sharaa-moscow-2026  5 ") {
		t.Errorf("topics listing:\n%s", topics)
	}
}

// A run stopped by Ctrl-C says so in one line and exits 130, not as a
// failure with "context canceled".
func TestInterruptedRun(t *testing.T) {
	for _, args := range [][]string{
		{"check", repo + "/seeds"},
		{"batch", "--inbox", t.TempDir(), "--out", t.TempDir()},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		var out, errb bytes.Buffer
		db := filepath.Join(t.TempDir(), "i.db")
		code := Main(ctx, append([]string{"--db", db}, args...), strings.NewReader(""), &out, &errb)
		if code != exitInterrupted || errb.String() != "crosscheck: interrupted; rerun to finish\n" {
			t.Errorf("%s: exit %d, stderr %q; want %d and one line saying so", args[0], code, errb.String(), exitInterrupted)
		}
	}
}

// --db opens only a crosscheck database: reading commands never create
// one, and no command writes into a file that is not ours.
func TestDBGuard(t *testing.T) {
	dir := t.TempDir()
	notSQLite := filepath.Join(dir, "notes.db")
	write(t, notSQLite, []byte("shopping list\n"))
	ours := filepath.Join(dir, "desk.db")
	if _, stderr, code := run(t, ours, "check", filepath.Join(repo, "testdata", "ferry")); code != exitOK {
		t.Fatalf("check: exit %d, stderr %s", code, stderr)
	}
	missing := filepath.Join(dir, "typo.db")
	cases := []struct {
		name, db string
		args     []string
		code     int
		want     string
	}{
		{"a reading command with a mistyped path", missing, []string{"topics"}, exitUsage, "crosscheck: no database at " + missing},
		{"a URL of another engine", "mysql://desk@127.0.0.1/news", []string{"check", filepath.Join(repo, "testdata", "ferry")}, exitFailure, "crosscheck: mysql://desk@127.0.0.1/news is a URL crosscheck cannot open"},
		// Nothing listens on port 1: the error names the server, not the
		// password, and no folder named "postgres:" appears.
		{"a PostgreSQL server that is not there", "postgres://desk:s3cret@127.0.0.1:1/news", []string{"check", filepath.Join(repo, "testdata", "ferry")}, exitFailure, "crosscheck: open database postgres://desk:xxxxx@127.0.0.1:1/news"},
		{"a file that is not SQLite", notSQLite, []string{"check", filepath.Join(repo, "testdata", "ferry")}, exitFailure, "crosscheck: " + notSQLite + " is not a SQLite database"},
		{"an unknown topic in our database", ours, []string{"compare", "--topic", "nope"}, exitUsage, `crosscheck: no topic "nope" in`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errOut, code := run(t, c.db, c.args...)
			if code != c.code || !strings.HasPrefix(errOut, c.want) || strings.Contains(errOut, "s3cret") {
				t.Errorf("exit %d, stderr %q; want %d and a line starting %q", code, errOut, c.code, c.want)
			}
		})
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a reading command created %s (%v)", missing, err)
	}
	if _, err := os.Stat("postgres:"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a postgres URL made a folder named postgres: (%v)", err)
	}
	if b, _ := os.ReadFile(notSQLite); string(b) != "shopping list\n" {
		t.Errorf("the other file was changed: %q", b)
	}
}
