package facts

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Range is an interval of numbers, the canonical value of a number or a
// duration fact: "about 150" is 135..165, "more than 150" is 151.., "up
// to 100" is ..100, "dozens" is 24..99. Bounds are inclusive; an open
// side is ±Inf.
type Range struct {
	Lo, Hi float64
}

// Exact returns the range holding only v.
func Exact(v float64) Range { return Range{v, v} }

// Overlaps reports whether two ranges share a value: "about 150" and
// "more than 150" can both be true, "at least 30" and "12" cannot.
func (r Range) Overlaps(o Range) bool { return r.Lo <= o.Hi && o.Lo <= r.Hi }

// String renders the range as a fact value: "150", "135..165", "151..",
// "..100".
func (r Range) String() string {
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	switch {
	case r.Lo == r.Hi:
		return f(r.Lo)
	case math.IsInf(r.Lo, -1) && math.IsInf(r.Hi, 1):
		return ".."
	case math.IsInf(r.Lo, -1):
		return ".." + f(r.Hi)
	case math.IsInf(r.Hi, 1):
		return f(r.Lo) + ".."
	}
	return f(r.Lo) + ".." + f(r.Hi)
}

// ParseRange parses what Range.String renders.
func ParseRange(s string) (Range, error) {
	s = strings.TrimSpace(s)
	lo, hi, isRange := strings.Cut(s, "..")
	if !isRange {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return Range{}, fmt.Errorf("range %q: %w", s, err)
		}
		return Exact(v), nil
	}
	r := Range{math.Inf(-1), math.Inf(1)}
	var err error
	if lo != "" {
		if r.Lo, err = strconv.ParseFloat(lo, 64); err != nil {
			return Range{}, fmt.Errorf("range %q: %w", s, err)
		}
	}
	if hi != "" {
		if r.Hi, err = strconv.ParseFloat(hi, 64); err != nil {
			return Range{}, fmt.Errorf("range %q: %w", s, err)
		}
	}
	if r.Lo > r.Hi {
		return Range{}, fmt.Errorf("range %q: low end above high end", s)
	}
	return r, nil
}

// Display renders a range for people: "150", "135–165", "≥30", ">150"
// (an open bound one past a round figure reads as "more than"), "<100".
// Durations (days) read in the largest unit that fits: ">10 years",
// "14 years", "<4 months".
func (r Range) Display(days bool) string {
	// unit renders v in its largest clean unit, or "" when none fits.
	unit := func(v float64) string {
		f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
		if !days {
			if math.Mod(v, 5) == 0 {
				return f(v)
			}
			return ""
		}
		for _, u := range []struct {
			n    float64
			name string
		}{{3650, "decades"}, {365, "years"}, {30, "months"}, {7, "weeks"}} {
			if v >= u.n && math.Mod(v, u.n) == 0 {
				if u.n == 3650 {
					return f(v/365) + " years"
				}
				return f(v/u.n) + " " + u.name
			}
		}
		return ""
	}
	plain := func(v float64) string {
		if u := unit(v); u != "" {
			return u
		}
		s := strconv.FormatFloat(v, 'f', -1, 64)
		if days {
			s += " days"
		}
		return s
	}
	switch {
	case r.Lo == r.Hi:
		return plain(r.Lo)
	case math.IsInf(r.Lo, -1) && math.IsInf(r.Hi, 1):
		return "any"
	case math.IsInf(r.Lo, -1):
		if u := unit(r.Hi + 1); u != "" {
			return "<" + u
		}
		return "≤" + plain(r.Hi)
	case math.IsInf(r.Hi, 1):
		if u := unit(r.Lo - 1); u != "" {
			return ">" + u
		}
		return "≥" + plain(r.Lo)
	}
	return plain(r.Lo) + "–" + plain(r.Hi)
}
