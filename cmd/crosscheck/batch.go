package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/compare/render"
	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/store"
)

// batchOptions are the flags of "crosscheck batch".
type batchOptions struct {
	*globals
	Inbox     string
	Out       string
	Wait      time.Duration
	FailOn    string
	LogFormat string
	Workers   int
	// EnqueueOnly: on PostgreSQL, enqueue the run's jobs and leave them
	// to workers instead of also working them.
	EnqueueOnly bool
}

func newBatchCmd(g *globals) *cobra.Command {
	o := &batchOptions{globals: g}
	cmd := &cobra.Command{
		Use:   "batch --inbox DIR --out DIR",
		Short: "Bring every topic of an inbox up to date: ingest, compare, write reports and an index",
		Long: `batch is the nightly run. The inbox holds one folder per topic (its topic.yaml
and its articles; articles may be added, changed or deleted between runs). Only
new or changed articles are read into the database (by content hash), deleted
ones are retired, and a topic is compared and its reports (HTML, Markdown,
JSON) rewritten only when something in it changed. The out folder also gets
index.html, topics by severity with what changed since the last run.

Running it twice in a row does nothing the second time and says so. One batch
runs per database at a time; a second one exits with a message, or waits with
--wait. A batch killed at any moment leaves the database consistent, and the
next run finishes its work.

With a PostgreSQL --db the run is a set of jobs, one per topic folder, in a
queue kept on the server: batch enqueues them and works them itself until
the run is done, and any number of 'crosscheck worker' processes, on any
machines that see the inbox and out folders, take them too. With
--enqueue-only it exits once they are enqueued (docs/nightly.md).

Exit codes: 0 done, 1 failure (or --fail-on contradiction with a topic in
contradiction), 2 usage, 3 partial (some files could not be read; each is
recorded in the run and named in the log).`,
		Example: `  crosscheck batch --inbox /srv/desk/inbox --out /srv/desk/reports
  crosscheck --db /srv/desk/desk.db batch --inbox inbox --out reports --log-format json
  crosscheck batch --inbox inbox --out reports --wait 10m --fail-on contradiction
  crosscheck --db postgres://desk@db.example/crosscheck batch --inbox /srv/inbox --out /srv/reports --enqueue-only`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runBatch(cmd.Context(), o) },
	}
	cmd.Flags().StringVar(&o.Inbox, "inbox", "", "inbox `folder`: one sub-folder per topic (required)")
	cmd.Flags().StringVar(&o.Out, "out", "", "report `folder` (required)")
	cmd.Flags().DurationVar(&o.Wait, "wait", 0, "wait up to this `duration` for a running batch to finish")
	cmd.Flags().StringVar(&o.FailOn, "fail-on", "", "exit 1 when any topic has a `status`: contradiction")
	cmd.Flags().StringVar(&o.LogFormat, "log-format", "text", "log `format` on stderr: text or json")
	addReadFlags(cmd, g)
	cmd.Flags().IntVar(&o.Workers, "workers", runtime.NumCPU(), "articles extracted in parallel")
	cmd.Flags().BoolVar(&o.EnqueueOnly, "enqueue-only", false, "PostgreSQL only: enqueue one job per topic folder and exit, leaving them to 'crosscheck worker'")
	return cmd
}

// batchStats counts a run's work.
type batchStats struct {
	Topics, Reported                    int
	Seen, New, Changed, Unchanged, Gone int
	Errors                              []store.RunError
}

func runBatch(ctx context.Context, o *batchOptions) error {
	switch {
	case o.Inbox == "" || o.Out == "":
		return usagef("--inbox and --out are required")
	case o.FailOn != "" && o.FailOn != "contradiction":
		return usagef("--fail-on %q: only contradiction is supported", o.FailOn)
	case o.LogFormat != "text" && o.LogFormat != "json":
		return usagef("--log-format %q: want text or json", o.LogFormat)
	case o.EnqueueOnly && !store.IsPostgres(o.DBPath):
		return usagef("--enqueue-only needs a PostgreSQL --db (postgres://...): on SQLite the batch runs in one process")
	}
	if o.Workers < 1 {
		o.Workers = 1
	}
	o.logJSON = o.LogFormat == "json"
	// A batch allocates about a megabyte per article and keeps little of
	// it alive (one topic at a time), so at the default GOGC=100 the
	// collector ran every few megabytes and took a third of the run
	// (docs/performance.md). Collect less often, under a soft memory cap,
	// unless the environment says otherwise.
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(256 << 20))
	}
	log := newLogger(o.Stderr, o.LogFormat)
	topicDirs, err := inboxTopics(o.Inbox)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return fmt.Errorf("out folder: %w", err)
	}
	lock, err := lockBatch(ctx, o.DBPath, o.Wait)
	if err != nil {
		return err
	}
	defer lock.unlock()
	if store.IsPostgres(o.DBPath) {
		// On a server the run is a set of jobs that any number of
		// workers take (queue.go).
		return runQueuedBatch(ctx, o, log, topicDirs)
	}
	// Under the lock no other batch writes to out: temporary files left
	// there belong to a batch that was killed mid-write.
	removeStaleTemps(o.Out, 0)
	db, err := o.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	runID, err := db.StartRun(ctx, "batch", version())
	if err != nil {
		return err
	}
	start := time.Now()
	b := &batcher{o: o, db: db, log: log, present: map[string]bool{}, adopted: map[string]bool{}}
	if b.folders, err = db.TopicFolders(ctx); err != nil {
		return err
	}
	for _, d := range topicDirs {
		b.present[filepath.Base(d)] = true
	}
	var st batchStats
	topicDirs, b.runIDs, st.Errors = refuseSharedIDs(topicDirs)
	for _, e := range st.Errors {
		log.Error("topic skipped", "dir", e.File, "error", e.Message)
	}
	b.progress = newProgress(o, topicDirs)
	entries, runErr := b.topics(ctx, topicDirs, &st)
	b.progress.finish()
	// The index is rewritten when a topic was reported, when files could
	// not be read (it lists them), or when there is none yet.
	if runErr == nil && (st.Reported > 0 || len(st.Errors) > 0 || !exists(filepath.Join(o.Out, "index.html"))) {
		runErr = writeIndex(o.Out, entries, st, time.Now())
	}
	// The topics' changes are marked reported only once the index that
	// lists them is written, all in one transaction: a run killed before
	// leaves them pending, and the next run reports them and writes an
	// index that says what changed, instead of finding nothing to do and
	// leaving a stale index.
	if runErr == nil && len(b.reported) > 0 {
		runErr = db.MarkAllReported(ctx, b.reported)
	}
	if err := finishRun(ctx, db, runID, store.RunResult{
		Seen: st.Seen, New: st.New, Changed: st.Changed, Unchanged: st.Unchanged, Errors: st.Errors,
	}, runErr); err != nil && runErr == nil {
		runErr = err
	}
	if runErr != nil {
		return runErr
	}
	return batchSummary(o, st, entries, time.Since(start))
}

// batchSummary prints a finished run's closing line and returns the
// run's exit error: partial when files could not be read, failure for
// --fail-on contradiction with a topic in contradiction.
func batchSummary(o *batchOptions, st batchStats, entries []render.IndexTopic, elapsed time.Duration) error {
	if st.New+st.Changed+st.Gone == 0 && st.Reported == 0 {
		fmt.Fprintf(o.Stdout, "nothing to do: %d topics, %d articles, none changed since the last run (%s)\n",
			st.Topics, st.Seen, elapsed.Round(time.Millisecond))
	} else {
		fmt.Fprintf(o.Stdout, "batch: %d topics (%d reported), %d articles read: %d new, %d changed, %d removed, %d unchanged, %d skipped (%s, %.0f articles/s)\n",
			st.Topics, st.Reported, st.Seen, st.New, st.Changed, st.Gone, st.Unchanged, len(st.Errors),
			elapsed.Round(time.Millisecond), float64(st.Seen)/elapsed.Seconds())
	}
	if len(st.Errors) > 0 {
		return fmt.Errorf("%d files could not be read: %w", len(st.Errors), errPartial)
	}
	if o.FailOn == "contradiction" {
		for _, e := range entries {
			if e.Summary.Contradiction > 0 {
				return fmt.Errorf("topic %s has %d contradictions (--fail-on contradiction)", e.ID, e.Summary.Contradiction)
			}
		}
	}
	return nil
}

func exists(path string) bool { _, err := os.Stat(path); return err == nil }

// removeStaleTemps removes the temporary files writeFileAtomic leaves
// behind when a process dies between creating and renaming them
// (".index.html.123456"), those last written more than olderThan ago
// (0: all).
func removeStaleTemps(out string, olderThan time.Duration) {
	entries, err := os.ReadDir(out)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if !strings.HasPrefix(n, ".") || !e.Type().IsRegular() {
			continue
		}
		if olderThan > 0 {
			if info, err := e.Info(); err != nil || time.Since(info.ModTime()) < olderThan {
				continue
			}
		}
		for _, ext := range []string{".html.", ".md.", ".json."} {
			if strings.Contains(n, ext) {
				_ = os.Remove(filepath.Join(out, n))
				break
			}
		}
	}
}

// inboxTopics lists the topic folders of an inbox, sorted.
func inboxTopics(inbox string) ([]string, error) {
	entries, err := os.ReadDir(inbox)
	if err != nil {
		return nil, fmt.Errorf("inbox: %w", err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		path := filepath.Join(inbox, e.Name())
		if e.Type()&os.ModeSymlink != 0 {
			// A linked topic folder is followed, as a linked article is.
			if st, err := os.Stat(path); err == nil && st.IsDir() {
				out = append(out, path)
			}
			continue
		}
		if e.IsDir() {
			out = append(out, path)
		}
	}
	sort.Strings(out)
	if len(out) == 0 {
		// An inbox holds one folder per topic; a topic folder given as
		// the inbox would otherwise be "0 topics" and exit 0.
		if files, err := articleFiles([]string{inbox}); err == nil && len(files) > 0 {
			return nil, &usageError{fmt.Errorf("--inbox %s holds articles but no topic folders; the inbox holds one folder per topic (pass its parent folder)", inbox)}
		}
	}
	return out, nil
}

// refuseSharedIDs keeps the topic folders whose topic id no other folder
// has. Two folders with one id ("Moscow Talks/" and "moscow-talks/", or
// one topic.yaml copied into two) would be merged into one topic and undo
// each other night after night; both are left out, each with an error
// naming the other, and nothing of either is read. A folder whose topic
// file cannot be read stays: the run reports that error in its place. A
// topic id that cannot name report files in the out folder ("index",
// whose report would be overwritten by the run's index, or a name too
// long for the file system) is refused too. ids holds every topic id of
// the inbox, kept or not.
func refuseSharedIDs(dirs []string) (kept []string, ids map[string]bool, errs []store.RunError) {
	byID := map[string][]string{}
	idOf := make([]string, len(dirs))
	ids = map[string]bool{}
	for i, d := range dirs {
		if path := findTopicFile(d); path != "" {
			lt, err := loadTopicFile(path)
			if err != nil {
				continue
			}
			idOf[i] = lt.topic.ID
		} else if t, _, err := facts.TopicFor(d, nil); err == nil {
			idOf[i] = t.ID
		}
		if idOf[i] != "" {
			byID[idOf[i]] = append(byID[idOf[i]], d)
			ids[idOf[i]] = true
		}
	}
	for i, d := range dirs {
		if msg := unsafeReportName(idOf[i]); msg != "" {
			errs = append(errs, store.RunError{File: d, Message: msg})
			continue
		}
		others := byID[idOf[i]]
		if len(others) < 2 {
			kept = append(kept, d)
			continue
		}
		errs = append(errs, store.RunError{File: d, Message: fmt.Sprintf(
			"topic id %q is also the id of %s; give each folder its own id (a topic.yaml with id:, or another folder name); neither was read",
			idOf[i], strings.Join(without(others, d), " and "))})
	}
	return kept, ids, errs
}

// maxReportName bounds a topic id so that its report files (the id and
// ".html") fit the 255-byte names of common file systems.
const maxReportName = 200

// unsafeReportName says why a topic id cannot name the topic's report
// files in the out folder, or "" when it can. Topic files are validated
// already; this guards the ids made from folder names, and whatever a
// later change lets through, so that no id ever writes outside --out.
func unsafeReportName(id string) string {
	switch {
	case id == "":
		return ""
	case !facts.ValidID(id) || filepath.Base(id) != id:
		return fmt.Sprintf("topic id %q cannot name report files; use lower-case letters, digits, '.', '-' and '_' (a topic.yaml with id:); not read", id)
	case len(id) > maxReportName:
		return fmt.Sprintf("topic id of %d bytes is too long for report file names (at most %d); give the folder a topic.yaml with a shorter id:; not read", len(id), maxReportName)
	case id == "index":
		return `topic id "index" would be overwritten by the run's index.html; give the folder a topic.yaml with another id:; not read`
	}
	return ""
}

func without(list []string, s string) []string {
	var out []string
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

func countFiles(dirs []string) int {
	n := 0
	for _, d := range dirs {
		if fs, err := articleFiles([]string{d}); err == nil {
			n += len(fs)
		}
	}
	return n
}

// batcher carries what every topic of a run shares.
type batcher struct {
	o        *batchOptions
	db       *store.DB
	log      *slog.Logger
	progress *progress
	// reported are the topics whose reports this run wrote, to be marked
	// reported once the index is written.
	reported []store.Reported
	// folders maps each topic the batch read before this run to its inbox
	// folder's name; present holds this run's folder names and runIDs its
	// topic ids. Together they find a renamed folder's topic, and the
	// topic of a folder whose topic file broke.
	folders map[string]string
	present map[string]bool
	runIDs  map[string]bool
	// adopted are the topics a renamed folder took over in this run, so
	// that no second folder takes the same one.
	adopted map[string]bool
}

// readResult is one article file read, parsed and extracted by a worker.
type readResult struct {
	path    string
	id      string
	hash    string
	article facts.Article
	facts   []facts.Fact
	skip    bool // unchanged: same hash as stored
	// undated: parsed but not yet extracted, waiting for the story's
	// date (the article has none, nor does the topic).
	undated bool
	// stamp is the file's new stamp, to record once the article is
	// stored; nil when the file was not read.
	stamp *store.FileStamp
	err   error
}

// topicJob is one topic folder on its way through the batch. Topics
// overlap in three stages, each taking the topics in sorted order:
//
//  1. prepare (its own goroutine and the read workers): load the topic
//     file, look up the stored hashes, read, parse and extract the
//     changed articles. It writes nothing.
//  2. store (the runBatch goroutine): every database write of the topic
//     (topic record, re-extraction, articles, removals), in the same
//     order as a topic-at-a-time run.
//  3. finish (its own goroutine): compare, write the reports atomically
//     and build the index entry; it also emits the topic's log lines, so
//     the log reads as if topics ran one after another.
//
// While topic n is compared and reported, topic n+1 is stored and topic
// n+2 read and extracted. Stages 2 and 3 share the one database
// connection; stage 3 only reads topic n, which stage 2 does not write
// (a folder whose topic id was already seen waits until the earlier one
// is finished). Changes are still marked reported only by runBatch, after
// the index.
type topicJob struct {
	dir string

	// Set by prepare.
	lt       loadedTopic
	in       *ingester
	hashes   map[string]string
	stamps   map[string]store.FileStamp
	results  []readResult
	badTopic *store.RunError // the topic file is unusable: skipped
	// renamedFrom is the folder name a renamed topic folder had, whose
	// topic (and id) it keeps.
	renamedFrom string

	// Set by store.
	pending []store.Change
	prev    store.TopicResult
	reports map[string]string
	entry   *render.IndexTopic // set when the topic needs no report
	logs    []func()           // log lines, emitted by finish in order
	problem string             // what the index says is wrong with the folder

	err error // stops the run; earlier topics are finished first
}

func (j *topicJob) log(f func()) { j.logs = append(j.logs, f) }

// topics brings every topic folder up to date, in order, and returns the
// index entries. Errors in files are recorded in st; other errors stop
// the run after the topics before the failing one are finished.
func (b *batcher) topics(ctx context.Context, dirs []string, st *batchStats) ([]render.IndexTopic, error) {
	pctx, cancel := context.WithCancel(ctx)
	defer cancel()
	prepared := make(chan *topicJob, 1)
	stored := make(chan *topicJob, 1)

	// Stage 1: prepare.
	go func() {
		defer close(prepared)
		for _, dir := range dirs {
			j := &topicJob{dir: dir}
			b.prepare(pctx, j)
			failed := j.err != nil // j belongs to the next stage once sent
			select {
			case prepared <- j:
			case <-pctx.Done():
				return
			}
			if failed {
				return
			}
		}
	}()

	// Stage 3: finish.
	var (
		entries  []render.IndexTopic
		reported int
		finErr   error
		finished = make(chan struct{})
	)
	go func() {
		defer close(finished)
		for j := range stored {
			if finErr == nil {
				e, err := b.finish(ctx, j)
				if err != nil {
					finErr = err
					cancel()
				} else if e != nil {
					entries = append(entries, *e)
					if e.Changed {
						reported++
					}
				}
			}
		}
	}()

	// Stage 2: store.
	for j := range prepared {
		if j.err == nil {
			b.store(pctx, j, st)
		}
		failed := j.err != nil // j belongs to the next stage once sent
		select {
		case stored <- j:
		case <-pctx.Done():
		}
		if failed || pctx.Err() != nil {
			break
		}
	}
	close(stored)
	<-finished
	cancel()
	for range prepared { // let stage 1 end
	}
	st.Reported += reported
	return entries, finErr
}

// topic brings one topic folder up to date with the stages of topics one
// after another: the job a queue worker runs (queue.go). It returns the
// topic's index entry (nil for a skipped folder); b.reported gets the
// topic once its reports are written.
func (b *batcher) topic(ctx context.Context, dir string, st *batchStats) (*render.IndexTopic, error) {
	j := &topicJob{dir: dir}
	b.prepare(ctx, j)
	if j.err == nil {
		b.store(ctx, j, st)
	}
	e, err := b.finish(ctx, j)
	if err == nil && e != nil && e.Changed {
		st.Reported++
	}
	return e, err
}

// prepare loads a topic folder's topic file and reads, parses and
// extracts its new and changed articles. It writes nothing. No two
// folders of a run share a topic id (refuseSharedIDs), so topics never
// wait for one another.
func (b *batcher) prepare(ctx context.Context, j *topicJob) {
	path := findTopicFile(j.dir)
	if path == "" {
		t, src, err := facts.TopicFor(j.dir, nil)
		if err != nil {
			j.err = err
			return
		}
		if old, ok := b.renamedFrom(ctx, j.dir, t.ID); ok {
			if t, src, err = facts.TopicNamed(old, t.Title, nil); err != nil {
				j.err = err
				return
			}
			j.renamedFrom = b.folders[old]
		}
		j.lt = loadedTopic{topic: t, src: src, path: j.dir}
	} else {
		lt, err := loadTopicFile(path)
		if err != nil {
			if errors.Is(err, facts.ErrBadInput) {
				j.badTopic = &store.RunError{File: path, Message: err.Error()}
				return
			}
			j.err = err
			return
		}
		j.lt = lt
	}
	tid := j.lt.topic.ID
	x, err := facts.NewExtractor(j.lt.topic)
	if err != nil {
		j.err = err
		return
	}
	j.in = &ingester{db: b.db, topic: j.lt, x: x, read: b.o.Read, stderr: io.Discard}
	// The stored hashes of this topic: the runBatch goroutine may be
	// storing an earlier topic meanwhile, never this one, and
	// re-extraction (when the topic file changed) keeps the hashes.
	if j.hashes, err = b.db.CurrentHashes(ctx, tid); err != nil {
		j.err = err
		return
	}
	if j.stamps, err = b.db.FileStamps(ctx, tid); err != nil {
		j.err = err
		return
	}
	files, err := articleFiles([]string{j.dir})
	if err != nil {
		j.err = err
		return
	}
	j.results = b.readAll(ctx, j.in, files, j.hashes, j.stamps)
	if err := b.extractUndated(ctx, j.in, j.results); err != nil {
		j.err = err
	}
}

// store makes a prepared topic's database writes: the topic record, its
// re-extraction when the topic file changed, new and changed articles and
// removals; then it decides whether the topic needs a report. Errors in
// files are recorded in st; other errors are left in j.err.
func (b *batcher) store(ctx context.Context, j *topicJob, st *batchStats) {
	j.err = b.storeTopic(ctx, j, st)
}

func (b *batcher) storeTopic(ctx context.Context, j *topicJob, st *batchStats) error {
	if j.badTopic != nil {
		e := *j.badTopic
		j.log(func() { b.log.Error("topic skipped", "dir", j.dir, "error", e.Message) })
		st.Errors = append(st.Errors, e)
		return b.lastReport(ctx, j)
	}
	lt, in := j.lt, j.in
	st.Topics++
	tid := lt.topic.ID
	if j.renamedFrom != "" {
		from := j.renamedFrom
		j.log(func() {
			b.log.Info("topic folder renamed; the topic keeps its id and history", "topic", tid, "from", from, "to", filepath.Base(j.dir))
		})
	}
	rec := lt.record()
	rec.Folder = filepath.Base(j.dir)
	if _, err := b.db.PutTopic(ctx, rec); err != nil {
		return fmt.Errorf("topic %s: %w", tid, err)
	}
	if len(j.results) == 0 {
		j.problem = "the folder holds no article files"
		j.log(func() { b.log.Warn("topic folder holds no article files", "topic", tid, "dir", j.dir) })
	}
	pending, err := b.db.PendingChanges(ctx, tid)
	if err != nil {
		return err
	}
	for _, c := range pending {
		if c.Kind == "topic" {
			// The topic file changed (now or in a run that died before its
			// reports): every stored article is extracted again. Extraction
			// is deterministic, so doing it twice changes nothing.
			if err := in.reextract(ctx); err != nil {
				return err
			}
			break
		}
	}
	hashes := j.hashes
	seen := map[string]bool{}
	var stamps []store.FileStamp // written after the articles they vouch for
	for _, r := range j.results {
		st.Seen++
		b.progress.add(1)
		if r.err != nil {
			if !fileError(r.err) {
				return r.err
			}
			path, reason := r.path, inputReason(r.err)
			j.log(func() { b.log.Error("file skipped", "topic", tid, "file", path, "error", reason) })
			st.Errors = append(st.Errors, store.RunError{File: r.path, Message: r.err.Error()})
			if r.id != "" {
				seen[r.id] = true // keep what is stored; an unreadable file is not a deletion
			}
			continue
		}
		if seen[r.id] {
			err := &facts.InputError{File: r.path, Reason: fmt.Sprintf("article id %q is used by another file", r.id)}
			st.Errors = append(st.Errors, store.RunError{File: r.path, Message: err.Error()})
			continue
		}
		seen[r.id] = true
		if r.stamp != nil {
			stamps = append(stamps, *r.stamp)
		}
		if r.skip {
			st.Unchanged++
			continue
		}
		res, err := b.db.SaveArticle(ctx, tid, r.article, r.facts)
		if err != nil {
			return fmt.Errorf("save %s: %w", r.path, err)
		}
		switch res.Status {
		case store.New:
			st.New++
		case store.Changed:
			st.Changed++
		default:
			st.Unchanged++
		}
	}
	j.results = nil // the articles are stored; let them be collected
	if err := b.db.PutFileStamps(ctx, tid, stamps); err != nil {
		return err
	}
	var gone []string
	for id := range hashes {
		if !seen[id] {
			gone = append(gone, id)
		}
	}
	sort.Strings(gone)
	for _, id := range gone {
		if err := b.db.RemoveArticle(ctx, tid, id); err != nil {
			return fmt.Errorf("remove %s/%s: %w", tid, id, err)
		}
		st.Gone++
	}
	if j.pending, err = b.db.PendingChanges(ctx, tid); err != nil {
		return err
	}
	prev, hadPrev, err := b.db.TopicResultOf(ctx, tid)
	if err != nil {
		return err
	}
	j.prev = prev
	j.reports = reportPaths(b.o.Out, tid)
	lastVerdict, err := b.db.LastVerdictID(ctx, tid)
	if err != nil {
		return err
	}
	// A verdict given since the last reports is news too: they must show it.
	if len(j.pending) == 0 && hadPrev && exists(j.reports["html"]) && lastVerdict <= prev.VerdictsSeen {
		j.log(func() { b.log.Info("topic unchanged", "topic", tid) })
		var sum compare.Summary
		if err := json.Unmarshal(prev.Summary, &sum); err != nil {
			// What the last reports said cannot be read back: report the
			// topic again rather than show a blank row on the index.
			j.log(func() { b.log.Warn("stored summary unreadable; reporting again", "topic", tid, "error", err) })
			return nil
		}
		j.entry = &render.IndexTopic{ID: tid, Title: lt.topic.Title, Summary: sum, Reports: relReports(j.reports), Contradictions: prev.Contradictions}
		if len(prev.Verdicts) > 0 {
			if err := json.Unmarshal(prev.Verdicts, &j.entry.Verdicts); err != nil {
				j.log(func() { b.log.Warn("stored verdict counts unreadable; reporting again", "topic", tid, "error", err) })
				j.entry = nil
			}
		}
	}
	return nil
}

// lastReport keeps a topic on the index when its folder's topic file can
// no longer be read: the topic the folder last held shows with its last
// reports and the reason they are not new. A folder never read before
// has no row; the run's error list names it.
func (b *batcher) lastReport(ctx context.Context, j *topicJob) error {
	folder := filepath.Base(j.dir)
	for id, f := range b.folders {
		if f != folder {
			continue
		}
		prev, ok, err := b.db.TopicResultOf(ctx, id)
		if err != nil || !ok {
			return err
		}
		rec, err := b.db.Topic(ctx, id)
		if err != nil {
			return err
		}
		reports := reportPaths(b.o.Out, id)
		var sum compare.Summary
		if !exists(reports["html"]) || json.Unmarshal(prev.Summary, &sum) != nil {
			return nil // nothing of the last run to show
		}
		j.entry = &render.IndexTopic{ID: id, Title: rec.Title, Summary: sum, Reports: relReports(reports),
			Contradictions: prev.Contradictions,
			Problem:        "topic file unusable, so these are the last reports: " + j.badTopic.Message}
		return nil
	}
	return nil
}

// renamedFrom finds the topic a folder seen for the first time held under
// another name: a topic the batch read before from a folder that is gone
// from the inbox, whose current articles are at least half of the
// folder's files, and the folder's files at least half of them. The topic
// then keeps its id, its reports and its history instead of starting
// over under a new id while the old one lingers. A topic file's id is
// never overridden: only folders without one are matched.
func (b *batcher) renamedFrom(ctx context.Context, dir, id string) (string, bool) {
	if _, known := b.folders[id]; known {
		return "", false
	}
	var orphans []string
	for tid, f := range b.folders {
		if !b.present[f] && !b.runIDs[tid] && !b.adopted[tid] {
			orphans = append(orphans, tid)
		}
	}
	if len(orphans) == 0 {
		return "", false
	}
	sort.Strings(orphans)
	files, err := articleFiles([]string{dir})
	if err != nil || len(files) == 0 {
		return "", false
	}
	have := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		sum := sha256.Sum256(data)
		have[hex.EncodeToString(sum[:])] = true
	}
	best, bestN, tie := "", 0, false
	for _, tid := range orphans {
		hashes, err := b.db.CurrentHashes(ctx, tid)
		if err != nil || len(hashes) == 0 {
			continue
		}
		n := 0
		for _, h := range hashes {
			if have[h] {
				n++
			}
		}
		if 2*n < len(files) || 2*n < len(hashes) {
			continue
		}
		switch {
		case n > bestN:
			best, bestN, tie = tid, n, false
		case n == bestN:
			tie = true
		}
	}
	if best == "" || tie {
		return "", false
	}
	b.adopted[best] = true
	return best, true
}

// finish emits a stored topic's log lines and, when it changed, compares
// it and writes its reports. It returns the topic's index entry (nil for
// a skipped topic folder), or the error that stopped the topic.
func (b *batcher) finish(ctx context.Context, j *topicJob) (*render.IndexTopic, error) {
	for _, l := range j.logs {
		l()
	}
	if j.err != nil {
		return nil, j.err
	}
	if j.badTopic != nil {
		return j.entry, nil
	}
	if j.entry != nil {
		j.entry.Problem = j.problem
		return j.entry, nil
	}
	entry, err := b.report(ctx, j.lt.topic, j.pending, j.prev, j.reports)
	if err != nil {
		return nil, err
	}
	entry.Problem = j.problem
	b.log.Info("topic reported", "topic", j.lt.topic.ID, "changes", len(j.pending),
		"contradictions", entry.Summary.Contradiction, "omissions", entry.Summary.Omission)
	return entry, nil
}

// readAll reads, hashes, parses and extracts files on o.Workers workers,
// returning results in file order so runs are repeatable.
func (b *batcher) readAll(ctx context.Context, in *ingester, files []string, hashes map[string]string, stamps map[string]store.FileStamp) []readResult {
	out := make([]readResult, len(files))
	b.parallel(len(files), func(i int) {
		if ctx.Err() != nil {
			out[i] = readResult{path: files[i], err: ctx.Err()}
			return
		}
		out[i] = b.read(ctx, in, files[i], hashes, stamps)
	})
	return out
}

// parallel runs fn(0) … fn(n-1) on o.Workers workers and waits for them.
func (b *batcher) parallel(n int, fn func(i int)) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < b.o.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

func (b *batcher) read(ctx context.Context, in *ingester, path string, hashes map[string]string, stamps map[string]store.FileStamp) readResult {
	r := readResult{path: path}
	name := filepath.Base(path)
	r.id = strings.TrimSuffix(name, filepath.Ext(name))
	if m, ok := in.topic.topic.ArticleMeta(name); ok && m.ID != "" {
		r.id = m.ID
	}
	// A file whose size and modification time are those it had when its
	// hash was taken, and whose hash is still the stored version's, is not
	// read at all: a no-change rerun only stats the inbox.
	info, err := os.Stat(path)
	if err != nil {
		r.err = fmt.Errorf("read article: %w", err)
		return r
	}
	stamp := store.FileStamp{ArticleID: r.id, Size: info.Size(), MTimeNS: info.ModTime().UnixNano()}
	if old, ok := stamps[r.id]; ok && old.Size == stamp.Size && old.MTimeNS == stamp.MTimeNS &&
		old.Hash != "" && hashes[r.id] == old.Hash {
		r.hash, r.skip = old.Hash, true
		return r
	}
	data, err := in.read.ReadFile(path)
	if err != nil {
		r.err = err
		return r
	}
	sum := sha256.Sum256(data)
	r.hash = hex.EncodeToString(sum[:])
	stamp.Hash = r.hash
	r.stamp = &stamp
	if hashes[r.id] == r.hash {
		r.skip = true
		return r
	}
	a, err := in.read.ParseArticle(name, data)
	if err == nil {
		err = in.applyMeta(&a, path)
	}
	if err != nil {
		r.err = err
		return r
	}
	r.id = a.ID
	r.article = a
	if a.Published.IsZero() && in.x.NeedsStoryDate() {
		r.undated = true // extracted by readAll once the story's date is known
		return r
	}
	r.facts, r.err = in.x.Extract(ctx, &a)
	return r
}

// extractUndated extracts the articles that have no date of their own
// against the story's date: the day most of the topic's dated articles
// share, stored or read in this run. As check does, so the nightly batch
// and a desk's check read an undated article alike.
func (b *batcher) extractUndated(ctx context.Context, in *ingester, out []readResult) error {
	var dated []facts.Article
	undated := 0
	for _, r := range out {
		switch {
		case r.undated:
			undated++
		case r.err == nil && !r.skip && !r.article.Published.IsZero():
			dated = append(dated, facts.Article{Published: r.article.Published})
		}
	}
	if undated == 0 {
		return nil
	}
	sd, err := in.storyDate(ctx, dated)
	if err != nil {
		return err
	}
	x := in.x.WithStoryDate(sd)
	b.parallel(len(out), func(i int) {
		if !out[i].undated {
			return
		}
		out[i].undated = false
		if out[i].err = ctx.Err(); out[i].err == nil {
			out[i].facts, out[i].err = x.Extract(ctx, &out[i].article)
		}
	})
	return nil
}

// report compares a changed topic and writes its three reports
// atomically; runBatch marks its changes reported after the index.
func (b *batcher) report(ctx context.Context, t *facts.Topic, pending []store.Change, prev store.TopicResult, paths map[string]string) (*render.IndexTopic, error) {
	arts, fs, err := loadCompared(ctx, b.db, t.ID, nil)
	if err != nil {
		return nil, err
	}
	// Read before the verdicts: one given meanwhile is newer than seen,
	// and the next run shows it.
	seen, err := b.db.LastVerdictID(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	res, err := compareWithVerdicts(ctx, b.db, t, arts, fs)
	if err != nil {
		return nil, err
	}
	// The three reports only read res; written in parallel, the HTML one
	// (the slowest) sets the time.
	formats := []render.Format{render.HTML, render.Markdown, render.JSON}
	errs := make([]error, len(formats))
	var wg sync.WaitGroup
	for i, f := range formats {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = writeFileAtomic(paths[string(f)], func(w *os.File) error {
				return render.Render(w, f, res, render.Options{Articles: arts})
			})
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	entry := &render.IndexTopic{ID: t.ID, Title: t.Title, Summary: res.Summary, Reports: relReports(paths), Changed: true, Verdicts: res.Verdicts}
	for _, sr := range res.Facts {
		if sr.Status == compare.Contradiction && sr.Verdict.Open() || sr.Verdict != nil && sr.Verdict.Decision == facts.Confirm {
			// A contradiction the desk dismissed stays off the index
			// until its evidence changes; a confirmed one stays on.
			// The index is read by people: the slot's label, never its
			// id (a generated id is a name key such as "kamashla").
			entry.Contradictions = append(entry.Contradictions, slotLabel(sr))
		}
	}
	entry.NewContradictions, entry.Resolved = diffSets(prev.Contradictions, entry.Contradictions)
	labels := map[string]string{}
	for _, a := range res.Articles {
		labels[a.ID] = a.Label
	}
	for _, c := range pending {
		switch c.Kind {
		case "topic":
			entry.TopicChanged = true
		case "new":
			entry.NewArticles = append(entry.NewArticles, nonEmpty(labels[c.ArticleID], c.ArticleID))
		case "removed":
			entry.Removed = append(entry.Removed, c.ArticleID)
		case "changed":
			ch := render.ArticleChange{Article: nonEmpty(labels[c.ArticleID], c.ArticleID)}
			before, err := b.db.VersionFacts(ctx, t.ID, c.ArticleID, c.Version-1)
			if err != nil {
				return nil, err
			}
			after, err := b.db.VersionFacts(ctx, t.ID, c.ArticleID, c.Version)
			if err != nil {
				return nil, err
			}
			ch.Added, ch.Dropped = factChanges(t, before, after)
			entry.ChangedArticles = append(entry.ChangedArticles, ch)
		}
	}
	summary, err := json.Marshal(res.Summary)
	if err != nil {
		return nil, err
	}
	var upTo int64 // nothing pending: a topic reported again, no change to mark
	if len(pending) > 0 {
		upTo = pending[len(pending)-1].ID
	}
	verdicts, err := json.Marshal(res.Verdicts)
	if err != nil {
		return nil, err
	}
	b.reported = append(b.reported, store.Reported{TopicID: t.ID, UpTo: upTo,
		Result: store.TopicResult{Summary: summary, Contradictions: entry.Contradictions, Verdicts: verdicts, VerdictsSeen: seen}})
	return entry, nil
}

// slotLabel names a compared slot for people: its label, else its id.
func slotLabel(sr compare.SlotResult) string {
	if sr.Label != "" {
		return sr.Label
	}
	return sr.Slot
}

// factChanges says which facts an edited article gained and lost, in the
// words a person reads: the slot's label and the article's own words
// ("Evacuation of the ferry: “passengers were taken off” (denied,
// completed)"), never slot ids or keys.
func factChanges(t *facts.Topic, before, after []facts.Fact) (added, dropped []string) {
	labels := map[string]string{}
	for _, s := range t.Slots {
		labels[s.ID] = s.Label
	}
	key := func(f facts.Fact) string {
		label := f.Label
		if label == "" {
			label = nonEmpty(labels[f.Slot], f.Slot)
		}
		s := label + ": “" + f.Surface + "”"
		var marks []string
		if f.Negated {
			marks = append(marks, "denied")
		}
		if f.Aspect != "" {
			marks = append(marks, string(f.Aspect))
		}
		if len(marks) > 0 {
			s += " (" + strings.Join(marks, ", ") + ")"
		}
		return s
	}
	count := func(fs []facts.Fact) map[string]int {
		m := map[string]int{}
		for _, f := range fs {
			m[key(f)]++
		}
		return m
	}
	b, a := count(before), count(after)
	for k := range a {
		if b[k] == 0 {
			added = append(added, k)
		}
	}
	for k := range b {
		if a[k] == 0 {
			dropped = append(dropped, k)
		}
	}
	sort.Strings(added)
	sort.Strings(dropped)
	return added, dropped
}

func diffSets(before, after []string) (added, removed []string) {
	b := map[string]bool{}
	for _, s := range before {
		b[s] = true
	}
	a := map[string]bool{}
	for _, s := range after {
		a[s] = true
		if !b[s] {
			added = append(added, s)
		}
	}
	for _, s := range before {
		if !a[s] {
			removed = append(removed, s)
		}
	}
	return added, removed
}

func nonEmpty(s, alt string) string {
	if s != "" {
		return s
	}
	return alt
}

// reportPaths are a topic's report files in the out folder. The names come
// from the topic id (validated: letters, digits, . - _), never from
// article text.
func reportPaths(out, topic string) map[string]string {
	return map[string]string{
		"html": filepath.Join(out, topic+".html"),
		"md":   filepath.Join(out, topic+".md"),
		"json": filepath.Join(out, topic+".json"),
	}
}

func relReports(paths map[string]string) map[string]string {
	out := map[string]string{}
	for k, p := range paths {
		out[k] = filepath.Base(p)
	}
	return out
}

// writeIndex writes index.html: topics by severity, with what changed.
// The counts of new, changed and removed articles are those the index
// lists, which include the changes of a run killed before its index.
func writeIndex(out string, entries []render.IndexTopic, st batchStats, now time.Time) error {
	var added, changed, removed int
	for _, e := range entries {
		added, changed, removed = added+len(e.NewArticles), changed+len(e.ChangedArticles), removed+len(e.Removed)
	}
	idx := render.Index{Generated: now.UTC().Format("2006-01-02 15:04 MST"), Topics: entries,
		Summary: fmt.Sprintf("%d topics; this run: %d articles new, %d changed, %d removed, %d unreadable",
			st.Topics, added, changed, removed, len(st.Errors))}
	for _, e := range st.Errors {
		idx.Errors = append(idx.Errors, e.File+": "+e.Message)
	}
	var buf bytes.Buffer
	if err := render.WriteIndex(&buf, idx); err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(out, "index.html"), func(f *os.File) error {
		_, err := f.Write(buf.Bytes())
		return err
	})
}

// newLogger logs to stderr as text or JSON lines (log/slog).
func newLogger(w io.Writer, format string) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

// progress shows a bar on a terminal and nothing elsewhere: under cron or
// CI the log lines say what happened.
type progress struct{ bar *progressbar.ProgressBar }

func newProgress(o *batchOptions, dirs []string) *progress {
	f, ok := o.Stderr.(*os.File)
	if !ok || !isTerminal(f) || o.LogFormat == "json" {
		return &progress{}
	}
	// Counting the files lists every folder once more: only worth it
	// when someone watches the bar.
	total := countFiles(dirs)
	if total == 0 {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions(total,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription("articles"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionClearOnFinish(),
	)}
}

func (p *progress) add(n int) {
	if p.bar != nil {
		_ = p.bar.Add(n)
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
