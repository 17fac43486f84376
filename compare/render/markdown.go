package render

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/compare"
)

// WriteMarkdown writes res as a desk report in Markdown, with the same
// findings in the same order as the HTML report: articles, summary (the
// contradictions and omissions first, one pasteable sentence each), the
// fact matrix, the evidence behind each finding, spelling variants and
// word diffs — fit to paste into a newsroom document or chat.
func WriteMarkdown(w io.Writer, res compare.Result) error {
	bw := bufio.NewWriterSize(w, reportChunk)
	md := &mdOut{w: bw}
	title := res.Title
	if title == "" {
		title = res.Topic
	}
	fmt.Fprintf(bw, "# %s\n\nTopic `%s`.\n\n## Articles\n\n", mdText(title), res.Topic)
	fmt.Fprintln(bw, "| id | outlet | wire | byline | published | title |")
	fmt.Fprintln(bw, "|---|---|---|---|---|---|")
	labels := map[string]string{}
	mdLabels := map[string]string{} // escaped once, written for every value
	for _, a := range res.Articles {
		labels[a.ID] = a.Label
		mdLabels[a.ID] = mdText(a.Label)
		fmt.Fprintf(bw, "| %s | %s | %s | %s | %s | %s |\n", mdCell(a.ID), mdCell(a.Outlet), mdCell(a.Wire),
			mdCell(a.Byline), mdCell(a.Published), mdCell(a.Title))
	}
	if res.Independence != "" {
		fmt.Fprintf(bw, "\n%s.\n", mdText(res.Independence))
	}
	s := res.Summary
	fmt.Fprintf(bw, "\n## Summary\n\n%d contradiction, %d omission, %d nuance, %d variant, %d agree.\n\n",
		s.Contradiction, s.Omission, s.Nuance, s.Variant, s.Agree)
	for _, l := range summaryLists(res) {
		fmt.Fprintf(bw, "**%s %s**\n\n", statusIcon[l.Status], mdText(l.Title))
		for _, it := range l.Items {
			bw.WriteString("- ")
			md.text(it)
			bw.WriteByte('\n')
		}
		for _, it := range l.More {
			bw.WriteString("- (general) ")
			md.text(it)
			bw.WriteByte('\n')
		}
		if l.Folded > 0 {
			fmt.Fprintf(bw, "- %s\n", mdText(foldedNote(l.Folded)))
		}
		fmt.Fprintln(bw)
	}

	fmt.Fprint(bw, "## Fact matrix\n\n| slot | status |")
	for _, a := range res.Articles {
		fmt.Fprintf(bw, " %s |", mdCell(a.Label))
	}
	fmt.Fprint(bw, "\n|---|---|")
	for range res.Articles {
		fmt.Fprint(bw, "---|")
	}
	fmt.Fprintln(bw)
	cols := newCellCols(res.Articles)
	var cells []string
	for _, r := range matrixRows(res) {
		bw.WriteString("| ")
		md.cell(r.label)
		bw.WriteString(" | ")
		bw.WriteString(statusMark[r.status])
		bw.WriteString(" |")
		cells = r.cellsIn(cols, cells)
		for _, c := range cells {
			bw.WriteString(" ")
			md.cell(c)
			bw.WriteString(" |")
		}
		bw.WriteString("\n")
	}
	fmt.Fprintln(bw, "\n`~` reported, not in the outlet's own voice · `¬` denied · `—` not stated")

	fmt.Fprintln(bw, "\n## Findings")
	for _, sr := range res.Facts {
		if sr.Generated && sr.Status == compare.Agree {
			continue // in the matrix; nothing to explain
		}
		head := sr.Label // people read labels; slot ids stay in the JSON
		if head == "" {
			head = sr.Slot
		}
		fmt.Fprintf(bw, "\n### %s — %s `%s`\n\n", mdText(head), sr.Status, sr.ID)
		if vt := verdictText(sr.Verdict); vt != "" {
			fmt.Fprintf(bw, "**⚖ %s**\n\n", mdText(vt))
		}
		for _, n := range sr.Notes {
			bw.WriteString("- ")
			md.text(n)
			bw.WriteString("\n")
		}
		if len(sr.Notes) > 0 {
			fmt.Fprintln(bw)
		}
		for i := range sr.Values {
			v := &sr.Values[i]
			bw.WriteString("> **")
			bw.WriteString(mdLabels[v.Article])
			bw.WriteString("** — ")
			md.text(v.Surface)
			if v.Attribution == "reported" {
				bw.WriteString(" (reported")
				if v.Source != "" {
					bw.WriteString(": ")
					md.text(v.Source)
				}
				bw.WriteString(")")
			}
			if v.Background {
				bw.WriteString(" (earlier occurrence)")
			}
			bw.WriteString(": “")
			md.text(v.Sentence)
			bw.WriteString("”\n\n")
		}
	}

	fmt.Fprintln(bw, "## Spelling variants")
	fmt.Fprintln(bw)
	if len(res.Variants) == 0 {
		fmt.Fprintln(bw, "None found.")
	}
	for _, g := range res.Variants {
		var forms []string
		for _, f := range g.Forms {
			var ls []string
			for _, id := range f.Articles {
				ls = append(ls, labels[id])
			}
			forms = append(forms, fmt.Sprintf("**%s** (%s)", mdText(f.Form), mdText(strings.Join(ls, ", "))))
		}
		fmt.Fprintf(bw, "- `%s` `%s`: %s\n", g.Canonical, g.ID, strings.Join(forms, " · "))
		if vt := verdictText(g.Verdict); vt != "" {
			fmt.Fprintf(bw, "  **⚖ %s**\n", mdText(vt))
		}
	}

	fmt.Fprintln(bw, "\n## Word diffs")
	fmt.Fprintln(bw)
	blocks := diffBlocks(res)
	if len(blocks) == 0 {
		fmt.Fprintln(bw, "No differing wording to compare.")
	}
	for _, b := range blocks {
		fmt.Fprintf(bw, "**%s**\n\n", mdText(b.Label))
		for _, r := range b.Rows {
			bw.WriteString("- ")
			md.text(r.Label)
			bw.WriteString(": ")
			if r.Plain != "" {
				md.text(r.Plain)
			} else {
				md.diff(r.Ops)
			}
			bw.WriteByte('\n')
		}
		fmt.Fprintln(bw)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write markdown: %w", err)
	}
	return nil
}

// mdText escapes article text so it cannot inject markup, links or HTML
// into the report.
func mdText(s string) string {
	if mdPlain(s) {
		return s // what the line below returns for it, without building it
	}
	return string(appendMdText(make([]byte, 0, len(s)+8), s))
}

// appendMdText appends mdText(s) to dst:
// mdEscaper.Replace(strings.Join(strings.Fields(s), " ")) in one pass,
// the words joined by single spaces, each escaped byte replaced.
func appendMdText(dst []byte, s string) []byte {
	word := false // inside a word
	gap := false  // a space is owed before the next word
	for i := 0; i < len(s); {
		c := s[i]
		// A run of ASCII bytes that are neither space nor escaped (most
		// of a word) is copied in one piece, where each byte was
		// appended on its own: this was a third of the Markdown report.
		if c < utf8.RuneSelf && !mdSpecial[c] {
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf && !mdSpecial[s[j]] {
				j++
			}
			if gap {
				dst = append(dst, ' ')
				gap = false
			}
			word = true
			dst = append(dst, s[i:j]...)
			i = j
			continue
		}
		size := 1
		space := false
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		} else {
			space = asciiSpace[c]
		}
		if space {
			if word {
				gap = true
			}
			word = false
			i += size
			continue
		}
		if gap {
			dst = append(dst, ' ')
			gap = false
		}
		word = true
		if c < utf8.RuneSelf && mdEscapes[c] != "" {
			dst = append(dst, mdEscapes[c]...)
		} else {
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return dst
}

// mdOut writes escaped text straight into the report, where mdText would
// build a string for each piece of article text to be copied once more.
type mdOut struct {
	w   *bufio.Writer
	buf []byte
}

// text writes mdText(s).
func (o *mdOut) text(s string) {
	if mdPlain(s) {
		o.w.WriteString(s)
		return
	}
	o.buf = appendMdText(o.buf[:0], s)
	o.w.Write(o.buf)
}

// diff writes diffText of ops with each op's text escaped by mdText,
// deletions struck through and insertions in bold, without building the
// ops and strings diffText joins.
func (o *mdOut) diff(ops []compare.DiffOp) {
	first := true
	for i := range ops {
		op := &ops[i]
		o.buf = appendMdText(o.buf[:0], op.Text)
		t := bytes.TrimSpace(o.buf)
		if len(t) == 0 {
			continue
		}
		if !first {
			o.w.WriteByte(' ')
		}
		first = false
		switch op.Op {
		case "delete":
			o.w.WriteString("~~")
			o.w.Write(t)
			o.w.WriteString("~~")
		case "insert":
			o.w.WriteString("**")
			o.w.Write(t)
			o.w.WriteString("**")
		default:
			o.w.Write(t)
		}
	}
}

// cell writes mdCell(s).
func (o *mdOut) cell(s string) {
	if s == "" {
		o.w.WriteString("—")
		return
	}
	o.text(s)
}

// mdEscapes is mdEscaper as a table: what each ASCII byte it escapes
// becomes.
var mdEscapes = [utf8.RuneSelf]string{'\\': `\\`, '`': "\\`", '*': `\*`, '_': `\_`, '[': `\[`, ']': `\]`,
	'<': "&lt;", '>': `\>`, '#': `\#`, '|': `\|`}

// asciiSpace is unicode.IsSpace for ASCII bytes.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// mdSpecial marks the ASCII bytes mdPlain must look at: those escaped and
// the spaces.
var mdSpecial = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = mdEscapes[c] != "" || asciiSpace[c]
	}
	return t
}()

// mdPlain reports whether s has nothing mdText changes: no character
// mdEscaper escapes, and no space but single ' ' between words.
func mdPlain(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			prevSpace = false
			i += size
			continue
		}
		i++
		if !mdSpecial[c] {
			prevSpace = false
			continue
		}
		if c != ' ' || prevSpace {
			return false
		}
		prevSpace = true
	}
	return !prevSpace || s == ""
}

// mdCell escapes text for a table cell; empty cells show a dash.
func mdCell(s string) string {
	if s == "" {
		return "—"
	}
	return mdText(s)
}
