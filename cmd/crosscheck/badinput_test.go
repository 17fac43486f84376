package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/store"
)

// The bad-input suite (issue 9): testdata/bad holds small hostile files
// and invented good articles; the files that cannot live in git (a 50 MB
// article, a 1 MB line, a looping symlink, an unreadable file) are made
// here. Each bad file must get exactly one line naming it, the good
// articles must be read exactly as they are without the bad ones, and the
// database must stay sound. The expected lines are golden files in
// testdata/bad, rewritten only with -update.

var badDir = filepath.Join(repo, "testdata", "bad")

// badTopicID is the id of testdata/bad/topic-good.yaml.
const badTopicID = "selkie-grounding"

// copyMatching copies the files of src whose names match pattern into dst.
func copyMatching(t *testing.T, src, pattern, dst string) {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(src, pattern))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dst, filepath.Base(n)), b)
	}
}

// oneLongLine is an invented article flattened to a single line of about
// size bytes: it must be read as an article, quickly.
func oneLongLine(size int) []byte {
	head := "The ferry Selkie ran aground off Port Alder on Tuesday with 212 passengers on board. "
	s := "The crew waited on deck while the sea calmed and the light faded. " +
		"Lifeboats came out from the harbour one after another. " +
		"Families waited on the quay with blankets and flasks of tea. " +
		"Nobody on the quay said much until the last boat came in. "
	return []byte(head + strings.TrimSpace(strings.Repeat(s, (size-len(head))/len(s))) + "\n")
}

// goodFolder makes a topic folder holding the good articles of
// testdata/bad, the generated 1 MB line and the topic file.
func goodFolder(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "selkie")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	copyMatching(t, filepath.Join(badDir, "articles"), "good-*", dir)
	write(t, filepath.Join(dir, "good-one-line-1mb.txt"), oneLongLine(1<<20))
	b, err := os.ReadFile(filepath.Join(badDir, "topic-good.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "topic.yaml"), b)
	return dir
}

// addBadFiles adds the bad files of testdata/bad and the generated ones to
// dir. It returns the names of cases it could not make, with why.
func addBadFiles(t *testing.T, dir string) (skipped map[string]string) {
	t.Helper()
	skipped = map[string]string{}
	copyMatching(t, filepath.Join(badDir, "articles"), "bad-*", dir)
	copyMatching(t, filepath.Join(badDir, "articles"), "*.md", dir)
	// A 50 MB article: real text, so that only its size is wrong.
	f, err := os.Create(filepath.Join(dir, "bad-50mb.txt"))
	if err != nil {
		t.Fatal(err)
	}
	para := []byte(strings.Repeat("Governor June Ellis said the ferry Selkie ran aground off Port Alder. ", 20) + "\n\n")
	for n := 0; n < 50e6; n += len(para) {
		if _, err := f.Write(para); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	// A symlink that leads to itself, and one that leads nowhere.
	if err := os.Symlink("bad-loop.txt", filepath.Join(dir, "bad-loop.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("no-such-article.txt", filepath.Join(dir, "bad-dangling.txt")); err != nil {
		t.Fatal(err)
	}
	// A file nobody may read. Root reads it anyway, so there the case
	// cannot be made.
	if os.Geteuid() == 0 {
		skipped["bad-unreadable.txt"] = "running as root, who can read a file of mode 000"
	} else {
		p := filepath.Join(dir, "bad-unreadable.txt")
		write(t, p, []byte("Ferry Selkie aground\n\nThe ferry Selkie ran aground off Port Alder on Tuesday.\n"))
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(p, 0o644) })
	}
	return skipped
}

// stderrLines are the lines of a run's stderr with the folder's path made
// relative, so the golden file does not depend on where the test runs.
func stderrLines(stderr, dir string) []string {
	stderr = strings.ReplaceAll(stderr, dir+string(filepath.Separator), "")
	return strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
}

// goldenLines compares lines with testdata/bad/name, or rewrites it with
// -update. Lines naming a case in skipped are left out of the comparison,
// and the closing "K of N files skipped" count is lowered to match.
func goldenLines(t *testing.T, name string, got []string, skipped map[string]string) {
	t.Helper()
	path := filepath.Join(badDir, name)
	b, err := os.ReadFile(path)
	if *update {
		if len(skipped) > 0 {
			got = keepSkipped(t, got, string(b), skipped)
		}
		if err := os.WriteFile(path, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if err != nil {
		t.Fatalf("read golden (run with -update to create it): %v", err)
	}
	if diff := cmp.Diff(wantLines(t, name, skipped), got); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", name, diff)
	}
}

// wantLines are the lines of testdata/bad/name less those naming a case in
// skipped, with the closing "K of N files skipped" count lowered to match.
func wantLines(t *testing.T, name string, skipped map[string]string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(badDir, name))
	if err != nil {
		t.Fatalf("read golden (run with -update to create it): %v", err)
	}
	var want []string
	dropped := 0
	for _, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		keep := true
		for c, why := range skipped {
			if strings.Contains(l, c) {
				t.Logf("case %s not checked: %s", c, why)
				keep = false
				dropped++
			}
		}
		if keep {
			want = append(want, l)
		}
	}
	if dropped > 0 {
		last := len(want) - 1
		var k, n int
		if _, err := fmt.Sscanf(want[last], "crosscheck: %d of %d files skipped", &k, &n); err == nil {
			want[last] = strings.Replace(want[last], fmt.Sprintf("%d of %d", k, n), fmt.Sprintf("%d of %d", k-dropped, n-dropped), 1)
		}
	}
	return want
}

// keepSkipped is got, for rewriting a golden file, with the old lines of
// the cases this run could not make put back in file order (stderr names
// files in sorted order), and the closing count raised to match: a rewrite
// as root must not lose the unreadable file's line.
func keepSkipped(t *testing.T, got []string, old string, skipped map[string]string) []string {
	t.Helper()
	var keep []string
	for _, l := range strings.Split(old, "\n") {
		for c := range skipped {
			if strings.HasPrefix(l, "crosscheck: skipped "+c+": ") {
				keep = append(keep, l)
			}
		}
	}
	if len(keep) < len(skipped) {
		t.Fatalf("cannot rewrite the golden file: cases %v could not be made and it has no line for them", skipped)
	}
	out := append([]string(nil), got[:len(got)-1]...)
	out = append(out, keep...)
	sort.Strings(out) // every line but the count is "crosscheck: skipped NAME: …"
	last := got[len(got)-1]
	var k, n int
	if _, err := fmt.Sscanf(last, "crosscheck: %d of %d files skipped", &k, &n); err != nil {
		t.Fatalf("last line %q is not the count of skipped files", last)
	}
	return append(out, strings.Replace(last, fmt.Sprintf("%d of %d", k, n), fmt.Sprintf("%d of %d", k+len(keep), n+len(keep)), 1))
}

// storedFacts are the facts of the suite's topic in the database at path,
// one line each, sorted.
func storedFacts(t *testing.T, path string) []string {
	t.Helper()
	ctx := context.Background()
	db, err := store.OpenExisting(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fs, err := db.Facts(ctx, badTopicID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s %s %v %q %s", f.Article, f.Slot, f.Span, f.Surface, f.Value))
	}
	sort.Strings(out)
	return out
}

// TestBadInputArticles runs check and ingest over a folder mixing every
// bad article file with the good ones: one line per bad file naming it
// (testdata/bad/expected.txt), the same stdout and the same stored facts
// as without the bad files, exit 3, and a sound database.
func TestBadInputArticles(t *testing.T) {
	dir := goodFolder(t)
	goodDB := filepath.Join(t.TempDir(), "good.db")
	goodOut, goodErr, code := run(t, goodDB, "check", dir, "--format", "json")
	if code != exitOK || goodErr != "" {
		t.Fatalf("good articles alone: exit %d, stderr:\n%s", code, goodErr)
	}
	goodFacts := storedFacts(t, goodDB)
	if len(goodFacts) == 0 {
		t.Fatal("the good articles gave no facts")
	}
	checkReadRight(t, goodOut)
	skipped := addBadFiles(t, dir)

	t.Run("check", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "mixed.db")
		out, errOut, code := run(t, db, "check", dir, "--format", "json")
		if code != exitPartial {
			t.Errorf("exit %d, want %d", code, exitPartial)
		}
		goldenLines(t, "expected.txt", stderrLines(errOut, dir), skipped)
		if diff := cmp.Diff(goodOut, out); diff != "" {
			t.Errorf("stdout changed by the bad files (-good alone +mixed):\n%s", diff)
		}
		if diff := cmp.Diff(goodFacts, storedFacts(t, db)); diff != "" {
			t.Errorf("stored facts changed by the bad files (-good alone +mixed):\n%s", diff)
		}
		checkIntegrity(t, db, "after check")
	})

	t.Run("ingest", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "ingest.db")
		out, errOut, code := run(t, db, "ingest", dir)
		if code != exitPartial {
			t.Errorf("exit %d, want %d", code, exitPartial)
		}
		// The same lines as check: one code path reads for both.
		goldenLines(t, "expected.txt", stderrLines(errOut, dir), skipped)
		if !strings.HasPrefix(out, "topic "+badTopicID+": ") || !strings.Contains(out, " 11 new, ") {
			t.Errorf("stdout %q, want the topic's line with the 11 good articles new", out)
		}
		if diff := cmp.Diff(goodFacts, storedFacts(t, db)); diff != "" {
			t.Errorf("stored facts (-good alone +ingest):\n%s", diff)
		}
		checkIntegrity(t, db, "after ingest")
	})

	t.Run("batch", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "batch.db")
		stdout, stderr, code := batch(t, db, filepath.Dir(dir), t.TempDir(), "--log-format", "json")
		if code != exitPartial {
			t.Errorf("exit %d, want %d", code, exitPartial)
		}
		// The batch logs the lines check prints, as JSON records.
		var got []string
		for _, line := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
			var rec struct{ Msg, File, Error string }
			if err := json.Unmarshal([]byte(line), &rec); err != nil {
				t.Errorf("stderr line is not JSON: %v\n%s", err, line)
			}
			if rec.Msg == "file skipped" {
				got = append(got, "crosscheck: skipped "+strings.TrimPrefix(rec.File, dir+string(filepath.Separator))+": "+rec.Error)
			}
		}
		want := wantLines(t, "expected.txt", skipped)
		if diff := cmp.Diff(want[:len(want)-1], got); diff != "" {
			t.Errorf("batch log (-want +got):\n%s", diff)
		}
		if !strings.HasPrefix(stdout, "batch: 1 topics (1 reported), ") || !strings.Contains(stdout, " 11 new, ") {
			t.Errorf("stdout %q, want the topic reported with its 11 good articles new", stdout)
		}
		if diff := cmp.Diff(goodFacts, storedFacts(t, db)); diff != "" {
			t.Errorf("stored facts (-good alone +batch):\n%s", diff)
		}
		checkIntegrity(t, db, "after the batch")
	})
}

// checkReadRight asserts how the good articles with unusual text were
// read, from check's JSON: Arabic and Hebrew articles are read; a name
// with a zero-width joiner or non-joiner inside, or with a Cyrillic "А"
// for the Latin one, is the same name as its plain spelling (it agrees,
// shown as written); bidi controls around a number do not hide it.
func checkReadRight(t *testing.T, jsonOut string) {
	t.Helper()
	var res struct {
		Articles []struct{ ID string }
		Facts    []struct {
			Label, Status string
			Values        []struct{ Article, Surface string }
		}
	}
	if err := json.Unmarshal([]byte(jsonOut), &res); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range res.Articles {
		ids = append(ids, a.ID)
	}
	wantIDs := []string{"good-bidi", "good-crlf", "good-harbour-herald", "good-homoglyph", "good-island-post", "good-mac-cr",
		"good-mixed-eol", "good-one-line-1mb", "good-rtl-arabic", "good-rtl-hebrew", "good-zero-width"}
	if diff := cmp.Diff(wantIDs, ids); diff != "" {
		t.Errorf("articles read (-want +got):\n%s", diff)
	}
	got := map[string]string{}
	for _, f := range res.Facts {
		for _, v := range f.Values {
			got[f.Label+" / "+v.Article] = f.Status + ": " + v.Surface
		}
	}
	for key, want := range map[string]string{
		"person: Ann Roe / good-homoglyph":     "agree: \u0410nn Roe",
		"person: Ann Roe / good-zero-width":    "agree: An\u200cn Roe",
		"person: June Ellis / good-zero-width": "agree: June El\u200dlis",
		"other: Port Alder / good-zero-width":  "agree: Port Al\u200bder",
		"passenger / good-bidi":                "nuance: 212\u202c passengers",
	} {
		if got[key] != want {
			t.Errorf("%s: got %q, want %q", key, got[key], want)
		}
	}
}

// TestMaxArticleSize: --max-article-size lets check read an article over
// the default 2 MiB, is refused when malformed, and the error for a file
// over the limit names the flag.
func TestMaxArticleSize(t *testing.T) {
	dir := t.TempDir()
	copyMatching(t, filepath.Join(badDir, "articles"), "good-harbour-herald.txt", dir)
	copyMatching(t, badDir, "topic-good.yaml", dir)
	if err := os.Rename(filepath.Join(dir, "topic-good.yaml"), filepath.Join(dir, "topic.yaml")); err != nil {
		t.Fatal(err)
	}
	// An article padded to 3 MiB: over the default limit, yet cheap to
	// extract once allowed (a test, not a benchmark).
	text, err := os.ReadFile(filepath.Join(badDir, "articles", "good-island-post.txt"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "transcript.txt"), append(text, strings.Repeat("\n", 3<<20)...))

	_, errOut, code := run(t, "", "check", dir)
	want := "crosscheck: skipped " + filepath.Join(dir, "transcript.txt") + ": file is larger than 2 MiB; raise --max-article-size to read it\n"
	if code != exitPartial || !strings.HasPrefix(errOut, want) {
		t.Errorf("default limit: exit %d, stderr %q; want %d and %q", code, errOut, exitPartial, want)
	}
	for _, size := range []string{"4MiB", "4 MB", "4194304", "4m"} {
		_, errOut, code = run(t, "", "check", dir, "--max-article-size", size)
		if code != exitOK || errOut != "" {
			t.Errorf("--max-article-size %s: exit %d, stderr %q", size, code, errOut)
		}
	}
	for size, msg := range map[string]string{
		"lots": `invalid argument "lots" for "--max-article-size" flag: size "lots": want bytes or a number with KiB, MiB, GiB, kB, MB or GB`,
		"0":    `invalid argument "0" for "--max-article-size" flag: size "0": want more than 0 and at most 1024 MiB`,
		"2GB":  `invalid argument "2GB" for "--max-article-size" flag: size "2GB": want more than 0 and at most 1024 MiB`,
	} {
		_, errOut, code = run(t, "", "check", dir, "--max-article-size", size)
		if code != exitUsage || !strings.HasPrefix(errOut, "crosscheck: "+msg+"\n") {
			t.Errorf("--max-article-size %s: exit %d, stderr %q; want %d and %q", size, code, errOut, exitUsage, msg)
		}
	}
	// ingest and batch take the flag too.
	for _, args := range [][]string{
		{"ingest", dir, "--max-article-size", "4MiB"},
		{"batch", "--inbox", filepath.Dir(dir), "--out", t.TempDir(), "--max-article-size", "4MiB"},
	} {
		if _, errOut, code := run(t, "", args...); code != exitOK {
			t.Errorf("%s: exit %d, stderr:\n%s", args[0], code, errOut)
		}
	}
}

// badTopicCases are the topic files of testdata/bad/topics and those made
// here: a file over the size limit, and one whose entity has 10,000
// aliases (a real topic can have many; it loads, quickly).
func badTopicCases(t *testing.T) map[string][]byte {
	t.Helper()
	cases := map[string][]byte{}
	names, err := filepath.Glob(filepath.Join(badDir, "topics", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		cases[strings.TrimSuffix(filepath.Base(n), ".yaml")] = b
	}
	cases["over-1mib"] = []byte("id: big\ntitle: t\n# " + strings.Repeat("x", facts.MaxTopicFileBytes) + "\n")
	// 200 KB that made the YAML parser grow to 20 GB.
	cases["deep-nesting"] = []byte("id: deep\ntitle: t\nslots: " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "\n")
	var aliases []string
	for i := range 10000 {
		aliases = append(aliases, fmt.Sprintf("Selkie Ferry %d", i))
	}
	cases["aliases-10000"] = []byte("id: selkie-aliases\ntitle: Many aliases\nentities:\n  - id: selkie\n    name: Selkie\n    kind: vessel\n    aliases: [" +
		strings.Join(aliases, ", ") + "]\nslots:\n  - id: vessel.named\n    kind: entity-set\n    members: [selkie]\n")
	return cases
}

// TestBadInputTopics: each bad topic file stops check with one line naming
// it and writes nothing; in batch, each is one "topic skipped" line and
// the other topics are reported (testdata/bad/expected-topics.txt).
func TestBadInputTopics(t *testing.T) {
	cases := badTopicCases(t)
	var names []string
	for n := range cases {
		names = append(names, n)
	}
	sort.Strings(names)
	inbox := t.TempDir()
	var got []string
	for _, n := range names {
		dir := filepath.Join(inbox, n)
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		copyMatching(t, filepath.Join(badDir, "articles"), "good-harbour-herald.txt", dir)
		copyMatching(t, filepath.Join(badDir, "articles"), "good-island-post.txt", dir)
		write(t, filepath.Join(dir, "topic.yaml"), cases[n])
		db := filepath.Join(t.TempDir(), "t.db")
		_, errOut, code := run(t, db, "check", dir)
		got = append(got, fmt.Sprintf("check %s: exit %d: %s", n, code, strings.Join(stderrLines(errOut, inbox), " | ")))
		if code == exitFailure {
			if _, err := os.Stat(db); err == nil {
				t.Errorf("%s: a database was created for a run that could not start", n)
			}
		}
	}
	// One good topic beside them, under its own id.
	good := filepath.Join(inbox, "selkie")
	if err := os.Mkdir(good, 0o755); err != nil {
		t.Fatal(err)
	}
	copyMatching(t, filepath.Join(badDir, "articles"), "good-*", good)
	b, err := os.ReadFile(filepath.Join(badDir, "topic-good.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(good, "topic.yaml"), b)

	db := filepath.Join(t.TempDir(), "batch.db")
	out := t.TempDir()
	stdout, stderr, code := batch(t, db, inbox, out, "--log-format", "json")
	got = append(got, fmt.Sprintf("batch: exit %d", code))
	for _, line := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Errorf("stderr line is not JSON: %v\n%s", err, line)
			continue
		}
		if rec["level"] == "INFO" {
			continue
		}
		msg := fmt.Sprint(rec["msg"])
		for _, k := range []string{"dir", "topic", "file", "error"} {
			if v, ok := rec[k]; ok {
				msg += fmt.Sprintf(" %s=%v", k, v)
			}
		}
		got = append(got, "batch "+strings.ReplaceAll(msg, inbox+string(filepath.Separator), ""))
	}
	goldenLines(t, "expected-topics.txt", got, nil)
	if !strings.HasPrefix(stdout, "batch: 2 topics (2 reported)") {
		t.Errorf("batch stdout %q, want the two good topics reported", stdout)
	}
	for _, id := range []string{badTopicID, "selkie-aliases"} {
		if _, err := os.Stat(filepath.Join(out, id+".html")); err != nil {
			t.Errorf("no report for %s: %v", id, err)
		}
	}
	// The id "../../etc" was refused: nothing was written outside --out.
	if _, err := os.Stat(filepath.Join(out, "..", "..", "etc.html")); err == nil {
		t.Errorf("a report was written outside --out")
	}
	checkIntegrity(t, db, "after the batch")
}
