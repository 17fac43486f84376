package nightly

import (
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
	"sort"
	"strings"
	"sync"

	"github.com/crosscheck-news/crosscheck/cmd/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/compare/render"
	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/store"
)

// batcher carries what every topic of a run shares.
type batcher struct {
	o        *Options
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
//  2. store (the Run goroutine): every database write of the topic
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
// is finished). Changes are still marked reported only by Run, after
// the index.
type topicJob struct {
	dir string

	// Set by prepare.
	lt       pipeline.LoadedTopic
	in       *pipeline.Ingester
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
	// inMemory holds the topic's articles and facts as the store would
	// read them back, when every current article was saved by this run:
	// finish compares them without reading the topic back.
	inMemory *comparedSet
	logs     []func() // log lines, emitted by finish in order
	problem  string   // what the index says is wrong with the folder

	err error // stops the run; earlier topics are finished first
}

func (j *topicJob) log(f func()) { j.logs = append(j.logs, f) }

// comparedSet is what a topic is compared from: its current articles and
// their facts, in the store's order.
type comparedSet struct {
	arts []facts.Article
	fs   []facts.Fact
}

// topics brings every topic folder up to date, in order, and returns the
// index entries. Errors in files are recorded in st; other errors stop
// the run after the topics before the failing one are finished.
func (b *batcher) topics(ctx context.Context, dirs []string, st *Stats) ([]render.IndexTopic, error) {
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
func (b *batcher) topic(ctx context.Context, dir string, st *Stats) (*render.IndexTopic, error) {
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
	path := pipeline.FindTopicFile(j.dir)
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
		j.lt = pipeline.LoadedTopic{Topic: t, Source: src, Path: j.dir}
	} else {
		lt, err := pipeline.LoadTopicFile(path)
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
	tid := j.lt.Topic.ID
	x, err := facts.NewExtractor(j.lt.Topic)
	if err != nil {
		j.err = err
		return
	}
	j.in = &pipeline.Ingester{DB: b.db, Topic: j.lt, X: x, Read: b.o.Read, Stderr: io.Discard}
	// The stored hashes of this topic: the Run goroutine may be
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
	files, err := pipeline.ArticleFiles([]string{j.dir})
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
func (b *batcher) store(ctx context.Context, j *topicJob, st *Stats) {
	j.err = b.storeTopic(ctx, j, st)
}

func (b *batcher) storeTopic(ctx context.Context, j *topicJob, st *Stats) error {
	if j.badTopic != nil {
		e := *j.badTopic
		j.log(func() { b.log.Error("topic skipped", "dir", j.dir, "error", e.Message) })
		st.Errors = append(st.Errors, e)
		return b.lastReport(ctx, j)
	}
	lt, in := j.lt, j.in
	st.Topics++
	tid := lt.Topic.ID
	if j.renamedFrom != "" {
		from := j.renamedFrom
		j.log(func() {
			b.log.Info("topic folder renamed; the topic keeps its id and history", "topic", tid, "from", from, "to", filepath.Base(j.dir))
		})
	}
	rec := lt.Record()
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
			if err := in.Reextract(ctx); err != nil {
				return err
			}
			break
		}
	}
	hashes := j.hashes
	seen := map[string]bool{}
	var save []store.ArticleFacts
	var stamps []store.FileStamp // written after the articles they vouch for
	for _, r := range j.results {
		st.Seen++
		b.progress.add(1)
		if r.err != nil {
			if !pipeline.IsFileError(r.err) {
				return r.err
			}
			path, reason := r.path, pipeline.InputReason(r.err)
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
		save = append(save, store.ArticleFacts{Article: r.article, Facts: r.facts})
	}
	// One transaction for the topic's articles: readers see the topic
	// before or after, and the commit is paid once.
	saved, err := b.db.SaveArticles(ctx, tid, save)
	if err != nil {
		return fmt.Errorf("save topic %s: %w", tid, err)
	}
	allFresh := true
	for _, res := range saved {
		switch res.Status {
		case store.New:
			st.New++
		case store.Changed:
			st.Changed++
		default:
			st.Unchanged++
			allFresh = false
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
	// The topic is exactly what this run saved when no article stored
	// before stays current beside them (unchanged, unreadable this time,
	// or re-extracted after a topic change and not saved anew): compare
	// it from memory then, as the store would read it back.
	if allFresh {
		fresh := make(map[string]bool, len(save)+len(gone))
		for _, it := range save {
			fresh[it.Article.ID] = true
		}
		for _, id := range gone {
			fresh[id] = true
		}
		for id := range hashes {
			if !fresh[id] {
				allFresh = false
				break
			}
		}
	}
	if allFresh {
		arts, fs, err := store.AsStored(tid, save)
		if err != nil {
			return fmt.Errorf("topic %s: %w", tid, err)
		}
		j.inMemory = &comparedSet{arts: arts, fs: fs}
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
		j.entry = &render.IndexTopic{ID: tid, Title: lt.Topic.Title, Summary: sum, Reports: relReports(j.reports), Contradictions: prev.Contradictions}
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
	files, err := pipeline.ArticleFiles([]string{dir})
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
	entry, err := b.report(ctx, j.lt.Topic, j.inMemory, j.pending, j.prev, j.reports)
	if err != nil {
		return nil, err
	}
	entry.Problem = j.problem
	b.log.Info("topic reported", "topic", j.lt.Topic.ID, "changes", len(j.pending),
		"contradictions", entry.Summary.Contradiction, "omissions", entry.Summary.Omission)
	return entry, nil
}

// readAll reads, hashes, parses and extracts files on o.Workers workers,
// returning results in file order so runs are repeatable.
func (b *batcher) readAll(ctx context.Context, in *pipeline.Ingester, files []string, hashes map[string]string, stamps map[string]store.FileStamp) []readResult {
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

func (b *batcher) read(ctx context.Context, in *pipeline.Ingester, path string, hashes map[string]string, stamps map[string]store.FileStamp) readResult {
	r := readResult{path: path}
	name := filepath.Base(path)
	r.id = strings.TrimSuffix(name, filepath.Ext(name))
	if m, ok := in.Topic.Topic.ArticleMeta(name); ok && m.ID != "" {
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
	data, err := in.Read.ReadFile(path)
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
	a, err := in.Read.ParseArticle(name, data)
	if err == nil {
		err = in.ApplyMeta(&a, path)
	}
	if err != nil {
		r.err = err
		return r
	}
	r.id = a.ID
	r.article = a
	if a.Published.IsZero() && in.X.NeedsStoryDate() {
		r.undated = true // extracted by readAll once the story's date is known
		return r
	}
	r.facts, r.err = in.X.Extract(ctx, &a)
	return r
}

// extractUndated extracts the articles that have no date of their own
// against the story's date: the day most of the topic's dated articles
// share, stored or read in this run. As check does, so the nightly batch
// and a desk's check read an undated article alike.
func (b *batcher) extractUndated(ctx context.Context, in *pipeline.Ingester, out []readResult) error {
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
	sd, err := in.StoryDate(ctx, dated)
	if err != nil {
		return err
	}
	x := in.X.WithStoryDate(sd)
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
