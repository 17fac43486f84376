package render

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestHTMLVerdictForms checks Options.Forms: off, the report posts
// nothing (form-action 'none', no form); on, each finding to judge has one
// form with the three decisions, posting where told, its values escaped.
func TestHTMLVerdictForms(t *testing.T) {
	res, arts := compareDir(t, filepath.Join("..", "..", "seeds"))
	var static bytes.Buffer
	if err := Render(&static, HTML, res, Options{Articles: arts}); err != nil {
		t.Fatal(err)
	}
	if s := static.String(); strings.Contains(s, "<form") || !strings.Contains(s, "form-action 'none'") || !strings.Contains(s, `content="no-referrer"`) {
		t.Error("the static report has a form, or lost form-action 'none' or its no-referrer policy")
	}

	hostile := `"><script>alert(1)</script>`
	var page bytes.Buffer
	forms := &VerdictForms{Action: "/topics/x/verdict?a=1&b=2", Token: "tok" + hostile, By: "ann" + hostile}
	if err := Render(&page, HTML, res, Options{Articles: arts, Forms: forms}); err != nil {
		t.Fatal(err)
	}
	if s := page.String(); !strings.Contains(s, "form-action 'self'") || strings.Contains(s, "form-action 'none'") || !strings.Contains(s, `content="same-origin"`) {
		t.Error("the served page's policy does not let its forms post to itself")
	}
	doc, err := html.Parse(bytes.NewReader(page.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{} // findings to judge: not agreement, and the spelling groups
	for _, sr := range res.Facts {
		if sr.Status != "agree" {
			want[sr.ID] = true
		}
	}
	for _, g := range res.Variants {
		want[g.ID] = true
	}
	got := map[string]int{}
	scripts := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "script" {
			scripts++
		}
		if n.Type == html.ElementNode && n.Data == "form" {
			f := formOf(n)
			got[f["finding"]]++
			if f["action"] != forms.Action || f["method"] != "post" || f["csrf"] != forms.Token || f["by"] != forms.By {
				t.Errorf("form of %s: %v", f["finding"], f)
			}
			if f["decisions"] != "confirm dismiss follow-up" {
				t.Errorf("form of %s has buttons %q", f["finding"], f["decisions"])
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for id := range want {
		if got[id] != 1 {
			t.Errorf("finding %s has %d forms, want 1", id, got[id])
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d findings have forms, want %d", len(got), len(want))
	}
	if scripts != 1 {
		t.Errorf("%d scripts on the page, want the report's one", scripts)
	}
}

// formOf reads a form's action, method, named inputs and its buttons'
// decisions.
func formOf(n *html.Node) map[string]string {
	f := map[string]string{}
	for _, a := range n.Attr {
		f[a.Key] = a.Val
	}
	var decisions []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[a.Key] = a.Val
			}
			switch n.Data {
			case "input":
				f[attr["name"]] = attr["value"]
			case "button":
				decisions = append(decisions, attr["value"])
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	f["decisions"] = strings.Join(decisions, " ")
	return f
}
