package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck-news/crosscheck/compare"
)

// statusMark gives each status a word and a mark, so the table reads
// without colour.
var statusMark = map[compare.Status]string{
	compare.Contradiction: "✗ contradiction",
	compare.Omission:      "◌ omission",
	compare.Nuance:        "≈ nuance",
	compare.Variant:       "~ variant",
	compare.Agree:         "✓ agree",
}

var statusColor = map[compare.Status]string{
	compare.Contradiction: "\x1b[1;31m",
	compare.Omission:      "\x1b[33m",
	compare.Nuance:        "\x1b[36m",
	compare.Variant:       "\x1b[35m",
	compare.Agree:         "\x1b[32m",
}

// WriteTable writes res as a terminal table: the articles with a letter
// each, the fact matrix (a row per slot, a column per article), the notes
// that explain each status, the evidence sentence behind every cell, and
// the spelling variants. Lines fit opt.Width columns.
func WriteTable(w io.Writer, res compare.Result, opt Options) error {
	bw := bufio.NewWriter(w)
	width := opt.Width
	if width <= 0 {
		width = 100
	}
	paint := func(st compare.Status, s string) string {
		if !opt.Color {
			return s
		}
		return statusColor[st] + s + "\x1b[0m"
	}
	trimmed := func(s string) { fmt.Fprintln(bw, strings.TrimRight(fit(s, width), " ")) }

	title := res.Topic
	if res.Title != "" {
		title = res.Title + " [" + res.Topic + "]"
	}
	trimmed(title)
	letters := map[string]string{}
	for i, a := range res.Articles {
		l := letter(i)
		letters[a.ID] = l
		desc := a.ID
		if a.Outlet != "" {
			desc += "  " + a.Outlet
		}
		if a.Wire != "" && a.Wire != a.Outlet {
			desc += " (" + a.Wire + ")"
		}
		if a.Published != "" {
			desc += "  " + a.Published
		}
		trimmed(fmt.Sprintf("  %s  %s", l, desc))
	}
	if res.Independence != "" {
		trimmed("  " + res.Independence)
	}
	s := res.Summary
	trimmed(fmt.Sprintf("Slots: %d contradiction, %d omission, %d nuance, %d variant, %d agree",
		s.Contradiction, s.Omission, s.Nuance, s.Variant, s.Agree))
	fmt.Fprintln(bw)

	// The matrix.
	slotW, statusW := 24, 16
	n := max(1, len(res.Articles))
	cellW := max(6, (width-slotW-statusW)/n-1)
	var hdr strings.Builder
	hdr.WriteString(fit("slot", slotW) + fit("status", statusW))
	for i := range res.Articles {
		hdr.WriteString(fit(letter(i), cellW) + " ")
	}
	trimmed(hdr.String())
	trimmed(strings.Repeat("─", min(width, slotW+statusW+n*(cellW+1))))
	generalShown := false
	cols := newCellCols(res.Articles)
	var cells []string
	for _, r := range matrixRows(res) {
		if r.slot.Generated && !generalShown {
			trimmed("general facts (no topic slot; stated by two or more articles):")
			generalShown = true
		}
		var row strings.Builder
		row.WriteString(fit(r.label, slotW-1) + " ")
		row.WriteString(paint(r.status, fit(statusMark[r.status], statusW)))
		cells = r.cellsIn(cols, cells)
		for _, c := range cells {
			row.WriteString(fit(c, cellW) + " ")
		}
		fmt.Fprintln(bw, strings.TrimRight(row.String(), " "))
	}
	trimmed("~ reported (not in the outlet's own voice)   ¬ denied   — not stated")

	// Notes and evidence, slot by slot; general facts on which all
	// stating articles agree stay in the matrix only.
	for _, sr := range res.Facts {
		if sr.Generated && sr.Status == compare.Agree {
			continue
		}
		fmt.Fprintln(bw)
		head := sr.Label // people read labels; slot ids stay in the JSON
		if head == "" {
			head = sr.Slot
		}
		fmt.Fprintln(bw, paint(sr.Status, strings.TrimRight(fit(head+": "+string(sr.Status)+"  ["+sr.ID+"]", width), " ")))
		if vt := verdictText(sr.Verdict); vt != "" {
			wrap(bw, "  ⚖ ", "    ", vt, width)
		}
		for _, note := range sr.Notes {
			wrap(bw, "  • ", "    ", note, width)
		}
		for _, v := range sr.Values {
			surf := v.Surface
			if v.Background {
				surf += " (earlier occurrence)"
			}
			if v.Attribution == "reported" {
				if v.Source != "" {
					surf += " [reported: " + v.Source + "]"
				} else {
					surf += " [reported]"
				}
			}
			lead := fmt.Sprintf("  %s %s: ", letters[v.Article], surf)
			ex := excerpt(v.Sentence, v.Span[0]-v.SentenceSpan[0], v.Span[1]-v.SentenceSpan[0], 160)
			wrap(bw, lead, "      ", "“"+ex+fmt.Sprintf("” (bytes %d–%d)", v.Span[0], v.Span[1]), width)
			if d := diffText(v.Diff, "[-", "-]", "{+", "+}"); d != "" {
				wrap(bw, "      word diff: ", "      ", d, width)
			}
		}
	}

	fmt.Fprintln(bw)
	if len(res.Variants) == 0 {
		trimmed("Spelling variants: none")
	} else {
		trimmed("Spelling variants:")
		for _, g := range res.Variants {
			var forms []string
			for _, f := range g.Forms {
				var ls []string
				for _, id := range f.Articles {
					ls = append(ls, letters[id])
				}
				forms = append(forms, f.Form+" ("+strings.Join(ls, ",")+")")
			}
			wrap(bw, "  "+g.Canonical+" ["+g.ID+"]: ", "      ", strings.Join(forms, " / "), width)
			if vt := verdictText(g.Verdict); vt != "" {
				wrap(bw, "    ⚖ ", "      ", vt, width)
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	return nil
}

// letter names the i-th article column: A, B, …, Z, AA, AB, …
func letter(i int) string {
	s := ""
	for {
		s = string(rune('A'+i%26)) + s
		i = i/26 - 1
		if i < 0 {
			return s
		}
	}
}

// wrap writes text after lead, wrapped at width with indent on later lines.
func wrap(w io.Writer, lead, indent, text string, width int) {
	words := strings.Fields(text)
	cur := lead
	empty := true
	for _, wd := range words {
		if !empty && width > 0 && len([]rune(cur))+1+len([]rune(wd)) > width {
			fmt.Fprintln(w, cur)
			cur = indent
			empty = true
		}
		if empty {
			cur += wd
			empty = false
		} else {
			cur += " " + wd
		}
	}
	fmt.Fprintln(w, cur)
}
