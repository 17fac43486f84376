package facts

import (
	"reflect"
	"testing"
)

// scanQuotesRef is scanQuotes before it held the pending quote by value
// and cut first pieces from an arena.
func scanQuotesRef(text string, body []Span) []quoteSpan {
	var out []quoteSpan
	var pending *quoteSpan
	for pi, para := range body {
		marks := quoteMarks(text, para)
		cont := false
		if pending != nil {
			if pi == pending.paraClose+1 && len(marks) > 0 && marks[0].dir&markOpen != 0 &&
				marks[0].Start == skipSpace(text, para.Start, para.End) {
				cont = true
			} else {
				out = append(out, *pending)
				pending = nil
			}
		}
		for _, s := range pairMarks(para, marks, cont) {
			var q quoteSpan
			if s.cont && pending != nil {
				q = *pending
				pending = nil
			} else {
				q = quoteSpan{open: s.open, paraOpen: pi}
			}
			st := skipSpace(text, s.start, s.end)
			piece := Span{st, trimRightSpace(text, st, s.end)}
			if piece.Len() > 0 {
				q.pieces = append(q.pieces, piece)
			}
			q.paraClose = pi
			if !s.closed {
				pending = &q
				continue
			}
			q.close = s.close
			if len(q.pieces) > 0 {
				out = append(out, q)
			}
		}
	}
	if pending != nil {
		out = append(out, *pending)
	}
	kept := out[:0]
	for _, q := range out {
		if len(q.pieces) > 0 {
			kept = append(kept, q)
		}
	}
	return kept
}

// scanQuotesEdge are quotes continued across paragraphs, left open and
// never opened.
var scanQuotesEdge = []string{
	"Port news\n\n“We will keep the port open,\n\n“and we will not close it,” Ann Roe said.\n\nShe added: “Soon.",
	"Ferry fees capped at Port Alder\n\nThe Harbour Trust voted on Tuesday to cap fees for the ferry, its chair said.\n\n“We will keep the port open for every boat that needs it this winter and next,\n\n“and we will not close it to anyone who pays the fee,” Ann Roe said on Tuesday.\n\nGovernor June Ellis said: “The port stays open for the whole season\n\nand the fees stay where they are.” She left.",
	"Port news\n\n\"One\" and \"two\n\n\"three\n\nfour\" five.\n\n”Closed only.",
	"Port news\n\n«Nous restons» dit-il. „Wir bleiben“ and ‘single ‘nested’ quote’.",
}

// TestScanQuotesMatchesReference: on the bodies of the seeds, the corpus,
// the fuzz texts and edge cases, scanQuotes finds what scanQuotesRef
// found, pieces and all.
func TestScanQuotesMatchesReference(t *testing.T) {
	texts := append([]string(nil), fuzzTexts...)
	texts = append(texts, scanQuotesEdge...)
	texts = append(texts, readTexts(t, "../seeds/*.txt", "../../shared/corpus/*/*.txt")...)
	multi, n := 0, 0
	for _, s := range texts {
		a, err := ParseArticle("t.txt", []byte(s))
		if err != nil {
			continue
		}
		got, want := scanQuotes(a.Text, a.Body), scanQuotesRef(a.Text, a.Body)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("scanQuotes of %q:\n got %+v\nwant %+v", s, got, want)
		}
		for _, q := range want {
			n++
			if len(q.pieces) > 1 {
				multi++
			}
		}
	}
	if n < 50 || multi == 0 {
		t.Fatalf("%d quotes, %d of several pieces: the test checks little", n, multi)
	}
}

// FuzzScanQuotes holds scanQuotes to scanQuotesRef on any article.
func FuzzScanQuotes(f *testing.F) {
	for _, s := range scanQuotesEdge {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseArticle("t.txt", []byte(s))
		if err != nil {
			return
		}
		if got, want := scanQuotes(a.Text, a.Body), scanQuotesRef(a.Text, a.Body); !reflect.DeepEqual(got, want) {
			t.Fatalf("scanQuotes:\n got %+v\nwant %+v", got, want)
		}
	})
}
