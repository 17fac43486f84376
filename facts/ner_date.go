package facts

// Dates without a topic file, keyed by what happened on them.
//
// Each date mention (not a dateline) takes the nearest event word in its
// clause, within defaultDateWindow tokens: a verb (lemmatised as for
// events) or an event noun ("talks", "meeting", "visit"), so "met … on
// Wednesday" and "talks on Wednesday" both fill "date:meet", "traveled to
// Moscow today" and "his visit in October" fill "date:visit". Auxiliaries
// are passed over; a reporting verb nearest the date claims it ("said on
// Tuesday"), and then the date fills "date:say". A date that is an earlier
// occurrence ("his first visit … in October", long before the article
// date) is Background, as for topic date slots.
//
// One "date:lede" fact per article is the date of the main event as news
// style gives it: the first date in the first three sentences of the body
// (headings and datelines skipped) that ledeDate accepts.

// ReportDateLemma keys the dates a reporting verb claims ("said on
// Tuesday", "reported Monday"): slot "date:say". Such a date dates a
// statement, not an event; the comparison shows it only beside an event
// another article dates the same day with the same names ("Hale said on
// Tuesday" beside "Hale on Tuesday lashed out").
const ReportDateLemma = "say"

// UnkeyedDateLemma keys the dates with no event word in reach ("bringing
// about the new, May 12 deadline"): slot "date:other". Like a statement's
// date, the comparison shows one only beside an event another article
// dates to the same calendar day or with the same names.
const UnkeyedDateLemma = "other"

// ledeMaxAge is how many days before the publication date the lede's
// date may end: "at the end of 2024" in a 2026 lede is background.
const ledeMaxAge = 31

// appendGeneralDates emits the date facts of an article.
func appendGeneralDates(d *doc, out []Fact) []Fact {
	lede := false
	counted := 0
	type seenKey struct{ slot, value string }
	seen := map[seenKey]bool{}
	heading := analyseNER(d).heading
	for si, s := range d.sents {
		toks := s.toks
		if heading[si] {
			continue
		}
		counted++
		dates := d.datesOf(s)
		if len(dates) == 0 {
			continue
		}
		clear(seen)
		inDate := dateMask(toks, dates)
		for _, dm := range dates {
			if isDateline(toks, dm) {
				continue
			}
			if !lede && counted <= 3 && ledeDate(dm.Date, d.ref) {
				lede = true
				f := d.fact(s, Slot{ID: "date:lede", Kind: KindDate}, "date", dm.Span, dm.First)
				f.Value = dm.Date.String()
				f.Label = "date of the main event"
				out = append(out, f)
			}
			lem, cue, ok := dateEvent(toks, dm, inDate)
			if !ok {
				continue
			}
			k := seenKey{"date:" + lem, dm.Date.String()}
			if seen[k] {
				continue
			}
			seen[k] = true
			f := d.fact(s, Slot{ID: k.slot, Kind: KindDate}, "date", dm.Span, dm.First)
			f.Value = k.value
			f.Label = "date of: " + lem
			switch lem {
			case ReportDateLemma:
				f.Label = "date of a statement"
			case UnkeyedDateLemma:
				f.Label = "date"
			}
			f.Background = cue >= 0 && earlierOccurrence(toks, cue) && endsBefore(dm.Date, d.ref, 7)
			out = append(out, f)
		}
	}
	return out
}

// ledeDate reports whether a date in a lede can be the main event's: one
// that does not end more than ledeMaxAge days before the publication
// date, and a day or a week, or a month when the publication date shows
// it is recent. A year or a month in a lede read with no publication date
// is named in passing ("took over the probe in May 2017", "a June 2016
// meeting"): news gives its main event a day.
func ledeDate(date, ref Date) bool {
	switch date.Precision {
	case PrecisionDay, PrecisionWeek:
	case PrecisionMonth:
		if ref.IsZero() {
			return false
		}
	default:
		return false
	}
	return !endsBefore(date, ref, ledeMaxAge)
}

// dateMask marks the tokens of date mentions, and the commas between two
// of them ("today, Jan. 28"), which the search for an event word passes.
func dateMask(toks []Token, dates []DateMention) []bool {
	mask := make([]bool, len(toks))
	for k, dm := range dates {
		for x := dm.First; x <= dm.Last; x++ {
			mask[x] = true
		}
		if k > 0 {
			prev := dates[k-1]
			if dm.First-prev.Last == 2 && toks[prev.Last+1].Fold == "," {
				mask[prev.Last+1] = true
			}
		}
	}
	return mask
}

// dateEvent returns the lemma of the event word nearest the date dm, and
// its index; ReportDateLemma when a reporting verb is nearest,
// UnkeyedDateLemma (index -1) when no word is in reach, and ok false when
// the date bounds a span ("since 2024").
func dateEvent(toks []Token, dm DateMention, inDate []bool) (string, int, bool) {
	type hit struct {
		lem   string
		at    int
		dist  int
		found bool
	}
	search := func(from, step int) hit {
		dist := 0
		for k := from; k >= 0 && k < len(toks); k += step {
			if inDate[k] {
				continue
			}
			dist++
			if dist > defaultDateWindow {
				break
			}
			f := toks[k].Fold
			if step < 0 && (f == "since" || f == "until" || f == "till") {
				// "his second visit since ousting Assad in 2024": the date
				// bounds a span; it is no event's date.
				return hit{"", k, dist, true}
			}
			if toks[k].may(lcEventClauseBreak) && eventClauseBreaks[f] && f != "-" {
				// "On Tuesday, the minister met …": a sentence-opening
				// date reaches over its comma.
				if !(step > 0 && f == "," && k == dm.Last+1 && dateOpensSentence(toks, dm)) {
					break
				}
				continue
			}
			if lem, stop, ok := verbAt(toks, k); ok {
				if stop {
					if reportVerbs[f] || lem == "say" || lem == "tell" || lem == "report" || lem == "announce" {
						return hit{ReportDateLemma, k, dist, true} // the date of the report
					}
					continue
				}
				return hit{lem, k, dist, true}
			}
			if lem, ok := eventNounAt(toks, k); ok {
				return hit{lem, k, dist, true}
			}
		}
		return hit{}
	}
	back := search(dm.First-1, -1)
	fwd := search(dm.Last+1, 1)
	h := fwd
	if back.found && (!fwd.found || back.dist <= fwd.dist) {
		h = back
	}
	if !h.found {
		return UnkeyedDateLemma, -1, true
	}
	return h.lem, h.at, h.lem != ""
}

// dateOpensSentence reports whether dm opens its sentence, after at most
// a preposition: "On Tuesday, …", "Earlier this week, …".
func dateOpensSentence(toks []Token, dm DateMention) bool {
	for k := 0; k < dm.First; k++ {
		if toks[k].Kind == Word && !(k == dm.First-1 && (toks[k].Fold == "on" || toks[k].Fold == "in" || toks[k].Fold == "late" || toks[k].Fold == "early")) {
			return false
		}
	}
	return true
}
