package render

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"slices"
	"sort"
	"strconv"

	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/facts"
)

// HTML is the format of the self-contained report an editor opens in a
// browser.
const HTML Format = "html"

// statusIcon shows each status by a mark as well as by colour.
var statusIcon = map[compare.Status]string{
	compare.Contradiction: "✗",
	compare.Omission:      "◌",
	compare.Nuance:        "≈",
	compare.Variant:       "~",
	compare.Agree:         "✓",
}

// htmlView is what the template shows; it only rearranges the Result
// (and cuts the article texts into marked segments).
type htmlView struct {
	Res      compare.Result
	Articles []htmlArticle
	Rows     []htmlRow
	General  bool // some rows are general facts
	Lists    []statusList
	Diffs    []diffBlock
	// Forms is set on a page served with verdict forms (Options.Forms).
	Forms *VerdictForms
}

type htmlArticle struct {
	compare.Article
	Letter   string
	Anchor   string
	Source   string
	Paras    [][]segment
	HasText  bool
	TitleSeg []segment
}

// segment is a run of article text, marked when it is a fact's surface.
// Anchors are ids of marks that overlap this one, so every cell's link
// still lands in the text.
type segment struct {
	Text    string
	Mark    bool
	ID      string
	Status  compare.Status
	Title   string
	Anchors []string
}

// markSpan is a fact surface to mark in an article's text.
type markSpan struct {
	From, To int
	ID       string
	Status   compare.Status
	Title    string
}

type htmlRow struct {
	Label     string
	Slot      string
	Status    compare.Status
	Generated bool
	Headline  string
	// ID and Verdict are the finding's id and the desk's verdict on it in
	// words ("" when none).
	ID, Verdict string
	Stale       bool
	// First is true on the row that carries a finding's anchor and
	// verdict form (a set slot has a row per element).
	// Form is true when that form is shown: a finding other than
	// agreement, or one the desk judged anyway.
	First, Form bool
	Cells       []htmlCell
}

// htmlCell is one article's cell of a matrix row. It holds only what the
// report shows: a 50-article report has ten thousand cells.
type htmlCell struct {
	Empty  bool
	Values []htmlValue
}

// htmlValue is one value in a cell: its evidence, cut around the surface.
type htmlValue struct {
	Background             bool
	Short                  string
	Before, Surface, After string
	Link                   string
	Attribution            string
}

// WriteHTML writes the report: the articles, a summary an editor reads
// first, the fact matrix with every cell's evidence, spelling variants,
// word diffs and the articles with their facts marked. arts supplies the
// texts (by id); articles missing from it are listed without text.
func WriteHTML(w io.Writer, res compare.Result, arts []facts.Article) error {
	return writeHTML(w, res, arts, nil)
}

// writeHTML is WriteHTML with verdict forms on the findings when forms is
// set (Options.Forms).
func writeHTML(w io.Writer, res compare.Result, arts []facts.Article, forms *VerdictForms) error {
	v := buildView(res, arts)
	v.Forms = forms
	o := newHTMLOut(w)
	writeReport(o, v)
	if o.flush(true); o.err != nil {
		return fmt.Errorf("write html: %w", o.err)
	}
	return nil
}

func buildView(res compare.Result, arts []facts.Article) htmlView {
	v := htmlView{Res: res}
	texts := make(map[string]*facts.Article, len(arts)) // the last of an id, as a map of copies held
	for i := range arts {
		texts[arts[i].ID] = &arts[i]
	}
	anchor := map[string]string{}
	source := map[string]string{}
	for _, g := range res.Sources {
		for _, id := range g.Articles {
			source[id] = g.Source
		}
	}
	for i, a := range res.Articles {
		anchor[a.ID] = "a" + strconv.Itoa(i+1)
	}
	// Marks in the article texts: every value's surface, by status. The
	// cells link to the same marks: each value's link ("#" and the mark's
	// id) is made once, the id being the rest of it. The matrix rows
	// share the values of res.Facts, so a slot's first value's address
	// finds the links of its values. Links and marks are carved from one
	// block each, made at their size, as are the cells and their values
	// below: a 50-article report has ten thousand cells.
	total := 0
	perArt := map[string]int{}
	for si := range res.Facts {
		for vi := range res.Facts[si].Values {
			perArt[res.Facts[si].Values[vi].Article]++
			total++
		}
	}
	linkBlock := make([]string, total)
	markBlock := make([]markSpan, total)
	marks := make(map[string][]markSpan, len(perArt))
	links := make(map[*compare.Value][]string, len(res.Facts))
	var lb []byte
	for si := range res.Facts {
		sr := &res.Facts[si]
		if len(sr.Values) == 0 {
			continue
		}
		title := slotLabel(*sr)
		sl := linkBlock[:len(sr.Values):len(sr.Values)]
		linkBlock = linkBlock[len(sr.Values):]
		links[&sr.Values[0]] = sl
		for vi := range sr.Values {
			val := &sr.Values[vi]
			// "#" + anchor + "-" + from + "-" + to, made as one string.
			lb = append(append(append(lb[:0], '#'), anchor[val.Article]...), '-')
			lb = append(strconv.AppendInt(lb, int64(val.Span[0]), 10), '-')
			link := string(strconv.AppendInt(lb, int64(val.Span[1]), 10))
			sl[vi] = link
			ms, ok := marks[val.Article]
			if !ok {
				n := perArt[val.Article]
				ms, markBlock = markBlock[:0:n], markBlock[n:]
			}
			marks[val.Article] = append(ms, markSpan{
				From: val.Span[0], To: val.Span[1],
				ID: link[1:], Status: sr.Status, Title: title,
			})
		}
	}
	v.Articles = make([]htmlArticle, 0, len(res.Articles))
	var sorted []markSpan // one article's marks in order, reused
	var segs []segment    // one article's segments, reused
	var ends []int        // where each paragraph's segments end in segs
	for i, a := range res.Articles {
		ha := htmlArticle{Article: a, Letter: letter(i), Anchor: anchor[a.ID], Source: source[a.ID]}
		if t, ok := texts[a.ID]; ok {
			ha.HasText = true
			sorted = sortMarksInto(sorted, marks[a.ID])
			// The article's segments are cut into one reused buffer, then
			// copied into a block of their exact number.
			segs, ends = segs[:0], ends[:0]
			for _, p := range t.Body {
				segs = appendSegments(segs, t.Text, p, sorted)
				ends = append(ends, len(segs))
			}
			block := make([]segment, len(segs))
			copy(block, segs)
			clear(segs) // let go of the strings held
			ha.Paras = make([][]segment, len(t.Body))
			start := 0
			for k, end := range ends {
				if end > start {
					ha.Paras[k] = block[start:end:end]
				}
				start = end
			}
		}
		v.Articles = append(v.Articles, ha)
	}
	rows := matrixRows(res)
	// A set slot's finding is judged on its first row whose element has
	// the slot's status (the row of the element spelled two ways, not the agreed
	// element above it); other slots have one row.
	carrier := map[string]int{}
	for i, r := range rows {
		if j, ok := carrier[r.slot.ID]; !ok || (rows[j].status != r.slot.Status && r.status == r.slot.Status) {
			carrier[r.slot.ID] = i
		}
	}
	cols := newCellCols(res.Articles)
	nValues := 0
	for _, r := range rows {
		for _, val := range r.slot.Values {
			if k, ok := cols.col[val.Article]; ok {
				nValues += cols.count[k]
			}
		}
	}
	cellBlock := make([]htmlCell, len(rows)*len(res.Articles))
	valueBlock := make([]htmlValue, 0, nValues)
	v.Rows = make([]htmlRow, 0, len(rows))
	for i, r := range rows {
		first := carrier[r.slot.ID] == i
		row := htmlRow{First: first, Form: first && (r.slot.Status != compare.Agree || r.slot.Verdict != nil), Label: r.label, Slot: r.slot.Slot, Status: r.status, Generated: r.slot.Generated, Headline: r.slot.Headline,
			ID: r.slot.ID, Verdict: verdictText(r.slot.Verdict), Stale: r.slot.Verdict != nil && r.slot.Verdict.Stale}
		if r.value != "" {
			row.Slot += "/" + r.value // one row per element of a set
		}
		if r.slot.Generated {
			v.General = true
		}
		cols.index(r.slot.Values)
		var rowLinks []string
		if len(r.slot.Values) > 0 {
			rowLinks = links[&r.slot.Values[0]]
		}
		row.Cells, cellBlock = cellBlock[:0:len(res.Articles)], cellBlock[len(res.Articles):]
		for ai, a := range res.Articles {
			var cell htmlCell
			idx := cols.idx[cols.first[ai]]
			if k := len(idx); k > 0 {
				cell.Values, valueBlock = valueBlock[len(valueBlock):len(valueBlock):len(valueBlock)+k], valueBlock[:len(valueBlock)+k]
			}
			for _, i := range idx {
				val := &r.slot.Values[i]
				if r.value != "" && val.Value != r.value {
					continue
				}
				var link string
				if rowLinks != nil {
					link = rowLinks[i]
				} else {
					link = "#" + markID(anchor[a.ID], val.Span)
				}
				ev := evidence(val, link)
				ev.Short = short(r.slot.Kind, *val)
				if r.value != "" {
					ev.Short = val.Surface
				}
				if val.Background {
					ev.Short = "(" + ev.Short + ", earlier)"
				}
				cell.Values = append(cell.Values, ev)
			}
			cell.Empty = len(cell.Values) == 0
			row.Cells = append(row.Cells, cell)
		}
		v.Rows = append(v.Rows, row)
	}
	v.Lists = summaryLists(res)
	v.Diffs = diffBlocks(res)
	return v
}

// judgeForm is one finding's verdict form.
type judgeForm struct {
	*VerdictForms
	ID string
}

// Judge is the verdict form of the finding id.
func (v htmlView) Judge(id string) judgeForm { return judgeForm{v.Forms, id} }

// Cols is the number of matrix columns: fact, status and one per article.
func (v htmlView) Cols() int { return 2 + len(v.Articles) }

// LabelsOf names articles by their labels.
func (v htmlView) LabelsOf(ids []string) string {
	out := ""
	for i, id := range ids {
		if i > 0 {
			out += ", "
		}
		out += labelOf(v.Res, id)
	}
	return out
}

// Script is the report's only script: it shows the filter controls and
// opens every cell before printing. With JavaScript off the report is
// complete, only unfiltered.
func (v htmlView) Script() template.JS { return template.JS(reportScript) }

// CSPScript allows that one script by its hash and nothing else, so no
// script an article might smuggle in could run even if escaping failed.
func (v htmlView) CSPScript() string { return reportScriptHash }

const reportScript = `(function(){
var c=document.getElementById('controls');if(!c)return;c.hidden=false;
var t=document.getElementById('matrix-table');
function bind(id,cls){var e=document.getElementById(id);if(!e)return;
e.addEventListener('change',function(){t.classList.toggle(cls,!e.checked);});}
bind('f-general','hide-general');bind('f-agree','hide-agree');
window.addEventListener('beforeprint',function(){
document.querySelectorAll('details').forEach(function(d){d.open=true;});});
})();`

var reportScriptHash = func() string {
	sum := sha256.Sum256([]byte(reportScript))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}()

func labelOf(res compare.Result, id string) string {
	for _, a := range res.Articles {
		if a.ID == id {
			return a.Label
		}
	}
	return id
}

func slotLabel(sr compare.SlotResult) string {
	if sr.Label != "" {
		return sr.Label
	}
	return sr.Slot
}

func markID(anchor string, sp [2]int) string {
	return anchor + "-" + strconv.Itoa(sp[0]) + "-" + strconv.Itoa(sp[1])
}

// evidence cuts a value's sentence around its surface for the cell, whose
// link goes to the value's mark.
func evidence(val *compare.Value, link string) htmlValue {
	hv := htmlValue{Background: val.Background, Surface: val.Surface, Link: link}
	s := val.Sentence
	from, to := val.Span[0]-val.SentenceSpan[0], val.Span[1]-val.SentenceSpan[0]
	if from >= 0 && to <= len(s) && from <= to {
		hv.Before, hv.Surface, hv.After = s[:from], s[from:to], s[to:]
	} else {
		hv.Before = s
		hv.Surface = ""
	}
	switch {
	case val.Attribution == "reported" && val.Source != "":
		hv.Attribution = "reported by " + val.Source
	case val.Attribution == "reported":
		hv.Attribution = "reported"
	}
	return hv
}

// sortMarksInto orders an article's marks once for all its paragraphs:
// by start, the longest first on a tie, else as given. It writes them
// into out (reused when large enough).
//
// The order is found on indexes, given order last (what a stable sort
// keeps), and the marks copied once into it.
func sortMarksInto(out, marks []markSpan) []markSpan {
	idx := make([]int32, len(marks))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(i, j int32) int {
		a, b := &marks[i], &marks[j]
		switch {
		case a.From != b.From:
			return a.From - b.From
		case a.To != b.To:
			return b.To - a.To
		}
		return int(i - j)
	})
	out = slices.Grow(out[:0], len(marks))[:len(marks)]
	for k, i := range idx {
		out[k] = marks[i]
	}
	return out
}

// appendSegments cuts text[p] into plain and marked runs, appended to
// out; marks are sorted (sortMarksInto). Overlapping marks keep the one
// that starts first (longest on a tie); the others become anchors on it.
func appendSegments(out []segment, text string, p facts.Span, marks []markSpan) []segment {
	// The paragraph's marks are a run of marks; those that fit it are
	// read in place.
	marks = marks[sort.Search(len(marks), func(i int) bool { return marks[i].From >= p.Start }):]
	n := 0
	for n < len(marks) && marks[n].From <= p.End {
		n++
	}
	marks = marks[:n]
	at := p.Start
	seen := map[string]bool{}
	last := -1
	for i := range marks {
		m := &marks[i]
		if m.To > p.End || m.From >= m.To {
			continue
		}
		if seen[m.ID] {
			continue
		}
		seen[m.ID] = true
		if m.From < at {
			if last >= 0 {
				out[last].Anchors = append(out[last].Anchors, m.ID)
			}
			continue
		}
		if m.From > at {
			out = append(out, segment{Text: text[at:m.From]})
		}
		out = append(out, segment{Text: text[m.From:m.To], Mark: true, ID: m.ID, Status: m.Status, Title: m.Title})
		last = len(out) - 1
		at = m.To
	}
	if at < p.End {
		out = append(out, segment{Text: text[at:p.End]})
	}
	return out
}
