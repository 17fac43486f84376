package compare

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// slotFindingIDRef is slotFindingID as it was before it wrote into one
// buffer: ids must not change, or every verdict a desk gave goes stale.
func slotFindingIDRef(topic string, sr *SlotResult) string {
	var parts []string
	for _, v := range sr.Values {
		parts = append(parts, strings.Join([]string{v.Article, v.Value, v.Surface, v.Sentence,
			v.Attribution, v.Source, v.Aspect, strconv.FormatBool(v.Negated), strconv.FormatBool(v.Background)}, "\x1f"))
	}
	sort.Strings(parts)
	missing := append([]string(nil), sr.Missing...)
	sort.Strings(missing)
	return hashIDRef(topic, sr.Slot, strings.Join(parts, "\x1e"), strings.Join(missing, "\x1f"))
}

func hashIDRef(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return idPrefix + hex.EncodeToString(h.Sum(nil))[:10]
}

func TestFindingIDsMatchReference(t *testing.T) {
	tp, arts, fs := benchTopic(t)
	res := Compare(tp, arts, fs)
	if len(res.Facts) == 0 || len(res.Variants) == 0 {
		t.Fatal("the bench topic has no findings")
	}
	for i := range res.Facts {
		sr := &res.Facts[i]
		if want := slotFindingIDRef(tp.ID, sr); sr.ID != want {
			t.Errorf("slot %s: id %s, want %s", sr.Slot, sr.ID, want)
		}
	}
	// Odd cases: no values, no missing, empty strings, one value.
	for _, sr := range []SlotResult{{}, {Slot: "s", Missing: []string{"b", "a"}}, {Values: []Value{{Negated: true}}},
		{Slot: "x", Values: []Value{{Article: "b", Value: "2"}, {Article: "a", Value: "1", Background: true}}}} {
		if got, want := slotFindingID("t", &sr, nil), slotFindingIDRef("t", &sr); got != want {
			t.Errorf("%+v: id %s, want %s", sr, got, want)
		}
	}
	for _, g := range res.Variants {
		var parts []string
		for _, f := range g.Forms {
			arts := append([]string(nil), f.Articles...)
			sort.Strings(arts)
			parts = append(parts, f.Form+"\x1f"+strings.Join(arts, "\x1f"))
		}
		sort.Strings(parts)
		if want := hashIDRef(tp.ID, VariantSlot(g), strings.Join(parts, "\x1e")); g.ID != want {
			t.Errorf("variant %s: id %s, want %s", g.Canonical, g.ID, want)
		}
	}
}
