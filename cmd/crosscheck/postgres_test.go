package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-news/crosscheck/store"
	"github.com/crosscheck-news/crosscheck/store/storetest"
)

// TestPostgresSameAsSQLite runs the commands on the seeds against a
// PostgreSQL database (a schema of the test's own on the server that
// storetest.Env names) and against a SQLite file: check, compare, topics
// and report say the same on both, and check's JSON is the golden one.
func TestPostgresSameAsSQLite(t *testing.T) {
	pg := storetest.FreshSchema(t)
	sqlite := filepath.Join(t.TempDir(), "desk.db")
	seeds := filepath.Join(repo, "seeds")

	// The two databases were written a moment apart.
	stamp := regexp.MustCompile(`"updated": "[0-9T:Z-]+"`)
	both := func(args ...string) string {
		t.Helper()
		var outs [2]string
		for i, db := range []string{sqlite, pg} {
			stdout, stderr, code := run(t, db, args...)
			if code != exitOK {
				t.Fatalf("%v on %s: exit %d, stderr:\n%s", args, store.Redact(db), code, stderr)
			}
			outs[i] = stamp.ReplaceAllString(stdout, `"updated": "…"`)
		}
		if diff := cmp.Diff(outs[0], outs[1]); diff != "" {
			t.Errorf("%v: PostgreSQL differs from SQLite (-sqlite +postgres):\n%s", args, diff)
		}
		return outs[1]
	}

	// A reading command on a database without crosscheck's tables is told
	// so, as for a missing file, and creates nothing.
	if _, stderr, code := run(t, pg, "topics"); code != exitUsage || !strings.HasPrefix(stderr, "crosscheck: no database at postgres://") {
		t.Errorf("topics on an empty database: exit %d, stderr %q; want %d and no database at", code, stderr, exitUsage)
	}

	golden(t, "seeds.json", both("check", seeds, "--format", "json"))

	// CROSSCHECK_DB names the server as --db does.
	t.Setenv("CROSSCHECK_DB", pg)
	var out, errb bytes.Buffer
	if code := Main(context.Background(), []string{"topics", "--format", "json"}, strings.NewReader(""), &out, &errb); code != exitOK || !strings.Contains(out.String(), `"id": "`+seedsTopic+`"`) {
		t.Errorf("topics with CROSSCHECK_DB: exit %d, stdout %s, stderr %s", code, out.String(), errb.String())
	}
	// A second check reads every article again and changes nothing.
	both("check", seeds, "--format", "json")
	both("compare", "--topic", seedsTopic, "--format", "json")
	both("compare", "--topic", seedsTopic, "--format", "md")
	if got := both("topics", "--format", "json"); !strings.Contains(got, `"articles": 5`) {
		t.Errorf("topics does not list the seeds' 5 articles:\n%s", got)
	}

	var reports [2][]byte
	for i, db := range []string{sqlite, pg} {
		file := filepath.Join(t.TempDir(), "report.md")
		if _, stderr, code := run(t, db, "report", "--topic", seedsTopic, "-o", file); code != exitOK {
			t.Fatalf("report on %s: exit %d, stderr:\n%s", store.Redact(db), code, stderr)
		}
		var err error
		if reports[i], err = os.ReadFile(file); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff(string(reports[0]), string(reports[1])); diff != "" {
		t.Errorf("report: PostgreSQL differs from SQLite (-sqlite +postgres):\n%s", diff)
	}
}

// TestPostgresBatch runs the nightly batch on the seeds as an inbox
// against PostgreSQL: the first run reports the topic with the same
// reports as on SQLite, the second has nothing to do, and while another
// session holds the batch lock a batch refuses to start, naming it.
func TestPostgresBatch(t *testing.T) {
	pg := storetest.FreshSchema(t)
	inbox := storyInbox(t, "seeds")

	sqlite := filepath.Join(t.TempDir(), "desk.db")
	outs := map[string]string{}
	for _, db := range []string{sqlite, pg} {
		out := filepath.Join(t.TempDir(), "reports")
		stdout, stderr, code := batch(t, db, inbox, out)
		if code != exitOK {
			t.Fatalf("batch on %s: exit %d, stderr:\n%s", store.Redact(db), code, stderr)
		}
		if want := "batch: 1 topics (1 reported), 5 articles read: 5 new, 0 changed, 0 removed, 0 unchanged, 0 skipped ("; !strings.HasPrefix(stdout, want) {
			t.Errorf("batch on %s: stdout %q, want prefix %q", store.Redact(db), stdout, want)
		}
		outs[db] = out
	}
	sq, pq := snapshot(t, outs[sqlite]), snapshot(t, outs[pg])
	if diff := cmp.Diff(names(sq), names(pq)); diff != "" {
		t.Fatalf("report files: PostgreSQL differs from SQLite (-sqlite +postgres):\n%s", diff)
	}
	for name := range sq {
		if diff := cmp.Diff(string(sq[name].data), string(pq[name].data)); diff != "" {
			t.Errorf("%s: PostgreSQL differs from SQLite (-sqlite +postgres):\n%s", name, diff)
		}
	}

	stdout, stderr, code := batch(t, pg, inbox, outs[pg])
	if code != exitOK || !strings.HasPrefix(stdout, "nothing to do: 1 topics, 5 articles, none changed since the last run (") {
		t.Errorf("second batch: exit %d, stdout %q, stderr:\n%s", code, stdout, stderr)
	}

	ctx := context.Background()
	lock, err := store.OpenServerLock(ctx, pg, "batch")
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	if ok, holder, err := lock.TryLock(ctx); err != nil || !ok {
		t.Fatalf("TryLock = %v, %q, %v", ok, holder, err)
	}
	_, stderr, code = batch(t, pg, inbox, outs[pg])
	busy := regexp.MustCompile(fmt.Sprintf(`^crosscheck: another batch is running on this database \(postgres://postgres@[^ ]+: crosscheck pid %d from [0-9.]+ since [0-9T:Z-]+\); wait for it or pass --wait DURATION\n$`, os.Getpid()))
	if code != exitFailure || !busy.MatchString(stderr) {
		t.Errorf("batch while locked: exit %d, stderr %q; want %d and %s", code, stderr, exitFailure, busy)
	}
	if err := lock.Close(); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := batch(t, pg, inbox, outs[pg]); code != exitOK {
		t.Errorf("batch after unlock: exit %d, stderr:\n%s", code, stderr)
	}
}
