//go:build unix

package main

import (
	"bytes"
	"database/sql"
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
)

// crashBatch runs the crosscheck binary's batch on one inbox, whole or
// killed part-way.
type crashBatch struct {
	bin, inbox string
}

func (b crashBatch) command(db, out string) (cmd *exec.Cmd, stdout, stderr *bytes.Buffer) {
	stdout, stderr = new(bytes.Buffer), new(bytes.Buffer)
	cmd = exec.Command(b.bin, "--db", db, "batch", "--inbox", b.inbox, "--out", out)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	return cmd, stdout, stderr
}

// run runs a batch to its end, which must be a success, and returns its
// stdout and how long it took.
func (b crashBatch) run(t *testing.T, db, out string) (string, time.Duration) {
	t.Helper()
	cmd, stdout, stderr := b.command(db, out)
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("batch: %v\n%s%s", err, stdout, stderr)
	}
	return stdout.String(), time.Since(start)
}

// kill starts a batch, sends it SIGKILL after delay and reports whether
// the kill landed while it ran (false: it had already finished).
func (b crashBatch) kill(t *testing.T, db, out string, delay time.Duration) bool {
	t.Helper()
	return b.killWhen(t, db, out, func() bool {
		time.Sleep(delay)
		return true
	})
}

// killWhen starts a batch and sends it SIGKILL as soon as ready returns
// true, which it is asked again and again while the batch runs. It
// reports whether the kill landed while the batch ran.
func (b crashBatch) killWhen(t *testing.T, db, out string, ready func() bool) bool {
	t.Helper()
	cmd, _, _ := b.command(db, out)
	return killRunning(t, cmd, ready)
}

// killRunning starts cmd, whose Stdout and Stderr are buffers, and sends
// it SIGKILL as soon as ready returns true, which it is asked again and
// again while the command runs. It reports whether the kill landed while
// the command ran; a command that fails by itself fails the test.
func killRunning(t *testing.T, cmd *exec.Cmd, ready func() bool) bool {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
poll:
	for {
		select {
		case err = <-done:
			break poll
		default:
		}
		if ready() {
			if err := cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
				t.Fatal(err)
			}
			err = <-done
			break
		}
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
		return true
	}
	if err != nil {
		t.Fatalf("%s to be killed failed by itself: %v\n%s%s", strings.Join(cmd.Args[1:], " "), err, cmd.Stdout, cmd.Stderr)
	}
	return false
}

// openRaw opens a database file with the driver alone, without the
// store's migrations, to look at it as a crash left it.
func openRaw(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func queryLines(t *testing.T, db *sql.DB, query string) []string {
	t.Helper()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		fields := make([]string, len(vals))
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			fields[i] = fmt.Sprintf("%q", fmt.Sprint(v))
		}
		out = append(out, strings.Join(fields, " "))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkIntegrity asserts that SQLite finds the database file sound and
// its foreign keys kept. A file the batch never created is fine.
func checkIntegrity(t *testing.T, path, when string) {
	t.Helper()
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return
	}
	db := openRaw(t, path)
	defer db.Close()
	if got := queryLines(t, db, `PRAGMA integrity_check`); !cmp.Equal(got, []string{`"ok"`}) {
		t.Errorf("%s: integrity_check: %v", when, got)
	}
	if got := queryLines(t, db, `PRAGMA foreign_key_check`); len(got) != 0 {
		t.Errorf("%s: foreign_key_check: %v", when, got)
	}
}

// dumpTables are what the dump compares: every column that does not
// depend on time or on the order in which rows were inserted. Facts are
// tied to their article version by (topic, article, version) rather than
// by rowid. Lines are sorted, so insertion order does not matter either.
var dumpTables = []struct{ name, query string }{
	{"schema", `PRAGMA user_version`},
	{"topics", `SELECT id, title, hash, source FROM topics`},
	{"articles", `SELECT topic_id, article_id, version, current, file, hash, title, outlet, wire, byline,
		published, url, text, body, title_start, title_end FROM articles`},
	{"facts", `SELECT a.topic_id, a.article_id, a.version, f.slot, f.kind, f.value, f.surface, f.start, f."end",
		f.sentence, f.sentence_start, f.sentence_end, f.attribution, f.source, f.aspect, f.negated,
		f.background, f.extractor, f.label
		FROM facts f JOIN articles a ON a.rowid = f.article_rowid`},
	{"changes", `SELECT topic_id, article_id, kind, version, reported FROM changes`},
	{"topic_results", `SELECT topic_id, summary, contradictions FROM topic_results`},
}

// dump renders the database's lasting content as text.
func dump(t *testing.T, path string) string {
	t.Helper()
	db := openRaw(t, path)
	defer db.Close()
	var b strings.Builder
	for _, tb := range dumpTables {
		lines := queryLines(t, db, tb.query)
		sort.Strings(lines)
		fmt.Fprintf(&b, "== %s (%d)\n", tb.name, len(lines))
		for _, l := range lines {
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// runStatuses are the statuses of the database's runs, oldest first.
func runStatuses(t *testing.T, path string) []string {
	t.Helper()
	db := openRaw(t, path)
	defer db.Close()
	return queryLines(t, db, `SELECT status FROM runs ORDER BY id`)
}

// checkRuns asserts that the last run succeeded and that a run is left
// "running" only where a batch was killed; completed counts the runs that
// were not meant to be killed.
func checkRuns(t *testing.T, path string, completed int, killed bool) {
	t.Helper()
	got := runStatuses(t, path)
	n := len(got)
	if n == 0 || got[n-1] != `"ok"` {
		t.Errorf("runs %v: the last one is not ok", got)
		return
	}
	running := 0
	for _, s := range got {
		switch s {
		case `"ok"`:
		case `"running"`:
			running++
		default:
			t.Errorf("runs %v: unexpected status %s", got, s)
		}
	}
	// A batch killed before it recorded its start leaves no run, one
	// killed after it recorded its end an "ok" one.
	switch {
	case !killed && (running != 0 || n != completed+1):
		t.Errorf("runs %v: the batch was not killed in time, want %d ok runs", got, completed+1)
	case killed && (running > 1 || n < completed || n > completed+1):
		t.Errorf("runs %v: want %d ok runs and at most one killed", got, completed)
	}
}

// timestampLine is the index's one line that changes from run to run.
const timestampLine = `<p class="muted">crosscheck nightly batch · `

// outState reads the report files of an out folder, with the index's
// timestamp line left out, and counts the temporary files a killed batch
// left (dot files: writeFileAtomic's).
func outState(t *testing.T, out string) (files map[string]string, temps []string) {
	t.Helper()
	entries, err := os.ReadDir(out)
	if errors.Is(err, os.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		t.Fatal(err)
	}
	files = map[string]string{}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			temps = append(temps, e.Name())
			continue
		}
		b, err := os.ReadFile(filepath.Join(out, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if e.Name() == "index.html" {
			var keep []string
			for _, l := range strings.SplitAfter(s, "\n") {
				if !strings.HasPrefix(l, timestampLine) {
					keep = append(keep, l)
				}
			}
			if len(keep) != len(strings.SplitAfter(s, "\n"))-1 {
				t.Errorf("index.html has no single timestamp line")
			}
			s = strings.Join(keep, "")
		}
		files[e.Name()] = s
	}
	return files, temps
}

// checkWhole asserts that every report file in out is whole: JSON that
// parses, HTML that ends its document, and each equal to the file of one
// of the given complete states of the out folder.
func checkWhole(t *testing.T, out, when string, states ...map[string]string) {
	t.Helper()
	files, _ := outState(t, out)
	for name, s := range files {
		switch filepath.Ext(name) {
		case ".json":
			if !json.Valid([]byte(s)) {
				t.Errorf("%s: %s is not valid JSON (%d bytes)", when, name, len(s))
			}
		case ".html":
			if !strings.HasSuffix(s, "</html>\n") {
				t.Errorf("%s: %s does not end with </html>", when, name)
			}
		case ".md":
			if !strings.HasSuffix(s, "\n") {
				t.Errorf("%s: %s does not end with a newline", when, name)
			}
		default:
			t.Errorf("%s: unexpected file %s in the out folder", when, name)
		}
		ok := false
		for _, st := range states {
			if want, has := st[name]; has && want == s {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s: %s is none of the complete versions of it", when, name)
		}
	}
}

// diffOut compares two out folders' report files.
func diffOut(want, got map[string]string) string {
	var d strings.Builder
	var names []string
	for n := range want {
		names = append(names, n)
	}
	for n := range got {
		if _, ok := want[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		w, wok := want[n]
		g, gok := got[n]
		switch {
		case !gok:
			fmt.Fprintf(&d, "%s: missing\n", n)
		case !wok:
			fmt.Fprintf(&d, "%s: unexpected\n", n)
		case w != g:
			fmt.Fprintf(&d, "%s differs:\n%s\n", n, cmp.Diff(w, g))
		}
	}
	return d.String()
}

// The topic file change the second scenario makes: the bulk topic's
// withdrawal event loses its main triggers, so its articles' facts change.
const (
	topicEditOld = "triggers: [withdraw, withdrawal, pull out, pullout, evacuate, leave]"
	topicEditNew = "triggers: [pull out, pullout, evacuate, leave]"
)

// TestBatchKillAnywhere kills a batch with SIGKILL at many moments of its
// run. Each time, the database must pass SQLite's integrity check, every
// report in the out folder must be whole, and the next batch must finish
// the work: its database and reports equal those of a run never killed.
func TestBatchKillAnywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it some 30 times")
	}
	testStart := time.Now()
	b := crashBatch{bin: buildCrosscheck(t), inbox: t.TempDir()}
	// Small topics between two large ones, so kills land in every phase:
	// reading, saving, reporting, the index.
	copyInto(t, filepath.Join(repo, "testdata", "ferry"), filepath.Join(b.inbox, "1-ferry"))
	bulkTopic(t, filepath.Join(b.inbox, "2-bulk"), "bulk-a", 14)
	caravanInto(t, filepath.Join(b.inbox, "3-caravan"))
	bulkTopic(t, filepath.Join(b.inbox, "4-bulk"), "bulk-b", 14)
	copyInto(t, filepath.Join(repo, "seeds"), filepath.Join(b.inbox, "5-seeds"))
	topicPath := filepath.Join(b.inbox, "4-bulk", "topic.yaml")
	topicA, err := os.ReadFile(topicPath)
	if err != nil {
		t.Fatal(err)
	}
	topicB := []byte(strings.Replace(string(topicA), topicEditOld, topicEditNew, 1))
	if bytes.Equal(topicA, topicB) {
		t.Fatalf("topic edit did not apply: no %q", topicEditOld)
	}

	fresh := func() (db, out string) {
		dir := t.TempDir()
		return filepath.Join(dir, "desk.db"), filepath.Join(dir, "out")
	}

	// The reference: a run never killed, twice, to know it repeats
	// itself (the per-topic reports carry no timestamp).
	refDB, refOut := fresh()
	stdout, refTime := b.run(t, refDB, refOut)
	t.Logf("reference run: %s in %s", strings.TrimSpace(stdout), refTime.Round(time.Millisecond))
	refDump := dump(t, refDB)
	refFiles, temps := outState(t, refOut)
	if len(temps) != 0 {
		t.Errorf("an uninterrupted run left temporary files: %v", temps)
	}
	if len(refFiles) != 1+5*3 {
		t.Fatalf("reference run wrote %d files, want 16", len(refFiles))
	}
	db2, out2 := fresh()
	_, time2 := b.run(t, db2, out2)
	// The kill points are spread over the shorter of the two runs, so a
	// slow first run on a busy machine does not put them past the end.
	refTime = min(refTime, time2)
	if diff := cmp.Diff(refDump, dump(t, db2)); diff != "" {
		t.Fatalf("two uninterrupted runs differ in the database (-first +second):\n%s", diff)
	}
	files2, _ := outState(t, out2)
	if d := diffOut(refFiles, files2); d != "" {
		t.Fatalf("two uninterrupted runs differ in their reports:\n%s", d)
	}

	// The kill points: a few very early ones, then spread over the run,
	// then a few near its end, where the reports and index are written.
	delays := []time.Duration{5 * time.Millisecond, 20 * time.Millisecond}
	const spread = 12
	for i := 1; i <= spread; i++ {
		delays = append(delays, refTime*time.Duration(i)/(spread+1))
	}
	for _, before := range []time.Duration{40, 20, 8} {
		if d := refTime - before*time.Millisecond; d > 0 {
			delays = append(delays, d)
		}
	}
	mid := 0
	for _, delay := range delays {
		t.Run(fmt.Sprintf("kill@%s", delay.Round(time.Millisecond)), func(t *testing.T) {
			db, out := fresh()
			killed := b.kill(t, db, out, delay)
			if killed {
				mid++
			}
			checkIntegrity(t, db, "after the kill")
			checkWhole(t, out, "after the kill", refFiles)
			_, temps := outState(t, out)
			stdout, _ := b.run(t, db, out)
			checkIntegrity(t, db, "after the next run")
			if diff := cmp.Diff(refDump, dump(t, db)); diff != "" {
				t.Errorf("database after kill and rerun differs from the reference (-want +got):\n%s", diff)
			}
			files, _ := outState(t, out)
			if d := diffOut(refFiles, files); d != "" {
				t.Errorf("reports after kill and rerun differ from the reference:\n%s", d)
			}
			checkRuns(t, db, 1, killed)
			if again, _ := b.run(t, db, out); !strings.HasPrefix(again, "nothing to do: 5 topics, 153 articles") {
				t.Errorf("the run after the rerun had work left: %s", again)
			}
			t.Logf("killed mid-run: %v; temporary files left: %d; rerun: %s", killed, len(temps), strings.TrimSpace(stdout))
		})
	}
	t.Logf("%d kill points (%s … %s), %d landed mid-run; reference run %s",
		len(delays), delays[0], delays[len(delays)-1].Round(time.Millisecond), mid, refTime.Round(time.Millisecond))
	if mid < len(delays)/3 {
		t.Errorf("only %d of %d kills landed while the batch ran", mid, len(delays))
	}

	// A kill in the run that follows a change of a topic file: the
	// re-extraction of its stored articles must not be lost, and the index
	// must end up saying what the reference's says.
	setTopic := func(src []byte) { write(t, topicPath, src) }
	defer setTopic(topicA)
	refDB, refOut = fresh()
	b.run(t, refDB, refOut)
	firstFiles, _ := outState(t, refOut)
	setTopic(topicB)
	stdout, topicTime := b.run(t, refDB, refOut)
	t.Logf("reference run after the topic edit: %s in %s", strings.TrimSpace(stdout), topicTime.Round(time.Millisecond))
	topicDump := dump(t, refDB)
	topicFiles, _ := outState(t, refOut)
	if topicDump == refDump {
		t.Fatal("the topic edit changed nothing in the database")
	}
	if firstFiles["bulk-b.json"] == topicFiles["bulk-b.json"] {
		t.Fatal("the topic edit changed nothing in the topic's report")
	}

	type killer struct {
		name string
		// ready says when to kill the batch, given its database and out
		// folder; it is asked again and again while the batch runs.
		ready func(db, out string) func() bool
	}
	var killers []killer
	for _, frac := range []int{25, 55, 85} {
		delay := topicTime * time.Duration(frac) / 100
		killers = append(killers, killer{fmt.Sprintf("kill@%s", delay.Round(time.Millisecond)), func(db, out string) func() bool {
			return func() bool { time.Sleep(delay); return true }
		}})
	}
	// Two kills aimed at the narrow windows around the index: once no
	// change is pending any more, and once index.html was replaced.
	killers = append(killers,
		killer{"kill-when-reported", func(db, out string) func() bool {
			raw := openRaw(t, db)
			t.Cleanup(func() { raw.Close() })
			seen := false
			return func() bool {
				var n int
				if err := raw.QueryRow(`SELECT COUNT(*) FROM changes WHERE reported = 0`).Scan(&n); err != nil {
					return false
				}
				seen = seen || n > 0
				return seen && n == 0
			}
		}},
		killer{"kill-when-indexed", func(db, out string) func() bool {
			before, err := os.Stat(filepath.Join(out, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			return func() bool {
				now, err := os.Stat(filepath.Join(out, "index.html"))
				return err == nil && !os.SameFile(before, now)
			}
		}},
	)
	topicMid := 0
	for _, k := range killers {
		t.Run("topic-edit/"+k.name, func(t *testing.T) {
			setTopic(topicA)
			db, out := fresh()
			b.run(t, db, out)
			setTopic(topicB)
			killed := b.killWhen(t, db, out, k.ready(db, out))
			if killed {
				topicMid++
			}
			checkIntegrity(t, db, "after the kill")
			checkWhole(t, out, "after the kill", firstFiles, topicFiles)
			afterKill, _ := outState(t, out)
			stdout, _ := b.run(t, db, out)
			checkIntegrity(t, db, "after the next run")
			if diff := cmp.Diff(topicDump, dump(t, db)); diff != "" {
				t.Errorf("database after kill and rerun differs from the reference (-want +got):\n%s", diff)
			}
			files, _ := outState(t, out)
			if d := diffOut(topicFiles, files); d != "" {
				t.Errorf("reports after kill and rerun differ from the reference:\n%s", d)
			}
			checkRuns(t, db, 2, killed)
			t.Logf("killed mid-run: %v; index after the kill: first run's %v, edit's %v; rerun: %s", killed,
				afterKill["index.html"] == firstFiles["index.html"], afterKill["index.html"] == topicFiles["index.html"], strings.TrimSpace(stdout))
		})
	}
	t.Logf("topic edit: %d kill points, %d landed mid-run; whole test %s", len(killers), topicMid, time.Since(testStart).Round(time.Millisecond))
}

// A stored summary that cannot be read back (a hand-edited or damaged
// database) makes the batch report the topic again, not show a blank row.
func TestBatchUnreadableStoredSummary(t *testing.T) {
	inbox := storyInbox(t, "ferry")
	out := filepath.Join(t.TempDir(), "reports")
	db := filepath.Join(t.TempDir(), "desk.db")
	if _, stderr, code := batch(t, db, inbox, out); code != exitOK {
		t.Fatalf("first run: exit %d, stderr:\n%s", code, stderr)
	}
	first, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	raw := openRaw(t, db)
	if _, err := raw.Exec(`UPDATE topic_results SET summary = '["not a summary"]'`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	if _, stderr, code := batch(t, db, inbox, out); code != exitOK {
		t.Fatalf("second run: exit %d, stderr:\n%s", code, stderr)
	}
	second, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	counts := func(row string) string {
		i, j := strings.Index(row, "✗"), strings.Index(row, "</td>")
		if i < 0 || j < i {
			return ""
		}
		return row[i:j]
	}
	want := counts(indexRow(t, string(first), ferryTopic))
	if got := counts(indexRow(t, string(second), ferryTopic)); want == "" || got != want {
		t.Errorf("index counts after an unreadable summary: %q, first run's %q", got, want)
	}
	if got := queryLines(t, openRaw(t, db), `SELECT summary FROM topic_results`); len(got) != 1 || !strings.Contains(got[0], "contradiction") {
		t.Errorf("stored summary after the rerun: %q", got)
	}
}
