package render

import (
	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/facts"
)

// verdictWords are the decisions as reports say them.
var verdictWords = map[facts.Decision]string{
	facts.Confirm:  "confirmed",
	facts.Dismiss:  "dismissed",
	facts.FollowUp: "follow-up",
}

// verdictText says a finding's verdict in one line for every format: the
// decision, who and when, the note, and whether the evidence changed
// since. "" when the desk has not judged the finding.
func verdictText(v *compare.VerdictView) string {
	if v == nil {
		return ""
	}
	s := "verdict: " + verdictWords[v.Decision]
	if v.By != "" {
		s += " by " + v.By
	}
	s += " on " + v.At
	if v.Note != "" {
		s += " — " + v.Note
	}
	if v.Stale {
		s += " (STALE: given on " + v.Finding + "; the evidence changed since, so the finding is open again)"
	}
	return s
}
