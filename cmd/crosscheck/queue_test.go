//go:build unix

package main

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-news/crosscheck/store/storetest"
)

// dumpServer renders a PostgreSQL database's lasting content as dump
// renders a SQLite file's: the same tables and columns (the schema
// version aside, which the engines number apart), lines sorted.
func dumpServer(t *testing.T, dsn string) string {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b strings.Builder
	for _, tb := range dumpTables {
		if tb.name == "schema" {
			continue
		}
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

// generated is the index's time stamp, the one line two runs write apart.
var generated = regexp.MustCompile(`[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} UTC`)

// TestQueueWorkersKilled runs the nightly batch as jobs on PostgreSQL:
// "batch --enqueue-only", then three "worker --until-idle" processes of
// the built binary against one server, one of them (the queue's leader,
// whose death also makes the others elect a new one) killed by SIGKILL
// while it works a job. The two others finish the run, the dead worker's
// job rescued and done again; the database and the out folder end up as
// a single-process batch of the same inbox on a SQLite file leaves them:
// every table, every report and the index (its time stamp aside).
func TestQueueWorkersKilled(t *testing.T) {
	pg := storetest.FreshSchema(t)
	bin := buildCrosscheck(t)
	inbox := storyInbox(t, "seeds", "ferry", "caravan")
	for i := 1; i <= 9; i++ {
		bulkTopic(t, filepath.Join(inbox, fmt.Sprintf("bulk%d", i)), fmt.Sprintf("bulk-%d", i), 3)
	}
	// A file no run can read: the run is partial on both, and the index
	// names it.
	write(t, filepath.Join(inbox, "ferry", "binary.txt"), []byte{0x7f, 'E', 'L', 'F', 0, 0, 1})
	const topics = 12

	sqlite := filepath.Join(t.TempDir(), "desk.db")
	refOut := filepath.Join(t.TempDir(), "reports")
	stdout, stderr, code := batch(t, sqlite, inbox, refOut)
	if code != exitPartial {
		t.Fatalf("single-process batch: exit %d, want %d; stderr:\n%s", code, exitPartial, stderr)
	}
	t.Logf("single-process: %s", strings.TrimSpace(stdout))

	out := filepath.Join(t.TempDir(), "reports")
	enq := exec.Command(bin, "--db", pg, "batch", "--inbox", inbox, "--out", out, "--enqueue-only")
	if b, err := enq.CombinedOutput(); err != nil || !regexp.MustCompile(`^batch: run [0-9]+ enqueued: 12 topic jobs; 'crosscheck worker' takes them\n$`).Match(b) {
		t.Fatalf("batch --enqueue-only: %v\n%s", err, b)
	}
	// One job per topic folder (that enqueueing a run's folders again
	// makes no second job, nightly's TestEnqueueTwice checks).
	admin, err := sql.Open("pgx", pg)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	count := func(query string, args ...any) int {
		t.Helper()
		var n int
		if err := admin.QueryRow(query, args...).Scan(&n); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return n
	}
	if n := count(`SELECT count(*) FROM river_job`); n != topics {
		t.Fatalf("%d jobs after enqueueing the run, want %d", n, topics)
	}

	type worker struct {
		cmd            *exec.Cmd
		stdout, stderr bytes.Buffer
		done           chan error
	}
	var workers []*worker
	for i := 0; i < 3; i++ {
		w := &worker{done: make(chan error, 1)}
		w.cmd = exec.Command(bin, "--db", pg, "worker", "--until-idle", "--jobs", "1", "--workers", "1", "--job-timeout", "3s")
		w.cmd.Stdout, w.cmd.Stderr = &w.stdout, &w.stderr
		if err := w.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		go func() { w.done <- w.cmd.Wait() }()
		workers = append(workers, w)
		defer func() { _ = w.cmd.Process.Kill() }() // already ended unless the test failed
	}

	// Kill the leader while the queue says it holds a running job.
	leaderPID := regexp.MustCompile(` pid ([0-9]+) `)
	var killed *worker
	deadline := time.Now().Add(30 * time.Second)
	for killed == nil {
		if time.Now().After(deadline) {
			t.Fatal("no leader was seen working a job in 30 s")
		}
		var leader string
		err := admin.QueryRow(`SELECT leader_id FROM river_leader`).Scan(&leader)
		if err == nil && count(`SELECT count(*) FROM river_job WHERE state = 'running'
			AND attempted_by[array_length(attempted_by, 1)] = $1`, leader) > 0 {
			m := leaderPID.FindStringSubmatch(leader)
			pid := 0
			if m != nil {
				pid, _ = strconv.Atoi(m[1])
			}
			for _, w := range workers {
				if w.cmd.Process.Pid == pid {
					killed = w
				}
			}
			if killed == nil {
				t.Fatalf("the leader %q is none of the workers", leader)
			}
			if err := killed.cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	<-killed.done
	killedAt := time.Now()
	if ws, ok := killed.cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("the leader ended before it was killed: %v\n%s", killed.cmd.ProcessState, killed.stderr.String())
	}
	for _, w := range workers {
		if w == killed {
			continue
		}
		select {
		case err := <-w.done:
			if err != nil || w.stdout.String() != "worker: no job waiting or running\n" {
				t.Errorf("worker: %v\nstdout:\n%s\nstderr:\n%s", err, w.stdout.String(), w.stderr.String())
			}
		case <-time.After(60 * time.Second):
			t.Fatalf("a worker did not finish in 60 s after the kill; stderr:\n%s", w.stderr.String())
		}
	}

	t.Logf("the two other workers finished %s after the kill", time.Since(killedAt).Round(time.Millisecond))
	if n := count(`SELECT count(*) FROM river_job WHERE state = 'completed'`); n != topics {
		t.Errorf("%d jobs completed, want %d", n, topics)
	}
	if n := count(`SELECT count(*) FROM river_job WHERE errors::text LIKE '%rescued%'`); n == 0 {
		t.Error("no job was rescued from the killed worker")
	} else {
		t.Logf("%d jobs rescued", n)
	}
	if n := count(`SELECT count(*) FROM crosscheck_batch_runs WHERE finished_at IS NOT NULL`); n != 1 {
		t.Errorf("%d runs recorded finished on the queue, want 1", n)
	}

	// The SQLite dump begins with the schema version, two lines.
	if diff := cmp.Diff(strings.SplitN(dump(t, sqlite), "\n", 3)[2], dumpServer(t, pg)); diff != "" {
		t.Errorf("database after the workers differs from a single-process batch (-sqlite +workers):\n%s", diff)
	}
	var want, got []string
	sqliteDB := openRaw(t, sqlite)
	defer sqliteDB.Close()
	const runRow = `SELECT command, status, articles_seen, articles_new, articles_changed, articles_unchanged, errors FROM runs`
	want, got = queryLines(t, sqliteDB, runRow), queryLines(t, admin, runRow)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("runs recorded (-sqlite +workers):\n%s", diff)
	}

	ref, res := snapshot(t, refOut), snapshot(t, out)
	if diff := cmp.Diff(names(ref), names(res)); diff != "" {
		t.Fatalf("report files (-single-process +workers):\n%s", diff)
	}
	for name := range ref {
		a, b := string(ref[name].data), string(res[name].data)
		if name == "index.html" {
			a, b = generated.ReplaceAllString(a, "…"), generated.ReplaceAllString(b, "…")
		}
		if diff := cmp.Diff(a, b); diff != "" {
			t.Errorf("%s (-single-process +workers):\n%s", name, diff)
		}
	}

	// The next run, by a batch that works its jobs itself, finds
	// nothing to do, as a second single-process run does.
	cmd := exec.Command(bin, "--db", pg, "batch", "--inbox", inbox, "--out", out)
	var so, se bytes.Buffer
	cmd.Stdout, cmd.Stderr = &so, &se
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitPartial {
		t.Fatalf("second batch: %v, want exit %d\n%s%s", err, exitPartial, so.String(), se.String())
	}
	refStdout2, _, _ := batch(t, sqlite, inbox, refOut)
	mask := regexp.MustCompile(`\([0-9.]+[µm]?s(, [0-9]+ articles/s)?\)`)
	if a, b := mask.ReplaceAllString(refStdout2, "(…)"), mask.ReplaceAllString(so.String(), "(…)"); a != b {
		t.Errorf("second run says %q, the single-process one %q", b, a)
	}
}

// TestQueueNeedsPostgres: the queue's flags and command are refused on a
// SQLite database, where the batch runs in one process.
func TestQueueNeedsPostgres(t *testing.T) {
	db := filepath.Join(t.TempDir(), "desk.db")
	_, stderr, code := batch(t, db, storyInbox(t, "seeds"), t.TempDir(), "--enqueue-only")
	if code != exitUsage || !strings.HasPrefix(stderr, "crosscheck: --enqueue-only needs a PostgreSQL --db (postgres://...): on SQLite the batch runs in one process\n") {
		t.Errorf("batch --enqueue-only on SQLite: exit %d, stderr:\n%s", code, stderr)
	}
	_, stderr, code = run(t, db, "worker", "--until-idle")
	if code != exitUsage || !strings.HasPrefix(stderr, "crosscheck: worker needs a PostgreSQL --db (postgres://...): on SQLite 'crosscheck batch' runs in one process\n") {
		t.Errorf("worker on SQLite: exit %d, stderr:\n%s", code, stderr)
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("a refused command created %s", db)
	}
}

// TestQueueGivenUpJob: a job River gave up on without its topic recorded
// (its workers died on every attempt) does not leave the run waiting for
// ever: a worker finishes the run, recorded failed naming the folder, and
// the index lists the other topics.
func TestQueueGivenUpJob(t *testing.T) {
	pg := storetest.FreshSchema(t)
	inbox := storyInbox(t, "seeds", "ferry")
	out := t.TempDir()
	if stdout, stderr, code := batch(t, pg, inbox, out, "--enqueue-only"); code != exitOK {
		t.Fatalf("batch --enqueue-only: exit %d\n%s%s", code, stdout, stderr)
	}
	admin, err := sql.Open("pgx", pg)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`UPDATE river_job SET state = 'discarded', attempt = 3, finalized_at = now() WHERE args->>'folder' = 'ferry'`); err != nil {
		t.Fatal(err)
	}
	// A killed worker's temporary file of yesterday goes; one a live
	// job may be writing stays.
	old, fresh := filepath.Join(out, ".ferry.html.123"), filepath.Join(out, ".ferry.md.456")
	write(t, old, []byte("half a report"))
	write(t, fresh, []byte("half a report"))
	if err := os.Chtimes(old, time.Now().Add(-24*time.Hour), time.Now().Add(-24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := run(t, pg, "worker", "--until-idle", "--jobs", "1")
	if code != exitOK || stdout != "worker: no job waiting or running\n" {
		t.Fatalf("worker: exit %d\n%s%s", code, stdout, stderr)
	}
	got := queryLines(t, admin, `SELECT r.status, e.message FROM runs r JOIN run_errors e ON e.run_id = r.id`)
	want := []string{fmt.Sprintf(`"failed" "topic folder %s: its job ended without finishing (discarded after 3 attempts)"`, filepath.Join(inbox, "ferry"))}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the run recorded (-want +got):\n%s", diff)
	}
	if _, err := os.Stat(old); err == nil {
		t.Errorf("%s, a day old, is still there", old)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("%s, just written, was removed: %v", fresh, err)
	}
	index := readIndex(t, out)
	if !strings.Contains(index, seedsTopic) || strings.Contains(index, "selkie-ferry-fire") {
		t.Errorf("the index does not list the seeds' topic alone:\n%s", index)
	}
}
