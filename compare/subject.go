package compare

import (
	"strings"

	"github.com/crosscheck-news/crosscheck/facts"
)

// sameSubject reports whether some pair of incompatible values of a
// generated slot comes from sentences about the same thing: they share a
// proper name (by name key) or, for numbers, three content words beyond
// the slot's own.
// "about 150 migrants … U.S. immigration officials" and "about 200
// migrants … U.S. border officers" share "U.S."; "150 of the caravan's
// members" and "dozens of members of the news media" share nothing.
func sameSubject(kind facts.Kind, fs []facts.Fact) bool {
	ctx := make([]sentenceWords, len(fs))
	for i, f := range fs {
		ctx[i] = wordsOf(f)
	}
	for i := range fs {
		for j := i + 1; j < len(fs); j++ {
			if fs[i].Article == fs[j].Article || !incompatible(kind, []facts.Fact{fs[i], fs[j]}) {
				continue
			}
			if ctx[i].shares(ctx[j], kind) {
				return true
			}
		}
	}
	return false
}

// sentenceWords are the names and content words of a fact's sentence,
// outside the fact's own surface.
type sentenceWords struct {
	names map[string]bool
	words map[string]bool
}

// shares reports whether two sentences share a name or, for numbers,
// three content words. Dates need a name: words such as "border" run
// through a whole story and tie no two dates to one event.
func (a sentenceWords) shares(b sentenceWords, kind facts.Kind) bool {
	for n := range a.names {
		if b.names[n] {
			return true
		}
	}
	if kind == facts.KindDate {
		return false
	}
	shared := 0
	for w := range a.words {
		if b.words[w] {
			shared++
		}
	}
	return shared >= 3
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

func wordsOf(f facts.Fact) sentenceWords {
	sw := sentenceWords{names: map[string]bool{}, words: map[string]bool{}}
	toks := facts.Tokenize(f.Sentence, 0, len(f.Sentence))
	own := map[string]bool{}
	for _, t := range facts.Tokenize(f.Surface, 0, len(f.Surface)) {
		own[t.Fold] = true
	}
	for i, t := range toks {
		if t.Kind != facts.Word || own[t.Fold] {
			continue
		}
		if t.IsCapitalized() && i > 0 && toks[i-1].Fold != "." {
			if facts.IsCalendarName(t.Fold) {
				continue // "Sunday" ties no two figures to one group
			}
			if k := facts.NameKey(t.Text); k != "" {
				sw.names[k] = true
			}
			continue
		}
		if len(t.Fold) >= 4 && !contextStop[t.Fold] && !strings.Contains(t.Fold, "'") {
			sw.words[t.Fold] = true
		}
	}
	return sw
}
