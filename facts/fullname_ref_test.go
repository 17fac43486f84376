package facts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fullNameRef is fullName before the last words' keys were kept: it
// splits every full name and asks NameKey and SameName of its last word
// on every call.
func (qc *quoteContext) fullNameRef(name string, pos int) string {
	if quoteWordsIn(name) != 1 {
		return name
	}
	key := NameKey(name)
	if key == "" {
		return name
	}
	best, after, first := "", "", ""
	firstPos := -1
	for _, n := range qc.fullNames {
		f := strings.Fields(n.name)
		last := f[len(f)-1]
		if NameKey(last) != key && !SameName(last, name) || qc.nonPerson(n.name) {
			continue
		}
		if first == "" {
			first, firstPos = n.name, n.pos
		} else if !quoteSameGiven(first, n.name) {
			return name
		}
		if n.pos <= pos {
			best = n.name
		} else if after == "" {
			after = n.name
		}
	}
	if firstPos >= 0 && qc.bareBefore(key, firstPos) {
		return name
	}
	switch {
	case best != "":
		return best
	case after != "":
		return after
	}
	return name
}

// TestFullNameMatchesReference: over the seed articles, the fuzz texts
// and a text with spelling variants of one surname, fullName gives what
// fullNameRef gives for every one-word name and every full name's last
// word, before, at and after each name's position.
func TestFullNameMatchesReference(t *testing.T) {
	texts := append([]string(nil), fuzzTexts...)
	paths, _ := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	texts = append(texts, "Harbour news\n\nGovernor June Ellis spoke. \"We are ready,\" Ellis said.\n\nJohn Elis of the Harbour Trust said Ellis erred. \"No,\" Elis said. Maria Hale and Jim Hale came. \"Yes,\" said Hale.\n")
	x := NewGeneralExtractor("t").x
	checked, full := 0, 0
	for _, s := range texts {
		a, err := ParseArticle("t.txt", []byte(s))
		if err != nil {
			continue
		}
		d := x.analyse(&a)
		quotes := scanQuotes(a.Text, a.Body)
		if len(quotes) == 0 {
			continue
		}
		qc := newQuoteContext(d, quotes)
		var names []string
		for _, n := range qc.fullNames {
			f := strings.Fields(n.name)
			names = append(names, f[len(f)-1], strings.ToUpper(f[len(f)-1]))
		}
		for _, n := range append(qc.persons, qc.named...) {
			names = append(names, n.name)
		}
		for _, toks := range qc.paraToks {
			for _, tk := range toks {
				if tk.Kind == Word && tk.IsCapitalized() {
					names = append(names, tk.Text)
				}
			}
		}
		for _, name := range names {
			for _, pos := range []int{0, len(a.Text) / 3, len(a.Text) / 2, len(a.Text)} {
				got, want := qc.fullName(name, pos), qc.fullNameRef(name, pos)
				if got != want {
					t.Fatalf("fullName(%q, %d) = %q, want %q", name, pos, got, want)
				}
				if got != name {
					full++
				}
				checked++
			}
		}
	}
	if checked < 1000 || full < 20 {
		t.Fatalf("only %d names checked, %d mapped to a full name: the test checks little", checked, full)
	}
}
