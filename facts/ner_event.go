package facts

import (
	"slices"
	"strings"
)

// Events without a topic file: a verb (or an event noun) and a named
// place or organisation joined by a preposition ("withdrew its forces
// from Harwick airport") or as its direct object ("visited Moscow").
//
// Slot id: "event:<lemma>:<key>", where <lemma> is the verb's base form
// (withdrew, withdrawing, withdrawal → withdraw), mapped through the
// synonym sets of lexicon_events.go (travel, trip → visit; talks,
// meeting, summit → meet; fired, sacked, ousted → one event), and
// <key> is NameKey of the argument's head name: its canonical name in the
// article without a final facility or district word ("Harwick Airport"
// → Harwick), so "withdrew from Harwick airport" and "begun withdrawing
// from Harwick Airport" share a slot. The value is that key; polarity,
// aspect and attribution as for topic event slots.

// eventWindow is how many tokens may separate an event word from the
// preposition (or object) that introduces its argument.
const eventWindow = 6

// eventPreps introduce an event's place or organisation argument.
var eventPreps = words("from to in into at near out")

// eventClauseBreaks end the reach of an event word.
var eventClauseBreaks = words(", ; : and but ( ) - which who that while although though whereas because")

// stopVerbs are reporting, auxiliary and light verbs (by lemma): they are
// no events.
var stopVerbs = words(
	"be have do say tell make get seem appear become remain let want need use include",
	"report claim state announce confirm allege add note insist assert acknowledge quote",
	"cite write estimate expect set plan intend aim seek try hope begin start continue",
	"base describe refer relate go come keep give take put see know think believe mean",
	"will would can could may might must shall should call ask",
)

// eventNouns map event nouns to their verb's lemma ("withdrawal" →
// "withdraw"); the lemmas of synonyms meet in canonicalLemma.
var eventNouns = map[string]string{
	"withdrawal": "withdraw", "withdrawals": "withdraw", "pullout": "withdraw", "pull-out": "withdraw",
	"evacuation": "evacuate", "arrival": "arrive", "departure": "depart", "visit": "visit",
	"visits": "visit", "trip": "visit", "trips": "visit", "meeting": "meet", "meetings": "meet",
	"talks": "meet", "summit": "meet", "invasion": "invade", "deployment": "deploy",
	"return": "return", "retreat": "retreat", "attack": "attack", "attacks": "attack",
	"strike": "strike", "strikes": "strike", "raid": "raid", "raids": "raid",
	"arrest": "arrest", "arrests": "arrest", "election": "elect", "elections": "elect",
	"vote": "vote", "explosion": "explode", "blast": "explode", "crash": "crash",
	"collapse": "collapse", "killing": "kill", "killings": "kill", "shooting": "shoot",
	"bombing": "bomb", "bombings": "bomb", "death": "die", "deaths": "die",
	"capture": "capture", "seizure": "seize", "release": "release", "launch": "launch",
	"ceremony": "ceremony", "funeral": "funeral", "hearing": "hearing", "trial": "trial",
	"verdict": "verdict", "ruling": "rule", "sentencing": "sentence", "resignation": "resign",
	"ouster": "oust", "overthrow": "oust", "dismissal": "dismiss", "firing": "fire", "firings": "fire",
	"inauguration": "inaugurate", "signing": "sign", "agreement": "agree", "deal": "agree",
	"match": "match", "game": "match", "final": "match", "race": "race", "earthquake": "earthquake",
	"quake": "earthquake", "storm": "storm", "flood": "flood", "flooding": "flood", "fire": "blaze",
	"wildfire": "blaze", "landfall": "landfall", "protest": "protest", "protests": "protest",
	"rally": "rally", "march": "march", "strike-off": "strike", "closure": "close",
	"opening": "open", "transfer": "transfer", "handover": "transfer", "entry": "enter",
	"crossing": "cross", "escape": "escape", "flight": "fly", "landing": "land",
	"acquisition": "acquire", "merger": "merge", "takeover": "acquire", "speech": "speak",
	"interview": "interview", "conference": "conference", "announcement": "announce",
}

// knownVerbs are base forms taken as verbs after "to", a pronoun or a name
// and in the third person ("withdraws"), besides the irregular verbs and
// the lemmas of eventNouns.
var knownVerbs = func() map[string]bool {
	m := words(
		"visit attend travel return arrive leave enter flee withdraw deploy evacuate attack",
		"strike bomb invade capture seize meet sign launch open close cross reach move transfer",
		"relocate land depart join quit win beat defeat host raid arrest release charge sue ban",
		"kill shoot die elect vote resign retreat escape fly sail march protest rally crash",
		"explode collapse burn flood hit storm acquire merge buy sell invest expand cut fire",
		"hire sack sentence convict acquit jail rule appeal testify speak pull send station",
		"transport ship export import supply deliver fund back support oppose recognise recognize",
		"recall expel deport detain free rescue abandon occupy control hold capture liberate",
		"surround shell target hand handover cede annex",
	)
	for base := range irregular {
		m[base] = true
	}
	for _, l := range eventNouns {
		m[l] = true
	}
	for _, set := range eventSynonymSets {
		for _, w := range strings.Fields(set) {
			m[w] = true
		}
	}
	return m
}()

// pastBase maps irregular past forms and participles to their base.
var pastBase = func() map[string]string {
	m := map[string]string{}
	for base, f := range irregular {
		if f[0] != base {
			m[f[0]] = base
		}
		if f[1] != base {
			m[f[1]] = base
		}
	}
	return m
}()

// Classes of words for verbAt, in one table so that most tokens cost one
// lookup.
const (
	classAux uint8 = iota + 1 // auxiliaries, modals and reporting verbs
	classNot                  // function words and -ed/-ing non-verbs
)

var verbClass = func() map[string]uint8 {
	m := map[string]uint8{}
	for _, set := range []map[string]bool{nerStop, eventPreps, determiners, notVerbsED} {
		for w := range set {
			m[w] = classNot
		}
	}
	for _, set := range []map[string]bool{beForms, haveForms, didForms, modals, reportVerbs} {
		for w := range set {
			m[w] = classAux
		}
	}
	return m
}()

// notVerbsED end in -ed or -ing without being verb forms, or are base
// forms ending in -eed.
var notVerbsED = words(
	"hundred indeed red bed need seed speed feed breed creed greed shed sled sacred naked",
	"wicked kindred rugged ragged jagged beloved succeed proceed exceed bleed heed weed deed",
	"embed shred wed bred fled led fed",
	"thing king ring during nothing something anything everything morning evening ceiling",
	"wing spring string sibling pudding bring sing sting swing cling fling ping",
	"building meeting ongoing outgoing incoming upcoming",
)

// lemmaExceptions are -ed/-ing stems the rules get wrong.
var lemmaExceptions = map[string]string{
	"add": "add", "ad": "add", "install": "install", "recall": "recall", "instill": "instill",
	"distill": "distill", "focus": "focus", "bias": "bias", "visit": "visit",
	"limit": "limit", "edit": "edit", "credit": "credit", "exit": "exit", "audit": "audit",
	"prohibit": "prohibit", "exhibit": "exhibit", "inhabit": "inhabit", "inherit": "inherit",
	"extradit": "extradite", "expedit": "expedite", "incit": "incite",
	"cit": "cite", "invit": "invite", "unit": "unite", "excit": "excite", "ignit": "ignite",
	"recit": "recite", "creat": "create", "recreat": "recreate", "pilot": "pilot",
	"pivot": "pivot", "riot": "riot", "ballot": "ballot", "di": "die", "ti": "tie",
	"li": "lie", "dy": "die", "ty": "tie", "ly": "lie", "welcom": "welcome",
	"becom": "become", "overcom": "overcome", "com": "come", "rang": "range",
	"chang": "change", "exchang": "exchange", "challeng": "challenge", "arrang": "arrange",
	"rebel": "rebel", "travel": "travel", "cancel": "cancel", "label": "label",
	"model": "model", "level": "level", "signal": "signal", "channel": "channel",
	"fuel": "fuel", "shel": "shell", "dril": "drill", "spil": "spill", "spel": "spell",
	"smel": "smell", "swel": "swell", "dwel": "dwell", "gril": "grill", "thril": "thrill",
	"chil": "chill", "stal": "stall",
	"happen": "happen", "open": "open", "threaten": "threaten", "listen": "listen",
	"widen": "widen", "weaken": "weaken", "worsen": "worsen", "strengthen": "strengthen",
	"harden": "harden", "tighten": "tighten", "loosen": "loosen", "deepen": "deepen",
	"develop": "develop", "envelop": "envelop", "gallop": "gallop", "target": "target",
	"budget": "budget", "market": "market", "rocket": "rocket", "interpret": "interpret",
	"enter": "enter", "offer": "offer", "cover": "cover", "order": "order", "suffer": "suffer",
	"consider": "consider", "deliver": "deliver", "gather": "gather", "register": "register",
	"answer": "answer", "differ": "differ", "bother": "bother", "hamper": "hamper",
	"render": "render", "surrender": "surrender", "murder": "murder", "border": "border",
	"shelter": "shelter", "alter": "alter", "filter": "filter", "counter": "counter",
	"monitor": "monitor", "mentor": "mentor", "sponsor": "sponsor", "honor": "honor",
	"favor": "favor", "labor": "labor", "anchor": "anchor", "author": "author",
	"question": "question", "mention": "mention", "station": "station", "position": "position",
	"abandon": "abandon", "summon": "summon", "pardon": "pardon", "imprison": "imprison",
	"poison": "poison", "sanction": "sanction", "reason": "reason", "season": "season",
	"auction": "auction", "function": "function", "caution": "caution", "petition": "petition",
	"campaign": "campaign",
}

// lemma returns the base form of a folded verb form: irregular pasts from
// the lexicon, -ed and -ing with undoubling and e-restoration, -s and
// -ies. The rules aim at consistency (every form of a verb gives the same
// lemma) more than at perfect spelling.
func lemma(f string) string {
	if b, ok := pastBase[f]; ok {
		return b
	}
	return lemmaRules(f)
}

// lemmaRules is lemma for a word that is no key of pastBase.
func lemmaRules(f string) string {
	switch {
	case strings.HasSuffix(f, "ied") && len(f) > 4:
		return f[:len(f)-3] + "y"
	case strings.HasSuffix(f, "eed") && len(f) > 4:
		return f[:len(f)-1] // agreed → agree
	case strings.HasSuffix(f, "ed") && len(f) > 3:
		return restoreStem(f[:len(f)-2])
	case strings.HasSuffix(f, "ying") && len(f) > 5:
		return f[:len(f)-3] // carrying → carry
	case strings.HasSuffix(f, "ing") && len(f) > 4:
		return restoreStem(f[:len(f)-3])
	case strings.HasSuffix(f, "ies") && len(f) > 4:
		return f[:len(f)-3] + "y"
	case strings.HasSuffix(f, "sses") || strings.HasSuffix(f, "shes") || strings.HasSuffix(f, "ches") ||
		strings.HasSuffix(f, "xes") || strings.HasSuffix(f, "zes") || strings.HasSuffix(f, "oes"):
		return f[:len(f)-2]
	case strings.HasSuffix(f, "s") && !strings.HasSuffix(f, "ss") && len(f) > 3:
		return f[:len(f)-1]
	}
	return f
}

// restoreStem turns the stem left by removing -ed or -ing into the base:
// undoubles a final consonant (planned → plan, travelled → travel) and
// restores a silent e (moved → move, located → locate, hoped → hope).
func restoreStem(s string) string {
	if b, ok := sieveGet(lemmaExceptionsSieve, lemmaExceptions, s); ok {
		return b
	}
	n := len(s)
	if n < 2 {
		return s
	}
	last, prev := s[n-1], s[n-2]
	if last == prev && !isVowel(last) {
		switch last {
		case 'l':
			// travell → travel, but shell, drill, kill stay.
			if n >= 5 && strings.ContainsAny(s[:n-3], "aeiou") {
				return s[:n-1]
			}
			return s
		case 's', 'f', 'z':
			return s
		}
		return s[:n-1] // planned → plan, committed → commit
	}
	if isVowel(last) {
		if last == 'u' || last == 'e' && n > 2 {
			return s + "e" // argued → argue
		}
		return s
	}
	if last == 't' && prev == 'a' && n > 2 && s[n-3] != 'e' && s[n-3] != 'o' {
		return s + "e" // evacuated, negotiated; not treated, floated
	}
	switch last {
	case 'v', 'z', 'c':
		return s + "e"
	case 's':
		if isVowel(prev) || strings.IndexByte("nrlp", prev) >= 0 {
			return s + "e" // praised, sensed, collapsed
		}
		return s
	case 'g':
		if prev == 'r' || prev == 'd' || isVowel(prev) {
			return s + "e" // urged, judged, engaged
		}
		return s
	case 'l':
		if !isVowel(prev) && prev != 'l' && prev != 'r' && prev != 'w' {
			return s + "e" // handled, settled
		}
		if (prev == 'i' || prev == 'o' || prev == 'u') && n > 2 && !isVowel(s[n-3]) {
			return s + "e" // ruled, filed, paroled
		}
		return s
	}
	// One vowel between consonants: hoped, voted, decided, located.
	if isVowel(prev) && n > 2 && !isVowel(s[n-3]) && strings.IndexByte("wxyh", last) < 0 {
		switch last {
		case 'r':
			if prev == 'e' {
				return s // entered, offered
			}
		case 'n':
			if prev == 'e' || prev == 'o' && n > 4 || prev == 'a' {
				return s // opened, questioned, orphaned
			}
		case 't':
			switch prev {
			case 'i':
				return s // visited, limited
			case 'e':
				if s[n-3] != 'l' && s[n-3] != 'p' {
					return s // targeted
				}
			}
		case 'm':
			if prev == 'o' {
				return s // welcomed
			}
		case 'p':
			if prev == 'o' && n >= 6 {
				return s // developed
			}
		case 'k', 'd', 'b', 'f':
		}
		return s + "e"
	}
	return s
}

// canonical returns the lemma's synonym-table form.
func canonical(l string) string {
	if c, ok := sieveGet(canonicalLemmaSieve, canonicalLemma, l); ok {
		return c
	}
	return l
}

// modalsAndDo precede a bare verb.
var modalsAndDo = words("will would can could may might must should shall did does do to 'll")

// verbAt returns the lemma of the verb at toks[i], if it is one: an -ed
// form or irregular past, an -ing form after be, have been or begin, a
// bare form after a modal, "do" or "to", or a known verb after its subject.
// Reporting and auxiliary verbs are not returned (stop is true for them).
func verbAt(toks []Token, i int) (lem string, stop, ok bool) {
	t := &toks[i] // not a copy: verbAt is asked of every token
	f := t.Fold
	if t.Kind != Word || capitalText(t.Text) || strings.IndexByte(f, '-') >= 0 || len(f) < 2 {
		return "", false, false
	}
	vc := t.verbOf() // verbClass[f], kept by classify
	if t.cls&lcKnown == 0 {
		vc = verbClass[f]
	}
	switch vc {
	case classAux:
		return "", true, true
	case classNot:
		return "", false, false
	}
	prev := prevContent(toks, i)
	pf := ""
	if prev >= 0 {
		pf = toks[prev].Fold
	}
	// prevMay filters the look-ups of pf by the previous token's classes.
	prevMay := func(c lexClass) bool { return prev < 0 || toks[prev].may(c) }
	pb, inPast := "", false
	if t.may(lcPastBase) {
		pb, inPast = pastBase[f]
	}
	past := pb != ""
	// lemF is lemma(f), with pastBase asked once above and the suffix
	// rules run at most once.
	lf := ""
	lemF := func() string {
		if lf == "" {
			if inPast {
				lf = pb
			} else {
				lf = lemmaRules(f)
			}
		}
		return lf
	}
	modal := prevMay(lcModalOrDo) && modalsAndDo[pf]
	isVerb := false
	switch {
	case past:
		isVerb = !sieveHas(determinersSieve, determiners, pf) && !sieveHas(attributiveDeterminersSieve, attributiveDeterminers, pf)
	case strings.HasSuffix(f, "ed") && len(f) > 4:
		isVerb = !sieveHas(determinersSieve, determiners, pf) && !sieveHas(attributiveDeterminersSieve, attributiveDeterminers, pf) && !(prev >= 0 && toks[prev].Kind == Number)
	case strings.HasSuffix(f, "ing") && len(f) > 5:
		isVerb = sieveHas(beFormsSieve, beForms, pf) || sieveHas(ongoingAuxSieve, ongoingAux, pf) || pf == "stopped" || pf == "kept" || pf == "resumed" || pf == "after" || pf == "before" || pf == "by" || pf == "while"
	case modal || pf == "not" || pf == "n't":
		isVerb = pf != "to" || sieveHas(knownVerbsSieve, knownVerbs, f)
		if pf == "to" && prev > 0 && (toks[prev-1].Fold == "according" || toks[prev-1].Fold == "due") {
			isVerb = false
		}
	case (strings.HasSuffix(f, "s") || sieveHas(knownVerbsSieve, knownVerbs, f)) && sieveHas(knownVerbsSieve, knownVerbs, lemF()):
		// The cheap tests first: lemmatising every other word was a
		// fifth of verbAt, and both sides are pure.
		isVerb = prev >= 0 && (pronouns[pf] || nameTok(&toks[prev]) && toks[prev].Kind == Word) && !sieveHas(determinersSieve, determiners, pf)
		// "the storm hit": a past the same as its base, after a noun.
		if f2, ok := irregular[f]; ok && f2[0] == f && prev >= 0 && toks[prev].Kind == Word && !(prevMay(lcNerStop) && nerStop[pf]) && !sieveHas(attributiveDeterminersSieve, attributiveDeterminers, pf) {
			isVerb = true
		}
	}
	if !isVerb {
		return "", false, false
	}
	l := f
	if !(modal || pf == "not" || pf == "n't") || strings.HasSuffix(f, "ed") || past {
		l = lemF()
	}
	if i+1 < len(toks) {
		if p, ok := eventPhraseAt(l, toks[i+1].Fold); ok {
			l = p // "stepped down" → resign
		}
	}
	if sieveHas(stopVerbsSieve, stopVerbs, l) || sieveHas(stopVerbsSieve, stopVerbs, canonical(l)) {
		return l, true, true
	}
	return canonical(l), false, true
}

// prevContent returns the index of the token before toks[i], passing over
// adverbs ("-ly", "also", "still", "already", "just", "now"); -1 when none.
func prevContent(toks []Token, i int) int {
	for k := i - 1; k >= 0; k-- {
		f := toks[k].Fold
		if toks[k].Kind == Word && (strings.HasSuffix(f, "ly") && len(f) > 4 || f == "also" || f == "still" || f == "already" || f == "just" || f == "now") {
			continue
		}
		return k
	}
	return -1
}

// eventNounAt returns the lemma of an event noun at toks[i].
func eventNounAt(toks []Token, i int) (string, bool) {
	t := toks[i]
	if t.Kind != Word || capitalText(t.Text) && !isInitial(toks, i) {
		return "", false
	}
	if !t.may(lcEventNoun) {
		return "", false
	}
	l, ok := eventNouns[t.Fold]
	if !ok {
		return "", false
	}
	return canonical(l), true
}

// eventWord is what verbAt and eventNounAt say of a token.
type eventWord struct {
	lem    string
	ok     bool // an event verb or noun
	noun   bool
	breaks bool // a verb (event or light) or event noun: it takes what follows
}

// appendEvents finds events whose argument is a named place or
// organisation.
func appendEvents(d *doc, out []Fact) []Fact {
	nd := analyseNER(d)
	// One buffer for every sentence's event words, as long as the
	// longest sentence with a name: grown sentence after sentence, it
	// was a fourteenth of extraction's bytes.
	longest := 0
	for si, s := range d.sents {
		if !nd.heading[si] && len(nd.mentionsOf(si)) > 0 {
			longest = max(longest, len(s.toks))
		}
	}
	evs := make([]eventWord, 0, longest)
	seen := map[string]bool{}
	for si, s := range d.sents {
		if nd.heading[si] {
			continue
		}
		ms := nd.mentionsOf(si)
		if len(ms) == 0 {
			continue
		}
		clear(seen)
		toks := s.toks
		// The event words of the sentence: verbs, then nouns.
		evs = slices.Grow(evs[:0], len(toks)) // not regrown word by word
		for i := range toks {
			lem, stop, ok := verbAt(toks, i)
			ew := eventWord{lem: lem, ok: ok && !stop, breaks: ok && lem != ""}
			if !ew.ok {
				if l, isNoun := eventNounAt(toks, i); isNoun {
					ew = eventWord{lem: l, ok: true, noun: true, breaks: true}
				}
			}
			evs = append(evs, ew)
		}
		for i := range toks {
			lem, noun := evs[i].lem, evs[i].noun
			if !evs[i].ok {
				continue
			}
			// "pulled out of": a withdrawal.
			if lem == "pull" && i+1 < len(toks) && toks[i+1].Fold == "out" {
				lem = "withdraw"
			}
			// A noun event is followed by its preposition, not by the
			// noun it modifies ("death threats").
			if noun && i+1 < len(toks) && toks[i+1].Kind == Word && !eventPreps[toks[i+1].Fold] && !nerStop[toks[i+1].Fold] {
				continue
			}
			m, ok := eventArgument(nd, toks, evs, ms, i, !noun)
			if !ok {
				continue
			}
			e := &nd.ents[m.ent]
			head := argumentHead(d, nd, e)
			key := NameKey(head)
			slot := "event:" + lem + ":" + key
			if seen[slot] || key == "" {
				continue
			}
			seen[slot] = true
			sp := Span{toks[i].Span.Start, m.span.End}
			f := d.fact(s, Slot{ID: slot, Kind: KindEvent}, "event", sp, i)
			f.Value = key
			f.Label = "event: " + lem + " — " + head
			f.Negated = negated(toks, i)
			if !noun {
				f.Aspect = aspectOf(toks, i)
			}
			out = append(out, f)
		}
	}
	return out
}

// eventArgument returns the place or organisation mention that is the
// argument of the event word at toks[i]: after one of eventPreps within
// eventWindow tokens in the same clause, or (for verbs) its direct object.
func eventArgument(nd *nerDoc, toks []Token, evs []eventWord, ms []nerMention, i int, verb bool) (nerMention, bool) {
	mentionAt := func(k int) (nerMention, bool) {
		for _, m := range ms {
			if m.first == k {
				return m, true
			}
		}
		return nerMention{}, false
	}
	usable := func(m nerMention) bool {
		return nd.ents[m.ent].kind != kindPerson && !m.possessive
	}
	// Direct object: "visited Moscow", "left the Kremlin"; not a name
	// before its noun ("addressed US concerns").
	if verb {
		for k := i + 1; k < len(toks) && k <= i+3; k++ {
			if m, ok := mentionAt(k); ok {
				if usable(m) && !(m.last+1 < len(toks) && modifiedNoun(toks[m.last+1])) {
					return m, true
				}
				break
			}
			if !sieveHas(determinersSieve, determiners, toks[k].Fold) && !sieveHas(placeAdjectivesSieve, placeAdjectives, toks[k].Fold) {
				break
			}
		}
	}
	for k := i + 1; k < len(toks) && k <= i+eventWindow; k++ {
		f := toks[k].Fold
		if toks[k].may(lcEventClauseBreak) && eventClauseBreaks[f] || toks[k].may(lcReportVerb) && reportVerbs[f] {
			break
		}
		// Another event word takes what follows: "holding talks with X
		// in Moscow" is talks in Moscow; "the meeting marks his visit to
		// the Kremlin" is no meeting in the Kremlin.
		if evs[k].breaks {
			break
		}
		if !(toks[k].may(lcEventPrep) && eventPreps[f]) {
			continue
		}
		a := k + 1
		if f == "out" {
			if a >= len(toks) || toks[a].Fold != "of" {
				continue
			}
			a++
		}
		for x := a; x < len(toks) && x <= a+3; x++ {
			if m, ok := mentionAt(x); ok {
				if usable(m) {
					return m, true
				}
				break
			}
			if !sieveHas(placeAdjectivesSieve, placeAdjectives, toks[x].Fold) && !sieveHas(determinersSieve, determiners, toks[x].Fold) && !sieveHas(attributiveDeterminersSieve, attributiveDeterminers, toks[x].Fold) {
				break
			}
		}
	}
	return nerMention{}, false
}

// argumentHead returns the head name of an event argument: its canonical
// name without a final facility or district word.
func argumentHead(d *doc, nd *nerDoc, e *nerEntity) string {
	c := &nd.ms[e.canon]
	toks := d.sents[c.sent].toks
	last := c.last
	for last > c.first && argSuffixes[toks[last].Fold] {
		last--
	}
	return d.a.Text[c.span.Start:toks[last].Span.End]
}

// objectTail are words that may follow a verb's object without being a
// noun the name modifies: "visited Moscow yesterday".
var objectTail = words("overnight yesterday today tonight again twice once early late later earlier last next this that")

// modifiedNoun reports whether t, after a name, is the noun the name
// modifies ("addressed US concerns"), not a place noun ("Harwick
// airport"), adverb or verb.
func modifiedNoun(t Token) bool {
	if t.Kind != Word || capitalText(t.Text) {
		return false
	}
	f := t.Fold
	if placeNouns[f] || nerStop[f] || objectTail[f] || strings.HasSuffix(f, "ly") || eventPreps[f] {
		return false
	}
	if _, _, ok := verbAt([]Token{{Text: "it", Fold: "it", Kind: Word}, t}, 1); ok {
		return false
	}
	return !sieveHas(beFormsSieve, beForms, f) && !haveForms[f] && !modals[f] && !speechVerbs[f]
}
