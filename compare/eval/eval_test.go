package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-news/crosscheck/compare"
)

// story is an invented comparison of three articles on a harbour fire; the
// cases below score it against invented expectations.
func story() compare.Result {
	v := func(article, value, surface, sentence string) compare.Value {
		return compare.Value{Article: article, Value: value, Surface: surface, Sentence: sentence}
	}
	neg := func(x compare.Value) compare.Value { x.Negated = true; return x }
	return compare.Result{
		Schema: compare.Schema,
		Articles: []compare.Article{
			{ID: "a1", File: "01_harbour-herald.txt"},
			{ID: "a2", File: "inbox/story/02_alder-post.txt"},
			{ID: "a3", File: "03_wire.txt"},
		},
		Facts: []compare.SlotResult{
			{Slot: "number:crate", Kind: "number", Status: compare.Contradiction, Values: []compare.Value{
				v("a1", "12", "a dozen crates", "Firefighters saved a dozen crates."),
				v("a2", "30", "30 crates", "Some 30 crates burned at Port Alder."),
			}},
			{Slot: "quote:ellis", Kind: "quote", Status: compare.Nuance, Values: []compare.Value{
				v("a1", "we will rebuild", "We will rebuild", "\"We will rebuild,\" said Governor June Ellis."),
				v("a2", "we will rebuild", "we will rebuild", "Ellis said\nthey would rebuild."),
				neg(v("a3", "we will rebuild", "We will rebuild", "Ellis did not say \"We will rebuild.\"")),
			}},
			{Slot: "date:fire", Kind: "date", Status: compare.Agree, Values: []compare.Value{
				v("a1", "2026-03-04", "March 4", "The fire broke out on March 4."),
				v("a3", "2026-03-04", "4 March", "The fire broke out on 4 March."),
			}},
			{Slot: "quote:trust", Kind: "quote", Status: compare.Contradiction, Values: []compare.Value{
				v("a1", "no one was hurt", "No one was hurt", "\"No one was hurt,\" the Harbour Trust said."),
				v("a3", "no one was hurt", "no one was hurt", "Mayor Ann March said no one was hurt."),
			}},
			{Slot: "entity:trust", Kind: "entity", Status: compare.Variant, Values: []compare.Value{
				v("a1", "harbour trust", "Harbour Trust", ""),
				v("a2", "harbour trust", "Harbor Trust", ""),
				v("a3", "harbour trust", "", ""),
			}},
			{Slot: "number:ghost", Kind: "number", Status: compare.Contradiction, Values: []compare.Value{
				v("x9", "5", "five boats", "Five boats sank."),
				v("a3", "6", "six boats", "Six boats sank."),
			}},
		},
		Variants: []compare.VariantGroup{
			{Canonical: "ellis", Forms: []compare.VariantForm{{Form: "Ellis"}, {Form: "Elis"}}},
			{Canonical: "alder", Forms: []compare.VariantForm{{Form: "Port Alder"}, {Form: "PORT ALDER"}}},
		},
	}
}

func parse(t *testing.T, s string) *Expect {
	t.Helper()
	e, err := Parse([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// cases are tricky expectations on story(), each with the score the
// scorer gives. They are also run through score.py when it is present.
var cases = []struct {
	name, expect string
	want         Score
}{
	{
		name: "negated values are ignored",
		expect: `{"facts": [
			{"what": "rebuild in all three", "kind": "quote", "surface": "rebuild", "articles": ["01", "02", "03"]},
			{"what": "rebuild in two", "kind": "quote", "surface": "rebuild", "articles": ["01", "02"]}]}`,
		want: Score{Held: 2, Total: 3, Misses: []string{"rebuild in all three"}},
	},
	{
		name: "articles are file-name prefixes, of the base name only",
		expect: `{"facts": [
			{"what": "crates in 01 and 02", "surface": "crates", "articles": ["01_harbour", "02"]},
			{"what": "a prefix of the folder does not count", "surface": "crates", "articles": ["inbox"]},
			{"what": "an empty prefix matches any file", "surface": "crates", "articles": [""]},
			{"what": "an unknown article is known by its id", "surface": "five", "articles": ["x9"]},
			{"what": "no article listed holds on any entry", "articles": []}]}`,
		want: Score{Held: 5, Total: 6, Misses: []string{"a prefix of the folder does not count"}},
	},
	{
		name: "value is compared case-insensitively, as text, numbers too",
		expect: `{"facts": [
			{"what": "twelve", "value": 12, "articles": ["01"]},
			{"what": "trust lower", "value": "HARBOUR TRUST", "articles": ["01", "02"]},
			{"what": "an empty value is a value", "value": "", "articles": ["03"]},
			{"what": "twelve point zero is not twelve", "value": 12.0, "articles": ["01"]},
			{"what": "null is a value too", "value": null, "articles": ["01"]}]}`,
		want: Score{Held: 3, Total: 6, Misses: []string{"an empty value is a value", "twelve point zero is not twelve", "null is a value too"}},
	},
	{
		name: "status_in and status_not",
		expect: `{"facts": [
			{"what": "rebuild shown as worded differently", "surface": "rebuild", "articles": ["01", "02"], "status_in": ["nuance", "variant"]},
			{"what": "rebuild agreed", "surface": "rebuild", "articles": ["01", "02"], "status_in": ["agree"]},
			{"what": "an empty status_in allows nothing", "surface": "rebuild", "articles": ["01"], "status_in": []},
			{"what": "fire date not a contradiction", "kind": "date", "sentence": "fire", "articles": ["01", "03"], "status_not": ["contradiction"]},
			{"what": "crates not a contradiction", "surface": "crates", "articles": ["01", "02"], "status_not": ["contradiction"]}]}`,
		want: Score{Held: 3, Total: 6, Misses: []string{"rebuild agreed", "an empty status_in allows nothing", "crates not a contradiction"},
			FalseAlarms: []FalseAlarm{
				{Slot: "number:crate", Values: []AlarmValue{{"01_harbour-herald.txt", "a dozen crates"}, {"02_alder-post.txt", "30 crates"}}},
				{Slot: "quote:trust", Values: []AlarmValue{{"01_harbour-herald.txt", "No one was hurt"}, {"03_wire.txt", "no one was hurt"}}},
				{Slot: "number:ghost", Values: []AlarmValue{{"", "five boats"}, {"03_wire.txt", "six boats"}}},
			}},
	},
	{
		name: "what asks for or allows a flag makes it expected, status aside",
		expect: `{"facts": [
			{"what": "crates flagged", "kind": "number", "surface": "crates", "articles": ["01", "02"], "status_not": ["agree", "variant"]},
			{"what": "hurt, a flag is right", "kind": "quote", "surface": "hurt", "articles": ["01", "03"], "contradiction_ok": true},
			{"what": "boats asked as a contradiction, in the wrong kind", "kind": "date", "surface": "boats", "articles": ["03"], "status_in": ["contradiction"]},
			{"what": "rebuild, status_not agree and contradiction allows no flag", "surface": "rebuild", "articles": ["01"], "status_not": ["agree", "contradiction"]}]}`,
		want: Score{Held: 4, Total: 5, Misses: []string{"boats asked as a contradiction, in the wrong kind"},
			FalseAlarms: []FalseAlarm{{Slot: "number:ghost", Values: []AlarmValue{{"", "five boats"}, {"03_wire.txt", "six boats"}}}}},
	},
	{
		name: "sentence crosses lines; surface does not need the whole text",
		expect: `{"facts": [
			{"what": "said then rebuild, over a line break", "sentence": "said.they", "articles": ["02"]},
			{"what": "surface is searched, not matched whole", "surface": "Dozen", "articles": ["01"]}]}`,
		want: Score{Held: 3, Total: 3},
	},
	{
		name: "variant pairs: whole forms, different forms, fact surfaces",
		expect: `{"facts": [],
			"variants_required": [["ellis", "elis"], ["port alder", "port alder"], ["harbou?r trust", "harbor trust"], ["ell", "elis"], ["harbour trust", "harbor trust"]],
			"variants_forbidden": [["el+is", "el+is"], ["port alder", "alder"], ["harbour trust", "harbor trust"]]}`,
		want: Score{Held: 3, Total: 6, RequiredHeld: 3, RequiredTotal: 5,
			RequiredMissed: []Pair{{"port alder", "port alder"}, {"ell", "elis"}},
			Forbidden:      []Pair{{"harbour trust", "harbor trust"}}},
	},
	{
		name:   "no expectations at all: one point for no forbidden group",
		expect: `{}`,
		want:   Score{Held: 1, Total: 1},
	},
}

// complete fills what every case shares: story()'s counts and, unless the
// case says otherwise, its three flags as false alarms.
func complete(s Score) Score {
	s.FactCount, s.Flagged, s.Groups = 6, 3, 3
	if s.FalseAlarms == nil {
		s.FalseAlarms = []FalseAlarm{{Slot: "number:crate", Values: []AlarmValue{{"01_harbour-herald.txt", "a dozen crates"}, {"02_alder-post.txt", "30 crates"}}},
			{Slot: "quote:trust", Values: []AlarmValue{{"01_harbour-herald.txt", "No one was hurt"}, {"03_wire.txt", "no one was hurt"}}},
			{Slot: "number:ghost", Values: []AlarmValue{{"", "five boats"}, {"03_wire.txt", "six boats"}}}}
	}
	return s
}

func TestScore(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := parse(t, c.expect).Score(story())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(complete(c.want), got); diff != "" {
				t.Errorf("score (-want +got):\n%s", diff)
			}
			if got.OK() {
				t.Errorf("OK() with %d/%d and %d false alarms", got.Held, got.Total, len(got.FalseAlarms))
			}
		})
	}
}

func TestScoreOK(t *testing.T) {
	res := story()
	res.Facts = res.Facts[1:3] // no contradiction left
	got, err := parse(t, `{"facts": [{"what": "fire date", "kind": "date", "value": "2026-03-04", "articles": ["01", "03"]}]}`).Score(res)
	if err != nil {
		t.Fatal(err)
	}
	if !got.OK() {
		t.Errorf("not OK: %v", got.Lines())
	}
}

func TestLines(t *testing.T) {
	s := Score{Held: 1, Total: 4, Misses: []string{"the fire date"}, RequiredMissed: []Pair{{`a\.b`, "ab"}},
		Forbidden:   []Pair{{`o'neil`, `it's "x"`}},
		FalseAlarms: []FalseAlarm{{Slot: "quote:x", Values: []AlarmValue{{"01_a.txt", "It's a long remark of more than forty characters, cut"}, {"", "tab\there"}}}},
		FactCount:   9, Flagged: 2, Groups: 3}
	want := []string{
		"MISS the fire date",
		`MISS variant a\.b/ab`,
		`FALSE variants [("o'neil", 'it\'s "x"')]`,
		`FALSE ALARM quote:x: 01 "It's a long remark of more than forty ch";  'tab\there'`,
		"score 1/4 (9 facts, 2 contradictions flagged, 1 false alarms, 3 variant groups)",
	}
	if diff := cmp.Diff(want, s.Lines()); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"not JSON", `{`, "unexpected end"},
		{"no what", `{"facts": [{"articles": ["01"]}]}`, `fact 1 has no "what"`},
		{"no articles", `{"facts": [{"what": "x"}]}`, `fact 1 (x) has no "articles"`},
		{"bad surface", `{"facts": [{"what": "x", "articles": [], "surface": "(a"}]}`, "fact 1 (x) surface"},
		{"a pattern wrapping would mend", `{"variants_required": [["a)|(b", "c"]]}`, "variants_required 1"},
		{"three in a pair", `{"variants_forbidden": [["a", "b", "c"]]}`, "two patterns, not 3"},
		{"object value", `{"facts": [{"what": "x", "articles": [], "value": {}}]}`, "not a string or a number"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte(c.in))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Parse(%s) = %v, want an error with %q", c.in, err, c.want)
			}
		})
	}
	var e *Expect
	if _, err := e.Score(story()); err == nil {
		t.Error("nil Expect scored without error")
	}
}

func TestLoad(t *testing.T) {
	p := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(p, []byte(`{"facts": [{"what": "x", "articles": ["01"]}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Facts) != 1 || e.Facts[0].What != "x" {
		t.Errorf("Load = %+v", e)
	}
	if _, err := Load(p + ".missing"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load of a missing file = %v, want not exist", err)
	}
}

func TestPyStr(t *testing.T) {
	for in, want := range map[string]string{
		`"Ab"`: "Ab", `150`: "150", `-0`: "0", `1.5`: "1.5", `12.0`: "12.0", `1e3`: "1000.0",
		`1e16`: "1e+16", `0.00001`: "1e-05", `true`: "True", `false`: "False", `null`: "None",
	} {
		got, err := pyStr(json.RawMessage(in))
		if err != nil || got != want {
			t.Errorf("pyStr(%s) = %q, %v; want %q", in, got, err, want)
		}
	}
}

// scorePy is the reference scorer beside the development corpus, found from
// the repository root. Without the corpus the test skips, and fails under
// CI=true; without python3 it skips.
func scorePy(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root := wd
	for {
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			break
		}
		up := filepath.Dir(root)
		if up == root {
			t.Fatalf("no go.mod above %s", wd)
		}
		root = up
	}
	p := filepath.Join(filepath.Dir(root), "shared", "corpus", "score.py")
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no reference scorer at %s (../shared/corpus beside the repository), which CI=true requires", p)
		}
		t.Skipf("no reference scorer at %s (../shared/corpus beside the repository): skipped", p)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skipf("no python3 to run %s: skipped", p)
	}
	return p
}

// TestAgreesWithScorePy runs score.py on every case and checks that it
// prints exactly the lines the port prints.
func TestAgreesWithScorePy(t *testing.T) {
	py := scorePy(t)
	doc, err := json.Marshal(story())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), FileName)
			if err := os.WriteFile(p, []byte(c.expect), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("python3", py, p)
			cmd.Stdin = bytes.NewReader(doc)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			var ee *exec.ExitError
			if err != nil && !errors.As(err, &ee) || stderr.Len() > 0 {
				t.Fatalf("score.py: %v\n%s", err, stderr.String())
			}
			s, err := parse(t, c.expect).Score(story())
			if err != nil {
				t.Fatal(err)
			}
			want := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
			if diff := cmp.Diff(want, s.Lines()); diff != "" {
				t.Errorf("score.py (-) and the port (+) differ:\n%s", diff)
			}
			if code := cmd.ProcessState.ExitCode(); (code == 0) != (s.Held == s.Total) {
				t.Errorf("score.py exits %d with %d/%d", code, s.Held, s.Total)
			}
		})
	}
}
