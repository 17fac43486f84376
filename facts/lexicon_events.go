package facts

import "strings"

// Event synonym sets: the verbs (and verb phrases) general English news
// uses for one kind of event. Every word of a set is read as the set's
// first word, so "was ousted in February" and "was fired on Feb. 13" both
// date one event, and "stepped down" and "resigned" are one event. Sets
// that share a word are one set: "oust" joins removal from power (topple,
// overthrow, depose) to dismissal from a post (fire, dismiss, sack). The
// sets are data about English, not about any story; add to them freely.
var eventSynonymSets = []string{
	"visit travel trip tour",
	"meet talks meeting summit host",
	"withdraw pullout pull-out",
	"oust topple overthrow depose unseat",
	"fire dismiss sack oust",
	"resign quit",
	"announce reveal confirm unveil disclose",
	"arrest detain",
	"attack assault",
	"kill slay",
	"sign ink",
	"appoint nominate",
	"charge indict",
	"convict",
	"acquire buy",
}

// eventPhrases are verb phrases read as one verb, by the lemma of their
// verb and the word after it: "stepped down" is "resign".
var eventPhrases = map[string]string{
	"step down": "resign", "pull out": "withdraw", "hold talks": "meet",
	"sit down": "meet", "kick out": "oust", "force out": "oust",
	"push out": "oust", "let go": "fire", "lay off": "fire",
}

// canonicalLemma maps each word of a synonym set to its set's first word.
var canonicalLemma = func() map[string]string {
	head := map[string]string{} // word → its set's head, joined through shared words
	var find func(string) string
	find = func(w string) string {
		h, ok := head[w]
		if !ok || h == w {
			return w
		}
		r := find(h)
		head[w] = r
		return r
	}
	for _, set := range eventSynonymSets {
		ws := strings.Fields(set)
		// The set joins the root of the first of its words seen before,
		// so a set's name stays the one listed first.
		root := ws[0]
		for _, w := range ws {
			if _, ok := head[w]; ok {
				root = find(w)
				break
			}
		}
		head[root] = root
		for _, w := range ws {
			if _, ok := head[w]; !ok {
				head[w] = root
			} else if r := find(w); r != root {
				head[r] = root
			}
		}
	}
	m := map[string]string{}
	for w := range head {
		if r := find(w); r != w {
			m[w] = r
		}
	}
	return m
}()
