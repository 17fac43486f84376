package facts

import "time"

// Decision is what a desk decided about a finding after checking it.
type Decision string

// Decisions a desk records. A finding is a lead, not a verdict: the desk
// confirms it, dismisses it as a false alarm, or marks it for a call to
// the outlet.
const (
	Confirm  Decision = "confirm"
	Dismiss  Decision = "dismiss"
	FollowUp Decision = "follow-up"
)

// Decisions lists the decisions, for help texts and errors.
var Decisions = []Decision{Confirm, Dismiss, FollowUp}

// Verdict is a desk's judgement of one finding of a topic. Slot names what
// the finding is about (a slot id, or "variant:" and a spelling group's
// canonical name), which stays when the evidence changes; Finding is the
// finding's id when the verdict was given, which does not: a verdict whose
// Finding is no longer the slot's finding is stale, and the finding is
// open again with the old verdict shown beside the new evidence.
type Verdict struct {
	Topic    string
	Slot     string
	Finding  string
	Decision Decision
	Note     string
	By       string
	At       time.Time
}
