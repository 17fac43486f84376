package compare

import (
	"sort"
	"strconv"
	"strings"

	"github.com/crosscheck-news/crosscheck/facts"
)

// maxSuggested caps each kind of suggested slot, and maxEntities the
// names, so the draft stays a draft a desk can read and edit, not a dump.
const (
	maxSuggested = 8
	maxEntities  = 20
)

// Suggest drafts a topic file from the general facts of a folder's
// articles: the names at least two articles mention become entities (with
// every spelling as an alias), and the events, dates, counts and numbers at
// least two articles state become slots. The desk edits the draft; nothing
// in it is final.
func Suggest(id, title string, articles []facts.Article, fs []facts.Fact) *facts.Topic {
	t := &facts.Topic{ID: id, Title: title}
	bySlot := map[string][]facts.Fact{}
	for _, f := range fs {
		if !f.Background {
			bySlot[f.Slot] = append(bySlot[f.Slot], f)
		}
	}
	type cand struct {
		slot     string
		articles int
		fs       []facts.Fact
	}
	var cands []cand
	for slot, sf := range bySlot {
		n := map[string]bool{}
		for _, f := range sf {
			n[f.Article] = true
		}
		if len(n) >= 2 {
			cands = append(cands, cand{slot, len(n), sf})
		}
	}
	// Entities first (events refer to them), then most widely stated
	// first; ties by slot id so the draft is stable.
	sort.Slice(cands, func(i, j int) bool {
		ei, ej := cands[i].fs[0].Kind == facts.KindEntity, cands[j].fs[0].Kind == facts.KindEntity
		if ei != ej {
			return ei
		}
		if cands[i].articles != cands[j].articles {
			return cands[i].articles > cands[j].articles
		}
		return cands[i].slot < cands[j].slot
	})

	entityByKey := map[string]string{} // name key → entity id
	used := map[string]bool{}
	addEntity := func(fs []facts.Fact) string {
		names := map[string]int{}
		kind := ""
		for _, f := range fs {
			names[f.Value]++
			if k, _, ok := strings.Cut(f.Label, ": "); ok && kind == "" {
				kind = k
			}
		}
		forms := sortedByCount(names)
		key := facts.NameKey(forms[0])
		if id, ok := entityByKey[key]; ok {
			return id
		}
		eid := uniqueID(slugID(forms[0]), used)
		e := facts.Entity{ID: eid, Name: forms[0], Kind: kind}
		for _, f := range forms[1:] {
			if facts.Fold(f) != facts.Fold(forms[0]) {
				e.Aliases = append(e.Aliases, f)
			}
		}
		t.Entities = append(t.Entities, e)
		entityByKey[key] = eid
		return eid
	}

	var places []string
	counts := map[facts.Kind]int{}
	slotIDs := map[string]bool{}
	for _, c := range cands {
		kind := c.fs[0].Kind
		if limit := maxSuggested; counts[kind] >= limit && kind != facts.KindEntity || counts[kind] >= maxEntities {
			continue
		}
		prefix, rest, _ := strings.Cut(c.slot, ":")
		switch kind {
		case facts.KindEntity:
			eid := addEntity(c.fs)
			if k, _, _ := strings.Cut(c.fs[0].Label, ": "); k == "place" || k == "organisation" {
				places = append(places, eid)
			}
		case facts.KindEvent:
			lemma, argKey, ok := strings.Cut(rest, ":")
			if !ok {
				continue
			}
			arg := entityFor(t, entityByKey, argKey, c.fs)
			if arg == "" {
				continue
			}
			sid := uniqueID(slugID(lemma)+"."+arg, slotIDs)
			t.Slots = append(t.Slots, facts.Slot{ID: sid, Kind: facts.KindEvent, Label: c.fs[0].Label, Triggers: []string{lemma}, Argument: arg})
		case facts.KindDate:
			if rest == "lede" || rest == "" || rest == facts.ReportDateLemma || rest == facts.UnkeyedDateLemma {
				continue // no event word to cue a slot
			}
			sid := uniqueID(slugID(rest)+".date", slotIDs)
			t.Slots = append(t.Slots, facts.Slot{ID: sid, Kind: facts.KindDate, Label: c.fs[0].Label, Cues: []string{rest}})
		case facts.KindCount, facts.KindNumber:
			if rest == "" {
				continue
			}
			sid := uniqueID(slugID(rest)+"."+prefix, slotIDs)
			t.Slots = append(t.Slots, facts.Slot{ID: sid, Kind: facts.KindCount, Label: c.fs[0].Label, Cues: []string{rest}})
		default:
			continue
		}
		counts[kind]++
	}
	if len(places) > 0 {
		t.Slots = append([]facts.Slot{{ID: "names.named", Kind: facts.KindEntitySet, Label: "Places and organisations named", Members: places}}, t.Slots...)
	}
	for _, a := range articles {
		m := facts.ArticleMeta{File: a.File, Outlet: a.Outlet, Wire: a.Wire, Published: a.Published.String()}
		t.Articles = append(t.Articles, m)
	}
	return t
}

// entityFor returns the entity id for an event's argument key, adding the
// entity from the event facts' surfaces when no entity slot named it.
func entityFor(t *facts.Topic, byKey map[string]string, key string, fs []facts.Fact) string {
	if id, ok := byKey[key]; ok {
		return id
	}
	for _, e := range t.Entities {
		if facts.NameKey(e.Name) == key {
			return e.ID
		}
	}
	return ""
}

func sortedByCount(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if m[out[i]] != m[out[j]] {
			return m[out[i]] > m[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

// slugID makes an id from a name: folded, words joined by "-".
func slugID(s string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(facts.Fold(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(w)
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

func uniqueID(id string, used map[string]bool) string {
	out := id
	for i := 2; used[out]; i++ {
		out = id + "-" + strconv.Itoa(i)
	}
	used[out] = true
	return out
}
