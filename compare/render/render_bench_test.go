package render

import (
	"bufio"
	"encoding/json"
	"io"
	"testing"
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
