package compare

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/facts"
)

// benchTopic builds a 50-article topic from the five seed articles: ten
// variants of each, with the day, the visit's ordinal and a name spelling
// changed in some and a paragraph left out, so comparing them finds
// agreement, nuance, variants and contradictions as a real topic does.
func benchTopic(b testing.TB) (*facts.Topic, []facts.Article, []facts.Fact) {
	b.Helper()
	dir := filepath.Join("..", "seeds")
	t, _, err := facts.LoadTopic(filepath.Join(dir, "topic.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	x, err := facts.NewExtractor(t)
	if err != nil {
		b.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no seed articles: %v", err)
	}
	days := []string{"Wednesday", "Wednesday", "Wednesday", "Tuesday", "Wednesday"}
	var arts []facts.Article
	var fs []facts.Fact
	for k := 0; k < 10; k++ {
		for i, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			text := strings.ReplaceAll(string(data), "Wednesday", days[(i+k)%len(days)])
			if (i+k)%7 == 3 {
				text = strings.ReplaceAll(text, "second", "third")
			}
			if k%3 == 1 {
				text = strings.ReplaceAll(text, "Tartus", "Tartous")
			}
			if paras := strings.Split(text, "\n"); len(paras) > 12 {
				drop := 4 + k%(len(paras)-8)
				text = strings.Join(append(paras[:drop:drop], paras[drop+1:]...), "\n")
			}
			name := fmt.Sprintf("%02d_%s", k, filepath.Base(p))
			a, err := facts.ParseArticle(name, []byte(text))
			if err != nil {
				b.Fatal(err)
			}
			afs, err := x.Extract(context.Background(), &a)
			if err != nil {
				b.Fatal(err)
			}
			arts = append(arts, a)
			fs = append(fs, afs...)
		}
	}
	return t, arts, fs
}

// BenchmarkCompare: one 50-article topic compared, as batch does for each
// changed topic.
func BenchmarkCompare(b *testing.B) {
	t, arts, fs := benchTopic(b)
	b.ReportAllocs()
	for b.Loop() {
		Compare(t, arts, fs)
	}
	b.ReportMetric(float64(len(fs)), "facts")
}

// BenchmarkCompareInbox compares the topics of an inbox made by
// `crosscheck bench --dir DIR` (named by CROSSCHECK_BENCH_INBOX; skipped
// without it): the nightly bench's stories, whose profile differs from the
// seed story's (more figures framed, more quotes).
func BenchmarkCompareInbox(b *testing.B) {
	dir := os.Getenv("CROSSCHECK_BENCH_INBOX")
	if dir == "" {
		b.Skip("CROSSCHECK_BENCH_INBOX not set")
	}
	type topic struct {
		t    *facts.Topic
		arts []facts.Article
		fs   []facts.Fact
	}
	var topics []topic
	dirs, err := filepath.Glob(filepath.Join(dir, "*", "topic.yaml"))
	if err != nil || len(dirs) == 0 {
		b.Fatalf("no topics in %s: %v", dir, err)
	}
	for _, ty := range dirs {
		t, _, err := facts.LoadTopic(ty)
		if err != nil {
			b.Fatal(err)
		}
		x, err := facts.NewExtractor(t)
		if err != nil {
			b.Fatal(err)
		}
		paths, _ := filepath.Glob(filepath.Join(filepath.Dir(ty), "*.txt"))
		tp := topic{t: t}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			a, err := facts.ParseArticle(filepath.Base(p), data)
			if err != nil {
				b.Fatal(err)
			}
			afs, err := x.Extract(context.Background(), &a)
			if err != nil {
				b.Fatal(err)
			}
			tp.arts = append(tp.arts, a)
			tp.fs = append(tp.fs, afs...)
		}
		topics = append(topics, tp)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, tp := range topics {
			Compare(tp.t, tp.arts, tp.fs)
		}
	}
}
