package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// attribution is one place in a sentence where the outlet hands a claim
// to someone else: the tokens it covers and who it names.
type attribution struct {
	from, to int    // token index range [from, to) the attribution covers
	source   Span   // the named source's span; empty when unnamed
	hedge    string // the hedge word when there is no source ("reportedly")
}

// nounForms are report verbs that are also plural nouns ("asylum
// claims", "news reports"): they count as verbs only after a name or a
// pronoun.
var nounForms = map[string]bool{"claims": true, "reports": true, "states": true, "estimates": true, "says": false}

var pronouns = map[string]bool{"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "who": true}

func ambiguousNoun(toks []Token, i int) bool {
	if !nounForms[toks[i].Fold] {
		return false
	}
	if i+1 < len(toks) && finiteVerb(toks[i+1]) {
		return true // "Insurance claims rose", "Early estimates put …"
	}
	return i == 0 || !(capitalText(toks[i-1].Text) || pronouns[toks[i-1].Fold])
}

// participleAdjective reports whether a report verb at i modifies the
// noun after it ("the reported damage", "40 confirmed cases") rather than
// reporting ("the two said they would meet").
func participleAdjective(toks []Token, i int) bool {
	if i == 0 || i+1 >= len(toks) {
		return false
	}
	p, next := toks[i-1], toks[i+1]
	if !(p.Kind == Number || sieveHas(attributiveDeterminersSieve, attributiveDeterminers, p.Fold) || cardinals[p.Fold] > 0) {
		return false
	}
	return next.Kind == Word && !capitalText(next.Text) && !pronouns[next.Fold] &&
		!sieveHas(attributiveDeterminersSieve, attributiveDeterminers, next.Fold) && !tailWords[next.Fold] && !relatives[next.Fold]
}

var attributiveDeterminers = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true,
	"his": true, "her": true, "our": true, "this": true, "these": true,
	"those": true, "some": true, "many": true, "no": true, "any": true,
	"every": true, "all": true, "'s": true,
}

var modals = map[string]bool{
	"will": true, "would": true, "can": true, "could": true, "may": true,
	"might": true, "must": true, "should": true, "shall": true,
}

// finiteVerb reports whether a token reads as the verb of a clause: a form
// of "be" or "have", a modal, or a past form ("rose", "surged").
func finiteVerb(t Token) bool {
	f := t.Fold
	if t.Kind != Word || capitalText(t.Text) {
		return false
	}
	return sieveHas(beFormsSieve, beForms, f) || haveForms[f] || modals[f] || pastForms[f] || len(f) > 4 && strings.HasSuffix(f, "ed")
}

// hedges mark a claim as reported without naming a source.
var hedges = map[string]bool{
	"reportedly": true, "allegedly": true, "purportedly": true,
	"supposedly": true, "apparently": true, "ostensibly": true,
	"rumoured": true, "rumored": true, "unconfirmed": true,
}

// passiveHedges are the participles of "is believed to", "is said to".
var passiveHedges = map[string]bool{
	"believed": true, "thought": true, "said": true, "understood": true,
	"reported": true, "alleged": true, "rumoured": true, "rumored": true,
}

var beForms = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true,
}

// findAttributions finds the attributions of one sentence's tokens.
func findAttributions(toks []Token) []attribution {
	var out []attribution
	n := len(toks)
	for i := 0; i < n; i++ {
		f := toks[i].Fold
		tk := &toks[i]
		switch {
		case tk.may(lcHedge) && hedges[f]:
			out = append(out, attribution{from: 0, to: n, hedge: toks[i].Text})
		case tk.may(lcPassiveHedge) && passiveHedges[f] && i > 0 && sieveHas(beFormsSieve, beForms, toks[i-1].Fold) && i+1 < n && toks[i+1].Fold == "to":
			out = append(out, attribution{from: 0, to: n, hedge: toks[i-1].Text + " " + toks[i].Text + " to"})
		case f == "according" && i+1 < n && toks[i+1].Fold == "to":
			src := phraseAfter(toks, i+2)
			if i == 0 || (i == 1 && toks[0].Kind == Punct) {
				out = append(out, attribution{from: src.to, to: n, source: src.span(toks)})
			} else {
				out = append(out, attribution{from: clauseStart(toks, i), to: i, source: src.span(toks)})
			}
			i = src.to - 1
		case tk.may(lcReportVerb) && reportVerbs[f] && toks[i].Kind == Word && !capitalText(toks[i].Text) && !ambiguousNoun(toks, i) && !participleAdjective(toks, i):
			out = appendVerbAttribution(out, toks, i)
		}
	}
	return out
}

// tokRange is a half-open range of token indexes.
type tokRange struct{ from, to int }

func (r tokRange) span(toks []Token) Span {
	if r.to <= r.from {
		return Span{}
	}
	return Span{toks[r.from].Span.Start, toks[r.to-1].Span.End}
}

// phraseAfter returns the noun phrase starting at i: up to the next
// comma, stop or clause word, at most ten tokens.
func phraseAfter(toks []Token, i int) tokRange {
	j := i
	for j < len(toks) && j-i < 10 {
		f := toks[j].Fold
		if f == "." && j > i && strings.Contains(toks[j-1].Text, ".") && j+1 < len(toks) && capitalText(toks[j+1].Text) {
			j++ // the dot of "U.S." inside "U.S. Customs"
			continue
		}
		if toks[j].Kind == Punct && f != "'" && f != "'s" && f != "&" {
			break
		}
		if j > i && (f == "that" || f == "which" || f == "who" || f == "and" && j+1 < len(toks) && !capitalText(toks[j+1].Text)) {
			break
		}
		j++
	}
	return tokRange{i, j}
}

// phraseBefore returns the subject phrase ending just before i: back to a
// comma, quote, clause word or subordinator, at most eight tokens. The
// dot of an abbreviation or initial ("U.S. officials", "Mr. Okafor") does
// not end it.
func phraseBefore(toks []Token, i int) tokRange {
	j := i
	for j > 0 && i-j < 8 {
		t := toks[j-1]
		if t.Fold == "." && j > 1 && abbreviationDot(toks[j-2]) {
			j--
			continue
		}
		if t.Kind == Punct && t.Fold != "'" && t.Fold != "-" && t.Fold != "&" {
			break
		}
		if sieveHas(subjectBreaksSieve, subjectBreaks, t.Fold) {
			break
		}
		j--
	}
	// Drop auxiliaries and adverbs between the subject and the verb
	// ("the minister had earlier said").
	k := i
	for k > j && (toks[k-1].Fold == "had" || toks[k-1].Fold == "has" || toks[k-1].Fold == "have" || toks[k-1].Fold == "also" || toks[k-1].Fold == "earlier" || toks[k-1].Fold == "later" || toks[k-1].Fold == "previously") {
		k--
	}
	return tokRange{j, k}
}

// subjectBreaks are the words a reporting verb's subject cannot reach
// back across: relative words and subordinators ("… after the judge said").
var subjectBreaks = map[string]bool{
	"that": true, "which": true, "as": true, "but": true, "while": true,
	"after": true, "before": true, "when": true, "because": true,
	"although": true, "though": true, "since": true, "if": true,
	"until": true, "once": true, "whereas": true, "where": true,
}

// abbreviationDot reports whether a dot after t belongs to an abbreviation
// or initial rather than ending a phrase: "U.S", "Mr", "J".
func abbreviationDot(t Token) bool {
	if t.Kind != Word {
		return false
	}
	if strings.Contains(t.Text, ".") || abbreviations[t.Fold] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return utf8.RuneCountInString(t.Text) == 1 && unicode.IsUpper(r)
}

var relatives = map[string]bool{"which": true, "who": true, "that": true}

// tailWords may follow a reporting verb that trails its claim: "…, the
// minister said on Tuesday.", "…, police told reporters in a statement."
var tailWords = map[string]bool{
	"on": true, "in": true, "at": true, "to": true, "by": true, "during": true,
	"from": true, "via": true, "after": true, "late": true, "early": true,
	"earlier": true, "later": true, "this": true, "last": true, "week": true,
	"month": true, "year": true, "day": true, "night": true, "morning": true,
	"afternoon": true, "evening": true, "weekend": true, "today": true,
	"yesterday": true, "tonight": true, "a": true, "an": true, "the": true,
	"his": true, "her": true, "their": true, "its": true, "statement": true,
	"interview": true, "briefing": true, "conference": true, "news": true,
	"press": true, "reporters": true, "journalists": true, "post": true,
	"posted": true, "online": true, "message": true, "phone": true,
	"telephone": true, "email": true, "television": true, "radio": true,
	"speech": true, "letter": true, "also": true, "separately": true,
	"told": true,
}

// participleLeads open a clause that goes on with what the source said:
// "…, police said, adding that …".
var participleLeads = map[string]bool{
	"adding": true, "saying": true, "noting": true, "citing": true,
	"stressing": true, "explaining": true, "insisting": true, "warning": true,
}

// appendVerbAttribution appends to out what "X said (that) …", "…, X said
// (on Tuesday).", "…," said X.", "…," X said, "…" and "…, X said, adding
// that …" attribute: appended, not returned in a slice of their own,
// which was 3 % of Extract's allocations.
func appendVerbAttribution(out []attribution, toks []Token, i int) []attribution {
	n := len(toks)
	// What follows the verb: the reported content, or only an adverbial
	// tail ("on Tuesday", "in a statement") when the attribution trails
	// the claim.
	k := i + 1
	for k < n && (tailWords[toks[k].Fold] || toks[k].Kind == Number || toks[k].Kind == Word && capitalText(toks[k].Text) && k > i+1 && tailWords[toks[k-1].Fold]) {
		k++
	}
	trailing := k >= n || toks[k].Fold == "." || toks[k].Fold == "?" || toks[k].Fold == "!"
	before := phraseBefore(toks, i)
	// '…," she said, "and …', '…, police said, adding that …' and the
	// parenthetical "The river rose, the mayor said, and …": the source
	// speaks on after the verb as well.
	resumes := k+1 < n && toks[k].Fold == "," && (toks[k+1].Fold == "\"" || participleLeads[toks[k+1].Fold] ||
		before.from > 0 && toks[before.from-1].Fold == ",")
	if k == i+1 {
		// Punctuation straight after the verb ("said: …", "says, …")
		// introduces the content unless it trails.
		for k < n && toks[k].Kind == Punct && toks[k].Fold != "." && toks[k].Fold != "\"" && !resumes {
			k++
		}
		trailing = trailing || k >= n || toks[k].Fold == "." || toks[k].Fold == "?" || toks[k].Fold == "!"
	}
	if before.to <= before.from {
		// "Jane Roe, director of the Harbour Trust, said …": the
		// appositive names the person's role; the source is the person.
		if a, ok := appositiveSubject(toks, i); ok {
			before = a
		}
	}
	if before.to <= before.from && toks[i].Fold == "said" && i > 0 && (toks[i-1].Fold == "," || toks[i-1].Fold == "\"") {
		// '…," said Ramani.' — the source follows the verb.
		after := phraseAfter(toks, i+1)
		if after.to <= after.from {
			return out
		}
		return append(out, attribution{from: clauseStart(toks, i-1), to: i, source: after.span(toks)})
	}
	if before.to <= before.from {
		return out
	}
	if i > 0 && sieveHas(beFormsSieve, beForms, toks[i-1].Fold) {
		return out // "is said to" is a hedge, handled elsewhere
	}
	src := before.span(toks)
	if resumes {
		return append(out,
			attribution{from: clauseStart(toks, before.from), to: before.from, source: src},
			attribution{from: k + 1, to: n, source: src},
		)
	}
	if trailing {
		return append(out, attribution{from: clauseStart(toks, before.from), to: before.from, source: src})
	}
	to := n
	if before.from > 0 && relatives[toks[before.from-1].Fold] {
		// "The vote, which officials said was fair, ended at noon": the
		// relative clause ends at the next comma.
		for j := i + 1; j < n; j++ {
			if toks[j].Fold == "," {
				to = j
				break
			}
		}
	}
	return append(out, attribution{from: i + 1, to: to, source: src})
}

// appositiveSubject finds the subject of the report verb at i across an
// appositive: "Jane Roe, director of the Harbour Trust, said" gives the
// range of "Jane Roe". The appositive starts with a lower-case word or a
// determiner and holds no verb of its own; the name before it is
// capitalised and opens its clause.
func appositiveSubject(toks []Token, i int) (tokRange, bool) {
	if i < 4 || toks[i-1].Fold != "," {
		return tokRange{}, false
	}
	c := -1
	for j := i - 2; j > 0 && i-j <= 14; j-- {
		if toks[j].Fold == "," {
			c = j
			break
		}
		if toks[j].Kind == Punct && toks[j].Fold != "." && toks[j].Fold != "'s" && toks[j].Fold != "-" && toks[j].Fold != "&" ||
			reportVerbs[toks[j].Fold] || relatives[toks[j].Fold] {
			return tokRange{}, false
		}
	}
	if c < 1 || c+1 >= i-1 || capitalText(toks[c+1].Text) && !sieveHas(attributiveDeterminersSieve, attributiveDeterminers, toks[c+1].Fold) {
		return tokRange{}, false
	}
	name := phraseBefore(toks, c)
	if name.to <= name.from || name.to != c {
		return tokRange{}, false
	}
	for k := name.from; k < name.to; k++ {
		if toks[k].Kind == Word && !capitalText(toks[k].Text) {
			return tokRange{}, false
		}
	}
	return name, true
}

// clauseStart returns where the clause that ends at i starts: after the
// nearest comma, semicolon or relative word before it, or 0. A trailing
// "…, sources said" covers that clause, not the whole sentence.
func clauseStart(toks []Token, i int) int {
	j := i - 1
	// Skip the comma that introduces the attribution itself.
	for j >= 0 && toks[j].Kind == Punct {
		j--
	}
	for ; j >= 0; j-- {
		f := toks[j].Fold
		if f == "," || f == ";" || f == ":" || f == "that" || f == "which" || f == "who" {
			return j + 1
		}
	}
	return 0
}

// attributionAt returns how the sentence attributes the token at index i.
func attributionAt(text string, atts []attribution, i int) (Attribution, string) {
	for _, a := range atts {
		if i >= a.from && i < a.to {
			if a.source.Len() > 0 {
				return Reported, text[a.source.Start:a.source.End]
			}
			return Reported, ""
		}
	}
	return Asserted, ""
}
