package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/store"
)

// articleExts are the file endings read as articles inside a folder.
// Other files (topic files, notes, golden outputs) are left alone.
var articleExts = map[string]bool{".txt": true, ".text": true, ".html": true, ".htm": true, "": true}

// LoadedTopic is a topic file read and validated, with its bytes (stored
// so later commands need not find the file again).
type LoadedTopic struct {
	// Topic is the parsed topic.
	Topic *facts.Topic
	// Source is the topic file's bytes, as the store keeps them.
	Source []byte
	// Path is where the topic came from: a topic file, a folder, or a
	// stored topic's id.
	Path string
}

// Record is the topic as the store keeps it: the file's bytes and their
// hash, so an unchanged file is recognised without parsing. The batch
// stores it itself to add the topic's folder.
func (lt LoadedTopic) Record() store.TopicRecord {
	sum := sha256.Sum256(lt.Source)
	return store.TopicRecord{ID: lt.Topic.ID, Title: lt.Topic.Title, Hash: hex.EncodeToString(sum[:]), Source: lt.Source}
}

// FindTopicFile returns the topic file inside dir, or "" when none.
func FindTopicFile(dir string) string {
	for _, n := range facts.TopicFileNames {
		p := filepath.Join(dir, n)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
	}
	return ""
}

// LoadTopicFile reads and validates the topic file at path; an invalid one
// is a *facts.TopicError naming the file.
func LoadTopicFile(path string) (LoadedTopic, error) {
	t, src, err := facts.LoadTopic(path)
	if err != nil {
		var te *facts.TopicError
		if errors.As(err, &te) {
			te.File = path
			return LoadedTopic{}, te
		}
		return LoadedTopic{}, err
	}
	return LoadedTopic{Topic: t, Source: src, Path: path}, nil
}

// ArticleFiles expands paths (files or folders) into article files, sorted
// within each folder so runs are repeatable.
func ArticleFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("article path: %w", err)
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, fmt.Errorf("read folder: %w", err)
		}
		var names []string
		for _, e := range entries {
			n := e.Name()
			if strings.HasPrefix(n, ".") || isTopicFileName(n) {
				continue
			}
			if !e.Type().IsRegular() && !linkToFile(filepath.Join(p, n), e) {
				continue
			}
			if !articleExts[strings.ToLower(filepath.Ext(n))] {
				continue
			}
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			out = append(out, filepath.Join(p, n))
		}
	}
	return out, nil
}

// linkToFile reports whether a folder entry is a symbolic link to be read
// as an article: one that leads to a regular file, or one that leads
// nowhere (a loop, a dangling link), which the reader then names as an
// error instead of passing over it in silence.
func linkToFile(path string, e os.DirEntry) bool {
	if e.Type()&os.ModeSymlink == 0 {
		return false
	}
	st, err := os.Stat(path)
	return err != nil || st.Mode().IsRegular()
}

// IsFileError reports whether err concerns one input file (its content, its
// absence, its permissions, a link loop): the file is named and skipped,
// and the run goes on.
func IsFileError(err error) bool {
	return errors.Is(err, facts.ErrBadInput) || errors.Is(err, os.ErrNotExist) ||
		errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.ELOOP)
}

func isTopicFileName(n string) bool {
	for _, t := range facts.TopicFileNames {
		if n == t {
			return true
		}
	}
	return false
}

// IngestStats counts what an ingest did: what check and ingest print and
// the run record keeps (RunResult).
type IngestStats struct {
	// Seen counts the files looked at; New, Changed and Unchanged the
	// articles read from them by what the store already held.
	Seen, New, Changed, Unchanged int
	// Errors are the files skipped, each with what was wrong with it.
	Errors []store.RunError
	// IDs are the article ids read in this run, in file order.
	IDs []string
}

// Ingester reads article files, extracts a topic's facts and saves them,
// one transaction per article: the reading loop of check and ingest, and
// the batch's re-extraction and story dates.
type Ingester struct {
	// DB is the store the facts are saved to.
	DB *store.DB
	// Topic is the topic the articles belong to.
	Topic LoadedTopic
	// X is the topic's extractor.
	X *facts.Extractor
	// Override is what the command's flags say of every article,
	// applied after the topic file's article list.
	Override facts.ArticleMeta
	// Read are the article size limits.
	Read facts.ReadOptions
	// Stderr gets one line per skipped file.
	Stderr io.Writer
}

// putTopic stores the topic and, when its file changed since the last
// run, re-extracts the stored articles so their facts follow the new slots.
func (in *Ingester) putTopic(ctx context.Context) error {
	changed, err := in.DB.PutTopic(ctx, in.Topic.Record())
	if err != nil {
		return fmt.Errorf("store topic %s: %w", in.Topic.Topic.ID, err)
	}
	if !changed {
		return nil
	}
	return in.Reextract(ctx)
}

// Reextract extracts the topic's stored articles again from their stored
// text, after the topic file changed, so their facts follow the new slots:
// IngestAll calls it, and the batch when it stores a changed topic file.
func (in *Ingester) Reextract(ctx context.Context) error {
	arts, err := in.DB.Articles(ctx, in.Topic.Topic.ID)
	if err != nil {
		return fmt.Errorf("re-extract topic %s: %w", in.Topic.Topic.ID, err)
	}
	for i := range arts {
		fs, err := in.X.Extract(ctx, &arts[i])
		if err != nil {
			return err
		}
		if err := in.DB.ReplaceFacts(ctx, in.Topic.Topic.ID, arts[i].ID, fs); err != nil {
			return fmt.Errorf("re-extract %s: %w", arts[i].ID, err)
		}
	}
	return nil
}

// ingest reads, extracts and saves each file. A file that is not a
// readable article is named on stderr and skipped; anything else stops.
func (in *Ingester) ingest(ctx context.Context, files []string) (IngestStats, error) {
	var st IngestStats
	seen := map[string]string{}
	// Read every file first: an undated article is read against the
	// story's date, which the dated ones give.
	read := make([]facts.Article, len(files))
	readErr := make([]error, len(files))
	var dated []facts.Article
	for i, path := range files {
		if err := ctx.Err(); err != nil {
			return st, fmt.Errorf("ingest: %w", err)
		}
		read[i], readErr[i] = in.readArticle(path)
		if readErr[i] == nil && !read[i].Published.IsZero() {
			dated = append(dated, facts.Article{Published: read[i].Published})
		}
	}
	x := in.X
	if x.NeedsStoryDate() && len(dated) < len(files) {
		sd, err := in.StoryDate(ctx, dated)
		if err != nil {
			return st, err
		}
		x = x.WithStoryDate(sd)
	}
	for i, path := range files {
		if err := ctx.Err(); err != nil {
			return st, fmt.Errorf("ingest: %w", err)
		}
		st.Seen++
		a, err := read[i], readErr[i]
		read[i] = facts.Article{}
		if err == nil {
			if prev, dup := seen[a.ID]; dup {
				err = &facts.InputError{File: path, Reason: fmt.Sprintf("article id %q is already used by %s", a.ID, prev)}
			}
		}
		if err != nil {
			if !IsFileError(err) {
				return st, err
			}
			fmt.Fprintf(in.Stderr, "crosscheck: skipped %s\n", ErrorLine(path, err))
			st.Errors = append(st.Errors, store.RunError{File: path, Message: err.Error()})
			continue
		}
		seen[a.ID] = path
		fs, err := x.Extract(ctx, &a)
		if err != nil {
			return st, err
		}
		res, err := in.DB.SaveArticle(ctx, in.Topic.Topic.ID, a, fs)
		if err != nil {
			return st, fmt.Errorf("save %s: %w", path, err)
		}
		st.IDs = append(st.IDs, a.ID)
		switch res.Status {
		case store.New:
			st.New++
		case store.Changed:
			st.Changed++
		default:
			st.Unchanged++
		}
	}
	return st, nil
}

// InputReason is what is wrong with an input file, without its name: for
// log lines that carry the file in a field of their own.
func InputReason(err error) string {
	var ie *facts.InputError
	if errors.As(err, &ie) {
		return ie.Reason
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// ErrorLine renders an input error as one line that names the file.
func ErrorLine(path string, err error) string { return path + ": " + InputReason(err) }

func (in *Ingester) readArticle(path string) (facts.Article, error) {
	a, err := in.Read.ReadArticleFile(path)
	if err != nil {
		return a, err
	}
	return a, in.ApplyMeta(&a, path)
}

// ApplyMeta applies what the topic file, then the flags, say of the
// article read from path; the batch, which reads files its own way, calls
// it too so both read an article alike.
func (in *Ingester) ApplyMeta(a *facts.Article, path string) error {
	if m, ok := in.Topic.Topic.ArticleMeta(a.File); ok {
		if err := a.ApplyMeta(m); err != nil {
			return &facts.InputError{File: path, Reason: err.Error()}
		}
	}
	if err := a.ApplyMeta(in.Override); err != nil {
		return &facts.InputError{File: path, Reason: err.Error()}
	}
	return nil
}

// IngestAll stores the topic and ingests files. A file that is not a
// readable article is named on Stderr, counted in the stats' errors and
// skipped; anything else stops.
func (in *Ingester) IngestAll(ctx context.Context, files []string) (IngestStats, error) {
	if err := in.putTopic(ctx); err != nil {
		return IngestStats{}, err
	}
	return in.ingest(ctx, files)
}

// FinishRun records how a run ended: failed with runErr, partial when
// files were skipped, else ok.
func FinishRun(ctx context.Context, db *store.DB, id int64, r store.RunResult, runErr error) error {
	r.Status = "ok"
	switch {
	case runErr != nil:
		r.Status = "failed"
		r.Errors = append(r.Errors, store.RunError{Message: runErr.Error()})
	case len(r.Errors) > 0:
		r.Status = "partial"
	}
	// A cancelled run is still recorded, so the record must not depend on
	// the cancelled context.
	if err := db.FinishRun(context.WithoutCancel(ctx), id, r); err != nil {
		return fmt.Errorf("record run: %w", err)
	}
	return nil
}

// RunResult is what an ingest run did, as the store records it.
func (st IngestStats) RunResult() store.RunResult {
	return store.RunResult{Seen: st.Seen, New: st.New, Changed: st.Changed, Unchanged: st.Unchanged, Errors: st.Errors}
}

// LoadCompared returns a topic's stored articles and facts; with ids set,
// only those articles.
func LoadCompared(ctx context.Context, db *store.DB, topic string, ids []string) ([]facts.Article, []facts.Fact, error) {
	arts, err := db.Articles(ctx, topic)
	if err != nil {
		return nil, nil, err
	}
	fs, err := db.Facts(ctx, topic)
	if err != nil {
		return nil, nil, err
	}
	if ids == nil {
		return arts, fs, nil
	}
	keep := map[string]bool{}
	for _, id := range ids {
		keep[id] = true
	}
	var ka []facts.Article
	for _, a := range arts {
		if keep[a.ID] {
			ka = append(ka, a)
		}
	}
	var kf []facts.Fact
	for _, f := range fs {
		if keep[f.Article] {
			kf = append(kf, f)
		}
	}
	return ka, kf, nil
}

// StoryDate is the date the topic's undated articles are read against: the
// day most of its dated articles share, counting those already stored
// with those being read now (fresh), so an undated article ingested alone
// still takes its story's date. The batch, which extracts in parallel,
// asks for it once its dated articles are read.
func (in *Ingester) StoryDate(ctx context.Context, fresh []facts.Article) (facts.Date, error) {
	stored, err := in.DB.Articles(ctx, in.Topic.Topic.ID)
	if err != nil && store.ErrorCode(err) != store.ENOTFOUND {
		return facts.Date{}, fmt.Errorf("story date of %s: %w", in.Topic.Topic.ID, err)
	}
	all := append([]facts.Article(nil), fresh...)
	for _, a := range stored {
		if !a.Published.IsZero() {
			all = append(all, facts.Article{Published: a.Published})
		}
	}
	return facts.StoryDate(all), nil
}
