//go:build unix

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-news/crosscheck/store"
)

// The topic ids of the three stories the batch tests put in an inbox.
const (
	seedsTopic   = "putin-sharaa-moscow-2026"
	ferryTopic   = "selkie-ferry-fire"
	caravanTopic = "caravan-border-2018"
	// editedSeed is the seed article the tests edit, delete and restore.
	editedSeed = "003_f7089254e4d92e19"
)

// copyInto copies the regular files of src into dst, creating dst.
func copyInto(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
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
		write(t, filepath.Join(dst, e.Name()), b)
	}
}

// storyInbox makes an inbox holding the given stories (seeds, ferry,
// caravan) as topic folders of those names.
func storyInbox(t *testing.T, stories ...string) string {
	t.Helper()
	src := map[string]string{
		"seeds": filepath.Join(repo, "seeds"),
		"ferry": filepath.Join(repo, "testdata", "ferry"),
	}
	inbox := t.TempDir()
	for _, s := range stories {
		if s == "caravan" {
			caravanInto(t, filepath.Join(inbox, s))
			continue
		}
		copyInto(t, src[s], filepath.Join(inbox, s))
	}
	return inbox
}

// bulkTopic makes the topic folder dir with copies of the seed articles
// under a topic of its own (the seeds' topic file with another id): a
// story with many articles, for runs that take a while.
func bulkTopic(t *testing.T, dir, id string, copies int) {
	t.Helper()
	seeds := filepath.Join(repo, "seeds")
	src, err := os.ReadFile(filepath.Join(seeds, "topic.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	topic := strings.Replace(string(src), "id: "+seedsTopic+"\n", "id: "+id+"\n", 1)
	if topic == string(src) {
		t.Fatalf("seeds/topic.yaml has no line %q", "id: "+seedsTopic)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "topic.yaml"), []byte(topic))
	names, err := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no seed articles: %v", err)
	}
	for i := 0; i < copies; i++ {
		for _, n := range names {
			b, err := os.ReadFile(n)
			if err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(dir, fmt.Sprintf("c%03d_%s", i, filepath.Base(n))), b)
		}
	}
}

// fileState is what a test remembers of a file to tell whether a run
// rewrote it: its bytes, its mtime and its identity (a rename-replace
// gives a new inode even when nothing else changes).
type fileState struct {
	data []byte
	mod  time.Time
	info os.FileInfo
}

// snapshot records every file of dir by name.
func snapshot(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]fileState{}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = fileState{data: b, mod: info.ModTime(), info: info}
	}
	return out
}

// untouched reports whether the file is the very file that was recorded.
func (a fileState) untouched(b fileState) bool {
	return bytes.Equal(a.data, b.data) && a.mod.Equal(b.mod) && os.SameFile(a.info, b.info)
}

func names(m map[string]fileState) []string {
	var out []string
	for n := range m {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// reportNames are the files a batch writes for the given topics.
func reportNames(topics ...string) []string {
	out := []string{"index.html"}
	for _, id := range topics {
		out = append(out, id+".html", id+".json", id+".md")
	}
	sort.Strings(out)
	return out
}

// runs returns the database's runs, newest first.
func runs(t *testing.T, path string) []store.RunRecord {
	t.Helper()
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rs, err := db.Runs(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// batch runs "batch" in-process on inbox and out with extra flags.
func batch(t *testing.T, db, inbox, out string, flags ...string) (stdout, stderr string, code int) {
	t.Helper()
	return run(t, db, append([]string{"batch", "--inbox", inbox, "--out", out}, flags...)...)
}

// readIndex returns out/index.html.
func readIndex(t *testing.T, out string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// indexRow returns the index's table row of a topic.
func indexRow(t *testing.T, index, topic string) string {
	t.Helper()
	for _, row := range strings.Split(index, "</tr>") {
		if strings.Contains(row, `<code class="muted">`+topic+`</code>`) {
			return row
		}
	}
	t.Fatalf("index has no row for topic %s:\n%s", topic, index)
	return ""
}

// TestBatchTwoRuns: the first run reports every topic; a second run does
// nothing and says so; an edited, restored, deleted or re-added article is
// read alone, only its topic's reports are rewritten, and the index says
// what changed.
func TestBatchTwoRuns(t *testing.T) {
	inbox := storyInbox(t, "seeds", "ferry", "caravan")
	out := filepath.Join(t.TempDir(), "reports")
	db := filepath.Join(t.TempDir(), "desk.db")

	stdout, stderr, code := batch(t, db, inbox, out)
	if code != exitOK {
		t.Fatalf("first run: exit %d, stderr:\n%s", code, stderr)
	}
	if want := "batch: 3 topics (3 reported), 13 articles read: 13 new, 0 changed, 0 removed, 0 unchanged, 0 skipped ("; !strings.HasPrefix(stdout, want) {
		t.Errorf("first run stdout:\n%s\nwant prefix %q", stdout, want)
	}
	for _, topic := range []string{seedsTopic, ferryTopic, caravanTopic} {
		if !strings.Contains(stderr, "topic reported") || !strings.Contains(stderr, "topic="+topic) {
			t.Errorf("log does not say topic %s was reported:\n%s", topic, stderr)
		}
	}
	first := snapshot(t, out)
	if diff := cmp.Diff(reportNames(seedsTopic, ferryTopic, caravanTopic), names(first)); diff != "" {
		t.Fatalf("out folder (-want +got):\n%s", diff)
	}
	for name, f := range first {
		switch filepath.Ext(name) {
		case ".json":
			if !json.Valid(f.data) {
				t.Errorf("%s is not valid JSON", name)
			}
		case ".html":
			if !bytes.HasSuffix(f.data, []byte("</html>\n")) {
				t.Errorf("%s does not end with </html>", name)
			}
		}
	}
	index := readIndex(t, out)
	for _, topic := range []string{seedsTopic, ferryTopic, caravanTopic} {
		row := indexRow(t, index, topic)
		if !strings.Contains(row, `class="changed"`) || !strings.Contains(row, "topic file new or changed") || !strings.Contains(row, "new article: ") {
			t.Errorf("first run: index row of %s does not show it new:\n%s", topic, row)
		}
	}
	if !strings.Contains(index, "3 topics; this run: 13 articles new, 0 changed, 0 removed, 0 unreadable") {
		t.Errorf("first run: index summary missing:\n%s", index)
	}

	// Second run: nothing to do, nothing written, but a run recorded.
	stdout, stderr, code = batch(t, db, inbox, out)
	if code != exitOK {
		t.Fatalf("second run: exit %d, stderr:\n%s", code, stderr)
	}
	if want := "nothing to do: 3 topics, 13 articles, none changed since the last run ("; !strings.HasPrefix(stdout, want) {
		t.Errorf("second run stdout:\n%s\nwant prefix %q", stdout, want)
	}
	second := snapshot(t, out)
	if diff := cmp.Diff(names(first), names(second)); diff != "" {
		t.Errorf("second run changed the out folder's files (-first +second):\n%s", diff)
	}
	for name, f := range first {
		if !f.untouched(second[name]) {
			t.Errorf("second run rewrote %s", name)
		}
	}
	rs := runs(t, db)
	if len(rs) != 2 {
		t.Fatalf("%d runs recorded, want 2", len(rs))
	}
	for _, r := range rs {
		if r.Command != "batch" || r.Status != "ok" || r.FinishedAt.IsZero() || len(r.Errors) != 0 {
			t.Errorf("run %d: command %q status %q finished %v errors %v", r.ID, r.Command, r.Status, r.FinishedAt, r.Errors)
		}
	}
	if r := rs[0]; r.Seen != 13 || r.New != 0 || r.Changed != 0 || r.Unchanged != 13 {
		t.Errorf("second run counts: seen %d new %d changed %d unchanged %d, want 13 0 0 13", r.Seen, r.New, r.Changed, r.Unchanged)
	}
	if r := rs[1]; r.Seen != 13 || r.New != 13 {
		t.Errorf("first run counts: seen %d new %d, want 13 13", r.Seen, r.New)
	}

	// step runs the batch after a change to the seeds topic and checks
	// that only that topic's reports were rewritten.
	path := filepath.Join(inbox, "seeds", editedSeed+".txt")
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	step := func(name, wantStdout string) (index, row string) {
		t.Helper()
		before := snapshot(t, out)
		stdout, stderr, code := batch(t, db, inbox, out)
		if code != exitOK {
			t.Fatalf("%s: exit %d, stderr:\n%s", name, code, stderr)
		}
		if !strings.HasPrefix(stdout, wantStdout) {
			t.Errorf("%s: stdout:\n%s\nwant prefix %q", name, stdout, wantStdout)
		}
		after := snapshot(t, out)
		if diff := cmp.Diff(names(before), names(after)); diff != "" {
			t.Errorf("%s: out folder files (-before +after):\n%s", name, diff)
		}
		for _, n := range names(before) {
			rewritten := !before[n].untouched(after[n])
			want := n == "index.html" || strings.HasPrefix(n, seedsTopic+".")
			if rewritten != want {
				t.Errorf("%s: %s rewritten: %v, want %v", name, n, rewritten, want)
			}
		}
		for _, n := range []string{seedsTopic + ".html", seedsTopic + ".json", seedsTopic + ".md"} {
			if bytes.Equal(before[n].data, after[n].data) {
				t.Errorf("%s: %s has the same content as before", name, n)
			}
		}
		index = readIndex(t, out)
		for _, other := range []string{ferryTopic, caravanTopic} {
			if r := indexRow(t, index, other); strings.Contains(r, `class="changed"`) || !strings.Contains(r, `<span class="muted">nothing</span>`) {
				t.Errorf("%s: index row of unchanged topic %s:\n%s", name, other, r)
			}
		}
		row = indexRow(t, index, seedsTopic)
		if !strings.Contains(row, `class="changed"`) {
			t.Errorf("%s: index row of %s not marked changed:\n%s", name, seedsTopic, row)
		}
		return index, row
	}
	wantRow := func(name, row string, want ...string) {
		t.Helper()
		for _, w := range want {
			if !strings.Contains(row, w) {
				t.Errorf("%s: index row of %s lacks %q:\n%s", name, seedsTopic, w, row)
			}
		}
	}

	// Third run: one article edited to deny the withdrawal.
	edited := strings.Replace(string(orig), "Earlier this week, Russia withdrew", "Earlier this week, Russia did not withdraw", 1)
	if edited == string(orig) {
		t.Fatal("edit did not apply")
	}
	write(t, path, []byte(edited))
	index, row := step("edit",
		"batch: 3 topics (1 reported), 13 articles read: 0 new, 1 changed, 0 removed, 12 unchanged, 0 skipped (")
	wantRow("edit", row,
		"<li>edited: The Moscow Times<ul>",
		"<li>now says Russian withdrawal from Qamishli: “withdraw its forces from Qamishli” (denied, completed)</li>",
		"<li>no longer says Russian withdrawal from Qamishli: “withdrew its forces from Qamishli” (completed)</li>",
		`<li class="c">new contradiction: Russian withdrawal from Qamishli</li>`,
		"in contradiction: Russian withdrawal from Qamishli")
	if !strings.Contains(index, "3 topics; this run: 0 articles new, 1 changed, 0 removed, 0 unreadable") {
		t.Errorf("edit: index summary missing:\n%s", index)
	}
	if rs := runs(t, db); rs[0].Changed != 1 || rs[0].Unchanged != 12 || rs[0].Status != "ok" {
		t.Errorf("edit: run recorded %+v", rs[0])
	}

	// The edit undone: the article changes back, the contradiction is gone.
	write(t, path, orig)
	_, row = step("undo",
		"batch: 3 topics (1 reported), 13 articles read: 0 new, 1 changed, 0 removed, 12 unchanged, 0 skipped (")
	wantRow("undo", row,
		"<li>now says Russian withdrawal from Qamishli: “withdrew its forces from Qamishli” (completed)</li>",
		"<li>no longer says Russian withdrawal from Qamishli: “withdraw its forces from Qamishli” (denied, completed)</li>",
		`<li class="a">resolved contradiction: Russian withdrawal from Qamishli</li>`)
	if strings.Contains(row, "in contradiction: Russian withdrawal from Qamishli") {
		t.Errorf("undo: the withdrawal still in contradiction:\n%s", row)
	}

	// Deleted, then the edited version is put back: a removed article,
	// then a new one that brings the contradiction back.
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	index, row = step("delete",
		"batch: 3 topics (1 reported), 12 articles read: 0 new, 0 changed, 1 removed, 12 unchanged, 0 skipped (")
	wantRow("delete", row, "<li>removed: "+editedSeed+"</li>")
	if !strings.Contains(index, "3 topics; this run: 0 articles new, 0 changed, 1 removed, 0 unreadable") {
		t.Errorf("delete: index summary missing:\n%s", index)
	}
	write(t, path, []byte(edited))
	_, row = step("re-add",
		"batch: 3 topics (1 reported), 13 articles read: 1 new, 0 changed, 0 removed, 12 unchanged, 0 skipped (")
	wantRow("re-add", row,
		"<li>new article: The Moscow Times</li>",
		`<li class="c">new contradiction: Russian withdrawal from Qamishli</li>`)
	// And restored to its first text: the contradiction is resolved.
	write(t, path, orig)
	_, row = step("restore",
		"batch: 3 topics (1 reported), 13 articles read: 0 new, 1 changed, 0 removed, 12 unchanged, 0 skipped (")
	wantRow("restore", row, `<li class="a">resolved contradiction: Russian withdrawal from Qamishli</li>`)

	// Back where the first run was: the seeds' reports are the first
	// run's again, byte for byte.
	last := snapshot(t, out)
	for _, n := range []string{seedsTopic + ".html", seedsTopic + ".json", seedsTopic + ".md"} {
		if !bytes.Equal(first[n].data, last[n].data) {
			t.Errorf("%s after restoring the article differs from the first run's", n)
		}
	}
	if rs := runs(t, db); len(rs) != 7 {
		t.Errorf("%d runs recorded, want 7", len(rs))
	}
}

// TestBatchPartial: unreadable files are skipped, named once in the log,
// recorded in the run and listed on the index; the rest is done and the
// exit code says the run was partial.
func TestBatchPartial(t *testing.T) {
	inbox := storyInbox(t, "seeds", "ferry")
	bin := filepath.Join(inbox, "seeds", "binary.txt")
	latin1 := filepath.Join(inbox, "seeds", "latin1.txt")
	write(t, bin, []byte{0x7f, 'E', 'L', 'F', 0, 0, 1})
	write(t, latin1, []byte("Caf\xe9 owner says\n"))
	out := t.TempDir()
	db := filepath.Join(t.TempDir(), "desk.db")

	stdout, stderr, code := batch(t, db, inbox, out)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitPartial, stderr)
	}
	if want := "batch: 2 topics (2 reported), 10 articles read: 8 new, 0 changed, 0 removed, 0 unchanged, 2 skipped ("; !strings.HasPrefix(stdout, want) {
		t.Errorf("stdout:\n%s\nwant prefix %q", stdout, want)
	}
	for _, p := range []string{bin, latin1} {
		if n := linesWith(stderr, p); n != 1 {
			t.Errorf("log names %s on %d lines, want one:\n%s", p, n, stderr)
		}
	}
	if !strings.Contains(stderr, "binary file (contains NUL bytes)") || !strings.Contains(stderr, "invalid UTF-8 at byte 3") {
		t.Errorf("log does not say why the files were skipped:\n%s", stderr)
	}
	if !strings.HasSuffix(stderr, "crosscheck: 2 files could not be read: some input files were skipped\n") {
		t.Errorf("stderr does not end with the partial summary:\n%s", stderr)
	}
	// The readable articles of both topics were reported.
	if diff := cmp.Diff(reportNames(seedsTopic, ferryTopic), names(snapshot(t, out))); diff != "" {
		t.Errorf("out folder (-want +got):\n%s", diff)
	}
	var res struct {
		Articles []struct{ ID string }
	}
	b, err := os.ReadFile(filepath.Join(out, seedsTopic+".json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Articles) != 5 {
		t.Errorf("seeds report compares %d articles, want 5", len(res.Articles))
	}

	rs := runs(t, db)
	if len(rs) != 1 {
		t.Fatalf("%d runs, want 1", len(rs))
	}
	r := rs[0]
	if r.Status != "partial" || r.Seen != 10 || r.New != 8 {
		t.Errorf("run: status %q seen %d new %d, want partial 10 8", r.Status, r.Seen, r.New)
	}
	var files []string
	for _, e := range r.Errors {
		files = append(files, e.File)
		if e.Message == "" {
			t.Errorf("run error for %s has no message", e.File)
		}
	}
	if diff := cmp.Diff([]string{bin, latin1}, files); diff != "" {
		t.Errorf("run errors (-want +got):\n%s", diff)
	}

	index := readIndex(t, out)
	if !strings.Contains(index, "<h2>Files that could not be read</h2>") {
		t.Errorf("index does not list unreadable files:\n%s", index)
	}
	for _, want := range []string{bin + ": ", latin1 + ": ", "2 topics; this run: 8 articles new, 0 changed, 0 removed, 2 unreadable"} {
		if !strings.Contains(index, want) {
			t.Errorf("index lacks %q", want)
		}
	}

	// A bad file is not a deleted article: fixing it makes it new.
	write(t, latin1, []byte("Café owner says Putin met al-Sharaa\n\n"+
		"Vladimir Putin met Ahmed al-Sharaa in Moscow on January 28, 2026, a café owner near the Kremlin said. "+
		"The two leaders held talks about the Russian bases at Hmeimim and Tartus.\n"))
	stdout, stderr, code = batch(t, db, inbox, out)
	if code != exitPartial {
		t.Fatalf("second run: exit %d, want %d; stderr:\n%s", code, exitPartial, stderr)
	}
	if want := "batch: 2 topics (1 reported), 10 articles read: 1 new, 0 changed, 0 removed, 8 unchanged, 1 skipped ("; !strings.HasPrefix(stdout, want) {
		t.Errorf("second run stdout:\n%s\nwant prefix %q", stdout, want)
	}
	if strings.Contains(stderr, latin1) || linesWith(stderr, bin) != 1 {
		t.Errorf("second run log:\n%s", stderr)
	}
}

// linesWith counts the lines of log that contain s.
func linesWith(log, s string) int {
	n := 0
	for _, l := range strings.Split(log, "\n") {
		if strings.Contains(l, s) {
			n++
		}
	}
	return n
}

// TestBatchFailOn: --fail-on contradiction fails a run that leaves a topic
// in contradiction, even when nothing changed, and only then.
func TestBatchFailOn(t *testing.T) {
	t.Run("contradiction", func(t *testing.T) {
		inbox := storyInbox(t, "seeds", "ferry")
		out := t.TempDir()
		db := filepath.Join(t.TempDir(), "desk.db")
		for i := 0; i < 2; i++ { // the second run has nothing to do
			stdout, stderr, code := batch(t, db, inbox, out, "--fail-on", "contradiction")
			if code != exitFailure {
				t.Fatalf("run %d: exit %d, want %d; stdout:\n%s\nstderr:\n%s", i+1, code, exitFailure, stdout, stderr)
			}
			if !strings.Contains(stderr, "crosscheck: topic "+ferryTopic+" has 5 contradictions (--fail-on contradiction)") {
				t.Errorf("run %d: stderr:\n%s", i+1, stderr)
			}
			// The work is done all the same.
			for _, name := range []string{ferryTopic + ".html", "index.html"} {
				if _, err := os.Stat(filepath.Join(out, name)); err != nil {
					t.Errorf("run %d: reports missing: %v", i+1, err)
				}
			}
		}
		// Without the flag the same state is a success.
		if _, stderr, code := batch(t, db, inbox, out); code != exitOK {
			t.Errorf("without --fail-on: exit %d, stderr:\n%s", code, stderr)
		}
	})
	t.Run("none", func(t *testing.T) {
		inbox := storyInbox(t, "seeds")
		out := t.TempDir()
		stdout, stderr, code := batch(t, "", inbox, out, "--fail-on", "contradiction")
		if code != exitOK {
			t.Fatalf("exit %d, want 0; stderr:\n%s", code, stderr)
		}
		if !strings.HasPrefix(stdout, "batch: 1 topics (1 reported)") {
			t.Errorf("stdout:\n%s", stdout)
		}
	})
	t.Run("usage", func(t *testing.T) {
		_, stderr, code := batch(t, "", storyInbox(t, "seeds"), t.TempDir(), "--fail-on", "omission")
		if code != exitUsage || !strings.Contains(stderr, `--fail-on "omission": only contradiction is supported`) {
			t.Errorf("exit %d, stderr:\n%s", code, stderr)
		}
	})
}

// jsonLines checks that every line of a log is a JSON object with a
// message, and returns the messages.
func jsonLines(t *testing.T, name, log string) []string {
	t.Helper()
	var msgs []string
	for i, line := range strings.Split(strings.TrimSuffix(log, "\n"), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Errorf("%s: stderr line %d is not JSON: %v\n%s", name, i+1, err, line)
			continue
		}
		msg, ok := rec["msg"].(string)
		if !ok || msg == "" {
			t.Errorf("%s: stderr line %d has no msg: %s", name, i+1, line)
		}
		for _, k := range []string{"time", "level"} {
			if _, ok := rec[k]; !ok {
				t.Errorf("%s: stderr line %d has no %s: %s", name, i+1, k, line)
			}
		}
		msgs = append(msgs, msg)
	}
	return msgs
}

// TestBatchLogJSON: --log-format json makes the log JSON lines.
func TestBatchLogJSON(t *testing.T) {
	inbox := storyInbox(t, "seeds", "ferry", "caravan")
	out := t.TempDir()
	db := filepath.Join(t.TempDir(), "desk.db")
	_, stderr, code := batch(t, db, inbox, out, "--log-format", "json")
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	if diff := cmp.Diff([]string{"topic reported", "topic reported", "topic reported"}, jsonLines(t, "first run", stderr)); diff != "" {
		t.Errorf("first run messages (-want +got):\n%s", diff)
	}
	_, stderr, code = batch(t, db, inbox, out, "--log-format", "json")
	if code != exitOK {
		t.Fatalf("second run: exit %d, stderr:\n%s", code, stderr)
	}
	if diff := cmp.Diff([]string{"topic unchanged", "topic unchanged", "topic unchanged"}, jsonLines(t, "second run", stderr)); diff != "" {
		t.Errorf("second run messages (-want +got):\n%s", diff)
	}

	// A skipped file is a JSON line with the file, and so is Main's own
	// closing line ("1 files could not be read: …", with the exit code).
	bad := filepath.Join(inbox, "ferry", "binary.txt")
	write(t, bad, []byte{0, 1, 2})
	_, stderr, code = batch(t, db, inbox, out, "--log-format", "json")
	if code != exitPartial {
		t.Fatalf("partial run: exit %d, stderr:\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	var closing struct {
		Level, Msg string
		Exit       int
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &closing); err != nil ||
		closing.Level != "ERROR" || closing.Exit != exitPartial || !strings.HasPrefix(closing.Msg, "1 files could not be read") {
		t.Errorf("partial run: last stderr line %q (%v)", lines[len(lines)-1], err)
	}
	msgs := jsonLines(t, "partial run", strings.Join(lines[:len(lines)-1], "\n"))
	if diff := cmp.Diff([]string{"topic unchanged", "file skipped", "topic unchanged", "topic unchanged"}, msgs); diff != "" {
		t.Errorf("partial run messages (-want +got):\n%s", diff)
	}
	var rec struct{ File, Topic string }
	if err := json.Unmarshal([]byte(lines[1]), &rec); err != nil || rec.File != bad || rec.Topic != ferryTopic {
		t.Errorf("file skipped line %s: file %q topic %q (%v)", lines[1], rec.File, rec.Topic, err)
	}

	_, stderr, code = batch(t, db, inbox, out, "--log-format", "xml")
	if code != exitUsage || !strings.Contains(stderr, `--log-format "xml": want text or json`) {
		t.Errorf("--log-format xml: exit %d, stderr:\n%s", code, stderr)
	}
}

// buildCrosscheck builds the crosscheck binary of this module into a
// temporary folder, for tests that need a batch in another process.
func buildCrosscheck(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go tool to build the binary: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "crosscheck")
	start := time.Now()
	cmd := exec.Command(goTool, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Logf("built %s in %s", bin, time.Since(start).Round(time.Millisecond))
	return bin
}

// waitLocked waits until the process pid holds the batch lock of db, as
// the lock file says.
func waitLocked(t *testing.T, db string, pid int, done <-chan struct{}) {
	t.Helper()
	want := fmt.Sprintf("pid %d since ", pid)
	deadline := time.Now().Add(30 * time.Second)
	for {
		b, _ := os.ReadFile(db + ".lock")
		if strings.HasPrefix(string(b), want) {
			return
		}
		select {
		case <-done:
			t.Fatalf("the batch ended before it was seen holding the lock (lock file %q)", b)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the batch did not take the lock in 30 s (lock file %q)", b)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// TestBatchConcurrent: while a batch runs, a second one on the same
// database exits 1 saying so, or waits for it with --wait.
func TestBatchConcurrent(t *testing.T) {
	bin := buildCrosscheck(t)
	inbox := t.TempDir()
	for i := 0; i < 10; i++ {
		bulkTopic(t, filepath.Join(inbox, fmt.Sprintf("topic%02d", i)), fmt.Sprintf("bulk-%02d", i), 4)
	}
	out := t.TempDir()
	db := filepath.Join(t.TempDir(), "desk.db")

	var childOut, childErr bytes.Buffer
	child := exec.Command(bin, "--db", db, "batch", "--inbox", inbox, "--out", out)
	child.Stdout, child.Stderr = &childOut, &childErr
	start := time.Now()
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var childErrWait error
	go func() { childErrWait = child.Wait(); close(done) }()
	t.Cleanup(func() {
		_ = child.Process.Kill()
		<-done
	})
	waitLocked(t, db, child.Process.Pid, done)
	// Hold the first batch still so the test does not race it: the lock
	// stays taken while the process is stopped.
	if err := child.Process.Signal(syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	stopped := true
	resume := func() {
		if stopped {
			stopped = false
			if err := child.Process.Signal(syscall.SIGCONT); err != nil {
				t.Error(err)
			}
		}
	}
	defer resume()

	stdout, stderr, code := batch(t, db, inbox, t.TempDir())
	if code != exitFailure {
		t.Fatalf("second batch: exit %d, want %d; stdout:\n%s\nstderr:\n%s", code, exitFailure, stdout, stderr)
	}
	if !strings.Contains(stderr, "another batch is running") || !strings.Contains(stderr, fmt.Sprintf("pid %d", child.Process.Pid)) ||
		!strings.Contains(stderr, db+".lock") || !strings.Contains(stderr, "--wait") {
		t.Errorf("second batch stderr:\n%s", stderr)
	}
	if stdout != "" {
		t.Errorf("second batch wrote to stdout:\n%s", stdout)
	}

	// With --wait the second batch waits for the first, then runs.
	type result struct {
		stdout, stderr string
		code           int
		at             time.Time
	}
	waited := make(chan result, 1)
	go func() {
		var o, e bytes.Buffer
		c := Main(context.Background(), []string{"--db", db, "batch", "--inbox", inbox, "--out", out, "--wait", "60s"}, strings.NewReader(""), &o, &e)
		waited <- result{o.String(), e.String(), c, time.Now()}
	}()
	select {
	case r := <-waited:
		t.Fatalf("--wait batch did not wait for the stopped one: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	case <-time.After(700 * time.Millisecond):
	}
	resume()
	<-done
	childEnd := time.Now()
	if childErrWait != nil {
		t.Fatalf("first batch: %v\nstdout:\n%s\nstderr:\n%s", childErrWait, childOut.String(), childErr.String())
	}
	if want := "batch: 10 topics (10 reported), 200 articles read: 200 new"; !strings.HasPrefix(childOut.String(), want) {
		t.Errorf("first batch stdout:\n%s\nwant prefix %q", childOut.String(), want)
	}
	var r result
	select {
	case r = <-waited:
	case <-time.After(60 * time.Second):
		t.Fatal("--wait batch did not finish")
	}
	if r.code != exitOK {
		t.Fatalf("--wait batch: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	if r.at.Before(childEnd.Add(-time.Second)) {
		t.Errorf("--wait batch ended %s before the first one", childEnd.Sub(r.at))
	}
	// The first batch did everything; what the second says depends only
	// on that.
	if !strings.HasPrefix(r.stdout, "nothing to do: 10 topics, 200 articles") {
		t.Errorf("--wait batch stdout:\n%s", r.stdout)
	}
	t.Logf("first batch ran %s (stopped for part of it)", childEnd.Sub(start).Round(time.Millisecond))
	rs := runs(t, db)
	if len(rs) != 2 || rs[0].Status != "ok" || rs[1].Status != "ok" {
		t.Errorf("runs: %+v", rs)
	}
}

// TestBatchRemovesStaleTemps: the temporary files a killed batch leaves in
// the out folder are removed by the next run, and nothing else is.
func TestBatchRemovesStaleTemps(t *testing.T) {
	inbox := t.TempDir()
	if err := os.Symlink(filepath.Join(mustAbs(t, repo), "testdata", "ferry"), filepath.Join(inbox, "ferry")); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	stale := []string{".index.html.123456", ".selkie-ferry-fire.json.99"}
	keep := []string{".keep-me", "notes.txt"}
	for _, n := range append(append([]string{}, stale...), keep...) {
		write(t, filepath.Join(out, n), []byte("x"))
	}
	db := filepath.Join(t.TempDir(), "b.db")
	if _, errOut, code := run(t, db, "batch", "--inbox", inbox, "--out", out); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, n := range stale {
		if _, err := os.Stat(filepath.Join(out, n)); err == nil {
			t.Errorf("stale %s still there", n)
		}
	}
	for _, n := range keep {
		if _, err := os.Stat(filepath.Join(out, n)); err != nil {
			t.Errorf("%s was removed: %v", n, err)
		}
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestBatchFileStamps: a file whose size and modification time are
// unchanged is not read again; a touched file is read, found unchanged by
// its hash, and its stamp follows; an edit is seen even at the same size.
func TestBatchFileStamps(t *testing.T) {
	inbox := t.TempDir()
	ferry := filepath.Join(inbox, "ferry")
	if err := os.MkdirAll(ferry, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"topic.yaml", "01_coastal-herald.txt", "02_island-post.txt"} {
		b, err := os.ReadFile(filepath.Join(repo, "testdata", "ferry", n))
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(ferry, n), b)
	}
	out, db := t.TempDir(), filepath.Join(t.TempDir(), "s.db")
	if _, errOut, code := batch(t, db, inbox, out); code != exitOK {
		t.Fatalf("first run: %d %s", code, errOut)
	}
	stamps := func() map[string]store.FileStamp {
		t.Helper()
		s, err := store.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		m, err := s.FileStamps(context.Background(), "selkie-ferry-fire")
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	first := stamps()
	if len(first) != 2 || first["01_coastal-herald"].Hash == "" {
		t.Fatalf("stamps after the first run: %+v", first)
	}
	// Touched, same content: read again, nothing to do, stamp updated.
	herald := filepath.Join(ferry, "01_coastal-herald.txt")
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(herald, later, later); err != nil {
		t.Fatal(err)
	}
	stdout, _, code := batch(t, db, inbox, out)
	if code != exitOK || !strings.HasPrefix(stdout, "nothing to do") {
		t.Fatalf("touched file: exit %d, %q", code, stdout)
	}
	if got := stamps()["01_coastal-herald"]; got.MTimeNS != later.UnixNano() || got.Hash != first["01_coastal-herald"].Hash {
		t.Errorf("stamp after touch: %+v", got)
	}
	// Edited at the same size: a new modification time, so it is read.
	b, _ := os.ReadFile(herald)
	write(t, herald, bytes.Replace(b, []byte("Tuesday evening"), []byte("Thursday night!"), 1))
	stdout, _, code = batch(t, db, inbox, out)
	if code != exitOK || !strings.Contains(stdout, "1 changed") {
		t.Errorf("same-size edit: exit %d, %q", code, stdout)
	}
}

// Two inbox folders that resolve to one topic id are refused, each named
// with the other, and nothing of either is stored; the other topics run.
func TestBatchRefusesSharedTopicID(t *testing.T) {
	inbox := t.TempDir()
	for dir, files := range map[string][]string{"Harbour Fees": {"01_coastal-herald.txt"}, "harbour-fees": {"02_island-post.txt"}} {
		if err := os.MkdirAll(filepath.Join(inbox, dir), 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(filepath.Join(repo, "testdata", "ferry", f))
			if err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(inbox, dir, f), b)
		}
	}
	copyInto(t, filepath.Join(repo, "testdata", "ferry"), filepath.Join(inbox, "ferry"))
	out := filepath.Join(t.TempDir(), "reports")
	db := filepath.Join(t.TempDir(), "desk.db")
	_, stderr, code := batch(t, db, inbox, out)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitPartial, stderr)
	}
	for _, want := range []string{
		`dir="` + filepath.Join(inbox, "Harbour Fees") + `" error="topic id \"harbour-fees\" is also the id of ` + filepath.Join(inbox, "harbour-fees"),
		`dir=` + filepath.Join(inbox, "harbour-fees") + ` error="topic id \"harbour-fees\" is also the id of ` + filepath.Join(inbox, "Harbour Fees"),
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "harbour-fees.html")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a report was written for the shared id (%v)", err)
	}
	if _, err := os.Stat(filepath.Join(out, ferryTopic+".html")); err != nil {
		t.Errorf("the other topic was not reported: %v", err)
	}
}

// Symbolic links are followed: a linked article and a linked topic folder
// are read; a looping link is named as a skipped file. A topic folder
// passed as the inbox is a usage error, not "0 topics".
func TestBatchSymlinksAndInbox(t *testing.T) {
	store := t.TempDir()
	copyInto(t, filepath.Join(repo, "testdata", "ferry"), filepath.Join(store, "ferry"))
	inbox := t.TempDir()
	if err := os.Symlink(filepath.Join(store, "ferry"), filepath.Join(inbox, "ferry")); err != nil {
		t.Fatal(err)
	}
	seeds := filepath.Join(inbox, "seeds")
	copyInto(t, filepath.Join(repo, "seeds"), seeds)
	linked := filepath.Join(seeds, "004_7e2173657d6ded3b.txt")
	moved := filepath.Join(store, "levant.txt")
	if err := os.Rename(linked, moved); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(moved, linked); err != nil {
		t.Fatal(err)
	}
	loop := filepath.Join(seeds, "loop.txt")
	if err := os.Symlink(loop, loop); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "reports")
	db := filepath.Join(t.TempDir(), "desk.db")
	stdout, stderr, code := batch(t, db, inbox, out)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitPartial, stderr)
	}
	if want := "batch: 2 topics (2 reported), 9 articles read: 8 new,"; !strings.HasPrefix(stdout, want) {
		t.Errorf("stdout %q, want prefix %q", stdout, want)
	}
	if !strings.Contains(stderr, "loop.txt") || !strings.Contains(stderr, "too many levels of symbolic links") {
		t.Errorf("the looping link is not named:\n%s", stderr)
	}
	_, stderr, code = batch(t, filepath.Join(t.TempDir(), "d.db"), seeds, filepath.Join(t.TempDir(), "r"))
	if code != exitUsage || !strings.Contains(stderr, "holds articles but no topic folders") {
		t.Errorf("a topic folder as inbox: exit %d, stderr:\n%s", code, stderr)
	}
}

// TestBatchFolderHistory: a topic folder renamed between runs keeps its
// topic, id and reports; a folder whose topic file breaks keeps its row on
// the index with its last reports and the reason; an empty folder is
// named; a folder whose id would overwrite the index is refused.
func TestBatchFolderHistory(t *testing.T) {
	inbox := t.TempDir()
	copyInto(t, filepath.Join(repo, "testdata", "ferry"), filepath.Join(inbox, "ferry"))
	for _, dir := range []string{"Port Alder", "index"} {
		copyInto(t, filepath.Join(repo, "testdata", "ferry"), filepath.Join(inbox, dir))
		if err := os.Remove(filepath.Join(inbox, dir, "topic.yaml")); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(inbox, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "reports")
	db := filepath.Join(t.TempDir(), "desk.db")

	_, stderr, code := batch(t, db, inbox, out)
	if code != exitPartial {
		t.Fatalf("run 1: exit %d, want %d; stderr:\n%s", code, exitPartial, stderr)
	}
	if want := `error="topic id \"index\" would be overwritten by the run's index.html`; !strings.Contains(stderr, want) {
		t.Errorf("run 1: stderr lacks %q:\n%s", want, stderr)
	}
	if want := `msg="topic folder holds no article files" topic=empty`; !strings.Contains(stderr, want) {
		t.Errorf("run 1: stderr lacks %q:\n%s", want, stderr)
	}
	if diff := cmp.Diff(reportNames("empty", ferryTopic, "port-alder"), names(snapshot(t, out))); diff != "" {
		t.Errorf("run 1: out folder (-want +got):\n%s", diff)
	}
	index := readIndex(t, out)
	if !strings.Contains(indexRow(t, index, "empty"), "⚠ the folder holds no article files") {
		t.Errorf("run 1: the empty folder's row does not say so:\n%s", indexRow(t, index, "empty"))
	}

	if err := os.Rename(filepath.Join(inbox, "Port Alder"), filepath.Join(inbox, "Alder fire, day two")); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(inbox, "ferry", "topic.yaml"), []byte("id: ferry\ntitle: [broken\n"))
	_, stderr, code = batch(t, db, inbox, out)
	if code != exitPartial {
		t.Fatalf("run 2: exit %d, want %d; stderr:\n%s", code, exitPartial, stderr)
	}
	if want := `msg="topic folder renamed; the topic keeps its id and history" topic=port-alder from="Port Alder" to="Alder fire, day two"`; !strings.Contains(stderr, want) {
		t.Errorf("run 2: stderr lacks %q:\n%s", want, stderr)
	}
	topics, _, _ := run(t, db, "topics")
	kept := false
	for _, l := range strings.Split(topics, "\n") {
		if f := strings.Fields(l); len(f) > 1 && f[0] == "port-alder" && f[1] == "3" {
			kept = true
		}
	}
	if strings.Contains(topics, "alder-fire-day-two") || !kept {
		t.Errorf("run 2: the renamed folder did not keep its topic:\n%s", topics)
	}
	if diff := cmp.Diff(reportNames("empty", ferryTopic, "port-alder"), names(snapshot(t, out))); diff != "" {
		t.Errorf("run 2: out folder (-want +got):\n%s", diff)
	}
	index = readIndex(t, out)
	row := indexRow(t, index, ferryTopic)
	if !strings.Contains(row, "⚠ topic file unusable, so these are the last reports: "+filepath.Join(inbox, "ferry", "topic.yaml")) ||
		!strings.Contains(row, `href="`+ferryTopic+`.html"`) {
		t.Errorf("run 2: the broken topic's row does not keep its last reports:\n%s", row)
	}
	if strings.Contains(index, "alder-fire-day-two") {
		t.Errorf("run 2: the renamed folder shows as a new topic")
	}

	copyInto(t, filepath.Join(repo, "testdata", "ferry"), filepath.Join(inbox, "ferry"))
	if _, stderr, code = batch(t, db, inbox, out); code != exitPartial {
		t.Fatalf("run 3: exit %d, want %d; stderr:\n%s", code, exitPartial, stderr)
	}
	if row := indexRow(t, readIndex(t, out), ferryTopic); strings.Contains(row, "⚠") {
		t.Errorf("run 3: the mended topic still shows a problem:\n%s", row)
	}
	checkIntegrity(t, db, "after three runs")
}
