package facts

import "testing"

func TestRangeDisplay(t *testing.T) {
	cases := []struct {
		value string
		days  bool
		want  string
	}{
		{"150", false, "150"},
		{"135..165", false, "135–165"},
		{"151..", false, ">150"},
		{"30..", false, "≥30"},
		{"..99", false, "<100"},
		{"..100", false, "≤100"},
		{"5110", true, "14 years"},
		{"3651..", true, ">10 years"},
		{"..119", true, "<4 months"},
		{"14", true, "2 weeks"},
		{"120", true, "4 months"},
		{"3", true, "3 days"},
	}
	for _, c := range cases {
		r, err := ParseRange(c.value)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Display(c.days); got != c.want {
			t.Errorf("%s (days %v) = %q, want %q", c.value, c.days, got, c.want)
		}
	}
}
