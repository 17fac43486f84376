package facts

// findEntities is being written: named entities and titles.
func findEntities(d *doc) []Fact { return nil }

// findEvents is being written: verb + entity events.
func findEvents(d *doc) []Fact { return nil }

// findGeneralDates is being written: dates keyed by their event.
func findGeneralDates(d *doc) []Fact { return nil }
