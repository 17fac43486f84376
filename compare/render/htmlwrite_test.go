package render

import (
	"bufio"
	"bytes"
	"html/template"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/facts"
)

// oracleHTML renders the report with html/template and the template the
// hand-written writer replaced (testdata/report.html.tmpl), the reference
// the writer must match byte for byte.
func oracleHTML(t testing.TB, res compare.Result, arts []facts.Article) string {
	t.Helper()
	tmpl, err := oracleTemplate()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	if err := tmpl.Execute(bw, buildView(res, arts)); err != nil {
		t.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

var oracleTemplate = sync.OnceValues(func() (*template.Template, error) {
	src, err := os.ReadFile("testdata/report.html.tmpl")
	if err != nil {
		return nil, err
	}
	return template.New("report").Funcs(template.FuncMap{
		"mark":    func(st compare.Status) string { return statusIcon[st] },
		"class":   func(st compare.Status) string { return "st-" + string(st) },
		"folded":  foldedNote,
		"verdict": verdictText,
	}).Parse(string(src))
})

// matchOracle fails when WriteHTML and the template differ.
func matchOracle(t testing.TB, res compare.Result, arts []facts.Article) {
	t.Helper()
	var got bytes.Buffer
	if err := WriteHTML(&got, res, arts); err != nil {
		t.Fatal(err)
	}
	if want := oracleHTML(t, res, arts); got.String() != want {
		t.Fatalf("WriteHTML differs from the template (-template +writer):\n%s",
			cmp.Diff(strings.Split(want, "\n"), strings.Split(got.String(), "\n")))
	}
}

// hostileText is text with everything html/template escapes or filters in
// some context: markup, quotes, '+', '&', NUL, bidi controls, invalid
// UTF-8 and the characters URLs encode.
const hostileText = "<script>alert('x\"y')</script> & + \x00 \u202e é \xff %zz %41 #a?b=c [d] {e} `f` ~g"

// TestHTMLWriterMatchesTemplate holds the hand-written report to the
// template it replaced, byte for byte, on the seed story, the ferry story
// and a result whose every string is hostileText (URLs of every scheme
// included), so that no escaping rule was lost.
func TestHTMLWriterMatchesTemplate(t *testing.T) {
	for _, dir := range []string{"../../seeds", "../../testdata/ferry"} {
		t.Run(dir, func(t *testing.T) {
			res, arts := compareDir(t, dir)
			if len(res.Facts) == 0 || len(arts) == 0 {
				t.Fatalf("%s: nothing compared", dir)
			}
			matchOracle(t, res, arts)
		})
	}
	t.Run("hostile", func(t *testing.T) {
		res, arts := compareDir(t, "../../seeds")
		urls := []string{"javascript:alert(1)", "JavaScript:x", "https://x.test/a b?q=" + hostileText,
			"HTTP://x", "mailto:a@b", "/rel:x", "data:text/html,<b>", "%41%zz", "", "#" + hostileText}
		res.Title = hostileText
		res.Topic = hostileText
		res.Independence = hostileText
		for i := range res.Articles {
			a := &res.Articles[i]
			a.URL = urls[i%len(urls)]
			a.Label, a.Title, a.Byline, a.Published = hostileText, hostileText, hostileText, hostileText
			a.Wire, a.File = hostileText, hostileText
			if i%2 == 0 {
				a.Outlet = ""
				a.ID += hostileText
			}
		}
		for i := range res.Facts {
			sr := &res.Facts[i]
			sr.Label, sr.Slot, sr.Headline = hostileText, sr.Slot+hostileText, hostileText
			for j := range sr.Values {
				v := &sr.Values[j]
				v.Sentence = hostileText + v.Sentence
				v.Surface = hostileText
				v.Source = hostileText
				v.Value = hostileText
				if j%3 == 0 {
					v.Diff = []compare.DiffOp{{Op: "delete", Text: hostileText}, {Op: "insert", Text: hostileText}, {Op: "equal", Text: hostileText}}
				}
			}
		}
		for i := range res.Variants {
			res.Variants[i].Canonical = hostileText
			for j := range res.Variants[i].Forms {
				res.Variants[i].Forms[j].Form = hostileText
			}
		}
		for i := range arts {
			arts[i].Text = strings.ReplaceAll(arts[i].Text, "a", "<&+'\"\x00>")
		}
		matchOracle(t, res, arts)
	})
	t.Run("empty", func(t *testing.T) {
		matchOracle(t, compare.Result{}, nil)
	})
}

// TestHTMLWriterMatchesTemplateWithForms holds the served page (verdict
// forms, a verdict, a stale one) to the template too, with hostile form
// values.
func TestHTMLWriterMatchesTemplateWithForms(t *testing.T) {
	res, arts := compareDir(t, "../../seeds")
	res.Facts[0].Verdict = &compare.VerdictView{Decision: "dismiss", Note: hostileText, By: hostileText, At: "2026-11-29T08:00:00Z"}
	res.Facts[1].Verdict = &compare.VerdictView{Decision: "confirm", Stale: true, Finding: "f-0123456789", At: "2026-11-29T08:00:00Z"}
	if len(res.Variants) > 0 {
		res.Variants[0].Verdict = &compare.VerdictView{Decision: "follow-up", Note: hostileText, At: "x"}
	}
	for _, forms := range []*VerdictForms{nil, {Action: "/topics/t/verdict?x=" + hostileText, Token: hostileText, By: hostileText}} {
		var got bytes.Buffer
		if err := writeHTML(&got, res, arts, forms); err != nil {
			t.Fatal(err)
		}
		tmpl, err := oracleTemplate()
		if err != nil {
			t.Fatal(err)
		}
		v := buildView(res, arts)
		v.Forms = forms
		var want bytes.Buffer
		if err := tmpl.Execute(&want, v); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Fatalf("forms %v: WriteHTML differs from the template (-template +writer):\n%s", forms != nil,
				cmp.Diff(strings.Split(want.String(), "\n"), strings.Split(got.String(), "\n")))
		}
	}
}
