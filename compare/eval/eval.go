// Package eval scores a comparison against what a careful reader expects of
// the story: the expect.json written beside a folder of articles (the format
// is in ../shared/corpus/README.md). It measures accuracy on stories whose
// differences are known — how many expectations a no-topic-file run holds,
// and which flagged contradictions are false alarms — for the project's
// development corpus and for desks writing expectations of their own.
//
// It is a port of the corpus scorer, score.py, and keeps its rules exactly:
// the same expectations hold, the same contradictions are false alarms and
// Lines prints what score.py prints. Patterns are Go regular expressions
// (RE2), which share the syntax of the Python patterns expectations use.
//
// Like compare, it is pure: it reads a compare.Result, never the database.
package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/crosscheck-news/crosscheck/compare"
)

// FileName is the name of the expectations file in a story folder.
const FileName = "expect.json"

// Expect is a story's expectations, as read from its expect.json.
type Expect struct {
	// About says what the expectations are for; it is not scored.
	About string `json:"about,omitempty"`
	// Facts are the fact expectations, each one point.
	Facts []FactExpectation `json:"facts"`
	// VariantsRequired are pairs of patterns that must both match
	// different forms of one variant group, each one point.
	VariantsRequired []Pair `json:"variants_required"`
	// VariantsForbidden are pairs of patterns that must never do so;
	// together they are one point.
	VariantsForbidden []Pair `json:"variants_forbidden"`
}

// Pair is two patterns matched, case-insensitively, against whole forms.
type Pair [2]string

// UnmarshalJSON reads a pair, which must have exactly two patterns.
func (p *Pair) UnmarshalJSON(b []byte) error {
	var s []string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if len(s) != 2 {
		return fmt.Errorf("a variant pair needs two patterns, not %d", len(s))
	}
	*p = Pair{s[0], s[1]}
	return nil
}

// FactExpectation is one fact a careful reader finds in the story.
type FactExpectation struct {
	// What says, for a person, what is expected; misses are listed by it.
	What string `json:"what"`
	// Kind, when set, is the fact kind the entry must have (date,
	// number, quote, title…).
	Kind string `json:"kind,omitempty"`
	// Articles are file-name prefixes ("01", "03"); every one must have a
	// matching value in the one entry.
	Articles []string `json:"articles"`
	// Value, when set, must equal the value, case aside.
	Value *string `json:"value,omitempty"`
	// Surface and Sentence are patterns searched, case-insensitively, in
	// the value's surface and sentence.
	Surface  string `json:"surface,omitempty"`
	Sentence string `json:"sentence,omitempty"`
	// StatusIn, when present (non-nil, even empty), lists the statuses
	// the entry may have; StatusNot those it must not have.
	StatusIn  []string `json:"status_in,omitempty"`
	StatusNot []string `json:"status_not,omitempty"`
	// ContradictionOK allows a flagged contradiction on the entry.
	ContradictionOK bool `json:"contradiction_ok,omitempty"`
}

// UnmarshalJSON reads an expectation; its value may be any JSON scalar and
// is compared as the scorer's str() of it.
func (e *FactExpectation) UnmarshalJSON(b []byte) error {
	type plain FactExpectation
	var raw struct {
		plain
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*e = FactExpectation(raw.plain)
	if raw.Value != nil {
		s, err := pyStr(raw.Value)
		if err != nil {
			return fmt.Errorf("value: %w", err)
		}
		e.Value = &s
	}
	return nil
}

// pyStr renders a JSON scalar as Python's str() renders the value json.load
// gives, so "value": 150 equals a value "150" as it does for the scorer.
func pyStr(raw json.RawMessage) (string, error) {
	var v any
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	if err := d.Decode(&v); err != nil {
		return "", err
	}
	switch v := v.(type) {
	case string:
		return v, nil
	case nil:
		return "None", nil
	case bool:
		if v {
			return "True", nil
		}
		return "False", nil
	case json.Number:
		s := v.String()
		if !strings.ContainsAny(s, ".eE") {
			if s == "-0" { // an int in Python, and -0 is 0
				return "0", nil
			}
			return s, nil
		}
		f, err := v.Float64()
		if err != nil {
			return "", err
		}
		return pyFloat(f), nil
	}
	return "", fmt.Errorf("%s is not a string or a number", raw)
}

// pyFloat is Python's repr of a float: the shortest form that reads back,
// with ".0" on whole numbers and an exponent from 1e16 and below 1e-4.
func pyFloat(f float64) string {
	abs := f
	if abs < 0 {
		abs = -abs
	}
	if abs != 0 && (abs >= 1e16 || abs < 1e-4) {
		return strconv.FormatFloat(f, 'e', -1, 64) // both pad the exponent to two digits
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// Load reads and checks an expect.json.
func Load(path string) (*Expect, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read expectations: %w", err)
	}
	e, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return e, nil
}

// Parse reads expectations from JSON and checks them: every fact needs its
// what and its articles, and every pattern must compile.
func Parse(b []byte) (*Expect, error) {
	var e Expect
	if err := json.Unmarshal(b, &e); err != nil {
		return nil, fmt.Errorf("expectations: %w", err)
	}
	for i, f := range e.Facts {
		if f.What == "" {
			return nil, fmt.Errorf("expectations: fact %d has no \"what\"", i+1)
		}
		if f.Articles == nil {
			return nil, fmt.Errorf("expectations: fact %d (%s) has no \"articles\"", i+1, f.What)
		}
	}
	if _, err := e.compile(); err != nil {
		return nil, err
	}
	return &e, nil
}

// Score is how a comparison fares against a story's expectations.
type Score struct {
	// Held of Total expectations hold: one per fact expectation, one per
	// required variant pair, and one for "no forbidden variant group".
	Held, Total int
	// Misses are the What of the fact expectations that do not hold, in
	// file order.
	Misses []string
	// RequiredHeld of RequiredTotal required variant pairs hold;
	// RequiredMissed are the others.
	RequiredHeld, RequiredTotal int
	RequiredMissed              []Pair
	// Forbidden are the forbidden pairs some variant group shows.
	Forbidden []Pair
	// FalseAlarms are the flagged contradictions no expectation asks for
	// or allows.
	FalseAlarms []FalseAlarm
	// FactCount, Flagged and Groups count the comparison's entries, its
	// flagged contradictions and its variant groups (variants and facts
	// with status variant), as the scorer's last line does.
	FactCount, Flagged, Groups int
}

// FalseAlarm is a flagged contradiction that no expectation explains.
type FalseAlarm struct {
	Slot   string
	Values []AlarmValue
}

// AlarmValue is one value of a false alarm: the article's file name (empty
// when the article is unknown) and the words the article uses.
type AlarmValue struct {
	File    string
	Surface string
}

// OK reports whether every expectation holds and nothing is a false alarm.
func (s Score) OK() bool { return s.Held == s.Total && len(s.FalseAlarms) == 0 }

// Lines are the lines score.py prints, in its order: MISS lines, FALSE
// variants, FALSE ALARM lines, then the score line.
func (s Score) Lines() []string {
	var out []string
	for _, m := range s.Misses {
		out = append(out, "MISS "+m)
	}
	for _, p := range s.RequiredMissed {
		out = append(out, "MISS variant "+p[0]+"/"+p[1])
	}
	if len(s.Forbidden) > 0 {
		tuples := make([]string, len(s.Forbidden))
		for i, p := range s.Forbidden {
			tuples[i] = "(" + pyRepr(p[0]) + ", " + pyRepr(p[1]) + ")"
		}
		out = append(out, "FALSE variants ["+strings.Join(tuples, ", ")+"]")
	}
	for _, a := range s.FalseAlarms {
		out = append(out, "FALSE ALARM "+a.String())
	}
	return append(out, fmt.Sprintf("score %d/%d (%d facts, %d contradictions flagged, %d false alarms, %d variant groups)",
		s.Held, s.Total, s.FactCount, s.Flagged, len(s.FalseAlarms), s.Groups))
}

// String is the alarm as score.py prints it: the slot, then each value as
// its file's two-character prefix and the first 40 characters of its
// surface.
func (a FalseAlarm) String() string {
	vals := make([]string, len(a.Values))
	for i, v := range a.Values {
		vals[i] = prefix(v.File, 2) + " " + pyRepr(prefix(v.Surface, 40))
	}
	return a.Slot + ": " + strings.Join(vals, "; ")
}

// prefix is s's first n characters (not bytes).
func prefix(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

// pyRepr quotes s as Python's repr does, so lines read as score.py's.
func pyRepr(s string) string {
	q := byte('\'')
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == '\\' || r == rune(q):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f || r > 0x7f && r < 0xa0:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r > 0x7f && !unicode.IsPrint(r):
			if r <= 0xffff {
				fmt.Fprintf(&b, `\u%04x`, r)
			} else {
				fmt.Fprintf(&b, `\U%08x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// compiled are an Expect's patterns, ready to match.
type compiled struct {
	surface, sentence []*regexp.Regexp // per fact; nil when not given
	required          [][2]*regexp.Regexp
	forbidden         [][2]*regexp.Regexp
}

// compile compiles every pattern: searches for surface and sentence
// (case-insensitive; a sentence's "." also crosses lines), whole-form
// matches for variant pairs.
func (e *Expect) compile() (*compiled, error) {
	c := &compiled{surface: make([]*regexp.Regexp, len(e.Facts)), sentence: make([]*regexp.Regexp, len(e.Facts))}
	var err error
	for i, f := range e.Facts {
		if f.Surface != "" {
			if c.surface[i], err = pattern(f.Surface, "(?i)", ""); err != nil {
				return nil, fmt.Errorf("expectations: fact %d (%s) surface: %w", i+1, f.What, err)
			}
		}
		if f.Sentence != "" {
			if c.sentence[i], err = pattern(f.Sentence, "(?is)", ""); err != nil {
				return nil, fmt.Errorf("expectations: fact %d (%s) sentence: %w", i+1, f.What, err)
			}
		}
	}
	pairs := func(ps []Pair, name string) ([][2]*regexp.Regexp, error) {
		out := make([][2]*regexp.Regexp, len(ps))
		for i, p := range ps {
			for j, s := range p {
				re, err := pattern(s, "(?i)^(?:", ")$")
				if err != nil {
					return nil, fmt.Errorf("expectations: %s %d: %w", name, i+1, err)
				}
				out[i][j] = re
			}
		}
		return out, nil
	}
	if c.required, err = pairs(e.VariantsRequired, "variants_required"); err != nil {
		return nil, err
	}
	if c.forbidden, err = pairs(e.VariantsForbidden, "variants_forbidden"); err != nil {
		return nil, err
	}
	return c, nil
}

// pattern compiles s alone first, so that wrapping it (for flags and
// anchors) never makes a broken pattern valid.
func pattern(s, before, after string) (*regexp.Regexp, error) {
	if _, err := regexp.Compile(s); err != nil {
		return nil, err
	}
	return regexp.Compile(before + s + after)
}

// errNilExpect is returned when there are no expectations to score by.
var errNilExpect = errors.New("no expectations")

// Score scores res against the expectations.
func (e *Expect) Score(res compare.Result) (Score, error) {
	if e == nil {
		return Score{}, errNilExpect
	}
	c, err := e.compile()
	if err != nil {
		return Score{}, err
	}
	files := map[string]string{}
	for _, a := range res.Articles {
		files[a.ID] = a.File[strings.LastIndex(a.File, "/")+1:]
	}
	var s Score
	s.FactCount = len(res.Facts)
	for i, fe := range e.Facts {
		s.Total++
		if slices.ContainsFunc(res.Facts, func(f compare.SlotResult) bool { return c.matches(e, i, f, files, true) }) {
			s.Held++
		} else {
			s.Misses = append(s.Misses, fe.What)
		}
	}

	groups := variantGroups(res)
	s.Groups = len(groups)
	for i, p := range e.VariantsRequired {
		s.Total++
		s.RequiredTotal++
		if slices.ContainsFunc(groups, func(g []string) bool { return both(g, c.required[i]) }) {
			s.Held++
			s.RequiredHeld++
		} else {
			s.RequiredMissed = append(s.RequiredMissed, p)
		}
	}
	s.Total++
	for i, p := range e.VariantsForbidden {
		if slices.ContainsFunc(groups, func(g []string) bool { return both(g, c.forbidden[i]) }) {
			s.Forbidden = append(s.Forbidden, p)
		}
	}
	if len(s.Forbidden) == 0 {
		s.Held++
	}

	// A flagged contradiction is expected when an expectation that asks for
	// or allows one matches it, its status aside.
	var real []int
	for i, fe := range e.Facts {
		if fe.ContradictionOK || slices.Contains(fe.StatusIn, string(compare.Contradiction)) ||
			slices.Contains(fe.StatusNot, string(compare.Agree)) && !slices.Contains(fe.StatusNot, string(compare.Contradiction)) {
			real = append(real, i)
		}
	}
	for _, f := range res.Facts {
		if f.Status != compare.Contradiction {
			continue
		}
		s.Flagged++
		if slices.ContainsFunc(real, func(i int) bool { return c.matches(e, i, f, files, false) }) {
			continue
		}
		alarm := FalseAlarm{Slot: f.Slot}
		for _, v := range f.Values {
			alarm.Values = append(alarm.Values, AlarmValue{File: files[v.Article], Surface: v.Surface})
		}
		s.FalseAlarms = append(s.FalseAlarms, alarm)
	}
	return s, nil
}

// matches reports whether entry f meets fact expectation i: its kind, its
// status (when checkStatus) and, for every listed article prefix, a value
// not negated whose value, surface and sentence match.
func (c *compiled) matches(e *Expect, i int, f compare.SlotResult, files map[string]string, checkStatus bool) bool {
	fe := e.Facts[i]
	if fe.Kind != "" && f.Kind != fe.Kind {
		return false
	}
	st := string(f.Status)
	if checkStatus && (fe.StatusIn != nil && !slices.Contains(fe.StatusIn, st) || slices.Contains(fe.StatusNot, st)) {
		return false
	}
	covered := map[string]bool{}
	for _, v := range f.Values {
		if v.Negated {
			continue
		}
		fn, ok := files[v.Article]
		if !ok {
			fn = v.Article
		}
		// Lower-cased equality, as score.py's str.lower(), not case folding:
		// EqualFold would take the long s "ſ" for "s", which Python does not.
		//lint:ignore SA6005 the scorer's rule, kept exactly
		if fe.Value != nil && strings.ToLower(v.Value) != strings.ToLower(*fe.Value) {
			continue
		}
		if c.surface[i] != nil && !c.surface[i].MatchString(v.Surface) {
			continue
		}
		if c.sentence[i] != nil && !c.sentence[i].MatchString(v.Sentence) {
			continue
		}
		for _, p := range fe.Articles {
			if strings.HasPrefix(fn, p) {
				covered[p] = true
			}
		}
	}
	for _, p := range fe.Articles {
		if !covered[p] {
			return false
		}
	}
	return true
}

// variantGroups are the groups a reader sees as "spelled two ways": each
// entry of Variants (its forms) and each fact with status variant (its
// values' surfaces, when more than one), lower-cased and without repeats.
func variantGroups(res compare.Result) [][]string {
	var groups [][]string
	for _, g := range res.Variants {
		var forms []string
		for _, f := range g.Forms {
			forms = append(forms, strings.ToLower(f.Form))
		}
		groups = append(groups, uniq(forms))
	}
	for _, f := range res.Facts {
		if f.Status != compare.Variant {
			continue
		}
		var forms []string
		for _, v := range f.Values {
			if v.Surface != "" {
				forms = append(forms, strings.ToLower(v.Surface))
			}
		}
		if forms = uniq(forms); len(forms) > 1 {
			groups = append(groups, forms)
		}
	}
	return groups
}

// uniq sorts forms and drops repeats: a group is a set.
func uniq(forms []string) []string {
	slices.Sort(forms)
	return slices.Compact(forms)
}

// both reports whether group g shows the pair: each pattern matches some
// form, and the forms they match are not the same set, so two different
// spellings are behind them.
func both(g []string, p [2]*regexp.Regexp) bool {
	var fa, fb []string
	for _, f := range g {
		if p[0].MatchString(f) {
			fa = append(fa, f)
		}
		if p[1].MatchString(f) {
			fb = append(fb, f)
		}
	}
	return len(fa) > 0 && len(fb) > 0 && !slices.Equal(fa, fb)
}
