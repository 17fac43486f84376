package compare

import "github.com/crosscheck-news/crosscheck/facts"

// quoteSlots aligns quotes across articles; being written.
func (c comparer) quoteSlots(fs []facts.Fact) []SlotResult { return nil }
