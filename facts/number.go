package facts

// findNumbers is being written: numbers with what they count.
func findNumbers(d *doc) []Fact { return nil }

// findDurations is being written: lengths of time.
func findDurations(d *doc) []Fact { return nil }

// findCounts is being written: ordinals and cardinals of occurrences.
func findCounts(d *doc) []Fact { return nil }
