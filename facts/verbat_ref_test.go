package facts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// verbAtRef is verbAt before classify kept each token's verbClass value
// and verbAt asked pastBase once: every table is looked up, whatever the
// token's classes.
func verbAtRef(toks []Token, i int) (lem string, stop, ok bool) {
	t := toks[i]
	f := t.Fold
	if t.Kind != Word || t.IsCapitalized() || strings.IndexByte(f, '-') >= 0 || len(f) < 2 {
		return "", false, false
	}
	vc := uint8(0)
	if true {
		vc = verbClass[f]
	}
	switch vc {
	case classAux:
		return "", true, true
	case classNot:
		return "", false, false
	}
	prev := prevContent(toks, i)
	pf := ""
	if prev >= 0 {
		pf = toks[prev].Fold
	}
	// prevMay filters the look-ups of pf by the previous token's classes.
	prevMay := func(lexClass) bool { return true }
	past := pastBase[f] != ""
	modal := prevMay(lcModalOrDo) && modalsAndDo[pf]
	isVerb := false
	switch {
	case past:
		isVerb = !determiners[pf] && !attributiveDeterminers[pf]
	case strings.HasSuffix(f, "ed") && len(f) > 4:
		isVerb = !determiners[pf] && !attributiveDeterminers[pf] && !(prev >= 0 && toks[prev].Kind == Number)
	case strings.HasSuffix(f, "ing") && len(f) > 5:
		isVerb = beForms[pf] || ongoingAux[pf] || pf == "stopped" || pf == "kept" || pf == "resumed" || pf == "after" || pf == "before" || pf == "by" || pf == "while"
	case modal || pf == "not" || pf == "n't":
		isVerb = pf != "to" || knownVerbs[f]
		if pf == "to" && prev > 0 && (toks[prev-1].Fold == "according" || toks[prev-1].Fold == "due") {
			isVerb = false
		}
	case knownVerbs[lemma(f)] && (strings.HasSuffix(f, "s") || knownVerbs[f]):
		isVerb = prev >= 0 && (pronouns[pf] || nameTok(&toks[prev]) && toks[prev].Kind == Word) && !determiners[pf]
		// "the storm hit": a past the same as its base, after a noun.
		if f2, ok := irregular[f]; ok && f2[0] == f && prev >= 0 && toks[prev].Kind == Word && !(prevMay(lcNerStop) && nerStop[pf]) && !attributiveDeterminers[pf] {
			isVerb = true
		}
	}
	if !isVerb {
		return "", false, false
	}
	l := f
	if !(modal || pf == "not" || pf == "n't") || strings.HasSuffix(f, "ed") || past {
		l = lemma(f)
	}
	if i+1 < len(toks) {
		if p, ok := eventPhrases[l+" "+toks[i+1].Fold]; ok {
			l = p // "stepped down" → resign
		}
	}
	if stopVerbs[l] || stopVerbs[canonical(l)] {
		return l, true, true
	}
	return canonical(l), false, true
}

// TestVerbAtMatchesReference: over the analysed sentences of the seed
// articles and fuzz texts, verbAt says of every token what verbAtRef
// says, with the classes classify gave and with none.
func TestVerbAtMatchesReference(t *testing.T) {
	texts := append([]string(nil), fuzzTexts...)
	paths, _ := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	texts = append(texts, readTexts(t, "../../shared/corpus/*/*.txt")...)
	texts = append(texts, "They went to Port Alder, then had gone; the storm hit the coast. He was carrying planned aid and it stopped raining, not agreed.")
	x := NewGeneralExtractor("t").x
	verbs := 0
	for _, s := range texts {
		a, err := ParseArticle("t.txt", []byte(s))
		if err != nil {
			continue
		}
		d := x.analyse(&a)
		for _, sn := range d.sents {
			plain := append([]Token(nil), sn.toks...)
			for i := range plain {
				plain[i].cls, plain[i].qv, plain[i].id = 0, 0, 0
			}
			for i := range sn.toks {
				wl, ws, wok := verbAtRef(sn.toks, i)
				for _, toks := range [][]Token{sn.toks, plain} {
					if l, st, ok := verbAt(toks, i); l != wl || st != ws || ok != wok {
						t.Fatalf("verbAt at %q in %q = (%q, %v, %v), want (%q, %v, %v)", toks[i].Text, a.Text[sn.Start:sn.End], l, st, ok, wl, ws, wok)
					}
				}
				if wok {
					verbs++
				}
			}
		}
	}
	if verbs < 100 {
		t.Fatalf("only %d verbs found: the test checks little", verbs)
	}
}

// FuzzVerbAt holds verbAt to verbAtRef on the tokens of any text.
func FuzzVerbAt(f *testing.F) {
	f.Add("The storm hit the coast and they had gone; it stopped raining.")
	f.Add("Officials say troops withdraws, will withdraw and withdrew from Port Alder.")
	x := NewGeneralExtractor("t").x
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseArticle("t.txt", []byte(s))
		if err != nil {
			return
		}
		d := x.analyse(&a)
		defer d.release()
		for _, sn := range d.sents {
			for i := range sn.toks {
				wl, ws, wok := verbAtRef(sn.toks, i)
				if l, st, ok := verbAt(sn.toks, i); l != wl || st != ws || ok != wok {
					t.Fatalf("verbAt at %q = (%q, %v, %v), want (%q, %v, %v)", sn.toks[i].Text, l, st, ok, wl, ws, wok)
				}
			}
		}
	})
}
