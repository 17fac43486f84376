package facts

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Transliteration-aware name keys.
//
// Names that reach English through Arabic, Persian, Russian, Hebrew,
// Chinese or Korean are romanised in many ways: Mahmoud and Mahmud, Latakia
// and Lattakia, Gorbachev and Gorbachov. NameKey reduces a name to a skeleton
// on which such spellings collide; SameName adds the guards that keep apart
// different words whose skeletons happen to meet (Iraq and Iraqi,
// Jamal and Jamil).
//
// The skeleton is built, word by word, like this:
//
//   - fold (Fold: lower case, no diacritics, Latin homoglyphs for
//     Cyrillic), drop apostrophes and ʿ ʾ (Khamene'i, Sana'a), split on
//     spaces, hyphens and other marks;
//   - drop the Arabic article when another word follows it: al, el, ul,
//     and its assimilated forms before sun letters (ash-Sh…, ad-D…, ez-Z…),
//     so al-Maliki, Al Maliki, el-Maliki and Maliki share a key; reduce
//     abd-el/abdul/abd al to abd (Abdel Fattah, Abd al-Fattah);
//   - write a final -ullah/-ollah/-allah as -alla (Hezbollah, Hizballah;
//     Nasrallah, Nasrullah) and drop a final h after a vowel (Fatimah,
//     Fatima);
//   - Russian spellings: final -off/-eff→-ov/-ev (Rachmaninoff), a final
//     j after a vowel→i (Sergej, Selenskyj), ё after a sibilant written
//     -ov→-ev (Gorbachov);
//   - digraphs and letters: tch/tsch→ch, tz→ts, dzh/zh/dj→j, kh→h, gh→g,
//     ph→f, th→t, dh→d, ck→k, q→k, x→ks, c→k unless before e, i, y or h
//     (Mecca, Makkah), w after a vowel and before a consonant → u
//     (Rowhani), ou/oo→u, ee→i, final -iy→i, y→i;
//   - collapse doubled letters (Lattakia, Mohammed);
//
// and the words are joined without spaces (Kim Jong-un, Kim Jong Un),
// doubled letters collapsed again, and the vowels put in two classes:
// a, e, i → a and o, u → u.
//
// The vowel classes are the main trade-off. Arabic writes short vowels
// not at all and romanisations disagree on them (Mohammed/Muhammad,
// Khaled/Khalid, Hussein/Husayn, Osama/Usama), so the key has to ignore
// most vowel differences to have any recall. The price is that names that
// differ only in a vowel collide: Jamal and Jamil, Hamid and Hamad, Samer
// and Samir. SameName therefore compares the vowels the key merged and
// refuses a plain a against a plain i at the same place (Jamal/Jamil,
// Kamal/Kamil, Navalny/Navalna), while e, the letter romanisers use
// for both short a and short i, stays compatible with either. Pairs that
// differ in e against a or i (Samer/Samir, Nasser/Naseer) still collide.
//
// Choices: q→k but g stays g, so Qaddafi and Kadhafi meet but Gaddafi (the
// dialect g for qāf) does not: g and k are distinct letters in every
// other source language, and one rule for them would cost precision. Kyiv and Kiev do not
// meet (ie and yi are kept apart so that Said and Sayed do not), nor do
// Wade-Giles and pinyin forms (Mao Tse-tung/Mao Zedong, Peking/Beijing),
// ch and h (Chaim/Haim), or v and w (Tschaikowsky).

// NameKey returns the transliteration skeleton of a name: romanisations of
// one name collide on it. It is empty when name has no letters or digits.
func NameKey(name string) string {
	return nameKeys(name).key
}

// SameName reports whether a and b are spelling variants of one name:
// equal NameKey, at least four letters each, different after Fold,
// no plain a against plain i where the key merged vowels, and not one the
// other plus an English suffix (Iraq/Iraqi, Libya/Libyan, Turk/Turks).
func SameName(a, b string) bool {
	if nameLetters(a) < 4 || nameLetters(b) < 4 {
		return false
	}
	if sameFold(a, b) {
		return false
	}
	ka, kb := nameKeys(a), nameKeys(b)
	sa, sb := ka.skeleton, kb.skeleton
	if sa == "" || ka.key != kb.key {
		return false
	}
	if nameVowelClash(sa, sb) {
		return false
	}
	return !nameMorphology(a, b)
}

// nameLetters counts the letters of s.
func nameLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// nameVowelClash reports whether two skeletons of equal length have a
// plain a where the other has a plain i.
func nameVowelClash(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if (a[i] == 'a' && b[i] == 'i') || (a[i] == 'i' && b[i] == 'a') {
			return true
		}
	}
	return false
}

// nameSuffixes are English derivational and plural endings: a name plus
// one of them is another word (a demonym, a plural, an -ism), not another
// spelling.
var nameSuffixes = map[string]bool{
	"n": true, "an": true, "ian": true, "ans": true, "ians": true, "ns": true,
	"ese": true, "s": true, "es": true, "ite": true, "ites": true,
	"ist": true, "ists": true, "ism": true, "ish": true, "is": true,
}

// nameMorphology reports whether one of a, b is the other plus an English
// suffix. A bare -i counts only after a consonant (Iraq/Iraqi,
// Yemen/Yemeni), since after a vowel it is a spelling (Dmitri/Dmitrii).
func nameMorphology(a, b string) bool {
	la, lb := nameLetterString(a), nameLetterString(b)
	if len(la) > len(lb) {
		la, lb = lb, la
	}
	if la == "" || !strings.HasPrefix(lb, la) {
		return false
	}
	suf := lb[len(la):]
	if nameSuffixes[suf] {
		return true
	}
	if suf == "i" {
		last, _ := utf8.DecodeLastRuneInString(la)
		return !strings.ContainsRune("aeiouy", last)
	}
	return false
}

// nameLetterString is s folded, with only its letters kept.
func nameLetterString(s string) string {
	var b strings.Builder
	for _, r := range Fold(s) {
		if unicode.IsLetter(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// nameClasses maps the vowels of a skeleton to their classes.
func nameClasses(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'e', 'i':
			return 'a'
		case 'o':
			return 'u'
		}
		return r
	}, s)
}

// nameLetterMap folds the Latin letters that Unicode does not decompose.
var nameLetterMap = strings.NewReplacer(
	"ł", "l", "ø", "o", "æ", "ae", "œ", "oe", "ß", "ss", "đ", "dj", "ð", "d",
	"þ", "th", "ı", "i", "'", "",
)

// nameKeyPair is a name's skeleton and its key (the skeleton with the
// vowel classes).
type nameKeyPair struct{ skeleton, key string }

// nameKeyCache memoises nameKeys. Extraction keys every name mention and
// compare keys every pair of quote speakers, and a topic's articles name
// the same few people over and over: deriving the skeleton each time was
// the largest single cost of comparing quotes. The cache is bounded (it is
// emptied when full) and keeps copies of the names, never slices of an
// article's text, so it pins no article in memory.
var nameKeyCache struct {
	sync.RWMutex
	m map[string]nameKeyPair
}

const nameKeyCacheMax = 1 << 14

func nameKeys(name string) nameKeyPair {
	nameKeyCache.RLock()
	p, ok := nameKeyCache.m[name]
	nameKeyCache.RUnlock()
	if ok {
		return p
	}
	sk := nameSkeleton(name)
	p = nameKeyPair{skeleton: sk, key: nameClasses(sk)}
	nameKeyCache.Lock()
	if nameKeyCache.m == nil || len(nameKeyCache.m) >= nameKeyCacheMax {
		nameKeyCache.m = make(map[string]nameKeyPair)
	}
	nameKeyCache.m[strings.Clone(name)] = p
	nameKeyCache.Unlock()
	return p
}

// nameSkeleton is the key before the vowel classes.
func nameSkeleton(name string) string {
	s := nameLetterMap.Replace(Fold(name))
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	var b strings.Builder
	for i, p := range parts {
		next := ""
		if i+1 < len(parts) {
			next = parts[i+1]
		}
		if next != "" && nameIsParticle(p, next) {
			continue
		}
		if next != "" && nameAbdForms[p] {
			p = "abd"
		}
		b.WriteString(nameWord(p))
	}
	return nameCollapse(b.String())
}

// IsNameParticle reports whether p is an Arabic article before the name
// word next, as in "al-", "ash-Sh…": variant finders drop it.
func IsNameParticle(p, next string) bool { return nameIsParticle(p, next) }

// nameIsParticle reports whether p is the Arabic article before next: al,
// el, ul, or the article assimilated to next's first consonant (ash-Sh,
// ad-D, ez-Z, an-N, ar-R, as-S, at-T, az-Z, ath-Th, adh-Dh).
func nameIsParticle(p, next string) bool {
	switch p {
	case "al", "el", "ul":
		return true
	}
	if len(p) < 2 || len(p) > 3 || !strings.ContainsRune("aeu", rune(p[0])) {
		return false
	}
	cons := p[1:]
	switch cons {
	case "t", "th", "d", "dh", "r", "z", "s", "sh", "n":
		return strings.HasPrefix(next, cons)
	}
	return false
}

// nameAbdForms are the spellings of "abd al" (servant of) written as one
// word before a separate name.
var nameAbdForms = map[string]bool{
	"abdel": true, "abdul": true, "abdal": true, "abdol": true, "abdil": true,
}

// nameDigraphs are applied in order to each word.
var nameDigraphs = []struct{ from, to string }{
	{"tsch", "ch"}, {"tch", "ch"}, {"tz", "ts"},
	{"chov", "chev"}, {"shov", "shev"}, {"zhov", "zhev"},
	{"dzh", "j"}, {"zh", "j"}, {"dj", "j"},
	{"kh", "h"}, {"gh", "g"}, {"ph", "f"}, {"th", "t"}, {"dh", "d"},
	{"ck", "k"}, {"q", "k"}, {"x", "ks"},
}

func nameIsVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

// nameWord is the skeleton of one word.
func nameWord(w string) string {
	// -ullah, -ollah, -allah: the name of God as the end of a name.
	if n := len(w); n > 4 {
		for _, end := range []string{"llah", "lla"} {
			if k := n - len(end); k >= 2 && strings.HasSuffix(w, end) && nameIsVowel(w[k-1]) {
				w = w[:k-1] + "alla"
				break
			}
		}
	}
	// A final h after a vowel is silent: Fatimah, Allah, Rafah.
	if n := len(w); n > 2 && w[n-1] == 'h' && (nameIsVowel(w[n-2]) || w[n-2] == 'y') {
		w = w[:n-1]
	}
	// abdel-, abdul-, abdal- as the start of a compound: Abdelaziz.
	if len(w) >= 7 && strings.HasPrefix(w, "abd") && nameIsVowel(w[3]) && w[4] == 'l' {
		w = "abd" + w[5:]
	}
	// Russian in older and French spellings: Rachmaninoff, Sergeeff.
	if strings.HasSuffix(w, "off") || strings.HasSuffix(w, "eff") {
		w = w[:len(w)-2] + "v"
	}
	// A final j after a vowel is the German and Polish й: Sergej.
	if n := len(w); n > 2 && w[n-1] == 'j' && (nameIsVowel(w[n-2]) || w[n-2] == 'y') {
		w = w[:n-1] + "i"
	}
	for _, d := range nameDigraphs {
		w = strings.ReplaceAll(w, d.from, d.to)
	}
	// A hard c is k: Mecca, Makkah; Coran, Koran.
	if strings.IndexByte(w, 'c') >= 0 {
		bs := []byte(w)
		for i := range bs {
			if bs[i] == 'c' && (i+1 == len(bs) || strings.IndexByte("ehiy", bs[i+1]) < 0) {
				bs[i] = 'k'
			}
		}
		w = string(bs)
	}
	// w between a vowel and a consonant (or the end) is a vowel: Rowhani.
	if strings.IndexByte(w, 'w') >= 0 {
		bs := []byte(w)
		for i := 1; i < len(bs); i++ {
			if bs[i] == 'w' && nameIsVowel(bs[i-1]) && (i+1 == len(bs) || !nameIsVowel(bs[i+1]) && bs[i+1] != 'y') {
				bs[i] = 'u'
			}
		}
		w = string(bs)
	}
	w = strings.ReplaceAll(w, "ou", "u")
	w = strings.ReplaceAll(w, "oo", "u")
	w = strings.ReplaceAll(w, "ee", "i")
	if strings.HasSuffix(w, "iy") {
		w = w[:len(w)-1]
	}
	w = strings.ReplaceAll(w, "y", "i")
	return nameCollapse(w)
}

// nameCollapse collapses runs of one letter to one.
func nameCollapse(s string) string {
	var b strings.Builder
	var prev rune = -1
	for _, r := range s {
		if r != prev {
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// SameGivenName reports whether two given names may be one person's:
// equal, spellings of one name (SameName), an initial and a name it
// starts, names with one first letter (Jim/James, Rudy/Rudolph), or a
// nickname and its name (Bill/William). Different first letters otherwise
// name different people (Ann Hale, Maria Hale).
func SameGivenName(a, b string) bool {
	a, b = strings.Trim(Fold(a), "."), strings.Trim(Fold(b), ".")
	if a == "" || b == "" || a == b || SameName(a, b) {
		return true
	}
	if a[0] == b[0] {
		return true
	}
	fa, fb := givenNameForms[a], givenNameForms[b]
	if fa == "" {
		fa = a
	}
	if fb == "" {
		fb = b
	}
	return fa == fb
}

// shortGivenName reports whether given name a is b or a short form of it:
// its start ("Don", "Donald") or a nickname ("Bill", "William"; "Jim",
// "James"). Unlike SameGivenName it does not take any two names with
// one first letter (Joan, John) for one.
func shortGivenName(a, b string) bool {
	a, b = strings.Trim(Fold(a), "."), strings.Trim(Fold(b), ".")
	if a == "" || b == "" {
		return false
	}
	if a == b || len(a) >= 3 && strings.HasPrefix(b, a) {
		return true
	}
	return givenNameForms[a] == b
}

// sameFold reports whether Fold(a) == Fold(b). Two ASCII strings are
// compared byte by byte as Fold maps them (capitals lowered, "`" to "'"),
// without building the folds: SameName asks it of every pair of names.
func sameFold(a, b string) bool {
	if !isASCII(a) || !isASCII(b) {
		return Fold(a) == Fold(b)
	}
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if asciiFold(a[i]) != asciiFold(b[i]) {
			return false
		}
	}
	return true
}

// isASCII reports whether every byte of s is ASCII, eight bytes at a
// time: Fold asks it of every line of every article.
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if load64(s, i)&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiFold is Fold of one ASCII byte.
func asciiFold(c byte) byte {
	switch {
	case 'A' <= c && c <= 'Z':
		return c + 'a' - 'A'
	case c == '`':
		return '\''
	}
	return c
}
