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
