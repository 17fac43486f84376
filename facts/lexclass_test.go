package facts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// has reports whether f is a key of m.
func has[V any](m map[string]V, f string) bool {
	_, ok := m[f]
	return ok
}

// lexClassTables lists, apart from lexclass.go, which table each class
// filters look-ups of.
var lexClassTables = map[lexClass]func(string) bool{
	lcHedge:            func(f string) bool { return has(hedges, f) },
	lcPassiveHedge:     func(f string) bool { return has(passiveHedges, f) },
	lcReportVerb:       func(f string) bool { return has(reportVerbs, f) },
	lcDateStart:        func(f string) bool { return has(dateStarts, f) },
	lcQtyClass:         func(f string) bool { return has(qtyClasses, f) },
	lcOrdinal:          func(f string) bool { return has(ordinals, f) },
	lcCardinal:         func(f string) bool { return has(cardinals, f) },
	lcVerbClass:        func(f string) bool { return has(verbClass, f) },
	lcHeadingConnector: func(f string) bool { return has(headingConnectors, f) },
	lcQuoteSpeechVerb:  func(f string) bool { return has(quoteSpeechVerbs, f) },
	lcTitleHead:        func(f string) bool { return has(titleHeads, f) },
	lcHonorific:        func(f string) bool { return has(honorifics, f) },
	lcTitleAbbrev:      func(f string) bool { return has(titleAbbrev, f) },
	lcTitleModifier:    func(f string) bool { return has(titleModifiers, f) },
	lcEventNoun:        func(f string) bool { return has(eventNouns, f) },
	lcTitleWord:        func(f string) bool { return has(titleWords, f) },
	lcQuoteRole:        func(f string) bool { return has(quoteRoles, f) },
	lcPastBase:         func(f string) bool { return has(pastBase, f) },
	lcModalOrDo:        func(f string) bool { return has(modalsAndDo, f) },
	lcNerStop:          func(f string) bool { return has(nerStop, f) },
	lcWeekdayMonth:     func(f string) bool { return has(weekdayMonth, f) },
	lcPlacePrep:        func(f string) bool { return has(placePreps, f) },
	lcSpeechVerb:       func(f string) bool { return has(speechVerbs, f) },
	lcEventPrep:        func(f string) bool { return has(eventPreps, f) },
	lcEventClauseBreak: func(f string) bool { return has(eventClauseBreaks, f) },
	lcNameParticle:     func(f string) bool { return has(nameParticles, f) },
	lcOrgSuffix:        func(f string) bool { return has(orgSuffixes, f) },
	lcNerConnector:     func(f string) bool { return has(nerConnectors, f) },
	lcNameSuffix:       func(f string) bool { return has(nameSuffixWords, f) },
	lcPlaceNoun:        func(f string) bool { return has(placeNouns, f) },
	lcPlaceSuffix:      func(f string) bool { return has(placeSuffixes, f) },
}

// TestLexClassesMatchTables: over the seed articles and fuzz texts, the
// analysed paragraphs hold Tokenize's tokens, every token carries its
// classes, and a class bit is set exactly when the fold is a key of the
// class's table, so a finder that skips the look-up on a clear bit
// answers as the look-up would.
func TestLexClassesMatchTables(t *testing.T) {
	for c := lcHedge; c <= lcLast && c != 0; c <<= 1 {
		if lexClassTables[c] == nil {
			t.Fatalf("class %#x has no table in the test", c)
		}
	}
	texts := append([]string(nil), fuzzTexts...)
	paths, _ := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	x := NewGeneralExtractor("t").x
	checked := 0
	for _, s := range texts {
		a, err := ParseArticle("t.txt", []byte(s))
		if err != nil {
			continue // a fuzz text that is all chrome
		}
		d := x.analyse(&a)
		// The paragraphs tokenised into one shared buffer are the tokens
		// Tokenize gives each paragraph, classes aside.
		for pi, para := range a.Body {
			got := append([]Token(nil), d.paraToks[pi]...)
			for i := range got {
				got[i].cls, got[i].qv, got[i].id = 0, 0, 0
			}
			if diff := cmp.Diff(Tokenize(a.Text, para.Start, para.End), got, cmp.AllowUnexported(Token{})); diff != "" {
				t.Fatalf("paragraph %d: analysed tokens differ from Tokenize (-Tokenize +analyse):\n%s", pi, diff)
			}
		}
		var all [][]Token
		all = append(all, d.paraToks...)
		for _, s := range d.sents {
			all = append(all, s.toks)
		}
		for _, toks := range all {
			for i := range toks {
				tk := &toks[i]
				if tk.cls&lcKnown == 0 {
					t.Fatalf("token %q has no classes", tk.Text)
				}
				plain := *tk
				plain.cls, plain.qv, plain.id = 0, 0, 0
				if tk.verbOf() != verbClass[tk.Fold] {
					t.Errorf("token %q: verb class %d kept, %d in verbClass", tk.Fold, tk.verbOf(), verbClass[tk.Fold])
				}
				// classify gives a token what classifying it alone
				// (classifyOne, the per-token classify it replaced) does,
				// and the id of its fold.
				ref := plain
				classifyOne(&ref)
				if tk.cls != ref.cls || tk.qv != ref.qv {
					t.Errorf("token %q (kind %d): classes %#x/%#x, classified alone %#x/%#x", tk.Fold, tk.Kind, tk.cls, tk.qv, ref.cls, ref.qv)
				}
				if tk.id == 0 || d.voc.lookup(tk.Fold) != tk.id {
					t.Errorf("token %q: id %d, the vocabulary's %d", tk.Fold, tk.id, d.voc.lookup(tk.Fold))
				}
				if got, want := qtyClassOf(tk), qtyClassOf(&plain); got != want {
					t.Errorf("token %q: quantity classes %#x kept, %#x computed", tk.Fold, got, want)
				}
				for c, in := range lexClassTables {
					if got, want := tk.cls&c != 0, in(tk.Fold); got != want {
						t.Errorf("token %q class %#x: bit %v, in its table %v", tk.Fold, c, got, want)
					}
				}
				checked++
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d tokens checked", checked)
	}
	// A token made by hand has no classes: every table is asked.
	hand := Token{Text: "said", Fold: "said", Kind: Word}
	if !hand.may(lcHedge) || !hand.may(lcReportVerb) {
		t.Error("a token without classes must not skip a look-up")
	}
}

// seedTokens returns the tokens of the seed articles and fuzz texts.
func seedTokens(t *testing.T) []Token {
	t.Helper()
	texts := append([]string(nil), fuzzTexts...)
	paths, _ := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	var toks []Token
	for _, s := range texts {
		toks = append(toks, Tokenize(s, 0, len(s))...)
	}
	return toks
}

// TestWordSetFilterChangesNothing: a cue set with its first-word filter
// matches exactly where it matches without it, for the seed topic's cues
// and triggers and for sets of odd cues (a cue of no token matches
// anywhere, a multi-word cue by its first word).
func TestWordSetFilterChangesNothing(t *testing.T) {
	toks := append(seedTokens(t), Tokenize("a \u0301 b", 0, len("a \u0301 b"))...)
	sets := []wordSet{
		newWordSet([]string{"visit", "pull out", "Al-Hakim's", "withdraw"}),
		newWordSet([]string{"  ", "visit"}),
		newWordSet([]string{"\u0301", "pull out"}), // a cue folding to ""
		{},
	}
	topic, _, err := LoadTopic(filepath.Join("..", "seeds", "topic.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range topic.Slots {
		sets = append(sets, newWordSet(s.Cues), newWordSet(s.Triggers))
	}
	matched := 0
	for si, ws := range sets {
		plain := ws
		plain.first = nil
		for i := range toks {
			gl, gok := ws.match(toks, i)
			wl, wok := plain.match(toks, i)
			if gl != wl || gok != wok {
				t.Fatalf("set %d at %q: filtered (%d, %v), plain (%d, %v)", si, toks[i].Text, gl, gok, wl, wok)
			}
			// The slots skip a token on may alone.
			if wok && !ws.may(toks[i].Fold) {
				t.Fatalf("set %d at %q: a cue matches where may says none starts", si, toks[i].Text)
			}
			if gok {
				matched++
			}
		}
	}
	if matched == 0 {
		t.Fatal("no cue matched: the test checks nothing")
	}
}

// TestStripParticleFastPath: the early return for words without a
// particle's hyphen gives what trying every particle gives.
func TestStripParticleFastPath(t *testing.T) {
	ref := func(f string) string {
		for _, p := range particles {
			if strings.HasPrefix(f, p) && len(f) > len(p)+2 {
				return f[len(p):]
			}
		}
		return f
	}
	words := []string{"al-assad", "al-as", "al-ass", "ash-shar", "ibn-saud", "abd-allah", "al-", "a", "", "x-ray", "abu-", "bin-laden", "el-paso"}
	for _, tk := range seedTokens(t) {
		words = append(words, tk.Fold)
	}
	for _, w := range words {
		if got, want := stripParticle(w), ref(w); got != want {
			t.Errorf("stripParticle(%q) = %q, want %q", w, got, want)
		}
	}
}
