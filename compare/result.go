// Package compare lines up the facts that several articles state about one
// topic and says, slot by slot, where they agree, omit, differ in nuance or
// spelling, or contradict each other.
//
// It is pure: it takes articles and facts (from the store or straight from
// extraction) and returns one Result that every renderer (table, JSON,
// Markdown, HTML) shows without working out anything of its own.
package compare

// Schema names the JSON contract of Result; see docs/json.md.
const Schema = "crosscheck.compare/v1"

// Status is a slot's comparison outcome across articles.
type Status string

// Statuses, most serious first. A slot gets the most serious that applies.
const (
	// Contradiction: two articles state incompatible values (another
	// date, another count, affirmed against denied).
	Contradiction Status = "contradiction"
	// Omission: some article states nothing for the slot (or, for a
	// set, leaves out an element).
	Omission Status = "omission"
	// Nuance: the same value, told differently: reported against
	// asserted, ongoing against completed, a day against a month.
	Nuance Status = "nuance"
	// Variant: the same value, spelled differently (Mohammed/Muhammad).
	Variant Status = "variant"
	// Agree: every article states the same value the same way.
	Agree Status = "agree"
)

// ContradictionConfidence is the least confidence that two differing
// values are about the same thing for a slot to be called a
// contradiction; below it the difference is a nuance "perhaps about
// different things".
const ContradictionConfidence = 0.7

// Statuses lists every status, most serious first.
var Statuses = []Status{Contradiction, Omission, Nuance, Variant, Agree}

// severity ranks statuses: lower is more serious.
func (s Status) severity() int {
	for i, v := range Statuses {
		if v == s {
			return i
		}
	}
	return len(Statuses)
}

// worse returns the more serious of two statuses.
func worse(a, b Status) Status {
	if b.severity() < a.severity() {
		return b
	}
	return a
}

// Result is the comparison of one topic's articles.
type Result struct {
	// Schema is always Schema.
	Schema string `json:"schema"`
	// Topic is the topic id.
	Topic string `json:"topic"`
	// Title is the topic's title.
	Title string `json:"title,omitempty"`
	// Articles are the compared articles, ordered by id.
	Articles []Article `json:"articles"`
	// Summary counts slots by status.
	Summary Summary `json:"summary"`
	// Sources groups the articles by the source they carry (wire copies
	// count once).
	Sources []SourceGroup `json:"sources"`
	// Independence says in words how many independent sources the
	// articles amount to: "5 articles, 4 independent sources: Reuters ×2, …".
	Independence string `json:"independence"`
	// Facts holds one entry per slot, in topic order.
	Facts []SlotResult `json:"facts"`
	// Variants are proper names spelled more than one way.
	Variants []VariantGroup `json:"variants"`
	// Verdicts counts the findings by the desk's verdicts; absent until
	// ApplyVerdicts has run (a comparison outside a store has none).
	Verdicts Verdicts `json:"verdicts"`
}

// Article is what reports show of one article.
type Article struct {
	ID        string `json:"id"`
	File      string `json:"file"`
	Label     string `json:"label"` // short name for columns: the outlet, or the id
	Outlet    string `json:"outlet"`
	Wire      string `json:"wire"`
	Byline    string `json:"byline"`
	Published string `json:"published"`
	Title     string `json:"title"`
	URL       string `json:"url,omitempty"`
}

// Summary counts slots by status.
type Summary struct {
	Contradiction int `json:"contradiction"`
	Omission      int `json:"omission"`
	Nuance        int `json:"nuance"`
	Variant       int `json:"variant"`
	Agree         int `json:"agree"`
}

func (s *Summary) add(st Status) {
	switch st {
	case Contradiction:
		s.Contradiction++
	case Omission:
		s.Omission++
	case Nuance:
		s.Nuance++
	case Variant:
		s.Variant++
	case Agree:
		s.Agree++
	}
}

// SlotResult is one slot compared across the articles.
type SlotResult struct {
	// ID names the finding, from its slot and evidence (finding.go): it
	// stays across reruns and changes when the evidence does.
	ID     string `json:"id"`
	Slot   string `json:"slot"`
	Kind   string `json:"kind"`
	Label  string `json:"label,omitempty"`
	Status Status `json:"status"`
	// Missing lists the articles that state nothing for the slot or, for a
	// set, leave out at least one element.
	Missing []string `json:"missing"`
	// Values holds the evidence: each article's value (one entry per
	// element for sets), plus background mentions flagged as such.
	Values []Value `json:"values"`
	// Elements gives each element's own status, for set-valued slots.
	Elements []Element `json:"elements,omitempty"`
	// Differences groups the articles by what differs between them.
	Differences []Difference `json:"differences,omitempty"`
	// Notes says in words why the status is what it is.
	Notes []string `json:"notes"`
	// Why says, for a contradiction or a difference that was judged
	// "perhaps about different things", what ties the values to one
	// thing: the shared subject, frame, speaker or event ("same slot of
	// the topic file", "shared names: Harbour Trust"), or what was
	// missing. Empty when the values do not differ.
	Why string `json:"why,omitempty"`
	// Confidence is how sure the comparer is that the differing values
	// are about the same thing, from 0 to 1. A contradiction needs at
	// least ContradictionConfidence; below it the slot is a nuance.
	Confidence float64 `json:"confidence,omitempty"`
	// Headline is the finding in one sentence an editor can paste,
	// quoting the articles: "X says “…”; Y says “…”."
	Headline string `json:"headline"`
	// Generated is true for slots found without a topic file; their
	// status never says omission (articles differ in length, not in
	// honesty), though Missing still lists who does not state them.
	Generated bool `json:"generated,omitempty"`
	// Rank is the finding's place in reading order, from 1: what an
	// editor must act on first (contradictions, then omissions, then
	// hedges, with the slots most outlets state first), whatever the
	// slot's place in Facts.
	Rank int `json:"rank"`
	// Soft marks a nuance an editor need not act on (an aspect some
	// outlet leaves unsaid); summaries fold it away, the matrix keeps it.
	Soft bool `json:"soft,omitempty"`
	// Stated counts the articles that state the slot; Independent counts
	// the independent sources among them (wire copies count once).
	Stated      int `json:"stated"`
	Independent int `json:"independent"`
	// Verdict is the desk's latest verdict on the slot, if any (set by
	// ApplyVerdicts).
	Verdict *VerdictView `json:"verdict,omitempty"`
}

// Value is one article's statement for a slot, with its evidence.
type Value struct {
	Article      string `json:"article"`
	Value        string `json:"value"`
	Surface      string `json:"surface"`
	Sentence     string `json:"sentence"`
	Span         [2]int `json:"span"`
	SentenceSpan [2]int `json:"sentence_span"`
	Attribution  string `json:"attribution"`
	Source       string `json:"source"`
	Aspect       string `json:"aspect"`
	Negated      bool   `json:"negated"`
	// Diff is a word-level diff of this value's surface against the
	// slot's first value, for quotes and other wording that differs.
	Diff []DiffOp `json:"diff,omitempty"`
	// Background marks a mention of an earlier occurrence, shown as
	// evidence but not counted as the article's value.
	Background bool `json:"background,omitempty"`
}

// DiffOp is one run of a word diff: words both texts share ("equal"),
// words only the other text has ("delete"), or words only this one has
// ("insert").
type DiffOp struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// Element is one member of a set-valued slot compared across articles.
type Element struct {
	Value   string   `json:"value"`
	Status  Status   `json:"status"`
	Missing []string `json:"missing"`
}

// Difference groups articles by one field on which their values differ.
type Difference struct {
	// Field is what differs: value, precision, aspect, attribution,
	// polarity or spelling.
	Field  string      `json:"field"`
	Groups []DiffGroup `json:"groups"`
}

// DiffGroup is the articles that share one value of a differing field.
type DiffGroup struct {
	Value    string   `json:"value"`
	Articles []string `json:"articles"`
}
