package compare

import (
	"sort"
	"strings"
	"unicode"

	"github.com/crosscheck-news/crosscheck/facts"
)

// Spelling variants of one entity across articles.
//
// A desk wants to see a name spelled two ways (Ahmed/Ahmad al-Hakim, Lee
// Min-ho/Lee Min Ho, F.B.I./FBI, Nurses/Nurse Without Borders), but not a
// fuller form of it: "Ann Roe", "Ann B. Roe" and "Ann B. Roe Jr." are one
// name written with more or less of it, and "United Nations" against "UN"
// is a name against its abbreviation. Neither is a difference to show.
//
// Each article's name is reduced to a spelling form: folded words without
// the dots of abbreviations, joined Arabic articles, middle initials, name
// suffixes (Jr., III) or leading titles; an abbreviation keeps whether it
// was written with dots. A form that holds another article's form as a
// word run counts as that shorter one. Two forms are spellings of one name
// when they are the same abbreviation with and without dots, the same
// words with the hyphens and spaces moved, or the same number of words
// each pair of which is equal, a romanisation of the other (SameName) or,
// in a name of two or more words, its plural. Anything else (Rudy against
// Rudolph, Maria against John, a name against its abbreviation) is no
// spelling difference.

// nameForm is one article's spelling of an entity name.
type nameForm struct {
	words   []string // folded words, reduced as described above
	acronym bool     // one all-capital word: "FBI", "F.B.I."
	dotted  bool     // an acronym written with dots
	k       string   // key, made once with the form
}

// key identifies the spelling: an abbreviation keeps its dots.
func (f nameForm) key() string { return f.k }

// withKey returns f with its key made: the words joined by spaces, a dot
// after a dotted abbreviation. spellingMembers asks each statement of an
// entity slot for its key, and nameForms hands out one form per name, so
// joining once here spares a string per statement (a sixth of compare's
// allocations on a 50-article story).
func (f nameForm) withKey() nameForm {
	f.k = strings.Join(f.words, " ")
	if f.dotted {
		f.k += "."
	}
	return f
}

// nameForms holds the spelling forms of the names already reduced: a
// story's outlets write the same few names over and over, and the
// alignment passes and each entity slot read them again. A nil memo
// reduces each time.
type nameForms map[string]nameForm

func (m nameForms) of(name string) nameForm {
	if m == nil {
		return newNameForm(name)
	}
	f, ok := m[name]
	if !ok {
		f = newNameForm(name)
		m[name] = f
	}
	return f
}

// nameSuffixes end a personal name without being a spelling of it.
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// newNameForm reduces a name as written to its spelling form.
func newNameForm(name string) nameForm {
	fields := strings.FieldsFunc(name, func(r rune) bool {
		return unicode.IsSpace(r) || r == ','
	})
	if len(fields) == 1 && isAcronym(fields[0]) {
		w := strings.ReplaceAll(facts.Fold(fields[0]), ".", "")
		return nameForm{words: []string{w}, acronym: true, dotted: strings.Contains(fields[0], ".")}.withKey()
	}
	var out []string
	for i, fw := range fields {
		w := strings.ReplaceAll(facts.Fold(fw), ".", "")
		if w == "" {
			continue
		}
		// A leading title or honorific is no part of the name's spelling;
		// a role noun that opens a name ("Nurses Without Borders") is.
		if len(out) == 0 && i < len(fields)-1 && variantTitle(w) && !facts.IsFunctionWord(facts.Fold(fields[i+1])) {
			continue
		}
		if i > 0 && nameSuffixes[w] {
			continue
		}
		// A middle initial: one letter, not the first or last word.
		if i > 0 && i < len(fields)-1 && len([]rune(w)) == 1 {
			continue
		}
		out = append(out, facts.StripParticle(w))
	}
	return nameForm{words: out}.withKey()
}

// isAcronym reports whether w is two or more capital letters, with or
// without dots: "UN", "U.N.", "NATO".
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case r == '.':
		case unicode.IsUpper(r):
			n++
		default:
			return false
		}
	}
	return n >= 2
}

// spellingVariant reports whether two different spelling forms are one
// name spelled differently.
func spellingVariant(a, b nameForm) bool {
	if a.acronym || b.acronym {
		return a.acronym && b.acronym && a.words[0] == b.words[0] && a.dotted != b.dotted
	}
	if len(a.words) == 0 || len(b.words) == 0 {
		return false
	}
	join := func(ws []string) string { return strings.ReplaceAll(strings.Join(ws, ""), "-", "") }
	if join(a.words) == join(b.words) {
		return true // Lee Min-ho, Lee Min Ho
	}
	if len(a.words) != len(b.words) {
		return false
	}
	differ := false
	for i := range a.words {
		x, y := a.words[i], b.words[i]
		switch {
		case x == y:
		case facts.SameName(x, y):
			differ = true
		case len(a.words) >= 2 && (x+"s" == y || y+"s" == x):
			differ = true // Nurses Without Borders, Nurse Without Borders
		default:
			return false
		}
	}
	return differ
}

// entitySpellings groups the articles of an entity slot by spelling when
// at least two of them spell the name differently; articles whose form is
// only fuller or shorter (a middle initial, an abbreviation against its
// long form) are left out of the difference. Every statement of the slot
// counts, not only each article's first: an article that writes the long
// form first and "J.C.P.O.A." after still spells the abbreviation.
func (c comparer) entitySpellings(fs []facts.Fact) (Difference, bool) {
	keys, member := spellingMembers(fs, c.forms)
	// One group per spelling, shown as its first statement writes it.
	idx := map[string]int{}
	var groups []DiffGroup
	for i, f := range fs {
		if !member[i] {
			continue
		}
		g, ok := idx[keys[i]]
		if !ok {
			g = len(groups)
			idx[keys[i]] = g
			groups = append(groups, DiffGroup{Value: f.Value})
		}
		if !contains(groups[g].Articles, f.Article) {
			groups[g].Articles = append(groups[g].Articles, f.Article)
		}
	}
	if len(groups) < 2 {
		return Difference{}, false
	}
	sort.SliceStable(groups, func(i, j int) bool { return len(groups[i].Articles) > len(groups[j].Articles) })
	return Difference{Field: "spelling", Groups: groups}, true
}

// preferSpellings orders an entity slot's facts so that, within each
// article, a statement in a spelling difference comes first: the value
// shown for the article is then the form that differs ("J.C.P.O.A.", not
// the long form the article gave before it). fs is not modified.
func preferSpellings(fs []facts.Fact, forms nameForms) []facts.Fact {
	_, member := spellingMembers(fs, forms)
	any := false
	for _, m := range member {
		any = any || m
	}
	if !any {
		return fs
	}
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		fa, fb := fs[order[a]], fs[order[b]]
		if fa.Article != fb.Article {
			return fa.Article < fb.Article
		}
		return member[order[a]] && !member[order[b]]
	})
	out := make([]facts.Fact, len(fs))
	for i, j := range order {
		out[i] = fs[j]
	}
	return out
}

// spellingMembers returns each fact's spelling key and whether it belongs
// to the largest set of spellings of one name (nothing when no two
// statements spell the name differently). Background statements are left
// out.
func spellingMembers(fs []facts.Fact, memo nameForms) ([]string, []bool) {
	keys := make([]string, len(fs))
	member := make([]bool, len(fs))
	// A form holding another as a word run counts as the shorter one.
	// The statements of a name repeat a few spellings, so the shorter
	// form is looked for once per spelling, among the spellings, where
	// it was once per statement among all statements: a spelling met
	// again adds nothing, as the form sought only ever gets shorter, a
	// word run of the one before (spellingMembersRef in the tests).
	type spelling struct {
		form, best nameForm
		done       bool
	}
	var spellings []spelling
	index := map[string]int32{} // a value → its place in spellings
	for _, f := range fs {
		if f.Background {
			continue
		}
		if _, ok := index[f.Value]; !ok {
			index[f.Value] = int32(len(spellings))
			spellings = append(spellings, spelling{form: memo.of(f.Value)})
		}
	}
	byKey := map[string]nameForm{}
	for i, f := range fs {
		if f.Background {
			continue
		}
		sp := &spellings[index[f.Value]]
		if !sp.done {
			best := sp.form
			for _, o := range spellings {
				if o.form.acronym != best.acronym || len(o.form.words) >= len(best.words) {
					continue
				}
				if containsSeq(best.words, o.form.words) {
					best = o.form
				}
			}
			sp.best, sp.done = best, true
		}
		keys[i] = sp.best.key()
		byKey[keys[i]] = sp.best
	}
	distinct := make([]string, 0, len(byKey))
	for k := range byKey {
		distinct = append(distinct, k)
	}
	sort.Strings(distinct)
	// Union the keys that are spellings of one another.
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		if p, ok := parent[x]; ok && p != x {
			r := find(p)
			parent[x] = r
			return r
		}
		return x
	}
	linked := map[string]bool{}
	for i := range distinct {
		for j := i + 1; j < len(distinct); j++ {
			if spellingVariant(byKey[distinct[i]], byKey[distinct[j]]) {
				parent[find(distinct[j])] = find(distinct[i])
				linked[distinct[i]], linked[distinct[j]] = true, true
			}
		}
	}
	if len(linked) == 0 {
		return keys, member
	}
	// The largest set of linked spellings, by statements.
	size := map[string]int{}
	for i, k := range keys {
		if !fs[i].Background && linked[k] {
			size[find(k)]++
		}
	}
	root := ""
	for _, k := range distinct {
		r := find(k)
		if linked[k] && (root == "" || size[r] > size[root]) {
			root = r
		}
	}
	for i, k := range keys {
		member[i] = !fs[i].Background && linked[k] && find(k) == root
	}
	return keys, member
}

// alignEntities brings together, across the story, the entity facts the
// finder keyed apart though they name one thing, and keeps apart the
// persons it keyed together: abbreviations and long forms, plural
// spellings, namesakes.
//
// Unlike the passes it runs, it re-keys fs in place: its caller owns the
// slice, and a copy of every general fact per pass was a tenth of their
// cost.
func alignEntities(fs []facts.Fact, forms nameForms) []facts.Fact {
	fs = alignAbbreviationsIn(fs, fs)
	fs = alignPluralsIn(fs, fs, forms)
	return splitNamesakesIn(fs, fs, forms)
}

// alignAbbreviations moves the entity facts of an abbreviation ("UN",
// "U.N.") into the slot of the one multi-word name of the story whose
// initials it spells ("United Nations"), with or without its small words
// ("Joint Plan of Action" is JPA or JPOA), so that an outlet writing only
// the abbreviation and one writing only the long form state one entity.
// A long form opening with an abbreviation is also spelled without it
// (U.S. Customs and Border Protection, CBP). An abbreviation that two
// long forms of the story could spell stays in its own slot. fs is not
// modified.
func alignAbbreviations(fs []facts.Fact) []facts.Fact { return alignAbbreviationsIn(fs, nil) }

// alignAbbreviationsIn is alignAbbreviations writing the re-keyed facts
// into out (a copy of fs when nil, else fs itself).
func alignAbbreviationsIn(fs, out []facts.Fact) []facts.Fact {
	short := map[string]string{}  // slot → letters, for slots of abbreviations
	long := map[string][]string{} // initials → slots of multi-word names
	notShort := map[string]bool{}
	longName := map[string]string{} // slot → its longest multi-word name
	// A name is read once however many facts write it: its words, and
	// what an abbreviation spells or a long form's initials.
	type nameReading struct {
		words   int
		abbr    bool     // one word, an abbreviation
		letters string   // the abbreviation's letters
		ins     []string // a long form's initials
		read    bool     // ins are made
	}
	readings := map[string]*nameReading{}
	reading := func(v string) *nameReading {
		r := readings[v]
		if r == nil {
			fields := strings.Fields(v)
			r = &nameReading{words: len(fields)}
			if len(fields) == 1 && isAcronym(fields[0]) {
				r.abbr, r.letters = true, strings.ToLower(strings.ReplaceAll(fields[0], ".", ""))
			}
			readings[v] = r
		}
		return r
	}
	initials := func(v string, r *nameReading) []string {
		if !r.read {
			fields := strings.Fields(v)
			r.ins = nameInitials(fields)
			if len(fields) > 2 && isAcronym(fields[0]) {
				// "U.S. Customs and Border Protection" is also "CBP".
				r.ins = append(r.ins, nameInitials(fields[1:])...)
			}
			r.read = true
		}
		return r.ins
	}
	type slotInitials struct{ in, slot string }
	seenLongSlot := map[slotInitials]bool{}
	for i := range fs {
		f := &fs[i]
		if f.Kind != facts.KindEntity {
			continue
		}
		r := reading(f.Value)
		if r.abbr {
			short[f.Slot] = r.letters
			continue
		}
		notShort[f.Slot] = true
		if r.words < 2 || strings.HasPrefix(f.Label, "person: ") {
			continue
		}
		ins := initials(f.Value, r)
		if n := longName[f.Slot]; r.words > reading(n).words {
			longName[f.Slot] = f.Value
		}
		for _, in := range ins {
			k := slotInitials{in, f.Slot}
			if !seenLongSlot[k] {
				seenLongSlot[k] = true
				long[in] = append(long[in], f.Slot)
			}
		}
	}
	moved := map[string]string{}
	for slot, letters := range short {
		if notShort[slot] {
			continue
		}
		if to := oneLongForm(long[letters], longName); to != "" && to != slot {
			moved[slot] = to
		}
	}
	if len(moved) == 0 {
		return fs
	}
	if out == nil {
		out = append([]facts.Fact(nil), fs...)
	}
	for i := range out {
		if to, ok := moved[out[i].Slot]; ok {
			out[i].Slot = to
		}
	}
	return out
}

// nameInitials returns the initials a name's words spell, lower case:
// of its capitalised words ("Joint Plan of Action": jpa), and of all its
// words when small ones stand inside (jpoa). A word that is itself an
// abbreviation gives all its letters ("U.S. Border Patrol": usbp).
func nameInitials(fields []string) []string {
	var caps, all strings.Builder
	small := false
	for _, w := range fields {
		r := []rune(w)
		switch {
		case isAcronym(strings.TrimRight(w, ",")):
			for _, c := range w {
				if unicode.IsUpper(c) {
					caps.WriteRune(unicode.ToLower(c))
					all.WriteRune(unicode.ToLower(c))
				}
			}
		case unicode.IsUpper(r[0]):
			caps.WriteRune(unicode.ToLower(r[0]))
			all.WriteRune(unicode.ToLower(r[0]))
		case unicode.IsLetter(r[0]):
			all.WriteRune(unicode.ToLower(r[0]))
			small = true
		}
	}
	if caps.Len() < 2 {
		return nil
	}
	if small && all.String() != caps.String() {
		return []string{caps.String(), all.String()}
	}
	return []string{caps.String()}
}

// oneLongForm returns the one long form among the candidate slots: the
// only one, or the longest when every other candidate's name ends it
// ("Customs and Border Protection" in "U.S. Customs and Border
// Protection"); "" when they are different names.
func oneLongForm(cands []string, names map[string]string) string {
	if len(cands) == 0 {
		return ""
	}
	sort.Strings(cands)
	best := cands[0]
	for _, c := range cands[1:] {
		if len(names[c]) > len(names[best]) {
			best = c
		}
	}
	for _, c := range cands {
		if c != best && !strings.HasSuffix(facts.Fold(names[best]), " "+facts.Fold(names[c])) {
			return ""
		}
	}
	return best
}

// splitNamesakes keeps apart, across articles, two people who share only
// a surname: the finder keys a person on the surname so that "Roe" and
// "Ann Roe" meet, which puts "Ann Roe" in one outlet and "Bob Roe" in
// another in one slot. Of the given names of a person slot that cannot be
// one person's (facts.SameGivenName), the one most articles write keeps
// the slot, with the bare surnames; the others move, with their articles'
// title facts, to a slot of their full name. fs is not modified.
func splitNamesakes(fs []facts.Fact, forms nameForms) []facts.Fact {
	return splitNamesakesIn(fs, nil, forms)
}

// splitNamesakesIn is splitNamesakes writing the re-keyed facts into out
// (a copy of fs when nil, else fs itself).
func splitNamesakesIn(fs, out []facts.Fact, forms nameForms) []facts.Fact {
	bySlot := map[string][]int{}
	var slots []string
	for i, f := range fs {
		if f.Kind != facts.KindEntity || !strings.HasPrefix(f.Label, "person: ") {
			continue
		}
		if bySlot[f.Slot] == nil {
			slots = append(slots, f.Slot)
		}
		bySlot[f.Slot] = append(bySlot[f.Slot], i)
	}
	sort.Strings(slots)
	type namesake struct {
		given []string
		facts []int
	}
	moved := map[int]string{}        // fact index → new slot
	titles := map[[2]string]string{} // (article, old title slot) → new title slot
	for _, slot := range slots {
		var groups []*namesake
		for _, i := range bySlot[slot] {
			w := forms.of(fs[i].Value).words
			if len(w) < 2 {
				continue // a bare surname stays
			}
			var g *namesake
			for _, h := range groups {
				for _, given := range h.given {
					if facts.SameGivenName(given, w[0]) {
						g = h
						break
					}
				}
				if g != nil {
					break
				}
			}
			if g == nil {
				g = &namesake{}
				groups = append(groups, g)
			}
			g.given = append(g.given, w[0])
			g.facts = append(g.facts, i)
		}
		if len(groups) < 2 {
			continue
		}
		sort.SliceStable(groups, func(a, b int) bool { return len(groups[a].facts) > len(groups[b].facts) })
		for _, g := range groups[1:] {
			for _, i := range g.facts {
				key := facts.NameKey(strings.Join(forms.of(fs[i].Value).words, " "))
				if key == "" || "entity:"+key == slot {
					continue
				}
				moved[i] = "entity:" + key
				titles[[2]string{fs[i].Article, "title:" + strings.TrimPrefix(slot, "entity:")}] = "title:" + key
			}
		}
	}
	if len(moved) == 0 {
		return fs
	}
	if out == nil {
		out = append([]facts.Fact(nil), fs...)
	}
	for i := range out {
		if to, ok := moved[i]; ok {
			out[i].Slot = to
		} else if to, ok := titles[[2]string{out[i].Article, out[i].Slot}]; ok && out[i].Kind == facts.KindTitle {
			out[i].Slot = to
		}
	}
	return out
}

// alignPlurals puts in one slot the multi-word names of the story that
// differ only by a plural -s on a word ("Nurses Without Borders", "Nurse
// Without Borders") or, for persons, by hyphens and spaces ("Lee Min-ho",
// "Lee Min Ho", which the finder keys on different last words): keyed
// apart, the two spellings would never meet to be shown as variants. The
// slot with the most facts absorbs the others; a person's slots are
// merged only when no article has facts in both, since an article's two
// persons of one surname are two people. fs is not modified.
func alignPlurals(fs []facts.Fact, forms nameForms) []facts.Fact {
	return alignPluralsIn(fs, nil, forms)
}

// alignPluralsIn is alignPlurals writing the re-keyed facts into out (a
// copy of fs when nil, else fs itself).
func alignPluralsIn(fs, out []facts.Fact, forms nameForms) []facts.Fact {
	bucket := map[string][]string{} // spelling key → slots
	count := map[string]int{}
	arts := map[string]map[string]bool{}
	person := map[string]bool{}
	// A name's spelling key is made once however many facts write it.
	type spelling struct {
		value  string
		person bool
	}
	keys := map[spelling]string{}
	type slotKey struct{ key, slot string }
	seen := map[slotKey]bool{}
	for i := range fs {
		f := &fs[i]
		if f.Kind != facts.KindEntity {
			continue
		}
		count[f.Slot]++
		if arts[f.Slot] == nil {
			arts[f.Slot] = map[string]bool{}
		}
		arts[f.Slot][f.Article] = true
		w := forms.of(f.Value).words
		if len(w) < 2 {
			continue
		}
		isPerson := strings.HasPrefix(f.Label, "person: ")
		k, ok := keys[spelling{f.Value, isPerson}]
		if !ok {
			if isPerson {
				k = "p:" + facts.NameKey(strings.Join(w, " "))
			} else {
				sing := make([]string, len(w))
				for i, x := range w {
					sing[i] = strings.TrimSuffix(x, "s")
				}
				k = "o:" + facts.NameKey(strings.Join(sing, " "))
			}
			keys[spelling{f.Value, isPerson}] = k
		}
		if seen[slotKey{k, f.Slot}] {
			continue
		}
		seen[slotKey{k, f.Slot}] = true
		person[f.Slot] = isPerson
		bucket[k] = append(bucket[k], f.Slot)
	}
	order := make([]string, 0, len(bucket))
	for k := range bucket {
		order = append(order, k)
	}
	sort.Strings(order)
	moved := map[string]string{}
	for _, k := range order {
		slots := bucket[k]
		if len(slots) < 2 {
			continue
		}
		sort.Slice(slots, func(i, j int) bool {
			if count[slots[i]] != count[slots[j]] {
				return count[slots[i]] > count[slots[j]]
			}
			return slots[i] < slots[j]
		})
		to := slots[0]
		if _, ok := moved[to]; ok {
			continue
		}
		for _, s := range slots[1:] {
			if _, ok := moved[s]; ok {
				continue
			}
			if person[s] || person[to] {
				shared := false
				for a := range arts[s] {
					if arts[to][a] {
						shared = true
					}
				}
				if shared {
					continue
				}
				for a := range arts[s] {
					arts[to][a] = true
				}
			}
			moved[s] = to
		}
	}
	if len(moved) == 0 {
		return fs
	}
	for s, to := range moved {
		// A slot absorbed by one that was itself absorbed later.
		for n := 0; n < len(moved); n++ {
			next, ok := moved[to]
			if !ok || next == s {
				break
			}
			to = next
		}
		moved[s] = to
	}
	if out == nil {
		out = append([]facts.Fact(nil), fs...)
	}
	titles := map[[2]string]string{} // (article, old title slot) → new
	for i := range out {
		if to, ok := moved[out[i].Slot]; ok && out[i].Kind == facts.KindEntity {
			if person[out[i].Slot] {
				titles[[2]string{out[i].Article, "title:" + strings.TrimPrefix(out[i].Slot, "entity:")}] = "title:" + strings.TrimPrefix(to, "entity:")
			}
			out[i].Slot = to
		}
	}
	for i := range out {
		if to, ok := titles[[2]string{out[i].Article, out[i].Slot}]; ok && out[i].Kind == facts.KindTitle {
			out[i].Slot = to
		}
	}
	return out
}
