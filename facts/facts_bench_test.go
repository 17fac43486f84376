package facts

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// The benchmarks run over the seed story (seeds/: five articles and their
// topic file), the language the batch benchmark generates its inbox from.
//
//	go test ./facts -run '^$' -bench . -benchmem

type seedFile struct {
	name string
	data []byte
}

func loadSeeds(b *testing.B) (*Topic, []seedFile) {
	b.Helper()
	dir := filepath.Join("..", "seeds")
	t, _, err := LoadTopic(filepath.Join(dir, "topic.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no seed articles: %v", err)
	}
	var out []seedFile
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, seedFile{filepath.Base(p), data})
	}
	return t, out
}

func seedBytes(files []seedFile) int64 {
	var n int64
	for _, f := range files {
		n += int64(len(f.data))
	}
	return n
}

// BenchmarkParseArticle: reading an article's text, chrome and metadata.
func BenchmarkParseArticle(b *testing.B) {
	_, files := loadSeeds(b)
	b.SetBytes(seedBytes(files))
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			if _, err := ParseArticle(f.name, f.data); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(files)), "ns/article")
}

func parsedSeeds(b *testing.B, files []seedFile) []Article {
	b.Helper()
	var arts []Article
	for _, f := range files {
		a, err := ParseArticle(f.name, f.data)
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a)
	}
	return arts
}

// BenchmarkExtract: the topic's slots and the general facts, per article,
// as batch runs it.
func BenchmarkExtract(b *testing.B) {
	t, files := loadSeeds(b)
	x, err := NewExtractor(t)
	if err != nil {
		b.Fatal(err)
	}
	arts := parsedSeeds(b, files)
	ctx := context.Background()
	b.SetBytes(seedBytes(files))
	b.ReportAllocs()
	for b.Loop() {
		for i := range arts {
			if _, err := x.Extract(ctx, &arts[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(arts)), "ns/article")
}

// BenchmarkExtractGeneral: general facts only (no topic file).
func BenchmarkExtractGeneral(b *testing.B) {
	_, files := loadSeeds(b)
	g := NewGeneralExtractor("seeds")
	arts := parsedSeeds(b, files)
	ctx := context.Background()
	b.SetBytes(seedBytes(files))
	b.ReportAllocs()
	for b.Loop() {
		for i := range arts {
			if _, err := g.Extract(ctx, &arts[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(arts)), "ns/article")
}

// BenchmarkGeneralFinders: each general finder alone over the analysed
// seed articles, to tell which one costs.
func BenchmarkGeneralFinders(b *testing.B) {
	t, files := loadSeeds(b)
	x, err := NewExtractor(t)
	if err != nil {
		b.Fatal(err)
	}
	arts := parsedSeeds(b, files)
	b.Run("analyse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for i := range arts {
				x.analyse(&arts[i])
			}
		}
	})
	for _, gf := range generalFinders {
		b.Run(gf.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				docs := make([]*doc, len(arts))
				for i := range arts {
					docs[i] = x.analyse(&arts[i])
				}
				b.StartTimer()
				for _, d := range docs {
					gf.find(d, nil)
				}
			}
		})
	}
}
