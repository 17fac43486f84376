package facts

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// validTopic is a complete topic file; the error cases append to it.
const validTopic = `# A ferry strike.
id: ferry-strike-2025
title: Ferry strike
date: 2025-06-02
entities:
  - id: harbourline
    name: Harbourline
    kind: organisation
    aliases: [Harbour Line]
  - id: port-ellis
    name: Port Ellis
slots:
  - id: strike.date
    kind: date
    label: Day the strike began
    cues: [strike, walkout]
  - id: ports.named
    kind: entity-set
    members: [port-ellis]
  - id: sailings.cancelled
    kind: event
    triggers: [cancel, suspend]
    argument: harbourline
  - id: strike.count
    kind: count
    cues: [strike]
    window: 3
articles:
  - file: coast-daily.txt
    id: coast
    outlet: Coast Daily
    published: 2025-06-03
`

func TestParseTopicValid(t *testing.T) {
	got, err := ParseTopic("ferry.yaml", []byte(validTopic))
	if err != nil {
		t.Fatal(err)
	}
	want := &Topic{
		ID: "ferry-strike-2025", Title: "Ferry strike", Date: "2025-06-02",
		Entities: []Entity{
			{ID: "harbourline", Name: "Harbourline", Kind: "organisation", Aliases: []string{"Harbour Line"}},
			{ID: "port-ellis", Name: "Port Ellis"},
		},
		Slots: []Slot{
			{ID: "strike.date", Kind: KindDate, Label: "Day the strike began", Cues: []string{"strike", "walkout"}},
			{ID: "ports.named", Kind: KindEntitySet, Members: []string{"port-ellis"}},
			{ID: "sailings.cancelled", Kind: KindEvent, Triggers: []string{"cancel", "suspend"}, Argument: "harbourline"},
			{ID: "strike.count", Kind: KindCount, Cues: []string{"strike"}, Window: 3},
		},
		Articles: []ArticleMeta{{File: "coast-daily.txt", ID: "coast", Outlet: "Coast Daily", Published: "2025-06-03"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if m, ok := got.ArticleMeta("coast-daily.txt"); !ok || m.ID != "coast" {
		t.Errorf("ArticleMeta(coast-daily.txt) = %+v, %v", m, ok)
	}
	if _, ok := got.ArticleMeta("other.txt"); ok {
		t.Errorf("ArticleMeta(other.txt) found")
	}
	if e, ok := got.Entity("port-ellis"); !ok || e.Name != "Port Ellis" {
		t.Errorf("Entity(port-ellis) = %+v, %v", e, ok)
	}
	if _, err := NewExtractor(got); err != nil {
		t.Errorf("NewExtractor: %v", err)
	}
}

func TestParseTopicErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want string // TopicError.Error()
	}{
		{"unknown key in a slot",
			validTopic[:strings.Index(validTopic, "articles:")] + "    colour: red\n",
			`ferry.yaml:28:5: unknown field "colour"; known keys: aliases, argument, articles, byline, cues, date, entities, file, id, kind, label, members, name, outlet, published, slots, title, triggers, url, window, wire`},
		{"unknown top-level key",
			validTopic + "owner: desk\n",
			`ferry.yaml:33:1: unknown field "owner"; known keys: aliases, argument, articles, byline, cues, date, entities, file, id, kind, label, members, name, outlet, published, slots, title, triggers, url, window, wire`},
		{"a misspelt key names the nearest known one",
			validTopic + "titel: Ferry strike\n",
			`ferry.yaml:33:1: unknown field "titel"; did you mean "title"?`},
		{"wrong YAML type",
			"id: x\nslots: {a: 1}\n",
			`ferry.yaml:2:8: mapping was used where sequence is expected`},
		{"string for a list",
			strings.Replace(validTopic, "cues: [strike]", "cues: strike", 1),
			`ferry.yaml:26:11: string was used where sequence is expected`},
		{"unclosed list",
			validTopic + "  - file: b.txt\n    tags: [\n",
			`ferry.yaml:34:11: sequence end token ']' not found`},
		{"slot kind not known",
			strings.Replace(validTopic, "kind: count", "kind: tally", 1),
			`ferry.yaml:25:11: slot "strike.count": unknown kind "tally"; want date, entity-set, event or count`},
		{"slot without kind",
			strings.Replace(validTopic, "    kind: count\n", "", 1),
			`ferry.yaml:24:5: slot "strike.count" has no kind; want date, entity-set, event or count`},
		{"slot without cues",
			strings.Replace(validTopic, "    cues: [strike]\n", "", 1),
			`ferry.yaml:24:5: slot "strike.count" (count) needs cues: words that mark the fact, such as "met" or "visit"`},
		{"entity-set member not an entity",
			strings.Replace(validTopic, "members: [port-ellis]", "members: [port-ellis, harbour]", 1),
			`ferry.yaml:19:27: slot "ports.named": member "harbour" is not an entity of this topic`},
		{"event argument unknown",
			strings.Replace(validTopic, "argument: harbourline", "argument: ferries", 1),
			`ferry.yaml:23:15: slot "sailings.cancelled": argument "ferries" is not an entity of this topic`},
		{"event without triggers",
			strings.Replace(validTopic, "    triggers: [cancel, suspend]\n", "", 1),
			`ferry.yaml:20:5: slot "sailings.cancelled" (event) needs triggers: words for the event, such as "withdraw"`},
		{"duplicate slot id",
			strings.Replace(validTopic, "id: strike.count", "id: strike.date", 1),
			`ferry.yaml:24:9: slot "strike.date" is defined twice`},
		{"bad slot id characters",
			strings.Replace(validTopic, "id: strike.count", "id: Strike Count", 1),
			`ferry.yaml:24:9: slot 4: id "Strike Count": use lower-case letters, digits, '.', '-' and '_'`},
		{"negative window",
			strings.Replace(validTopic, "window: 3", "window: -1", 1),
			`ferry.yaml:27:13: slot "strike.count": window must not be negative`},
		{"duplicate entity id",
			strings.Replace(validTopic, "id: port-ellis\n", "id: harbourline\n", 1),
			`ferry.yaml:10:9: entity "harbourline" is defined twice`},
		{"bad entity id",
			strings.Replace(validTopic, "id: port-ellis\n", "id: Port_Ellis\n", 1),
			`ferry.yaml:10:9: entity 2: id "Port_Ellis": use lower-case letters, digits, '.', '-' and '_'`},
		{"bad topic id",
			strings.Replace(validTopic, "id: ferry-strike-2025", "id: Ferry Strike", 1),
			`ferry.yaml:2:5: topic id "Ferry Strike": use lower-case letters, digits, '.', '-' and '_'`},
		{"bad topic date",
			strings.Replace(validTopic, "date: 2025-06-02", "date: 2 June 2025", 1),
			`ferry.yaml:4:7: date "2 June 2025": want YYYY-MM-DD, YYYY-MM, YYYY or FROM/TO`},
		{"article file given as a path",
			strings.Replace(validTopic, "file: coast-daily.txt", "file: ../x.txt", 1),
			`ferry.yaml:29:11: article file "../x.txt": give a file name in the topic's folder, not a path`},
		{"article file in a subfolder",
			strings.Replace(validTopic, "file: coast-daily.txt", "file: texts/x.txt", 1),
			`ferry.yaml:29:11: article file "texts/x.txt": give a file name in the topic's folder, not a path`},
		{"article listed twice",
			validTopic + "  - file: coast-daily.txt\n",
			`ferry.yaml:33:11: article file "coast-daily.txt" is listed twice`},
		{"bad published date",
			strings.Replace(validTopic, "published: 2025-06-03", "published: 2025-13-40", 1),
			`ferry.yaml:32:16: article "coast-daily.txt": date "2025-13-40": want YYYY-MM-DD, YYYY-MM, YYYY or FROM/TO`},
		{"published date in words",
			strings.Replace(validTopic, "published: 2025-06-03", "published: June 3", 1),
			`ferry.yaml:32:16: article "coast-daily.txt": date "June 3": want YYYY-MM-DD, YYYY-MM, YYYY or FROM/TO`},
		{"no id",
			"title: Ferry strike\n",
			`ferry.yaml:1:1: topic has no id`},
		{"empty file",
			"  \n\n",
			`ferry.yaml: empty topic file`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseTopic("ferry.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatalf("no error for:\n%s", tt.yaml)
			}
			var te *TopicError
			if !errors.As(err, &te) {
				t.Fatalf("error %#v is not a *TopicError", err)
			}
			if !errors.Is(err, ErrBadInput) {
				t.Errorf("errors.Is(%v, ErrBadInput) is false", err)
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if te.Line > 0 && te.Excerpt == "" {
				t.Errorf("located error without an excerpt")
			}
		})
	}
}

func TestLoadTopic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "topic.yaml")
	bad := strings.Replace(validTopic, "argument: harbourline", "argument: ferries", 1)
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, b, err := LoadTopic(path)
	if diff := cmp.Diff(bad, string(b)); diff != "" {
		t.Errorf("bytes (-want +got):\n%s", diff)
	}
	if err == nil || !strings.HasPrefix(err.Error(), "topic.yaml:23:15: ") {
		t.Errorf("LoadTopic error %v, want one located at topic.yaml:23:15", err)
	}
	if _, _, err := LoadTopic(filepath.Join(dir, "missing.yaml")); err == nil || errors.Is(err, ErrBadInput) {
		t.Errorf("LoadTopic(missing.yaml): got %v, want a non-input error", err)
	}
}

// A topic file is refused before decoding when it is too big to be one or
// its aliases blow it up ("billion laughs"); ordinary anchors still work.
func TestTopicFileLimits(t *testing.T) {
	laughs := "id: bomb\ntitle: t\nentities: &a [{id: x, name: X}]\n"
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h"} {
		laughs += name + ": &" + name + " [" + strings.Repeat("*"+prev+",", 9) + "*" + prev + "]\n"
		prev = name
	}
	huge := "id: big\ntitle: t\n# " + strings.Repeat("x", MaxTopicFileBytes) + "\n"
	anchored := "id: ok\ntitle: t\nentities:\n  - &port {id: alder, name: Port Alder, kind: place}\nslots:\n  - {id: places.named, kind: entity-set, members: [alder]}\n"
	cases := []struct {
		name, text, wantErr string
	}{
		{"nested aliases", laughs, "expands to more than 200000 YAML nodes"},
		{"over the size limit", huge, "over the 1048576-byte limit"},
		{"an anchor used once is fine", anchored, ""},
	}
	for _, c := range cases {
		_, err := ParseTopic("topic.yaml", []byte(c.text))
		switch {
		case c.wantErr == "" && err != nil && strings.Contains(err.Error(), "YAML nodes"):
			t.Errorf("%s: refused: %v", c.name, err)
		case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
			t.Errorf("%s: err = %v, want one saying %q", c.name, err, c.wantErr)
		case c.wantErr != "" && !strings.HasPrefix(err.Error(), "topic.yaml"):
			t.Errorf("%s: error %q does not name the file", c.name, err)
		}
	}
}

// TestNestingDepth: deep nesting is refused before the YAML parser sees it
// (its memory grows with the square of the depth), counted through flow
// brackets and chained indicators, never through quoted text, comments or
// an apostrophe in a plain word.
func TestNestingDepth(t *testing.T) {
	cases := []struct {
		name, text string
		depth      int
	}{
		{"a topic file", "id: ferry\nentities:\n  - {id: alder, name: Port Alder, aliases: [Alder]}\nslots:\n  - id: x\n    members: [alder]\n", 3},
		{"flow brackets", "slots: " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n", 100},
		{"chained indicators", "slots: " + strings.Repeat("- ", 80) + "x\n", 80},
		{"brackets in quotes", "title: \"[[[[[[\"\nname: '{{{{'\n", 0},
		{"brackets in a comment", "id: x # [[[[[[[[\n", 0},
		{"an apostrophe is no quote", "name: O'Hara [[[\nx: '\n", 3},
	}
	for _, c := range cases {
		if _, got := nestingDepth([]byte(c.text)); got != c.depth {
			t.Errorf("%s: depth %d, want %d", c.name, got, c.depth)
		}
	}
	deep := "id: d\ntitle: t\nslots: " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "\n"
	_, err := ParseTopic("topic.yaml", []byte(deep))
	if err == nil || err.Error() != "topic.yaml:3: YAML nests deeper than 64 levels (a topic file needs 4); not read" {
		t.Errorf("100,000 nested brackets: err = %v", err)
	}
}
