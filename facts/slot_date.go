package facts

// dateSlot fills a date slot with the dates that stand near its cue words:
// "met … on Wednesday", "talks … Jan. 28".
type dateSlot struct {
	slot   Slot
	cues   wordSet
	window int
}

// defaultDateWindow is how many tokens may separate a cue from a date. A
// lede such as "X met Y in the Kremlin on Wednesday" puts about ten
// between them; much wider windows catch dates of other events.
const defaultDateWindow = 12

func newDateSlot(s Slot) *dateSlot {
	w := s.Window
	if w == 0 {
		w = defaultDateWindow
	}
	return &dateSlot{slot: s, cues: newWordSet(s.Cues), window: w}
}

func (ds *dateSlot) extract(d *doc) []Fact {
	var out []Fact
	for _, s := range d.sents {
		cues := cueIndexes(ds.cues, s.toks)
		if len(cues) == 0 {
			continue
		}
		// Of the dates near a cue, keep the nearest: in "X, March 12 - A
		// fire broke out … on Tuesday" the fire's day is Tuesday.
		best, bestDist, bestCue := -1, ds.window+1, -1
		dates := d.datesOf(s)
		for k, dm := range dates {
			if isDateline(s.toks, dm) {
				continue
			}
			c, dist, ok := nearest(cues, dm.First, dm.Last, ds.window)
			if ok && dist < bestDist {
				best, bestDist, bestCue = k, dist, c
			}
		}
		if best < 0 {
			continue
		}
		dm := dates[best]
		f := d.fact(s, ds.slot, "date", dm.Span, dm.First)
		f.Value = dm.Date.String()
		f.Background = earlierOccurrence(s.toks, bestCue) && endsBefore(dm.Date, d.ref, 7)
		out = append(out, f)
	}
	return out
}

// isDateline reports whether a date is the dateline that opens a story
// ("PORT ALDER, March 12 -", "MOSCOW, Jan 28 (Reuters) -"): the day of
// filing, not of the events the sentence reports.
func isDateline(toks []Token, dm DateMention) bool {
	if dm.First > 6 || dm.Last+1 >= len(toks) {
		return false
	}
	next := toks[dm.Last+1].Fold
	if next == "(" {
		return true
	}
	return next == "-" && (dm.Last+2 >= len(toks) || capitalText(toks[dm.Last+2].Text))
}

// cueIndexes returns the token indexes where cues occur.
func cueIndexes(ws wordSet, toks []Token) []int {
	var out []int
	for i := range toks {
		if toks[i].Kind == Punct || !ws.may(toks[i].Fold) {
			continue
		}
		if _, ok := ws.match(toks, i); ok {
			out = append(out, i)
		}
	}
	return out
}

// nearest returns the cue index closest to the token range [first, last],
// its distance, and whether it lies within window tokens of it.
func nearest(cues []int, first, last, window int) (int, int, bool) {
	best, bestDist := -1, window+1
	for _, c := range cues {
		dist := 0
		switch {
		case c < first:
			dist = first - c
		case c > last:
			dist = c - last
		}
		if dist < bestDist {
			best, bestDist = c, dist
		}
	}
	return best, bestDist, best >= 0
}

// earlierOccurrence reports whether the cue at c is marked as an earlier
// instance of the event: "his first visit", "a previous meeting".
func earlierOccurrence(toks []Token, c int) bool {
	for k := c - 1; k >= 0 && k >= c-3; k-- {
		switch toks[k].Fold {
		case "first", "previous", "prior", "earlier", "past", "1st":
			return true
		}
		if toks[k].Kind == Punct {
			return false
		}
	}
	return false
}

// endsBefore reports whether date ends more than days days before ref.
func endsBefore(date, ref Date, days int) bool {
	if date.IsZero() || ref.IsZero() {
		return false
	}
	return date.To.AddDate(0, 0, days).Before(ref.From)
}
