package nightly

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/crosscheck-news/crosscheck/cmd/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/store"
)

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
		if files, err := pipeline.ArticleFiles([]string{inbox}); err == nil && len(files) > 0 {
			return nil, usagef("--inbox %s holds articles but no topic folders; the inbox holds one folder per topic (pass its parent folder)", inbox)
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
//
// The topic files are read on every core: this runs before any article
// is read, and parsing 400 of them one after another kept the other core
// idle. They are not kept for the topics' turn: holding the parsed files
// until then raised the batch's peak RSS by 8 MB at 400 topics (and more
// with more topics) to save 0.2 s of CPU.
func refuseSharedIDs(dirs []string) (kept []string, ids map[string]bool, errs []store.RunError) {
	byID := map[string][]string{}
	idOf := make([]string, len(dirs))
	ids = map[string]bool{}
	var (
		wg   sync.WaitGroup
		next atomic.Int64
	)
	for range min(runtime.GOMAXPROCS(0), len(dirs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(dirs); i = int(next.Add(1) - 1) {
				if path := pipeline.FindTopicFile(dirs[i]); path != "" {
					if lt, err := pipeline.LoadTopicFile(path); err == nil {
						idOf[i] = lt.Topic.ID
					}
				} else if t, _, err := facts.TopicFor(dirs[i], nil); err == nil {
					idOf[i] = t.ID
				}
			}
		}()
	}
	wg.Wait()
	for i, d := range dirs {
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
		if fs, err := pipeline.ArticleFiles([]string{d}); err == nil {
			n += len(fs)
		}
	}
	return n
}
