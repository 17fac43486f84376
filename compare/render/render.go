// Package render shows a compare.Result as a terminal table, JSON or
// Markdown. Renderers only lay out what the Result holds; every judgement
// (statuses, notes, differences) is made once, in package compare.
package render

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/facts"
)

// Format names an output format.
type Format string

// Output formats.
const (
	Table    Format = "table"
	JSON     Format = "json"
	Markdown Format = "md"
)

// Formats lists the formats Render accepts, for help texts and errors.
var Formats = []Format{Table, JSON, Markdown, HTML}

// ParseFormat checks a --format value.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	if s == "markdown" {
		return Markdown, nil
	}
	return "", fmt.Errorf("unknown format %q; want table, json, md or html", s)
}

// Options tune the table renderer; the others ignore them.
type Options struct {
	// Color turns on ANSI colour for statuses (terminals only).
	Color bool
	// Width is the widest line the table may print; 0 means 100.
	Width int
	// Articles supplies the texts the HTML report shows with their facts
	// marked.
	Articles []facts.Article
	// Forms, when set, gives the HTML report a verdict form on each
	// finding, for the page "crosscheck serve" shows. Nil (the default)
	// leaves the report a static file that posts nothing.
	Forms *VerdictForms
}

// VerdictForms is what the HTML report needs to put a verdict form on each
// finding: where the forms post and the token they carry. The report only
// lays them out; the server checks what comes back.
type VerdictForms struct {
	// Action is the URL the forms post to.
	Action string
	// Token is the anti-forgery token every form sends back as "csrf".
	Token string
	// By fills the forms' "by" field: who is judging.
	By string
}

// Render writes res to w in format f.
// The formats read by people show reordering controls of article text as
// visible marks (bidi.go); JSON keeps the text as it is.
func Render(w io.Writer, f Format, res compare.Result, opt Options) error {
	if f == JSON {
		return WriteJSON(w, res)
	}
	bw := newBidiWriter(w)
	var err error
	switch f {
	case Markdown:
		err = WriteMarkdown(bw, res)
	case HTML:
		err = writeHTML(bw, res, opt.Articles, opt.Forms)
	default:
		err = WriteTable(bw, res, opt)
	}
	if cerr := bw.Close(); err == nil {
		err = cerr
	}
	return err
}

// row is one line of the fact matrix: a slot, or one element of a set
// slot, so that every cell holds one short value.
type row struct {
	label  string
	status compare.Status
	slot   *compare.SlotResult // in the Result rendered, only read
	value  string              // the element, for set slots
}

// cells returns what the row shows for each article, as cell does, with
// one pass over the row's values instead of one per article.
func (r row) cells(arts []compare.Article) []string {
	return r.cellsIn(newCellCols(arts), nil)
}

// cellCols maps the articles' ids to their matrix columns once per
// report, where each row made a map of its own; idx is per column the
// row's values of its article, kept from row to row.
type cellCols struct {
	col   map[string]int // an id's first column
	first []int          // per column, the first column of its id
	count []int          // per first column, the columns of its id
	idx   [][]int
}

func newCellCols(arts []compare.Article) *cellCols {
	c := &cellCols{col: make(map[string]int, len(arts)), first: make([]int, len(arts)), count: make([]int, len(arts)), idx: make([][]int, len(arts))}
	for k, a := range arts {
		if _, ok := c.col[a.ID]; !ok {
			c.col[a.ID] = k
		}
		c.first[k] = c.col[a.ID]
		c.count[c.first[k]]++
	}
	return c
}

// index fills idx with the indexes of vs of each column's article.
func (c *cellCols) index(vs []compare.Value) {
	for k := range c.idx {
		c.idx[k] = c.idx[k][:0]
	}
	for i := range vs {
		if k, ok := c.col[vs[i].Article]; ok {
			c.idx[k] = append(c.idx[k], i)
		}
	}
}

// cellsIn is cells with the columns of cols, written into out (reused
// when large enough).
func (r row) cellsIn(cols *cellCols, out []string) []string {
	cols.index(r.slot.Values)
	out = slices.Grow(out[:0], len(cols.first))[:len(cols.first)]
	for k := range out {
		out[k] = "—"
		idx := cols.idx[cols.first[k]]
		if r.value != "" {
			for _, i := range idx {
				if v := &r.slot.Values[i]; v.Value == r.value {
					out[k] = v.Surface
					break
				}
			}
			continue
		}
		switch len(idx) {
		case 0:
			continue
		case 1:
			out[k] = cellPart(r.slot.Kind, r.slot.Values[idx[0]])
			continue
		}
		parts := make([]string, len(idx))
		for j, i := range idx {
			parts[j] = cellPart(r.slot.Kind, r.slot.Values[i])
		}
		out[k] = strings.Join(parts, "+")
	}
	return out
}

// cellPart is what a cell shows of one value.
func cellPart(kind string, v compare.Value) string {
	if v.Background {
		return "(" + short(kind, v) + ", earlier)"
	}
	return short(kind, v)
}

// matrixRows lays the slots out as matrix rows: one per slot, one per
// element for set slots.
func matrixRows(res compare.Result) []row {
	var out []row
	for si := range res.Facts {
		sr := &res.Facts[si]
		// People read labels and the articles' words; slot ids and
		// element ids stay in the JSON.
		label := sr.Label
		if label == "" {
			label = sr.Slot
		}
		if len(sr.Elements) == 0 {
			out = append(out, row{label: label, status: sr.Status, slot: sr})
			continue
		}
		for _, el := range sr.Elements {
			out = append(out, row{label: label + ": " + elementName(*sr, el.Value), status: el.Status, slot: sr, value: el.Value})
		}
	}
	return out
}

// elementName is a set member as most articles that name it write it
// (the first such spelling on a tie), or its id when none does.
func elementName(sr compare.SlotResult, id string) string {
	count := map[string]int{}
	best := id
	for _, v := range sr.Values {
		if v.Value != id || v.Surface == "" || v.Background {
			continue
		}
		count[v.Surface]++
		if best == id || count[v.Surface] > count[best] {
			best = v.Surface
		}
	}
	return best
}

// short renders one value in a few characters: the spelling for set
// members and titles, the aspect for events, with "~" for reported and "¬" for denied.
func short(kind string, v compare.Value) string {
	s := v.Value
	switch {
	case kind == "entity-set" || kind == "title":
		s = v.Surface // the title as written, not its folded key
	case kind == "event" && v.Aspect != "":
		s = v.Aspect
	case kind == "event":
		s = "stated"
	case kind == "entity":
		s = v.Value
	case kind == "number" || kind == "duration":
		if r, err := facts.ParseRange(v.Value); err == nil {
			s = r.Display(kind == "duration")
		}
	case kind == "quote":
		s = "“" + shortQuote(v.Surface) + "”"
	}
	if v.Negated {
		s = "¬" + s
	}
	if v.Attribution == "reported" && kind != "entity" && kind != "title" && kind != "entity-set" {
		s += "~"
	}
	return s
}

// shortQuote is a quote's words on one line, cut to 36 runes with "…":
// []rune(strings.Join(strings.Fields(q), " ")) cut, without the copies
// for the quote that is valid UTF-8 and spaced by single spaces already,
// as nearly all are.
func shortQuote(q string) string {
	if !singleSpaced(q) || !utf8.ValidString(q) {
		r := []rune(strings.Join(strings.Fields(q), " "))
		if len(r) > 36 {
			r = append(r[:35], '…')
		}
		return string(r)
	}
	n := 0
	for i := range q {
		if n == 35 && utf8.RuneCountInString(q[i:]) > 1 {
			return q[:i] + "…"
		}
		n++
	}
	return q
}

// singleSpaced reports whether strings.Join(strings.Fields(s), " ") is s:
// its only white space is single ASCII spaces between words.
func singleSpaced(s string) bool {
	prevSpace := true // no space at the start
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += size - 1
			prevSpace = false
			continue
		}
		switch c {
		case ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case '\t', '\n', '\v', '\f', '\r':
			return false
		default:
			prevSpace = false
		}
	}
	return !prevSpace || s == ""
}

// width returns the display width of s, counting runes.
func width(s string) int { return utf8.RuneCountInString(s) }

// fit pads or cuts s to exactly n display columns.
func fit(s string, n int) string {
	w := width(s)
	if w <= n {
		return s + strings.Repeat(" ", n-w)
	}
	if n <= 1 {
		return string([]rune(s)[:n])
	}
	return string([]rune(s)[:n-1]) + "…"
}

// excerpt cuts a sentence to about n runes around the span [from, to) of
// the surface within it, marking cuts with "…".
func excerpt(sentence string, from, to, n int) string {
	r := []rune(sentence)
	if len(r) <= n {
		return sentence
	}
	// Convert byte offsets to rune offsets.
	rf := utf8.RuneCountInString(sentence[:clamp(from, 0, len(sentence))])
	rt := utf8.RuneCountInString(sentence[:clamp(to, 0, len(sentence))])
	start := rf - (n-(rt-rf))/2
	if start < 0 {
		start = 0
	}
	end := start + n
	if end > len(r) {
		end = len(r)
		start = max(0, end-n)
	}
	out := string(r[start:end])
	if start > 0 {
		out = "…" + out
	}
	if end < len(r) {
		out += "…"
	}
	return out
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

// diffText renders a word diff with the given marks around deleted and
// inserted words: "the presence of our [-troops-] {+soldiers+}".
func diffText(ops []compare.DiffOp, delOpen, delClose, insOpen, insClose string) string {
	if len(ops) == 0 {
		return ""
	}
	var parts []string
	for _, op := range ops {
		t := strings.TrimSpace(op.Text)
		if t == "" {
			continue
		}
		switch op.Op {
		case "delete":
			parts = append(parts, delOpen+t+delClose)
		case "insert":
			parts = append(parts, insOpen+t+insClose)
		default:
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

// statusList is the headlines of one status, for the summary an editor
// reads first: the topic's own slots, then the general facts (More), each
// in the order compare ranked them. Folded counts the soft nuances left
// out of the list (they stay in the matrix).
type statusList struct {
	Status compare.Status
	Title  string
	Items  []string
	More   []string
	Folded int
}

var listTitles = map[compare.Status]string{
	compare.Contradiction: "Contradictions",
	compare.Omission:      "Omissions: who leaves out what",
	compare.Nuance:        "Nuances: told differently",
	compare.Variant:       "Spelled two ways",
	compare.Agree:         "Agreed by all that state it",
}

// summaryLists gathers the slots' headlines by status, most serious
// first, agreement last; within a status, in rank order.
func summaryLists(res compare.Result) []statusList {
	by := map[compare.Status]*statusList{}
	for _, st := range compare.Statuses {
		by[st] = &statusList{Status: st, Title: listTitles[st]}
	}
	// The slots in order of rank, found on indexes rather than by moving
	// copies of the slots about.
	ranked := make([]int, len(res.Facts))
	for i := range ranked {
		ranked[i] = i
	}
	slices.SortStableFunc(ranked, func(i, j int) int { return cmp.Compare(res.Facts[i].Rank, res.Facts[j].Rank) })
	for _, i := range ranked {
		sr := &res.Facts[i]
		l, ok := by[sr.Status]
		switch {
		case !ok:
			continue
		case sr.Soft:
			l.Folded++
		case sr.Generated:
			l.More = append(l.More, sr.Headline)
		default:
			l.Items = append(l.Items, sr.Headline)
		}
	}
	var out []statusList
	for _, st := range compare.Statuses {
		if l := by[st]; len(l.Items)+len(l.More)+l.Folded > 0 {
			out = append(out, *l)
		}
	}
	return out
}

// foldedNote says what the summary leaves out of a list, for the reader
// who wonders where a matrix row went.
func foldedNote(n int) string {
	if n == 1 {
		return "1 more only in the matrix: an event some outlet tells without saying whether it happened"
	}
	return fmt.Sprintf("%d more only in the matrix: events some outlets tell without saying whether they happened", n)
}

// diffBlock is the word diffs of one slot: each wording against the first.
type diffBlock struct {
	Label string
	Rows  []diffRow
}

type diffRow struct {
	Label string
	Ops   []compare.DiffOp
	Plain string // the reference wording, shown whole
}

// diffBlocks collects the word diffs the Result carries, slot by slot.
func diffBlocks(res compare.Result) []diffBlock {
	labels := map[string]string{}
	for _, a := range res.Articles {
		labels[a.ID] = a.Label
	}
	var out []diffBlock
	for si := range res.Facts {
		sr := &res.Facts[si]
		// The rows are made at their size: the reference wording (the
		// first value without a diff nor background) first, if any, then
		// each diff.
		n, ref := 0, -1
		for i := range sr.Values {
			val := &sr.Values[i]
			if len(val.Diff) > 0 {
				n++
			} else if ref < 0 && !val.Background {
				ref = i
			}
		}
		if n == 0 {
			continue
		}
		if ref >= 0 {
			n++
		}
		rows := make([]diffRow, 0, n)
		if ref >= 0 {
			val := &sr.Values[ref]
			rows = append(rows, diffRow{Label: labels[val.Article] + " (reference)", Plain: val.Surface})
		}
		for i := range sr.Values {
			if val := &sr.Values[i]; len(val.Diff) > 0 {
				rows = append(rows, diffRow{Label: labels[val.Article], Ops: val.Diff})
			}
		}
		label := sr.Label
		if label == "" {
			label = sr.Slot
		}
		out = append(out, diffBlock{Label: label, Rows: rows})
	}
	return out
}
