package compare

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/facts"
)

// Finding ids let a desk's verdict follow a finding from run to run. An id
// is made from what the finding rests on: the slot and, for each article,
// what it states and the sentence that states it, plus who states nothing.
// Byte offsets are left out, so an edit elsewhere in an article keeps the
// id; an edit of the evidence, or an article added or removed that changes
// the finding, gives a new one. The status is left out too: it follows
// from the evidence.

// idPrefix marks finding ids in the text of reports and commands.
const idPrefix = "f-"

// slotFindingID returns the id of a slot's finding: hashID(topic, slot,
// the values' parts sorted and joined by "\x1e", the missing articles
// sorted and joined by "\x1f"), where a value's part is its article,
// value, surface, sentence, attribution, source, aspect, negated and
// background joined by "\x1f". The parts are written into one buffer and
// hashed from it rather than joined into strings of their own; the
// buffers of scratch (which may be nil) are reused from call to call.
func slotFindingID(topic string, sr *SlotResult, scratch *idScratch) string {
	if scratch == nil {
		scratch = &idScratch{}
	}
	parts := scratch.parts[:0]
	spans := slices.Grow(scratch.spans[:0], len(sr.Values))[:len(sr.Values)]
	for i, v := range sr.Values {
		start := len(parts)
		for k, f := range [...]string{v.Article, v.Value, v.Surface, v.Sentence, v.Attribution, v.Source, v.Aspect} {
			if k > 0 {
				parts = append(parts, 0x1f)
			}
			parts = append(parts, f...)
		}
		parts = append(parts, 0x1f)
		parts = strconv.AppendBool(parts, v.Negated)
		parts = append(parts, 0x1f)
		parts = strconv.AppendBool(parts, v.Background)
		spans[i] = [2]int{start, len(parts)}
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return bytes.Compare(parts[a[0]:a[1]], parts[b[0]:b[1]]) })
	missing := append(scratch.missing[:0], sr.Missing...)
	sort.Strings(missing)
	buf := scratch.buf[:0]
	buf = append(append(buf, topic...), 0)
	buf = append(append(buf, sr.Slot...), 0)
	for i, sp := range spans {
		if i > 0 {
			buf = append(buf, 0x1e)
		}
		buf = append(buf, parts[sp[0]:sp[1]]...)
	}
	buf = append(buf, 0)
	for i, m := range missing {
		if i > 0 {
			buf = append(buf, 0x1f)
		}
		buf = append(buf, m...)
	}
	buf = append(buf, 0)
	scratch.parts, scratch.spans, scratch.buf, scratch.missing = parts, spans, buf, missing
	return sumID(buf)
}

// idScratch holds slotFindingID's buffers between calls.
type idScratch struct {
	parts, buf []byte
	spans      [][2]int
	missing    []string
}

// VariantSlot is the slot key of a spelling-variant group's finding.
func VariantSlot(g VariantGroup) string { return "variant:" + g.Canonical }

// variantFindingID returns the id of a spelling-variant group.
func variantFindingID(topic string, g VariantGroup) string {
	var parts []string
	for _, f := range g.Forms {
		arts := append([]string(nil), f.Articles...)
		sort.Strings(arts)
		parts = append(parts, f.Form+"\x1f"+strings.Join(arts, "\x1f"))
	}
	sort.Strings(parts)
	return hashID(topic, VariantSlot(g), strings.Join(parts, "\x1e"))
}

// hashID is the id of the parts: the SHA-256 of each part followed by a
// zero byte, in hex, its first ten digits after the prefix.
func hashID(parts ...string) string {
	n := 0
	for _, p := range parts {
		n += len(p) + 1
	}
	buf := make([]byte, 0, n)
	for _, p := range parts {
		buf = append(append(buf, p...), 0)
	}
	return sumID(buf)
}

// sumID is hashID of the parts already written, each followed by a zero
// byte, into b.
func sumID(b []byte) string {
	sum := sha256.Sum256(b)
	return idPrefix + hex.EncodeToString(sum[:5])
}

// VerdictView is a desk's verdict as a finding shows it.
type VerdictView struct {
	Decision facts.Decision `json:"decision"`
	Note     string         `json:"note"`
	By       string         `json:"by"`
	At       string         `json:"at"`
	// Stale is true when the evidence changed since the verdict was given:
	// the finding is open again, with this verdict shown beside it.
	Stale bool `json:"stale,omitempty"`
	// Finding is the id of the finding the verdict was given on, when
	// that is no longer the finding's id (Stale).
	Finding string `json:"finding,omitempty"`
}

// Open reports whether a finding with this verdict still wants the desk's
// attention: no verdict, a stale one, or a follow-up.
func (v *VerdictView) Open() bool {
	return v == nil || v.Stale || v.Decision == facts.FollowUp
}

// ApplyVerdicts attaches to each finding of res the latest of the desk's
// verdicts on its slot (verdicts in the order they were given), marked
// stale when it was given on other evidence. Verdicts on slots the result
// no longer has are left out. It reads nothing: the caller passes the
// verdicts the store holds.
func ApplyVerdicts(res *Result, vs []facts.Verdict) {
	latest := map[string]facts.Verdict{}
	for _, v := range vs {
		if v.Topic == res.Topic {
			latest[v.Slot] = v
		}
	}
	view := func(slot, id string) *VerdictView {
		v, ok := latest[slot]
		if !ok {
			return nil
		}
		vv := &VerdictView{Decision: v.Decision, Note: v.Note, By: v.By, At: v.At.UTC().Format(time.RFC3339)}
		if v.Finding != id {
			vv.Stale, vv.Finding = true, v.Finding
		}
		return vv
	}
	res.Verdicts = Verdicts{}
	for i := range res.Facts {
		sr := &res.Facts[i]
		sr.Verdict = view(sr.Slot, sr.ID)
		if (sr.Status == Agree || sr.Soft) && sr.Verdict == nil {
			continue // nothing to judge, or nothing an editor need act on
		}
		res.Verdicts.add(sr.Verdict)
	}
	for i := range res.Variants {
		g := &res.Variants[i]
		g.Verdict = view(VariantSlot(*g), g.ID)
		res.Verdicts.add(g.Verdict)
	}
}

// Verdicts counts a result's findings by the desk's verdicts. Open counts
// what wants the desk's attention: findings other than agreement and soft
// nuances with no verdict, with a stale one, or marked follow-up.
type Verdicts struct {
	Open      int `json:"open"`
	Confirmed int `json:"confirmed"`
	Dismissed int `json:"dismissed"`
	FollowUp  int `json:"follow_up"`
	Stale     int `json:"stale"`
}

func (c *Verdicts) add(v *VerdictView) {
	switch {
	case v == nil:
		c.Open++
	case v.Stale:
		c.Stale++
		c.Open++
	case v.Decision == facts.Confirm:
		c.Confirmed++
	case v.Decision == facts.Dismiss:
		c.Dismissed++
	case v.Decision == facts.FollowUp:
		c.FollowUp++
		c.Open++
	}
}

// FindingSlot returns the slot key and headline of the finding with id in
// res, for a command that records a verdict on it.
func FindingSlot(res Result, id string) (slot, headline string, ok bool) {
	for _, sr := range res.Facts {
		if sr.ID == id {
			return sr.Slot, sr.Headline, true
		}
	}
	for _, g := range res.Variants {
		if g.ID == id {
			var forms []string
			for _, f := range g.Forms {
				forms = append(forms, f.Form)
			}
			return VariantSlot(g), "spelled " + strings.Join(forms, " / "), true
		}
	}
	return "", "", false
}
