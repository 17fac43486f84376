package facts

import (
	"fmt"
	"strings"
	"time"
)

// Precision says how exactly a Date is known.
type Precision int

// Precisions, finest first.
const (
	// PrecisionNone marks the zero Date: unknown.
	PrecisionNone Precision = iota
	// PrecisionDay: one calendar day ("Jan. 28", "on Wednesday").
	PrecisionDay
	// PrecisionWeek: a span of days within a week ("earlier this week").
	PrecisionWeek
	// PrecisionMonth: one calendar month ("in October", "December 2024").
	PrecisionMonth
	// PrecisionPart: part of a year or a season ("late 2024", "spring").
	PrecisionPart
	// PrecisionYear: one calendar year ("in 2024").
	PrecisionYear
)

var precisionNames = [...]string{"none", "day", "week", "month", "part", "year"}

// String returns the precision's name: day, week, month, part or year.
func (p Precision) String() string {
	if p < 0 || int(p) >= len(precisionNames) {
		return fmt.Sprintf("precision(%d)", int(p))
	}
	return precisionNames[p]
}

// Date is a calendar interval [From, To] of whole days (both inclusive, UTC
// midnight) with the precision the text gave it. "late 2024" is
// 2024-09-01..2024-12-31 at PrecisionPart; "Jan. 28" read against an article
// of 2026 is 2026-01-28..2026-01-28 at PrecisionDay.
type Date struct {
	From      time.Time
	To        time.Time
	Precision Precision
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Precision == PrecisionNone }

// Day returns the single-day Date for y-m-d.
func Day(y int, m time.Month, day int) Date {
	t := time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
	return Date{From: t, To: t, Precision: PrecisionDay}
}

// Month returns the Date covering month m of year y.
func Month(y int, m time.Month) Date {
	from := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	return Date{From: from, To: from.AddDate(0, 1, -1), Precision: PrecisionMonth}
}

// Year returns the Date covering year y.
func Year(y int) Date {
	return Date{
		From:      time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC),
		To:        time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC),
		Precision: PrecisionYear,
	}
}

// Interval returns the Date covering from..to at precision p.
func Interval(from, to time.Time, p Precision) Date {
	return Date{From: truncDay(from), To: truncDay(to), Precision: p}
}

func truncDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// String renders the date in ISO 8601: "2026-01-28" for a day, "2024-12"
// for a month, "2024" for a year, and "2024-09-01/2024-12-31" for any
// other interval. The zero Date renders as "".
func (d Date) String() string {
	switch d.Precision {
	case PrecisionNone:
		return ""
	case PrecisionDay:
		return d.From.Format("2006-01-02")
	case PrecisionMonth:
		return d.From.Format("2006-01")
	case PrecisionYear:
		return d.From.Format("2006")
	}
	return d.From.Format("2006-01-02") + "/" + d.To.Format("2006-01-02")
}

// ParseISODate parses what Date.String renders. It is how dates come back
// from the store and from topic files.
func ParseISODate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	if from, to, ok := strings.Cut(s, "/"); ok {
		f, err := time.Parse("2006-01-02", from)
		if err != nil {
			return Date{}, fmt.Errorf("date interval %q: %w", s, err)
		}
		t, err := time.Parse("2006-01-02", to)
		if err != nil {
			return Date{}, fmt.Errorf("date interval %q: %w", s, err)
		}
		if t.Before(f) {
			return Date{}, fmt.Errorf("date interval %q ends before it starts", s)
		}
		p := PrecisionPart
		if t.Sub(f) < 7*24*time.Hour {
			p = PrecisionWeek
		}
		return Interval(f, t, p), nil
	}
	for _, l := range []struct {
		layout string
		p      Precision
	}{{"2006-01-02", PrecisionDay}, {"2006-01", PrecisionMonth}, {"2006", PrecisionYear}} {
		if t, err := time.Parse(l.layout, s); err == nil {
			switch l.p {
			case PrecisionDay:
				return Day(t.Year(), t.Month(), t.Day()), nil
			case PrecisionMonth:
				return Month(t.Year(), t.Month()), nil
			default:
				return Year(t.Year()), nil
			}
		}
	}
	return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD, YYYY-MM, YYYY or FROM/TO", s)
}

// Overlaps reports whether two dates can describe the same day: their
// intervals share at least one day. Unknown dates overlap nothing.
func (d Date) Overlaps(o Date) bool {
	if d.IsZero() || o.IsZero() {
		return false
	}
	return !d.To.Before(o.From) && !o.To.Before(d.From)
}

// MarshalText renders the date as String does, for JSON.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses what MarshalText renders.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseISODate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
