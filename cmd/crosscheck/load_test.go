//go:build unix

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/cmd/crosscheck/internal/nightly"
)

// The load test's size. CI runs a small inbox; the figure in
// docs/reliability.md is from a run by hand at the size issue 9 names:
//
//	go test ./cmd/crosscheck -run TestLoadReadersBesideBatch -load-topics 200 -load-articles 50 -v
var (
	loadTopics   = flag.Int("load-topics", 24, "topics in TestLoadReadersBesideBatch's inbox")
	loadArticles = flag.Int("load-articles", 12, "articles per topic in TestLoadReadersBesideBatch's inbox")
)

// loadReaders is how many reading commands run at once beside the batch.
const loadReaders = 8

// loadState is what the reading commands print for one topic at one
// state of the database.
type loadState struct{ compare, facts, report string }

// TestLoadReadersBesideBatch runs 8 reading commands (compare, facts,
// report) in a loop beside a batch, and a check on another story into the
// same database. While the first batch creates the database, a reader
// may find no database or no topic yet, never a lock error or a half
// output. Then every topic loses one article (one transaction each) and
// a second batch runs: each reader's output must be the topic's output
// before that batch or after it, byte for byte, never "database is locked".
func TestLoadReadersBesideBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it hundreds of times")
	}
	bin := buildCrosscheck(t)
	dir := t.TempDir()
	inbox := filepath.Join(dir, "inbox")
	n, _, err := nightly.GenerateInbox(inbox, *loadTopics, *loadArticles, 9)
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "desk.db")
	out := filepath.Join(dir, "out")
	topicIDs := make([]string, *loadTopics)
	for i := range topicIDs {
		topicIDs[i] = fmt.Sprintf("bench-%04d", i+1)
	}
	// The readers ask about a sample of the topics, spread over the
	// inbox, so the states to compare with stay few.
	var sample []string
	for i := 0; i < len(topicIDs); i += max(1, len(topicIDs)/8) {
		sample = append(sample, topicIDs[i])
	}

	var (
		mu       sync.Mutex
		requests int
		lockErrs int
	)
	readerDir := t.TempDir()
	// read runs one reading command as reader r and returns its exit code,
	// output (stdout, or the report file) and stderr.
	read := func(r int, cmdName, topic string) (int, string, string) {
		args := []string{"--db", db, cmdName, "--topic", topic}
		report := filepath.Join(readerDir, fmt.Sprintf("reader%d.html", r))
		switch cmdName {
		case "compare", "facts":
			args = append(args, "--format", "json")
		case "report":
			args = append(args, "-o", report)
		}
		cmd := exec.Command(bin, args...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		var ee *exec.ExitError
		switch {
		case errors.As(err, &ee):
			code = ee.ExitCode()
		case err != nil:
			t.Errorf("%s: %v", strings.Join(args, " "), err)
			return -1, "", ""
		}
		mu.Lock()
		requests++
		if strings.Contains(stderr.String(), "locked") || strings.Contains(stderr.String(), "busy") {
			lockErrs++
		}
		mu.Unlock()
		got := stdout.String()
		if cmdName == "report" && code == 0 {
			b, err := os.ReadFile(report)
			if err != nil {
				t.Errorf("reader %d: report: %v", r, err)
			}
			got = string(b)
		}
		return code, got, stderr.String()
	}
	// readBeside runs the readers until stop is closed; check judges each
	// answer and returns what is wrong with it ("" when nothing).
	readBeside := func(stop <-chan struct{}, check func(cmdName, topic string, code int, out, stderr string) string) *sync.WaitGroup {
		var wg sync.WaitGroup
		for r := 0; r < loadReaders; r++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				rnd := rand.New(rand.NewPCG(uint64(r), 1))
				cmds := []string{"compare", "facts", "report"}
				for i := 0; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					cmdName, topic := cmds[(r+i)%len(cmds)], sample[rnd.IntN(len(sample))]
					code, out, stderr := read(r, cmdName, topic)
					if msg := check(cmdName, topic, code, out, stderr); msg != "" {
						t.Errorf("reader %d, %s --topic %s: %s", r, cmdName, topic, msg)
					}
				}
			}()
		}
		return &wg
	}
	// runBatch runs a batch beside the readers, stops them, and only then
	// fails the test if the batch failed: a reader must not report into a
	// finished test.
	runBatch := func(name string, stop chan struct{}, wg *sync.WaitGroup) (string, time.Duration) {
		var stdout, stderr bytes.Buffer
		cmd := exec.Command(bin, "--db", db, "batch", "--inbox", inbox, "--out", out)
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		start := time.Now()
		err := cmd.Run()
		took := time.Since(start)
		close(stop)
		wg.Wait()
		if err != nil {
			t.Fatalf("%s batch: %v\n%s%s", name, err, &stdout, &stderr)
		}
		return strings.TrimSpace(stdout.String()), took
	}

	// The first batch, from nothing.
	stop := make(chan struct{})
	wg := readBeside(stop, func(cmdName, topic string, code int, out, stderr string) string {
		switch {
		case strings.Contains(stderr, "locked"):
			return "lock error: " + stderr
		case code == exitUsage && (strings.Contains(stderr, "no database at") || strings.Contains(stderr, "no topic")):
			return "" // not there yet
		case code != exitOK:
			return fmt.Sprintf("exit %d: %s", code, stderr)
		case cmdName == "report" && !strings.HasSuffix(out, "</html>\n"):
			return "a report that does not end its document"
		case cmdName != "report" && !json.Valid([]byte(out)):
			return "output that is not JSON"
		}
		return ""
	})
	stdout, first := runBatch("first", stop, wg)
	mu.Lock()
	firstRequests, firstLocks := requests, lockErrs
	mu.Unlock()
	t.Logf("first batch: %s in %s; %d reader requests beside it, %d lock errors", stdout, first.Round(time.Millisecond), firstRequests, firstLocks)

	// Each topic's state now, then one article fewer per topic.
	state := func() map[string]loadState {
		m := map[string]loadState{}
		for _, id := range sample {
			var s loadState
			for _, c := range []string{"compare", "facts", "report"} {
				code, out, stderr := read(0, c, id)
				if code != exitOK {
					t.Fatalf("%s --topic %s: exit %d: %s", c, id, code, stderr)
				}
				switch c {
				case "compare":
					s.compare = out
				case "facts":
					s.facts = out
				default:
					s.report = out
				}
			}
			m[id] = s
		}
		return m
	}
	before := state()
	for _, id := range topicIDs {
		if err := os.Remove(filepath.Join(inbox, id, fmt.Sprintf("%04d.txt", *loadArticles))); err != nil {
			t.Fatal(err)
		}
	}
	// The answers of the second phase are kept and judged once the
	// batch is over and the after state known.
	type answer struct{ cmdName, topic, out string }
	var answers []answer
	ferry := filepath.Join(repo, "testdata", "ferry")
	var checkAlone bytes.Buffer
	if code := Main(context.Background(), []string{"--db", filepath.Join(t.TempDir(), "alone.db"), "check", ferry, "--format", "json"},
		strings.NewReader(""), &checkAlone, new(bytes.Buffer)); code != exitOK {
		t.Fatalf("check alone: exit %d", code)
	}
	stop = make(chan struct{})
	wg = readBeside(stop, func(cmdName, topic string, code int, out, stderr string) string {
		if code != exitOK {
			return fmt.Sprintf("exit %d: %s", code, stderr)
		}
		mu.Lock()
		answers = append(answers, answer{cmdName, topic, out})
		mu.Unlock()
		return ""
	})
	checkDone := make(chan string, 1)
	go func() {
		var o, e bytes.Buffer
		// After the batch has started: the check's writes go between the
		// batch's.
		time.Sleep(first / 4)
		cmd := exec.Command(bin, "--db", db, "check", ferry, "--format", "json")
		cmd.Stdout, cmd.Stderr = &o, &e
		if err := cmd.Run(); err != nil {
			checkDone <- fmt.Sprintf("check beside the batch: %v: %s", err, &e)
			return
		}
		if o.String() != checkAlone.String() {
			checkDone <- "check beside the batch printed other than check alone"
			return
		}
		checkDone <- ""
	}()
	stdout, second := runBatch("second", stop, wg)
	if msg := <-checkDone; msg != "" {
		t.Error(msg)
	}
	after := state()
	var wasBefore, wasAfter int
	for _, a := range answers {
		b, f := before[a.topic], after[a.topic]
		var wb, wa string
		switch a.cmdName {
		case "compare":
			wb, wa = b.compare, f.compare
		case "facts":
			wb, wa = b.facts, f.facts
		default:
			wb, wa = b.report, f.report
		}
		switch {
		case wb == wa:
			t.Fatalf("%s --topic %s: the second batch changed nothing", a.cmdName, a.topic)
		case a.out == wb:
			wasBefore++
		case a.out == wa:
			wasAfter++
		default:
			t.Errorf("%s --topic %s beside the batch: neither the state before it nor after it (%d bytes)", a.cmdName, a.topic, len(a.out))
		}
	}
	mu.Lock()
	defer mu.Unlock()
	t.Logf("second batch: %s in %s; %d reader answers beside it (%d the state before, %d after); check beside it ok",
		stdout, second.Round(time.Millisecond), len(answers), wasBefore, wasAfter)
	t.Logf("%d topics × %d articles (%d); %d reader requests beside the batches, %d lock errors", *loadTopics, *loadArticles, n, firstRequests+len(answers), lockErrs)
	if lockErrs != 0 {
		t.Errorf("%d reader requests met a lock error", lockErrs)
	}
	if len(answers) == 0 || firstRequests == 0 {
		t.Errorf("the readers made no requests beside a batch (%d, %d)", firstRequests, len(answers))
	}
}
