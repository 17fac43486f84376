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
