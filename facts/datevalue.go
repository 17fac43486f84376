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

// Floating dates are days read with no reference date to place them: an
// article with no publication date, in a story where no article has one,
// still says "on Tuesday" or "by the May 12 deadline". They keep what the
// text gives (the weekday, or the month and day) so that two articles'
// "Tuesday" can agree and "Tuesday" against "Wednesday" can differ. They
// live in years no news date uses: year 0 holds a month-day, and the first
// week of year 1 (which starts on a Monday) holds a weekday.

// FloatingWeekday returns the Date of weekday wd with no week known.
func FloatingWeekday(wd time.Weekday) Date {
	t := time.Date(1, 1, 1+(int(wd)+6)%7, 0, 0, 0, 0, time.UTC)
	return Date{From: t, To: t, Precision: PrecisionDay}
}

// FloatingMonthDay returns the Date of day d of month m with no year known;
// ok is false when no year has that day.
func FloatingMonthDay(m time.Month, d int) (Date, bool) {
	t := time.Date(0, m, d, 0, 0, 0, 0, time.UTC)
	if t.Month() != m || t.Day() != d { // year 0 is a leap year: Feb 29 passes
		return Date{}, false
	}
	return Date{From: t, To: t, Precision: PrecisionDay}, true
}

// IsFloating reports whether the date is a weekday or a month-day with no
// year known.
func (d Date) IsFloating() bool { return d.Precision == PrecisionDay && d.From.Year() < 2 }

func (d Date) floatingWeekday() bool { return d.Precision == PrecisionDay && d.From.Year() == 1 }

func (d Date) floatingMonthDay() bool { return d.Precision == PrecisionDay && d.From.Year() == 0 }

// String renders the date in ISO 8601: "2026-01-28" for a day, "2024-12"
// for a month, "2024" for a year, and "2024-09-01/2024-12-31" for any
// other interval. A floating month-day renders as ISO's "--05-12", a
// floating weekday as its English name ("Tuesday"). The zero Date renders
// as "".
func (d Date) String() string {
	switch {
	case d.floatingWeekday():
		return d.From.Weekday().String()
	case d.floatingMonthDay():
		return d.From.Format("--01-02")
	}
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

// ParseISODate parses what Date.String renders for calendar dates. It is
// how publication dates come back from the store and from topic files;
// fact values, which may be floating, go through ParseDateValue.
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

// ParseDateValue parses what Date.String renders for a fact's value:
// what ParseISODate reads, and the floating forms ("Tuesday", "--05-12").
// Publication and topic dates go through ParseISODate, which refuses
// floating ones: a reference date must be a calendar day.
func ParseDateValue(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if wd, ok := weekdayByName[s]; ok {
		return FloatingWeekday(wd), nil
	}
	if strings.HasPrefix(s, "--") {
		t, err := time.Parse("01-02", s[2:])
		if err != nil {
			return Date{}, fmt.Errorf("date %q: %w", s, err)
		}
		if d, ok := FloatingMonthDay(t.Month(), t.Day()); ok {
			return d, nil
		}
		return Date{}, fmt.Errorf("date %q: no such day", s)
	}
	return ParseISODate(s)
}

// weekdayByName reads the weekday names String gives floating weekdays.
var weekdayByName = func() map[string]time.Weekday {
	m := map[string]time.Weekday{}
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		m[wd.String()] = wd
	}
	return m
}()

// Overlaps reports whether two dates can describe the same day: their
// intervals share at least one day. Unknown dates overlap nothing. A
// floating date overlaps what it cannot be told apart from: "Tuesday"
// overlaps any Tuesday and any span of a week or more, "--05-12" any May
// 12 and any span that holds one; a floating weekday and a floating
// month-day always overlap.
func (d Date) Overlaps(o Date) bool {
	if d.IsZero() || o.IsZero() {
		return false
	}
	if o.IsFloating() && !d.IsFloating() {
		d, o = o, d
	}
	switch {
	case d.floatingWeekday() && o.floatingWeekday():
		return d.From.Weekday() == o.From.Weekday()
	case d.floatingMonthDay() && o.floatingMonthDay():
		return d.From.Month() == o.From.Month() && d.From.Day() == o.From.Day()
	case d.IsFloating() && o.IsFloating():
		return true
	case d.floatingWeekday():
		if o.To.Sub(o.From) >= 6*24*time.Hour {
			return true // a week or more holds every weekday
		}
		for t := o.From; !t.After(o.To); t = t.AddDate(0, 0, 1) {
			if t.Weekday() == d.From.Weekday() {
				return true
			}
		}
		return false
	case d.floatingMonthDay():
		for y := o.From.Year(); y <= o.To.Year(); y++ {
			t, ok := dateValid(y, d.From.Month(), d.From.Day())
			if ok && !t.Before(o.From) && !t.After(o.To) {
				return true
			}
		}
		return false
	}
	return !d.To.Before(o.From) && !o.To.Before(d.From)
}

// MarshalText renders the date as String does, for JSON.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses what MarshalText renders.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDateValue(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
