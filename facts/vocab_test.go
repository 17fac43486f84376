package facts

import (
	"fmt"
	"testing"
)

// The word sets of computeNER and newQuoteContext were maps of folds;
// they are foldSets of the doc's vocabulary now. These tests build the
// maps as the finders did and hold the sets to them on the seeds, the
// corpus and the fuzz texts, for the analysed tokens and for copies of
// them without an id (tokens made outside analyse).

func vocabTexts(t *testing.T) []string {
	t.Helper()
	texts := append([]string(nil), fuzzTexts...)
	texts = append(texts, readTexts(t, "../seeds/*.txt", "../../shared/corpus/*/*.txt")...)
	return texts
}

// nerSetsRef is computeNER's first pass as it was, with maps.
func nerSetsRef(d *doc) (capMid, lower map[string]bool) {
	capMid, lower = map[string]bool{}, map[string]bool{}
	for _, s := range d.sents {
		if isHeading(s.toks) {
			continue
		}
		start := datelineEnd(s.toks)
		for j := start; j < len(s.toks); j++ {
			t := s.toks[j]
			if t.Kind != Word {
				continue
			}
			if nameTok(&t) {
				if j > start && !isInitial(s.toks, j) {
					capMid[t.Fold] = true
				}
			} else if j > start {
				lower[t.Fold] = true
			}
		}
	}
	return capMid, lower
}

// quoteSetsRef is newQuoteContext's sets as they were, with maps.
func quoteSetsRef(d *doc) (lower, midCap map[string]bool) {
	lower, midCap = map[string]bool{}, map[string]bool{}
	for _, toks := range d.paraToks {
		for k, t := range toks {
			if t.Kind != Word {
				continue
			}
			if !t.IsCapitalized() {
				lower[t.Fold] = true
			} else if k > 0 && (toks[k-1].Kind == Word || toks[k-1].Fold == ",") {
				midCap[t.Fold] = true
			}
		}
	}
	return lower, midCap
}

// checkSet holds a foldSet to a map for every token of the doc, with its
// id and without.
func checkSet(t *testing.T, name string, d *doc, set *foldSet, ref map[string]bool) int {
	t.Helper()
	n := 0
	var all [][]Token
	all = append(all, d.paraToks...)
	for _, s := range d.sents {
		all = append(all, s.toks)
	}
	for _, toks := range all {
		for i := range toks {
			tk := toks[i]
			plain := tk
			plain.id, plain.cls, plain.qv = 0, 0, 0
			for _, x := range []*Token{&tk, &plain} {
				if got, want := set.has(x), ref[x.Fold]; got != want {
					t.Fatalf("%s: %q (id %d): in set %v, in map %v", name, x.Fold, x.id, got, want)
				}
			}
			n++
		}
	}
	// A fold the doc does not have is in neither.
	for _, f := range []string{"zzqx-not-a-word", "", "Ellis"} {
		x := Token{Text: f, Fold: f, Kind: Word}
		if got, want := set.has(&x), ref[f]; got != want {
			t.Fatalf("%s: %q: in set %v, in map %v", name, f, got, want)
		}
	}
	return n
}

func TestVocabSetsMatchMaps(t *testing.T) {
	x := NewGeneralExtractor("t").x
	checked := 0
	for _, s := range vocabTexts(t) {
		a, err := ParseArticle("t.txt", []byte(s))
		if err != nil {
			continue
		}
		d := x.analyse(&a)
		nd := computeNER(d)
		capRef, lowRef := nerSetsRef(d)
		// computeNER keeps lower; capMid is rebuilt here as it builds it.
		capMid := d.voc.newSet()
		for _, s := range d.sents {
			if isHeading(s.toks) {
				continue
			}
			start := datelineEnd(s.toks)
			for j := start + 1; j < len(s.toks); j++ {
				if tk := &s.toks[j]; tk.Kind == Word && nameTok(tk) && !isInitial(s.toks, j) {
					capMid.add(tk)
				}
			}
		}
		checked += checkSet(t, "ner lower", d, &nd.lower, lowRef)
		checkSet(t, "ner capMid", d, &capMid, capRef)
		if quotes := scanQuotes(a.Text, a.Body); len(quotes) > 0 {
			qc := newQuoteContext(d, quotes)
			qLow, qMid := quoteSetsRef(d)
			checkSet(t, "quote lower", d, &qc.lower, qLow)
			checkSet(t, "quote midCap", d, &qc.midCap, qMid)
		}
		d.release()
	}
	if checked < 5000 {
		t.Fatalf("only %d tokens checked: the test checks little", checked)
	}
}

// A vocabulary that runs out of ids classifies the rest of the tokens
// alone and keeps their folds in the sets' maps: answers do not change.
func TestVocabOverflow(t *testing.T) {
	text := "Governor June Ellis said the Harbour Trust would meet on Monday, and ellis agreed."
	toks := Tokenize(text, 0, len(text))
	// A table as grown for a full vocabulary; the ids are then pretended
	// used up after the first three folds.
	v := &vocab{slots: make([]vocabSlot, 2*(maxVocab+1)), ents: make([]vocabEntry, 1)}
	v.classify(toks[:3])
	v.ents = append(v.ents, make([]vocabEntry, maxVocab+1-len(v.ents))...)
	v.classify(toks[3:])
	for i := range toks {
		ref := toks[i]
		ref.cls, ref.qv, ref.id = 0, 0, 0
		classifyOne(&ref)
		if toks[i].cls != ref.cls || toks[i].qv != ref.qv {
			t.Errorf("%q: classes %#x/%#x, want %#x/%#x", toks[i].Fold, toks[i].cls, toks[i].qv, ref.cls, ref.qv)
		}
		if v.lookup(toks[i].Fold) != toks[i].id {
			t.Errorf("%q: id %d, looked up %d", toks[i].Fold, toks[i].id, v.lookup(toks[i].Fold))
		}
		if early := toks[i].Fold == toks[0].Fold || toks[i].Fold == toks[1].Fold || toks[i].Fold == toks[2].Fold; early != (toks[i].id != 0) {
			t.Errorf("%q (token %d): id %d", toks[i].Fold, i, toks[i].id)
		}
	}
	set := v.newSet()
	ref := map[string]bool{}
	for i := range toks {
		if i%2 == 0 {
			set.add(&toks[i])
			ref[toks[i].Fold] = true
		}
	}
	for i := range toks {
		if got, want := set.has(&toks[i]), ref[toks[i].Fold]; got != want {
			t.Errorf("%q: in set %v, want %v", toks[i].Fold, got, want)
		}
	}
}

// The table grows and is emptied for the next article without losing or
// keeping a fold.
func TestVocabGrowAndRelease(t *testing.T) {
	v := newVocab()
	var toks []Token
	for i := range 5000 {
		w := fmt.Sprintf("w%d", i%3000)
		toks = append(toks, Token{Text: w, Fold: w, Kind: Word})
	}
	v.classify(toks)
	if v.size() != 3001 {
		t.Fatalf("%d ids for 3,000 folds", v.size()-1)
	}
	for i := range toks {
		if want := uint16(i%3000 + 1); toks[i].id != want || v.lookup(toks[i].Fold) != want {
			t.Fatalf("%q: id %d, looked up %d, want %d", toks[i].Fold, toks[i].id, v.lookup(toks[i].Fold), want)
		}
	}
	v.reset() // as release does, without giving it to the pool
	for _, f := range []string{"w0", "w1", "w2999"} {
		if id := v.lookup(f); id != 0 {
			t.Fatalf("%q has id %d in a vocabulary emptied", f, id)
		}
	}
	for _, sl := range v.slots {
		if sl.id != 0 || sl.fold != "" {
			t.Fatalf("slot %+v left in a vocabulary emptied", sl)
		}
	}
}

// TestLexCacheMatchesClassifyOne: vocabularies that take classes from
// the shared table, filled by the articles before, give every token the
// classes classifyOne gives it alone; and a full table takes no more.
func TestLexCacheMatchesClassifyOne(t *testing.T) {
	var texts []string
	texts = append(texts, fuzzTexts...)
	texts = append(texts, readTexts(t, "../seeds/*.txt", "../../shared/corpus/*/*.txt")...)
	checked := 0
	for round := range 3 {
		for _, s := range texts {
			toks := Tokenize(s, 0, len(s))
			v := newVocab()
			v.classify(toks)
			for _, tk := range toks {
				ref := tk
				ref.cls, ref.qv, ref.id = 0, 0, 0
				classifyOne(&ref)
				if tk.cls != ref.cls || tk.qv != ref.qv {
					t.Fatalf("round %d, token %q (kind %d): classes %#x/%#x, classified alone %#x/%#x", round, tk.Fold, tk.Kind, tk.cls, tk.qv, ref.cls, ref.qv)
				}
			}
			checked += len(toks)
			v.release()
		}
	}
	if tab := lexShared.Load(); tab == nil || tab.n == 0 {
		t.Fatal("the shared table was never filled: the test checks little")
	}
	if checked < 1000 {
		t.Fatalf("only %d tokens checked", checked)
	}
	small := &lexTable{slots: make([]lexCacheSlot, 8)}
	var p []lexCacheSlot
	for k, w := range []string{"a", "b", "c", "d", "e", "a"} {
		p = append(p, lexCacheSlot{fold: w, hash: uint32(k % 5), kind: Word, cls: lcKnown})
	}
	small.add(p)
	if small.n != 4 || !small.full() {
		t.Fatalf("a table of 8 slots holds %d pairs (full %v), want 4 (half) and full", small.n, small.full())
	}
	if sl := small.find("a", Number, 0); sl.kind != 0 {
		t.Fatal("a pair of another kind was found")
	}
}
