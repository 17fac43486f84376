package compare

import (
	"fmt"
	"strings"
)

// headline writes the slot's finding as one sentence an editor can paste:
// "Outlet A says “withdrawing from the airport” (ongoing); Outlet B
// says “withdrew its forces from the airport” (completed)." It reads only the
// slot's own values, differences and missing list.
func (c comparer) headline(sr *SlotResult) {
	what := sr.Label
	if what == "" {
		what = sr.Slot
	}
	// The difference that decided the status, most serious first.
	pick := func(fields ...string) (Difference, bool) {
		for _, f := range fields {
			for _, d := range sr.Differences {
				if d.Field == f {
					return d, true
				}
			}
		}
		return Difference{}, false
	}
	switch sr.Status {
	case Contradiction:
		if d, ok := pick("polarity", "speaker", "value"); ok {
			sr.Headline = what + ": " + c.says(sr, d) + "."
			return
		}
	case Omission:
		if len(sr.Elements) > 0 {
			var parts []string
			for _, el := range sr.Elements {
				if len(el.Missing) > 0 && len(el.Missing) < len(c.articles) {
					parts = append(parts, fmt.Sprintf("%s %s not name %s", c.names(el.Missing), doVerb(len(el.Missing)), el.Value))
				}
			}
			if len(parts) > 0 {
				sr.Headline = what + ": " + strings.Join(parts, "; ") + "."
				return
			}
		}
		stating := c.stating(sr)
		if len(stating) == 0 {
			sr.Headline = what + ": no article states it."
			return
		}
		sr.Headline = fmt.Sprintf("%s: %s %s it out; %s %s it", what, c.names(sr.Missing), leaveVerb(len(sr.Missing)),
			c.names(stating), stateVerb(len(stating)))
		if d, ok := pick("polarity", "value", "aspect", "attribution"); ok {
			sr.Headline += ", and they differ: " + c.says(sr, d)
		}
		sr.Headline += "."
		return
	case Nuance:
		if d, ok := pick("aspect", "attribution", "precision", "title", "wording", "value"); ok {
			sr.Headline = what + ": " + c.says(sr, d) + "."
			return
		}
	case Variant:
		if d, ok := pick("spelling"); ok {
			var parts []string
			for _, g := range d.Groups {
				parts = append(parts, fmt.Sprintf("“%s” in %s", g.Value, c.names(g.Articles)))
			}
			sr.Headline = what + ": spelled " + strings.Join(parts, ", ") + "."
			return
		}
	case Agree:
		n := len(c.stating(sr))
		if len(sr.Values) > 0 {
			sr.Headline = fmt.Sprintf("%s: %d %s agree (%s).", what, n, plural(n, "article", "articles"), readable(sr))
			return
		}
	}
	sr.Headline = what + ": " + string(sr.Status) + "."
}

// says renders a difference as "A says “x” (value); B and C say “y” (value)",
// quoting the first article of each group.
func (c comparer) says(sr *SlotResult, d Difference) string {
	var parts []string
	for _, g := range d.Groups {
		surface := ""
		for _, v := range sr.Values {
			if v.Article == g.Articles[0] && !v.Background {
				surface = v.Surface
				break
			}
		}
		part := fmt.Sprintf("%s %s", c.names(g.Articles), sayVerb(len(g.Articles)))
		if surface != "" {
			part += " “" + shorten(surface, 80) + "”"
		}
		if g.Value != "" && !strings.EqualFold(g.Value, surface) && d.Field != "wording" && d.Field != "spelling" {
			part += " (" + g.Value + ")"
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, "; ")
}

// stating lists the articles that state the slot, in article order.
func (c comparer) stating(sr *SlotResult) []string {
	if sc := c.scratch; sc != nil && len(sc.first) == len(c.articles) {
		return sc.stating(sr.Values, c.articles)
	}
	has := map[string]bool{}
	for _, v := range sr.Values {
		if !v.Background {
			has[v.Article] = true
		}
	}
	var out []string
	for _, a := range c.articles {
		if has[a.ID] {
			out = append(out, a.ID)
		}
	}
	return out
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func sayVerb(n int) string   { return plural(n, "says", "say") }
func doVerb(n int) string    { return plural(n, "does", "do") }
func leaveVerb(n int) string { return plural(n, "leaves", "leave") }
func stateVerb(n int) string { return plural(n, "states", "state") }

// readable is the agreed value as a person reads it: the words of the
// first article for events and titles, whose values are keys ("kamashla",
// "kremlin spokesman"), and the value itself for the rest (dates,
// figures, names as written).
func readable(sr *SlotResult) string {
	v := sr.Values[0]
	for _, x := range sr.Values {
		if !x.Background {
			v = x
			break
		}
	}
	if len(sr.Elements) > 0 {
		var names []string
		for _, el := range sr.Elements {
			name := el.Value
			for _, x := range sr.Values {
				if x.Value == el.Value && x.Surface != "" && !x.Background {
					name = x.Surface
					break
				}
			}
			names = append(names, name)
		}
		return strings.Join(names, ", ")
	}
	switch sr.Kind {
	case "event", "title":
		if v.Surface != "" {
			return "“" + shorten(v.Surface, 60) + "”"
		}
	}
	return v.Value
}
