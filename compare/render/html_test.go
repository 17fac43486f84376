package render

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"

	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/facts"
)

var update = flag.Bool("update", false, "rewrite golden files")

// compareDir reads a folder's topic file and articles and compares them,
// as "crosscheck check" does, without the store.
func compareDir(t testing.TB, dir string, extra ...facts.Article) (compare.Result, []facts.Article) {
	t.Helper()
	tp, _, err := facts.LoadTopic(filepath.Join(dir, "topic.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	x, err := facts.NewExtractor(tp)
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var arts []facts.Article
	for _, p := range paths {
		a, err := facts.ReadArticleFile(p)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	arts = append(arts, extra...)
	var all []facts.Fact
	for i := range arts {
		fs, err := x.Extract(context.Background(), &arts[i])
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, fs...)
	}
	return compare.Compare(tp, arts, all), arts
}

// outline reduces a report to its structure: headings, summary lists,
// matrix rows with their cells, spelling variants, diffs and the marks in
// each article — what must hold, without the bytes.
func outline(t *testing.T, page []byte) []string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(n *html.Node)
	text := func(n *html.Node) string {
		var b strings.Builder
		var f func(*html.Node)
		f = func(n *html.Node) {
			if n.Type == html.TextNode {
				b.WriteString(n.Data)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				f(c)
			}
		}
		f(n)
		return strings.Join(strings.Fields(b.String()), " ")
	}
	attr := func(n *html.Node, k string) string {
		for _, a := range n.Attr {
			if a.Key == k {
				return a.Val
			}
		}
		return ""
	}
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "h1", "h2":
				out = append(out, n.Data+": "+text(n))
			case "h3":
				out = append(out, "  h3: "+text(n))
			case "tr":
				if slot := attr(n, "data-slot"); slot != "" {
					var cells []string
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						if c.Type != html.ElementNode || c.Data != "td" {
							continue
						}
						details := 0
						for d := c.FirstChild; d != nil; d = d.NextSibling {
							if d.Type == html.ElementNode && d.Data == "details" {
								details++
							}
						}
						if strings.Contains(attr(c, "class"), "missing") {
							cells = append(cells, "—")
						} else if details > 0 {
							cells = append(cells, fmt.Sprint(details))
						} else {
							cells = append(cells, text(c))
						}
					}
					out = append(out, fmt.Sprintf("  row %s [%s] %s", slot, attr(n, "class"), strings.Join(cells, " ")))
				}
			case "article":
				marks := 0
				var count func(*html.Node)
				count = func(m *html.Node) {
					if m.Type == html.ElementNode && m.Data == "mark" {
						marks++
					}
					for c := m.FirstChild; c != nil; c = c.NextSibling {
						count(c)
					}
				}
				count(n)
				out = append(out, fmt.Sprintf("  article %s: %d marks", attr(n, "id"), marks))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// inert checks what must never be in a report, whatever the articles
// hold: a script other than the report's own, event-handler attributes,
// javascript: links, elements that load anything.
func inert(t *testing.T, page []byte) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	scripts := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script":
				scripts++
				if n.FirstChild == nil || n.FirstChild.Data != reportScript {
					t.Errorf("a script that is not the report's own: %q", n.FirstChild.Data)
				}
			case "img", "iframe", "object", "embed", "link", "svg", "textarea", "form", "base", "video", "audio":
				t.Errorf("element <%s> in the report", n.Data)
			}
			for _, a := range n.Attr {
				k, v := strings.ToLower(a.Key), strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(k, "on") {
					t.Errorf("event handler attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
				}
				if (k == "href" || k == "src") && !strings.HasPrefix(v, "#") && !strings.HasPrefix(v, "https://") && !strings.HasPrefix(v, "http://") {
					t.Errorf("%s=%q on <%s>", a.Key, a.Val, n.Data)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if scripts != 1 {
		t.Errorf("%d script elements, want the report's one", scripts)
	}
	if !bytes.Contains(page, []byte("default-src 'none'")) && !bytes.Contains(page, []byte("default-src &#39;none&#39;")) {
		t.Error("no Content-Security-Policy that forbids loading anything")
	}
}

// TestHTMLOutlineGolden keeps the seed report's structure in a golden
// file (regenerate with -update and review): a row per slot, a cell per
// article, the evidence count in each cell, the marks in each article.
func TestHTMLOutlineGolden(t *testing.T) {
	res, arts := compareDir(t, "../../seeds")
	var buf bytes.Buffer
	if err := WriteHTML(&buf, res, arts); err != nil {
		t.Fatal(err)
	}
	inert(t, buf.Bytes())
	got := strings.Join(outline(t, buf.Bytes()), "\n") + "\n"
	path := "../../testdata/golden/seeds-report.outline.txt"
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update): %v", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("report outline differs (-want +got):\n%s", diff)
	}
	// Every matrix link lands on an id in the page.
	ids := map[string]bool{}
	var hrefs []string
	doc, _ := html.Parse(bytes.NewReader(buf.Bytes()))
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for _, a := range n.Attr {
			if a.Key == "id" {
				ids[a.Val] = true
			}
			if a.Key == "href" && strings.HasPrefix(a.Val, "#") {
				hrefs = append(hrefs, a.Val[1:])
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	var dangling []string
	for _, h := range hrefs {
		if !ids[h] {
			dangling = append(dangling, h)
		}
	}
	sort.Strings(dangling)
	if len(dangling) > 0 {
		t.Errorf("%d links lead nowhere: %v", len(dangling), dangling)
	}
}

// hostile is article text that would run, load or break out of markup if
// a report ever let it through unescaped.
const hostile = `Hackers post a threat over the Syrian ports

Putin said: "<script>window.__pwned=1;alert(1)</script> we will keep Tartus", according to a forum post.
A second post read <img src=x onerror="window.__pwned=2"> and linked <a href="javascript:window.__pwned=3">click</a> near Tartus.
The forum's editor box showed </textarea><script>window.__pwned=4</script> and "><svg onload=window.__pwned=5> before it went down.
Russia withdrew forces from Qamishli airport, the post claimed, calling it "a <b>bold</b> move".
`

// TestHTMLHostileArticleInert: article text with scripts, handlers and
// javascript: links renders as text.
func TestHTMLHostileArticleInert(t *testing.T) {
	a, err := facts.ParseArticle("zz-hostile.txt", []byte(hostile))
	if err != nil {
		t.Fatal(err)
	}
	a.Published = facts.Day(2026, 1, 28)
	res, arts := compareDir(t, "../../seeds", a)
	for _, f := range []Format{HTML, Markdown} {
		var buf bytes.Buffer
		if err := Render(&buf, f, res, Options{Articles: arts}); err != nil {
			t.Fatal(err)
		}
		page := buf.String()
		if f == HTML {
			inert(t, buf.Bytes())
			if !strings.Contains(page, "&lt;script&gt;window.__pwned=1") {
				t.Error("the hostile script is not shown as text")
			}
		} else {
			for _, bad := range []string{"<script>", "<img", "javascript:window", "<svg", "</textarea>"} {
				if strings.Contains(page, bad) {
					t.Errorf("Markdown report holds %q unescaped", bad)
				}
			}
		}
	}
	// The hostile text reached the report through facts, not only the
	// article view: the tests above would otherwise prove little.
	found := false
	for _, sr := range res.Facts {
		for _, v := range sr.Values {
			if v.Article == "zz-hostile" && strings.Contains(v.Sentence, "<script>") {
				found = true
			}
		}
	}
	if !found {
		t.Error("no fact of the hostile article carries its <script> text")
	}
}
