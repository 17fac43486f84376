package compare

import (
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/facts"
)

// Dates without a topic file come keyed by the word nearest them
// ("date:fire", "date:agree"), so one event dated around different words
// ("the vote", "the ruling", "will be heard") would make one slot per
// word. mergeDateSlots joins them when their sentences share the event's
// names and their dates can all be one day.

// commonShare is the share of a story's sentences above which a name runs
// through the whole story ("Hale" in a story about Governor Hale): sharing it
// ties no two sentences to one event.
const commonShare = 0.2

// commonNames returns the name keys that appear in more than commonShare
// of the distinct sentences the story's facts come from (and in at least
// four), so that small stories keep every name.
func commonNames(fs []facts.Fact, memo nameMemo) map[string]bool {
	type key struct {
		article string
		start   int
	}
	seen := map[key]bool{}
	count := map[string]int{}
	n := 0
	// fs comes sorted by article and place, so a sentence's facts are
	// mostly together: last, a key already in seen, spares the look-up.
	var last key
	hasLast := false
	for i := range fs {
		f := &fs[i]
		k := key{f.Article, f.SentenceSpan.Start}
		if hasLast && k == last {
			continue
		}
		if seen[k] {
			last, hasLast = k, true
			continue
		}
		if f.Sentence == "" {
			continue
		}
		seen[k] = true
		last, hasLast = k, true
		n++
		for _, name := range memo.ofFact(f).names {
			count[name]++
		}
	}
	common := map[string]bool{}
	for name, c := range count {
		if c >= 4 && float64(c) > commonShare*float64(n) {
			common[name] = true
		}
	}
	return common
}

// sentenceNames are the name keys of a sentence's capitalised words,
// calendar names left out; the word that opens the sentence is only
// perhaps a name ("Ellis quit", "The board"). Each list is sorted, each
// key once: a sentence has a few names, and two maps for each of the
// story's sentences cost more to make than the lists cost to walk.
type sentenceNames struct {
	names, opening []string
}

// nameFunctionWords are capitalised inside names ("The New York Times",
// "Bank of England") without naming anything.
var nameFunctionWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "and": true, "for": true,
	"in": true, "on": true, "at": true, "to": true, "de": true, "la": true,
}

// nameMemo holds the names of sentences already read: commonNames reads
// every general fact's sentence and mergeDateSlots the date facts' again.
// The names are only read afterwards, so sharing them is safe. The
// sentences' tokens come from tokens, which subjectTie reads too. A zero
// memo reads each time.
type nameMemo struct {
	m      map[string]sentenceNames
	tokens tokenMemo
	// articles (sorted by id) and paras let ofFact read a sentence's
	// tokens from its paragraph's, made already for sources.
	articles []facts.Article
	paras    *paraTokens
}

// ofFact is of(f.Sentence), the sentence's tokens taken from its
// paragraph's when sentenceTokens can (then also kept in tokens for
// subjectTie): tokenising each sentence of the story again was most of
// commonNames.
func (m nameMemo) ofFact(f *facts.Fact) sentenceNames {
	if m.m == nil || m.tokens == nil || m.paras == nil {
		return m.of(f.Sentence)
	}
	if n, ok := m.m[f.Sentence]; ok {
		return n
	}
	if _, ok := m.tokens[f.Sentence]; !ok {
		if a := articleByID(m.articles, f.Article); a != nil {
			if toks, ok := m.paras.sentenceTokens(a, f.SentenceSpan.Start, f.SentenceSpan.End, f.Sentence); ok {
				m.tokens[f.Sentence] = toks
			}
		}
	}
	return m.of(f.Sentence)
}

// articleByID returns the first article of arts (sorted by id) with the
// id, nil when none has it.
func articleByID(arts []facts.Article, id string) *facts.Article {
	i := sort.Search(len(arts), func(i int) bool { return arts[i].ID >= id })
	if i < len(arts) && arts[i].ID == id {
		return &arts[i]
	}
	return nil
}

func (m nameMemo) of(sentence string) sentenceNames {
	if m.m == nil {
		return namesOf(sentence)
	}
	n, ok := m.m[sentence]
	if !ok {
		n = namesOfTokens(m.tokens.of(sentence))
		m.m[sentence] = n
	}
	return n
}

// namesOf reads the names of a sentence.
func namesOf(sentence string) sentenceNames {
	return namesOfTokens(facts.Tokenize(sentence, 0, len(sentence)))
}

// namesOfTokens reads the names of a sentence from its tokens.
func namesOfTokens(toks []facts.Token) sentenceNames {
	var out sentenceNames
	for i, t := range toks {
		if t.Kind != facts.Word || !t.IsCapitalized() || facts.IsCalendarName(t.Fold) || nameFunctionWords[t.Fold] {
			continue
		}
		k := facts.NameKey(t.Text)
		if k == "" {
			continue
		}
		if i == 0 || toks[i-1].Fold == "." && !(i >= 2 && toks[i-2].IsCapitalized() && len(toks[i-2].Fold) <= 3) {
			out.opening = append(out.opening, k) // a sentence start, not "Mr. Roe" or "U.S. Navy"
			continue
		}
		out.names = append(out.names, k)
	}
	out.names, out.opening = sortedSet(out.names), sortedSet(out.opening)
	return out
}

// sortedSet sorts ks and drops its repeats, in place.
func sortedSet(ks []string) []string {
	if len(ks) < 2 {
		return ks
	}
	slices.Sort(ks)
	return slices.Compact(ks)
}

// inSorted reports whether k is in the sorted list ks; from is where to
// start looking, and the returned index where a next, larger k may start.
func inSorted(ks []string, from int, k string) (int, bool) {
	for from < len(ks) && ks[from] < k {
		from++
	}
	return from, from < len(ks) && ks[from] == k
}

// countShared is how many of shared(b) count, without making the list.
// The lists are sorted, so each is walked once.
func (a sentenceNames) countShared(b sentenceNames, counts func(string) bool) int {
	n := 0
	var ok1, ok2 bool
	i, j := 0, 0
	for _, k := range a.names {
		i, ok1 = inSorted(b.names, i, k)
		j, ok2 = inSorted(b.opening, j, k)
		if (ok1 || ok2) && counts(k) {
			n++
		}
	}
	i = 0
	for _, k := range a.opening {
		i, ok1 = inSorted(b.names, i, k)
		if ok1 && counts(k) {
			n++
		}
	}
	return n
}

// storyDates is what the comparison knows of a story's dates beyond one
// slot: the names that run through it, and the event each lede's date
// dates.
type storyDates struct {
	common map[string]bool
	// ledeEvent maps an article to the slot of the event its lede's date
	// dates, "" when no event word dates it.
	ledeEvent map[string]string
	// tokens holds the tokens of the facts' sentences for subjectTie,
	// and words what subjectTie reads of each.
	tokens tokenMemo
	words  wordsMemo
	// frames holds the figures' frames for numberSubjectTie.
	frames frameMemo
}

// sameLedeEvent reports whether two facts, if both are ledes' dates, can
// date one event: unless both ledes' dates are keyed to events (a word or
// a statement) that the comparison did not join into one slot.
func (s storyDates) sameLedeEvent(a, b facts.Fact) bool {
	if a.Slot != "date:lede" || b.Slot != "date:lede" {
		return true
	}
	ea, eb := s.ledeEvent[a.Article], s.ledeEvent[b.Article]
	if ea == "" || eb == "" {
		return true // no event word: the names decide
	}
	return ea == eb
}

// dateKey names one date fact before merging.
type dateKey struct {
	article string
	start   int
	slot    string
}

// ledeEvents maps each article to the slot (after merging) of the event
// its lede's date dates: the keyed date fact at the lede's span. Dates
// with no event word leave it "", and so do statements' dates that joined
// no event ("said on Monday"): those are keyed to "date:say".
func ledeEvents(bySlot map[string][]facts.Fact, moved map[dateKey]string) map[string]string {
	out := map[string]string{}
	for _, f := range bySlot["date:lede"] {
		if _, ok := out[f.Article]; ok || f.Background {
			continue
		}
		out[f.Article] = ""
		for k, to := range moved {
			if k.article != f.Article || k.start != f.Span.Start || k.slot == "date:"+facts.UnkeyedDateLemma {
				continue
			}
			if to == "" {
				to = k.slot // a statement's date that joined nothing
			}
			out[f.Article] = to
			break
		}
	}
	return out
}

// dateFact is a generated date fact with what merging needs.
type dateFact struct {
	f     *facts.Fact // in bySlot's slices, only read
	date  facts.Date
	day   string // date.String(), made once: pairs of dates compare it
	names sentenceNames
}

// mergeDateSlots re-keys the generated date facts of bySlot (not the
// lede's): two slots become one when every date of one is the same as
// every date of the other, or a calendar month or year holding it (so
// merging never makes a contradiction), and a sentence of one shares a
// name with a sentence of the other from another article. The name must not run through the whole story, unless
// both dates name the same single day ("Hale on Tuesday lashed out" and
// "Mr. Hale said on Tuesday"); the same calendar day written as one
// ("May 12", "Feb. 13, 2017", not "Tuesday") needs no name. Dates a reporting verb claims (slot
// "date:say") and dates with no event word ("date:other") join an event's
// slot one by one, for an article that has no date there yet, and are
// dropped when they join none: a statement's day alone is no finding.
func mergeDateSlots(bySlot map[string][]facts.Fact, common map[string]bool, memo nameMemo) map[dateKey]string {
	moved := map[dateKey]string{}
	type group struct {
		ids   []string
		facts []dateFact
		arts  int // articleCount(facts), for the sort below
	}
	var groups []*group
	var says []dateFact
	// A date value is parsed and written out once, however many facts
	// give it.
	type parsedDate struct {
		date facts.Date
		day  string
		ok   bool
	}
	parsed := map[string]parsedDate{}
	for id, fs := range bySlot {
		if !strings.HasPrefix(id, "date:") || id == "date:lede" || len(fs) == 0 || fs[0].Kind != facts.KindDate {
			continue
		}
		dfs := make([]dateFact, 0, len(fs))
		ok := true
		for i := range fs {
			f := &fs[i]
			pd, seen := parsed[f.Value]
			if !seen {
				d, err := facts.ParseDateValue(f.Value)
				pd = parsedDate{date: d, ok: err == nil && !d.IsZero()}
				if pd.ok {
					pd.day = d.String()
				}
				parsed[f.Value] = pd
			}
			if !pd.ok {
				ok = false
				break
			}
			dfs = append(dfs, dateFact{f: f, date: pd.date, day: pd.day, names: memo.of(f.Sentence)})
		}
		if !ok {
			continue
		}
		if id == "date:"+facts.ReportDateLemma || id == "date:"+facts.UnkeyedDateLemma {
			says = append(says, dfs...)
			delete(bySlot, id)
			continue
		}
		for _, part := range splitByDay(dfs) {
			pid := id
			if len(part) < len(dfs) {
				// One article dates this word twice, far apart: two events.
				pid = id + "@" + part[0].f.Value
			}
			groups = append(groups, &group{ids: []string{pid}, facts: part, arts: articleCount(part)})
		}
		delete(bySlot, id)
	}
	// Deterministic order: most articles first, then by id. The counts
	// are made once per group, where each comparison made two maps.
	sort.Slice(groups, func(i, j int) bool {
		ai, aj := groups[i].arts, groups[j].arts
		if ai != aj {
			return ai > aj
		}
		return groups[i].ids[0] < groups[j].ids[0]
	})
	tied := func(a, b []dateFact) bool {
		for i := range a {
			for j := range b {
				if !nestedFacts(&a[i], &b[j]) {
					return false
				}
			}
		}
		for i := range a {
			x := &a[i]
			for j := range b {
				y := &b[j]
				if x.f.Article != y.f.Article && !x.f.Background && !y.f.Background && sameEvent(x, y, common) {
					return true
				}
			}
		}
		return false
	}
	for merged := true; merged; {
		merged = false
		for i := 0; i < len(groups) && !merged; i++ {
			for j := i + 1; j < len(groups); j++ {
				if tied(groups[i].facts, groups[j].facts) {
					groups[i].ids = append(groups[i].ids, groups[j].ids...)
					groups[i].facts = append(groups[i].facts, groups[j].facts...)
					groups = append(groups[:j], groups[j+1:]...)
					merged = true
					break
				}
			}
		}
	}
	sort.SliceStable(says, func(i, j int) bool {
		if says[i].f.Article != says[j].f.Article {
			return says[i].f.Article < says[j].f.Article
		}
		return says[i].f.Span.Start < says[j].f.Span.Start
	})
	for _, s := range says {
		if s.f.Background {
			continue
		}
		for _, g := range groups {
			if hasArticle(g.facts, s.f.Article) || !tied([]dateFact{s}, g.facts) {
				continue
			}
			g.facts = append(g.facts, s)
			break
		}
	}
	for _, s := range says {
		moved[dateKey{s.f.Article, s.f.Span.Start, s.f.Slot}] = ""
	}
	for _, g := range groups {
		id := g.ids[0]
		var labels []string
		for _, x := range g.ids {
			x, _, _ = strings.Cut(strings.TrimPrefix(x, "date:"), "@")
			labels = append(labels, x)
		}
		if len(labels) > 3 {
			// The words of the slots with most articles come first.
			labels = append(labels[:3], "…")
		}
		label := "date of: " + strings.Join(labels, " / ")
		fs := make([]facts.Fact, len(g.facts))
		for i, x := range g.facts {
			moved[dateKey{x.f.Article, x.f.Span.Start, x.f.Slot}] = id
			fs[i] = *x.f
			fs[i].Slot = id
			fs[i].Label = label
		}
		bySlot[id] = fs
	}
	return moved
}

// splitByDay splits a slot's dates into groups that can each be one day,
// when one article gives the slot's word two dates that cannot: "the
// agreement" of 2015 and "the agreement" whose deadline is May 12 are two
// events, each compared with the same date elsewhere; so are a weekday
// with no reference date and a calendar date. A slot where every article
// gives one day stays whole, so that two articles' different days for one
// event still show as a contradiction.
func splitByDay(dfs []dateFact) [][]dateFact {
	// Pairs are taken over distinct dates, not over facts: nested is a
	// function of the two dates alone, and a hostile or flattened article
	// repeats one date thousands of times (a 1 MB one-line article saying
	// "Tuesday" 11,000 times took 20 s here when every pair of facts was
	// compared).
	type articleDate struct {
		article string
		date    facts.Date
	}
	var floating, fixed bool
	seen := map[articleDate]bool{}
	perArticle := map[string][]facts.Date{}
	var order []string
	for _, d := range dfs {
		if d.date.IsFloating() {
			floating = true
		} else {
			fixed = true
		}
		k := articleDate{d.f.Article, d.date}
		if d.f.Background || seen[k] {
			continue
		}
		seen[k] = true
		if perArticle[d.f.Article] == nil {
			order = append(order, d.f.Article)
		}
		perArticle[d.f.Article] = append(perArticle[d.f.Article], d.date)
	}
	// "Tuesday" beside "2016": no two dates of one event.
	multi := floating && fixed
	for _, a := range order {
		ds := perArticle[a]
		for i := 0; i < len(ds) && !multi; i++ {
			for j := i + 1; j < len(ds); j++ {
				if !nested(ds[i], ds[j]) {
					multi = true
					break
				}
			}
		}
	}
	if !multi {
		return [][]dateFact{dfs}
	}
	// Facts of one date always land in the part the first of them
	// opened, so the parts are made of distinct dates and then filled.
	var parts [][]facts.Date
	partOf := map[facts.Date]int{}
next:
	for _, d := range dfs {
		if _, ok := partOf[d.date]; ok {
			continue
		}
		for k, p := range parts {
			ok := true
			for _, x := range p {
				if !nested(x, d.date) {
					ok = false
					break
				}
			}
			if ok {
				parts[k] = append(parts[k], d.date)
				partOf[d.date] = k
				continue next
			}
		}
		partOf[d.date] = len(parts)
		parts = append(parts, []facts.Date{d.date})
	}
	out := make([][]dateFact, len(parts))
	for _, d := range dfs {
		k := partOf[d.date]
		out[k] = append(out[k], d)
	}
	return out
}

// nested reports whether two dates are the same, or one is a calendar
// month or year that holds the other ("February 2017" and "Feb. 13,
// 2017"): dates that can be of one event. "Recent weeks" overlaps a
// Wednesday without dating it, and a floating "Tuesday" cannot be told
// apart from "2016", which is no sign that they date one event.
func nested(a, b facts.Date) bool {
	if a.String() == b.String() {
		return true
	}
	if a.IsFloating() || b.IsFloating() {
		return false
	}
	if a.Precision < b.Precision {
		a, b = b, a
	}
	return (a.Precision == facts.PrecisionMonth || a.Precision == facts.PrecisionYear) && a.Overlaps(b)
}

// nestedFacts is nested for two date facts, whose dates' strings are
// already made.
func nestedFacts(x, y *dateFact) bool {
	if x.day == y.day {
		return true
	}
	a, b := x.date, y.date
	if a.IsFloating() || b.IsFloating() {
		return false
	}
	if a.Precision < b.Precision {
		a, b = b, a
	}
	return (a.Precision == facts.PrecisionMonth || a.Precision == facts.PrecisionYear) && a.Overlaps(b)
}

// sameEvent reports whether two dated sentences share the event's names:
// a name that does not run through the whole story, or any name when both
// dates are the same single day.
func sameEvent(x, y *dateFact, common map[string]bool) bool {
	if x.day != y.day {
		// A month or a year holding the other's day ties them only when
		// the text names it ("February 2017"): "this month" holds every
		// day of the story.
		coarse := x
		if y.date.Precision > x.date.Precision {
			coarse = y
		}
		if !strings.ContainsAny(coarse.f.Surface, "0123456789") {
			return false
		}
	}
	sameDay := x.date.Precision == facts.PrecisionDay && x.date.From.Equal(y.date.From)
	if sameDay && strings.ContainsAny(x.f.Surface, "0123456789") && strings.ContainsAny(y.f.Surface, "0123456789") {
		return true // "May 12" twice: a calendar day is no coincidence, a weekday may be
	}
	// A year holds many events of its names: it takes two names to tie
	// ("the 2016 election" and "a 2016 meeting", both with Russians, are
	// two events).
	need := 1
	if x.date.Precision >= facts.PrecisionPart || y.date.Precision >= facts.PrecisionPart {
		need = 2
	}
	return x.names.countShared(y.names, func(k string) bool { return sameDay || !common[k] }) >= need
}

func articleCount(dfs []dateFact) int {
	seen := map[string]bool{}
	for _, d := range dfs {
		seen[d.f.Article] = true
	}
	return len(seen)
}

func hasArticle(dfs []dateFact, article string) bool {
	for _, d := range dfs {
		if d.f.Article == article && !d.f.Background {
			return true
		}
	}
	return false
}
