package facts

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSievesHoldTheirKeys: every key of a sieved table passes its sieve,
// checked after the package's tables were built and after extracting
// the seeds, so a table written after its sieve was made (which would
// make the sieve turn its new keys away) fails here.
func TestSievesHoldTheirKeys(t *testing.T) {
	check := func() {
		t.Helper()
		for _, s := range []struct {
			name string
			b    *foldBloom
			keys []string
		}{
			{"determiners", determinersSieve, keysOf(determiners)},
			{"attributiveDeterminers", attributiveDeterminersSieve, keysOf(attributiveDeterminers)},
			{"placeAdjectives", placeAdjectivesSieve, keysOf(placeAdjectives)},
			{"placeNounAdjectives", placeNounAdjectivesSieve, keysOf(placeNounAdjectives)},
			{"knownVerbs", knownVerbsSieve, keysOf(knownVerbs)},
			{"stopVerbs", stopVerbsSieve, keysOf(stopVerbs)},
			{"quoteLeadWords", quoteLeadWordsSieve, keysOf(quoteLeadWords)},
			{"dateNumberWords", dateNumberWordsSieve, keysOf(dateNumberWords)},
			{"dateTense", dateTenseSieve, keysOf(dateTense)},
			{"datePartWords", datePartWordsSieve, keysOf(datePartWords)},
			{"datePartOf", datePartOfSieve, keysOf(datePartOf)},
			{"dateSeasonNames", dateSeasonNamesSieve, keysOf(dateSeasonNames)},
			{"canonicalLemma", canonicalLemmaSieve, keysOf(canonicalLemma)},
			{"qtyQualifiers", qtyQualifiersSieve, keysOf(qtyQualifiers)},
			{"qtyVague", qtyVagueSieve, keysOf(qtyVague)},
			{"beForms", beFormsSieve, keysOf(beForms)},
			{"ongoingAux", ongoingAuxSieve, keysOf(ongoingAux)},
			{"quoteCharacterVerbs", quoteCharacterVerbsSieve, keysOf(quoteCharacterVerbs)},
			{"subjectBreaks", subjectBreaksSieve, keysOf(subjectBreaks)},
			{"quoteAuxiliaries", quoteAuxiliariesSieve, keysOf(quoteAuxiliaries)},
			{"qtyFractions", qtyFractionsSieve, keysOf(qtyFractions)},
			{"lemmaExceptions", lemmaExceptionsSieve, keysOf(lemmaExceptions)},
			{"durUnits", durUnitsSieve, keysOf(durUnits)},
			{"qtyCurrencyCodes", qtyCurrencyCodesSieve, keysOf(qtyCurrencyCodes)},
			{"eventPhrases (first words)", eventPhrasesSieve, firstWords(keysOf(eventPhrases))},
		} {
			if len(s.keys) == 0 {
				t.Errorf("%s: no keys", s.name)
			}
			for _, k := range s.keys {
				if !s.b.may(k) {
					t.Errorf("%s: key %q does not pass its sieve", s.name, k)
				}
			}
		}
	}
	check()
	extractSeeds(t)
	check()
}

// TestSievesTurnWordsAway: the sieves are worth their place only if
// they turn most words away; on the seeds' words each passes at most a
// fifth of the words that are not its keys.
func TestSievesTurnWordsAway(t *testing.T) {
	var words []string
	for _, text := range readTexts(t, "../seeds/*.txt") {
		for _, tk := range Tokenize(text, 0, len(text)) {
			words = append(words, tk.Fold)
		}
	}
	if len(words) < 1000 {
		t.Skip("seeds not found")
	}
	for name, s := range map[string]struct {
		b   *foldBloom
		has func(string) bool
	}{
		"determiners":    {determinersSieve, func(w string) bool { return determiners[w] }},
		"quoteLeadWords": {quoteLeadWordsSieve, func(w string) bool { return quoteLeadWords[w] }},
		"dateTense":      {dateTenseSieve, func(w string) bool { _, ok := dateTense[w]; return ok }},
	} {
		pass, miss := 0, 0
		for _, w := range words {
			if s.has(w) {
				continue
			}
			miss++
			if s.b.may(w) {
				pass++
			}
		}
		if pass*5 > miss {
			t.Errorf("%s: the sieve lets %d of %d other words through", name, pass, miss)
		}
	}
}

// extractSeeds extracts the seed articles with their topic, as the
// batch does; it skips the test when the seeds are not there.
func extractSeeds(t *testing.T) {
	t.Helper()
	tp, _, err := LoadTopic(filepath.Join("..", "seeds", "topic.yaml"))
	if err != nil {
		t.Skipf("seeds: %v", err)
	}
	x, err := NewExtractor(tp)
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	for _, p := range paths {
		a, err := ReadArticleFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := x.Extract(context.Background(), &a); err != nil {
			t.Fatal(err)
		}
	}
}

// firstWords returns each string's part before its first space.
func firstWords(keys []string) []string {
	var out []string
	for _, k := range keys {
		first, _, _ := strings.Cut(k, " ")
		out = append(out, first)
	}
	return out
}

// TestEventPhraseAt: eventPhraseAt is eventPhrases[lem+" "+next] for
// every key's words, near misses and lemmas holding a space.
func TestEventPhraseAt(t *testing.T) {
	var pairs [][2]string
	for k := range eventPhrases {
		first, rest, _ := strings.Cut(k, " ")
		pairs = append(pairs, [2]string{first, rest}, [2]string{first, rest + "s"}, [2]string{first + "s", rest}, [2]string{"said", rest})
		if i := strings.LastIndexByte(k, ' '); i > 0 {
			pairs = append(pairs, [2]string{k[:i], k[i+1:]}) // a lemma with a space
		}
	}
	pairs = append(pairs, [2]string{"", ""}, [2]string{"a b", "c"})
	hits := 0
	for _, p := range pairs {
		got, gok := eventPhraseAt(p[0], p[1])
		want, wok := eventPhrases[p[0]+" "+p[1]]
		if got != want || gok != wok {
			t.Errorf("eventPhraseAt(%q, %q) = %q, %v; the table says %q, %v", p[0], p[1], got, gok, want, wok)
		}
		if gok {
			hits++
		}
	}
	if hits < len(eventPhrases) {
		t.Errorf("only %d hits for %d phrases", hits, len(eventPhrases))
	}
}

// TestClassTablesAreSets: the tables Token.in answers from class bits
// hold only true values, so that a key's bit and the table's value agree.
func TestClassTablesAreSets(t *testing.T) {
	for name, m := range map[string]map[string]bool{"dateStarts": dateStarts, "nerStop": nerStop, "placePreps": placePreps} {
		for k, v := range m {
			if !v {
				t.Errorf("%s[%q] is false", name, k)
			}
		}
	}
	// And the bits answer as the tables do, on the seeds' tokens.
	for _, tk := range seedTokens(t) {
		classifyOne(&tk)
		for name, c := range map[string]struct {
			c lexClass
			m map[string]bool
		}{"dateStarts": {lcDateStart, dateStarts}, "nerStop": {lcNerStop, nerStop}, "placePreps": {lcPlacePrep, placePreps}} {
			if got, want := tk.in(c.c, c.m), c.m[tk.Fold]; got != want {
				t.Fatalf("%s: in(%q) = %v, the table says %v", name, tk.Fold, got, want)
			}
		}
	}
}

// TestExtractConcurrentSameFacts: extraction recycles buffers from
// article to article (tokens, sentences, the quote context's map); run
// in parallel workers, as the batch runs it, and with -race, every
// article gets the facts it gets alone.
func TestExtractConcurrentSameFacts(t *testing.T) {
	tp, _, err := LoadTopic(filepath.Join("..", "seeds", "topic.yaml"))
	if err != nil {
		t.Skipf("seeds: %v", err)
	}
	x, err := NewExtractor(tp)
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	var arts []Article
	for _, p := range paths {
		a, err := ReadArticleFile(p)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	want := make([][]Fact, len(arts))
	for i := range arts {
		if want[i], err = x.Extract(context.Background(), &arts[i]); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 5 {
				i := (g + round) % len(arts)
				a := arts[i]
				got, err := x.Extract(context.Background(), &a)
				if err != nil {
					t.Error(err)
					return
				}
				if diff := cmp.Diff(want[i], got); diff != "" {
					t.Errorf("%s in worker %d differs (-alone +parallel):\n%s", a.ID, g, diff)
					return
				}
			}
		}()
	}
	wg.Wait()
}
