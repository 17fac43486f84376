package nightly

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck-news/crosscheck/cmd/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/compare/render"
	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/store"
)

// report compares a changed topic, from mem when set or else from the
// store, and writes its three reports atomically; Run marks its changes
// reported after the index.
func (b *batcher) report(ctx context.Context, t *facts.Topic, mem *comparedSet, pending []store.Change, prev store.TopicResult, paths map[string]string) (*render.IndexTopic, error) {
	var arts []facts.Article
	var fs []facts.Fact
	if mem != nil {
		arts, fs = mem.arts, mem.fs
	} else {
		var err error
		if arts, fs, err = pipeline.LoadCompared(ctx, b.db, t.ID, nil); err != nil {
			return nil, err
		}
	}
	// Read before the verdicts: one given meanwhile is newer than seen,
	// and the next run shows it.
	seen, err := b.db.LastVerdictID(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	res, err := pipeline.CompareWithVerdicts(ctx, b.db, t, arts, fs)
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
			errs[i] = pipeline.WriteFileAtomic(paths[string(f)], func(w *os.File) error {
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
func writeIndex(out string, entries []render.IndexTopic, st Stats, now time.Time) error {
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
	return pipeline.WriteFileAtomic(filepath.Join(out, "index.html"), func(f *os.File) error {
		_, err := f.Write(buf.Bytes())
		return err
	})
}
