//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestFaults runs a batch into the faults of the world outside it — a
// full disk, a database it may not write, a --db that is not a database,
// a lock held by another program — and asserts each time one error line,
// a sound database that lost nothing, and a rerun, the fault gone, that
// ends as if nothing had happened.
func TestFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it some 20 times")
	}
	e := newFaultEnv(t)
	t.Run("disk full", func(t *testing.T) { faultDiskFull(t, e) })
	t.Run("read-only", func(t *testing.T) { faultReadOnlyDatabase(t, e) })
	t.Run("not SQLite", func(t *testing.T) { faultNotSQLite(t, e) })
	t.Run("locked", func(t *testing.T) { faultLockedDatabase(t, e) })
}

// faultEnv is a desk whose database saw one batch (the ferry story) and
// whose inbox then gained a second story: the batch that meets the fault
// has work to do, and the database has rows it must not lose.
type faultEnv struct {
	bin          string
	dir          string // world-readable, so a test may run the binary as another user
	first, inbox string // the inbox of the first batch, and the one with the second story
	refDump      string // the database after both batches, never disturbed
	refFiles     map[string]string
}

func newFaultEnv(t *testing.T) *faultEnv {
	t.Helper()
	dir, err := os.MkdirTemp("", "crosscheck-faults-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	e := &faultEnv{dir: dir, first: filepath.Join(dir, "first"), inbox: filepath.Join(dir, "inbox")}
	e.bin = filepath.Join(dir, "crosscheck")
	built, err := os.ReadFile(buildCrosscheck(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(e.bin, built, 0o755); err != nil {
		t.Fatal(err)
	}
	copyInto(t, filepath.Join(repo, "testdata", "ferry"), filepath.Join(e.first, "ferry"))
	copyInto(t, filepath.Join(repo, "testdata", "ferry"), filepath.Join(e.inbox, "ferry"))
	copyInto(t, filepath.Join(repo, "seeds"), filepath.Join(e.inbox, "seeds"))
	// Every folder readable and traversable by anyone (t.TempDir's are
	// not): the read-only case runs the binary as nobody when we are root.
	if err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		return os.Chmod(p, 0o755)
	}); err != nil {
		t.Fatal(err)
	}
	db, out := e.fresh(t)
	e.batch(t, nil, db, e.first, out).ok(t)
	e.batch(t, nil, db, e.inbox, out).ok(t)
	e.refDump = dump(t, db)
	e.refFiles, _ = outState(t, out)
	return e
}

// fresh returns the paths of a database and out folder of their own, in a
// folder of their own.
func (e *faultEnv) fresh(t *testing.T) (db, out string) {
	t.Helper()
	d, err := os.MkdirTemp(e.dir, "desk-")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(d, 0o755); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(d, "desk.db"), filepath.Join(d, "out")
}

// firstRun makes a database that saw the first batch and returns it with
// its dump and out folder.
func (e *faultEnv) firstRun(t *testing.T) (db, out, before string) {
	t.Helper()
	db, out = e.fresh(t)
	e.batch(t, nil, db, e.first, out).ok(t)
	return db, out, dump(t, db)
}

// binRun is how one run of the binary ended.
type binRun struct {
	args           []string
	stdout, stderr string
	code           int
}

func (r binRun) ok(t *testing.T) {
	t.Helper()
	if r.code != exitOK {
		t.Fatalf("%s: exit %d\nstdout:\n%s\nstderr:\n%s", strings.Join(r.args, " "), r.code, r.stdout, r.stderr)
	}
}

// errorLine asserts that the run failed with exit 1 and said so in one
// line on stderr (besides the batch's log lines) holding each of want.
func (r binRun) errorLine(t *testing.T, want ...string) {
	t.Helper()
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		if !strings.HasPrefix(l, "time=") {
			lines = append(lines, l)
		}
	}
	if r.code != exitFailure || len(lines) != 1 || !strings.HasPrefix(lines[0], "crosscheck: ") {
		t.Fatalf("%s: exit %d, want %d and one error line; stderr:\n%s", strings.Join(r.args, " "), r.code, exitFailure, r.stderr)
	}
	for _, w := range want {
		if !strings.Contains(lines[0], w) {
			t.Errorf("error line %q does not say %q", lines[0], w)
		}
	}
	t.Logf("error line: %s", lines[0])
}

// run runs the binary with args, behind the wrapper command wrap (such as
// prlimit) when it is given.
func (e *faultEnv) run(t *testing.T, wrap []string, args ...string) binRun {
	t.Helper()
	argv := append(append(append([]string(nil), wrap...), e.bin), args...)
	cmd := exec.Command(argv[0], argv[1:]...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	code := 0
	switch {
	case errors.As(err, &ee) && ee.Exited():
		code = ee.ExitCode()
	case err != nil:
		t.Fatalf("%s: %v\n%s", strings.Join(argv, " "), err, stderr.String())
	}
	return binRun{args: argv, stdout: stdout.String(), stderr: stderr.String(), code: code}
}

func (e *faultEnv) batch(t *testing.T, wrap []string, db, inbox, out string) binRun {
	t.Helper()
	return e.run(t, wrap, "--db", db, "batch", "--inbox", inbox, "--out", out)
}

// finishes asserts that a batch without the fault does the work: the
// database and the reports equal those of runs never disturbed.
func (e *faultEnv) finishes(t *testing.T, db, out string) {
	t.Helper()
	e.batch(t, nil, db, e.inbox, out).ok(t)
	checkIntegrity(t, db, "after the rerun")
	if diff := cmp.Diff(e.refDump, dump(t, db)); diff != "" {
		t.Errorf("database after the fault and a rerun differs from the reference (-want +got):\n%s", diff)
	}
	files, temps := outState(t, out)
	if d := diffOut(e.refFiles, files); d != "" {
		t.Errorf("reports after the fault and a rerun differ from the reference:\n%s", d)
	}
	if len(temps) != 0 {
		t.Errorf("temporary files left in the out folder: %v", temps)
	}
}

// dumpRows is a dump's rows by table, for asking whether rows were lost.
func dumpRows(d string) map[string]bool {
	rows := map[string]bool{}
	table := ""
	for _, l := range strings.Split(d, "\n") {
		if strings.HasPrefix(l, "== ") {
			table = strings.Fields(l)[1]
			continue
		}
		if l != "" {
			rows[table+" "+l] = true
		}
	}
	return rows
}

// lostRows lists the rows of before that after lacks.
func lostRows(before, after string) []string {
	have := dumpRows(after)
	var lost []string
	for r := range dumpRows(before) {
		if !have[r] {
			lost = append(lost, r)
		}
	}
	sort.Strings(lost)
	return lost
}

// faultDiskFull runs a batch under a file size limit (RLIMIT_FSIZE,
// what a full disk does to a write): it must stop with one error line,
// roll back the article it was writing, and leave a sound database from
// which a rerun finishes the work.
func faultDiskFull(t *testing.T, e *faultEnv) {
	prlimit, err := exec.LookPath("prlimit")
	if err != nil {
		t.Skipf("no prlimit to set a file size limit: %v", err)
	}
	// 64 KiB: more than the first commits write to the WAL, less than the
	// second story's articles and reports.
	for _, limit := range []string{"65536", "131072"} {
		t.Run("fsize="+limit, func(t *testing.T) {
			db, out, before := e.firstRun(t)
			r := e.batch(t, []string{prlimit, "--fsize=" + limit}, db, e.inbox, out)
			r.errorLine(t, "file too large", "the disk is full or a file size limit was reached")
			checkIntegrity(t, db, "after the fault")
			if lost := lostRows(before, dump(t, db)); len(lost) != 0 {
				t.Errorf("%d rows lost to the fault, such as %s", len(lost), lost[0])
			}
			checkWhole(t, out, "after the fault", e.refFiles, mustOutState(t, out))
			e.finishes(t, db, out)
		})
	}
}

func mustOutState(t *testing.T, out string) map[string]string {
	t.Helper()
	files, _ := outState(t, out)
	return files
}

// faultReadOnlyDatabase gives a batch a database it may not write: the
// file read-only, or its folder too. As root, whom file modes do not
// stop, the binary runs as nobody.
func faultReadOnlyDatabase(t *testing.T, e *faultEnv) {
	var as []string
	if os.Geteuid() == 0 {
		setpriv, err := exec.LookPath("setpriv")
		if err != nil {
			t.Skipf("running as root, whom file modes do not stop, and no setpriv to run as nobody: %v", err)
		}
		as = []string{setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"}
	}
	cases := []struct {
		name     string
		fileMode os.FileMode
		dirMode  os.FileMode
		want     []string
	}{
		// The folder writable: the lock file and SQLite's shared-memory
		// file can be made, the first write is refused.
		{"file", 0o444, 0o777, []string{"attempt to write a readonly database", "cannot be written"}},
		// Nothing writable: SQLite cannot make its shared-memory file
		// beside the database, and the database is refused on opening.
		{"file and folder", 0o444, 0o555, []string{"desk.db", "attempt to write a readonly database", "cannot be written"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db, out, before := e.firstRun(t)
			if err := os.Chmod(out, 0o777); err != nil {
				t.Fatal(err)
			}
			// The lock file of the first run belongs to us; nobody must be
			// able to open it where the folder is writable.
			if err := os.Chmod(db+".lock", 0o666); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(db, c.fileMode); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(filepath.Dir(db), c.dirMode); err != nil {
				t.Fatal(err)
			}
			r := e.batch(t, as, db, e.inbox, out)
			if err := os.Chmod(filepath.Dir(db), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(db, 0o644); err != nil {
				t.Fatal(err)
			}
			r.errorLine(t, c.want...)
			checkIntegrity(t, db, "after the fault")
			if diff := cmp.Diff(before, dump(t, db)); diff != "" {
				t.Errorf("a read-only database changed (-before +after):\n%s", diff)
			}
			e.finishes(t, db, out)
		})
	}
}

// faultNotSQLite gives batch and ingest a --db that is some other
// file: refused in one line, the file untouched, nothing created beside
// it; the same run with the right --db does the work.
func faultNotSQLite(t *testing.T, e *faultEnv) {
	notes := []byte("Desk notes: call Governor June Ellis about the Harbour Trust.\n")
	for _, cmd := range []string{"batch", "ingest"} {
		t.Run(cmd, func(t *testing.T) {
			db, out, _ := e.firstRun(t)
			junk := filepath.Join(filepath.Dir(db), "notes.db")
			write(t, junk, notes)
			var r binRun
			if cmd == "batch" {
				r = e.batch(t, nil, junk, e.inbox, out)
			} else {
				r = e.run(t, nil, "--db", junk, "ingest", filepath.Join(e.inbox, "seeds"))
			}
			r.errorLine(t, junk, "is not a SQLite database")
			if got, err := os.ReadFile(junk); err != nil || !bytes.Equal(got, notes) {
				t.Errorf("the file given as --db changed: %q, %v", got, err)
			}
			for _, suffix := range []string{"-wal", "-shm", "-journal", ".lock"} {
				if _, err := os.Stat(junk + suffix); err == nil {
					t.Errorf("%s%s was created beside the file", junk, suffix)
				}
			}
			if cmd == "batch" {
				e.finishes(t, db, out)
				return
			}
			e.run(t, nil, "--db", db, "ingest", filepath.Join(e.inbox, "seeds")).ok(t)
			checkIntegrity(t, db, "after the rerun")
		})
	}
}

// faultLockedDatabase runs a batch while another program holds the
// database's write lock (BEGIN EXCLUSIVE). What a desk wants: a short
// hold (a backup, a sqlite3 shell) is waited out within the busy timeout
// and the batch succeeds; a hold past it ends the batch with one line
// saying the database is locked and to rerun, and nothing half-written.
func faultLockedDatabase(t *testing.T, e *faultEnv) {
	hold := func(t *testing.T, db string) (release func()) {
		t.Helper()
		raw := openRaw(t, db)
		conn, err := raw.Conn(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := conn.ExecContext(context.Background(), `BEGIN EXCLUSIVE`); err != nil {
			t.Fatal(err)
		}
		var released bool
		return func() {
			if released {
				return
			}
			released = true
			if _, err := conn.ExecContext(context.Background(), `ROLLBACK`); err != nil {
				t.Error(err)
			}
			conn.Close()
			raw.Close()
		}
	}

	t.Run("held past the busy timeout", func(t *testing.T) {
		db, out, before := e.firstRun(t)
		release := hold(t, db)
		r := e.batch(t, nil, db, e.inbox, out)
		release()
		r.errorLine(t, "database is locked", "another program holds the database's lock; rerun when it is done")
		checkIntegrity(t, db, "after the fault")
		if diff := cmp.Diff(before, dump(t, db)); diff != "" {
			t.Errorf("the database changed under another program's lock (-before +after):\n%s", diff)
		}
		e.finishes(t, db, out)
	})

	t.Run("held a moment", func(t *testing.T) {
		db, out, _ := e.firstRun(t)
		release := hold(t, db)
		// Released well inside the batch's 5 s busy timeout.
		timer := time.AfterFunc(500*time.Millisecond, release)
		defer timer.Stop()
		e.finishes(t, db, out)
	})
}
