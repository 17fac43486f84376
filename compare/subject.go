package compare

import (
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/facts"
)

// subjectTie says what ties some pair of incompatible values of a
// generated slot to one thing, and how sure that is: they share a proper
// name (by name key). Figures and lengths of time also need a compatible
// frame (numberSubjectTie): "about 150 migrants … U.S. immigration
// officials" and "about 200 migrants … U.S. border officers" share
// "U.S."; "150 of the convoy's members" and "dozens of members of the
// news media" share nothing, and get confidence 0 with why saying so.
//
// Dates need more: the same event. A name that runs through the whole
// story (common: "Hale" in a story about Governor Hale) dates no event, and a
// lede's date against a year or a month named in passing ("took over in
// May 2017" against "a June 2016 meeting") are not the same date, nor are
// two ledes' dates of different events ("boarded on Wednesday" against "a
// fire broke out on Tuesday").
func subjectTie(kind facts.Kind, fs []facts.Fact, story storyDates) (why string, confidence float64) {
	common := story.common
	ctx := make([]sentenceWords, len(fs))
	for i, f := range fs {
		ctx[i] = story.words.of(f, story.tokens)
		if kind == facts.KindDate {
			ctx[i] = withoutNames(ctx[i], common)
		}
	}
	if kind == facts.KindNumber || kind == facts.KindDuration {
		return numberSubjectTie(kind, fs, ctx, story.frames)
	}
	why = "the sentences share no name or phrase"
	pv := readValues(kind, fs)
	for i := range fs {
		for j := i + 1; j < len(fs); j++ {
			if fs[i].Article == fs[j].Article || !incompatiblePair(kind, &pv[i], &pv[j]) {
				continue
			}
			if kind == facts.KindDate && (coarseLede(fs[i]) || coarseLede(fs[j])) {
				why = "a lede's date against a date named in passing"
				continue
			}
			if kind == facts.KindDate && !story.sameLedeEvent(fs[i], fs[j]) {
				why = "the ledes date different events"
				continue
			}
			if w, ok := ctx[i].shares(ctx[j], kind); ok {
				return w, 0.8
			}
		}
	}
	if kind == facts.KindDate && len(common) > 0 && why == "the sentences share no name or phrase" {
		why = "the sentences share no name of the event, only the story's"
	}
	return why, 0
}

// coarseLede reports whether a fact is a lede's date coarser than a week:
// a lede dates its main event to the day, so a year or a month there is
// one named in passing.
func coarseLede(f facts.Fact) bool {
	if f.Slot != "date:lede" {
		return false
	}
	d, err := facts.ParseDateValue(f.Value)
	return err == nil && d.Precision != facts.PrecisionDay && d.Precision != facts.PrecisionWeek
}

// numberSubjectTie is subjectTie for figures and lengths of time: the
// most confident tie of any incompatible pair, read from their frames (see
// numberTie). With no tie it says why the pair that came closest may count
// different things.
func numberSubjectTie(kind facts.Kind, fs []facts.Fact, ctx []sentenceWords, memo frameMemo) (string, float64) {
	// numberTie reads only a pair's frames and words, and those follow
	// from what a fact's frame is keyed by and its source (ctx[i] is
	// subjectTie's, made from the sentence and surface): the outlets
	// running one wire sentence make a few such classes of a slot's
	// figures, and each pair of classes is tied once, not each pair of
	// facts (a 50-article slot has over a thousand).
	type tieClass struct {
		frame  frameKey
		source string
	}
	frames := make([]facts.NumberFrame, 0, len(fs))
	class := make([]int32, len(fs))
	classOf := make(map[tieClass]int32, len(fs))
	for i := range fs {
		f := &fs[i]
		k := tieClass{frameKeyOf(f), f.Source}
		c, ok := classOf[k]
		if !ok {
			c = int32(len(frames))
			classOf[k] = c
			frames = append(frames, memo.of(f))
			ctx[c] = withoutSource(*f, ctx[i])
		}
		class[i] = c
	}
	type tie struct {
		why  string
		conf float64
	}
	ties := map[[2]int32]tie{}
	why, conf := "the sentences share no name or phrase", 0.0
	pv := readValues(kind, fs)
	for i := range fs {
		for j := i + 1; j < len(fs); j++ {
			if fs[i].Article == fs[j].Article || !incompatiblePair(kind, &pv[i], &pv[j]) {
				continue
			}
			ci, cj := class[i], class[j]
			t, ok := ties[[2]int32{ci, cj}]
			if !ok {
				t.why, t.conf = numberTie(frames[ci], frames[cj], ctx[ci], ctx[cj])
				ties[[2]int32{ci, cj}] = t
			}
			if t.conf > conf {
				why, conf = t.why, t.conf
			}
		}
	}
	return why, conf
}

// frameMemo holds facts.NumberFrameOf of the figures already read, by
// all it reads of a fact: its sentence, its surface and where in the
// sentence, and its label or slot (frameMeasure). The outlets of one
// story run the same wire sentence, and framing a figure tokenises its
// whole sentence: it was a third of subjectTie. The frames are only
// read (their Modifiers shared). A nil memo frames each time.
type frameMemo map[frameKey]facts.NumberFrame

type frameKey struct {
	sentence, surface, label, slot string
	at                             int
}

func frameKeyOf(f *facts.Fact) frameKey {
	return frameKey{f.Sentence, f.Surface, f.Label, f.Slot, f.Span.Start - f.SentenceSpan.Start}
}

func (m frameMemo) of(f *facts.Fact) facts.NumberFrame {
	if m == nil {
		return facts.NumberFrameOf(*f)
	}
	k := frameKeyOf(f)
	nf, ok := m[k]
	if !ok {
		nf = facts.NumberFrameOf(*f)
		m[k] = nf
	}
	return nf
}

// sentenceWords are the names and content words of a fact's sentence,
// outside the fact's own surface.
type sentenceWords struct {
	names map[string]string // name key → the name as written
	words map[string]bool
}

// shares reports whether two sentences share a name or three content
// words, and says which (figures are tied by numberTie). Dates need a
// name: words such as "border" run through a whole story and tie no two
// dates to one event.
func (a sentenceWords) shares(b sentenceWords, kind facts.Kind) (string, bool) {
	var names []string
	for n, surface := range a.names {
		if _, ok := b.names[n]; ok {
			names = append(names, surface)
		}
	}
	if len(names) > 0 {
		sort.Strings(names)
		return "shared names: " + strings.Join(names, ", "), true
	}
	if kind == facts.KindDate {
		return "", false
	}
	var shared []string
	for w := range a.words {
		if b.words[w] {
			shared = append(shared, w)
		}
	}
	if len(shared) < 3 {
		return "", false
	}
	sort.Strings(shared)
	return "shared words: " + strings.Join(shared, ", "), true
}

// contextStop are frequent words that say nothing about what a sentence
// is about.
var contextStop = map[string]bool{
	"that": true, "this": true, "with": true, "from": true, "they": true,
	"their": true, "have": true, "were": true, "been": true, "said": true,
	"will": true, "would": true, "which": true, "when": true, "where": true,
	"about": true, "after": true, "before": true, "more": true, "than": true,
	"some": true, "into": true, "also": true, "there": true, "what": true,
	"them": true, "then": true, "while": true, "many": true, "most": true,
	"other": true, "over": true, "says": true, "told": true, "according": true,
}

// tokenMemo holds the tokens of the sentences and surfaces already read:
// a sentence states several facts, and a fact is read for every slot it
// is compared in. The tokens are only read, and their spans not at all:
// a sentence's may be its paragraph's (nameMemo.ofFact), in the article.
// A nil memo tokenises.
type tokenMemo map[string][]facts.Token

func (m tokenMemo) of(s string) []facts.Token {
	if m == nil {
		return facts.Tokenize(s, 0, len(s))
	}
	toks, ok := m[s]
	if !ok {
		toks = facts.Tokenize(s, 0, len(s))
		m[s] = toks
	}
	return toks
}

// withoutNames returns sw without the names in drop: sw itself when it
// has none of them, else a copy (sw may be shared, see wordsMemo).
func withoutNames(sw sentenceWords, drop map[string]bool) sentenceWords {
	any := false
	for k := range sw.names {
		if drop[k] {
			any = true
			break
		}
	}
	if !any {
		return sw
	}
	out := sentenceWords{names: make(map[string]string, len(sw.names)), words: sw.words}
	for k, v := range sw.names {
		if !drop[k] {
			out.names[k] = v
		}
	}
	return out
}

// wordsMemo holds wordsOf of the facts already read, by sentence and
// surface (all it reads): a sentence is compared in every slot it states
// a value of. The words are only read, never changed. A nil memo reads
// each time.
type wordsMemo map[[2]string]sentenceWords

func (m wordsMemo) of(f facts.Fact, tokens tokenMemo) sentenceWords {
	if m == nil {
		return wordsOf(f, tokens)
	}
	k := [2]string{f.Sentence, f.Surface}
	sw, ok := m[k]
	if !ok {
		sw = wordsOf(f, tokens)
		m[k] = sw
	}
	return sw
}

func wordsOf(f facts.Fact, memo tokenMemo) sentenceWords {
	sw := sentenceWords{names: map[string]string{}, words: map[string]bool{}}
	toks := memo.of(f.Sentence)
	own := map[string]bool{}
	for _, t := range memo.of(f.Surface) {
		own[t.Fold] = true
	}
	for i, t := range toks {
		if t.Kind != facts.Word || own[t.Fold] {
			continue
		}
		if t.IsCapitalized() && i > 0 && toks[i-1].Fold != "." {
			if facts.IsCalendarName(t.Fold) || facts.IsFunctionWord(t.Fold) {
				continue // "Sunday" ties no two figures to one group
			}
			if k := facts.NameKey(t.Text); k != "" {
				sw.names[k] = t.Text
			}
			continue
		}
		if len(t.Fold) >= 4 && !contextStop[t.Fold] && !strings.Contains(t.Fold, "'") {
			sw.words[t.Fold] = true
		}
	}
	return sw
}
