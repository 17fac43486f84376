package facts

import (
	"strconv"
	"strings"
)

// countSlot fills a count slot with numbers that count its cue word:
// "second visit", "his third official trip", "two visits", "visited twice".
type countSlot struct {
	slot   Slot
	cues   wordSet
	window int
}

// defaultCountWindow is how many words may stand between a number and
// its cue ("second official state visit").
const defaultCountWindow = 2

func newCountSlot(s Slot) *countSlot {
	w := s.Window
	if w == 0 {
		w = defaultCountWindow
	}
	return &countSlot{slot: s, cues: newWordSet(s.Cues), window: w}
}

func (cs *countSlot) extract(d *doc) []Fact {
	var out []Fact
	for _, s := range d.sents {
		toks := s.toks
		for i := range toks {
			n, ok := numberWord(toks[i])
			if !ok {
				continue
			}
			c, ok := cs.cueAfter(toks, i)
			if !ok {
				continue
			}
			// A past "first visit" is context for a later one; a past "third
			// inspection" is simply the count.
			end, background := c, sinceCue(toks, i)
			if !background && n == 1 {
				// Show the date that makes it earlier: "first visit to
				// Moscow in October", not just "first visit".
				end, background = cs.earlier(d, s, c)
			}
			sp := Span{toks[i].Span.Start, toks[end].Span.End}
			f := d.fact(s, cs.slot, "count", sp, i)
			f.Value = strconv.Itoa(n)
			f.Background = background
			out = append(out, f)
		}
		// "visited Moscow twice", "has met three times"
		for i := range toks {
			if !cs.cues.may(toks[i].Fold) {
				continue // most tokens: no cue word starts with their byte
			}
			if _, ok := cs.cues.match(toks, i); !ok || toks[i].Kind == Punct {
				continue
			}
			for k := i + 1; k < len(toks) && k <= i+4; k++ {
				if toks[k].Kind == Punct {
					break
				}
				n, ok := multiplicatives[toks[k].Fold]
				if !ok && toks[k].Fold == "times" && k > i+1 {
					n, ok = numberWord(toks[k-1])
				}
				if ok {
					sp := Span{toks[i].Span.Start, toks[k].Span.End}
					f := d.fact(s, cs.slot, "count", sp, i)
					f.Value = strconv.Itoa(n)
					out = append(out, f)
					break
				}
			}
		}
	}
	return out
}

// notCounted are words after a number that make it a measure, not a
// count of the cue: "80 percent of asylum-seekers".
// Scale words ("two hundred", "a few thousand") make a vague or larger
// number than the word before them says.
var notCounted = map[string]bool{
	"percent": true, "%": true, "per": true, "cent": true, "percentage": true,
	"hundred": true, "hundreds": true, "thousand": true, "thousands": true,
	"million": true, "millions": true, "billion": true, "dozen": true, "dozens": true,
}

// numberWord reads an ordinal or cardinal: "second", "2nd", "two", "2".
func numberWord(t Token) (int, bool) {
	if t.may(lcOrdinal) {
		if n, ok := ordinals[t.Fold]; ok {
			return n, true
		}
	}
	if t.may(lcCardinal) {
		if n, ok := cardinals[t.Fold]; ok {
			return n, true
		}
	}
	if t.Kind == Number && !strings.ContainsAny(t.Fold, ".,-") {
		if n, err := strconv.Atoi(t.Fold); err == nil && n < 1000 {
			return n, true
		}
	}
	return 0, false
}

// cueAfter finds a cue within the window after the number at i, across
// lower-case modifiers only ("second official visit", not "second. Visit").
func (cs *countSlot) cueAfter(toks []Token, i int) (int, bool) {
	for k := i + 1; k < len(toks) && k <= i+1+cs.window; k++ {
		if toks[k].Kind == Punct || notCounted[toks[k].Fold] {
			return 0, false
		}
		if last, ok := cs.cues.match(toks, k); ok {
			return last, true
		}
		if _, isNum := numberWord(toks[k]); isNum {
			return 0, false
		}
	}
	return 0, false
}

// earlier reports whether the count is about an earlier occurrence: a
// date shortly after the cue that ends well before the article's date
// ("his first visit to Moscow in October" in a January article). Dates
// after "since", "after" or "before" bound a span and do not count. It
// returns the index of the date's last token, or c when there is none.
func (cs *countSlot) earlier(d *doc, s *sentence, c int) (int, bool) {
	for _, dm := range d.datesOf(s) {
		if dm.First <= c || dm.First > c+5 {
			continue
		}
		bounded := false
		for k := c + 1; k < dm.First; k++ {
			switch s.toks[k].Fold {
			case "since", "after", "before", "until", "ousting", "taking", "coming":
				bounded = true
			}
		}
		if !bounded && endsBefore(dm.Date, d.ref, 7) {
			return dm.Last, true
		}
	}
	return c, false
}

// sinceCue reports whether the count at i follows "since", "after" or
// "before" ("since their first meeting"): it names another occurrence
// that bounds a span, not the one the article reports.
func sinceCue(toks []Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch toks[k].Fold {
		case "since", "after", "before":
			return true
		}
	}
	return false
}
