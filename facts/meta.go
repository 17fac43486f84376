package facts

import (
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one line of an article's text: its span with surrounding space
// trimmed, and the text folded for prefix tests.
type line struct {
	Span
	text string
	fold string
}

func splitLines(text string) []line {
	var out []line
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s := skipSpace(text, start, end)
		e := trimRightSpace(text, s, end)
		if e > s {
			t := text[s:e]
			out = append(out, line{Span: Span{s, e}, text: t, fold: Fold(t)})
		}
		start = end + 1
	}
	return out
}

// Patterns for metadata lines. They run on single short lines near the top
// or bottom of an article, never over whole texts.
var (
	// "MOSCOW, Jan 28 (Reuters) -", "April 29 (UPI) —", "WASHINGTON (AP) —"
	datelineWire = regexp.MustCompile(`^(?:[\p{Lu}][\p{L} .'-]{1,40},?\s+)?(?:[\p{Lu}][\p{L}]{2,8}\.?\s+\d{1,2},?\s+)?\(([\p{L} .&-]{2,40})\)\s*[-–—―]`)
	// "Moscow, Jan 28, 2026" anywhere in a line near the top.
	datelineDate = regexp.MustCompile(`\b([\p{Lu}][\p{L}]+),\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4})\b`)
	// "Updated by Jane Doe at 1846 EAT on …", "Written by Jane Doe"
	updatedBy = regexp.MustCompile(`(?i)^(?:updated|written|posted|reported|edited)\s+by\s+(.+?)(?:\s+(?:at|on|\|)\s+.*)?$`)
	reportBy  = regexp.MustCompile(`(?i)^\(?reporting by\s+([^;)]+?)(?:\s+in\s+[\p{Lu}][\p{L}]+)?(?:\s*[;,)]|$)`)
	// "© 2025 Harbour Wire. All rights reserved."
	copyrightName = regexp.MustCompile(`^(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:\d{4}(?:[-–]\d{4})?\s+)?([\p{Lu}][^.|]{1,60}?)(?:\.|\s+All rights reserved|$)`)
	quotedName    = regexp.MustCompile(`[“"]([^”"]{3,60})[”"]`)
	// "Levant24 spoke with …", "CNN has learned …": an outlet naming itself.
	selfCredit = regexp.MustCompile(`(?:^|[.!?]\s+)([\p{Lu}][\p{L}\d]*\d[\p{L}\d]*|[\p{Lu}]{2,})\s+(?:spoke\s+(?:with|to)|has\s+learned|understands|contacted|obtained)\b`)
)

// chromeLine reports whether a line is page furniture rather than article
// text: adverts, share and follow prompts, comment forms, read times.
func chromeLine(l line) bool {
	f := l.fold
	switch f {
	case "advert", "advert.", "advertisement", "sponsored", "share", "share this",
		"share this article", "print", "comments", "admin", "menu", "subscribe",
		"related", "read more", "close", "skip to content":
		return true
	}
	for _, p := range chromePrefixes {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	if strings.HasPrefix(f, "support ") && wordCount(f) <= 6 && !strings.HasSuffix(f, ".") {
		return true // "Support independent journalism", not "Support for the bill fell."
	}
	if strings.HasSuffix(f, "(index) is missing.") {
		return true // placeholder left by a dataset collector
	}
	if strings.Contains(f, "min read") && len(f) < 60 {
		return true
	}
	return false
}

var chromePrefixes = []string{
	"invest or donate", "email:", "e-mail:", "whatsapp", "follow us",
	"subscribe to", "sign up", "click here", "watch video", "watch:",
	"explore more articles", "your email address", "please enter your",
	"advertisement", "credit to ", "courtesy of ", "image:",
	"photo:", "©", "all rights reserved",
}

// endLine reports whether a line starts the matter that follows an
// article: comment forms, author boxes, lists of other stories. Nothing
// after it is article text.
func endLine(l line) bool {
	for _, p := range endPrefixes {
		if strings.HasPrefix(l.fold, p) {
			return true
		}
	}
	return false
}

var endPrefixes = []string{
	"you may also like", "you might also like", "related articles",
	"related stories", "related posts", "more from", "recommended for you",
	"read next", "leave a comment", "leave a reply", "about author",
	"about the author", "most read", "trending now", "also read",
}

// analyse fills the article's metadata, title and body from its text.
func analyse(a *Article) {
	lines := splitLines(a.Text)
	end := len(lines)
	for i, l := range lines {
		if endLine(l) {
			// Credits and names may still follow ("Follow us … “Name”"),
			// so metadata is read from every line, body only from these.
			end = i
			break
		}
	}
	var meta metaFinder
	titleSeen := ""
	for i, l := range lines {
		kind := meta.line(l, i < end)
		if i >= end || kind != lineBody {
			continue
		}
		if a.TitleSpan == (Span{}) && titleLike(l) {
			a.TitleSpan = l.Span
			a.Title = l.text
			titleSeen = l.fold
			continue
		}
		if l.fold == titleSeen {
			continue // scraped pages repeat the headline
		}
		if a.TitleSpan == (Span{}) && wordCount(l.text) < 3 {
			continue // a section label above the headline ("Foreign News")
		}
		a.Body = append(a.Body, l.Span)
	}
	if len(a.Body) == 0 {
		// An article flattened to one line (a copy from a PDF or a form
		// field) is its own body, not a headline, credit or chrome with
		// nothing under it: the longest line of article length stands.
		var long *line
		for i := range lines[:end] {
			if wordCount(lines[i].text) >= flattenedWords && (long == nil || len(lines[i].text) > len(long.text)) {
				long = &lines[i]
			}
		}
		if long != nil {
			a.Body = append(a.Body, long.Span)
			if a.TitleSpan == long.Span {
				a.TitleSpan, a.Title = Span{}, ""
			}
		}
	}
	if a.Title == "" {
		a.Title = meta.title
	}
	a.Outlet, a.Wire, a.Byline = meta.outlet, meta.wire, meta.byline
	if meta.outlet == "" {
		a.Outlet = meta.selfOutlet
	}
	if a.Wire == "" {
		a.Wire = meta.datelineWire
	}
	a.Published = meta.published
	if a.Published.IsZero() {
		a.Published = meta.datelineDate
	}
}

// flattenedWords is the length from which a lone line is an article
// flattened to one line rather than a headline: headlines run to about 20
// words.
const flattenedWords = 40

type lineKind int

const (
	lineBody lineKind = iota
	lineMeta
	lineChrome
)

// metaFinder collects metadata from lines as analyse walks them.
type metaFinder struct {
	title, outlet, wire, byline string
	selfOutlet, datelineWire    string
	published, datelineDate     Date
	bodyLines                   int
}

// line reads one line's metadata and says whether the line is body,
// metadata or chrome. inBody is false after the end-of-article marker.
func (m *metaFinder) line(l line, inBody bool) lineKind {
	f := l.fold
	kind := lineBody
	switch {
	case strings.HasPrefix(f, "published by "):
		m.setOutlet(l.text[len("published by "):])
		kind = lineMeta
	case strings.HasPrefix(f, "support ") && strings.HasSuffix(f, "!"):
		m.setOutlet(strings.TrimSuffix(l.text[len("support "):], "!"))
		kind = lineMeta
	case strings.HasPrefix(f, "by ") && wordCount(l.text) <= 12 && !strings.HasSuffix(f, "."):
		m.credit(l.text[3:])
		kind = lineMeta
	case strings.HasPrefix(f, "credit to ") || strings.HasPrefix(f, "courtesy of ") || strings.HasPrefix(f, "source: "):
		_, rest, _ := strings.Cut(l.text, " ")
		if strings.HasPrefix(f, "credit to ") || strings.HasPrefix(f, "courtesy of ") {
			_, rest, _ = strings.Cut(rest, " ")
		}
		if m.wire == "" {
			if n, ok := wireName(rest); ok {
				m.wire = n
			} else {
				m.wire = cleanName(rest)
			}
		}
		kind = lineMeta
	case strings.HasPrefix(f, "follow us") || strings.HasPrefix(f, "©") || copyrightLine(l):
		if mm := quotedName.FindStringSubmatch(l.text); mm != nil && m.outlet == "" {
			m.setOutlet(mm[1])
		}
		if mm := copyrightName.FindStringSubmatch(l.text); mm != nil && m.outlet == "" {
			m.setOutlet(mm[1])
		}
		kind = lineChrome
	case mayStartWith(l.text, "reporting", "(reporting") && reportBy.MatchString(l.text):
		if mm := reportBy.FindStringSubmatch(l.text); m.byline == "" {
			m.byline = cleanName(mm[1])
		}
		kind = lineMeta
	}
	var upd []string
	if mayStartWith(l.text, "updated", "written", "posted", "reported", "edited") {
		upd = updatedBy.FindStringSubmatch(l.text)
	}
	if upd != nil && wordCount(l.text) <= 20 {
		if m.byline == "" {
			m.byline = cleanName(upd[1])
		}
		kind = lineMeta
	}
	if kind == lineBody && (strings.HasPrefix(f, "posted on") || strings.HasPrefix(f, "published on") ||
		strings.HasPrefix(f, "updated") || strings.HasPrefix(f, "last updated") ||
		strings.HasPrefix(f, "date ") || strings.Contains(f, "min readlast updated") ||
		(atMostWords(l.text, 8) && isoDateIn(l.text) != "")) {
		kind = lineMeta
	}
	if kind == lineMeta || (kind == lineBody && strings.HasPrefix(f, "date ")) {
		m.metaDate(l.text)
		if strings.Contains(f, "support ") {
			if i := strings.Index(f, "support "); i >= 0 && strings.HasSuffix(f, "!") {
				m.setOutlet(strings.TrimSuffix(l.text[i+len("support "):], "!"))
			}
		}
	}
	if kind == lineBody && chromeLine(l) {
		kind = lineChrome
	}
	if kind == lineBody && inBody {
		m.bodyLines++
		if m.bodyLines <= 6 {
			// datelineWire needs a "(": most lines have none.
			if mm := datelineWireIn(l.text); mm != nil && m.datelineWire == "" {
				if n, ok := wireName(mm[1]); ok {
					m.datelineWire = n
				}
			}
			if m.datelineDate.IsZero() {
				if mm := datelineDateIn(l.text); mm != nil && !IsCalendarName(Fold(mm[1])) {
					m.datelineDate = firstFullDate(mm[2])
				}
			}
		}
		if mm := selfCreditIn(l.text); mm != nil && m.selfOutlet == "" {
			if _, isWire := wireName(mm[1]); !isWire {
				m.selfOutlet = mm[1]
			}
		}
	}
	return kind
}

// copyrightLine reports whether a line starting "Copyright" is a notice
// ("Copyright 2025 Harbour Wire", "Copyright (c) …") rather than a sentence
// about copyright ("Copyright lawyers said …").
func copyrightLine(l line) bool {
	if !strings.HasPrefix(l.fold, "copyright") {
		return false
	}
	return copyrightName.MatchString(l.text) || strings.Contains(l.fold, "rights reserved") ||
		strings.HasPrefix(l.fold, "copyright ©") || strings.HasPrefix(l.fold, "copyright (c)") || wordCount(l.text) <= 3
}

func (m *metaFinder) setOutlet(s string) {
	if m.outlet == "" {
		m.outlet = cleanName(s)
	}
}

// credit reads a "By …" line: a wire service ("By AFP") or a byline.
func (m *metaFinder) credit(s string) {
	if n, ok := wireName(s); ok {
		if m.wire == "" {
			m.wire = n
		}
		return
	}
	if m.byline == "" {
		m.byline = cleanName(s)
	}
}

// metaDate takes the publication date from a metadata line: an ISO date
// or the first full date in it.
func (m *metaFinder) metaDate(s string) {
	if !m.published.IsZero() {
		return
	}
	if mm := isoDateIn(s); mm != "" {
		if d, err := ParseISODate(mm); err == nil {
			m.published = d
			return
		}
	}
	m.published = firstFullDate(s)
}

// firstFullDate returns the first day-precision date with a year in s.
func firstFullDate(s string) Date {
	toks := Tokenize(s, 0, len(s))
	for _, dm := range FindDates(s, toks, Date{}) {
		if dm.Date.Precision == PrecisionDay && !dm.Relative {
			return dm.Date
		}
	}
	return Date{}
}

// cleanName trims marks and punctuation around a name taken from a
// credit line ("Global Banking & Finance Review®").
func cleanName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '®', '™', '©':
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(strings.Trim(s, " \t.,;:!|-–—")), " ")
}

// titleLike reports whether a line can be the headline: several words,
// not ending like a body sentence, not a credit.
func titleLike(l line) bool {
	if atMostWords(l.text, 2) || !atMostWords(l.text, 30) {
		return false // fewer than 3 words or more than 30
	}
	last, _ := utf8.DecodeLastRuneInString(l.text)
	return !unicode.IsDigit(last)
}

// wordCount is len(strings.Fields(s)) without building the fields: it
// runs on every line, before the ISO-date regexp (which was 2.5 % of a
// batch run when it ran first on every body line).
func wordCount(s string) int { return wordsUpTo(s, math.MaxInt) }

// atMostWords reports whether wordCount(s) <= n, reading s only until
// it finds word n+1.
func atMostWords(s string, n int) bool { return wordsUpTo(s, n+1) <= n }

// wordsUpTo counts the words of s as strings.Fields splits them, and
// stops reading at the limit-th.
func wordsUpTo(s string, limit int) int {
	n := 0
	inField := false
	for i := 0; i < len(s); {
		// ASCII bytes are told by table (asciiSpace is unicode.IsSpace
		// of them): decoding every rune and asking unicode.IsSpace was
		// most of the count, which runs on every line of an article.
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			inField = false
		} else if !inField {
			inField = true
			if n++; n >= limit {
				break
			}
		}
	}
	return n
}

// mayStartWith reports whether s may match a case-insensitive regexp
// anchored at its start that begins with one of the ASCII prefixes: false
// means it cannot. A non-ASCII byte among the first bytes may still match
// (Unicode case folding: K for k, ſ for s), so it says true. Parsing an
// article runs the line regexps over every line; this skips them on body
// lines, where the backtracker costs in proportion to the line's length.
func mayStartWith(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		head := s[:min(len(p), len(s))]
		for i := 0; i < len(head); i++ {
			if head[i] >= utf8.RuneSelf {
				return true
			}
		}
		if len(head) == len(p) && strings.EqualFold(head, p) {
			return true
		}
	}
	return false
}

// datelineDateIn is datelineDate.FindStringSubmatch, run only on lines
// where a comma is followed by space and a month's first three letters,
// as every match must be: the unanchored regexp was 1.7 % of a batch run
// on the first lines of every article, most of which hold no such date.
func datelineDateIn(s string) []string {
	for i := strings.IndexByte(s, ','); i >= 0; {
		j := i + 1
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\f' || s[j] == '\r') {
			j++
		}
		if j > i+1 && j+3 <= len(s) && monthPrefix[s[j:j+3]] && datelineTail(s, j+3) {
			return datelineDate.FindStringSubmatch(s)
		}
		k := strings.IndexByte(s[i+1:], ',')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return nil
}

// datelineTail reports whether s[k:] goes on as datelineDate does after
// a month's first three letters: `[a-z]*\.?\s+\d{1,2},\s+\d{4}\b`. Each
// part stops where the next starts, so one reading decides. A comma and a
// month-like word ("Tarrow, Mayor Ellis said") were enough to run the
// regexp, a tenth of ParseArticle; it now runs on lines that match.
func datelineTail(s string, k int) bool {
	for k < len(s) && 'a' <= s[k] && s[k] <= 'z' {
		k++
	}
	if k < len(s) && s[k] == '.' {
		k++
	}
	k0 := k
	for k < len(s) && isRESpace(s[k]) {
		k++
	}
	if k == k0 {
		return false
	}
	d := 0
	for k < len(s) && d < 3 && '0' <= s[k] && s[k] <= '9' {
		k++
		d++
	}
	if d == 0 || d > 2 || k == len(s) || s[k] != ',' {
		return false
	}
	k++
	k0 = k
	for k < len(s) && isRESpace(s[k]) {
		k++
	}
	if k == k0 || k+4 > len(s) {
		return false
	}
	for _, c := range []byte(s[k : k+4]) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return k+4 == len(s) || !reWordByte(s[k+4])
}

// isoDateIn returns the first date written 2006-01-02 in s, as a word
// (what `\b\d{4}-\d{2}-\d{2}\b` finds), or "". Matched by hand: the
// expression ran on every meta line and short line of every article,
// and every match has a hyphen four bytes in, so only those places are
// tried, leftmost first.
func isoDateIn(s string) string {
	for p := strings.IndexByte(s, '-'); p >= 0; {
		if i := p - 4; i >= 0 && i+10 <= len(s) && isoDateAt(s, i) {
			return s[i : i+10]
		}
		k := strings.IndexByte(s[p+1:], '-')
		if k < 0 {
			break
		}
		p += 1 + k
	}
	return ""
}

// isoDateAt reports whether s[i:i+10] is four digits, "-", two digits,
// "-", two digits, with no ASCII word byte just before or after (\b:
// every other byte, of another rune or none, is not a word's).
func isoDateAt(s string, i int) bool {
	for k, c := range []byte(s[i : i+10]) {
		if k == 4 || k == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return (i == 0 || !reWordByte(s[i-1])) && (i+10 == len(s) || !reWordByte(s[i+10]))
}

// reWordByte reports whether c is a word character of regexp's \b,
// [0-9A-Za-z_].
func reWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// monthPrefix are the three letters every month alternative of
// datelineDate starts with (\s in it is [\t\n\f\r ]).
var monthPrefix = map[string]bool{"Jan": true, "Feb": true, "Mar": true, "Apr": true, "May": true, "Jun": true,
	"Jul": true, "Aug": true, "Sep": true, "Oct": true, "Nov": true, "Dec": true}

// datelineWireIn is datelineWire.FindStringSubmatch, run only on lines
// that hold the "(" it needs.
func datelineWireIn(s string) []string {
	if strings.IndexByte(s, '(') < 0 {
		return nil
	}
	return datelineWire.FindStringSubmatch(s)
}

// selfCreditIn is selfCredit.FindStringSubmatch(s), matched by hand: the
// expression ran on every line saying "spoke" (or "spokesman") or
// "obtained", and its backtracking and the five searches for its verbs
// were a third of ParseArticle. A match starts the text or follows
// [.!?] and white space, so only those places are tried, leftmost first
// as the expression does.
func selfCreditIn(s string) []string {
	if len(s) == 0 {
		return nil
	}
	if m := selfCreditAt(s, 0, 0); m != nil {
		return m
	}
	// The marks are found eight bytes at a time (nextSentenceMark): a
	// byte at a time, over every line of every article, was a twentieth
	// of ParseArticle on the batch's text.
	for p := nextSentenceMark(s, 0, len(s)); p < len(s); p = nextSentenceMark(s, p+1, len(s)) {
		k := p + 1
		for k < len(s) && isRESpace(s[k]) {
			k++
		}
		if k == p+1 {
			continue
		}
		if m := selfCreditAt(s, p, k); m != nil {
			return m
		}
	}
	return nil
}

// selfCreditAt returns selfCredit's submatches for a match starting at
// start whose subject starts at k, or nil: the subject is the word up to
// the next white space (letters and digits, with a capital first and a
// digit after it, or two capitals or more), then white space and a verb
// ending at a word boundary. \s and \d of the expression are ASCII, and
// its letters are Unicode's.
func selfCreditAt(s string, start, k int) []string {
	j := k
	for j < len(s) && !isRESpace(s[j]) {
		j++
	}
	if j == k || j == len(s) || !selfCreditSubjectWord(s[k:j]) {
		return nil
	}
	v := j
	for v < len(s) && isRESpace(s[v]) {
		v++
	}
	e := selfCreditVerbEnd(s, v)
	if e < 0 || e < len(s) && isASCIIWordByte(s[e]) {
		return nil
	}
	return []string{s[start:e], s[k:j]}
}

// selfCreditSubjectWord reports whether w matches all of
// [\p{Lu}][\p{L}\d]*\d[\p{L}\d]* or [\p{Lu}]{2,}.
func selfCreditSubjectWord(w string) bool {
	upper, n, digit, letterOrDigit := true, 0, false, true
	for i, r := range w {
		lu := unicode.IsUpper(r) && unicode.IsLetter(r)
		if i == 0 && !lu {
			return false
		}
		upper = upper && lu
		n++
		if i > 0 {
			if '0' <= r && r <= '9' {
				digit = true
			} else if !unicode.IsLetter(r) {
				letterOrDigit = false
			}
		}
	}
	return letterOrDigit && digit || upper && n >= 2
}

// selfCreditVerbEnd returns the end of the verb of selfCredit at s[v:]
// ("spoke with", "has learned", "understands", …), or -1.
func selfCreditVerbEnd(s string, v int) int {
	rest := s[v:]
	for _, w := range []string{"understands", "contacted", "obtained"} {
		if strings.HasPrefix(rest, w) {
			return v + len(w)
		}
	}
	first, seconds := "", []string(nil)
	switch {
	case strings.HasPrefix(rest, "spoke"):
		first, seconds = "spoke", []string{"with", "to"}
	case strings.HasPrefix(rest, "has"):
		first, seconds = "has", []string{"learned"}
	default:
		return -1
	}
	i := v + len(first)
	j := i
	for j < len(s) && isRESpace(s[j]) {
		j++
	}
	if j == i {
		return -1
	}
	for _, w := range seconds {
		// "spoke with" where "with" runs on ("spoke withal") fails at
		// the boundary, and "to" cannot match where "with" stands.
		if strings.HasPrefix(s[j:], w) {
			return j + len(w)
		}
	}
	return -1
}

// isRESpace reports whether c is white space to a regular expression's
// \s: tab, newline, form feed, carriage return or space.
func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// isASCIIWordByte reports whether c is a word character to \b.
func isASCIIWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// StoryDate returns the date a story's undated articles are read against:
// the publication day most of its dated articles share (the latest of
// those on a tie), or the zero Date when none is dated. An article with
// no dateline takes its date from the story, never from a year it names
// in passing.
func StoryDate(arts []Article) Date {
	count := map[string]int{}
	var best Date
	bestN := 0
	for _, a := range arts {
		if a.Published.Precision != PrecisionDay || a.Published.IsFloating() {
			continue
		}
		k := a.Published.String()
		count[k]++
		n := count[k]
		if n > bestN || n == bestN && a.Published.From.After(best.From) {
			best, bestN = a.Published, n
		}
	}
	return best
}

// statedDate returns the day an undated article gives itself: a full date
// with its weekday ("Wednesday, January 28, 2026") in the first three
// sentences of its body. A day named with its weekday near the top is the
// day of the news; a bare year or month there is often one named in
// passing.
func statedDate(a *Article) Date {
	n := 0
	for _, para := range a.Body {
		for _, sp := range Sentences(a.Text, para) {
			if n++; n > 3 {
				return Date{}
			}
			toks := Tokenize(a.Text, sp.Start, sp.End)
			for _, dm := range FindDates(a.Text, toks, Date{}) {
				if dm.Date.Precision != PrecisionDay || dm.Relative || dm.Date.IsFloating() {
					continue
				}
				if wd, ok := dateWeekdays[toks[dm.First].Fold]; ok && wd == dm.Date.From.Weekday() {
					return dm.Date
				}
			}
		}
	}
	return Date{}
}
