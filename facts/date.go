package facts

import (
	"time"
)

// DateMention is a date expression found in a sentence.
type DateMention struct {
	Surface string // text[Span.Start:Span.End]
	Span    Span   // byte span in the article text
	Date    Date
	// Relative is true when the value was resolved against the reference date
	// ("on Wednesday", "Jan. 28" without a year, "earlier this week").
	Relative bool
	// Tokens is the index range [First, Last] of the mention in the toks slice given.
	First, Last int
}

// FindDates finds the date expressions among toks (tokens of one sentence of
// text, as Tokenize returns them) and resolves them against ref, the
// article's publication date.
//
// ref should have PrecisionDay; a ref of any other precision (or the zero
// Date) counts as unknown: expressions that need it are skipped, while
// explicit dates ("January 28, 2026", "December 2024", "late 2024", "in
// 2024") are still found.
//
// Whether the sentence speaks of the future is read from the tokens: the
// nearest tense marker before the mention ("will", "is to", "is expected
// to", "plans to", "scheduled", "next", against "said", "met", "was",
// "-ed" forms), or failing that the nearest after it. It decides which way
// a bare weekday, month or season points: the most recent one on or before
// ref by default, the next one on or after ref in future speech.
//
// Precisions: a single day is PrecisionDay; calendar weeks and spans of up
// to seven days ("earlier this week", "Jan. 28-30") are PrecisionWeek;
// calendar months PrecisionMonth; calendar years PrecisionYear; everything
// else (parts of years or months, seasons, quarters, decades, "the past two
// weeks") PrecisionPart. That is the split ParseISODate makes, so values
// round-trip through Date.String. Parts of a month are early 1–10, mid
// 11–20, late or end 21–last day, beginning or start 1–10.
//
// Overlapping candidates give the longest mention; mentions come in text
// order. Durations ("a 14-year war", "two weeks of talks") are not dates.
func FindDates(text string, toks []Token, ref Date) []DateMention {
	s := dateScanner{text: text, toks: toks}
	if ref.Precision == PrecisionDay && !ref.IsFloating() {
		s.hasRef = true
		s.ref = truncDay(ref.From)
	}
	var out []DateMention
	for i := 0; i < len(toks); {
		t := &toks[i]
		if t.Kind == Punct || (t.Kind == Word && !t.in(lcDateStart, dateStarts) && !dateHyphenPart(t.Fold)) {
			i++
			continue
		}
		best := dmatch{last: -1}
		for k := range len(dateMatchers) {
			if r, ok := s.match(k, i); ok && r.last > best.last {
				best = r
			}
		}
		if best.last < i {
			i++
			continue
		}
		sp := Span{toks[i].Span.Start, toks[best.last].Span.End}
		out = append(out, DateMention{
			Surface:  text[sp.Start:sp.End],
			Span:     sp,
			Date:     best.date,
			Relative: best.rel,
			First:    i,
			Last:     best.last,
		})
		i = best.last + 1
	}
	return out
}

// dmatch is one matcher's candidate: it ends at token last.
type dmatch struct {
	last int
	date Date
	rel  bool
}

type dateScanner struct {
	text   string
	toks   []Token
	ref    time.Time
	hasRef bool
	marks  []int8 // tense marks per token, computed on first need
}

// match calls dateMatchers[k] directly (TestDateMatchIsMatchers holds
// them together): called through the array, the scanner escaped to the
// heap, an allocation per sentence (7 % of Extract's allocations).
func (s *dateScanner) match(k, i int) (dmatch, bool) {
	switch k {
	case 0:
		return s.matchISO(i)
	case 1:
		return s.matchMonth(i)
	case 2:
		return s.matchDayMonth(i)
	case 3:
		return s.matchWeekday(i)
	case 4:
		return s.matchRelDay(i)
	case 5:
		return s.matchRelPeriod(i)
	case 6:
		return s.matchAgo(i)
	case 7:
		return s.matchPart(i)
	case 8:
		return s.matchSeason(i)
	case 9:
		return s.matchYear(i)
	}
	return dmatch{}, false
}

// dateMatchers each try to read a date expression starting at a token.
var dateMatchers = [...]func(*dateScanner, int) (dmatch, bool){
	(*dateScanner).matchISO,
	(*dateScanner).matchMonth,
	(*dateScanner).matchDayMonth,
	(*dateScanner).matchWeekday,
	(*dateScanner).matchRelDay,
	(*dateScanner).matchRelPeriod,
	(*dateScanner).matchAgo,
	(*dateScanner).matchPart,
	(*dateScanner).matchSeason,
	(*dateScanner).matchYear,
}

// ---- tables ----

var dateMonthNames = map[string]time.Month{
	"january": time.January, "february": time.February, "march": time.March,
	"april": time.April, "may": time.May, "june": time.June, "july": time.July,
	"august": time.August, "september": time.September, "october": time.October,
	"november": time.November, "december": time.December,
}

var dateMonthAbbrevs = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March,
	"apr": time.April, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "sept": time.September, "oct": time.October,
	"nov": time.November, "dec": time.December,
}

var dateWeekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
	"sunday": time.Sunday,
}

// IsCalendarName reports whether a folded word names a weekday or a month
// ("sunday", "jan"): capitalised, but no place, person or subject.
func IsCalendarName(fold string) bool {
	_, wd := dateWeekdays[fold]
	_, mo := dateMonthNames[fold]
	_, ab := dateMonthAbbrevs[fold]
	return wd || mo || ab
}

// weekdayNamePrefix are words that make a weekday part of a name.
var dateWeekdayNamePrefix = dateWords("good", "black", "bloody", "super", "cyber", "holy",
	"ash", "palm", "easter", "maundy", "great", "giving", "blue", "boxing", "shrove")

var dateDayParts = dateWords("morning", "afternoon", "evening", "night", "midday", "noon")

// monthContext may stand before a bare month name ("in October").
var dateMonthContext = dateWords("in", "since", "of", "until", "till", "by", "from", "to",
	"through", "during", "before", "after", "throughout", "between", "and", "or",
	"early", "late", "mid", "last", "this", "next", "around", "into")

// mayContext may stand before "May" the month, which is also a verb and a name.
var dateMayContext = dateWords("in", "since", "of", "early", "late", "mid", "last", "this", "next", "until")

// yearContext may stand before a bare four-digit year.
var dateYearContext = dateWords("in", "since", "by", "until", "till", "from", "before", "after",
	"of", "during", "through", "throughout", "between", "around", "circa", "c",
	"fiscal", "year", "into", "early", "late", "mid")

// attributiveBefore may stand before a year used as a modifier ("a 2016
// meeting", "its 2015 deal").
var dateAttributiveBefore = dateWords("a", "an", "the", "his", "her", "its", "their", "our")

// yearLinks join a second year to a first ("from 2012 to 2014").
var dateYearLinks = dateWords("to", "and", "or", "-", "through", "until", "till")

// notAfterYear are words after a four-digit number that show it is a count,
// a measure or a clock time, not a year.
var dateNotAfterYear = dateWords("people", "persons", "troops", "soldiers", "fighters",
	"civilians", "cases", "km", "kilometres", "kilometers", "miles", "metres",
	"meters", "feet", "ft", "tonnes", "tons", "dollars", "euros", "pounds", "yuan",
	"rubles", "roubles", "residents", "homes", "houses", "families", "deaths",
	"dead", "votes", "units", "words", "pages", "men", "women", "children",
	"refugees", "migrants", "workers", "jobs", "vehicles", "cars", "hours", "hrs",
	"minutes", "seconds", "days", "weeks", "months", "years", "gmt", "utc", "eat",
	"est", "edt", "cet", "cest", "bst", "pst", "pdt", "ist", "msk", "local", "%",
	"percent", "per", "am", "pm", "a.m", "p.m", "h", "times", "members",
	"students", "prisoners", "detainees", "hostages", "rockets", "missiles",
	"drones", "acres", "hectares", "barrels", "mph", "kph", "kg", "mw", "gw",
	"points", "signatures", "staff", "employees", "patients", "followers",
	"supporters", "protesters", "protestors", "officers", "square", "sq")

// countBefore are words before "by" or "of" that make the number after a
// count: "rose by 2000", "a total of 2000".
var dateCountBefore = dateWords("rose", "fell", "grew", "increased", "decreased", "dropped",
	"declined", "cut", "reduced", "raised", "climbed", "jumped", "up", "down",
	"boosted", "lowered", "slashed", "outnumbered", "surged", "total", "crowd",
	"number", "sum", "group", "population", "force", "army", "out", "maximum",
	"minimum", "average", "capacity", "score", "tally", "toll", "estimated")

var dateCurrency = dateWords("$", "£", "€", "¥", "₽", "#")

var dateNumberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
	"twelve": 12, "few": 3, "several": 3,
}

type dateUnitKind int8

const (
	dtUnitNone dateUnitKind = iota
	dtUnitDay
	dtUnitWeek
	dtUnitMonth
	dtUnitYear
)

var dateUnitWords = map[string]dateUnitKind{
	"day": dtUnitDay, "days": dtUnitDay, "week": dtUnitWeek, "weeks": dtUnitWeek,
	"month": dtUnitMonth, "months": dtUnitMonth, "year": dtUnitYear, "years": dtUnitYear,
}

// partKind names a part of a year or month.
type datePart int8

const (
	dtPartEarly datePart = iota + 1
	dtPartMid
	dtPartLate
	dtPartStart // "the beginning/start of"
	dtPartFirstHalf
	dtPartSecondHalf
	dtPartQ1
	dtPartQ2
	dtPartQ3
	dtPartQ4
)

var datePartWords = map[string]datePart{"early": dtPartEarly, "mid": dtPartMid, "late": dtPartLate}

// partOf are the nouns of "the end of 2024" and the like.
var datePartOf = map[string]datePart{
	"end": dtPartLate, "beginning": dtPartStart, "start": dtPartStart,
	"middle": dtPartMid, "close": dtPartLate,
}

var dateHalfWords = map[string]datePart{"first": dtPartFirstHalf, "second": dtPartSecondHalf}

var dateQuarterWords = map[string]datePart{
	"first": dtPartQ1, "second": dtPartQ2, "third": dtPartQ3, "fourth": dtPartQ4,
	"q1": dtPartQ1, "q2": dtPartQ2, "q3": dtPartQ3, "q4": dtPartQ4,
}

type dateSeason int8

const (
	dtSeasonSpring dateSeason = iota + 1
	dtSeasonSummer
	dtSeasonAutumn
	dtSeasonWinter
)

var dateSeasonNames = map[string]dateSeason{
	"spring": dtSeasonSpring, "summer": dtSeasonSummer, "autumn": dtSeasonAutumn,
	"fall": dtSeasonAutumn, "winter": dtSeasonWinter,
}

// seasonContext may stand before a season without a year ("in the summer").
var dateSeasonContext = dateWords("in", "during", "this", "last", "next", "since", "by",
	"until", "till", "through", "throughout", "the", "early", "late", "mid", "over",
	"of", "before", "after", "around", "into")

// Tense marks.
var dateFutureWords = dateWords("will", "shall", "'ll", "upcoming", "forthcoming")

var dateDueNext = dateWords("on", "in", "by", "next", "this", "later", "early", "late", "at")

var dateFutureVerbs = dateWords("set", "expected", "scheduled", "slated", "poised", "due",
	"plans", "plan", "planning", "aims", "intends", "intend", "going", "likely")

var datePastWords = dateWords("said", "told", "met", "held", "was", "were", "had", "did",
	"began", "went", "came", "took", "gave", "made", "saw", "left", "spoke", "wrote",
	"sent", "brought", "fell", "rose", "won", "lost", "fought", "struck", "became",
	"found", "kept", "led", "paid", "ran", "sat", "stood", "shot", "threw",
	"thought", "knew", "got", "ago", "broke", "chose", "drove", "flew", "grew",
	"hit", "built", "caught", "felt", "heard", "meant", "sold", "sought", "taught",
	"won't've", "wasn't", "weren't")

var dateNotPastEd = dateWords("need", "needed", "indeed", "proceed", "exceed", "succeed",
	"speed", "seed", "breed", "feed", "bleed", "greed", "embed", "shed", "bed",
	"red", "hundred", "wed", "based", "united", "armed", "alleged", "detailed",
	"limited", "advanced", "related", "interested", "concerned", "experienced",
	"supposed", "so-called", "aged", "skilled", "talented", "belated", "naked",
	"wicked", "sacred", "beloved", "learned", "assured", "biased", "coloured",
	"colored", "crowded", "marked", "noted", "rugged", "varied", "unexpected")

var datePassiveAux = dateWords("be", "been", "being", "is", "are", "am", "'re")

var dateDeterminers = dateWords("the", "a", "an", "his", "her", "its", "their", "our",
	"my", "your", "political", "free", "good", "ill")

// dateStarts are the folded words that can start a date expression; all
// other words are skipped at once.
var dateStarts = func() map[string]bool {
	m := map[string]bool{}
	for _, tbl := range []map[string]bool{dateMonthSet(), dateWeekdaySet(),
		dateWords("the", "this", "last", "next", "earlier", "later", "past", "recent",
			"coming", "today", "tonight", "yesterday", "tomorrow", "early", "mid",
			"late", "end", "beginning", "start", "middle", "close", "first", "second",
			"third", "fourth", "q1", "q2", "q3", "q4", "spring", "summer", "autumn",
			"fall", "winter", "previous")} {
		for k := range tbl {
			m[k] = true
		}
	}
	for k := range dateNumberWords {
		m[k] = true
	}
	return m
}()

func dateMonthSet() map[string]bool {
	m := map[string]bool{}
	for k := range dateMonthNames {
		m[k] = true
	}
	for k := range dateMonthAbbrevs {
		m[k] = true
	}
	return m
}

func dateWeekdaySet() map[string]bool {
	m := map[string]bool{}
	for k := range dateWeekdays {
		m[k] = true
	}
	return m
}

func dateWords(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// hyphenPart reports whether a word looks like "mid-2024" or "end-March".
func dateHyphenPart(f string) bool {
	// Asked of nearly every word: the prefixes are four bytes or more and
	// start with m, e or l, so most words are out before the loop.
	if len(f) < 5 || f[0] != 'm' && f[0] != 'e' && f[0] != 'l' {
		return false
	}
	for _, p := range [...]string{"mid-", "end-", "early-", "late-"} {
		if len(f) > len(p) && f[:len(p)] == p {
			return true
		}
	}
	return false
}

// ---- token helpers ----

func (s *dateScanner) fold(k int) string {
	if k < 0 || k >= len(s.toks) {
		return ""
	}
	return s.toks[k].Fold
}

// monthAt reads a capitalised month name at k ("January", "Jan", "Jan.")
// and returns the index after it.
func (s *dateScanner) monthAt(k int) (m time.Month, next int, abbr, ok bool) {
	if k < 0 || k >= len(s.toks) {
		return 0, 0, false, false
	}
	t := &s.toks[k]
	if t.Kind != Word || !capitalText(t.Text) {
		return 0, 0, false, false
	}
	if m, ok := dateMonthNames[t.Fold]; ok {
		return m, k + 1, false, true
	}
	if m, ok := dateMonthAbbrevs[t.Fold]; ok {
		next = k + 1
		if next < len(s.toks) && s.toks[next].Text == "." && s.toks[next].Span.Start == t.Span.End {
			next++
		}
		return m, next, true, true
	}
	return 0, 0, false, false
}

// weekdayAt reads a capitalised weekday name at k.
func (s *dateScanner) weekdayAt(k int) (time.Weekday, bool) {
	if k < 0 || k >= len(s.toks) {
		return 0, false
	}
	t := &s.toks[k]
	if t.Kind != Word || !capitalText(t.Text) {
		return 0, false
	}
	wd, ok := dateWeekdays[t.Fold]
	return wd, ok
}

// dayAt reads a day of the month at k: "28", "28th", "3rd".
func (s *dateScanner) dayAt(k int) (int, bool) {
	if k < 0 || k >= len(s.toks) || s.toks[k].Kind != Number {
		return 0, false
	}
	f := s.toks[k].Fold
	n, i := dateDigits(f)
	if i == 0 || i > 2 || n < 1 || n > 31 {
		return 0, false
	}
	switch f[i:] {
	case "", "st", "nd", "rd", "th":
		return n, true
	}
	return 0, false
}

// dayRangeAt reads "28-30" at k.
func (s *dateScanner) dayRangeAt(k int) (int, int, bool) {
	if k < 0 || k >= len(s.toks) || s.toks[k].Kind != Number {
		return 0, 0, false
	}
	f := s.toks[k].Fold
	a, i := dateDigits(f)
	if i == 0 || i > 2 || i >= len(f) || f[i] != '-' {
		return 0, 0, false
	}
	b, j := dateDigits(f[i+1:])
	if j == 0 || j > 2 || i+1+j != len(f) || a < 1 || b <= a || b > 31 {
		return 0, 0, false
	}
	return a, b, true
}

// yearAt reads a four-digit year at k that is not a count or a clock time.
func (s *dateScanner) yearAt(k int) (int, bool) {
	if k < 0 || k >= len(s.toks) || s.toks[k].Kind != Number {
		return 0, false
	}
	f := s.toks[k].Fold
	if len(f) != 4 {
		return 0, false
	}
	n, i := dateDigits(f)
	if i != 4 || n < 1000 || n > 2999 {
		return 0, false
	}
	if dateNotAfterYear[s.fold(k+1)] || dateCurrency[s.fold(k-1)] {
		return 0, false
	}
	if k+1 < len(s.toks) && s.toks[k+1].Kind == Number {
		return 0, false
	}
	return n, true
}

// decadeAt reads "1990s" at k.
func (s *dateScanner) decadeAt(k int) (int, bool) {
	if k < 0 || k >= len(s.toks) || s.toks[k].Kind != Number {
		return 0, false
	}
	return dateDecadeOf(s.toks[k].Fold)
}

func dateDecadeOf(f string) (int, bool) {
	n, i := dateDigits(f)
	if i != 4 || len(f) != 5 || f[4] != 's' || n%10 != 0 || n < 1000 || n > 2990 {
		return 0, false
	}
	return n, true
}

// leadingInt parses the leading ASCII digits of s (at most 9).
func dateDigits(s string) (n, i int) {
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		n = n*10 + int(s[i]-'0')
		i++
	}
	return n, i
}

// numberAt reads a small count at k: "two", "a", "3".
func (s *dateScanner) numberAt(k int) (int, bool) {
	if k < 0 || k >= len(s.toks) {
		return 0, false
	}
	t := &s.toks[k]
	if t.Kind == Number {
		n, i := dateDigits(t.Fold)
		if i == len(t.Fold) && i <= 3 && n > 0 {
			return n, true
		}
		return 0, false
	}
	n, ok := sieveGet(dateNumberWordsSieve, dateNumberWords, t.Fold)
	return n, ok
}

// ---- resolution helpers ----

func dateOf(t time.Time) Date { return Date{From: t, To: t, Precision: PrecisionDay} }

// span returns from..to with the precision ParseISODate would give it.
func dateSpan(from, to time.Time) Date {
	p := PrecisionPart
	if to.Sub(from) < 7*24*time.Hour {
		p = PrecisionWeek
	}
	if from.Equal(to) {
		p = PrecisionDay
	}
	return Interval(from, to, p)
}

func dateValid(y int, m time.Month, d int) (time.Time, bool) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d && t.Month() == m
}

func dateMonthEnd(y int, m time.Month) time.Time {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)
}

func dateYMD(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// nearestDay returns the month-day occurrence nearest to ref, within six
// months of it.
func (s *dateScanner) nearestDay(m time.Month, d int) (time.Time, bool) {
	var best time.Time
	var bestDist time.Duration = -1
	for y := s.ref.Year() - 1; y <= s.ref.Year()+1; y++ {
		t, ok := dateValid(y, m, d)
		if !ok {
			continue
		}
		dist := t.Sub(s.ref)
		if dist < 0 {
			dist = -dist
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = t, dist
		}
	}
	if bestDist < 0 || bestDist > 184*24*time.Hour {
		return time.Time{}, false
	}
	return best, true
}

// when says which occurrence of a weekday, month or season is meant.
type dateWhen int8

const (
	dtWhenPast   dateWhen = iota // latest on or before ref
	dtWhenFuture                 // earliest on or after ref
	dtWhenLast                   // latest strictly before ref
	dtWhenNext                   // earliest strictly after ref
	dtWhenThis                   // the one of ref's week, year
)

var dateModWhen = map[string]dateWhen{"last": dtWhenLast, "next": dtWhenNext, "this": dtWhenThis, "past": dtWhenLast, "previous": dtWhenLast, "coming": dtWhenNext}

// mode returns the occurrence a mention of tokens first..last means, given
// its modifier word (or "").
func (s *dateScanner) mode(first, last int, mod string) dateWhen {
	if w, ok := dateModWhen[mod]; ok {
		return w
	}
	if s.isFuture(first, last) {
		return dtWhenFuture
	}
	return dtWhenPast
}

func (s *dateScanner) resolveWeekday(wd time.Weekday, w dateWhen) time.Time {
	back := (int(s.ref.Weekday()) - int(wd) + 7) % 7
	fwd := (int(wd) - int(s.ref.Weekday()) + 7) % 7
	switch w {
	case dtWhenFuture:
		return s.ref.AddDate(0, 0, fwd)
	case dtWhenLast:
		if back == 0 {
			back = 7
		}
		return s.ref.AddDate(0, 0, -back)
	case dtWhenNext:
		if fwd == 0 {
			fwd = 7
		}
		return s.ref.AddDate(0, 0, fwd)
	case dtWhenThis:
		return s.monday().AddDate(0, 0, (int(wd)+6)%7)
	}
	return s.ref.AddDate(0, 0, -back)
}

// monday returns the Monday of ref's week.
func (s *dateScanner) monday() time.Time {
	return s.ref.AddDate(0, 0, -((int(s.ref.Weekday()) + 6) % 7))
}

// resolveMonth returns the year of month m meant.
func (s *dateScanner) resolveMonth(m time.Month, w dateWhen) int {
	y, rm := s.ref.Year(), s.ref.Month()
	switch w {
	case dtWhenPast:
		if m > rm {
			y--
		}
	case dtWhenFuture:
		if m < rm {
			y++
		}
	case dtWhenLast:
		if m >= rm {
			y--
		}
	case dtWhenNext:
		if m <= rm {
			y++
		}
	}
	return y
}

// ---- tense ----

// Tense classes of words, for computeMarks: one map lookup a token.
const (
	dtTenseNone int8 = iota
	dtTenseFuture
	dtTenseWo
	dtTenseNext
	dtTenseBe
	dtTenseDue
	dtTenseFutureVerb
	dtTensePast
	dtTenseNotPast
)

var dateTense = func() map[string]int8 {
	m := map[string]int8{}
	add := func(set map[string]bool, c int8) {
		for w := range set {
			m[w] = c
		}
	}
	add(dateNotPastEd, dtTenseNotPast)
	add(datePastWords, dtTensePast)
	add(dateFutureVerbs, dtTenseFutureVerb)
	add(dateFutureWords, dtTenseFuture)
	add(dateWords("is", "are", "am", "'re"), dtTenseBe)
	m["wo"] = dtTenseWo
	m["next"] = dtTenseNext
	m["due"] = dtTenseDue
	return m
}()

func (s *dateScanner) computeMarks() {
	if s.marks != nil {
		return
	}
	s.marks = make([]int8, len(s.toks))
	for k := range s.toks {
		t := &s.toks[k]
		if t.Kind != Word {
			continue
		}
		f := t.Fold
		var mk int8
		c := sieveVal(dateTenseSieve, dateTense, f)
		if c == dtTenseDue {
			if dateDueNext[s.fold(k+1)] {
				// "data due on Thursday", "was due in May"
				mk = 1
				if pv := s.fold(k - 1); pv == "was" || pv == "were" {
					mk = -1
				}
				s.marks[k] = mk
				continue
			}
			c = dtTenseFutureVerb
		}
		switch c {
		case dtTenseFuture:
			if f != "will" || !dateDeterminers[s.fold(k-1)] {
				mk = 1
			}
		case dtTenseWo:
			if s.fold(k+1) == "n't" {
				mk = 1
			}
		case dtTenseNext:
			if s.fold(k-1) != "the" {
				mk = 1
			}
		case dtTenseBe:
			if s.fold(k+1) == "to" {
				mk = 1
			}
		case dtTenseFutureVerb:
			nx := s.fold(k + 1)
			if f == "poised" {
				// "are poised on Sunday to test …": poised looks ahead
				// even before its "to"; "were poised" looked ahead from
				// the past.
				mk = 1
				if pv := s.fold(k - 1); pv == "was" || pv == "were" || pv == "had" {
					mk = -1
				}
			} else if nx == "to" || (nx == "for" && f != "due" && f != "likely") {
				switch pv := s.fold(k - 1); {
				case pv == "was" || pv == "were" || pv == "had":
					mk = -1
				case f == "due" || f == "going" || f == "likely":
					if pv == "is" || pv == "are" || pv == "'s" || pv == "'re" || pv == "am" || pv == "be" {
						mk = 1
					}
				default:
					mk = 1
				}
			}
		case dtTensePast:
			if !datePassiveAux[s.fold(k-1)] { // "will be held": not past
				mk = -1
			}
		case dtTenseNone:
			if len(f) >= 5 && f[len(f)-2:] == "ed" && !capitalText(t.Text) && !datePassiveAux[s.fold(k-1)] {
				mk = -1
			}
		}
		s.marks[k] = mk
	}
}

// isFuture reports whether the mention of tokens first..last is spoken of
// as future: the nearest tense mark before it says so, or, with none
// before, the nearest after.
func (s *dateScanner) isFuture(first, last int) bool {
	s.computeMarks()
	for k := first - 1; k >= 0; k-- {
		if m := s.marks[k]; m != 0 {
			return m > 0
		}
	}
	for k := last + 1; k < len(s.marks); k++ {
		if m := s.marks[k]; m != 0 {
			return m > 0
		}
	}
	return false
}

// ---- matchers ----

// matchISO reads "2026-01-28".
func (s *dateScanner) matchISO(i int) (dmatch, bool) {
	t := &s.toks[i]
	f := t.Fold
	if t.Kind != Number || len(f) != 10 || f[4] != '-' || f[7] != '-' {
		return dmatch{}, false
	}
	y, a := dateDigits(f[:4])
	m, b := dateDigits(f[5:7])
	d, c := dateDigits(f[8:])
	if a != 4 || b != 2 || c != 2 || m < 1 || m > 12 {
		return dmatch{}, false
	}
	day, ok := dateValid(y, time.Month(m), d)
	if !ok {
		return dmatch{}, false
	}
	return dmatch{last: i, date: dateOf(day)}, true
}

// yearAfter reads an optional year after a month-day at k: "2026" or ", 2026".
func (s *dateScanner) yearAfter(k int) (y, last int, ok bool) {
	if y, ok := s.yearAt(k); ok {
		return y, k, true
	}
	if s.fold(k) == "," {
		if y, ok := s.yearAt(k + 1); ok {
			return y, k + 1, true
		}
	}
	return 0, 0, false
}

// dayMonth resolves day d of month m, with year y if known, ending at last.
func (s *dateScanner) dayMonth(y int, hasYear bool, m time.Month, d, last int) (dmatch, bool) {
	if hasYear {
		t, ok := dateValid(y, m, d)
		if !ok {
			return dmatch{}, false
		}
		return dmatch{last: last, date: dateOf(t)}, true
	}
	if !s.hasRef {
		// No reference date: keep the month and day, so "May 12" can
		// still agree with another article's "May 12".
		fd, ok := FloatingMonthDay(m, d)
		return dmatch{last: last, date: fd, rel: true}, ok
	}
	t, ok := s.nearestDay(m, d)
	if !ok {
		return dmatch{}, false
	}
	return dmatch{last: last, date: dateOf(t), rel: true}, true
}

// matchMonth reads expressions that start with a month name (or
// last/this/next and a month name): "January 28, 2026", "Jan. 28",
// "Jan. 28-30", "December 2024", "in October", "last October".
func (s *dateScanner) matchMonth(i int) (dmatch, bool) {
	j, mod := i, ""
	if f := s.toks[i].Fold; f == "last" || f == "this" || f == "next" {
		mod, j = f, i+1
	}
	m, k, abbr, ok := s.monthAt(j)
	if !ok {
		return dmatch{}, false
	}
	if mod == "" {
		if d, ok := s.dayAt(k); ok {
			if y, last, ok := s.yearAfter(k + 1); ok {
				return s.dayMonth(y, true, m, d, last)
			}
			return s.dayMonth(0, false, m, d, k)
		}
		if a, b, ok := s.dayRangeAt(k); ok {
			y, last, hasYear := s.yearAfter(k + 1)
			if !hasYear {
				if !s.hasRef {
					return dmatch{}, false
				}
				last = k
				t, ok := s.nearestDay(m, a)
				if !ok {
					return dmatch{}, false
				}
				y = t.Year()
			}
			from, ok1 := dateValid(y, m, a)
			to, ok2 := dateValid(y, m, b)
			if !ok1 || !ok2 {
				return dmatch{}, false
			}
			return dmatch{last: last, date: dateSpan(from, to), rel: !hasYear}, true
		}
		if y, ok := s.yearAt(k); ok {
			return dmatch{last: k, date: Month(y, m)}, true
		}
		if f := s.fold(k); f == "of" || f == "," {
			if y, ok := s.yearAt(k + 1); ok {
				return dmatch{last: k + 1, date: Month(y, m)}, true
			}
		}
	}
	// A bare month name.
	if abbr || !s.hasRef {
		return dmatch{}, false
	}
	if mod == "" {
		ctx := dateMonthContext
		if m == time.May {
			ctx = dateMayContext
		}
		if !ctx[s.fold(i-1)] {
			return dmatch{}, false
		}
	}
	last := j
	y := s.resolveMonth(m, s.mode(i, last, mod))
	return dmatch{last: last, date: Month(y, m), rel: true}, true
}

// matchDayMonth reads "28 January 2026", "28 Jan", "the 3rd of March".
func (s *dateScanner) matchDayMonth(i int) (dmatch, bool) {
	j := i
	the := s.toks[i].Fold == "the"
	if the {
		j++
	}
	d, ok := s.dayAt(j)
	if !ok {
		return dmatch{}, false
	}
	k := j + 1
	if s.fold(k) == "of" {
		if f := s.toks[j].Fold; !the && (f[len(f)-1] >= '0' && f[len(f)-1] <= '9') {
			return dmatch{}, false
		}
		k++
	}
	m, next, _, ok := s.monthAt(k)
	if !ok {
		return dmatch{}, false
	}
	if y, last, ok := s.yearAfter(next); ok {
		return s.dayMonth(y, true, m, d, last)
	}
	last := next - 1
	return s.dayMonth(0, false, m, d, last)
}

// matchWeekday reads "Wednesday", "last Friday", "Tuesday night",
// "Wednesday, January 28, 2026".
func (s *dateScanner) matchWeekday(i int) (dmatch, bool) {
	j, mod := i, ""
	if f := s.toks[i].Fold; f == "last" || f == "this" || f == "next" || f == "previous" || f == "coming" || f == "past" {
		mod, j = f, i+1
		if f == "past" || f == "coming" {
			if s.fold(i-1) != "the" && s.fold(i-1) != "this" {
				return dmatch{}, false
			}
		}
	}
	wd, ok := s.weekdayAt(j)
	if !ok {
		return dmatch{}, false
	}
	if mod == "" && dateWeekdayNamePrefix[s.fold(i-1)] {
		return dmatch{}, false
	}
	k := j + 1
	if mod == "" {
		// A full date after the weekday: the date decides.
		kk := k
		if s.fold(kk) == "," {
			kk++
		}
		if kk < len(s.toks) {
			// Called directly, not through func values, which made the
			// scanner escape (see match).
			if r, ok := s.matchMonth(kk); ok && r.date.Precision == PrecisionDay {
				return r, true
			}
			if r, ok := s.matchDayMonth(kk); ok && r.date.Precision == PrecisionDay {
				return r, true
			}
		}
	}
	last := j
	if dateDayParts[s.fold(k)] {
		last = k
	}
	if !s.hasRef {
		if _, ok := dateModWhen[s.fold(i-1)]; ok || mod != "" {
			return dmatch{}, false // "last Friday": which week is unknown
		}
		// No reference date: keep the weekday, so two articles' "on
		// Tuesday" can still agree.
		return dmatch{last: last, date: FloatingWeekday(wd), rel: true}, true
	}
	return dmatch{last: last, date: dateOf(s.resolveWeekday(wd, s.mode(i, last, mod))), rel: true}, true
}

// matchRelDay reads "today", "yesterday morning", "tomorrow", "tonight",
// "this morning", "last night", "the day before".
func (s *dateScanner) matchRelDay(i int) (dmatch, bool) {
	if !s.hasRef {
		return dmatch{}, false
	}
	t := &s.toks[i]
	off, last := 0, i
	switch t.Fold {
	case "today", "tonight":
		if capitalText(t.Text) && i > 0 && s.toks[i-1].Kind == Word && capitalText(s.toks[i-1].Text) {
			return dmatch{}, false // "USA Today"
		}
	case "yesterday", "tomorrow":
		off = -1
		if t.Fold == "tomorrow" {
			off = 1
		}
		if dateDayParts[s.fold(i+1)] {
			last = i + 1
		}
	case "this":
		switch s.fold(i + 1) {
		case "morning", "afternoon", "evening":
			last = i + 1
		default:
			return dmatch{}, false
		}
	case "last":
		if s.fold(i+1) != "night" {
			return dmatch{}, false
		}
		off, last = -1, i+1
	case "the":
		if s.fold(i+1) != "day" {
			return dmatch{}, false
		}
		switch s.fold(i + 2) {
		case "before":
			off, last = -1, i+2
		case "after":
			off, last = 1, i+2
		default:
			return dmatch{}, false
		}
		switch nx := s.fold(i + 3); {
		case nx == "yesterday" && off < 0:
			off, last = -2, i+3
		case nx == "tomorrow" && off > 0:
			off, last = 2, i+3
		case i+3 >= len(s.toks) || s.toks[i+3].Kind == Punct:
		default:
			return dmatch{}, false // "the day before the vote"
		}
	default:
		return dmatch{}, false
	}
	return dmatch{last: last, date: dateOf(s.ref.AddDate(0, 0, off)), rel: true}, true
}

// matchRelPeriod reads "this week", "earlier this week", "last month",
// "next year", "later this year", "the past two weeks", "in recent weeks",
// "the coming days".
func (s *dateScanner) matchRelPeriod(i int) (dmatch, bool) {
	if !s.hasRef {
		return dmatch{}, false
	}
	f := s.toks[i].Fold
	switch f {
	case "earlier", "later":
		if s.fold(i+1) != "this" {
			return dmatch{}, false
		}
		from, to, ok := s.calendar(s.fold(i+2), 0)
		if !ok {
			return dmatch{}, false
		}
		if f == "earlier" {
			to = s.ref
		} else {
			from = s.ref
		}
		return dmatch{last: i + 2, date: dateSpan(from, to), rel: true}, true
	case "this", "last", "next":
		u := s.fold(i + 1)
		if f == "last" && s.fold(i-1) == "the" {
			break // "the last week": a span, read below
		}
		off := 0
		switch f {
		case "last":
			off = -1
		case "next":
			off = 1
		}
		from, to, ok := s.calendar(u, off)
		if !ok {
			return dmatch{}, false
		}
		p := PrecisionWeek
		switch dateUnitWords[u] {
		case dtUnitMonth:
			p = PrecisionMonth
		case dtUnitYear:
			p = PrecisionYear
		}
		return dmatch{last: i + 1, date: Interval(from, to, p), rel: true}, true
	}
	// Spans ending or starting at ref.
	j := i
	if f == "the" {
		j++
		if s.fold(j) == "weekend" {
			// "over the weekend": the latest one begun by ref, or in
			// future speech the next one not yet over.
			sat := s.monday().AddDate(0, 0, 5)
			if sat.After(s.ref) && !s.isFuture(i, j) {
				sat = sat.AddDate(0, 0, -7)
			}
			return dmatch{last: j, date: Interval(sat, sat.AddDate(0, 0, 1), PrecisionWeek), rel: true}, true
		}
	}
	dir := 0
	switch s.fold(j) {
	case "past", "last", "previous":
		dir = -1
	case "recent":
		if j != i {
			return dmatch{}, false
		}
		dir = -1
	case "coming", "next":
		if j == i && s.fold(j) == "next" {
			return dmatch{}, false // "next week" is read above
		}
		dir = 1
	default:
		return dmatch{}, false
	}
	if j == i && s.fold(j) != "recent" && s.fold(j) != "past" && s.fold(j) != "coming" {
		return dmatch{}, false
	}
	k := j + 1
	n, hasN := s.numberAt(k)
	if hasN {
		if f := s.fold(k); f == "a" || f == "an" {
			return dmatch{}, false
		}
		k++
	}
	u := dateUnitWords[s.fold(k)]
	if u == dtUnitNone {
		return dmatch{}, false
	}
	if s.fold(k+1) == "of" {
		return dmatch{}, false // "the last two weeks of March"
	}
	if s.fold(j) == "previous" || (!hasN && u == dtUnitDay && s.fold(j) == "next") {
		return dmatch{}, false // "the next day", "the previous week": told from another day
	}
	if !hasN {
		plural := s.fold(k) != "" && s.fold(k)[len(s.fold(k))-1] == 's'
		switch {
		case !plural:
			n = 1
		case s.fold(j) == "recent" && u == dtUnitDay:
			n = 7
		case s.fold(j) == "recent" && u == dtUnitWeek:
			n = 2
		case u == dtUnitMonth || u == dtUnitWeek || u == dtUnitDay:
			n = 3
		default:
			return dmatch{}, false // "recent years": too vague
		}
	}
	var other time.Time
	switch u {
	case dtUnitDay:
		other = s.ref.AddDate(0, 0, dir*n)
	case dtUnitWeek:
		other = s.ref.AddDate(0, 0, dir*7*n)
	case dtUnitMonth:
		other = s.ref.AddDate(0, dir*n, 0)
	case dtUnitYear:
		other = s.ref.AddDate(dir*n, 0, 0)
	}
	from, to := other, s.ref
	if dir > 0 {
		from, to = s.ref, other
	}
	return dmatch{last: k, date: dateSpan(from, to), rel: true}, true
}

// calendar returns the calendar week, month or year named by unit u, off
// units from ref's.
func (s *dateScanner) calendar(u string, off int) (from, to time.Time, ok bool) {
	switch u {
	case "week":
		from = s.monday().AddDate(0, 0, 7*off)
		return from, from.AddDate(0, 0, 6), true
	case "weekend":
		from = s.monday().AddDate(0, 0, 5+7*off)
		return from, from.AddDate(0, 0, 1), true
	case "month":
		from = dateYMD(s.ref.Year(), s.ref.Month()+time.Month(off), 1)
		return from, from.AddDate(0, 1, -1), true
	case "year":
		y := s.ref.Year() + off
		return dateYMD(y, 1, 1), dateYMD(y, 12, 31), true
	}
	return from, to, false
}

// matchAgo reads "three days ago", "a week ago", "two years ago".
func (s *dateScanner) matchAgo(i int) (dmatch, bool) {
	if !s.hasRef {
		return dmatch{}, false
	}
	n, ok := s.numberAt(i)
	if !ok || s.fold(i+2) != "ago" {
		return dmatch{}, false
	}
	if f := s.toks[i].Fold; f == "few" || f == "several" {
		return dmatch{}, false
	}
	var d Date
	switch dateUnitWords[s.fold(i+1)] {
	case dtUnitDay:
		d = dateOf(s.ref.AddDate(0, 0, -n))
	case dtUnitWeek:
		t := s.ref.AddDate(0, 0, -7*n)
		mon := t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
		d = Interval(mon, mon.AddDate(0, 0, 6), PrecisionWeek)
	case dtUnitMonth:
		t := dateYMD(s.ref.Year(), s.ref.Month()-time.Month(n), 1)
		d = Month(t.Year(), t.Month())
	case dtUnitYear:
		d = Year(s.ref.Year() - n)
	default:
		return dmatch{}, false
	}
	return dmatch{last: i + 2, date: d, rel: true}, true
}

// yearExpr reads a year at k: "2024", "last year", "this year", "next year"
// and, when the is allowed, "the year" (ref's).
func (s *dateScanner) yearExpr(k int, allowThe bool) (y, last int, rel, ok bool) {
	if y, ok := s.yearAt(k); ok {
		return y, k, false, true
	}
	if !s.hasRef || s.fold(k+1) != "year" {
		return 0, 0, false, false
	}
	switch s.fold(k) {
	case "this":
		return s.ref.Year(), k + 1, true, true
	case "last":
		return s.ref.Year() - 1, k + 1, true, true
	case "next":
		return s.ref.Year() + 1, k + 1, true, true
	case "the":
		if allowThe {
			return s.ref.Year(), k + 1, true, true
		}
	}
	return 0, 0, false, false
}

// monthExpr reads a month at k: "March", "March 2025", "this month",
// "last month" and, when the is allowed, "the month" (ref's). first is the
// first token of the whole mention, for tense.
func (s *dateScanner) monthExpr(first, k int, allowThe bool) (y int, m time.Month, last int, rel, ok bool) {
	if mm, next, abbr, ok := s.monthAt(k); ok {
		if y, ok := s.yearAt(next); ok {
			return y, mm, next, false, true
		}
		if abbr || !s.hasRef {
			return 0, 0, 0, false, false
		}
		return s.resolveMonth(mm, s.mode(first, next-1, "")), mm, next - 1, true, true
	}
	if !s.hasRef || s.fold(k+1) != "month" {
		return 0, 0, 0, false, false
	}
	off := 0
	switch s.fold(k) {
	case "this":
	case "last":
		off = -1
	case "next":
		off = 1
	case "the":
		if !allowThe {
			return 0, 0, 0, false, false
		}
	default:
		return 0, 0, 0, false, false
	}
	t := dateYMD(s.ref.Year(), s.ref.Month()+time.Month(off), 1)
	return t.Year(), t.Month(), k + 1, true, true
}

func datePartOfYear(p datePart, y int) Date {
	var from, to time.Time
	switch p {
	case dtPartEarly:
		from, to = dateYMD(y, 1, 1), dateYMD(y, 4, 30)
	case dtPartMid:
		from, to = dateYMD(y, 5, 1), dateYMD(y, 8, 31)
	case dtPartLate:
		from, to = dateYMD(y, 9, 1), dateYMD(y, 12, 31)
	case dtPartStart:
		from, to = dateYMD(y, 1, 1), dateYMD(y, 3, 31)
	case dtPartFirstHalf:
		from, to = dateYMD(y, 1, 1), dateYMD(y, 6, 30)
	case dtPartSecondHalf:
		from, to = dateYMD(y, 7, 1), dateYMD(y, 12, 31)
	case dtPartQ1, dtPartQ2, dtPartQ3, dtPartQ4:
		q := time.Month(3 * (p - dtPartQ1))
		from = dateYMD(y, 1+q, 1)
		to = dateMonthEnd(y, 3+q)
	}
	return Interval(from, to, PrecisionPart)
}

func datePartOfMonth(p datePart, y int, m time.Month) Date {
	switch p {
	case dtPartEarly, dtPartStart:
		return Interval(dateYMD(y, m, 1), dateYMD(y, m, 10), PrecisionPart)
	case dtPartMid:
		return Interval(dateYMD(y, m, 11), dateYMD(y, m, 20), PrecisionPart)
	}
	return Interval(dateYMD(y, m, 21), dateMonthEnd(y, m), PrecisionPart)
}

func datePartOfDecade(p datePart, y int) Date {
	switch p {
	case dtPartEarly, dtPartStart:
		return Interval(dateYMD(y, 1, 1), dateYMD(y+3, 12, 31), PrecisionPart)
	case dtPartMid:
		return Interval(dateYMD(y+4, 1, 1), dateYMD(y+6, 12, 31), PrecisionPart)
	}
	return Interval(dateYMD(y+7, 1, 1), dateYMD(y+9, 12, 31), PrecisionPart)
}

// partTarget reads what a part word applies to at k: a year, a month or a
// decade.
func (s *dateScanner) partTarget(first, k int, p datePart, allowThe bool) (dmatch, bool) {
	if y, last, rel, ok := s.yearExpr(k, allowThe); ok {
		return dmatch{last: last, date: datePartOfYear(p, y), rel: rel}, true
	}
	if p > dtPartStart {
		return dmatch{}, false
	}
	if y, m, last, rel, ok := s.monthExpr(first, k, allowThe); ok {
		return dmatch{last: last, date: datePartOfMonth(p, y, m), rel: rel}, true
	}
	if s.fold(k) == "the" {
		k++
	}
	if y, ok := s.decadeAt(k); ok {
		return dmatch{last: k, date: datePartOfDecade(p, y)}, true
	}
	return dmatch{}, false
}

// matchPart reads parts of years and months: "late 2024", "mid-2024",
// "end-March", "the end of 2024", "the first half of 2025", "the third
// quarter of 2024", "Q3 2024", "early January 2026", "late last year",
// "the 1990s".
func (s *dateScanner) matchPart(i int) (dmatch, bool) {
	t := &s.toks[i]
	f := t.Fold
	if y, ok := dateDecadeOf(f); ok && t.Kind == Number {
		return dmatch{last: i, date: Interval(dateYMD(y, 1, 1), dateYMD(y+9, 12, 31), PrecisionPart)}, true
	}
	if p, ok := sieveGet(datePartWordsSieve, datePartWords, f); ok {
		k := i + 1
		if s.fold(k) == "-" {
			k++
		}
		return s.partTarget(i, k, p, false)
	}
	if dateHyphenPart(f) {
		h := 0
		for h < len(f) && f[h] != '-' {
			h++
		}
		p := dtPartLate
		switch f[:h] {
		case "mid":
			p = dtPartMid
		case "early":
			p = dtPartEarly
		}
		rest := f[h+1:]
		if n, c := dateDigits(rest); c == 4 && len(rest) == 4 && n >= 1000 && n <= 2999 {
			return dmatch{last: i, date: datePartOfYear(p, n)}, true
		}
		if y, ok := dateDecadeOf(rest); ok {
			return dmatch{last: i, date: datePartOfDecade(p, y)}, true
		}
		m, ok := dateMonthNames[rest]
		if !ok {
			m, ok = dateMonthAbbrevs[rest]
		}
		if !ok || h+1 >= len(t.Text) || t.Text[h+1] < 'A' || t.Text[h+1] > 'Z' {
			return dmatch{}, false
		}
		if y, ok := s.yearAt(i + 1); ok {
			return dmatch{last: i + 1, date: datePartOfMonth(p, y, m)}, true
		}
		if !s.hasRef {
			return dmatch{}, false
		}
		return dmatch{last: i, date: datePartOfMonth(p, s.resolveMonth(m, s.mode(i, i, "")), m), rel: true}, true
	}
	if t.Kind == Word && (f == "q1" || f == "q2" || f == "q3" || f == "q4") {
		k := i + 1
		if s.fold(k) == "of" {
			k++
		}
		if y, last, rel, ok := s.yearExpr(k, false); ok {
			return dmatch{last: last, date: datePartOfYear(dateQuarterWords[f], y), rel: rel}, true
		}
		return dmatch{}, false
	}
	// [the] end/beginning/start/middle of X; [the] first half of X; [the]
	// third quarter of X.
	j := i
	if f == "the" {
		j++
	}
	w := s.fold(j)
	if p, ok := sieveGet(datePartOfSieve, datePartOf, w); ok && s.fold(j+1) == "of" {
		return s.partTarget(i, j+2, p, true)
	}
	if s.fold(j+2) != "of" {
		return dmatch{}, false
	}
	var p datePart
	switch s.fold(j + 1) {
	case "half":
		p = dateHalfWords[w]
	case "quarter":
		p = dateQuarterWords[w]
	}
	if p == 0 {
		return dmatch{}, false
	}
	if y, last, rel, ok := s.yearExpr(j+3, true); ok {
		return dmatch{last: last, date: datePartOfYear(p, y), rel: rel}, true
	}
	return dmatch{}, false
}

func dateSeasonOf(se dateSeason, y int) Date {
	switch se {
	case dtSeasonSpring:
		return Interval(dateYMD(y, 3, 1), dateYMD(y, 5, 31), PrecisionPart)
	case dtSeasonSummer:
		return Interval(dateYMD(y, 6, 1), dateYMD(y, 8, 31), PrecisionPart)
	case dtSeasonAutumn:
		return Interval(dateYMD(y, 9, 1), dateYMD(y, 11, 30), PrecisionPart)
	}
	return Interval(dateYMD(y, 12, 1), dateMonthEnd(y+1, 2), PrecisionPart)
}

// matchSeason reads "spring 2025", "the summer of 2024", "fall 2024",
// "last winter", "in the summer".
func (s *dateScanner) matchSeason(i int) (dmatch, bool) {
	j, mod := i, ""
	f := s.toks[i].Fold
	switch f {
	case "last", "this", "next", "the":
		mod, j = f, i+1
	}
	se, ok := sieveGet(dateSeasonNamesSieve, dateSeasonNames, s.fold(j))
	if !ok {
		return dmatch{}, false
	}
	k := j + 1
	if s.fold(k) == "of" {
		k++
	}
	if y, ok := s.yearAt(k); ok && mod != "last" && mod != "this" && mod != "next" {
		return dmatch{last: k, date: dateSeasonOf(se, y)}, true
	}
	if mod == "the" {
		// "the summer" only as a season without a year.
		mod = ""
	}
	if !s.hasRef {
		return dmatch{}, false
	}
	if mod == "" {
		// Without a year, "fall" is too often the verb or noun, and a
		// season needs a word like "in" or "during" before it.
		p := i - 1
		if i == j && s.fold(p) == "the" {
			p--
		}
		if s.fold(j) == "fall" || !dateSeasonContext[s.fold(p)] || s.fold(p) == "the" {
			return dmatch{}, false
		}
	}
	w := s.mode(i, j, mod)
	ry := s.ref.Year()
	var pick Date
	found := false
	if w == dtWhenThis {
		pick, found = dateSeasonOf(se, ry), true
		if prev := dateSeasonOf(se, ry-1); !prev.To.Before(s.ref) {
			pick = prev // a winter that began last December
		}
	}
	// Candidates in time order.
	for y := ry - 2; y <= ry+1 && w != dtWhenThis; y++ {
		d := dateSeasonOf(se, y)
		var ok bool
		switch w {
		case dtWhenPast:
			ok = !d.From.After(s.ref)
		case dtWhenLast:
			ok = d.To.Before(s.ref)
		case dtWhenFuture:
			ok = !d.To.Before(s.ref)
		case dtWhenNext:
			ok = d.From.After(s.ref)
		}
		if !ok {
			continue
		}
		pick, found = d, true
		if w == dtWhenFuture || w == dtWhenNext {
			break
		}
	}
	if !found {
		return dmatch{}, false
	}
	return dmatch{last: j, date: pick, rel: true}, true
}

// matchYear reads a bare four-digit year in a year context: "in 2024",
// "since 2011", "from 2012 to 2014", "2024's".
func (s *dateScanner) matchYear(i int) (dmatch, bool) {
	y, ok := s.yearAt(i)
	if !ok || y < 1900 || y > 2100 {
		return dmatch{}, false
	}
	pv := s.fold(i - 1)
	switch {
	case dateYearContext[pv]:
		if (pv == "by" || pv == "of") && dateCountBefore[s.fold(i-2)] {
			return dmatch{}, false // "rose by 2000", "a crowd of 2000": a count
		}
	case dateYearLinks[pv]:
		if py, ok := s.yearAt(i - 2); !ok || py > y {
			return dmatch{}, false
		}
	case s.fold(i+1) == "'s":
	case dateAttributiveBefore[pv] || pv == "'s":
		// "a 2016 Harbour Tower meeting", "the 2015 deal", "Hale's 2015
		// accord": a year naming its event, before a name or an event
		// noun; "the 2000 delegates" stays a count.
		if i+1 >= len(s.toks) || s.toks[i+1].Kind != Word {
			return dmatch{}, false
		}
		if _, ev := eventNouns[s.toks[i+1].Fold]; !ev && !capitalText(s.toks[i+1].Text) {
			return dmatch{}, false
		}
	default:
		return dmatch{}, false
	}
	return dmatch{last: i, date: Year(y)}, true
}
