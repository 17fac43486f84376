package facts

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Extractor finds a topic's facts in articles. It is built once per topic
// (aliases indexed, cue words inflected) and is then pure: Extract reads
// only its article, so articles can be extracted concurrently.
type Extractor struct {
	topic   *Topic
	aliases *aliasIndex
	slots   []slotExtractor
	ref     Date
}

// slotExtractor extracts one slot's facts from an analysed article.
type slotExtractor interface {
	extract(d *doc) []Fact
}

// NewExtractor compiles a topic's slots into extractors. The topic is
// expected to be valid (ParseTopic validates).
func NewExtractor(t *Topic) (*Extractor, error) {
	x := &Extractor{topic: t, aliases: newAliasIndex(t.Entities)}
	if t.Date != "" {
		d, err := ParseISODate(t.Date)
		if err != nil {
			return nil, fmt.Errorf("topic %s: date: %w", t.ID, err)
		}
		x.ref = d
	}
	for _, s := range t.Slots {
		var se slotExtractor
		switch s.Kind {
		case KindDate:
			se = newDateSlot(s)
		case KindEntitySet:
			se = newEntitySetSlot(s)
		case KindEvent:
			se = newEventSlot(s)
		case KindCount:
			se = newCountSlot(s)
		default:
			return nil, fmt.Errorf("topic %s: slot %s: unknown kind %q", t.ID, s.ID, s.Kind)
		}
		x.slots = append(x.slots, se)
	}
	return x, nil
}

// WithStoryDate returns an extractor that reads undated articles against
// the story's date (see StoryDate) when the topic gives none; the topic's
// own date wins.
func (x *Extractor) WithStoryDate(d Date) *Extractor {
	if !x.ref.IsZero() || d.IsZero() {
		return x
	}
	y := *x
	y.ref = d
	return &y
}

// NeedsStoryDate reports whether an undated article would be read against
// the story's date: the topic gives no date of its own.
func (x *Extractor) NeedsStoryDate() bool { return x.ref.IsZero() }

// Extract returns the facts the article states about the topic's slots,
// in text order. The context is checked between slots so a cancelled batch
// stops promptly.
func (x *Extractor) Extract(ctx context.Context, a *Article) ([]Fact, error) {
	d := x.analyse(a)
	defer d.release()
	// General facts (numbers, quotes, entities…) come with every topic:
	// the desk sees what outlets say beyond the slots it asked for.
	return x.extract(ctx, d, x.slots)
}

// doc is an article split into sentences and tokens, with the entity
// mentions and attributions of each sentence; dates are found lazily
// since only date and count slots need them.
type doc struct {
	a     *Article
	ref   Date
	sents []*sentence
	// paraToks is each paragraph of a.Body tokenised, once per article:
	// the sentences' tokens are slices of it, and the quote finder reads
	// it whole.
	paraToks [][]Token
	// tokBuf holds the buffer paraToks are cut from, taken from tokenBufs
	// and given back by release.
	tokBuf *[]Token
	// voc numbers the folds of the doc's tokens (Token.id).
	voc *vocab
	// ner is the named-entity analysis, made on first use (analyseNER).
	ner *nerDoc
	// sentBuf is the recycled first slab of sents (from sentenceBufs),
	// of which sentPooled sentences are used.
	sentBuf    *[]sentence
	sentPooled int
}

// sentenceBufs recycles the slab an article's first sentences are cut
// from: allocated anew per article, sentences were a tenth of
// extraction's bytes. A slab too short for an article is replaced, on
// release, by one as long as its sentences.
var sentenceBufs = sync.Pool{New: func() any { return new([]sentence) }}

// maxPooledSentences bounds the slabs kept (about 120 kB).
const maxPooledSentences = 1024

// tokenBufs recycles the token buffers of extracted articles: the largest
// allocation of extraction (about 50 KB an article), which the batch's
// garbage collector otherwise scans and frees article after article.
var tokenBufs = sync.Pool{New: func() any { return new([]Token) }}

// maxPooledTokens bounds the buffers kept: 16,384 tokens (under 1 MB),
// room for an article of 64 KB.
const maxPooledTokens = 1 << 14

// release gives the doc's token buffer, vocabulary and named-entity
// buffers back once extraction is over. Nothing extraction returns
// points into them (facts hold strings of the text, not tokens), and the
// doc is not used again.
func (d *doc) release() {
	if d.ner != nil {
		d.ner.release()
		d.ner = nil
	}
	if d.tokBuf == nil {
		return
	}
	buf := *d.tokBuf
	// A buffer grown for a very long article (up to 2 MiB of text) is
	// left to the collector rather than kept for the articles after it.
	if cap(buf) <= maxPooledTokens {
		// Drop the article's strings. Tokens past len were cleared by
		// the articles before (the buffer is only appended to, and a
		// buffer made anew is zero), so len is enough: clearing the
		// whole capacity, as large as the longest article yet, was
		// a twentieth of extraction.
		clear(buf)
		*d.tokBuf = buf[:0]
		tokenBufs.Put(d.tokBuf)
	}
	d.releaseSentences()
	d.tokBuf, d.paraToks, d.sents = nil, nil, nil
	if d.voc != nil {
		d.voc.release()
		d.voc = nil
	}
}

// releaseSentences gives the recycled slab back, its sentences cleared
// (they hold the article's tokens and strings).
func (d *doc) releaseSentences() {
	sb := d.sentBuf
	if sb == nil {
		return
	}
	d.sentBuf = nil
	buf := (*sb)[:cap(*sb)]
	clear(buf[:d.sentPooled])
	n := len(d.sents)
	switch {
	case n > maxPooledSentences:
		return // a very long article: left to the collector
	case n > cap(buf):
		buf = make([]sentence, 0, n) // room for an article as long
	}
	*sb = buf[:0]
	sentenceBufs.Put(sb)
}

type sentence struct {
	Span
	toks     []Token
	mentions []Mention
	atts     []attribution
	dates    []DateMention
	dated    bool
}

func (x *Extractor) analyse(a *Article) *doc {
	d := &doc{a: a, ref: a.Published}
	if d.ref.IsZero() {
		d.ref = x.ref
	}
	if d.ref.IsZero() {
		d.ref = statedDate(a)
	}
	d.paraToks = make([][]Token, len(a.Body))
	// The paragraphs' tokens share one buffer (each slice capped at its
	// end, so appending to one cannot write over the next) and one
	// lowered copy of the text: one allocation each per article instead
	// of per paragraph.
	n := 0
	for _, para := range a.Body {
		n += tokenCap(para.Start, para.End)
	}
	bp := tokenBufs.Get().(*[]Token)
	buf := (*bp)[:0]
	if cap(buf) < n {
		buf = make([]Token, 0, n)
	}
	var low lowered
	// Sentences are allocated a slab at a time, not one by one; the
	// first slab is recycled from article to article (sentenceBufs).
	sb := sentenceBufs.Get().(*[]sentence)
	slab := (*sb)[:0]
	var spans []Span // each paragraph's sentences, the slice reused
	d.voc = newVocab()
	for pi, para := range a.Body {
		start := len(buf)
		buf = tokenizeAppend(buf, a.Text, para.Start, para.End, &low, 0, len(a.Text))
		ptoks := buf[start:len(buf):len(buf)]
		d.voc.classify(ptoks)
		d.paraToks[pi] = ptoks
		spans = appendSentences(spans[:0], a.Text, para)
		for _, sp := range spans {
			toks := sentenceTokens(a.Text, ptoks, sp)
			if len(toks) > 0 && toks[0].cls&lcKnown == 0 {
				d.voc.classify(toks) // tokenised again: not slices of ptoks
			}
			if len(slab) == cap(slab) {
				if d.sentBuf == nil {
					d.sentBuf, d.sentPooled = sb, len(slab) // the recycled slab is full
				}
				slab = make([]sentence, 0, 16)
			}
			slab = append(slab, sentence{Span: sp, toks: toks})
			s := &slab[len(slab)-1]
			s.mentions = x.aliases.find(a.Text, toks)
			s.atts = findAttributions(toks)
			d.sents = append(d.sents, s)
		}
	}
	*bp = buf // the buffer as grown, for the next article
	d.tokBuf = bp
	if d.sentBuf == nil {
		d.sentBuf, d.sentPooled = sb, len(slab)
	}
	return d
}

// sentenceTokens returns Tokenize(text, sp.Start, sp.End) cut from the
// tokens of its paragraph, which are the same tokens unless one of them
// runs across the sentence's start or end; then it tokenises the sentence.
// Tokenize's state is only its position, so from a position the
// paragraph's tokens do not straddle (nor split, as "Alder|'s") both give
// the same tokens, and its
// end shows only where a token reaches it. The slice's capacity ends with
// it, so appending to it cannot write over the next sentence's tokens.
func sentenceTokens(text string, ptoks []Token, sp Span) []Token {
	if !runeStart(text, sp.Start) || !runeStart(text, sp.End) {
		return Tokenize(text, sp.Start, sp.End)
	}
	lo := sort.Search(len(ptoks), func(k int) bool { return ptoks[k].Span.End > sp.Start })
	hi := lo
	for hi < len(ptoks) && ptoks[hi].Span.End <= sp.End {
		hi++
	}
	if lo < len(ptoks) && ptoks[lo].Span.Start < sp.Start || hi < len(ptoks) && ptoks[hi].Span.Start < sp.End ||
		splitWord(ptoks, lo) || splitWord(ptoks, hi) {
		return Tokenize(text, sp.Start, sp.End)
	}
	return ptoks[lo:hi:hi]
}

// runeStart reports whether i is where a rune of text starts (or its end):
// a range cut inside a rune reads its bytes as marks the paragraph skips.
func runeStart(text string, i int) bool {
	return i >= len(text) || utf8.RuneStart(text[i])
}

// splitWord reports whether toks[k-1] and toks[k] are the two parts of one
// word ("Alder" and "'s"): a range starting between them would read "'s"
// as a mark and a word.
func splitWord(toks []Token, k int) bool {
	return k > 0 && k < len(toks) && toks[k-1].Span.End == toks[k].Span.Start &&
		toks[k-1].Kind != Punct && toks[k].Kind != Punct
}

// datesOf returns the sentence's date mentions, finding them on first use.
func (d *doc) datesOf(s *sentence) []DateMention {
	if !s.dated {
		s.dates = FindDates(d.a.Text, s.toks, d.ref)
		s.dated = true
	}
	return s.dates
}

// fact starts a Fact with the evidence common to every kind: the surface
// at sp, the sentence, and how the sentence attributes token i.
func (d *doc) fact(s *sentence, slot Slot, extractor string, sp Span, i int) Fact {
	att, src := attributionAt(d.a.Text, s.atts, i)
	return Fact{
		Slot:         slot.ID,
		Kind:         slot.Kind,
		Surface:      d.a.Text[sp.Start:sp.End],
		Span:         sp,
		Sentence:     d.a.Text[s.Start:s.End],
		SentenceSpan: s.Span,
		Attribution:  att,
		Source:       src,
		Extractor:    extractor,
	}
}

// concatPair returns a0+a1 and b0+b1+b2 cut from one string: a fact's
// slot and label, made for every entity and quote, in one allocation
// instead of two.
func concatPair(a0, a1, b0, b1, b2 string) (string, string) {
	n := len(a0) + len(a1)
	var sb strings.Builder
	sb.Grow(n + len(b0) + len(b1) + len(b2))
	sb.WriteString(a0)
	sb.WriteString(a1)
	sb.WriteString(b0)
	sb.WriteString(b1)
	sb.WriteString(b2)
	s := sb.String()
	return s[:n], s[n:]
}

// wordSet is a set of folded words and their inflections, for cues and
// triggers; multi-word entries are kept apart.
type wordSet struct {
	single map[string]bool
	multi  [][]string
	// first filters the first words of single and multi; nil lets every
	// word through (a zero wordSet, or a cue of no token, which matches
	// anywhere).
	first *foldBloom
	// starts has a bit for the first byte of each first word, and empty
	// is set when a first word is empty (a fold of marks only) or first
	// is nil: may, small enough to be inlined, tells most words before
	// the filter's hash (the slots ask it of every token).
	starts [4]uint64
	empty  bool
}

// may reports whether a cue of ws can start at a token of fold f: false
// only when no first word starts with f's first byte.
func (ws *wordSet) may(f string) bool {
	if f == "" {
		return ws.empty
	}
	return ws.starts[f[0]>>6]&(1<<(f[0]&63)) != 0
}

// addStart records the first word f in starts.
func (ws *wordSet) addStart(f string) {
	if f == "" {
		ws.empty = true
		return
	}
	ws.starts[f[0]>>6] |= 1 << (f[0] & 63)
}

func newWordSet(words []string) wordSet {
	ws := wordSet{single: map[string]bool{}, first: new(foldBloom)}
	empty := false
	for _, w := range words {
		for _, f := range inflections(w) {
			toks := Tokenize(f, 0, len(f))
			if len(toks) == 0 {
				empty = true
			} else {
				ws.first.add(toks[0].Fold)
				ws.addStart(toks[0].Fold)
			}
			if len(toks) == 1 {
				ws.single[toks[0].Fold] = true
				continue
			}
			var seq []string
			for _, t := range toks {
				seq = append(seq, t.Fold)
			}
			ws.multi = append(ws.multi, seq)
		}
	}
	if empty {
		ws.first = nil
		ws.starts = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
		ws.empty = true
	}
	return ws
}

// match returns the index of the last token of a cue starting at toks[i].
func (ws wordSet) match(toks []Token, i int) (int, bool) {
	if ws.first != nil && !(ws.may(toks[i].Fold) && ws.first.may(toks[i].Fold)) {
		return 0, false
	}
	if ws.single[toks[i].Fold] {
		return i, true
	}
	for _, seq := range ws.multi {
		if i+len(seq) > len(toks) {
			continue
		}
		ok := true
		for k, w := range seq {
			if toks[i+k].Fold != w {
				ok = false
				break
			}
		}
		if ok {
			return i + len(seq) - 1, true
		}
	}
	return 0, false
}
