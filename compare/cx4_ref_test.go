package compare

import (
	"math"
	"math/rand"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/facts"
)

// The references below are the code the cx4 changes replaced, kept to
// hold the new code to them: quoteSlots' sort of its links as 24-byte
// structs, a spelling form's key joined on every call, and a figure's
// frame made for every fact.

// refLink is quoteSlots' link before quoteLink.
type refLink struct {
	i, j int
	s    float64
}

func refSortLinks(links []refLink) {
	slices.SortFunc(links, func(a, b refLink) int {
		switch {
		case a.s != b.s:
			if a.s > b.s {
				return -1
			}
			return 1
		case a.i != b.i:
			return a.i - b.i
		}
		return a.j - b.j
	})
}

// refNameFormKey is nameForm.key before the key was made with the form.
func refNameFormKey(f nameForm) string {
	k := strings.Join(f.words, " ")
	if f.dotted {
		k += "."
	}
	return k
}

// linksFrom reads links from bytes, as quoteSlots makes them: distinct
// pairs i < j, strengths a ratio (0–1) times a count of shared words,
// ties common.
func linksFrom(data []byte) []refLink {
	seen := map[[2]int]bool{}
	var out []refLink
	for len(data) >= 4 {
		i, j := int(data[0]%64), int(data[1]%64)
		ratios := [...]float64{0, 0.4, 0.5, 2.0 / 3, 0.8, 0.9, 1, 5.0 / 7}
		s := ratios[data[2]%8] * float64(data[3]%12)
		data = data[4:]
		if i > j {
			i, j = j, i
		}
		if i == j || seen[[2]int{i, j}] {
			continue
		}
		seen[[2]int{i, j}] = true
		out = append(out, refLink{i, j, s})
	}
	return out
}

// checkLinkOrder sorts the links both ways and wants one order.
func checkLinkOrder(t *testing.T, ref []refLink) {
	t.Helper()
	got := make([]quoteLink, len(ref))
	n := 0
	for k, l := range ref {
		got[k] = newQuoteLink(l.i, l.j, l.s)
		n = max(n, l.j+1)
	}
	packed := slices.Clone(got)
	refSortLinks(ref)
	slices.SortFunc(got, cmpQuoteLinks)
	sortQuoteLinks(packed, n)
	for k := range ref {
		if got[k].i() != ref[k].i || got[k].j() != ref[k].j {
			t.Fatalf("link %d: got (%d,%d), reference (%d,%d) s=%v", k, got[k].i(), got[k].j(), ref[k].i, ref[k].j, ref[k].s)
		}
		if packed[k] != got[k] {
			t.Fatalf("link %d: sortQuoteLinks gives (%d,%d) %x, cmpQuoteLinks (%d,%d) %x", k, packed[k].i(), packed[k].j(), packed[k].by, got[k].i(), got[k].j(), got[k].by)
		}
	}
}

func TestQuoteLinkOrderMatchesReference(t *testing.T) {
	data := make([]byte, 4*2000)
	x := uint64(88172645463325252)
	for k := range data {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		data[k] = byte(x)
	}
	links := linksFrom(data)
	if len(links) < 500 {
		t.Fatalf("only %d links made", len(links))
	}
	checkLinkOrder(t, links)
	// Large indexes and the extremes of the strength.
	checkLinkOrder(t, []refLink{{1 << 20, 1<<20 + 1, 0}, {0, 1, math.MaxFloat64}, {2, 3, math.SmallestNonzeroFloat64}, {0, 2, 0}, {5, 1 << 30, 1}})
	// Packed: quotes up to the largest index the word holds.
	var wide []refLink
	for k := range 100 {
		wide = append(wide, refLink{k * 20000, 1<<21 - 1 - k, float64(k % 7)})
	}
	checkLinkOrder(t, wide)
}

func FuzzQuoteLinkOrder(f *testing.F) {
	f.Add([]byte{0, 1, 6, 3, 0, 2, 6, 3, 1, 2, 4, 4, 2, 3, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		checkLinkOrder(t, linksFrom(data))
	})
}

// checkNameForm wants newNameForm's key to be the key joined as before.
func checkNameForm(t *testing.T, name string) {
	t.Helper()
	f := newNameForm(name)
	if got, want := f.key(), refNameFormKey(f); got != want {
		t.Fatalf("newNameForm(%q).key() = %q, reference %q", name, got, want)
	}
}

func TestNameFormKeyMatchesReference(t *testing.T) {
	for _, name := range []string{"", "U.N.", "UN", "F.B.I.", "Ann B. Roe Jr.", "Governor June Ellis", "Ahmed al-Hakim",
		"Lee Min-ho", "Nurses Without Borders", "Harbour Trust", "Bank of England", "Dr. Ann Roe, III", " , ", "É.U."} {
		checkNameForm(t, name)
	}
}

func FuzzNameFormKey(f *testing.F) {
	f.Add("Ann B. Roe Jr.")
	f.Add("U.S.")
	f.Fuzz(checkNameForm)
}

// frameFact builds a number fact from bytes: a sentence, the surface at
// some place in it (or a surface that is not there), its label and slot.
func frameFact(sentence string, at, n uint8, label, slot string) facts.Fact {
	f := facts.Fact{Kind: facts.KindNumber, Sentence: sentence, Label: label, Slot: slot, SentenceSpan: facts.Span{Start: 40, End: 40 + len(sentence)}}
	start := 0
	if len(sentence) > 0 {
		start = int(at) % (len(sentence) + 1)
	}
	end := min(len(sentence), start+int(n%16))
	f.Surface = sentence[start:end]
	if n >= 200 {
		f.Surface = "200 boats" // perhaps elsewhere in the sentence, perhaps nowhere
	}
	f.Span = facts.Span{Start: 40 + start, End: 40 + end}
	return f
}

// checkFrames wants the memo's frames to be NumberFrameOf's, read in
// turn and again, and the memo not to mix up facts that differ only in
// what it keys them by.
func checkFrames(t *testing.T, fs []facts.Fact) {
	t.Helper()
	memo := frameMemo{}
	for round := range 2 {
		for k := range fs {
			got, want := memo.of(&fs[k]), facts.NumberFrameOf(fs[k])
			if !framesEqual(got, want) {
				t.Fatalf("round %d, fact %d (%q in %q): memo %+v, NumberFrameOf %+v", round, k, fs[k].Surface, fs[k].Sentence, got, want)
			}
		}
	}
}

// framesEqual compares every field, the unexported ones too.
func framesEqual(a, b facts.NumberFrame) bool { return reflect.DeepEqual(a, b) }

func TestFrameMemoMatchesNumberFrameOf(t *testing.T) {
	s1 := "About 150 migrants crossed on Tuesday, U.S. border officials said, two of the three boats in 2016."
	s2 := "Officials counted 200 boats at Port Alder, 12 of the 30 boats left, the Harbour Trust said."
	var fs []facts.Fact
	for _, s := range []string{s1, s2, ""} {
		for at := range uint8(100) {
			fs = append(fs, frameFact(s, at, at%9+1, "", "number:migrants"))
			fs = append(fs, frameFact(s, at, at%9+1, "distance", "number:migrants"))
			fs = append(fs, frameFact(s, at, 3, "", "number:km"))
		}
		fs = append(fs, frameFact(s, 0, 200, "", "number:boats"))
	}
	checkFrames(t, fs)
}

func FuzzFrameMemo(f *testing.F) {
	f.Add("About 150 migrants crossed, 12 of the 30 boats left in 2016.", uint8(6), uint8(12), "km", uint8(20), uint8(3))
	f.Fuzz(func(t *testing.T, sentence string, at, n uint8, label string, at2, n2 uint8) {
		fs := []facts.Fact{
			frameFact(sentence, at, n, label, "number:x"),
			frameFact(sentence, at, n, "", "number:"+label),
			frameFact(sentence, at2, n2, label, "number:x"),
			frameFact(sentence, at, n, label, "number:x"),
		}
		checkFrames(t, fs)
	})
}

// refQuoteReps is quoteReps before its totals were kept by place, and
// before it took the weights from quoteScores and the articles as runs.
func refQuoteReps(items []quoteItem, score quoteScores, ms []int) []int {
	best := map[string]int{}
	total := map[int]float64{}
	for _, x := range ms {
		for _, y := range ms {
			if sc := score.at(x, y); sc != 0 && items[x].f.Article != items[y].f.Article {
				total[x] += sc * float64(quoteShared(&items[x], &items[y]))
			}
		}
		a := items[x].f.Article
		if cur, ok := best[a]; !ok || total[x] > total[cur] {
			best[a] = x
		}
	}
	var reps []int
	for _, x := range best {
		reps = append(reps, x)
	}
	sort.Slice(reps, func(i, j int) bool { return items[reps[i]].f.Article < items[reps[j]].f.Article })
	return reps
}

// checkQuoteReps builds quotes, their scores and a cluster from bytes and
// wants quoteReps to pick the reference's representatives.
func checkQuoteReps(t *testing.T, data []byte) {
	t.Helper()
	if len(data) < 2 {
		return
	}
	n := int(data[0]%24) + 1
	nArts := int(data[1]%6) + 1
	data = data[2:]
	next := func() byte {
		if len(data) == 0 {
			return 0
		}
		b := data[0]
		data = data[1:]
		return b
	}
	items := make([]quoteItem, n)
	for i := range items {
		items[i].art = int32(int(next()) % nArts)
		items[i].f = &facts.Fact{Article: string(rune('a' + items[i].art))}
		for w := range int32(12) {
			if next()&1 == 1 {
				items[i].words = append(items[i].words, w)
			}
		}
	}
	// quoteSlots gives the quotes in article order.
	slices.SortStableFunc(items, func(a, b quoteItem) int { return int(a.art - b.art) })
	score := newQuoteScores(n)
	scores := [...]float64{0, 0, 0.5, 0.6, 0.8, 1, 2.0 / 3, 0.75}
	for i := range n {
		for j := i + 1; j < n; j++ {
			s := scores[next()%8]
			score.set(i, j, s, s*float64(quoteShared(&items[i], &items[j])))
		}
	}
	var ms []int
	for i := range n {
		if next()%3 != 0 {
			ms = append(ms, i)
		}
	}
	got, want := quoteReps(items, score, ms), refQuoteReps(items, score, ms)
	if !slices.Equal(got, want) {
		t.Fatalf("quoteReps(%v) = %v, reference %v", ms, got, want)
	}
}

func TestQuoteRepsMatchesReference(t *testing.T) {
	x := uint64(2463534242)
	for range 300 {
		data := make([]byte, 400)
		for k := range data {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			data[k] = byte(x)
		}
		checkQuoteReps(t, data)
	}
}

func FuzzQuoteReps(f *testing.F) {
	f.Add([]byte{5, 2, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 0, 1, 2, 3, 4, 5, 6, 7, 1, 1, 1})
	f.Fuzz(checkQuoteReps)
}

// refNumberSubjectTie is numberSubjectTie before it tied classes of
// figures: a frame and a numberTie for every fact and pair.
func refNumberSubjectTie(kind facts.Kind, fs []facts.Fact, ctx []sentenceWords) (string, float64) {
	frames := make([]facts.NumberFrame, len(fs))
	for i, f := range fs {
		frames[i] = facts.NumberFrameOf(f)
		ctx[i] = withoutSource(f, ctx[i])
	}
	why, conf := "the sentences share no name or phrase", 0.0
	pv := readValues(kind, fs)
	for i := range fs {
		for j := i + 1; j < len(fs); j++ {
			if fs[i].Article == fs[j].Article || !incompatiblePair(kind, &pv[i], &pv[j]) {
				continue
			}
			w, c := numberTie(frames[i], frames[j], ctx[i], ctx[j])
			if c > conf {
				why, conf = w, c
			}
		}
	}
	return why, conf
}

// checkNumberTies wants numberSubjectTie to say what the reference says
// of fs, with ctx made as subjectTie makes it, with and without memos.
func checkNumberTies(t *testing.T, kind facts.Kind, fs []facts.Fact, memo frameMemo, tokens tokenMemo, words wordsMemo) {
	t.Helper()
	ctxOf := func() []sentenceWords {
		ctx := make([]sentenceWords, len(fs))
		for i, f := range fs {
			ctx[i] = words.of(f, tokens)
		}
		return ctx
	}
	wantWhy, wantConf := refNumberSubjectTie(kind, fs, ctxOf())
	gotWhy, gotConf := numberSubjectTie(kind, fs, ctxOf(), memo)
	if gotWhy != wantWhy || gotConf != wantConf {
		t.Fatalf("numberSubjectTie = %q, %v; reference %q, %v", gotWhy, gotConf, wantWhy, wantConf)
	}
}

// TestNumberSubjectTieMatchesReference ties the figures of each number
// and duration slot of the 50-article bench story, all of a slot's facts
// at once, with the memos shared across slots as general shares them.
func TestNumberSubjectTieMatchesReference(t *testing.T) {
	_, _, fs := benchTopic(t)
	bySlot := map[string][]facts.Fact{}
	var slots []string
	for _, f := range fs {
		if f.Kind != facts.KindNumber && f.Kind != facts.KindDuration {
			continue
		}
		if bySlot[f.Slot] == nil {
			slots = append(slots, f.Slot)
		}
		bySlot[f.Slot] = append(bySlot[f.Slot], f)
	}
	if len(slots) < 3 {
		t.Fatalf("only %d number slots in the bench story", len(slots))
	}
	memo, tokens, words := frameMemo{}, tokenMemo{}, wordsMemo{}
	for _, s := range slots {
		sf := bySlot[s]
		checkNumberTies(t, sf[0].Kind, sf, memo, tokens, words)
		checkNumberTies(t, sf[0].Kind, sf, nil, nil, nil)
	}
}

// FuzzNumberSubjectTie ties figures made from outside sentences: each
// fact picks one of three sentences, a figure in it, a value, an article
// and a source.
func FuzzNumberSubjectTie(f *testing.F) {
	f.Add("About 150 migrants crossed on Tuesday, U.S. border officials said.", "About 200 migrants crossed, U.S. border officers said in 2016.",
		"12 of the 30 boats left Port Alder, the Harbour Trust said.", []byte{0, 6, 1, 0, 0, 1, 6, 2, 1, 1, 2, 0, 3, 2, 0, 0, 6, 1, 3, 2})
	f.Fuzz(func(t *testing.T, s1, s2, s3 string, spec []byte) {
		sentences := [...]string{s1, s2, s3}
		values := [...]string{"150", "200", "12", "30", "1.5", "P2W"}
		sources := [...]string{"", "Harbour Trust", "Ann Roe", "officials"}
		var fs []facts.Fact
		for len(spec) >= 5 && len(fs) < 40 {
			s := sentences[spec[0]%3]
			at := 0
			if len(s) > 0 {
				at = int(spec[1]) % len(s)
			}
			end := min(len(s), at+3)
			f := facts.Fact{Kind: facts.KindNumber, Slot: "number:boats", Value: values[spec[2]%6],
				Article: string(rune('a' + spec[3]%5)), Source: sources[spec[4]%4],
				Sentence: s, Surface: s[at:end], SentenceSpan: facts.Span{Start: 10, End: 10 + len(s)},
				Span: facts.Span{Start: 10 + at, End: 10 + end}}
			fs = append(fs, f)
			spec = spec[5:]
		}
		checkNumberTies(t, facts.KindNumber, fs, frameMemo{}, tokenMemo{}, wordsMemo{})
	})
}

// refQuoteLCS is quoteLCS before it cut the common ends: the whole table.
func refQuoteLCS[T comparable](a, b []T) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// checkQuoteLCS reads two word lists from bytes (a small alphabet, so
// words repeat and lists share their ends) and wants the reference's
// length, both ways round.
func checkQuoteLCS(t *testing.T, a, b []byte) {
	t.Helper()
	ia, ib := make([]int32, len(a)), make([]int32, len(b))
	for k, c := range a {
		ia[k] = int32(c % 6)
	}
	for k, c := range b {
		ib[k] = int32(c % 6)
	}
	if got, want := quoteLCS(ia, ib), refQuoteLCS(ia, ib); got != want {
		t.Fatalf("quoteLCS(%v, %v) = %d, reference %d", ia, ib, got, want)
	}
	if got, want := quoteLCS(ib, ia), refQuoteLCS(ib, ia); got != want {
		t.Fatalf("quoteLCS(%v, %v) = %d, reference %d", ib, ia, got, want)
	}
}

func TestQuoteLCSMatchesReference(t *testing.T) {
	x := uint64(0x9E3779B97F4A7C15)
	rnd := func(n int) []byte {
		out := make([]byte, n)
		for k := range out {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			out[k] = byte(x)
		}
		return out
	}
	for n := range 80 {
		a := rnd(n)
		checkQuoteLCS(t, a, rnd(n/2+3))
		// One remark rendered twice: the same words, one changed, one
		// dropped, one added.
		b := append([]byte(nil), a...)
		if len(b) > 4 {
			b[len(b)/2]++
			b = append(b[:1], b[2:]...)
			b = append(b, 7)
		}
		checkQuoteLCS(t, a, b)
		checkQuoteLCS(t, a, a)
		checkQuoteLCS(t, a, nil)
	}
}

func FuzzQuoteLCS(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 1}, []byte{1, 2, 4, 3, 5, 1})
	f.Fuzz(checkQuoteLCS)
}

// checkShingleOverlaps reads sets of shingles from bytes (few distinct
// shingles, so that many are held by the same sets, as a wire paragraph's
// are) and wants shingleOverlaps to give each pair's shared count as
// counted by hand, pairs in order.
func checkShingleOverlaps(t *testing.T, data []byte) {
	t.Helper()
	if len(data) == 0 {
		return
	}
	n := int(data[0]%12) + 1
	sets := make([][]uint64, n)
	for k, c := range data[1:] {
		sets[k%n] = append(sets[k%n], uint64(c%40)*0x9E3779B97F4A7C15)
	}
	type pairCount struct{ a, b, shared int }
	var want []pairCount
	for b := range sets {
		for a := range b {
			shared := 0
			for _, x := range slices.Compact(slices.Sorted(slices.Values(sets[a]))) {
				if slices.Contains(sets[b], x) {
					shared++
				}
			}
			if shared > 0 {
				want = append(want, pairCount{a, b, shared})
			}
		}
	}
	var got []pairCount
	shingleOverlaps(sets, func(a, b, shared int) { got = append(got, pairCount{a, b, shared}) })
	if !slices.Equal(got, want) {
		t.Fatalf("shingleOverlaps gave %v, counted by hand %v", got, want)
	}
}

func TestShingleOverlapsSharedRuns(t *testing.T) {
	x := uint64(0xDEADBEEF)
	for n := range 200 {
		data := make([]byte, 1+n*3)
		for k := range data {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			data[k] = byte(x)
		}
		checkShingleOverlaps(t, data)
	}
	// Every set holding the same shingles: one run for all of them.
	data := []byte{5}
	for c := range byte(30) {
		for range 5 {
			data = append(data, c)
		}
	}
	checkShingleOverlaps(t, data)
}

func FuzzShingleOverlaps(f *testing.F) {
	f.Add([]byte{3, 1, 1, 1, 2, 2, 2, 3, 4, 3, 9})
	f.Fuzz(checkShingleOverlaps)
}

// sameTokens reports whether got (spans offset by shift) are want.
func sameTokens(got, want []facts.Token, shift int) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		g, w := got[i], want[i]
		g.Span = facts.Span{Start: g.Span.Start - shift, End: g.Span.End - shift}
		if !reflect.DeepEqual(g, w) {
			return false
		}
	}
	return true
}

// checkTokensWithin tokenises prefix+para from para's start, and wants
// whatever tokensWithin gives for para[s:e] to be Tokenize(para[s:e]).
func checkTokensWithin(t *testing.T, prefix, para string, s, e int) bool {
	t.Helper()
	text := prefix + para
	toks := facts.Tokenize(text, len(prefix), len(text))
	got, ok := tokensWithin(toks, para, len(prefix), s, e)
	if !ok {
		return false
	}
	want := facts.Tokenize(para[s:e], 0, e-s)
	if !sameTokens(got, want, len(prefix)+s) {
		t.Fatalf("tokensWithin(%q, %d, %d) = %+v, Tokenize(%q) = %+v", para, s, e, got, para[s:e], want)
	}
	return true
}

// TestSentenceTokens reads every general fact's sentence of the bench
// story from its paragraph as commonNames does, and wants Tokenize's
// tokens each time, for most sentences.
func TestSentenceTokens(t *testing.T) {
	_, arts, fs := benchTopic(t)
	slices.SortFunc(arts, func(a, b facts.Article) int { return strings.Compare(a.ID, b.ID) })
	paras := &paraTokens{}
	for i := range arts {
		shingleList(&arts[i], paras) // as sources does first
	}
	read, tried := 0, 0
	for _, f := range fs {
		a := articleByID(arts, f.Article)
		if a == nil || f.Sentence == "" {
			continue
		}
		tried++
		got, ok := paras.sentenceTokens(a, f.SentenceSpan.Start, f.SentenceSpan.End, f.Sentence)
		if !ok {
			continue
		}
		read++
		want := facts.Tokenize(f.Sentence, 0, len(f.Sentence))
		shift := -1
		if len(got) > 0 {
			shift = got[0].Span.Start - want[0].Span.Start
		}
		if !sameTokens(got, want, shift) {
			t.Fatalf("%s: sentence %q read from its paragraph as %+v, Tokenize gives %+v", f.Article, f.Sentence, got, want)
		}
	}
	t.Logf("%d of %d sentences read from their paragraphs", read, tried)
	if read*10 < tried*9 {
		t.Errorf("only %d of %d sentences read from their paragraphs", read, tried)
	}
}

func TestTokensWithin(t *testing.T) {
	para := "Governor June Ellis said. U.S. officials met (in Port Alder) on Tuesday. Ellis's aides didn't; \u201cWe sail,\u201d she said.\u00a0El\u200dlis left. A.Bc 1,000.5 x-y"
	read := 0
	for s := 0; s <= len(para); s++ {
		for e := s; e <= len(para); e++ {
			if checkTokensWithin(t, "Title.\n\n", para, s, e) {
				read++
			}
		}
	}
	if read < 200 {
		t.Errorf("only %d pieces read", read)
	}
}

func FuzzTokensWithin(f *testing.F) {
	f.Add("Head\n", "Ann Roe said. U.S. boats left. A.Bc d", uint16(14), uint16(30))
	f.Add("", "Ellis's \u201cno.\u201d El\u200dlis", uint16(0), uint16(8))
	f.Fuzz(func(t *testing.T, prefix, para string, s, e uint16) {
		if len(para) == 0 {
			return
		}
		a, b := int(s)%(len(para)+1), int(e)%(len(para)+1)
		if a > b {
			a, b = b, a
		}
		checkTokensWithin(t, prefix, para, a, b)
		// The same piece moved to the nearest gaps, where a sentence
		// starts and ends, so most tries are read.
		for a > 0 && para[a-1] != ' ' && para[a-1] != '\n' {
			a--
		}
		for b < len(para) && para[b] != ' ' && para[b] != '\n' {
			b++
		}
		checkTokensWithin(t, prefix, para, a, b)
	})
}

// refGroupBySlot is groupBySlot before it numbered the slots: three map
// look-ups by slot per fact.
func refGroupBySlot(fs []facts.Fact) map[string][]facts.Fact {
	sizes := map[string]int{}
	total := 0
	for i := range fs {
		if fs[i].Kind != facts.KindQuote {
			sizes[fs[i].Slot]++
			total++
		}
	}
	from := make([]int32, len(fs))
	next := make(map[string]int, len(sizes))
	placed, q := 0, total
	for i := range fs {
		f := &fs[i]
		if f.Kind == facts.KindQuote {
			from[q] = int32(i)
			q++
			continue
		}
		j, ok := next[f.Slot]
		if !ok {
			j = placed
			placed += sizes[f.Slot]
		}
		next[f.Slot] = j + 1
		from[j] = int32(i)
	}
	for j := range from {
		if from[j] < 0 || int(from[j]) == j {
			continue
		}
		held := fs[j]
		k := j
		for {
			s := int(from[k])
			from[k] = -1
			if s == j {
				fs[k] = held
				break
			}
			fs[k] = fs[s]
			k = s
		}
	}
	bySlot := make(map[string][]facts.Fact, len(sizes))
	for id, n := range sizes {
		end := next[id]
		bySlot[id] = fs[end-n : end : end]
	}
	return bySlot
}

// checkGroupBySlot wants groupBySlot to leave fs as the reference does
// and give the same pieces of it.
func checkGroupBySlot(t *testing.T, fs []facts.Fact) {
	t.Helper()
	got, want := slices.Clone(fs), slices.Clone(fs)
	gm, wm := groupBySlot(got), refGroupBySlot(want)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("groupBySlot left the facts in another order than the reference")
	}
	if len(gm) != len(wm) {
		t.Fatalf("groupBySlot gave %d slots, reference %d", len(gm), len(wm))
	}
	for id, w := range wm {
		g := gm[id]
		same := len(g) == len(w) && cap(g) == cap(w)
		if same && len(w) > 0 {
			// The same place in fs: w's offset in want is g's in got.
			k := -1
			for i := range want {
				if &want[i] == &w[0] {
					k = i
				}
			}
			same = k >= 0 && &got[k] == &g[0]
		}
		if !same {
			t.Fatalf("slot %s: piece of %d (cap %d), reference %d (cap %d) or elsewhere", id, len(g), cap(g), len(w), cap(w))
		}
	}
}

func TestGroupBySlotMatchesReference(t *testing.T) {
	_, _, fs := benchTopic(t)
	checkGroupBySlot(t, fs)
	r := rand.New(rand.NewSource(7))
	for range 5 {
		in := slices.Clone(fs)
		r.Shuffle(len(in), func(i, j int) { in[i], in[j] = in[j], in[i] })
		checkGroupBySlot(t, in)
	}
	checkGroupBySlot(t, nil)
}

func FuzzGroupBySlot(f *testing.F) {
	f.Add([]byte{0, 1, 2, 0, 1, 3, 3, 2, 0})
	f.Fuzz(func(t *testing.T, spec []byte) {
		slots := [...]string{"date:lede", "number:boats", "entity:ann-roe", "quote:roe"}
		fs := make([]facts.Fact, len(spec))
		for i, b := range spec {
			fs[i] = facts.Fact{Slot: slots[b%4], Kind: facts.KindNumber, Value: strconv.Itoa(i)}
			if b%4 == 3 || b >= 200 {
				fs[i].Kind = facts.KindQuote
			}
		}
		checkGroupBySlot(t, fs)
	})
}
