package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/store/storetest"
)

// BenchmarkSaveArticle: one article with its facts saved in its own
// transaction, as batch saves every new article. The seed articles are
// saved under fresh ids so each save inserts.
func BenchmarkSaveArticle(b *testing.B) { benchmarkSave(b, sqliteEngine, 1) }

// BenchmarkSaveArticles: the same articles saved 50 to a transaction, as
// batch saves a topic's new articles; ns/op is still per article.
func BenchmarkSaveArticles(b *testing.B) { benchmarkSave(b, sqliteEngine, 50) }

// BenchmarkSaveArticlesPostgres: BenchmarkSaveArticles against the test
// server (CROSSCHECK_TEST_POSTGRES; skipped without one). The server's CPU
// is not in the benchmark's: read the postmaster's cutime/cstime around
// it.
func BenchmarkSaveArticlesPostgres(b *testing.B) { benchmarkSave(b, postgresEngine, 50) }

func benchmarkSave(b *testing.B, e engine, perTxn int) {
	// Cancellable, as every command's context is (signals end it): the
	// driver takes another path for a context that cannot end.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := filepath.Join("..", "seeds")
	t, src, err := facts.LoadTopic(filepath.Join(dir, "topic.yaml"))
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
	type item struct {
		a  facts.Article
		fs []facts.Fact
	}
	var items []item
	nfacts := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		a, err := facts.ParseArticle(filepath.Base(p), data)
		if err != nil {
			b.Fatal(err)
		}
		fs, err := x.Extract(ctx, &a)
		if err != nil {
			b.Fatal(err)
		}
		items = append(items, item{a, fs})
		nfacts += len(fs)
	}
	if e == postgresEngine {
		storetest.Admin(b)
	}
	db, err := Open(ctx, freshLocation(b, e))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.PutTopic(ctx, TopicRecord{ID: t.ID, Title: t.Title, Hash: "h", Source: src}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	n := 0
	var pending []ArticleFacts
	for b.Loop() {
		it := items[n%len(items)]
		a := it.a
		a.ID = fmt.Sprintf("a%07d", n)
		fs := make([]facts.Fact, len(it.fs))
		for i, f := range it.fs {
			f.Article = a.ID
			fs[i] = f
		}
		n++
		if perTxn == 1 {
			if _, err := db.SaveArticle(ctx, t.ID, a, fs); err != nil {
				b.Fatal(err)
			}
			continue
		}
		if pending = append(pending, ArticleFacts{a, fs}); len(pending) == perTxn {
			if _, err := db.SaveArticles(ctx, t.ID, pending); err != nil {
				b.Fatal(err)
			}
			pending = pending[:0]
		}
	}
	b.ReportMetric(float64(nfacts)/float64(len(items)), "facts/article")
}

// BenchmarkLoadTopic: a 50-article topic's articles and facts read back,
// as batch does before comparing a changed topic.
func BenchmarkLoadTopic(b *testing.B) {
	ctx := context.Background()
	dir := filepath.Join("..", "seeds")
	t, src, err := facts.LoadTopic(filepath.Join(dir, "topic.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	x, err := facts.NewExtractor(t)
	if err != nil {
		b.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.PutTopic(ctx, TopicRecord{ID: t.ID, Title: t.Title, Hash: "h", Source: src}); err != nil {
		b.Fatal(err)
	}
	for k := 0; k < 10; k++ {
		for _, p := range paths {
			a, err := facts.ReadArticleFile(p)
			if err != nil {
				b.Fatal(err)
			}
			a.ID = fmt.Sprintf("%d-%s", k, a.ID)
			fs, err := x.Extract(ctx, &a)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := db.SaveArticle(ctx, t.ID, a, fs); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := db.Articles(ctx, t.ID); err != nil {
			b.Fatal(err)
		}
		if _, err := db.Facts(ctx, t.ID); err != nil {
			b.Fatal(err)
		}
	}
}
