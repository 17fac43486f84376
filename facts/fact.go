// Package facts reads news articles and extracts the facts they state, each
// with the sentence and byte span that state it.
//
// It is the first step of crosscheck's flow (articles → facts → store →
// compare → report) and knows nothing of storage, comparison or the CLI:
// store and compare depend on facts, never the reverse.
package facts

import "strings"

// Span is a half-open byte range [Start, End) into an article's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies entirely inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Kind names the shape of a fact slot's value.
type Kind string

// The fact kinds a topic file can declare.
const (
	// KindDate is a calendar date or interval with a precision.
	KindDate Kind = "date"
	// KindEntitySet is the set of topic entities an article names.
	KindEntitySet Kind = "entity-set"
	// KindEvent is an event (trigger word plus argument entity) with
	// polarity, aspect and attribution.
	KindEvent Kind = "event"
	// KindCount is an ordinal or cardinal number of occurrences.
	KindCount Kind = "count"

	// The kinds below are found in every article without a topic file
	// (general facts); their slot ids are generated from what they are
	// about, so the same fact in two articles gets the same id.

	// KindNumber is a quantity of something: "at least 30 people",
	// "$5m", "two bases"; the value is a Range.
	KindNumber Kind = "number"
	// KindDuration is a length of time: "14-year civil war", "more than a
	// decade"; the value is a Range of days.
	KindDuration Kind = "duration"
	// KindEntity is a named person, place or organisation the article
	// mentions; the value is its name as the article spells it.
	KindEntity Kind = "entity"
	// KindTitle is the title or role an article gives a person
	// ("interim President", "Kremlin spokesman"); the value is the title,
	// folded.
	KindTitle Kind = "title"
	// KindQuote is a direct quote; Source is the speaker and the value the
	// quoted words.
	KindQuote Kind = "quote"
)

// Attribution says whether an outlet states a fact in its own voice or
// reports it from someone else.
type Attribution string

// Attribution values.
const (
	// Asserted: the outlet states the fact in its own voice.
	Asserted Attribution = "asserted"
	// Reported: the outlet attributes the fact ("reportedly", "according to
	// X", "X said", "sources said"); Fact.Source keeps X when named.
	Reported Attribution = "reported"
)

// Aspect says how far along an event is, as the sentence tells it.
type Aspect string

// Aspect values. The empty Aspect means the sentence does not tell (a noun
// such as "the withdrawal").
const (
	Completed Aspect = "completed" // "withdrew", "has withdrawn"
	Ongoing   Aspect = "ongoing"   // "was withdrawing", "have begun withdrawing"
	Planned   Aspect = "planned"   // "will withdraw", "plans to withdraw"
)

// Fact is one statement an article makes about a slot of its topic, with the
// evidence that backs it.
type Fact struct {
	// Topic is the topic id the fact belongs to.
	Topic string `json:"topic"`
	// Article is the article id (Article.ID).
	Article string `json:"article"`
	// Slot is the topic slot id, such as "meeting.date".
	Slot string `json:"slot"`
	// Kind is the slot's kind.
	Kind Kind `json:"kind"`
	// Label says in words what a generated slot is about ("migrants",
	// "date of: meet"); topic slots take their label from the topic file.
	Label string `json:"label,omitempty"`
	// Value is the canonical value: an ISO date or interval for dates, an
	// entity id for entity sets, the event's argument entity id for events,
	// a decimal number for counts.
	Value string `json:"value"`
	// Surface is the text as the article writes it.
	Surface string `json:"surface"`
	// Span locates Surface in the article text.
	Span Span `json:"span"`
	// Sentence is the sentence that states the fact.
	Sentence string `json:"sentence"`
	// SentenceSpan locates Sentence in the article text.
	SentenceSpan Span `json:"sentence_span"`
	// Attribution is asserted or reported.
	Attribution Attribution `json:"attribution"`
	// Source is who the outlet attributes a reported fact to, when named.
	Source string `json:"source,omitempty"`
	// Aspect is the event's aspect, for events.
	Aspect Aspect `json:"aspect,omitempty"`
	// Negated is true when the sentence denies the fact ("did not withdraw").
	Negated bool `json:"negated"`
	// Background is true when the fact is about an earlier occurrence given
	// as context ("his first visit ... in October"): it is evidence, but not
	// the article's value for the slot.
	Background bool `json:"background,omitempty"`
	// Extractor names the extractor that found the fact.
	Extractor string `json:"extractor"`
}

// Generated reports whether the fact belongs to a generated slot (a
// general fact found without a topic slot). Generated slot ids hold a ":"
// ("number:migrant"), which topic slot ids cannot.
func (f Fact) Generated() bool { return strings.Contains(f.Slot, ":") }
