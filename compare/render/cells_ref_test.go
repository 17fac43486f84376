package render

import (
	"bufio"
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/compare"
)

// The per-article cell functions the renderers used before row.cells:
// the reference it must equal.

// cell returns what the row shows for one article.
func (r row) cell(article string) string {
	if r.value == "" {
		return cell(*r.slot, article)
	}
	for _, v := range r.slot.Values {
		if v.Article == article && v.Value == r.value {
			return v.Surface
		}
	}
	return "—"
}

// cell is what a matrix cell shows of one article's value(s) for a slot.
func cell(sr compare.SlotResult, article string) string {
	var parts []string
	for _, v := range sr.Values {
		if v.Article != article {
			continue
		}
		if v.Background {
			parts = append(parts, "("+short(sr.Kind, v)+", earlier)")
			continue
		}
		parts = append(parts, short(sr.Kind, v))
	}
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, "+")
}

// TestRowCellsMatchCell holds row.cells to the per-article cell, on the
// seed and ferry stories and on the fuzz seeds' results (background
// values, set elements, articles without values).
func TestRowCellsMatchCell(t *testing.T) {
	var results []compare.Result
	for _, dir := range []string{"../../seeds", "../../testdata/ferry"} {
		res, _ := compareDir(t, dir)
		results = append(results, res)
	}
	res, _ := compareDir(t, "../../seeds")
	for i := range res.Facts {
		for j := range res.Facts[i].Values {
			res.Facts[i].Values[j].Background = j%3 == 1
		}
	}
	results = append(results, res)
	// An article id twice, and a column of an article with no values.
	dup, _ := compareDir(t, "../../seeds")
	dup.Articles = append(dup.Articles, dup.Articles[1], compare.Article{ID: "none"})
	results = append(results, dup)
	for _, res := range results {
		// cellsIn as the writers call it: one set of columns and one
		// slice of cells for every row.
		cols := newCellCols(res.Articles)
		var reused []string
		for _, r := range matrixRows(res) {
			var want []string
			for _, a := range res.Articles {
				want = append(want, r.cell(a.ID))
			}
			if got := r.cells(res.Articles); !reflect.DeepEqual(got, want) {
				t.Fatalf("row %q: cells %q, cell by cell %q", r.label, got, want)
			}
			reused = r.cellsIn(cols, reused)
			if !reflect.DeepEqual(reused, want) {
				t.Fatalf("row %q: cells with reused columns %q, cell by cell %q", r.label, reused, want)
			}
		}
	}
}

// mdEscaper is the escape mdText applies (mdEscapes), as the replacer it
// was before it was written as one pass: the reference the tests hold
// mdText to.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", "&lt;", ">", `\>`, "#", `\#`, "|", `\|`)

// TestMdTextPlainPath holds mdText's short path to the full escape.
func TestMdTextPlainPath(t *testing.T) {
	for _, s := range []string{"", "a", "plain words here", " lead", "trail ", "two  spaces", "tab\there",
		"nl\nhere", "nbsp\u00a0here", "em\u2003space", "x*y", "a_b", "[l](u)", "<b>", "#h", "a|b", "`c`", "back\\slash",
		"curly “quotes” and ’s", "bad \xff utf8", "\u0085next", "ok — dash", "\u202eevil\u202c"} {
		want := mdEscaper.Replace(strings.Join(strings.Fields(s), " "))
		if got := mdText(s); got != want {
			t.Errorf("mdText(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzMdText holds mdText's short path to the full escape on any text.
func FuzzMdText(f *testing.F) {
	f.Add("plain words")
	f.Add(" a  b\u00a0c*")
	f.Fuzz(func(t *testing.T, s string) {
		want := mdEscaper.Replace(strings.Join(strings.Fields(s), " "))
		if got := mdText(s); got != want {
			t.Fatalf("mdText(%q) = %q, want %q", s, got, want)
		}
		// mdOut writes the same, also after a longer text in its buffer.
		var b bytes.Buffer
		bw := bufio.NewWriter(&b)
		md := &mdOut{w: bw}
		md.text("a*b c_d [long] text * to fill the buffer")
		b.Reset()
		bw.Reset(&b)
		md.text(s)
		md.cell(s)
		bw.Flush()
		if got := b.String(); got != want+mdCell(s) {
			t.Fatalf("mdOut text and cell of %q wrote %q, want %q", s, got, want+mdCell(s))
		}
	})
}

// mdDiffRef is how WriteMarkdown wrote a word diff before mdOut.diff:
// the ops' texts escaped into new ops, joined by diffText.
func mdDiffRef(ops []compare.DiffOp) string {
	var esc []compare.DiffOp
	for _, op := range ops {
		esc = append(esc, compare.DiffOp{Op: op.Op, Text: mdText(op.Text)})
	}
	return diffText(esc, "~~", "~~", "**", "**")
}

// FuzzMdDiff holds mdOut.diff to the reference on three ops of any text
// and kind (equal, delete, insert, other).
func FuzzMdDiff(f *testing.F) {
	f.Add("the Harbour", uint8(0), " *new* levy ", uint8(1), "", uint8(2))
	f.Add(" ", uint8(2), "a\u00a0b", uint8(0), "[x]", uint8(3))
	kinds := []string{"equal", "delete", "insert", "other"}
	f.Fuzz(func(t *testing.T, a string, ka uint8, b string, kb uint8, c string, kc uint8) {
		ops := []compare.DiffOp{{Op: kinds[ka%4], Text: a}, {Op: kinds[kb%4], Text: b}, {Op: kinds[kc%4], Text: c}}
		for n := 0; n <= len(ops); n++ {
			var buf bytes.Buffer
			bw := bufio.NewWriter(&buf)
			md := &mdOut{w: bw}
			md.diff(ops[:n])
			bw.Flush()
			if want := mdDiffRef(ops[:n]); buf.String() != want {
				t.Fatalf("diff of %q = %q, reference %q", ops[:n], buf.String(), want)
			}
		}
	})
}
