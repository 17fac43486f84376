package compare

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/crosscheck-news/crosscheck/facts"
)

// Compare compares the facts of a topic's articles slot by slot. facts may
// come in any order; the result does not depend on it.
func Compare(topic *facts.Topic, articles []facts.Article, fs []facts.Fact) Result {
	arts := append([]facts.Article(nil), articles...)
	sort.Slice(arts, func(i, j int) bool { return arts[i].ID < arts[j].ID })
	res := Result{Schema: Schema, Topic: topic.ID, Title: topic.Title}
	labels := articleLabels(arts)
	if len(arts) > 0 {
		res.Articles = make([]Article, 0, len(arts))
	}
	for _, a := range arts {
		res.Articles = append(res.Articles, Article{
			ID: a.ID, File: a.File, Label: labels[a.ID], Outlet: a.Outlet, Wire: a.Wire,
			Byline: a.Byline, Published: a.Published.String(), Title: a.Title, URL: a.URL,
		})
	}
	// Sources and Variants both read every paragraph's tokens.
	paras := &paraTokens{}
	res.Sources = sources(arts, paras)
	c := comparer{articles: arts, labels: labels, sourceOf: map[string]int{}, forms: nameForms{}, speakers: newSpeakerTable(), scratch: newSingleScratch(arts), paras: paras}
	var ids []string
	for i, g := range res.Sources {
		for _, id := range g.Articles {
			c.sourceOf[id] = i
		}
	}
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	res.Independence = Independence(res.Sources, ids)
	topicSlots := map[string]bool{}
	for _, s := range topic.Slots {
		topicSlots[s.ID] = true
	}
	general, bySlot := splitSorted(fs, topicSlots)
	gen := c.general(alignEntities(general, c.forms))
	if n := len(topic.Slots) + len(gen); n > 0 {
		res.Facts = make([]SlotResult, 0, n)
	}
	for _, s := range topic.Slots {
		// splitSorted keeps each slot's facts in sortFacts' order.
		sf := bySlot[s.ID]
		var sr SlotResult
		if s.Kind == facts.KindEntitySet {
			sr = c.set(s, sf)
		} else {
			sr = c.single(s, sf, false)
		}
		c.count(&sr)
		c.headline(&sr)
		addDiffs(&sr)
		res.Facts = append(res.Facts, sr)
	}
	for _, sr := range gen {
		c.count(&sr)
		c.headline(&sr)
		addDiffs(&sr)
		res.Facts = append(res.Facts, sr)
	}
	rank(res.Facts)
	for _, sr := range res.Facts {
		res.Summary.add(sr.Status)
	}
	res.Variants = variants(topic, arts, paras)
	if res.Variants == nil {
		res.Variants = []VariantGroup{}
	}
	var scratch idScratch
	for i := range res.Facts {
		res.Facts[i].ID = slotFindingID(topic.ID, &res.Facts[i], &scratch)
	}
	for i := range res.Variants {
		res.Variants[i].ID = variantFindingID(topic.ID, res.Variants[i])
	}
	ApplyVerdicts(&res, nil)
	if res.Sources == nil {
		res.Sources = []SourceGroup{}
	}
	return res
}

// count fills how many articles, and how many independent sources, state
// the slot.
func (c comparer) count(sr *SlotResult) {
	if sc := c.scratch; sc != nil && len(sc.first) == len(c.articles) {
		sr.Stated, sr.Independent = sc.countStating(sr.Values, c.sourceOf)
		return
	}
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

// splitSorted sorts fs (as sortFacts sorts) into the facts of no slot of
// the topic (general) and those of each topic slot (bySlot), copying each
// fact once: the order is found on indexes rather than by moving 232-byte
// facts about, and no sorted copy of all the facts is made first.
func splitSorted(fs []facts.Fact, topicSlots map[string]bool) (general []facts.Fact, bySlot map[string][]facts.Fact) {
	idx := sortedIndex(fs)
	// The topic's slots are numbered, and each fact's slot looked up
	// once: where it goes is then kept by number (four look-ups of the
	// slot per fact before).
	num := make(map[string]int32, len(topicSlots))
	var slots []string
	for id, in := range topicSlots {
		if in {
			num[id] = int32(len(slots))
			slots = append(slots, id)
		}
	}
	slotOf := make([]int32, len(fs)) // the fact's slot number, -1 for none
	sizes := make([]int, len(slots))
	n := 0
	for i := range fs {
		id, ok := num[fs[i].Slot]
		if !ok {
			slotOf[i] = -1
			n++
			continue
		}
		slotOf[i] = id
		sizes[id]++
	}
	general = make([]facts.Fact, 0, n)
	pieces := make([][]facts.Fact, len(slots))
	for id, size := range sizes {
		if size > 0 {
			pieces[id] = make([]facts.Fact, 0, size)
		}
	}
	for _, i := range idx {
		if id := slotOf[i]; id >= 0 {
			pieces[id] = append(pieces[id], fs[i])
			continue
		}
		general = append(general, fs[i])
	}
	bySlot = make(map[string][]facts.Fact, len(slots))
	for id, p := range pieces {
		if p != nil {
			bySlot[slots[id]] = p
		}
	}
	return general, bySlot
}

// sortedIndex returns the indexes of fs in sortFacts' order.
func sortedIndex(fs []facts.Fact) []int32 {
	idx := make([]int32, len(fs))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortStableFunc(idx, func(i, j int32) int {
		switch a, b := &fs[i], &fs[j]; {
		case factBefore(a, b):
			return -1
		case factBefore(b, a):
			return 1
		}
		return 0
	})
	return idx
}

// factBefore is sortFacts' order.
func factBefore(a, b *facts.Fact) bool {
	if a.Article != b.Article {
		return a.Article < b.Article
	}
	if a.Span.Start != b.Span.Start {
		return a.Span.Start < b.Span.Start
	}
	return factLess(a, b)
}

func sortFacts(fs []facts.Fact) {
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Article != fs[j].Article {
			return fs[i].Article < fs[j].Article
		}
		if fs[i].Span.Start != fs[j].Span.Start {
			return fs[i].Span.Start < fs[j].Span.Start
		}
		return factLess(&fs[i], &fs[j])
	})
}

// factLess orders two facts of one article and start by everything else
// they hold, so that sorting gives one order however the facts came: the
// result must not depend on the order of the store's rows.
func factLess(a, b *facts.Fact) bool {
	switch {
	case a.Value != b.Value:
		return a.Value < b.Value
	case a.Span.End != b.Span.End:
		return a.Span.End < b.Span.End
	case a.Slot != b.Slot:
		return a.Slot < b.Slot
	case a.Kind != b.Kind:
		return a.Kind < b.Kind
	case a.Surface != b.Surface:
		return a.Surface < b.Surface
	case a.Attribution != b.Attribution:
		return a.Attribution < b.Attribution
	case a.Source != b.Source:
		return a.Source < b.Source
	case a.Aspect != b.Aspect:
		return a.Aspect < b.Aspect
	case a.Negated != b.Negated:
		return !a.Negated
	case a.Background != b.Background:
		return !a.Background
	case a.Label != b.Label:
		return a.Label < b.Label
	case a.SentenceSpan != b.SentenceSpan:
		if a.SentenceSpan.Start != b.SentenceSpan.Start {
			return a.SentenceSpan.Start < b.SentenceSpan.Start
		}
		return a.SentenceSpan.End < b.SentenceSpan.End
	case a.Sentence != b.Sentence:
		return a.Sentence < b.Sentence
	}
	return a.Extractor < b.Extractor
}

// articleLabels names each article for columns and notes: its outlet when
// that is unique among the articles, the outlet and id when not, the id
// when the outlet is unknown.
func articleLabels(arts []facts.Article) map[string]string {
	count := map[string]int{}
	for _, a := range arts {
		if a.Outlet != "" {
			count[a.Outlet]++
		}
	}
	out := map[string]string{}
	for _, a := range arts {
		switch {
		case a.Outlet == "":
			out[a.ID] = a.ID
		case count[a.Outlet] > 1:
			out[a.ID] = a.Outlet + " (" + a.ID + ")"
		default:
			out[a.ID] = a.Outlet
		}
	}
	return out
}

type comparer struct {
	articles []facts.Article
	labels   map[string]string
	// sourceOf maps an article id to the index of its source group.
	sourceOf map[string]int
	// story is what the whole story says about its dates' events (set
	// by general).
	story storyDates
	// forms holds the names' spelling forms for the whole comparison.
	forms nameForms
	// speakers numbers the quotes' speakers (set by quoteSlots when nil).
	speakers *speakerTable
	// scratch is single's working space, reused from slot to slot (made
	// by single when nil).
	scratch *singleScratch
	// paras holds the articles' paragraph tokens (made by Compare for
	// sources and variants), which the facts' sentences are read from
	// when they can be (nil: each sentence is tokenised).
	paras *paraTokens
}

// singleScratch is what single needs per slot, kept for the next slot of
// the comparison: one comparison compares hundreds of slots, and per-slot
// maps and copies of 232-byte facts were most of its garbage.
type singleScratch struct {
	// art maps an article id to its first index in comparer.articles;
	// first holds that index per article.
	art   map[string]int
	first []int
	// primary and background hold per article the index into the slot's
	// facts of its first primary and first background fact (-1 for none);
	// polarity whether it affirms (bit 1) or denies (bit 2).
	primary, background []int
	polarity            []uint8
	// stated is the buffer of the facts the articles state.
	stated []facts.Fact
	// seen and groupSeen mark the articles and source groups counted.
	seen, groupSeen []bool
}

// countStating counts the articles, and their source groups (sourceOf),
// that state one of vs (background left out), as count did with two maps
// per slot: an article compared by its index, others (a quote of an
// article not compared) by a map.
func (sc *singleScratch) countStating(vs []Value, sourceOf map[string]int) (articles, groups int) {
	if sc.seen == nil {
		sc.seen = make([]bool, len(sc.first))
	}
	clear(sc.seen)
	clear(sc.groupSeen)
	var others map[string]bool
	for i := range vs {
		v := &vs[i]
		if v.Background {
			continue
		}
		if k, ok := sc.art[v.Article]; ok {
			if sc.seen[k] {
				continue
			}
			sc.seen[k] = true
		} else {
			if others[v.Article] {
				continue
			}
			if others == nil {
				others = map[string]bool{}
			}
			others[v.Article] = true
		}
		articles++
		g := sourceOf[v.Article]
		if g >= len(sc.groupSeen) {
			sc.groupSeen = append(sc.groupSeen, make([]bool, g+1-len(sc.groupSeen))...)
		}
		if !sc.groupSeen[g] {
			sc.groupSeen[g] = true
			groups++
		}
	}
	return articles, groups
}

// stating is comparer.stating by the articles' indexes: the ids of arts
// (the comparer's articles) with a value of vs that is not background,
// in their order; nil when none.
func (sc *singleScratch) stating(vs []Value, arts []facts.Article) []string {
	if sc.seen == nil {
		sc.seen = make([]bool, len(sc.first))
	}
	clear(sc.seen)
	for i := range vs {
		if v := &vs[i]; !v.Background {
			if k, ok := sc.art[v.Article]; ok {
				sc.seen[k] = true
			}
		}
	}
	n := 0
	for k := range arts {
		if sc.seen[sc.first[k]] {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]string, 0, n)
	for k, a := range arts {
		if sc.seen[sc.first[k]] {
			out = append(out, a.ID)
		}
	}
	return out
}

// statingTwo reports whether at least two articles state one of fs as
// more than background.
func statingTwo(fs []facts.Fact) bool {
	seen, first := false, ""
	for i := range fs {
		f := &fs[i]
		if f.Background {
			continue
		}
		if !seen {
			seen, first = true, f.Article
			continue
		}
		if f.Article != first {
			return true
		}
	}
	return false
}

func newSingleScratch(arts []facts.Article) *singleScratch {
	s := &singleScratch{art: make(map[string]int, len(arts)), first: make([]int, len(arts))}
	for i, a := range arts {
		if _, ok := s.art[a.ID]; !ok {
			s.art[a.ID] = i
		}
		s.first[i] = s.art[a.ID]
	}
	s.primary = make([]int, len(arts))
	s.background = make([]int, len(arts))
	s.polarity = make([]uint8, len(arts))
	return s
}

// names lists articles by label: "A", "A and B", "A, B and C".
func (c comparer) names(ids []string) string {
	if len(ids) == 1 {
		return c.labels[ids[0]]
	}
	// The sentence is written into one buffer of its length.
	shown := len(ids)
	if len(ids) > 6 {
		// Long lists name the first few and count the rest, so a finding
		// over twenty articles stays one readable sentence.
		shown = 4
	}
	n := 0
	for _, id := range ids[:shown] {
		n += len(c.labels[id]) + 2
	}
	var b strings.Builder
	b.Grow(n + 16)
	for i, id := range ids[:shown] {
		switch {
		case i == 0:
		case len(ids) > 6 || i < shown-1:
			b.WriteString(", ")
		default:
			b.WriteString(" and ")
		}
		b.WriteString(c.labels[id])
	}
	if len(ids) > 6 {
		b.WriteString(" and ")
		b.WriteString(strconv.Itoa(len(ids) - 4))
		b.WriteString(" more")
	}
	return b.String()
}
func toValue(f facts.Fact) Value {
	return Value{
		Article: f.Article, Value: f.Value, Surface: f.Surface, Sentence: f.Sentence,
		Span:         [2]int{f.Span.Start, f.Span.End},
		SentenceSpan: [2]int{f.SentenceSpan.Start, f.SentenceSpan.End},
		Attribution:  string(f.Attribution), Source: f.Source, Aspect: string(f.Aspect),
		Negated: f.Negated, Background: f.Background,
	}
}

// single compares a slot with one value per article: date, event, count.
// Each article's value is its first statement that is not background.
//
// Generated slots (general facts) never get the omission status: an
// article that does not mention a number another gives has not omitted a
// fact the desk asked for.
func (c comparer) single(s facts.Slot, fs []facts.Fact, generated bool) SlotResult {
	sr := SlotResult{Slot: s.ID, Kind: string(s.Kind), Label: s.Label, Missing: []string{}, Values: []Value{}, Notes: []string{}, Generated: generated}
	if s.Kind == facts.KindEntity {
		fs = preferSpellings(fs, c.forms)
	}
	// Each article's first primary and first background fact, by index
	// into fs, and whether it affirms (bit 1) or denies (bit 2), by index
	// into c.articles (a fact of no article compared counts nowhere).
	sc := c.scratch
	if sc == nil || len(sc.primary) != len(c.articles) {
		sc = newSingleScratch(c.articles)
	}
	primary, background, polarity := sc.primary, sc.background, sc.polarity
	for k := range primary {
		primary[k], background[k], polarity[k] = -1, -1, 0
	}
	nPrimary, nBackground := 0, 0
	for i := range fs {
		f := &fs[i]
		k, ok := sc.art[f.Article]
		if !ok {
			continue
		}
		if f.Background {
			if background[k] < 0 {
				background[k] = i
			}
			continue
		}
		if f.Negated {
			polarity[k] |= 2
		} else {
			polarity[k] |= 1
		}
		if primary[k] < 0 {
			primary[k] = i
		}
	}
	for k, f := range sc.first {
		if f != k { // an article id twice: both columns hold its facts
			primary[k], background[k], polarity[k] = primary[f], background[f], polarity[f]
		}
		if primary[k] >= 0 {
			nPrimary++
		} else if background[k] >= 0 {
			nBackground++
		}
	}
	stated := sc.stated[:0]
	sr.Values = make([]Value, 0, nPrimary+nBackground)
	if n := len(c.articles) - nPrimary; n > 0 {
		sr.Missing = make([]string, 0, n)
	}
	for k, a := range c.articles {
		if i := primary[k]; i >= 0 {
			stated = append(stated, fs[i])
			sr.Values = append(sr.Values, toValue(fs[i]))
			continue
		}
		sr.Missing = append(sr.Missing, a.ID)
		if i := background[k]; i >= 0 {
			sr.Values = append(sr.Values, toValue(fs[i]))
		}
	}
	sc.stated = stated[:0]
	sr.Status = Agree
	if len(stated) == 0 {
		sr.Status = Omission
		sr.Notes = append(sr.Notes, "no article states this")
		c.noteBackground(&sr, fs, background)
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
		if d, ok := c.groupFacts("polarity", stated, func(f *facts.Fact) string {
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
		for k, a := range c.articles {
			if polarity[k] == 3 {
				sr.Notes = append(sr.Notes, c.labels[a.ID]+" both affirms and denies it")
			}
		}
	}
	if len(sr.Missing) > 0 {
		if !generated {
			sr.Status = worse(sr.Status, Omission)
		}
		sr.Notes = append(sr.Notes, "not stated by "+c.names(sr.Missing))
		c.noteBackground(&sr, fs, background)
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
	} else if d, ok := c.groupFacts("aspect", stated, func(f *facts.Fact) string { return aspectName(f.Aspect) }); ok {
		sr.Differences = append(sr.Differences, d)
		sr.Status = worse(sr.Status, Nuance)
		sr.Notes = append(sr.Notes, "aspect differs: "+c.describe(d))
	}
	// Who says a name or a title is no nuance; who says a date, number
	// or event is.
	if s.Kind == facts.KindEntity || s.Kind == facts.KindTitle {
		return sr
	}
	if d, ok := c.groupFacts("attribution", stated, func(f *facts.Fact) string { return attributionName(*f) }); ok {
		sr.Differences = append(sr.Differences, d)
		sr.Status = worse(sr.Status, Nuance)
		sr.Notes = append(sr.Notes, "attribution differs: "+c.describe(d))
	}
	return sr
}

// noteBackground notes the articles that miss the slot and mention an
// earlier occurrence (background holds per article the index of its fact
// in fs, -1 for none).
func (c comparer) noteBackground(sr *SlotResult, fs []facts.Fact, background []int) {
	for k, a := range c.articles {
		if i := background[k]; i >= 0 && contains(sr.Missing, a.ID) {
			sr.Notes = append(sr.Notes, fmt.Sprintf("%s mentions only an earlier occurrence: %q", c.labels[a.ID], fs[i].Surface))
		}
	}
}

func aspectName(a facts.Aspect) string {
	if a == "" {
		return "unspecified"
	}
	return string(a)
}

func attributionName(f facts.Fact) string {
	if f.Attribution == facts.Reported && f.Source != "" {
		return "reported by " + f.Source
	}
	if f.Attribution == "" {
		return string(facts.Asserted)
	}
	return string(f.Attribution)
}

// valueGroups groups the stated facts by value, when they differ.
func (c comparer) valueGroups(kind facts.Kind, fs []facts.Fact) (Difference, bool) {
	d, ok := c.groupFacts("value", fs, func(f *facts.Fact) string { return f.Value })
	if ok && (kind == facts.KindNumber || kind == facts.KindDuration) {
		// Groups say values as people read them ("more than 10 years");
		// the values themselves stay canonical ranges.
		for i := range d.Groups {
			if r, err := facts.ParseRange(d.Groups[i].Value); err == nil {
				d.Groups[i].Value = r.Display(kind == facts.KindDuration)
			}
		}
	}
	if ok && kind != facts.KindTitle && !incompatible(kind, fs) {
		d.Field = "precision"
	}
	return d, ok
}

// incompatible reports whether any two values cannot both be true: dates
// that share no day, different counts, different entities.
func incompatible(kind facts.Kind, fs []facts.Fact) bool {
	if len(fs) < 2 {
		return false
	}
	pv := readValues(kind, fs)
	for i := range pv {
		for j := i + 1; j < len(pv); j++ {
			if incompatiblePair(kind, &pv[i], &pv[j]) {
				return true
			}
		}
	}
	return false
}

// parsedValue is a fact's value read once, for the pair tests of
// incompatible and subjectTie: they test every two facts of a slot, and
// parsed both values of each pair anew.
type parsedValue struct {
	s    string
	date facts.Date
	rng  facts.Range // roughly, for figures
	n    int
	ok   bool // the value parsed as what kind needs
}

// readValues parses the values of fs as kind needs them.
func readValues(kind facts.Kind, fs []facts.Fact) []parsedValue {
	out := make([]parsedValue, len(fs))
	for i := range fs {
		v := &out[i]
		v.s = fs[i].Value
		switch kind {
		case facts.KindDate:
			d, err := facts.ParseDateValue(v.s)
			v.date, v.ok = d, err == nil
		case facts.KindNumber, facts.KindDuration:
			r, err := facts.ParseRange(v.s)
			if err == nil {
				v.rng, v.ok = roughly(r), true
			}
		case facts.KindCount:
			n, err := strconv.Atoi(v.s)
			v.n, v.ok = n, err == nil
		}
	}
	return out
}

// incompatiblePair reports whether the values a and b (of kind, read by
// readValues) cannot both be true.
func incompatiblePair(kind facts.Kind, a, b *parsedValue) bool {
	if a.s == b.s {
		return false
	}
	switch kind {
	case facts.KindDate:
		return !(a.ok && b.ok && a.date.Overlaps(b.date))
	case facts.KindNumber, facts.KindDuration:
		return !(a.ok && b.ok && a.rng.Overlaps(b.rng))
	case facts.KindTitle:
		return false // another title is a nuance, never a contradiction
	case facts.KindCount:
		return !(a.ok && b.ok && a.n == b.n)
	}
	return true
}

// roughly widens an exact figure of 20 or more by 5%, and by no more than
// half its rounding unit: news rounds, so "the 150 riders" and "more
// than 150 riders" can both be true, while "12" and "at least 30"
// cannot, nor "153" and "more than 160" (153 is no round figure) or "41
// percent" and "39 percent".
func roughly(r facts.Range) facts.Range {
	if r.Lo == r.Hi && r.Lo >= 20 {
		w := math.Min(r.Lo*0.05, roundingUnit(r.Lo)/2)
		return facts.Range{Lo: r.Lo - w, Hi: r.Hi + w}
	}
	return r
}

// roundingUnit is the coarsest unit a figure is a whole multiple of: 10
// for 230, 50 for 150, 1000 for 3,000, 1 for 226, 0.1 for 62.4.
func roundingUnit(v float64) float64 {
	whole := func(m float64) bool { return math.Abs(m-math.Round(m)) < 1e-9*math.Max(1, math.Abs(m)) }
	unit := 1.0
	for !whole(v/unit) && unit > 1e-6 {
		unit /= 10
	}
	for whole(v/(unit*10)) && unit < 1e15 {
		unit *= 10
	}
	if whole(v / (unit * 5)) {
		unit *= 5
	}
	return unit
}

// groupFacts groups facts by key; ok is false when every fact has the
// same key. Groups are ordered by size, then by first article. The facts
// are read in place (group, its reference, took a copy of each).
func (c comparer) groupFacts(field string, fs []facts.Fact, key func(*facts.Fact) string) (Difference, bool) {
	return groupBy(field, fs, func(f *facts.Fact) string { return f.Article }, key)
}

// groupBy is groupFacts over any list whose elements name an article.
func groupBy[T any](field string, xs []T, article, key func(*T) string) (Difference, bool) {
	// Most lists agree: that is seen without building groups.
	if len(xs) == 0 {
		return Difference{}, false
	}
	k0, differ := key(&xs[0]), false
	for j := 1; j < len(xs) && !differ; j++ {
		differ = key(&xs[j]) != k0
	}
	if !differ {
		return Difference{}, false
	}
	idx := map[string]int{}
	var groups []DiffGroup
	for j := range xs {
		x := &xs[j]
		k := key(x)
		i, ok := idx[k]
		if !ok {
			i = len(groups)
			idx[k] = i
			groups = append(groups, DiffGroup{Value: k})
		}
		if a := article(x); !contains(groups[i].Articles, a) {
			groups[i].Articles = append(groups[i].Articles, a)
		}
	}
	if len(groups) < 2 {
		return Difference{}, false
	}
	sort.SliceStable(groups, func(i, j int) bool { return len(groups[i].Articles) > len(groups[j].Articles) })
	return Difference{Field: field, Groups: groups}, true
}

// describe renders a difference for a note: "ongoing in A, B; completed in C".
func (c comparer) describe(d Difference) string {
	parts := make([]string, len(d.Groups))
	for i, g := range d.Groups {
		parts[i] = g.Value + " in " + c.names(g.Articles)
	}
	return strings.Join(parts, "; ")
}

// set compares an entity-set slot element by element: an article naming
// one member of two omits the other.
func (c comparer) set(s facts.Slot, fs []facts.Fact) SlotResult {
	sr := SlotResult{Slot: s.ID, Kind: string(s.Kind), Label: s.Label, Missing: []string{}, Values: []Value{}, Notes: []string{}}
	byMember := map[string]map[string]facts.Fact{}
	for _, f := range fs {
		if byMember[f.Value] == nil {
			byMember[f.Value] = map[string]facts.Fact{}
		}
		if _, ok := byMember[f.Value][f.Article]; !ok {
			byMember[f.Value][f.Article] = f
		}
	}
	missingAny := map[string]bool{}
	sr.Status = Agree
	for _, m := range s.Members {
		el := Element{Value: m, Status: Agree, Missing: []string{}}
		var stated []facts.Fact
		for _, a := range c.articles {
			f, ok := byMember[m][a.ID]
			if !ok {
				el.Missing = append(el.Missing, a.ID)
				missingAny[a.ID] = true
				continue
			}
			stated = append(stated, f)
		}
		if len(el.Missing) > 0 {
			el.Status = Omission
			if len(stated) == 0 {
				sr.Notes = append(sr.Notes, m+" named by no article")
			} else {
				sr.Notes = append(sr.Notes, m+" not named by "+c.names(el.Missing))
			}
		}
		spell := spellings(stated)
		if d, ok := c.groupFacts("spelling", stated, func(f *facts.Fact) string { return spell[f.Article] }); ok {
			// Show the spelling as written by the group's first article.
			for i := range d.Groups {
				for _, f := range stated {
					if f.Article == d.Groups[i].Articles[0] {
						d.Groups[i].Value = f.Surface
						break
					}
				}
			}
			sr.Differences = append(sr.Differences, d)
			el.Status = worse(el.Status, Variant)
			sr.Notes = append(sr.Notes, m+" spelled differently: "+c.describe(d))
		}
		for _, f := range stated {
			sr.Values = append(sr.Values, toValue(f))
		}
		sr.Status = worse(sr.Status, el.Status)
		sr.Elements = append(sr.Elements, el)
	}
	for _, a := range c.articles {
		if missingAny[a.ID] {
			sr.Missing = append(sr.Missing, a.ID)
		}
	}
	sort.SliceStable(sr.Values, func(i, j int) bool { return sr.Values[i].Article < sr.Values[j].Article })
	return sr
}

// spellings returns each article's spelling of a set member: its folded
// surface, except that a form holding another as a word sequence ("MV
// Selkie", "Selkie") counts as that shorter form, since it spells the
// name the same way.
func spellings(fs []facts.Fact) map[string]string {
	// An article's spelling is its last fact's. The articles mostly
	// spell a member alike, so the shortest spelling each holds is
	// looked for once per distinct spelling, among the distinct
	// spellings, where it was once per fact among every article's
	// (spellingsRef in the tests). Of two shortest it takes the first
	// article's, where the look-up went in a map's order.
	type spelling struct {
		words []string
		best  string
		done  bool
	}
	type key struct {
		n     int
		words string
	}
	distinct := map[key]*spelling{}
	of := make(map[string]*spelling, len(fs)) // an article's spelling
	for _, f := range fs {
		name := f.Surface
		if f.Kind == facts.KindEntity {
			name = f.Value // the article's fullest form of the name
		}
		w := spellingWords(name)
		k := key{len(w), strings.Join(w, "\x00")}
		sp := distinct[k]
		if sp == nil {
			sp = &spelling{words: w}
			distinct[k] = sp
		}
		of[f.Article] = sp
	}
	// The articles' spellings, each once, in the order of the articles.
	var held []*spelling
	listed := make(map[*spelling]bool, len(distinct))
	for _, f := range fs {
		if sp := of[f.Article]; !listed[sp] {
			listed[sp] = true
			held = append(held, sp)
		}
	}
	out := make(map[string]string, len(of))
	for _, f := range fs {
		sp := of[f.Article]
		if !sp.done {
			best := sp.words
			for _, o := range held {
				if len(o.words) < len(best) && containsSeq(sp.words, o.words) {
					best = o.words
				}
			}
			sp.best, sp.done = strings.Join(best, " "), true
		}
		out[f.Article] = sp.best
	}
	return out
}

// spellingWords splits a name into folded words without the dots of
// initials ("U.S." is "US") or joined particles ("al-Assad" is "assad"),
// which change no spelling a desk cares about.
func spellingWords(name string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ReplaceAll(facts.Fold(name), ".", "")) {
		out = append(out, facts.StripParticle(w))
	}
	return out
}

// containsSeq reports whether seq occurs in words as a contiguous run.
func containsSeq(words, seq []string) bool {
	for i := 0; i+len(seq) <= len(words); i++ {
		match := true
		for j := range seq {
			if words[i+j] != seq[j] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// eventLabel names an event slot in words: its label, or its id for a
// topic slot without one.
func eventLabel(s facts.Slot) string {
	if s.Label != "" {
		return s.Label
	}
	return s.ID
}
