package compare

import (
	"math/rand"
	"sort"
	"testing"

	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/google/go-cmp/cmp"
)

// sentenceNamesRef is sentenceNames as it was: two maps, a key to the
// word's text.
type sentenceNamesRef struct {
	names, opening map[string]string
}

// namesOfTokensRef is namesOfTokens as it was.
func namesOfTokensRef(toks []facts.Token) sentenceNamesRef {
	out := sentenceNamesRef{names: map[string]string{}, opening: map[string]string{}}
	for i, t := range toks {
		if t.Kind != facts.Word || !t.IsCapitalized() || facts.IsCalendarName(t.Fold) || nameFunctionWords[t.Fold] {
			continue
		}
		k := facts.NameKey(t.Text)
		if k == "" {
			continue
		}
		if i == 0 || toks[i-1].Fold == "." && !(i >= 2 && toks[i-2].IsCapitalized() && len(toks[i-2].Fold) <= 3) {
			out.opening[k] = t.Text
			continue
		}
		out.names[k] = t.Text
	}
	return out
}

// shared returns the names two sentences share: a name of both, or a name
// of one that opens the other.
func (a sentenceNamesRef) shared(b sentenceNamesRef) []string {
	var out []string
	for k := range a.names {
		_, ok1 := b.names[k]
		_, ok2 := b.opening[k]
		if ok1 || ok2 {
			out = append(out, k)
		}
	}
	for k := range a.opening {
		if _, ok := b.names[k]; ok {
			out = append(out, k)
		}
	}
	return out
}

// commonNamesRef is commonNames as it was, on the maps.
func commonNamesRef(fs []facts.Fact) map[string]bool {
	type key struct {
		article string
		start   int
	}
	seen := map[key]bool{}
	count := map[string]int{}
	n := 0
	for _, f := range fs {
		k := key{f.Article, f.SentenceSpan.Start}
		if seen[k] || f.Sentence == "" {
			continue
		}
		seen[k] = true
		n++
		for name := range namesOfTokensRef(facts.Tokenize(f.Sentence, 0, len(f.Sentence))).names {
			count[name]++
		}
	}
	common := map[string]bool{}
	for name, c := range count {
		if c >= 4 && float64(c) > commonShare*float64(n) {
			common[name] = true
		}
	}
	return common
}

func sortedKeys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestNamesMatchReference holds the sorted lists of names to the maps,
// commonNames to its reference, and countShared, on every two of the
// first three hundred sentences of the bench topic (and some made up),
// to counting the reference's shared list.
func TestNamesMatchReference(t *testing.T) {
	_, _, fs := benchTopic(t)
	memo := nameMemo{m: map[string]sentenceNames{}, tokens: tokenMemo{}}
	sentences := []string{
		"Ellis met Ellis and ELLIS in Port Alder. Port Alder said.",
		"Mr. Roe and the U.S. Navy met Harbour Trust. Ellis",
		"", "The", "Harbour Harbour Trust Trust Roe. Roe Ellis.",
	}
	seen := map[string]bool{}
	for _, f := range fs {
		if !seen[f.Sentence] && len(sentences) < 300 {
			seen[f.Sentence] = true
			sentences = append(sentences, f.Sentence)
		}
	}
	var ns []sentenceNames
	var refs []sentenceNamesRef
	for _, s := range sentences {
		n, ref := memo.of(s), namesOfTokensRef(facts.Tokenize(s, 0, len(s)))
		if diff := cmp.Diff(sortedKeys(ref.names), n.names); diff != "" {
			t.Fatalf("names of %q (-want +got):\n%s", s, diff)
		}
		if diff := cmp.Diff(sortedKeys(ref.opening), n.opening); diff != "" {
			t.Fatalf("opening names of %q (-want +got):\n%s", s, diff)
		}
		ns, refs = append(ns, n), append(refs, ref)
	}
	common := commonNames(fs, memo)
	if diff := cmp.Diff(commonNamesRef(fs), common); diff != "" {
		t.Fatalf("common names (-want +got):\n%s", diff)
	}
	// Out of order, and with a sentence's first fact blank, commonNames
	// cannot take a sentence's facts to be together.
	shuffled := append([]facts.Fact(nil), fs...)
	rand.New(rand.NewSource(3)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	blank := append([]facts.Fact(nil), fs...)
	for i := 0; i+1 < len(blank); i += 7 {
		blank[i].Sentence = ""
	}
	for _, in := range [][]facts.Fact{shuffled, blank} {
		if diff := cmp.Diff(commonNamesRef(in), commonNames(in, memo)); diff != "" {
			t.Fatalf("common names (-want +got):\n%s", diff)
		}
	}
	counted := 0
	for _, filter := range []func(string) bool{func(string) bool { return true }, func(k string) bool { return !common[k] }} {
		for i, a := range ns {
			for j, b := range ns {
				want := 0
				for _, k := range refs[i].shared(refs[j]) {
					if filter(k) {
						want++
					}
				}
				if got := a.countShared(b, filter); got != want {
					t.Fatalf("countShared(%q, %q) = %d, the reference %d", sentences[i], sentences[j], got, want)
				}
				counted += want
			}
		}
	}
	if counted == 0 || len(common) == 0 {
		t.Fatal("no sentences share a name, or none is common: the test compares little")
	}
}
