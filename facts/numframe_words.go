package facts

import "strings"

// Word lists of the frame reader (numframe.go): the words a figure's verb,
// subject and of-phrase are read with.

// frameLight are verbs that say nothing of what a figure counts.
var frameLight = map[string]bool{"be": true, "have": true, "do": true, "get": true}

// frameAux are the auxiliaries and copulas before a main verb.
var frameAux = map[string]bool{
	"have": true, "has": true, "had": true, "having": true, "is": true, "are": true,
	"was": true, "were": true, "be": true, "been": true, "being": true, "will": true,
	"would": true, "can": true, "could": true, "may": true, "might": true, "must": true,
	"shall": true, "should": true, "did": true, "do": true, "does": true, "to": true,
	"'ll": true, "'re": true, "'ve": true, "'d": true, "'s": true,
}

// frameSkip are words that may stand between a figure's noun and its verb
// without ending the search: adverbs of time and degree, negations,
// relative pronouns.
var frameSkip = map[string]bool{
	"who": true, "that": true, "which": true, "already": true, "also": true,
	"still": true, "now": true, "just": true, "not": true, "n't": true,
	"never": true, "all": true, "both": true, "each": true, "then": true,
	"once": true, "ever": true, "since": true, "later": true, "soon": true,
}

// frameNotVerbs end in -ed or -ing without being verbs.
var frameNotVerbs = map[string]bool{
	"hundred": true, "indeed": true, "speed": true, "seed": true, "need": true,
	"greed": true, "creed": true, "breed": true, "bed": true, "red": true,
	"aged": true, "shed": true, "sled": true, "feed": true, "deed": true, "weed": true,
	"during": true, "thing": true, "nothing": true, "something": true,
	"anything": true, "everything": true, "morning": true, "evening": true,
	"including": true, "according": true, "king": true, "ring": true,
	"building": true, "meeting": true, "wedding": true, "ceiling": true,
	"spring": true, "string": true, "bring": true, "sing": true, "wing": true,
	"following": true, "regarding": true, "concerning": true, "notwithstanding": true,
}

// frameReporting are verbs of saying: a figure is never their object in
// the sense of a frame ("officials said 30 people").
var frameReporting = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true,
	"added": true, "stated": true, "noted": true, "reported": true,
	"claimed": true, "estimated": true, "according": true, "wrote": true,
	"announced": true, "confirmed": true,
}

// framePrepositions may open a phrase after the figure's noun ("riders
// from the south prepared") that the verb search steps over.
var framePrepositions = map[string]bool{
	"from": true, "in": true, "at": true, "on": true, "with": true, "near": true,
	"across": true, "through": true, "inside": true, "outside": true, "along": true,
	"around": true, "of": true, "for": true, "among": true, "under": true,
}

// frameOutcomes are the keys (VerbKey) of verbs that sort a group into
// outcomes: "30 people were killed" and "100 people were injured" in one
// town are two groups, where "300 workers walked out" and "450 workers
// went on strike" may be one group told two ways.
var frameOutcomes = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`kill die injure wound hurt maim arrest detain
		jail imprison charge indict convict sentence acquit release free rescue
		evacuate displace hospitalize hospitalise treat infect test vaccinate
		deport expel execute abduct kidnap miss survive drown burn shoot stab
		fire dismiss lay laid sack hire recruit elect defeat`) {
		m[VerbKey(w)] = true
	}
	return m
}()
