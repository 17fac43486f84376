package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/store"
)

// claimReviewRule is one property a ClaimReview must have: a path of keys
// (alternatives split by "|": one of them must be there), with a check of
// its value. Through an array, every element must have the rest of the
// path.
type claimReviewRule struct {
	path  string
	check func(any) error
}

func is(want string) func(any) error {
	return func(v any) error {
		if v != want {
			return fmt.Errorf("is %v, want %q", v, want)
		}
		return nil
	}
}

func text(v any) error {
	if s, ok := v.(string); !ok || strings.TrimSpace(s) == "" {
		return fmt.Errorf("is %v, want text", v)
	}
	return nil
}

func absURL(v any) error {
	s, _ := v.(string)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("is %v, want an absolute http(s) URL", v)
	}
	return nil
}

func isoDate(v any) error {
	s, _ := v.(string)
	if _, err := time.Parse(time.RFC3339, s); err == nil {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, s); err == nil {
		return nil
	}
	return fmt.Errorf("is %v, want an ISO 8601 date or date-time", v)
}

// claimReviewRules are the properties Google's ClaimReview structured data
// requires or recommends, and schema.org's types for them.
var claimReviewRules = []claimReviewRule{
	{"@context", is("https://schema.org")},
	{"@type", is("ClaimReview")},
	{"url", absURL},
	{"claimReviewed", text},
	{"author.@type", is("Organization")},
	{"author.name", text},
	{"datePublished", isoDate},
	{"reviewRating.@type", is("Rating")},
	{"reviewRating.alternateName", text},
	{"itemReviewed.@type", is("Claim")},
	{"itemReviewed.author.@type", is("Organization")},
	{"itemReviewed.author.name", text},
	{"itemReviewed.appearance.@type", is("CreativeWork")},
	{"itemReviewed.appearance.url|itemReviewed.appearance.name", text},
	{"itemReviewed.firstAppearance.url|itemReviewed.firstAppearance.name", text},
}

// errMissing marks a path a document lacks.
var errMissing = errors.New("missing")

// at returns the values at path in v, fanning out through arrays; a
// branch without the key is errMissing.
func at(v any, path []string) ([]any, error) {
	if len(path) == 0 {
		return []any{v}, nil
	}
	switch x := v.(type) {
	case []any:
		if len(x) == 0 {
			return nil, errMissing
		}
		var out []any
		for _, e := range x {
			vs, err := at(e, path)
			if err != nil {
				return nil, err
			}
			out = append(out, vs...)
		}
		return out, nil
	case map[string]any:
		next, ok := x[path[0]]
		if !ok || next == nil {
			return nil, errMissing
		}
		return at(next, path[1:])
	}
	return nil, errMissing
}

// validateClaimReview lists what doc lacks of claimReviewRules.
func validateClaimReview(doc any) []string {
	var problems []string
	for _, r := range claimReviewRules {
		var found bool
		var bad []string
		for _, alt := range strings.Split(r.path, "|") {
			vs, err := at(doc, strings.Split(alt, "."))
			if err != nil {
				continue
			}
			found = true
			for _, v := range vs {
				if err := r.check(v); err != nil {
					bad = append(bad, alt+" "+err.Error())
				}
			}
			if len(bad) == 0 {
				break
			}
		}
		switch {
		case !found:
			problems = append(problems, r.path+" is missing")
		case len(bad) > 0:
			problems = append(problems, bad...)
		}
	}
	return problems
}

// TestClaimReview drafts the ClaimReview of the seed story with one
// article moved to Tuesday (a contradiction on the meeting's date) that
// the desk confirmed, against a golden file, and checks it has every
// property ClaimReview requires. Other confirmed findings are left out.
func TestClaimReview(t *testing.T) {
	dir := t.TempDir()
	seeds := filepath.Join(dir, "seeds")
	copyInto(t, filepath.Join(repo, "seeds"), seeds)
	moved := filepath.Join(seeds, "003_f7089254e4d92e19.txt")
	b, err := os.ReadFile(moved)
	if err != nil {
		t.Fatal(err)
	}
	write(t, moved, []byte(strings.Replace(string(b), "Wednesday", "Tuesday", 1)))
	db := filepath.Join(dir, "desk.db")
	out, stderr, code := run(t, db, "check", seeds, "--format", "json")
	if code != exitOK {
		t.Fatalf("check: exit %d\n%s", code, stderr)
	}
	date := findingOf(t, out, "meeting.date")
	lede := findingOf(t, out, "date:lede")
	if date.Status != compare.Contradiction || lede.Status != compare.Contradiction {
		t.Fatalf("meeting.date is %s, date:lede %s; want two contradictions", date.Status, lede.Status)
	}
	args := []string{"claimreview", "--topic", seedsTopic, "--publisher", "Port Alder Fact Desk", "--url", "https://factcheck.example/putin-sharaa"}
	if out, stderr, code := run(t, db, args...); code != exitOK || out != "[]\n" {
		t.Errorf("before any verdict: exit %d, %q\n%s", code, out, stderr)
	}

	// The verdicts, at a fixed time so the golden file stays put: the
	// date confirmed, the Qamishli omission confirmed (not a
	// contradiction: left out), the lede's date dismissed (left out).
	st, err := store.OpenExisting(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	when := time.Date(2026, 1, 29, 9, 15, 0, 0, time.UTC)
	for _, v := range []facts.Verdict{
		{Slot: "meeting.date", Finding: date.ID, Decision: facts.Confirm, Note: "The Kremlin's readout and the other four say Wednesday; The Moscow Times has Tuesday.", By: "ann"},
		{Slot: "qamishli.withdrawal", Finding: findingOf(t, out, "qamishli.withdrawal").ID, Decision: facts.Confirm, By: "ann"},
		{Slot: "date:lede", Finding: lede.ID, Decision: facts.Dismiss, Note: "same as the meeting's date", By: "ann"},
	} {
		v.Topic, v.At = seedsTopic, when
		if err := st.AddVerdict(context.Background(), v); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	out, stderr, code = run(t, db, args...)
	if code != exitOK {
		t.Fatalf("claimreview: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "1 confirmed findings are not contradictions") {
		t.Errorf("stderr does not say a confirmed finding was left out: %q", stderr)
	}
	golden(t, "seeds-claimreview.jsonld", out)
	var docs []any
	if err := json.Unmarshal([]byte(out), &docs); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if len(docs) != 1 {
		t.Fatalf("%d ClaimReviews, want 1 (the confirmed contradiction)", len(docs))
	}
	for _, p := range validateClaimReview(docs[0]) {
		t.Errorf("ClaimReview: %s", p)
	}
	doc := docs[0].(map[string]any)
	rating := doc["reviewRating"].(map[string]any)
	if doc["datePublished"] != "2026-01-29T09:15:00Z" || rating["ratingExplanation"] != "The Kremlin's readout and the other four say Wednesday; The Moscow Times has Tuesday." ||
		doc["url"] != "https://factcheck.example/putin-sharaa#"+date.ID {
		t.Errorf("the review's date, note or url: %v, %v, %v", doc["datePublished"], rating["ratingExplanation"], doc["url"])
	}
	if c := doc["claimReviewed"].(string); !strings.Contains(c, "The Moscow Times: “") || !strings.Contains(c, "on Tuesday") || !strings.Contains(c, "on Wednesday") {
		t.Errorf("claimReviewed does not quote both sides: %q", c)
	}

	// The check fails on a review without each of its properties.
	for _, r := range claimReviewRules {
		var broken any
		if err := json.Unmarshal([]byte(out), &broken); err != nil {
			t.Fatal(err)
		}
		for _, alt := range strings.Split(r.path, "|") {
			keys := strings.Split(alt, ".")
			drop(broken.([]any)[0], keys)
		}
		if len(validateClaimReview(broken.([]any)[0])) == 0 {
			t.Errorf("a review without %s passes the check", r.path)
		}
	}

	// -o writes the same; bad flags are usage errors.
	file := filepath.Join(dir, "draft.jsonld")
	if _, stderr, code := run(t, db, append(args, "-o", file)...); code != exitOK {
		t.Fatalf("-o: exit %d\n%s", code, stderr)
	}
	if b, _ := os.ReadFile(file); string(b) != out {
		t.Error("the file -o wrote differs from standard output")
	}
	for _, bad := range [][]string{
		{"claimreview", "--topic", seedsTopic, "--url", "https://factcheck.example/x"},
		{"claimreview", "--topic", seedsTopic, "--publisher", "Desk", "--url", "factcheck.example/x"},
		{"claimreview", "--publisher", "Desk", "--url", "https://factcheck.example/x"},
		{"claimreview", "--topic", "no-such-topic", "--publisher", "Desk", "--url", "https://factcheck.example/x"},
	} {
		t.Setenv("CROSSCHECK_DESK", "")
		if _, stderr, code := run(t, db, bad...); code != exitUsage {
			t.Errorf("%q: exit %d, want 2\n%s", bad, code, stderr)
		}
	}
}

// drop removes the last key of path from v, through arrays.
func drop(v any, path []string) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			drop(e, path)
		}
	case map[string]any:
		if len(path) == 1 {
			delete(x, path[0])
			return
		}
		drop(x[path[0]], path[1:])
	}
}
