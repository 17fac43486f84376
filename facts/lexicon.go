package facts

import "strings"

// irregular maps an English verb's base form to its past tense and past
// participle. Cue and trigger words in topic files are written as base
// forms; these let "meet" find "met" and "withdraw" find "withdrew".
var irregular = map[string][2]string{
	"meet": {"met", "met"}, "withdraw": {"withdrew", "withdrawn"},
	"hold": {"held", "held"}, "begin": {"began", "begun"},
	"leave": {"left", "left"}, "go": {"went", "gone"},
	"take": {"took", "taken"}, "see": {"saw", "seen"},
	"say": {"said", "said"}, "tell": {"told", "told"},
	"fly": {"flew", "flown"}, "fight": {"fought", "fought"},
	"lead": {"led", "led"}, "flee": {"fled", "fled"},
	"seek": {"sought", "sought"}, "speak": {"spoke", "spoken"},
	"strike": {"struck", "struck"}, "win": {"won", "won"},
	"lose": {"lost", "lost"}, "buy": {"bought", "bought"},
	"bring": {"brought", "brought"}, "make": {"made", "made"},
	"keep": {"kept", "kept"}, "send": {"sent", "sent"},
	"sell": {"sold", "sold"}, "pay": {"paid", "paid"},
	"build": {"built", "built"}, "come": {"came", "come"},
	"give": {"gave", "given"}, "rise": {"rose", "risen"},
	"drive": {"drove", "driven"}, "grow": {"grew", "grown"},
	"draw": {"drew", "drawn"}, "shoot": {"shot", "shot"},
	"hit": {"hit", "hit"}, "put": {"put", "put"}, "set": {"set", "set"},
	"cut": {"cut", "cut"}, "run": {"ran", "run"},
	"write": {"wrote", "written"}, "break": {"broke", "broken"},
	"choose": {"chose", "chosen"}, "know": {"knew", "known"},
	"throw": {"threw", "thrown"}, "fall": {"fell", "fallen"},
	"find": {"found", "found"}, "stand": {"stood", "stood"},
	"sit": {"sat", "sat"}, "get": {"got", "gotten"},
	"pull": {"pulled", "pulled"}, "shut": {"shut", "shut"},
	"sign": {"signed", "signed"}, "kill": {"killed", "killed"},
	"hide": {"hid", "hidden"}, "steal": {"stole", "stolen"},
	"swear": {"swore", "sworn"}, "wear": {"wore", "worn"},
	"bear": {"bore", "borne"}, "forbid": {"forbade", "forbidden"},
	"freeze": {"froze", "frozen"}, "undertake": {"undertook", "undertaken"},
	"overthrow": {"overthrew", "overthrown"}, "arise": {"arose", "arisen"},
	"drink": {"drank", "drunk"}, "sink": {"sank", "sunk"},
	"spend": {"spent", "spent"}, "lend": {"lent", "lent"},
	"deal": {"dealt", "dealt"}, "feel": {"felt", "felt"},
	"hear": {"heard", "heard"}, "mean": {"meant", "meant"},
	"sweep": {"swept", "swept"}, "quit": {"quit", "quit"},
	"shake": {"shook", "shaken"}, "wake": {"woke", "woken"},
	"beat": {"beat", "beaten"}, "bid": {"bid", "bid"},
	"ride": {"rode", "ridden"}, "arrive": {"arrived", "arrived"},
}

// pastForms is the set of irregular past and participle forms, for aspect.
var pastForms = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range irregular {
		m[f[0]] = true
		m[f[1]] = true
	}
	return m
}()

// inflections returns the folded forms a base word can take in news text:
// plural and third person, past, participle, gerund, "-al" nouns
// ("withdrawal") and the "-ion" nouns of verbs in "-ate" and "-ct"
// ("evacuation", "eviction"). Multi-word entries are inflected on their
// first word.
func inflections(word string) []string {
	w := Fold(strings.TrimSpace(word))
	if w == "" {
		return nil
	}
	if first, rest, ok := strings.Cut(w, " "); ok {
		var out []string
		for _, f := range inflections(first) {
			out = append(out, f+" "+rest)
		}
		return out
	}
	forms := map[string]bool{w: true, w + "s": true, w + "es": true, w + "ed": true, w + "ing": true, w + "al": true}
	if strings.HasSuffix(w, "e") {
		stem := w[:len(w)-1]
		forms[w+"d"] = true
		forms[stem+"ing"] = true
		forms[stem+"al"] = true
	}
	if strings.HasSuffix(w, "ate") && len(w) > 5 {
		// evacuate → evacuation, relocate → relocation
		forms[w[:len(w)-1]+"ion"] = true
		forms[w[:len(w)-1]+"ions"] = true
	}
	if strings.HasSuffix(w, "ct") && len(w) > 4 {
		// evict → eviction, inspect → inspection
		forms[w+"ion"] = true
		forms[w+"ions"] = true
	}
	if strings.HasSuffix(w, "y") && len(w) > 2 && !isVowel(w[len(w)-2]) {
		stem := w[:len(w)-1]
		forms[stem+"ies"] = true
		forms[stem+"ied"] = true
	}
	if n := len(w); n >= 3 && !isVowel(w[n-1]) && isVowel(w[n-2]) && !isVowel(w[n-3]) && !strings.ContainsRune("wxy", rune(w[n-1])) {
		// travel → travelled, stop → stopped
		forms[w+w[n-1:]+"ed"] = true
		forms[w+w[n-1:]+"ing"] = true
	}
	if f, ok := irregular[w]; ok {
		forms[f[0]] = true
		forms[f[1]] = true
	}
	out := make([]string, 0, len(forms))
	for f := range forms {
		out = append(out, f)
	}
	return out
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// ordinals and cardinals map folded number words to their values.
var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
	"sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
	"eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
	"fifteenth": 15, "twentieth": 20,
	"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7,
	"8th": 8, "9th": 9, "10th": 10, "11th": 11, "12th": 12,
}

var cardinals = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
	"twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}

// multiplicatives are adverbs of repetition: "visited twice".
var multiplicatives = map[string]int{"once": 1, "twice": 2, "thrice": 3}

// negators deny what follows them in a clause.
var negators = map[string]bool{
	"not": true, "n't": true, "never": true, "no": true, "without": true,
	"neither": true, "nor": true, "denied": true, "deny": true, "denies": true,
	"denying": true, "refused": true, "refuses": true, "rejected": true,
}

// clauseBreaks end the reach of a negation or an auxiliary.
var clauseBreaks = map[string]bool{
	",": true, ";": true, ":": true, "-": true, "(": true, ")": true,
	"but": true, "and": true, "although": true, "while": true, "whereas": true,
	"which": true, "who": true, "that": true, "because": true, "as": true,
}
