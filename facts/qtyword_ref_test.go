package facts

import (
	"strings"
	"testing"
)

// qtyWordValueRef is qtyWordValue before its three-letter sieve: the two
// tables looked up for every word.
func qtyWordValueRef(f string) (float64, bool) {
	if n, ok := cardinals[f]; ok {
		return float64(n), true
	}
	if n, ok := qtyTens[f]; ok {
		return float64(n), true
	}
	if a, b, ok := strings.Cut(f, "-"); ok {
		if t, ok := qtyTens[a]; ok {
			if u, ok := cardinals[b]; ok && u < 10 {
				return float64(t + u), true
			}
		}
	}
	return 0, false
}

// TestQtyWordValueSieve: on every key, every compound of a ten and a
// unit, their near misses and every word of the seeds and the corpus,
// qtyWordValue says what it said before the sieve.
func TestQtyWordValueSieve(t *testing.T) {
	words := []string{"", "a", "on", "one-", "-one", "twenty-", "twenty-one-", "Twenty", "ñine"}
	for _, tab := range []map[string]int{cardinals, qtyTens} {
		for w := range tab {
			words = append(words, w, w+"s", w[:len(w)-1], w+"-", strings.ToUpper(w))
			for u := range cardinals {
				words = append(words, w+"-"+u)
			}
		}
	}
	for _, text := range readTexts(t, "../seeds/*.txt", "../../shared/corpus/*/*.txt") {
		for _, tk := range Tokenize(text, 0, len(text)) {
			words = append(words, tk.Fold)
		}
	}
	hits := 0
	for _, w := range words {
		v, ok := qtyWordValue(w)
		rv, rok := qtyWordValueRef(w)
		if v != rv || ok != rok {
			t.Fatalf("qtyWordValue(%q) = %v, %v; before the sieve %v, %v", w, v, ok, rv, rok)
		}
		if ok {
			hits++
		}
	}
	if hits < 100 {
		t.Fatalf("only %d number words: the test checks little", hits)
	}
}

// TestCurrencyKeysAreNoNumbers: qtyParseAmount looks no number token up
// in the currency tables, which is right only while none of their keys
// tokenises as a number.
func TestCurrencyKeysAreNoNumbers(t *testing.T) {
	for _, tab := range []map[string]string{qtyCurrencySymbols, qtyDollarPrefixes, qtyCurrencyCodes} {
		for k := range tab {
			for _, tk := range Tokenize(k, 0, len(k)) {
				if tk.Kind == Number {
					t.Errorf("currency key %q holds a number token %q", k, tk.Text)
				}
			}
		}
	}
}

// TestPrefix3Set: a set says a word may be a key whenever it starts as
// one does, and opens to every word when a key is not three lower-case
// letters.
func TestPrefix3Set(t *testing.T) {
	var p prefix3Set
	for _, w := range []string{"three", "forty"} {
		p.add(w)
	}
	for w, want := range map[string]bool{"three": true, "thr": true, "threefold": true, "for": true,
		"th": false, "the": false, "fo": false, "Thr": false, "": false, "zzz": false, "thé": false} {
		if got := p.may(w); got != want {
			t.Errorf("may(%q) = %v, want %v", w, got, want)
		}
	}
	p.add("a")
	if !p.may("zzz") || !p.may("") {
		t.Error("a set with a short key must let every word through")
	}
}
