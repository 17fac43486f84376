package compare

import (
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/facts"
)

// Confidences of a tie between two figures of one number slot. Sharing the
// slot's noun proves little ("twelve member states" that signed a treaty
// and "three states" that border a river); what proves the same referent
// is the frame around the noun (its modifiers, its "of" phrase, its verb)
// and the names of the sentences.
const (
	// frameAndContext: the frame and a name or phrase of the sentences
	// agree.
	frameAndContext = 0.9
	// contextOnly: a name or phrase is shared, nothing in the frames
	// differs.
	contextOnly = 0.8
	// contextOtherVerb: a name or phrase is shared, but the figures
	// belong to different verbs: "150 riders spent the night", "200
	// riders set off at dawn" are one group told of in two ways. Verbs
	// of outcome ("30 people were killed", "100 were injured") are kept
	// apart before this (see facts.NumberFrame.Outcome).
	contextOtherVerb = 0.7
	// fullFrame: two elements of the frame are shared ("police
	// arrested", "ferry workers walked out"), though no name is.
	fullFrame = 0.7
	// frameOnly: one element of the frame is shared ("were charged"),
	// the sentences share no name: two incidents of one story read alike.
	frameOnly = 0.6
	// otherFrame: disjoint modifiers; different verbs with different
	// modifiers, or two different verbs of outcome; a measure with
	// different subjects ("unemployment rose", "prices rose"); sentences
	// naming different years, months or weekdays.
	otherFrame = 0.3
	// otherThing: the "of" phrases name different things ("of imports",
	// "of subsidies"), or one figure is a part or the whole of a set the
	// other is not.
	otherThing = 0.2
)

// numberTie says whether two figures of one number slot are about the same
// thing, and how sure that is. See the constants above for the ladder.
func numberTie(fa, fb facts.NumberFrame, wa, wb sentenceWords) (string, float64) {
	if fa.Of != "" && fb.Of != "" && fa.Of != fb.Of {
		return "perhaps different things: " + fa.Text() + " / " + fb.Text(), otherThing
	}
	if fa.Whole != fb.Whole {
		return "perhaps different things, a part and a whole: " + frameText(fa) + " / " + frameText(fb), otherThing
	}
	sameVerb := fa.Verb != "" && fa.Verb == fb.Verb && !fa.Light && !fb.Light
	if fa.Part != fb.Part && !sameVerb {
		// "two of the three suspects are women", "three suspects
		// appeared in court"
		return "perhaps different things, a part and a whole: " + frameText(fa) + " / " + frameText(fb), otherThing
	}
	if t, ok := otherTimes(fa, fb); ok {
		return "perhaps different times: " + frameText(fa) + " / " + frameText(fb) + " (" + t + ")", otherFrame
	}
	verbsDiffer := fa.Verb != "" && fb.Verb != "" && !fa.Light && !fb.Light && fa.Verb != fb.Verb
	ma, mb := setOf(fa.Modifiers), setOf(fb.Modifiers)
	var common []string
	for m := range ma {
		if mb[m] {
			common = append(common, m)
		}
	}
	sort.Strings(common)
	modsDiffer := len(ma) != len(mb) || len(common) != len(ma)
	if (len(ma) > 0 && len(mb) > 0 && len(common) == 0) || (verbsDiffer && (modsDiffer || fa.Outcome && fb.Outcome)) {
		return "perhaps different things: " + frameText(fa) + " / " + frameText(fb), otherFrame
	}
	var shared []string
	parts := 0 // elements of the frame the figures share
	if fa.Of != "" && fa.Of == fb.Of {
		shared = append(shared, fa.OfText)
		parts++
	}
	if len(common) > 0 {
		shared = append(shared, common...)
		parts++
	}
	otherSubjects := fa.Subject != "" && fb.Subject != "" && fa.Subject != fb.Subject
	if otherSubjects && fa.Measure && parts == 0 {
		// "unemployment rose 5 percent", "prices rose 3 percent"
		return "perhaps different things: " + frameText(fa) + " / " + frameText(fb), otherFrame
	}
	if fa.Subject != "" && fa.Subject == fb.Subject {
		shared = append(shared, fa.SubjectText)
		parts++
	}
	if fa.Verb != "" && fa.Verb == fb.Verb && !fa.Light && !otherSubjects {
		shared = append(shared, fa.VerbText)
		parts++
	}
	frame := parts > 0
	names := wa.sharedNames(wb)
	words := wa.sharedWords(wb)
	context := len(names) > 0 || len(words) >= 3
	shared = append(shared, names...)
	if len(names) == 0 && len(words) >= 3 {
		shared = append(shared, words...)
	}
	var conf float64
	switch {
	case frame && context:
		conf = frameAndContext
	case context && verbsDiffer:
		conf = contextOtherVerb
	case context:
		conf = contextOnly
	case parts >= 2:
		conf = fullFrame
	case frame:
		conf = frameOnly
	default:
		return "the sentences share no name or phrase", 0
	}
	if fa.Measure && !frame && conf > frameOnly {
		// "€4 billion" and "€9 billion" in sentences that share a name
		// share a currency, not a thing: the thing is in the frame.
		return "perhaps different things, a shared unit only: " + frameText(fa) + " / " + frameText(fb), frameOnly
	}
	what := frameText(fa)
	if verbsDiffer {
		what += " / " + frameText(fb)
	}
	lead := "same thing: "
	switch {
	case conf >= ContradictionConfidence:
	case verbsDiffer:
		lead = "perhaps the same thing, told with other verbs: "
	default:
		lead = "perhaps the same thing, no name shared: "
	}
	return lead + what + " (shared: " + strings.Join(shared, ", ") + ")", conf
}

// frameText describes a figure and its thing for a reader: "twelve
// member states (signed)", "€4 billion of imports".
func frameText(nf facts.NumberFrame) string {
	var b strings.Builder
	if nf.SubjectText != "" {
		b.WriteString(nf.SubjectText + " " + nf.VerbText + " ")
	}
	b.WriteString(nf.Text())
	if nf.SubjectText != "" {
		return b.String()
	}
	if nf.VerbText != "" && !nf.Light {
		b.WriteString(" (" + nf.VerbText + ")")
	}
	return b.String()
}

func setOf(ss []string) map[string]bool {
	m := make(map[string]bool, len(ss))
	for _, s := range ss {
		m[s] = true
	}
	return m
}

// sharedNames lists, sorted, the names two sentences share, as a writes
// them.
func (a sentenceWords) sharedNames(b sentenceWords) []string {
	var names []string
	for n, surface := range a.names {
		if _, ok := b.names[n]; ok {
			names = append(names, surface)
		}
	}
	sort.Strings(names)
	return names
}

// sharedWords lists, sorted, the content words two sentences share.
func (a sentenceWords) sharedWords(b sentenceWords) []string {
	var words []string
	for w := range a.words {
		if b.words[w] {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	return words
}

// otherTimes reports whether two figures' sentences name different years,
// months or weekdays ("in 2016" / "in 2018") and says which.
func otherTimes(fa, fb facts.NumberFrame) (string, bool) {
	for _, p := range [][2][]string{{fa.Years, fb.Years}, {fa.Months, fb.Months}, {fa.Weekdays, fb.Weekdays}} {
		a, b := p[0], p[1]
		if len(a) == 0 || len(b) == 0 {
			continue
		}
		common := false
		for _, x := range a {
			if setOf(b)[x] {
				common = true
				break
			}
		}
		if !common {
			return strings.Join(a, ", ") + " / " + strings.Join(b, ", "), true
		}
	}
	return "", false
}

// withoutSource drops from a figure's sentence names those of the source
// it is attributed to: "Governor Ellis said" ties no two figures to one
// thing, since the speaker of a story speaks of many.
func withoutSource(f facts.Fact, sw sentenceWords) sentenceWords {
	if f.Source == "" {
		return sw
	}
	drop := map[string]bool{}
	for _, t := range facts.Tokenize(f.Source, 0, len(f.Source)) {
		if t.Kind == facts.Word && t.IsCapitalized() {
			drop[facts.NameKey(t.Text)] = true
		}
	}
	out := sentenceWords{names: map[string]string{}, words: sw.words}
	for k, v := range sw.names {
		if !drop[k] {
			out.names[k] = v
		}
	}
	return out
}
