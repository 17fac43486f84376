//go:build unix

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// killCommand starts bin with args and sends it SIGKILL as soon as ready
// returns true, which it is asked again and again while the command runs.
// It reports whether the kill landed while the command ran.
func killCommand(t *testing.T, bin string, ready func() bool, args ...string) bool {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = new(bytes.Buffer), new(bytes.Buffer)
	return killRunning(t, cmd, ready)
}

// runBin runs bin with args to a successful end and returns its stdout
// and how long it took.
func runBin(t *testing.T, bin string, args ...string) (string, time.Duration) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s%s", strings.Join(args, " "), err, &stdout, &stderr)
	}
	return stdout.String(), time.Since(start)
}

// afterDelay is a ready function for killCommand: true once delay passed.
func afterDelay(delay time.Duration) func() bool {
	return func() bool { time.Sleep(delay); return true }
}

// TestIngestKillAnywhere kills `ingest` of a 70-article folder with
// SIGKILL at moments spread over its run: each time the database passes
// the integrity check and the next ingest finishes the work, its database
// equal to that of an ingest never killed.
func TestIngestKillAnywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it some 20 times")
	}
	bin := buildCrosscheck(t)
	folder := filepath.Join(t.TempDir(), "bulk")
	bulkTopic(t, folder, "bulk-ingest", 14)
	fresh := func() string { return filepath.Join(t.TempDir(), "desk.db") }
	ingest := func(db string) []string { return []string{"--db", db, "ingest", folder} }

	refDB := fresh()
	stdout, refTime := runBin(t, bin, ingest(refDB)...)
	t.Logf("reference ingest: %s in %s", strings.TrimSpace(stdout), refTime.Round(time.Millisecond))
	refDump := dump(t, refDB)
	// The kill points are spread over the fastest of three runs: one run
	// slowed by other work on the machine put most of them after the end
	// of the runs that followed.
	for range 2 {
		if _, d := runBin(t, bin, ingest(fresh())...); d < refTime {
			refTime = d
		}
	}
	const spread = 10
	var delays []time.Duration
	for i := 1; i <= spread; i++ {
		delays = append(delays, refTime*time.Duration(i)/(spread+1))
	}
	mid := 0
	for _, delay := range delays {
		t.Run(fmt.Sprintf("kill@%s", delay.Round(time.Millisecond)), func(t *testing.T) {
			db := fresh()
			killed := killCommand(t, bin, afterDelay(delay), ingest(db)...)
			if killed {
				mid++
			}
			checkIntegrity(t, db, "after the kill")
			stdout, _ := runBin(t, bin, ingest(db)...)
			checkIntegrity(t, db, "after the next ingest")
			if diff := cmp.Diff(refDump, dump(t, db)); diff != "" {
				t.Errorf("database after kill and rerun differs from the reference (-want +got):\n%s", diff)
			}
			if again, _ := runBin(t, bin, ingest(db)...); !strings.Contains(again, " 0 new, 0 changed") {
				t.Errorf("the ingest after the rerun had work left: %s", again)
			}
			t.Logf("killed mid-run: %v; rerun: %s", killed, strings.TrimSpace(stdout))
		})
	}
	t.Logf("%d kill points, %d landed mid-run; reference ingest %s", len(delays), mid, refTime.Round(time.Millisecond))
	if mid < len(delays)/3 {
		t.Errorf("only %d of %d kills landed while the ingest ran", mid, len(delays))
	}
}

// TestReportKillAnywhere kills `report` while it replaces an older report
// of the topic: the file is then the old report or the new one, whole,
// never a part; the temporary file a kill leaves is removed by the next
// report to that file, which writes the new report.
func TestReportKillAnywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it some 20 times")
	}
	bin := buildCrosscheck(t)
	dir := t.TempDir()
	folder := filepath.Join(dir, "bulk")
	bulkTopic(t, folder, "bulk-report", 14)
	db := filepath.Join(dir, "desk.db")
	// The old report: the topic's first half.
	files, err := filepath.Glob(filepath.Join(folder, "c00[0-6]_*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles to ingest first: %v", err)
	}
	runBin(t, bin, append([]string{"--db", db, "ingest", "--topic", filepath.Join(folder, "topic.yaml")}, files...)...)
	out := filepath.Join(dir, "out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"bulk.html", "bulk.md"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(out, name)
			report := []string{"--db", db, "report", "--topic", "bulk-report", "-o", path}
			oldDB := filepath.Join(t.TempDir(), "old.db")
			copyFile(t, db, oldDB)
			runBin(t, bin, "--db", oldDB, "report", "--topic", "bulk-report", "-o", path)
			old, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			fullDB := filepath.Join(t.TempDir(), "full.db")
			copyFile(t, db, fullDB)
			runBin(t, bin, "--db", fullDB, "ingest", folder)
			newPath := filepath.Join(t.TempDir(), name)
			_, refTime := runBin(t, bin, "--db", fullDB, "report", "--topic", "bulk-report", "-o", newPath)
			// The fastest of three runs, as in TestIngestKillAnywhere.
			for range 2 {
				if _, d := runBin(t, bin, "--db", fullDB, "report", "--topic", "bulk-report", "-o", newPath); d < refTime {
					refTime = d
				}
			}
			want, err := os.ReadFile(newPath)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Equal(old, want) {
				t.Fatal("the old and new reports are the same")
			}
			report[1] = fullDB

			temps := func() []string {
				m, _ := filepath.Glob(filepath.Join(out, "."+name+".*"))
				return m
			}
			type point struct {
				name  string
				ready func() bool
			}
			var points []point
			for i := 1; i <= 6; i++ {
				d := refTime * time.Duration(i) / 7
				points = append(points, point{fmt.Sprintf("kill@%s", d.Round(time.Millisecond)), afterDelay(d)})
			}
			// Aimed at the write itself: as soon as the temporary file
			// exists, and once it holds some bytes.
			points = append(points,
				point{"kill-when-temp-created", func() bool { return len(temps()) > 0 }},
				point{"kill-when-temp-written", func() bool {
					for _, m := range temps() {
						if st, err := os.Stat(m); err == nil && st.Size() > 0 {
							return true
						}
					}
					return false
				}},
			)
			mid, left := 0, 0
			for _, p := range points {
				write(t, path, old)
				killed := killCommand(t, bin, p.ready, report...)
				if killed {
					mid++
				}
				got, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%s: %v", p.name, err)
				}
				if !bytes.Equal(got, old) && !bytes.Equal(got, want) {
					t.Errorf("%s: the report is neither the old one nor the new (%d bytes; old %d, new %d)", p.name, len(got), len(old), len(want))
				}
				left += len(temps())
				runBin(t, bin, report...)
				if got, _ := os.ReadFile(path); !bytes.Equal(got, want) {
					t.Errorf("%s: the report after a rerun is not the new one", p.name)
				}
				if m := temps(); len(m) != 0 {
					t.Errorf("%s: temporary files left after the rerun: %v", p.name, m)
				}
			}
			t.Logf("%d kill points, %d landed mid-run, %d temporary files left by kills and removed by the rerun; report %s",
				len(points), mid, left, refTime.Round(time.Millisecond))
			if mid < 2 {
				t.Errorf("only %d of %d kills landed while the report ran", mid, len(points))
			}
		})
	}
}

// copyFile copies a database file (closed, so without its WAL).
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	write(t, dst, b)
}
