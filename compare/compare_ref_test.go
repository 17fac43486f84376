package compare

import (
	"fmt"
	"math/rand"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/google/go-cmp/cmp"
)

// The reference versions of what Compare does per slot, as they were
// before single kept its working space from slot to slot and Compare
// sorted and split the facts in one pass: the faster code must give the
// same results.

// sortedFacts returns a sorted copy of fs (as sortFacts sorts).
func sortedFacts(fs []facts.Fact) []facts.Fact {
	idx := sortedIndex(fs)
	out := make([]facts.Fact, len(fs))
	for k, i := range idx {
		out[k] = fs[i]
	}
	return out
}

// splitSortedRef is Compare's split as it was: a sorted copy of all the
// facts, then the general ones copied again and each topic slot's
// sorted by sortFacts.
func splitSortedRef(fs []facts.Fact, topicSlots map[string]bool) ([]facts.Fact, map[string][]facts.Fact) {
	fs = sortedFacts(fs)
	bySlot := map[string][]facts.Fact{}
	general := make([]facts.Fact, 0, len(fs))
	for _, f := range fs {
		if !topicSlots[f.Slot] {
			general = append(general, f)
			continue
		}
		bySlot[f.Slot] = append(bySlot[f.Slot], f)
	}
	for _, sf := range bySlot {
		sortFacts(sf)
	}
	return general, bySlot
}

func (c comparer) singleRef(s facts.Slot, fs []facts.Fact, generated bool) SlotResult {
	sr := SlotResult{Slot: s.ID, Kind: string(s.Kind), Label: s.Label, Missing: []string{}, Values: []Value{}, Notes: []string{}, Generated: generated}
	if s.Kind == facts.KindEntity {
		fs = preferSpellings(fs, c.forms)
	}
	// Each article's first primary and first background fact, by index
	// into fs, and whether it affirms (bit 1) or denies (bit 2).
	primary := make(map[string]int, len(fs))
	background := map[string]int{}
	polarity := make(map[string]uint8, len(fs))
	for i := range fs {
		f := &fs[i]
		if f.Background {
			if _, ok := background[f.Article]; !ok {
				background[f.Article] = i
			}
			continue
		}
		if f.Negated {
			polarity[f.Article] |= 2
		} else {
			polarity[f.Article] |= 1
		}
		if _, ok := primary[f.Article]; !ok {
			primary[f.Article] = i
		}
	}
	stated := make([]facts.Fact, 0, len(primary))
	sr.Values = make([]Value, 0, len(primary)+len(background))
	for _, a := range c.articles {
		if i, ok := primary[a.ID]; ok {
			stated = append(stated, fs[i])
			sr.Values = append(sr.Values, toValue(fs[i]))
			continue
		}
		sr.Missing = append(sr.Missing, a.ID)
		if i, ok := background[a.ID]; ok {
			sr.Values = append(sr.Values, toValue(fs[i]))
		}
	}
	sr.Status = Agree
	if len(stated) == 0 {
		sr.Status = Omission
		sr.Notes = append(sr.Notes, "no article states this")
		c.noteBackgroundRef(&sr, fs, background)
		return sr
	}
	// Contradictions: values that cannot both be true.
	if s.Kind == facts.KindEntity {
		// Spellings of one name; compared below as a variant.
	} else if d, ok := c.valueGroups(s.Kind, stated); ok {
		sr.Differences = append(sr.Differences, d)
		incompat := incompatible(s.Kind, stated)
		if incompat {
			// A topic slot names one thing; a generated slot is keyed by
			// a word ("migrant", "date of: head"), so without a shared
			// name or phrase around the values they may count another
			// group or date another event.
			sr.Why, sr.Confidence = "the same slot of the topic file: "+s.ID, 1
			if generated {
				sr.Why, sr.Confidence = subjectTie(s.Kind, stated, c.story)
			}
		}
		switch {
		case incompat && sr.Confidence < ContradictionConfidence:
			sr.Status = worse(sr.Status, Nuance)
			sr.Notes = append(sr.Notes, "values differ, perhaps about different things: "+c.describe(d))
		case incompat:
			sr.Status = Contradiction
			sr.Notes = append(sr.Notes, "values differ: "+c.describe(d))
		case s.Kind == facts.KindTitle:
			d.Field = "title"
			sr.Status = worse(sr.Status, Nuance)
			sr.Notes = append(sr.Notes, "titled differently: "+c.describe(d))
		default:
			sr.Status = worse(sr.Status, Nuance)
			sr.Notes = append(sr.Notes, "compatible values at different precision: "+c.describe(d))
		}
	}
	if s.Kind == facts.KindEvent {
		if d, ok := c.group("polarity", stated, func(f facts.Fact) string {
			if f.Negated {
				return "denied"
			}
			return "affirmed"
		}); ok {
			sr.Differences = append(sr.Differences, d)
			sr.Status = Contradiction
			sr.Why, sr.Confidence = "one event: "+strings.TrimPrefix(eventLabel(s), "event: "), 0.9
			sr.Notes = append(sr.Notes, "affirmed against denied: "+c.describe(d))
		}
		for _, a := range c.articles {
			if polarity[a.ID] == 3 {
				sr.Notes = append(sr.Notes, c.labels[a.ID]+" both affirms and denies it")
			}
		}
	}
	if len(sr.Missing) > 0 {
		if !generated {
			sr.Status = worse(sr.Status, Omission)
		}
		sr.Notes = append(sr.Notes, "not stated by "+c.names(sr.Missing))
		c.noteBackgroundRef(&sr, fs, background)
	}
	switch s.Kind {
	case facts.KindEntity:
		if d, ok := c.entitySpellings(fs); ok {
			sr.Differences = append(sr.Differences, d)
			sr.Status = worse(sr.Status, Variant)
			sr.Notes = append(sr.Notes, "spelled differently: "+c.describe(d))
		}
	}
	if s.Kind != facts.KindEvent {
		// Aspect belongs to events only.
	} else if d, ok := c.group("aspect", stated, func(f facts.Fact) string { return aspectName(f.Aspect) }); ok {
		sr.Differences = append(sr.Differences, d)
		sr.Status = worse(sr.Status, Nuance)
		sr.Notes = append(sr.Notes, "aspect differs: "+c.describe(d))
	}
	// Who says a name or a title is no nuance; who says a date, number
	// or event is.
	if s.Kind == facts.KindEntity || s.Kind == facts.KindTitle {
		return sr
	}
	if d, ok := c.group("attribution", stated, attributionName); ok {
		sr.Differences = append(sr.Differences, d)
		sr.Status = worse(sr.Status, Nuance)
		sr.Notes = append(sr.Notes, "attribution differs: "+c.describe(d))
	}
	return sr
}
func (c comparer) noteBackgroundRef(sr *SlotResult, fs []facts.Fact, background map[string]int) {
	for _, a := range c.articles {
		if i, ok := background[a.ID]; ok && contains(sr.Missing, a.ID) {
			sr.Notes = append(sr.Notes, fmt.Sprintf("%s mentions only an earlier occurrence: %q", c.labels[a.ID], fs[i].Surface))
		}
	}
}

func TestSplitSortedMatchesReference(t *testing.T) {
	tp, _, fs := benchTopic(t)
	topicSlots := map[string]bool{}
	for _, s := range tp.Slots {
		topicSlots[s.ID] = true
	}
	shuffled := append([]facts.Fact(nil), fs...)
	rand.New(rand.NewSource(1)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	for _, in := range [][]facts.Fact{fs, shuffled, nil} {
		gotGen, gotBy := splitSorted(in, topicSlots)
		wantGen, wantBy := splitSortedRef(in, topicSlots)
		if diff := cmp.Diff(wantGen, gotGen); diff != "" {
			t.Errorf("general facts (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(wantBy, gotBy); diff != "" {
			t.Errorf("topic slots' facts (-want +got):\n%s", diff)
		}
	}
}

// TestSingleMatchesReference compares every slot of the bench topic, its
// topic slots and its general ones, with single and with the reference,
// also with an article id given twice and facts of an article not
// compared.
func TestSingleMatchesReference(t *testing.T) {
	tp, arts, fs := benchTopic(t)
	sort.Slice(arts, func(i, j int) bool { return arts[i].ID < arts[j].ID })
	topicSlots := map[string]bool{}
	for _, s := range tp.Slots {
		topicSlots[s.ID] = true
	}
	general, bySlot := splitSorted(fs, topicSlots)
	var slots []facts.Slot
	for _, s := range tp.Slots {
		if s.Kind != facts.KindEntitySet {
			slots = append(slots, s)
		}
	}
	for _, f := range general {
		if _, ok := bySlot[f.Slot]; !ok && f.Kind != facts.KindQuote {
			slots = append(slots, facts.Slot{ID: f.Slot, Kind: f.Kind, Label: f.Label})
		}
		bySlot[f.Slot] = append(bySlot[f.Slot], f)
	}
	dup := append(append([]facts.Article(nil), arts[:3]...), arts[2:]...)
	dup[0].ID = "zz-not-compared"
	sort.Slice(dup, func(i, j int) bool { return dup[i].ID < dup[j].ID })
	for _, set := range [][]facts.Article{arts, dup, arts[:1]} {
		labels := articleLabels(set)
		story := storyDates{tokens: tokenMemo{}, words: wordsMemo{}}
		c := comparer{articles: set, labels: labels, forms: nameForms{}, story: story, scratch: newSingleScratch(set)}
		ref := comparer{articles: set, labels: labels, forms: nameForms{}, story: story}
		for _, s := range slots {
			for _, generated := range []bool{false, true} {
				got := c.single(s, append([]facts.Fact(nil), bySlot[s.ID]...), generated)
				want := ref.singleRef(s, append([]facts.Fact(nil), bySlot[s.ID]...), generated)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("%d articles, slot %s, generated %v (-want +got):\n%s", len(set), s.ID, generated, diff)
				}
			}
		}
	}
	if len(slots) < 20 {
		t.Fatalf("only %d slots compared: %s", len(slots), fmt.Sprint(slots))
	}
}

// incompatibleRef is incompatible as it was before the values were read
// once per slot rather than once per pair tested.
func incompatibleRef(kind facts.Kind, fs []facts.Fact) bool {
	for i := range fs {
		for j := i + 1; j < len(fs); j++ {
			a, b := fs[i].Value, fs[j].Value
			if a == b {
				continue
			}
			if kind == facts.KindDate {
				da, err1 := facts.ParseDateValue(a)
				db, err2 := facts.ParseDateValue(b)
				if err1 == nil && err2 == nil && da.Overlaps(db) {
					continue
				}
			}
			if kind == facts.KindNumber || kind == facts.KindDuration {
				ra, err1 := facts.ParseRange(a)
				rb, err2 := facts.ParseRange(b)
				if err1 == nil && err2 == nil && roughly(ra).Overlaps(roughly(rb)) {
					continue
				}
			}
			if kind == facts.KindTitle {
				continue // another title is a nuance, never a contradiction
			}
			if kind == facts.KindCount {
				na, err1 := strconv.Atoi(a)
				nb, err2 := strconv.Atoi(b)
				if err1 == nil && err2 == nil && na == nb {
					continue
				}
			}
			return true
		}
	}
	return false
}

// TestIncompatibleMatchesReference holds incompatible and incompatiblePair
// to the reference on every slot of the bench topic, each kind tried on
// each slot's values, and on every pair of its facts.
func TestIncompatibleMatchesReference(t *testing.T) {
	_, _, fs := benchTopic(t)
	bySlot := map[string][]facts.Fact{}
	for _, f := range fs {
		bySlot[f.Slot] = append(bySlot[f.Slot], f)
	}
	// Values of every kind side by side, so each parser meets the others'.
	var mixed []facts.Fact
	for _, v := range []string{"2018-04-24", "2018-04", "--04-24", "Tuesday", "2018-W17", "10", "10-20", ">150", "150", "153",
		"1.5", "x", "", "3", "03", "P2Y", "2017"} {
		mixed = append(mixed, facts.Fact{Value: v})
	}
	bySlot["mixed"] = mixed
	kinds := []facts.Kind{facts.KindDate, facts.KindNumber, facts.KindDuration, facts.KindCount, facts.KindTitle, facts.KindEntity, facts.KindEvent}
	tried, pairs := 0, 0
	for id, sf := range bySlot {
		if len(sf) > 60 {
			sf = sf[:60]
		}
		for _, kind := range kinds {
			if got, want := incompatible(kind, sf), incompatibleRef(kind, sf); got != want {
				t.Errorf("slot %s as %s: incompatible %v, reference %v", id, kind, got, want)
			}
			tried++
			pv := readValues(kind, sf)
			for i := range sf {
				for j := i + 1; j < len(sf); j++ {
					if got, want := incompatiblePair(kind, &pv[i], &pv[j]), incompatibleRef(kind, []facts.Fact{sf[i], sf[j]}); got != want {
						t.Fatalf("slot %s as %s: %q against %q: incompatible %v, reference %v", id, kind, sf[i].Value, sf[j].Value, got, want)
					}
					pairs++
				}
			}
		}
	}
	if tried < 100 || pairs < 1000 {
		t.Fatalf("only %d slots and %d pairs tried", tried, pairs)
	}
}

// countRef is count as it was, with two maps per slot.
func (c comparer) countRef(sr *SlotResult) {
	articles := map[string]bool{}
	groups := map[int]bool{}
	for _, v := range sr.Values {
		if v.Background || articles[v.Article] {
			continue
		}
		articles[v.Article] = true
		groups[c.sourceOf[v.Article]] = true
	}
	sr.Stated, sr.Independent = len(articles), len(groups)
}

// statingTwoRef is general's test as it was: two articles or more state
// a fact of the slot as more than background.
func statingTwoRef(fs []facts.Fact) bool {
	articles := map[string]bool{}
	for _, f := range fs {
		if !f.Background {
			articles[f.Article] = true
		}
	}
	return len(articles) >= 2
}

// TestCountMatchesReference holds count and statingTwo to the references
// on every slot of the bench topic's result, and on values of articles
// not compared, background values and an empty article id.
func TestCountMatchesReference(t *testing.T) {
	tp, arts, fs := benchTopic(t)
	res := Compare(tp, arts, fs)
	sort.Slice(arts, func(i, j int) bool { return arts[i].ID < arts[j].ID })
	c := comparer{articles: arts, sourceOf: map[string]int{}, scratch: newSingleScratch(arts)}
	for i, g := range res.Sources {
		for _, id := range g.Articles {
			c.sourceOf[id] = i
		}
	}
	slots := append([]SlotResult(nil), res.Facts...)
	odd := SlotResult{Values: []Value{{Article: "x"}, {Article: arts[0].ID}, {Article: "x"}, {Article: ""}, {Article: arts[3].ID, Background: true},
		{Article: arts[1].ID}, {Article: arts[0].ID}, {Article: "y", Background: true}}}
	slots = append(slots, odd, SlotResult{})
	for _, sr := range slots {
		want, got := sr, sr
		c.countRef(&want)
		c.count(&got)
		if got.Stated != want.Stated || got.Independent != want.Independent {
			t.Errorf("slot %s: count %d stated, %d independent; reference %d, %d", sr.Slot, got.Stated, got.Independent, want.Stated, want.Independent)
		}
	}
	bySlot := map[string][]facts.Fact{}
	for _, f := range fs {
		bySlot[f.Slot] = append(bySlot[f.Slot], f)
	}
	bySlot["odd"] = []facts.Fact{{Article: ""}, {Article: "", Background: true}, {Article: "a", Background: true}}
	bySlot["odd2"] = []facts.Fact{{Article: ""}, {Article: "a"}}
	bySlot["odd3"] = []facts.Fact{{Article: "a", Background: true}, {Article: "b"}, {Article: "b"}}
	for id, sf := range bySlot {
		if got, want := statingTwo(sf), statingTwoRef(sf); got != want {
			t.Errorf("slot %s: statingTwo %v, reference %v", id, got, want)
		}
	}
}

// group is groupFacts as it was, taking a copy of each fact: singleRef
// calls it.
func (c comparer) group(field string, fs []facts.Fact, key func(facts.Fact) string) (Difference, bool) {
	idx := map[string]int{}
	var groups []DiffGroup
	for _, f := range fs {
		k := key(f)
		i, ok := idx[k]
		if !ok {
			i = len(groups)
			idx[k] = i
			groups = append(groups, DiffGroup{Value: k})
		}
		if !contains(groups[i].Articles, f.Article) {
			groups[i].Articles = append(groups[i].Articles, f.Article)
		}
	}
	if len(groups) < 2 {
		return Difference{}, false
	}
	sort.SliceStable(groups, func(i, j int) bool { return len(groups[i].Articles) > len(groups[j].Articles) })
	return Difference{Field: field, Groups: groups}, true
}

// TestGroupMatchesReference holds groupFacts (and so groupBy) to group on
// every slot of the bench topic, by several keys.
func TestGroupMatchesReference(t *testing.T) {
	_, _, fs := benchTopic(t)
	bySlot := map[string][]facts.Fact{}
	for _, f := range fs {
		bySlot[f.Slot] = append(bySlot[f.Slot], f)
	}
	keys := map[string]func(f facts.Fact) string{
		"value": func(f facts.Fact) string { return f.Value }, "surface": func(f facts.Fact) string { return f.Surface },
		"attribution": attributionName, "article": func(f facts.Fact) string { return f.Article },
		"one": func(facts.Fact) string { return "" },
	}
	groups := 0
	for id, sf := range bySlot {
		for name, key := range keys {
			want, wok := comparer{}.group(name, sf, key)
			got, ok := comparer{}.groupFacts(name, sf, func(f *facts.Fact) string { return key(*f) })
			if ok != wok {
				t.Fatalf("slot %s by %s: ok %v, reference %v", id, name, ok, wok)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("slot %s by %s (-reference +groupFacts):\n%s", id, name, diff)
			}
			groups += len(got.Groups)
		}
	}
	if groups < 100 {
		t.Fatalf("only %d groups compared", groups)
	}
}

// statingRef is stating as it was, with a map per slot.
func (c comparer) statingRef(sr *SlotResult) []string {
	has := map[string]bool{}
	for _, v := range sr.Values {
		if !v.Background {
			has[v.Article] = true
		}
	}
	var out []string
	for _, a := range c.articles {
		if has[a.ID] {
			out = append(out, a.ID)
		}
	}
	return out
}

// TestStatingMatchesReference holds stating to the reference on every
// slot of the bench topic's result and on odd values, also with an
// article id twice.
func TestStatingMatchesReference(t *testing.T) {
	tp, arts, fs := benchTopic(t)
	res := Compare(tp, arts, fs)
	sort.Slice(arts, func(i, j int) bool { return arts[i].ID < arts[j].ID })
	dup := append(append([]facts.Article(nil), arts[:3]...), arts[2:]...)
	slots := append([]SlotResult(nil), res.Facts...)
	slots = append(slots, SlotResult{Values: []Value{{Article: "x"}, {Article: arts[2].ID}, {Article: arts[4].ID, Background: true}, {Article: ""}}}, SlotResult{})
	for _, set := range [][]facts.Article{arts, dup} {
		c := comparer{articles: set, scratch: newSingleScratch(set)}
		for _, sr := range slots {
			if diff := cmp.Diff(c.statingRef(&sr), c.stating(&sr)); diff != "" {
				t.Errorf("slot %s (-reference +stating):\n%s", sr.Slot, diff)
			}
		}
	}
}

// alignAbbreviationsInRef is alignAbbreviationsIn as it was, reading each
// fact's name anew.
func alignAbbreviationsInRef(fs, out []facts.Fact) []facts.Fact {
	short := map[string]string{}  // slot → letters, for slots of abbreviations
	long := map[string][]string{} // initials → slots of multi-word names
	notShort := map[string]bool{}
	seenLong := map[string]bool{}
	longName := map[string]string{} // slot → its longest multi-word name
	for _, f := range fs {
		if f.Kind != facts.KindEntity {
			continue
		}
		fields := strings.Fields(f.Value)
		if len(fields) == 1 && isAcronym(fields[0]) {
			short[f.Slot] = strings.ToLower(strings.ReplaceAll(fields[0], ".", ""))
			continue
		}
		notShort[f.Slot] = true
		if len(fields) < 2 || strings.HasPrefix(f.Label, "person: ") {
			continue
		}
		ins := nameInitials(fields)
		if len(fields) > 2 && isAcronym(fields[0]) {
			// "U.S. Customs and Border Protection" is also "CBP".
			ins = append(ins, nameInitials(fields[1:])...)
		}
		if n := longName[f.Slot]; len(fields) > len(strings.Fields(n)) {
			longName[f.Slot] = f.Value
		}
		for _, in := range ins {
			k := in + "\x00" + f.Slot
			if !seenLong[k] {
				seenLong[k] = true
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

// TestAlignAbbreviationsMatchesReference holds alignAbbreviationsIn to the
// reference on the bench topic's facts and on made-up names: an
// abbreviation and its long form, one spelled by two long forms, a
// person's initials, padded values.
func TestAlignAbbreviationsMatchesReference(t *testing.T) {
	_, _, fs := benchTopic(t)
	ent := func(art, slot, value, label string) facts.Fact {
		return facts.Fact{Article: art, Slot: slot, Kind: facts.KindEntity, Value: value, Label: label}
	}
	made := []facts.Fact{
		ent("a", "e:ht", "Harbour Trust", "org: Harbour Trust"), ent("b", "e:HT", "HT", ""), ent("c", "e:ht", "Harbour Trust", ""),
		ent("a", "e:pa", "Port Alder Authority", ""), ent("b", "e:PAA", "P.A.A.", ""), ent("c", "e:pa2", "Port Alder Association", ""),
		ent("a", "e:je", "June Ellis", "person: June Ellis"), ent("b", "e:JE", "JE", ""),
		ent("a", "e:jpa", "Joint Plan of Action", ""), ent("b", "e:JPOA", "JPOA", ""), ent("c", "e:cbp", "U.S. Customs and Border Protection", ""),
		ent("d", "e:CBP", "CBP", ""), ent("e", "e:cbp2", "Customs and Border Protection", ""), ent("f", "e:cbp2", "Customs and Border Protections", ""),
		ent("d", "e:sp", " HT ", ""), ent("e", "e:x", "", ""), {Article: "a", Slot: "n:1", Kind: facts.KindNumber, Value: "UN"},
	}
	for _, in := range [][]facts.Fact{fs, made, append(append([]facts.Fact(nil), made...), fs...)} {
		want := alignAbbreviationsInRef(in, nil)
		got := alignAbbreviationsIn(in, nil)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%d facts (-reference +new):\n%s", len(in), diff)
		}
	}
	moved := 0
	for i, f := range alignAbbreviationsIn(made, nil) {
		if f.Slot != made[i].Slot {
			moved++
		}
	}
	if moved == 0 {
		t.Fatal("no abbreviation moved: the made-up names test nothing")
	}
}

// alignPluralsInRef is alignPluralsIn as it was, making each fact's
// spelling key anew.
func alignPluralsInRef(fs, out []facts.Fact, forms nameForms) []facts.Fact {
	bucket := map[string][]string{} // spelling key → slots
	count := map[string]int{}
	arts := map[string]map[string]bool{}
	person := map[string]bool{}
	seen := map[string]bool{}
	for _, f := range fs {
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
		var k string
		if isPerson {
			k = "p:" + facts.NameKey(strings.Join(w, " "))
		} else {
			sing := make([]string, len(w))
			for i, x := range w {
				sing[i] = strings.TrimSuffix(x, "s")
			}
			k = "o:" + facts.NameKey(strings.Join(sing, " "))
		}
		if seen[k+"\x00"+f.Slot] {
			continue
		}
		seen[k+"\x00"+f.Slot] = true
		person[f.Slot] = isPerson
		bucket[k] = append(bucket[k], f.Slot)
	}
	keys := make([]string, 0, len(bucket))
	for k := range bucket {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	moved := map[string]string{}
	for _, k := range keys {
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

// TestAlignPluralsMatchesReference holds alignPluralsIn to the reference
// on the bench topic's facts and on made-up plurals and persons.
func TestAlignPluralsMatchesReference(t *testing.T) {
	_, _, fs := benchTopic(t)
	ent := func(art, slot, value, label string) facts.Fact {
		return facts.Fact{Article: art, Slot: slot, Kind: facts.KindEntity, Value: value, Label: label}
	}
	made := []facts.Fact{
		ent("a", "entity:ht", "Harbour Trusts", ""), ent("b", "entity:ht2", "Harbour Trust", ""), ent("c", "entity:ht2", "Harbour Trust", ""),
		ent("a", "entity:je", "June Ellis", "person: June Ellis"), ent("b", "entity:je2", "June Ellis", "person: June Ellis"),
		ent("a", "entity:je3", "June Ellis", "person: June Ellis"), ent("c", "entity:je", "June Ellis", ""), ent("d", "entity:je4", "June Ellis", ""),
		{Article: "b", Slot: "title:je2", Kind: facts.KindTitle, Value: "governor"}, ent("d", "entity:x", "X", ""),
	}
	for _, in := range [][]facts.Fact{fs, made, append(append([]facts.Fact(nil), made...), fs...)} {
		want := alignPluralsInRef(in, nil, nameForms{})
		got := alignPluralsIn(in, nil, nameForms{})
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%d facts (-reference +new):\n%s", len(in), diff)
		}
	}
}

// namesRef is names as it was, joining a list of labels.
func (c comparer) namesRef(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = c.labels[id]
	}
	if len(out) < 2 {
		return strings.Join(out, "")
	}
	// Long lists name the first few and count the rest, so a finding over
	// twenty articles stays one readable sentence.
	if len(out) > 6 {
		return strings.Join(out[:4], ", ") + " and " + strconv.Itoa(len(out)-4) + " more"
	}
	return strings.Join(out[:len(out)-1], ", ") + " and " + out[len(out)-1]
}

func TestNamesMatchesReference(t *testing.T) {
	labels := map[string]string{"a": "Alder Post", "b": "Harbour Times (b)", "c": "", "d": "D"}
	c := comparer{labels: labels}
	ids := []string{"a", "b", "c", "d", "x", "a", "b", "d"}
	for n := 0; n <= len(ids); n++ {
		if got, want := c.names(ids[:n]), c.namesRef(ids[:n]); got != want {
			t.Errorf("names(%q) = %q, reference %q", ids[:n], got, want)
		}
	}
}

// newSpeakerKindsRef is newSpeakerKinds as it was, keying every fact's
// name anew.
func newSpeakerKindsRef(fs []facts.Fact) speakerKinds {
	out := speakerKinds{}
	for i := range fs {
		f := &fs[i]
		if f.Kind != facts.KindEntity {
			continue
		}
		kind, _, ok := strings.Cut(f.Label, ": ")
		if !ok {
			continue
		}
		m := out[f.Article]
		if m == nil {
			m = map[string]string{}
			out[f.Article] = m
		}
		m[facts.NameKey(f.Value)] = kind
		if kind == "person" {
			if k := facts.NameKey(quoteSurname(f.Value)); m[k] == "" {
				m[k] = kind
			}
		}
	}
	return out
}

func TestSpeakerKindsMatchesReference(t *testing.T) {
	_, _, fs := benchTopic(t)
	made := []facts.Fact{
		{Article: "a", Kind: facts.KindEntity, Value: "June Ellis", Label: "person: June Ellis"},
		{Article: "a", Kind: facts.KindEntity, Value: "Ellis", Label: "org: Ellis"},
		{Article: "b", Kind: facts.KindEntity, Value: "June Ellis", Label: "org: x"},
		{Article: "b", Kind: facts.KindEntity, Value: "Ellis Harbour", Label: "person: y"},
		{Article: "c", Kind: facts.KindEntity, Value: "Port Alder", Label: "no kind"},
	}
	for _, in := range [][]facts.Fact{fs, made, append(append([]facts.Fact(nil), made...), fs...)} {
		if diff := cmp.Diff(newSpeakerKindsRef(in), newSpeakerKinds(in)); diff != "" {
			t.Errorf("%d facts (-reference +new):\n%s", len(in), diff)
		}
	}
}
