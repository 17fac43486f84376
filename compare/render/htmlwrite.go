package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The report is written by hand rather than by html/template: the
// template's reflection and per-value escaper calls were a fifth of a
// batch run's CPU (docs/performance.md). Every value is escaped exactly as
// html/template escaped it in the same place — text, quoted attribute,
// RCDATA (the title) and URL — and TestHTMLWriterMatchesTemplate holds the
// output byte for byte to the template, kept in testdata as the reference.

// htmlOut builds the report in a buffer handed to w a chunk at a time,
// keeping the first error. A 50-article report is a million pieces, and
// appending each to a slice costs a fraction of a bufio.Writer call.
type htmlOut struct {
	b   []byte
	w   io.Writer
	err error
}

// newHTMLOut makes the writer of a report to w.
func newHTMLOut(w io.Writer) *htmlOut {
	return &htmlOut{b: make([]byte, 0, reportChunk+reportChunk/2), w: w}
}

// flush writes what is buffered once there is a chunk of it, or all of
// it at the end.
func (o *htmlOut) flush(end bool) {
	if len(o.b) < reportChunk && !end {
		return
	}
	if o.err == nil {
		_, o.err = o.w.Write(o.b)
	}
	o.b = o.b[:0]
}

// raw writes markup of the report's own.
func (o *htmlOut) raw(s string) {
	o.b = append(o.b, s...)
	o.flush(false)
}

// text writes s escaped for HTML text, a quoted attribute value or RCDATA:
// html/template uses the same table in all three (NUL becomes U+FFFD).
func (o *htmlOut) text(s string) {
	b := o.b
	written := 0
	for i := 0; i < len(s); {
		// Eight bytes a look while none needs escaping (report text is
		// nearly all letters and spaces), then the eight one by one.
		if i+8 <= len(s) {
			w := s[i : i+8]
			if htmlEscape[w[0]]|htmlEscape[w[1]]|htmlEscape[w[2]]|htmlEscape[w[3]]|
				htmlEscape[w[4]]|htmlEscape[w[5]]|htmlEscape[w[6]]|htmlEscape[w[7]] == 0 {
				i += 8
				continue
			}
		}
		for end := min(i+8, len(s)); i < end; i++ {
			if k := htmlEscape[s[i]]; k != 0 {
				b = append(b, s[written:i]...)
				b = append(b, htmlEscapes[k]...)
				written = i + 1
			}
		}
	}
	o.b = append(b, s[written:]...)
	o.flush(false)
}

// htmlEscape maps each byte that text escapes to its replacement's index
// in htmlEscapes; a table look-up per byte rather than a switch.
var htmlEscape = [256]uint8{0: 1, '"': 2, '&': 3, '\'': 4, '+': 5, '<': 6, '>': 7}

var htmlEscapes = [...]string{1: "\uFFFD", 2: "&#34;", 3: "&amp;", 4: "&#39;", 5: "&#43;", 6: "&lt;", 7: "&gt;"}

// int writes a number (never needs escaping).
func (o *htmlOut) int(n int) {
	o.b = strconv.AppendInt(o.b, int64(n), 10)
}

// url writes s as a whole URL attribute value: html/template's urlFilter
// (a scheme other than http, https or mailto becomes "#ZgotmplZ"), then
// its normalizer, then the attribute escaper.
func (o *htmlOut) url(s string) {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			s = "#ZgotmplZ"
		}
	}
	o.text(processURL(s, true))
}

// urlPart writes s as the part of a URL after "#": html/template's URL
// escaper, then the attribute escaper.
func (o *htmlOut) urlPart(s string) { o.text(processURL(s, false)) }

// processURL is html/template's processURLOnto: percent-encode what is
// not unreserved (norm keeps reserved characters and valid escapes).
//
// A URL that needs no encoding (every mark's link, "#a3-120-131") is
// returned as it is, before a builder is made for it.
func processURL(s string, norm bool) string {
	for i := 0; i < len(s); i++ {
		if urlEncodes(s, i, norm) {
			return processURLFrom(s, i, norm)
		}
	}
	return s
}

// urlEncodes reports whether processURL percent-encodes s[i].
func urlEncodes(s string, i int, norm bool) bool {
	c := s[i]
	switch c {
	case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
		return !norm
	case '-', '.', '_', '~':
		return false
	case '%':
		return !(norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]))
	}
	return !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9')
}

// processURLFrom is processURL of s whose first byte to encode is s[from].
func processURLFrom(s string, from int, norm bool) string {
	var b strings.Builder
	b.Grow(len(s) + 16)
	written := 0
	for i := from; i < len(s); i++ {
		if !urlEncodes(s, i, norm) {
			continue
		}
		c := s[i]
		b.WriteString(s[written:i])
		fmt.Fprintf(&b, "%%%02x", c)
		written = i + 1
	}
	b.WriteString(s[written:])
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// writeReport writes the view as report.html.tmpl did.
func writeReport(o *htmlOut, v htmlView) {
	res := &v.Res
	// Each article's label, as labelOf finds it (the first article of an
	// id), looked up rather than searched for every variant's articles.
	labels := make(map[string]string, len(res.Articles))
	for _, a := range res.Articles {
		if _, ok := labels[a.ID]; !ok {
			labels[a.ID] = a.Label
		}
	}
	o.raw(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src `)
	o.text(v.CSPScript())
	if v.Forms != nil {
		o.raw(`; img-src 'none'; connect-src 'none'; form-action 'self'; base-uri 'none'">
<meta name="referrer" content="same-origin">
<title>crosscheck: `)
	} else {
		o.raw(`; img-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'">
<meta name="referrer" content="no-referrer">
<title>crosscheck: `)
	}
	title := res.Title
	if title == "" {
		title = res.Topic
	}
	o.text(title)
	o.raw("</title>\n")
	o.raw(reportStyle)
	if v.Forms != nil {
		o.raw(formStyle)
	}
	o.raw(`
</head>
<body>
`)
	o.raw(`<header>
<p class="muted">crosscheck report · topic <code>`)
	o.text(res.Topic)
	o.raw("</code></p>\n<h1>")
	o.text(title)
	o.raw("</h1>\n")
	if res.Independence != "" {
		o.raw("<p><strong>")
		o.text(res.Independence)
		o.raw("</strong></p>")
	}
	o.raw(`
<table class="articles">
<caption class="muted" style="caption-side:bottom;text-align:left">Articles compared; the letter heads their column in the matrix.</caption>
<thead><tr><th scope="col">Col.</th><th scope="col">Outlet</th><th scope="col">Wire / source</th><th scope="col">Byline</th><th scope="col">Published</th><th scope="col">Headline</th></tr></thead>
<tbody>
`)
	for i := range v.Articles {
		a := &v.Articles[i]
		o.raw(`<tr><th scope="row"><a href="#`)
		o.urlPart(a.Anchor)
		o.raw(`">`)
		o.text(a.Letter)
		o.raw(`</a></th><td>`)
		if a.Outlet != "" {
			o.text(a.Outlet)
		} else {
			o.raw(`<span class="muted">`)
			o.text(a.ID)
			o.raw(` (outlet unknown)</span>`)
		}
		o.raw(`</td><td>`)
		o.text(a.Wire)
		if a.Source != "" && a.Source != a.Wire {
			if a.Wire != "" {
				o.raw(" · ")
			}
			o.text(a.Source)
		}
		o.raw(`</td><td>`)
		o.text(a.Byline)
		o.raw(`</td><td>`)
		o.text(a.Published)
		o.raw(`</td><td>`)
		if a.URL != "" {
			o.raw(`<a href="`)
			o.url(a.URL)
			o.raw(`" rel="noreferrer noopener">`)
			o.text(a.Title)
			o.raw(`</a>`)
		} else {
			o.text(a.Title)
		}
		o.raw("</td></tr>\n")
	}
	o.raw(`</tbody>
</table>
</header>

<main>
<section aria-labelledby="summary">
<h2 id="summary">Summary</h2>
<ul class="counts">
<li class="st-contradiction"><span class="st">✗ `)
	o.int(res.Summary.Contradiction)
	o.raw(` contradiction</span></li>
<li class="st-omission"><span class="st">◌ `)
	o.int(res.Summary.Omission)
	o.raw(` omission</span></li>
<li class="st-nuance"><span class="st">≈ `)
	o.int(res.Summary.Nuance)
	o.raw(` nuance</span></li>
<li class="st-variant"><span class="st">~ `)
	o.int(res.Summary.Variant)
	o.raw(` variant</span></li>
<li class="st-agree"><span class="st">✓ `)
	o.int(res.Summary.Agree)
	o.raw(` agree</span></li>
</ul>
<div class="summary">
`)
	for _, l := range v.Lists {
		o.raw(`<div class="st-`)
		o.text(string(l.Status))
		o.raw(`"><h3 class="st wrap">`)
		o.text(statusIcon[l.Status])
		o.raw(" ")
		o.text(l.Title)
		o.raw("</h3>")
		if len(l.Items) > 0 {
			o.raw("<ul>")
			for _, it := range l.Items {
				o.raw("<li>")
				o.text(it)
				o.raw("</li>")
			}
			o.raw("</ul>")
		}
		if len(l.More) > 0 {
			o.raw(`<details class="more"><summary>`)
			o.int(len(l.More))
			o.raw(` from general facts</summary><ul>`)
			for _, it := range l.More {
				o.raw("<li>")
				o.text(it)
				o.raw("</li>")
			}
			o.raw("</ul></details>")
		}
		if l.Folded != 0 {
			o.raw(`<p class="muted">`)
			o.text(foldedNote(l.Folded))
			o.raw("</p>")
		}
		o.raw("</div>\n")
	}
	o.raw(`</div>
</section>

<section aria-labelledby="matrix">
<h2 id="matrix">Fact matrix</h2>
<p class="muted">One row per fact, one column per article. Open a cell for the sentence that states it; the link goes to the place in the article. — means the article does not state it; ~ reported (not in the outlet's own voice); ¬ denied.</p>
<div class="controls" id="controls" hidden>
`)
	if v.General {
		o.raw(`<label><input type="checkbox" id="f-general" checked> show general facts (found without a topic slot)</label>`)
	}
	o.raw(`
<label><input type="checkbox" id="f-agree" checked> show rows where all agree</label>
</div>
<div class="matrix-wrap" tabindex="0" role="region" aria-label="Fact matrix, scrolls sideways">
<table class="matrix" id="matrix-table">
<caption class="muted" style="text-align:left">`)
	o.int(len(v.Rows))
	o.raw(` rows × `)
	o.int(len(v.Articles))
	o.raw(` articles</caption>
<thead><tr><th scope="col">Fact</th><th scope="col">Status</th>`)
	for i := range v.Articles {
		a := &v.Articles[i]
		o.raw(`<th scope="col" title="`)
		o.text(a.Label)
		o.raw(`"><a href="#`)
		o.urlPart(a.Anchor)
		o.raw(`">`)
		o.text(a.Letter)
		o.raw(`</a> `)
		o.text(a.Label)
		o.raw(`</th>`)
	}
	o.raw("</tr></thead>\n<tbody>\n")
	gen := false
	for i := range v.Rows {
		r := &v.Rows[i]
		if r.Generated && !gen {
			gen = true
			o.raw(`<tr class="section general"><th colspan="`)
			o.int(v.Cols())
			o.raw(`" scope="rowgroup">General facts — found without a topic slot, stated by two or more articles</th></tr>`)
		}
		o.raw(`
<tr class="st-`)
		o.text(string(r.Status))
		if r.Generated {
			o.raw(" general")
		}
		o.raw(`" data-slot="`)
		o.text(r.Slot)
		o.raw(`"`)
		if v.Forms != nil && r.First {
			o.raw(` id="`)
			o.text(r.ID)
			o.raw(`"`)
		}
		o.raw(`>
<th scope="row"><span class="label">`)
		o.text(r.Label)
		o.raw(`</span><br><code class="muted">`)
		o.text(r.ID)
		o.raw(`</code>`)
		if r.Verdict != "" {
			if r.Stale {
				o.raw(`<br><span class="verdict stale">⚖ `)
			} else {
				o.raw(`<br><span class="verdict">⚖ `)
			}
			o.text(r.Verdict)
			o.raw(`</span>`)
		}
		if v.Forms != nil && r.Form {
			writeJudge(o, v.Judge(r.ID))
		}
		o.raw(`</th>
<td class="st-`)
		o.text(string(r.Status))
		o.raw(`"><span class="st">`)
		o.text(statusIcon[r.Status])
		o.raw(" ")
		o.text(string(r.Status))
		o.raw("</span></td>\n")
		for j := range r.Cells {
			c := &r.Cells[j]
			if c.Empty {
				o.raw(`<td class="missing"><span aria-label="not stated">—</span></td>`)
				continue
			}
			o.raw("<td>")
			for k := range c.Values {
				hv := &c.Values[k]
				if hv.Background {
					o.raw(`<details class="bg"><summary>`)
				} else {
					o.raw(`<details><summary>`)
				}
				o.text(hv.Short)
				o.raw(`</summary><div class="ev"><q>`)
				o.text(hv.Before)
				o.raw("<mark>")
				o.text(hv.Surface)
				o.raw("</mark>")
				o.text(hv.After)
				o.raw("</q>")
				if hv.Attribution != "" {
					o.raw(`<br><span class="muted">`)
					o.text(hv.Attribution)
					o.raw("</span>")
				}
				if hv.Background {
					o.raw(`<br><span class="muted">an earlier occurrence, not this article's value</span>`)
				}
				o.raw(`<br><a href="`)
				o.url(hv.Link)
				o.raw(`">in the article</a></div></details>`)
			}
			o.raw("</td>")
		}
		o.raw("\n</tr>")
	}
	o.raw(`
</tbody>
</table>
</div>
</section>

<section aria-labelledby="variants">
<h2 id="variants">Spelling variants</h2>
`)
	if len(res.Variants) > 0 {
		o.raw(`<table>
<thead><tr><th scope="col">Name</th><th scope="col">Spellings, and who uses them</th></tr></thead>
<tbody>`)
		for _, g := range res.Variants {
			if v.Forms != nil {
				o.raw(`<tr id="`)
				o.text(g.ID)
				o.raw(`"><th scope="row">`)
			} else {
				o.raw(`<tr><th scope="row">`)
			}
			o.text(g.Canonical)
			o.raw(`<br><code class="muted">`)
			o.text(g.ID)
			o.raw(`</code>`)
			if vt := verdictText(g.Verdict); vt != "" {
				o.raw(`<br><span class="verdict">⚖ `)
				o.text(vt)
				o.raw(`</span>`)
			}
			if v.Forms != nil {
				writeJudge(o, v.Judge(g.ID))
			}
			o.raw(`</th><td>`)
			for i, f := range g.Forms {
				if i != 0 {
					o.raw(" · ")
				}
				o.raw("<strong>")
				o.text(f.Form)
				o.raw("</strong> (")
				// v.LabelsOf(f.Articles), written label by label: text
				// escapes byte by byte, and ", " needs no escape.
				for k, id := range f.Articles {
					if k > 0 {
						o.raw(", ")
					}
					if l, ok := labels[id]; ok {
						o.text(l)
					} else {
						o.text(id)
					}
				}
				o.raw(")")
			}
			o.raw("</td></tr>")
		}
		o.raw("</tbody>\n</table>")
	} else {
		o.raw("<p>No name is spelled two ways.</p>")
	}
	o.raw(`
</section>

<section aria-labelledby="diffs">
<h2 id="diffs">Word diffs</h2>
`)
	if len(v.Diffs) > 0 {
		o.raw(`<p class="muted">Each wording against the first article's; <del>struck</del> words only the first has, <ins>green</ins> words only this one has.</p>
`)
		for _, d := range v.Diffs {
			o.raw("<h3>")
			o.text(d.Label)
			o.raw(`</h3><table class="diff"><tbody>`)
			for _, dr := range d.Rows {
				o.raw(`<tr><th scope="row">`)
				o.text(dr.Label)
				o.raw("</th><td>")
				if dr.Plain != "" {
					o.text(dr.Plain)
				} else {
					for _, op := range dr.Ops {
						switch op.Op {
						case "delete":
							o.raw("<del>")
							o.text(op.Text)
							o.raw("</del> ")
						case "insert":
							o.raw("<ins>")
							o.text(op.Text)
							o.raw("</ins> ")
						default:
							o.text(op.Text)
							o.raw(" ")
						}
					}
				}
				o.raw("</td></tr>")
			}
			o.raw("</tbody></table>\n")
		}
	} else {
		o.raw("<p>No differing wording to compare.</p>")
	}
	o.raw(`
</section>

<section aria-labelledby="texts">
<h2 id="texts">Articles</h2>
<p class="muted">Facts are marked in the text, coloured by their row's status; each mark is a target of the matrix's links.</p>
`)
	for i := range v.Articles {
		a := &v.Articles[i]
		o.raw(`<article class="article" id="`)
		o.text(a.Anchor)
		o.raw(`" aria-labelledby="`)
		o.text(a.Anchor)
		o.raw(`-h">
<h3 id="`)
		o.text(a.Anchor)
		o.raw(`-h">`)
		o.text(a.Letter)
		o.raw(" · ")
		if a.Outlet != "" {
			o.text(a.Outlet)
		} else {
			o.text(a.ID)
		}
		if a.Title != "" {
			o.raw(" — ")
			o.text(a.Title)
		}
		o.raw(`</h3>
<p class="muted">`)
		o.text(a.File)
		if a.Wire != "" {
			o.raw(" · ")
			o.text(a.Wire)
		}
		if a.Byline != "" {
			o.raw(" · ")
			o.text(a.Byline)
		}
		if a.Published != "" {
			o.raw(" · ")
			o.text(a.Published)
		}
		o.raw("</p>\n")
		if a.HasText {
			for _, p := range a.Paras {
				o.raw("<p>")
				for k := range p {
					sg := &p[k]
					for _, an := range sg.Anchors {
						o.raw(`<span id="`)
						o.text(an)
						o.raw(`"></span>`)
					}
					if sg.Mark {
						o.raw(`<mark id="`)
						o.text(sg.ID)
						o.raw(`" class="st-`)
						o.text(string(sg.Status))
						o.raw(`" title="`)
						o.text(sg.Title)
						o.raw(" (")
						o.text(string(sg.Status))
						o.raw(`)">`)
						o.text(sg.Text)
						o.raw("</mark>")
					} else {
						o.text(sg.Text)
					}
				}
				o.raw("</p>\n")
			}
		} else {
			o.raw(`<p class="muted">Text not available.</p>`)
		}
		o.raw("\n</article>\n")
	}
	o.raw(`</section>
</main>
<footer class="muted"><p>Made by crosscheck from `)
	o.int(len(v.Articles))
	o.raw(` articles. Statuses: ✗ contradiction, ◌ omission, ≈ nuance, ~ variant, ✓ agree.</p></footer>
<script>`)
	o.raw(string(v.Script()))
	o.raw(`</script>
</body>
</html>
`)
}

// reportStyle is the report's style sheet, from <style> to <body>.
const reportStyle = `<style>
:root{--fg:#1b1b1b;--muted:#5c5c5c;--line:#d4d4d4;--bg:#fff;--soft:#f6f6f4;
--contradiction:#b3261e;--omission:#8a5a00;--nuance:#0b5f8a;--variant:#6b3fa0;--agree:#2e6b30}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;padding:1.2rem 1.5rem 3rem;max-width:1400px}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.2rem;margin:1.8rem 0 .6rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}
h3{font-size:1rem;margin:1rem 0 .4rem}
.muted{color:var(--muted)}
.verdict{font-weight:600}.verdict.stale{color:var(--c, #b00020)}
a{color:#0b57d0}
a:focus,summary:focus,input:focus{outline:3px solid #ffbf47;outline-offset:1px}
table{border-collapse:collapse}
th,td{border:1px solid var(--line);padding:.3rem .45rem;vertical-align:top;text-align:left}
thead th{background:var(--soft)}
.articles td,.articles th{font-size:.9rem}
.st{font-weight:600;white-space:nowrap}
.st-contradiction .st,.st-contradiction.st{color:var(--contradiction)}
.st-omission .st,.st-omission.st{color:var(--omission)}
.st-nuance .st,.st-nuance.st{color:var(--nuance)}
.st-variant .st,.st-variant.st{color:var(--variant)}
.st-agree .st,.st-agree.st{color:var(--agree)}
.counts{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:.4rem 0 1rem}
.counts li{border:1px solid var(--line);border-radius:6px;padding:.3rem .7rem;background:var(--soft)}
.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:.2rem 1.5rem}
.summary .more summary{color:var(--muted);font-size:.9rem}
.st.wrap{white-space:normal}
.summary ul{margin:.2rem 0 .6rem;padding-left:1.2rem}
.summary li{margin:.15rem 0}
.matrix-wrap{overflow-x:auto;border:1px solid var(--line);max-width:100%}
.matrix{font-size:.88rem;min-width:100%}
.matrix th[scope=row]{position:sticky;left:0;background:var(--bg);min-width:11rem;max-width:16rem;font-weight:600;z-index:1}
.matrix td{min-width:8.5rem;max-width:18rem}
.matrix td.missing{color:var(--muted);background:repeating-linear-gradient(45deg,#fff,#fff 6px,#f3f0e6 6px,#f3f0e6 12px)}
.matrix tr.st-contradiction th[scope=row]{box-shadow:inset 4px 0 var(--contradiction)}
.matrix tr.st-omission th[scope=row]{box-shadow:inset 4px 0 var(--omission)}
.matrix tr.st-nuance th[scope=row]{box-shadow:inset 4px 0 var(--nuance)}
.matrix tr.st-variant th[scope=row]{box-shadow:inset 4px 0 var(--variant)}
.matrix tr.general th[scope=row]{font-weight:500}
.matrix tr.section th{background:var(--soft);font-style:italic;font-weight:500}
details summary{cursor:pointer}
.articles td:nth-child(5){white-space:nowrap}

details .ev{margin:.35rem 0 0;padding:.35rem .5rem;border-left:3px solid var(--line);background:var(--soft);font-size:.85rem}
mark{background:#fff1a8;padding:0 .1em}
mark.st-contradiction{background:#f9d3cf}mark.st-omission{background:#fde7b8}
mark.st-nuance{background:#d6eaf6}mark.st-variant{background:#e8dcf5}mark.st-agree{background:#dcefd9}
.bg{color:var(--muted);font-style:italic}
del{background:#f9d3cf;text-decoration:line-through}ins{background:#dcefd9;text-decoration:none}
.diff td{font-size:.9rem}
.article{border-top:1px solid var(--line);padding-top:.4rem;margin-top:1.2rem}
.article p{max-width:48rem}
.controls{margin:.6rem 0;display:flex;gap:1.2rem;flex-wrap:wrap}
.controls[hidden]{display:none}
.articles{display:block;max-height:min(45vh,22rem);overflow-y:auto}
.hide-general tr.general,.hide-agree tr.st-agree{display:none}
@media print{
body{font-size:10pt;padding:0;max-width:none}
.controls,.noprint{display:none}
.articles{display:table;max-height:none;overflow:visible}
.matrix-wrap{overflow:visible;border:0}
.matrix{font-size:8pt}
.matrix th[scope=row]{position:static}
details>*{display:block}
a{color:inherit;text-decoration:none}
h2{break-after:avoid}tr{break-inside:avoid}
.article{break-before:page}
}
</style>`

// formStyle styles the verdict forms of a served page.
const formStyle = `
<style>
form.judge{margin:.35rem 0 0;font-weight:400;font-size:.82rem;display:flex;flex-wrap:wrap;gap:.25rem}
form.judge input[name=note]{flex:1 1 100%;min-width:0}form.judge input[name=by]{width:6rem}
form.judge button{font:inherit;padding:.1rem .4rem;cursor:pointer}
@media print{form.judge{display:none}}
</style>`

// writeJudge writes a finding's verdict form, as the template's "judge".
func writeJudge(o *htmlOut, f judgeForm) {
	o.raw(`<form class="judge" method="post" action="`)
	o.url(f.Action)
	o.raw(`"><input type="hidden" name="csrf" value="`)
	o.text(f.Token)
	o.raw(`"><input type="hidden" name="finding" value="`)
	o.text(f.ID)
	o.raw(`"><input name="note" maxlength="4000" placeholder="note: what you checked" aria-label="note on `)
	o.text(f.ID)
	o.raw(`"><input name="by" value="`)
	o.text(f.By)
	o.raw(`" placeholder="your name" aria-label="judged by"><button type="submit" name="decision" value="confirm">confirm</button><button type="submit" name="decision" value="dismiss">dismiss</button><button type="submit" name="decision" value="follow-up">follow-up</button></form>`)
}
