package facts

import "strings"

// eventSlot fills an event slot: a trigger word and the argument entity in
// one sentence, with the event's polarity, aspect and attribution.
type eventSlot struct {
	slot     Slot
	triggers wordSet
}

func newEventSlot(s Slot) *eventSlot {
	return &eventSlot{slot: s, triggers: newWordSet(s.Triggers)}
}

func (es *eventSlot) extract(d *doc) []Fact {
	var out []Fact
	for _, s := range d.sents {
		var args []Mention
		for _, m := range s.mentions {
			if m.Entity == es.slot.Argument {
				args = append(args, m)
			}
		}
		if len(args) == 0 {
			continue
		}
		for i := range s.toks {
			last, ok := es.triggers.match(s.toks, i)
			if !ok || s.toks[i].Kind == Punct {
				continue
			}
			m, ok := argumentOf(s.toks, args, i, last)
			if !ok {
				continue
			}
			from, to := min(i, m.First), max(last, m.Last)
			sp := Span{s.toks[from].Span.Start, s.toks[to].Span.End}
			f := d.fact(s, es.slot, "event", sp, i)
			f.Value = es.slot.Argument
			f.Negated = negated(s.toks, i)
			f.Aspect = aspectOf(s.toks, i)
			out = append(out, f)
			break // one fact per sentence: the first trigger
		}
	}
	return out
}

// argumentOf returns the argument mention nearest the trigger toks[i:last+1]
// that is not set apart from it by a contrast ("withdrew from A but stayed
// in B" is no withdrawal from B).
func argumentOf(toks []Token, args []Mention, i, last int) (Mention, bool) {
	var best Mention
	found, bestDist := false, 0
	for _, m := range args {
		// The tokens between trigger and mention; none when they overlap.
		from, to := last+1, m.First
		if m.Last < i {
			from, to = m.Last+1, i
		}
		contrast := false
		for k := from; k < to; k++ {
			if contrastBreaks[toks[k].Fold] {
				contrast = true
				break
			}
		}
		if dist := max(to-from, 0); !contrast && (!found || dist < bestDist) {
			best, bestDist, found = m, dist, true
		}
	}
	return best, found
}

// contrastBreaks separate clauses about different things.
var contrastBreaks = map[string]bool{
	"but": true, ";": true, "whereas": true, "although": true, "though": true, "while": true,
}

// negated reports whether the event at toks[i] is denied: a negator
// ("not", "never", "denied") before it in the same clause.
func negated(toks []Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		f := toks[k].Fold
		if negators[f] {
			return true
		}
		if f == "that" && k > 0 && denials[toks[k-1].Fold] {
			return true // "denied that troops withdrew"
		}
		if clauseBreaks[f] {
			return false
		}
	}
	return false
}

// Auxiliaries that set an event's aspect.
var (
	planAux = map[string]bool{
		"will": true, "shall": true, "would": true, "plans": true, "plan": true,
		"planned": true, "planning": true, "intends": true, "intend": true,
		"intended": true, "expected": true, "set": true, "going": true,
		"scheduled": true, "agreed": true, "decided": true, "aims": true,
		"wants": true, "prepares": true, "preparing": true, "'ll": true,
	}
	ongoingAux = map[string]bool{
		"begun": true, "began": true, "begin": true, "begins": true,
		"started": true, "start": true, "starts": true, "continue": true,
		"continues": true, "continued": true, "continuing": true,
		"still": true, "gradually": true,
	}
	determiners = map[string]bool{
		"the": true, "a": true, "an": true, "no": true, "any": true, "its": true,
		"their": true, "his": true, "her": true, "our": true, "this": true,
		"'s": true, "full": true, "partial": true,
	}
	denials   = map[string]bool{"denied": true, "deny": true, "denies": true, "denying": true}
	haveForms = map[string]bool{"has": true, "have": true, "had": true, "having": true}
	didForms  = map[string]bool{"did": true, "does": true, "do": true}
)

// aspectOf reads the aspect of the event whose trigger is toks[i] from the
// trigger's form and the auxiliaries before it: "will withdraw" planned,
// "was withdrawing" and "have begun withdrawing" ongoing, "withdrew" and
// "has withdrawn" completed, the noun "withdrawal" unknown.
func aspectOf(toks []Token, i int) Aspect {
	w := toks[i].Fold
	if i > 0 && sieveHas(determinersSieve, determiners, toks[i-1].Fold) {
		return "" // a noun: "the withdrawal", "no pullout", "Russia's evacuation"
	}
	// Look back over the verb group: auxiliaries, adverbs, negation.
	var aux []string
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		f := toks[k].Fold
		if toks[k].Kind == Punct || clauseBreaks[f] {
			break
		}
		aux = append(aux, f)
	}
	has := func(set map[string]bool) bool {
		for _, a := range aux {
			if set[a] {
				return true
			}
		}
		return false
	}
	switch {
	case has(planAux):
		return Planned
	case has(ongoingAux):
		return Ongoing
	case strings.HasSuffix(w, "ing"):
		if has(beForms) {
			return Ongoing
		}
		return ""
	case pastForms[w] || strings.HasSuffix(w, "ed"):
		return Completed
	case has(didForms):
		return Completed
	case len(aux) > 0 && aux[0] == "to":
		return ""
	case has(haveForms):
		return Completed
	}
	return ""
}
