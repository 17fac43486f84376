package render

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/facts"
)

// The report writers on the seed story, each beside the code it replaced
// (html/template, encoding/json with indentation), so one run gives the
// before and after on the same machine:
//
//	go test ./compare/render -run '^$' -bench . -benchmem

func BenchmarkWriteHTML(b *testing.B) {
	res, arts := compareDir(b, "../../seeds")
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteHTML(io.Discard, res, arts); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTemplateHTML(b *testing.B) {
	res, arts := compareDir(b, "../../seeds")
	tmpl, err := oracleTemplate()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		bw := bufio.NewWriter(io.Discard)
		if err := tmpl.Execute(bw, buildView(res, arts)); err != nil {
			b.Fatal(err)
		}
		bw.Flush()
	}
}

func BenchmarkWriteJSON(b *testing.B) {
	res, _ := compareDir(b, "../../seeds")
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteJSON(io.Discard, res); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncoderJSON(b *testing.B) {
	res, _ := compareDir(b, "../../seeds")
	b.ReportAllocs()
	for b.Loop() {
		enc := json.NewEncoder(io.Discard)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(res); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteMarkdown(b *testing.B) {
	res, _ := compareDir(b, "../../seeds")
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteMarkdown(io.Discard, res); err != nil {
			b.Fatal(err)
		}
	}
}

// bigResult compares a 50-article topic made from the five seed articles
// (ten variants of each: the day, the visit's ordinal and a spelling
// changed in some), the size of a topic in the nightly batch, where the
// reports are written for every changed topic.
func bigResult(b testing.TB) (compare.Result, []facts.Article) {
	b.Helper()
	paths, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(paths) == 0 {
		b.Fatalf("no seed articles: %v", err)
	}
	days := []string{"Wednesday", "Tuesday", "Wednesday", "Wednesday", "Thursday"}
	var extra []facts.Article
	for k := 1; k < 10; k++ {
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
			a, err := facts.ParseArticle(fmt.Sprintf("%02d_%s", k, filepath.Base(p)), []byte(text))
			if err != nil {
				b.Fatal(err)
			}
			extra = append(extra, a)
		}
	}
	return compareDir(b, "../../seeds", extra...)
}

func BenchmarkWriteHTML50(b *testing.B) {
	res, arts := bigResult(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteHTML(io.Discard, res, arts); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteJSON50(b *testing.B) {
	res, _ := bigResult(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteJSON(io.Discard, res); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteMarkdown50(b *testing.B) {
	res, _ := bigResult(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteMarkdown(io.Discard, res); err != nil {
			b.Fatal(err)
		}
	}
}
