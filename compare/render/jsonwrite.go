package render

import (
	"fmt"
	"io"
	"math"
	"math/bits"
	"strconv"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/compare"
)

// The JSON document is written by hand rather than by encoding/json: its
// reflection, and re-indenting the marshalled bytes, were ~7 % of a batch
// run's CPU (docs/performance.md). The bytes are those of a json.Encoder
// with SetIndent("", "  ") and SetEscapeHTML(false): same field order and
// omitempty rules, same string escapes, same numbers.
// TestJSONWriterMatchesEncoder holds it to encoding/json with every field
// of every type filled, and FuzzCompareFacts on arbitrary results.

// jsonOut builds the indented document, handing it to w in chunks so a
// topic's 1.7 MB document is never held (or regrown) whole.
type jsonOut struct {
	b     []byte
	count []int // elements written so far, per open object or array
	w     io.Writer
	err   error
}

// jsonChunk is how much is buffered before a write.
const jsonChunk = reportChunk

// reportChunk is the buffer the HTML and Markdown reports are written
// through: a topic's report is megabytes, and bufio's 4 KB default made
// a write system call (and a pass of the bidi filter) per 4 KB.
const reportChunk = 32 << 10

// flush writes what is buffered once there is a chunk of it, or all of
// it at the end.
func (o *jsonOut) flush(end bool) {
	if len(o.b) < jsonChunk && !end || o.w == nil {
		return
	}
	if o.err == nil {
		_, o.err = o.w.Write(o.b)
	}
	o.b = o.b[:0]
}

func (o *jsonOut) newline() {
	if n := 1 + 2*len(o.count); n <= len(jsonIndent) {
		o.b = append(o.b, jsonIndent[:n]...)
		return
	}
	o.b = append(o.b, '\n')
	for range len(o.count) {
		o.b = append(o.b, ' ', ' ')
	}
}

// jsonIndent is a newline and the indentation of the document's deepest
// levels, copied in one piece.
const jsonIndent = "\n                                "

func (o *jsonOut) open(c byte) {
	o.b = append(o.b, c)
	o.count = append(o.count, 0)
}

func (o *jsonOut) close(c byte) {
	n := o.count[len(o.count)-1]
	o.count = o.count[:len(o.count)-1]
	if n > 0 {
		o.newline()
	}
	o.b = append(o.b, c)
}

// item starts an array element or an object member.
func (o *jsonOut) item() {
	n := &o.count[len(o.count)-1]
	if *n > 0 {
		o.b = append(o.b, ',')
	}
	*n++
	o.newline()
}

func (o *jsonOut) key(k string) {
	o.item()
	o.b = append(o.b, '"')
	o.b = append(o.b, k...)
	o.b = append(o.b, '"', ':', ' ')
}

func (o *jsonOut) str(k, v string) {
	o.key(k)
	o.b = appendJSONString(o.b, v)
}

func (o *jsonOut) int(k string, v int) {
	o.key(k)
	o.b = strconv.AppendInt(o.b, int64(v), 10)
}

func (o *jsonOut) bool(k string, v bool) {
	o.key(k)
	o.b = strconv.AppendBool(o.b, v)
}

// float writes v as encoding/json does: like ES6, 'e' notation below 1e-6
// and from 1e21, exponents unpadded. v is finite (writeResultJSON checks).
func (o *jsonOut) float(k string, v float64) {
	o.key(k)
	abs := math.Abs(v)
	f := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		f = 'e'
	}
	o.b = strconv.AppendFloat(o.b, v, f, -1, 64)
	if f == 'e' {
		n := len(o.b)
		if n >= 4 && o.b[n-4] == 'e' && o.b[n-3] == '-' && o.b[n-2] == '0' {
			o.b[n-2] = o.b[n-1]
			o.b = o.b[:n-1]
		}
	}
}

func (o *jsonOut) strs(k string, vs []string) {
	o.key(k)
	if vs == nil {
		o.b = append(o.b, "null"...)
		return
	}
	o.open('[')
	for _, v := range vs {
		o.item()
		o.b = appendJSONString(o.b, v)
	}
	o.close(']')
}

func (o *jsonOut) span(k string, sp [2]int) {
	o.key(k)
	// What open, item and close write for the two numbers, with the two
	// indentations cut from jsonIndent once: a report has two spans per
	// value, tens of thousands.
	if in := 1 + 2*(len(o.count)+1); in <= len(jsonIndent) {
		inner, outer := jsonIndent[:in], jsonIndent[:in-2]
		o.b = append(o.b, '[')
		o.b = append(o.b, inner...)
		o.b = strconv.AppendInt(o.b, int64(sp[0]), 10)
		o.b = append(o.b, ',')
		o.b = append(o.b, inner...)
		o.b = strconv.AppendInt(o.b, int64(sp[1]), 10)
		o.b = append(o.b, outer...)
		o.b = append(o.b, ']')
		return
	}
	o.open('[')
	for _, v := range sp {
		o.item()
		o.b = strconv.AppendInt(o.b, int64(v), 10)
	}
	o.close(']')
}

// list writes a slice member: null when nil, else each element by each.
func list[T any](o *jsonOut, k string, vs []T, each func(*jsonOut, *T)) {
	o.key(k)
	if vs == nil {
		o.b = append(o.b, "null"...)
		return
	}
	o.open('[')
	for i := range vs {
		o.item()
		o.open('{')
		each(o, &vs[i])
		o.close('}')
		o.flush(false)
	}
	o.close(']')
}

const jsonHex = "0123456789abcdef"

// jsonPlain marks the bytes appendJSONString copies as they are.
var jsonPlain = func() (t [256]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		t[b] = b != '"' && b != '\\'
	}
	return t
}()

// jsonPlainRun returns the first i' >= i where s[i'] is not jsonPlain,
// or where fewer than eight bytes are left: eight bytes at a time are
// tested as one word for a byte below 0x20, from 0x80, a quote or a
// backslash. The lowest byte a test flags is exact (a borrow only runs
// upward, into the bytes after it), so a word that fails gives the place
// of its first such byte, where the bytes before it once went one by one
// through the byte path and back here.
func jsonPlainRun(s string, i int) int {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		q, b := x^(ones*'"'), x^(ones*'\\') // a zero byte where x has one
		below := (x - ones*0x20) &^ x       // high bit set: a byte below 0x20 (exact while x has no high bit)
		quote := (q - ones) &^ q
		slash := (b - ones) &^ b
		if m := (below | quote | slash | x) & high; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	return i
}

// appendJSONString is encoding/json's string encoding without HTML
// escaping: quotes, backslashes and control bytes escaped, invalid UTF-8
// as \ufffd, U+2028 and U+2029 escaped.
func appendJSONString(dst []byte, s string) []byte {
	// The bytes written as they are, found by one look-up each: printable
	// ASCII but the quote and the backslash.
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		// Eight bytes at a time while none needs a look: article text is
		// nearly all plain ASCII.
		if i = jsonPlainRun(s, i); i >= len(s) {
			break
		}
		if jsonPlain[s[i]] {
			i++
			continue
		}
		if b := s[i]; b < utf8.RuneSelf {
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', jsonHex[b>>4], jsonHex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', jsonHex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// writeResultJSON writes res as the indented document and a newline.
// A confidence that JSON cannot hold (NaN, ±Inf) is refused before
// anything is written, as encoding/json refused the whole document.
func writeResultJSON(w io.Writer, res *compare.Result) error {
	for _, sr := range res.Facts {
		if v := sr.Confidence; math.IsInf(v, 0) || math.IsNaN(v) {
			return fmt.Errorf("json: unsupported value: %s", strconv.FormatFloat(v, 'g', -1, 64))
		}
	}
	o := &jsonOut{b: make([]byte, 0, jsonChunk+jsonChunk/2), w: w}
	writeResult(o, res)
	o.b = append(o.b, '\n')
	o.flush(true)
	return o.err
}

func writeResult(o *jsonOut, res *compare.Result) {
	o.open('{')
	o.str("schema", res.Schema)
	o.str("topic", res.Topic)
	if res.Title != "" {
		o.str("title", res.Title)
	}
	list(o, "articles", res.Articles, func(o *jsonOut, a *compare.Article) {
		o.str("id", a.ID)
		o.str("file", a.File)
		o.str("label", a.Label)
		o.str("outlet", a.Outlet)
		o.str("wire", a.Wire)
		o.str("byline", a.Byline)
		o.str("published", a.Published)
		o.str("title", a.Title)
		if a.URL != "" {
			o.str("url", a.URL)
		}
	})
	o.key("summary")
	o.open('{')
	o.int("contradiction", res.Summary.Contradiction)
	o.int("omission", res.Summary.Omission)
	o.int("nuance", res.Summary.Nuance)
	o.int("variant", res.Summary.Variant)
	o.int("agree", res.Summary.Agree)
	o.close('}')
	list(o, "sources", res.Sources, func(o *jsonOut, g *compare.SourceGroup) {
		o.str("source", g.Source)
		o.strs("articles", g.Articles)
		if g.Evidence != "" {
			o.str("evidence", g.Evidence)
		}
	})
	o.str("independence", res.Independence)
	list(o, "facts", res.Facts, writeSlotJSON)
	list(o, "variants", res.Variants, func(o *jsonOut, g *compare.VariantGroup) {
		o.str("id", g.ID)
		o.str("canonical", g.Canonical)
		list(o, "forms", g.Forms, func(o *jsonOut, f *compare.VariantForm) {
			o.str("form", f.Form)
			o.strs("articles", f.Articles)
		})
		writeVerdictJSON(o, g.Verdict)
	})
	o.key("verdicts")
	o.open('{')
	o.int("open", res.Verdicts.Open)
	o.int("confirmed", res.Verdicts.Confirmed)
	o.int("dismissed", res.Verdicts.Dismissed)
	o.int("follow_up", res.Verdicts.FollowUp)
	o.int("stale", res.Verdicts.Stale)
	o.close('}')
	o.close('}')
}

// writeVerdictJSON writes a finding's verdict, when it has one.
func writeVerdictJSON(o *jsonOut, v *compare.VerdictView) {
	if v == nil {
		return
	}
	o.key("verdict")
	o.open('{')
	o.str("decision", string(v.Decision))
	o.str("note", v.Note)
	o.str("by", v.By)
	o.str("at", v.At)
	if v.Stale {
		o.bool("stale", true)
	}
	if v.Finding != "" {
		o.str("finding", v.Finding)
	}
	o.close('}')
}

func writeSlotJSON(o *jsonOut, sr *compare.SlotResult) {
	o.str("id", sr.ID)
	o.str("slot", sr.Slot)
	o.str("kind", sr.Kind)
	if sr.Label != "" {
		o.str("label", sr.Label)
	}
	o.str("status", string(sr.Status))
	o.strs("missing", sr.Missing)
	list(o, "values", sr.Values, writeValueJSON)
	if len(sr.Elements) > 0 {
		list(o, "elements", sr.Elements, func(o *jsonOut, el *compare.Element) {
			o.str("value", el.Value)
			o.str("status", string(el.Status))
			o.strs("missing", el.Missing)
		})
	}
	if len(sr.Differences) > 0 {
		list(o, "differences", sr.Differences, func(o *jsonOut, d *compare.Difference) {
			o.str("field", d.Field)
			list(o, "groups", d.Groups, func(o *jsonOut, g *compare.DiffGroup) {
				o.str("value", g.Value)
				o.strs("articles", g.Articles)
			})
		})
	}
	o.strs("notes", sr.Notes)
	if sr.Why != "" {
		o.str("why", sr.Why)
	}
	if sr.Confidence != 0 {
		o.float("confidence", sr.Confidence)
	}
	o.str("headline", sr.Headline)
	if sr.Generated {
		o.bool("generated", true)
	}
	o.int("rank", sr.Rank)
	if sr.Soft {
		o.bool("soft", true)
	}
	o.int("stated", sr.Stated)
	o.int("independent", sr.Independent)
	writeVerdictJSON(o, sr.Verdict)
}

func writeValueJSON(o *jsonOut, v *compare.Value) {
	o.str("article", v.Article)
	o.str("value", v.Value)
	o.str("surface", v.Surface)
	o.str("sentence", v.Sentence)
	o.span("span", v.Span)
	o.span("sentence_span", v.SentenceSpan)
	o.str("attribution", v.Attribution)
	o.str("source", v.Source)
	o.str("aspect", v.Aspect)
	o.bool("negated", v.Negated)
	if len(v.Diff) > 0 {
		list(o, "diff", v.Diff, func(o *jsonOut, d *compare.DiffOp) {
			o.str("op", d.Op)
			o.str("text", d.Text)
		})
	}
	if v.Background {
		o.bool("background", true)
	}
}
