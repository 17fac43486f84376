package facts

import (
	"reflect"
	"testing"
)

// verbAttributionRef is verbAttribution before it appended to the
// sentence's attributions instead of returning a slice of its own.
func verbAttributionRef(toks []Token, i int) []attribution {
	n := len(toks)
	// What follows the verb: the reported content, or only an adverbial
	// tail ("on Tuesday", "in a statement") when the attribution trails
	// the claim.
	k := i + 1
	for k < n && (tailWords[toks[k].Fold] || toks[k].Kind == Number || toks[k].Kind == Word && toks[k].IsCapitalized() && k > i+1 && tailWords[toks[k-1].Fold]) {
		k++
	}
	trailing := k >= n || toks[k].Fold == "." || toks[k].Fold == "?" || toks[k].Fold == "!"
	before := phraseBefore(toks, i)
	// '…," she said, "and …', '…, police said, adding that …' and the
	// parenthetical "The river rose, the mayor said, and …": the source
	// speaks on after the verb as well.
	resumes := k+1 < n && toks[k].Fold == "," && (toks[k+1].Fold == "\"" || participleLeads[toks[k+1].Fold] ||
		before.from > 0 && toks[before.from-1].Fold == ",")
	if k == i+1 {
		// Punctuation straight after the verb ("said: …", "says, …")
		// introduces the content unless it trails.
		for k < n && toks[k].Kind == Punct && toks[k].Fold != "." && toks[k].Fold != "\"" && !resumes {
			k++
		}
		trailing = trailing || k >= n || toks[k].Fold == "." || toks[k].Fold == "?" || toks[k].Fold == "!"
	}
	if before.to <= before.from {
		// "Jane Roe, director of the Harbour Trust, said …": the
		// appositive names the person's role; the source is the person.
		if a, ok := appositiveSubject(toks, i); ok {
			before = a
		}
	}
	if before.to <= before.from && toks[i].Fold == "said" && i > 0 && (toks[i-1].Fold == "," || toks[i-1].Fold == "\"") {
		// '…," said Ramani.' — the source follows the verb.
		after := phraseAfter(toks, i+1)
		if after.to <= after.from {
			return nil
		}
		return []attribution{{from: clauseStart(toks, i-1), to: i, source: after.span(toks)}}
	}
	if before.to <= before.from {
		return nil
	}
	if i > 0 && beForms[toks[i-1].Fold] {
		return nil // "is said to" is a hedge, handled elsewhere
	}
	src := before.span(toks)
	if resumes {
		return []attribution{
			{from: clauseStart(toks, before.from), to: before.from, source: src},
			{from: k + 1, to: n, source: src},
		}
	}
	if trailing {
		return []attribution{{from: clauseStart(toks, before.from), to: before.from, source: src}}
	}
	to := n
	if before.from > 0 && relatives[toks[before.from-1].Fold] {
		// "The vote, which officials said was fair, ended at noon": the
		// relative clause ends at the next comma.
		for j := i + 1; j < n; j++ {
			if toks[j].Fold == "," {
				to = j
				break
			}
		}
	}
	return []attribution{{from: i + 1, to: to, source: src}}
}

// TestAppendVerbAttributionMatchesReference: at every report verb of the
// analysed sentences of the seeds, the corpus and the fuzz texts,
// appendVerbAttribution appends to what is already there what
// verbAttributionRef returned.
func TestAppendVerbAttributionMatchesReference(t *testing.T) {
	texts := append([]string(nil), fuzzTexts...)
	texts = append(texts, readTexts(t, "../seeds/*.txt", "../../shared/corpus/*/*.txt")...)
	x := NewGeneralExtractor("t").x
	found := 0
	prefix := []attribution{{from: 1, to: 2, hedge: "reportedly"}}
	for _, s := range texts {
		a, err := ParseArticle("t.txt", []byte(s))
		if err != nil {
			continue
		}
		d := x.analyse(&a)
		for _, sn := range d.sents {
			for i := range sn.toks {
				if !reportVerbs[sn.toks[i].Fold] {
					continue
				}
				want := verbAttributionRef(sn.toks, i)
				got := appendVerbAttribution(append([]attribution(nil), prefix...), sn.toks, i)
				if !reflect.DeepEqual(got, append(append([]attribution(nil), prefix...), want...)) {
					t.Fatalf("appendVerbAttribution at %q = %+v, want the prefix and %+v", sn.toks[i].Text, got, want)
				}
				if len(want) > 0 {
					found++
				}
			}
		}
		d.release()
	}
	if found < 50 {
		t.Fatalf("only %d attributions: the test checks little", found)
	}
}
