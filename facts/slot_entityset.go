package facts

// entitySetSlot fills an entity-set slot with each member entity the
// article names: one fact per member, at its first mention.
type entitySetSlot struct {
	slot    Slot
	members map[string]bool
}

func newEntitySetSlot(s Slot) *entitySetSlot {
	m := map[string]bool{}
	for _, id := range s.Members {
		m[id] = true
	}
	return &entitySetSlot{slot: s, members: m}
}

func (es *entitySetSlot) extract(d *doc) []Fact {
	var out []Fact
	seen := map[string]bool{}
	for _, s := range d.sents {
		for _, m := range s.mentions {
			if !es.members[m.Entity] || seen[m.Entity] {
				continue
			}
			seen[m.Entity] = true
			f := d.fact(s, es.slot, "entity", m.Span, m.First)
			f.Value = m.Entity
			out = append(out, f)
		}
	}
	return out
}
