package facts

import (
	"strings"
	"sync"
)

// frameToks recycles NumberFrameOf's token buffers. The frame keeps
// strings of the sentence, never its tokens.
var frameToks = sync.Pool{New: func() any { return new([]Token) }}

// maxFrameTokens bounds the buffers kept (a sentence of about 4 KB).
const maxFrameTokens = 1024

// putFrameToks gives toks, grown from *bp, back to frameToks, its
// strings dropped so a kept buffer holds no sentence alive.
func putFrameToks(bp *[]Token, toks []Token) {
	if cap(toks) > maxFrameTokens {
		return
	}
	clear(toks)
	*bp = toks[:0]
	frameToks.Put(bp)
}

// NumberFrame is what a figure is about beyond the noun its slot is keyed
// by: two figures that share a noun ("twelve member states" that signed a
// treaty, "three states" that border a river; "€4 billion of imports",
// "€9 billion of subsidies") may count different things. The comparer
// needs the same counted thing and the same frame before it calls two
// figures a contradiction.
type NumberFrame struct {
	// Phrase is the figure with its noun as written: "twelve member
	// states", "€4 billion".
	Phrase string
	// Modifiers are the content words between the amount and its noun,
	// lemmatised: "member" in "twelve member states", "union" in "150
	// of the union's members".
	Modifiers []string
	// Of is the lemma of the thing an "of", "worth" or (for money and
	// measures) "in" phrase after the figure names: "import" in "€4
	// billion of imports", "oil" in "1.2 million barrels of oil".
	Of string
	// OfText is that phrase as written: "of imports".
	OfText string
	// Verb is the key of the verb the figure belongs to (see VerbKey):
	// "sign" in "twelve states signed", "border" in "three states border
	// the river", "giv" in "has given a list of four dozen demands".
	Verb string
	// VerbText is that verb as written.
	VerbText string
	// Subject is the lemma of the subject of a verb before the figure:
	// "unemployment" in "unemployment rose 5 percent" (empty when the
	// figure is itself the subject); SubjectText as written.
	Subject, SubjectText string
	// Outcome is true when the verb sorts people or things into outcomes
	// ("killed", "injured", "arrested", "rescued"): two figures of one
	// noun with different outcome verbs count different groups.
	Outcome bool
	// Light is true when the verb says little of what is counted ("be",
	// "have", "do"): "there were 30 people", "has 48 demands".
	Light bool
	// Whole is true for the whole a part is taken of: "450 seats" in
	// "won 120 of the 450 seats"; Part for the part, "120 of the 450
	// seats".
	Whole, Part bool
	// Measure is true for money, percentages and units: the noun says
	// nothing of what is measured ("€4 billion", "80 percent").
	Measure bool
	// Years, Months and Weekdays are the times the sentence names outside
	// the figure ("2016", "march", "sunday"), folded: figures of one
	// noun in different years count different things.
	Years, Months, Weekdays []string

	ofInside bool // the of phrase is part of Phrase
}

// frameShareWord reports whether a folded word ends a share or a measure
// whose "of" phrase names its group: "percent", "quarters", "two-thirds",
// "half".
func frameShareWord(f string) bool {
	if f == "percent" || f == "%" || f == "pct" || f == "cent" || sieveVal(qtyFractionsSieve, qtyFractions, f) > 0 {
		return true
	}
	if _, b, ok := strings.Cut(f, "-"); ok && sieveVal(qtyFractionsSieve, qtyFractions, b) > 0 {
		return true
	}
	return false
}

// Text says the figure and its thing in the article's words: "€4 billion
// of imports", "twelve member states".
func (nf NumberFrame) Text() string {
	if strings.HasSuffix(nf.OfText, " of") {
		return nf.OfText + " " + nf.Phrase // "a loss of $3 million"
	}
	if nf.ofInside {
		return nf.Phrase
	}
	var parts []string
	if nf.Phrase != "" {
		parts = append(parts, nf.Phrase)
	}
	if nf.OfText != "" {
		parts = append(parts, nf.OfText)
	}
	return strings.Join(parts, " ")
}

// VerbKey returns a crude stem of a verb form under which its inflections
// meet: "signed", "signs", "signing" → "sign"; "gave", "given" → "giv";
// "stopped" → "stop"; "carried" → "carry".
func VerbKey(f string) string {
	f = Fold(f)
	switch f {
	case "is", "are", "was", "were", "be", "been", "being", "am":
		return "be"
	case "has", "have", "had", "having":
		return "have"
	case "does", "do", "did", "done", "doing":
		return "do"
	}
	for base, forms := range irregular {
		if forms[0] == f || forms[1] == f {
			f = base
			break
		}
	}
	n := len(f)
	switch {
	case n == 4 && strings.HasSuffix(f, "ied"), n == 4 && strings.HasSuffix(f, "ies"):
		f = f[:3] // died, dies, tied → die, tie
	case n > 4 && strings.HasSuffix(f, "ied"), n > 4 && strings.HasSuffix(f, "ies"):
		f = f[:n-3] + "y"
	case n > 5 && strings.HasSuffix(f, "ing"):
		f = f[:n-3]
	case n > 4 && strings.HasSuffix(f, "ed"):
		f = f[:n-2]
	case n > 4 && (strings.HasSuffix(f, "shes") || strings.HasSuffix(f, "ches") || strings.HasSuffix(f, "sses") || strings.HasSuffix(f, "xes")):
		f = f[:n-2]
	case n > 3 && strings.HasSuffix(f, "s") && !strings.HasSuffix(f, "ss"):
		f = f[:n-1]
	}
	n = len(f)
	if n > 3 && f[n-1] == f[n-2] && strings.IndexByte("bdgmnprt", f[n-1]) >= 0 {
		f = f[:n-1] // stopped, planned
	}
	if n = len(f); n > 3 && f[n-1] == 'e' {
		f = f[:n-1] // arrive, arrived, arriving → arriv
	}
	return f
}

// frameVerbAt reports whether toks[k] reads as a verb: an irregular past
// form, a word in -ed, a present participle (when ing is set), any
// content word after an auxiliary, or a word followed by a determiner
// ("three states border the river").
func frameVerbAt(toks []Token, k int, ing bool) bool {
	if k < 0 || k >= len(toks) {
		return false
	}
	t := toks[k]
	f := t.Fold
	if t.Kind != Word || capitalText(t.Text) || frameNotVerbs[f] || frameReporting[f] || qtyStartWord(f) || framePrepositions[f] {
		return false
	}
	if pastForms[f] {
		return true
	}
	if len(f) >= 4 && strings.HasSuffix(f, "ed") {
		return true
	}
	if ing && len(f) >= 6 && strings.HasSuffix(f, "ing") {
		return true
	}
	if qtyStop[f] || sieveHas(determinersSieve, determiners, f) {
		return false
	}
	if p := qtyFold(toks, k-1); frameAux[p] && p != "'s" {
		return true
	}
	if _, ok := irregular[f]; ok {
		return true
	}
	next := qtyFold(toks, k+1)
	return sieveHas(determinersSieve, determiners, next) && next != "'s" || next == "these" || next == "those"
}

// NumberFrameOf reads the frame of a number fact from its sentence: the
// modifiers of its noun, the "of" phrase after it and the verb it belongs
// to (after the noun for a subject, "twelve states signed"; before the
// figure for an object, "has given a list of four dozen demands").
// Facts whose surface is not found in their sentence get an empty frame.
func NumberFrameOf(f Fact) NumberFrame {
	var nf NumberFrame
	start := f.Span.Start - f.SentenceSpan.Start
	if start < 0 || start+len(f.Surface) > len(f.Sentence) || f.Sentence[start:start+len(f.Surface)] != f.Surface {
		start = strings.Index(f.Sentence, f.Surface)
	}
	if start < 0 || f.Surface == "" {
		return nf
	}
	end := start + len(f.Surface)
	// Tokenize's tokens, in a recycled buffer: compare reads the frame of
	// every number fact, and each made a buffer of its own.
	bp := frameToks.Get().(*[]Token)
	var low lowered
	toks := tokenizeAppend((*bp)[:0], f.Sentence, 0, len(f.Sentence), &low, 0, len(f.Sentence))
	defer putFrameToks(bp, toks)
	first, last := -1, -1
	for i, t := range toks {
		if t.Span.Start >= start && t.Span.End <= end {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return nf
	}
	nf.Phrase = f.Surface
	k := first - 1
	if sieveHas(determinersSieve, determiners, qtyFold(toks, k)) {
		k--
	}
	if qtyFold(toks, k) == "of" && k > 0 && (toks[k-1].Kind == Number || qtyStartWord(toks[k-1].Fold)) {
		nf.Whole = true
	}
	nf.Measure = frameMeasure(f, toks[first:last+1])
	nf.times(toks, first, last)
	for o := first + 1; o < last; o++ {
		if toks[o].Fold == "of" && (toks[o-1].Kind == Number || frameNumberWord(toks[o-1].Fold)) {
			for m := o + 1; m < last; m++ {
				if toks[m].Kind == Number || frameNumberWord(toks[m].Fold) {
					nf.Part = true // "two of the three suspects"
				}
			}
		}
	}
	// A share whose surface names its group: "two-thirds of voters".
	surfaceEnd := last
	for o := first + 1; o < last; o++ {
		if toks[o].Fold == "of" && frameShareWord(toks[o-1].Fold) {
			nf.Of = qtyLemma(toks[last].Fold)
			nf.OfText = f.Sentence[toks[o].Span.Start:toks[last].Span.End]
			nf.ofInside = true
			last = o - 1
			break
		}
	}
	// Modifiers: content words between the amount and its noun.
	amount := true
	for k := first; k < last; k++ {
		t := toks[k]
		g := t.Fold
		if qtyClasses[g]&clsQual != 0 {
			if q, next := qtyQualifierAt(toks, k); q != qualNone {
				k = next - 1 // "at least", "more than"
				continue
			}
		}
		if t.Kind == Number || qtyStartWord(g) || qtyScales[g] > 0 || qtyClasses[g]&clsQual != 0 {
			continue
		}
		if amount && (g == "of" || sieveHas(determinersSieve, determiners, g) || qtyStop[g]) {
			continue
		}
		if t.Kind != Word || qtyStop[g] || sieveHas(determinersSieve, determiners, g) {
			continue
		}
		amount = false
		if strings.IndexByte(g, '-') > 0 {
			nf.Modifiers = append(nf.Modifiers, g) // "open-ended" is no "ended"
		} else {
			nf.Modifiers = append(nf.Modifiers, qtyLemma(g))
		}
	}
	// The "of" phrase: "€4 billion of imports", "$5 million worth of
	// goods", "€9 billion in subsidies", "1.2 million barrels of oil".
	after := surfaceEnd
	k = last + 1
	if nf.ofInside {
		k = -1
	}
	switch g := qtyFold(toks, k); {
	case k < 0:
	case g == "of", g == "worth":
		k++
		if g == "worth" && qtyFold(toks, k) == "of" {
			k++
		}
	case g == "in" && nf.Measure:
		k++
	default:
		k = -1
	}
	if nf.ofInside {
		k = -1
	}
	if k > 0 {
		for k < len(toks) && (sieveHas(determinersSieve, determiners, toks[k].Fold) || toks[k].Fold == "these" || toks[k].Fold == "those") {
			k++
		}
		head := -1
		for j := k; j < len(toks) && j < k+4; j++ {
			t := toks[j]
			if t.Kind != Word || qtyStop[t.Fold] || capitalText(t.Text) || qtyStartWord(t.Fold) {
				break
			}
			if head >= 0 && (strings.HasSuffix(t.Fold, "ed") || pastForms[t.Fold] || frameVerbAt(toks, j, false)) {
				break // "of imports rose": the verb is not the thing
			}
			head = j
			if qtyPlural(t.Fold) {
				// The last of a run of plurals: "news media".
				for head+1 < len(toks) && toks[head+1].Kind == Word && !qtyStop[toks[head+1].Fold] && !capitalText(toks[head+1].Text) && qtyPlural(toks[head+1].Fold) {
					head++
				}
				break
			}
		}
		if head >= 0 {
			nf.Of = qtyLemma(toks[head].Fold)
			nf.OfText = f.Sentence[toks[last+1].Span.Start:toks[head].Span.End]
			after = head
		}
	}
	// The noun a measure is "of": "a loss of $3 million", "a budget of
	// €4 billion". For counts it is a container ("a group of 150").
	if nf.Of == "" && nf.Measure && qtyFold(toks, first-1) == "of" && first >= 2 {
		if t := toks[first-2]; t.Kind == Word && !qtyStop[t.Fold] && !sieveHas(determinersSieve, determiners, t.Fold) && !capitalText(t.Text) {
			nf.Of = qtyLemma(t.Fold)
			nf.OfText = t.Text + " of"
		}
	}
	if v := frameVerbAfter(toks, after+1); v >= 0 {
		nf.setVerb(toks[v])
	} else if v := frameVerbBefore(toks, first-1); v >= 0 {
		nf.setVerb(toks[v])
		if sub := frameSubject(toks, v-1); sub >= 0 {
			nf.Subject = qtyLemma(toks[sub].Fold)
			nf.SubjectText = toks[sub].Text
		}
	}
	return nf
}

// frameSubject finds the subject of the verb before a figure, from
// toks[k] back: "unemployment" in "unemployment rose 5 percent", "trust"
// in "the trust has paid €9 billion". Pronouns give none.
func frameSubject(toks []Token, k int) int {
	for j := k; j >= 0 && j > k-4; j-- {
		t := toks[j]
		f := t.Fold
		switch {
		case frameAux[f] && f != "'s" && f != "to", frameSkip[f] && f != "who" && f != "that" && f != "which", qtyAdverb(f):
		case t.Kind == Word && !qtyStop[f] && !sieveHas(determinersSieve, determiners, f):
			// "critics of the Harbour Trust want": the head is before "of".
			m := j - 1
			for m >= 0 && m > j-5 && toks[m].Kind == Word && (sieveHas(determinersSieve, determiners, toks[m].Fold) || !qtyStop[toks[m].Fold]) {
				m--
			}
			if qtyFold(toks, m) == "of" && m > 0 && toks[m-1].Kind == Word && !qtyStop[toks[m-1].Fold] {
				return m - 1
			}
			return j
		default:
			return -1
		}
	}
	return -1
}

func (nf *NumberFrame) setVerb(t Token) {
	nf.Verb = VerbKey(t.Fold)
	nf.VerbText = t.Text
	nf.Light = frameLight[nf.Verb]
	nf.Outcome = frameOutcomes[nf.Verb]
}

// frameVerbAfter finds the verb of a figure in subject position, from
// toks[k] on: "twelve states signed", "150 riders, many of them
// children, spent the night", "200 riders from the south set off",
// "people who have been charged".
func frameVerbAfter(toks []Token, k int) int {
	aux := false
	for j := k; j < len(toks) && j < k+10; j++ {
		t := toks[j]
		f := t.Fold
		switch {
		case f == "," && j == k:
			// An insert: "Four people, including a minister, have".
			close := -1
			for m := j + 1; m < len(toks) && m <= j+8; m++ {
				if toks[m].Fold == "," {
					close = m
					break
				}
				if toks[m].Kind == Punct && toks[m].Fold != "." && toks[m].Fold != "'" {
					break
				}
			}
			if close < 0 {
				return -1
			}
			j = close
		case t.Kind == Punct && f != "." && f != "'", f == "and", f == "or", f == "but":
			return -1
		case f == "to" && !aux:
			return -1 // "300 troops to the border": a place, not a verb
		case t.Kind == Punct:
			// an abbreviation's dot or an apostrophe: "U.S. officials"
		case frameAux[f] && f != "'s":
			aux = true
			if next := qtyFold(toks, j+1); (f == "has" || f == "have" || f == "had") && !frameVerbAt(toks, j+1, true) && !frameSkip[next] && !frameAux[next] && !qtyAdverb(next) {
				return j // "three states have borders"
			}
		case frameSkip[f], qtyAdverb(f):
		case frameVerbAt(toks, j, true):
			return j
		case aux && t.Kind == Word && !qtyStop[f] && !sieveHas(determinersSieve, determiners, f) && !capitalText(t.Text) && !framePrepositions[f] && !frameNotVerbs[f]:
			return j // "were also hurt": any word after an auxiliary
		case aux:
			return -1
		case framePrepositions[f], sieveHas(determinersSieve, determiners, f), capitalText(t.Text), t.Kind == Number:
			// a phrase after the noun: "from the south", "in Port Alder"
		case frameReporting[f]:
			return -1
		case t.Kind == Word && !qtyStop[f]:
			// a content word of that phrase
		default:
			return -1
		}
	}
	return -1
}

// frameVerbBefore finds the verb of a figure in object position, from
// toks[k] back: "signed by twelve states", "has at least four dozen
// demands", "given a list of almost four dozen demands".
func frameVerbBefore(toks []Token, k int) int {
	for j := k; j >= 0 && j > k-6; j-- {
		t := toks[j]
		f := t.Fold
		switch {
		case t.Kind == Punct || f == "and" || f == "or" || f == "but" || f == "that" || f == "which" || f == "who":
			return -1
		case frameReporting[f]:
			return -1
		case f == "has" || f == "have" || f == "had" || f == "is" || f == "are" || f == "was" || f == "were":
			return j
		case frameVerbAt(toks, j, false):
			return j
		case j == k && t.Kind == Word && !qtyStop[f] && !sieveHas(determinersSieve, determiners, f) && !capitalText(t.Text) && !qtyAdverb(f):
			return j // a word right before a figure is its verb: "pumps 1.2 million barrels"
		case sieveHas(determinersSieve, determiners, f), f == "of", f == "by", f == "to", f == "for", f == "with", f == "among":
		case t.Kind == Word && !qtyStop[f] && !capitalText(t.Text):
			// the noun a figure is "of": "a list of", "a group of"
		default:
			return -1
		}
	}
	return -1
}

// IsFunctionWord reports whether a folded word is a function word
// ("the", "of", "which"): capitalised at a quote's start it is still no
// name.
func IsFunctionWord(fold string) bool { return qtyStop[fold] }

// frameMeasure reports whether a fact counts money, a percentage or a
// measure: after those, an "in" phrase names the thing ("€9 billion in
// subsidies"), after a count mostly a place ("40 people in the square").
func frameMeasure(f Fact, surface []Token) bool {
	label := f.Label
	if label == "" {
		label = strings.TrimPrefix(f.Slot, "number:")
	}
	if label != "" && qtyContinuous(label) {
		return true
	}
	for _, t := range surface {
		if qtyCurrencySymbols[t.Fold] != "" || qtyCurrencyWords[t.Fold] != "" || qtyUnits[t.Fold] != "" {
			return true
		}
	}
	return false
}

// times collects the years, months and weekdays a sentence names outside
// the figure at toks[first..last]. A month or weekday next to another
// capitalised word is a name ("Governor June Ellis", "Senator Ann March").
func (nf *NumberFrame) times(toks []Token, first, last int) {
	for i, t := range toks {
		if i >= first && i <= last {
			continue
		}
		if t.Kind == Number {
			if v, rest, digits, ok := qtyDigits(t.Fold); ok && rest == "" && digits == 4 && len(t.Fold) == 4 && v >= 1900 && v <= 2100 {
				nf.Years = appendNew(nf.Years, t.Fold)
			}
			continue
		}
		if t.Kind != Word || !capitalText(t.Text) {
			continue
		}
		if i+1 < len(toks) && toks[i+1].Kind == Word && capitalText(toks[i+1].Text) {
			continue
		}
		if i > 0 && toks[i-1].Kind == Word && capitalText(toks[i-1].Text) && !qtyStop[toks[i-1].Fold] {
			continue // "Senator Ann March said"
		}
		if _, ok := dateWeekdays[t.Fold]; ok {
			nf.Weekdays = appendNew(nf.Weekdays, t.Fold)
		} else if m, ok := dateMonthNames[t.Fold]; ok {
			nf.Months = appendNew(nf.Months, m.String())
		} else if m, ok := dateMonthAbbrevs[t.Fold]; ok {
			nf.Months = appendNew(nf.Months, m.String())
		}
	}
}

func appendNew(ss []string, s string) []string {
	for _, x := range ss {
		if x == s {
			return ss
		}
	}
	return append(ss, s)
}

// frameNumberWord reports whether a folded word is a cardinal: "three",
// "twenty-five".
func frameNumberWord(f string) bool {
	_, ok := qtyWordValue(f)
	return ok
}
