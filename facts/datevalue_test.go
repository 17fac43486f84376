package facts

import (
	"testing"
	"time"
)

func TestFloatingDateRoundTrip(t *testing.T) {
	md, ok := FloatingMonthDay(time.May, 12)
	if !ok {
		t.Fatal("FloatingMonthDay(May, 12) not ok")
	}
	leap, ok := FloatingMonthDay(time.February, 29)
	if !ok {
		t.Fatal("FloatingMonthDay(February, 29) not ok: some year has it")
	}
	if _, ok := FloatingMonthDay(time.April, 31); ok {
		t.Error("FloatingMonthDay(April, 31) ok, want no such day")
	}
	for _, tc := range []struct {
		d    Date
		want string
	}{
		{FloatingWeekday(time.Tuesday), "Tuesday"},
		{FloatingWeekday(time.Sunday), "Sunday"},
		{md, "--05-12"},
		{leap, "--02-29"},
	} {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
		if !tc.d.IsFloating() {
			t.Errorf("%s: IsFloating false", tc.want)
		}
		back, err := ParseDateValue(tc.want)
		if err != nil || back.String() != tc.want {
			t.Errorf("ParseDateValue(%q) = %v, %v; want it back", tc.want, back, err)
		}
		if _, err := ParseISODate(tc.want); err == nil {
			t.Errorf("ParseISODate(%q): want an error, a reference date is a calendar day", tc.want)
		}
	}
	if Day(2018, time.April, 24).IsFloating() {
		t.Error("a calendar day is not floating")
	}
	if _, err := ParseDateValue("--13-40"); err == nil {
		t.Error("ParseDateValue(--13-40): want an error")
	}
}

func TestFloatingDateOverlaps(t *testing.T) {
	md := func(m time.Month, d int) Date {
		x, _ := FloatingMonthDay(m, d)
		return x
	}
	tue := FloatingWeekday(time.Tuesday)
	tests := []struct {
		name string
		a, b Date
		want bool
	}{
		{"same weekday", tue, FloatingWeekday(time.Tuesday), true},
		{"other weekday", tue, FloatingWeekday(time.Wednesday), false},
		{"a Tuesday", tue, Day(2018, time.April, 24), true},
		{"a Wednesday", tue, Day(2018, time.April, 25), false},
		{"a week holds every weekday", tue, Interval(Day(2018, time.April, 23).From, Day(2018, time.April, 29).From, PrecisionWeek), true},
		{"two days without a Tuesday", tue, Interval(Day(2018, time.April, 25).From, Day(2018, time.April, 26).From, PrecisionWeek), false},
		{"a year", tue, Year(2016), true},
		{"same month-day", md(time.May, 12), md(time.May, 12), true},
		{"other month-day", md(time.May, 12), md(time.May, 13), false},
		{"its day in some year", md(time.May, 12), Day(2018, time.May, 12), true},
		{"another day", md(time.May, 12), Day(2018, time.May, 13), false},
		{"its month", md(time.May, 12), Month(2018, time.May), true},
		{"another month", md(time.May, 12), Month(2018, time.June), false},
		{"a leap day needs a leap year", md(time.February, 29), Year(2018), false},
		{"a leap day in a leap year", md(time.February, 29), Year(2016), true},
		{"a weekday and a month-day cannot be told apart", tue, md(time.May, 12), true},
		{"unknown overlaps nothing", tue, Date{}, false},
	}
	for _, tc := range tests {
		if got := tc.a.Overlaps(tc.b); got != tc.want {
			t.Errorf("%s: %s.Overlaps(%s) = %v, want %v", tc.name, tc.a, tc.b, got, tc.want)
		}
		if got := tc.b.Overlaps(tc.a); got != tc.want {
			t.Errorf("%s: %s.Overlaps(%s) = %v, want %v (reversed)", tc.name, tc.b, tc.a, got, tc.want)
		}
	}
}
