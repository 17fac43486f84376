package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/google/go-cmp/cmp"
)

// fullArticle returns an article with every field set.
func fullArticle(id, hash string) facts.Article {
	text := "\uFEFFTalks in Moscow\r\nBy Jane Doe\r\nPutin met al-Sharaa on 15 October.\r\n"
	return facts.Article{
		ID:        id,
		File:      id + ".txt",
		Text:      text,
		Hash:      hash,
		Title:     "Talks in Moscow",
		Outlet:    "Example Times",
		Wire:      "Reuters",
		Byline:    "Jane Doe",
		Published: facts.Day(2025, time.October, 16),
		URL:       "https://example.com/news/" + id + "?a=1&b=2",
		Body:      []facts.Span{{Start: 32, End: 69}, {Start: 70, End: 71}},
		TitleSpan: facts.Span{Start: 3, End: 18},
	}
}

// fullFact returns a fact with every field set.
func fullFact(slot string, start int) facts.Fact {
	return facts.Fact{
		Slot:         slot,
		Kind:         facts.KindDate,
		Value:        "2025-10-15",
		Surface:      "15 October",
		Span:         facts.Span{Start: start, End: start + 10},
		Sentence:     "Putin met al-Sharaa on 15 October.",
		SentenceSpan: facts.Span{Start: 32, End: 66},
		Attribution:  facts.Reported,
		Source:       "the Kremlin",
		Aspect:       facts.Completed,
		Negated:      true,
		Background:   true,
		Extractor:    "date/v1",
		Label:        "date of: meet",
	}
}

// owned returns fs with Topic and Article filled, as Facts returns them.
func owned(topic, article string, fs ...facts.Fact) []facts.Fact {
	out := make([]facts.Fact, len(fs))
	for i, f := range fs {
		f.Topic, f.Article = topic, article
		out[i] = f
	}
	return out
}

func mustArticles(tb testing.TB, db *DB, topic string) []facts.Article {
	tb.Helper()
	as, err := db.Articles(context.Background(), topic)
	if err != nil {
		tb.Fatalf("Articles(%q): %v", topic, err)
	}
	return as
}

func mustFacts(tb testing.TB, db *DB, topic string) []facts.Fact {
	tb.Helper()
	fs, err := db.Facts(context.Background(), topic)
	if err != nil {
		tb.Fatalf("Facts(%q): %v", topic, err)
	}
	return fs
}

func TestSaveArticle_RoundTrip(t *testing.T) { eachEngine(t, testSaveArticle_RoundTrip) }

func testSaveArticle_RoundTrip(t *testing.T, eng engine) {
	db := MustOpenDB(t, eng)
	mustPutTopic(t, db, "t")

	// Articles cover every field, the precisions a date can have, and the
	// zero values (no date, nil and empty body, no title).
	b := fullArticle("b", "hb")
	a := fullArticle("a", "ha")
	a.Published = facts.Month(2025, time.October)
	c := facts.Article{ID: "c", Hash: "hc", Body: []facts.Span{}}
	d := fullArticle("d", "hd")
	d.Published = facts.Year(2024)
	e := fullArticle("e", "he")
	e.Published = facts.Interval(time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 10, 20, 0, 0, 0, 0, time.UTC), facts.PrecisionPart)

	// Facts are given out of order; Facts sorts them by start, end, slot.
	bFacts := []facts.Fact{fullFact("z.slot", 50), fullFact("meeting.date", 50), fullFact("meeting.date", 10), {Slot: "bare", Kind: facts.KindEvent}}
	aFacts := []facts.Fact{fullFact("meeting.date", 55)}
	aFacts[0].Topic, aFacts[0].Article = "t", "a" // matching owner fields are accepted

	for _, x := range []struct {
		a  facts.Article
		fs []facts.Fact
	}{{b, bFacts}, {a, aFacts}, {c, nil}, {d, nil}, {e, nil}} {
		mustSave(t, db, "t", x.a, x.fs, SaveResult{New, 1})
	}

	if diff := cmp.Diff([]facts.Article{a, b, c, d, e}, mustArticles(t, db, "t")); diff != "" {
		t.Errorf("Articles mismatch (-want +got):\n%s", diff)
	}
	wantFacts := append(owned("t", "a", aFacts...), owned("t", "b", bFacts[3], bFacts[2], bFacts[1], bFacts[0])...)
	if diff := cmp.Diff(wantFacts, mustFacts(t, db, "t")); diff != "" {
		t.Errorf("Facts mismatch (-want +got):\n%s", diff)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM articles WHERE ingested_at = ?`, formatTime(testNow)); n != 5 {
		t.Errorf("%d articles have ingested_at = Now, want 5", n)
	}
}

func TestSaveArticle_Versions(t *testing.T) { eachEngine(t, testSaveArticle_Versions) }

func testSaveArticle_Versions(t *testing.T, e engine) {
	db := MustOpenDB(t, e)
	mustPutTopic(t, db, "t")

	v1 := fullArticle("a", "hash-1")
	v1Facts := []facts.Fact{fullFact("meeting.date", 40)}
	mustSave(t, db, "t", v1, v1Facts, SaveResult{New, 1})

	// Same hash: nothing written, even if the caller's facts differ.
	mustSave(t, db, "t", v1, []facts.Fact{fullFact("other", 1)}, SaveResult{Unchanged, 1})
	if diff := cmp.Diff(owned("t", "a", v1Facts...), mustFacts(t, db, "t")); diff != "" {
		t.Errorf("facts after unchanged save (-want +got):\n%s", diff)
	}

	v2 := fullArticle("a", "hash-2")
	v2.Title = "Talks in Moscow, updated"
	v2Facts := []facts.Fact{fullFact("meeting.place", 20), fullFact("meeting.date", 44)}
	mustSave(t, db, "t", v2, v2Facts, SaveResult{Changed, 2})
	mustSave(t, db, "t", v2, v2Facts, SaveResult{Unchanged, 2})

	if diff := cmp.Diff([]facts.Article{v2}, mustArticles(t, db, "t")); diff != "" {
		t.Errorf("Articles after change (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(owned("t", "a", v2Facts...), mustFacts(t, db, "t")); diff != "" {
		t.Errorf("Facts after change (-want +got):\n%s", diff)
	}
	// History is kept: both versions, only the newest current, old facts
	// still attached to the old version.
	if n := count(t, db, `SELECT COUNT(*) FROM articles WHERE article_id = 'a'`); n != 2 {
		t.Errorf("%d versions stored, want 2", n)
	}
	if n := count(t, db, `SELECT version FROM articles WHERE article_id = 'a' AND current = 1`); n != 2 {
		t.Errorf("current version = %d, want 2", n)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM facts`); n != 3 {
		t.Errorf("%d facts stored, want 3", n)
	}

	// The same article id in another topic is another article.
	mustPutTopic(t, db, "u")
	mustSave(t, db, "t", fullArticle("a", "hash-2"), nil, SaveResult{Unchanged, 2})
	mustSave(t, db, "u", fullArticle("a", "hash-2"), nil, SaveResult{New, 1})
}

func TestSaveArticle_Invalid(t *testing.T) { eachEngine(t, testSaveArticle_Invalid) }

func testSaveArticle_Invalid(t *testing.T, e engine) {
	db := MustOpenDB(t, e)
	mustPutTopic(t, db, "t")
	for _, tt := range []struct {
		name  string
		topic string
		a     facts.Article
		fs    []facts.Fact
		code  string
	}{
		{"empty topic", "", fullArticle("a", "h"), nil, EINVALID},
		{"empty article id", "t", fullArticle("", "h"), nil, EINVALID},
		{"empty hash", "t", fullArticle("a", ""), nil, EINVALID},
		{"fact of another article", "t", fullArticle("a", "h"), []facts.Fact{{Article: "b", Slot: "s", Kind: facts.KindDate}}, EINVALID},
		{"fact of another topic", "t", fullArticle("a", "h"), []facts.Fact{{Topic: "u", Slot: "s", Kind: facts.KindDate}}, EINVALID},
		{"missing topic", "nope", fullArticle("a", "h"), nil, ENOTFOUND},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := db.SaveArticle(context.Background(), tt.topic, tt.a, tt.fs); ErrorCode(err) != tt.code {
				t.Errorf("error = %v, want code %s", err, tt.code)
			}
		})
	}
	if n := count(t, db, `SELECT COUNT(*) FROM articles`); n != 0 {
		t.Errorf("%d articles written by invalid saves", n)
	}
}

// TestSaveArticle_Atomic checks that a save failing part way writes
// nothing: not the new version, not its facts, and the previous version
// stays current.
func TestSaveArticle_Atomic(t *testing.T) { eachEngine(t, testSaveArticle_Atomic) }

func testSaveArticle_Atomic(t *testing.T, e engine) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	good := fullFact("meeting.date", 40)

	for _, tt := range []struct {
		name    string
		ctx     context.Context
		fs      []facts.Fact
		code    string
		errorIs error
	}{
		{"fact ends before it starts", context.Background(), []facts.Fact{good, {Slot: "bad", Kind: facts.KindDate, Span: facts.Span{Start: 9, End: 3}}}, EINVALID, nil},
		{"fact with negative offset", context.Background(), []facts.Fact{good, {Slot: "bad", Kind: facts.KindDate, Span: facts.Span{Start: -1, End: 3}}}, EINVALID, nil},
		{"fact without slot", context.Background(), []facts.Fact{good, good, {Kind: facts.KindDate}}, EINVALID, nil},
		{"fact without kind", context.Background(), []facts.Fact{good, {Slot: "s"}}, EINVALID, nil},
		{"cancelled context", cancelled, []facts.Fact{good}, EINTERNAL, context.Canceled},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db := MustOpenDB(t, e)
			mustPutTopic(t, db, "t")
			v1 := fullArticle("a", "h1")
			mustSave(t, db, "t", v1, []facts.Fact{good}, SaveResult{New, 1})
			// A second article that is new, not changed, must not appear.
			for _, a := range []facts.Article{fullArticle("a", "h2"), fullArticle("b", "h1")} {
				_, err := db.SaveArticle(tt.ctx, "t", a, tt.fs)
				if err == nil {
					t.Fatalf("SaveArticle(%q) succeeded", a.ID)
				}
				if ErrorCode(err) != tt.code {
					t.Errorf("SaveArticle(%q) error = %v, want code %s", a.ID, err, tt.code)
				}
				if tt.errorIs != nil && !errors.Is(err, tt.errorIs) {
					t.Errorf("SaveArticle(%q) error = %v, want errors.Is %v", a.ID, err, tt.errorIs)
				}
			}
			if n := count(t, db, `SELECT COUNT(*) FROM articles`); n != 1 {
				t.Errorf("%d article rows, want 1", n)
			}
			if n := count(t, db, `SELECT COUNT(*) FROM facts`); n != 1 {
				t.Errorf("%d fact rows, want 1", n)
			}
			if diff := cmp.Diff([]facts.Article{v1}, mustArticles(t, db, "t")); diff != "" {
				t.Errorf("Articles after failed save (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReplaceFacts(t *testing.T) { eachEngine(t, testReplaceFacts) }

func testReplaceFacts(t *testing.T, e engine) {
	ctx := context.Background()
	db := MustOpenDB(t, e)
	mustPutTopic(t, db, "t")
	mustSave(t, db, "t", fullArticle("a", "h1"), []facts.Fact{fullFact("old", 1)}, SaveResult{New, 1})
	mustSave(t, db, "t", fullArticle("a", "h2"), []facts.Fact{fullFact("old", 2)}, SaveResult{Changed, 2})
	mustSave(t, db, "t", fullArticle("b", "h1"), []facts.Fact{fullFact("other", 3)}, SaveResult{New, 1})

	replacement := []facts.Fact{fullFact("new.b", 30), fullFact("new.a", 20)}
	if err := db.ReplaceFacts(ctx, "t", "a", replacement); err != nil {
		t.Fatal(err)
	}
	want := append(owned("t", "a", replacement[1], replacement[0]), owned("t", "b", fullFact("other", 3))...)
	if diff := cmp.Diff(want, mustFacts(t, db, "t")); diff != "" {
		t.Errorf("Facts after replace (-want +got):\n%s", diff)
	}
	// The old version's facts are history and stay.
	if n := count(t, db, `SELECT COUNT(*) FROM facts f JOIN articles a ON a.rowid = f.article_rowid WHERE a.current = 0`); n != 1 {
		t.Errorf("old version has %d facts, want 1", n)
	}

	// Replacing with nothing empties the article's facts.
	if err := db.ReplaceFacts(ctx, "t", "a", nil); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(owned("t", "b", fullFact("other", 3)), mustFacts(t, db, "t")); diff != "" {
		t.Errorf("Facts after empty replace (-want +got):\n%s", diff)
	}

	// A failing replacement keeps the facts that were there.
	bad := []facts.Fact{fullFact("fine", 1), {Slot: "bad", Kind: facts.KindDate, Span: facts.Span{Start: 5, End: 1}}}
	if err := db.ReplaceFacts(ctx, "t", "b", bad); ErrorCode(err) != EINVALID {
		t.Errorf("bad replacement error = %v, want code %s", err, EINVALID)
	}
	if diff := cmp.Diff(owned("t", "b", fullFact("other", 3)), mustFacts(t, db, "t")); diff != "" {
		t.Errorf("Facts after failed replace (-want +got):\n%s", diff)
	}

	for _, tt := range []struct{ topic, article, code string }{
		{"t", "missing", ENOTFOUND},
		{"nope", "a", ENOTFOUND},
	} {
		if err := db.ReplaceFacts(ctx, tt.topic, tt.article, nil); ErrorCode(err) != tt.code {
			t.Errorf("ReplaceFacts(%q, %q) error = %v, want code %s", tt.topic, tt.article, err, tt.code)
		}
	}
}

func TestRemoveArticle(t *testing.T) { eachEngine(t, testRemoveArticle) }

func testRemoveArticle(t *testing.T, e engine) {
	ctx := context.Background()
	db := MustOpenDB(t, e)
	mustPutTopic(t, db, "t")
	a := fullArticle("a", "h1")
	b := fullArticle("b", "h1")
	mustSave(t, db, "t", a, []facts.Fact{fullFact("s", 1)}, SaveResult{New, 1})
	mustSave(t, db, "t", b, []facts.Fact{fullFact("s", 2)}, SaveResult{New, 1})

	if err := db.RemoveArticle(ctx, "t", "a"); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]facts.Article{b}, mustArticles(t, db, "t")); diff != "" {
		t.Errorf("Articles after remove (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(owned("t", "b", fullFact("s", 2)), mustFacts(t, db, "t")); diff != "" {
		t.Errorf("Facts after remove (-want +got):\n%s", diff)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM articles WHERE article_id = 'a'`); n != 1 {
		t.Errorf("history of removed article: %d rows, want 1", n)
	}
	if err := db.RemoveArticle(ctx, "t", "a"); ErrorCode(err) != ENOTFOUND {
		t.Errorf("second remove error = %v, want code %s", err, ENOTFOUND)
	}

	// Coming back, even with the same content, is a new version that
	// counts as new: there was no current version to compare with.
	mustSave(t, db, "t", a, []facts.Fact{fullFact("s", 1)}, SaveResult{New, 2})
	if diff := cmp.Diff([]facts.Article{a, b}, mustArticles(t, db, "t")); diff != "" {
		t.Errorf("Articles after re-save (-want +got):\n%s", diff)
	}
}

func TestArticlesAndFacts_TopicNotFound(t *testing.T) {
	eachEngine(t, testArticlesAndFacts_TopicNotFound)
}

func testArticlesAndFacts_TopicNotFound(t *testing.T, e engine) {
	db := MustOpenDB(t, e)
	if _, err := db.Articles(context.Background(), "nope"); ErrorCode(err) != ENOTFOUND {
		t.Errorf("Articles error = %v, want code %s", err, ENOTFOUND)
	}
	if _, err := db.Facts(context.Background(), "nope"); ErrorCode(err) != ENOTFOUND {
		t.Errorf("Facts error = %v, want code %s", err, ENOTFOUND)
	}
}

// TestHostileText checks that text which would break string-built SQL, or
// a careless encoding, is stored and returned byte for byte.
func TestHostileText(t *testing.T) { eachEngine(t, testHostileText) }

func testHostileText(t *testing.T, e engine) {
	ctx := context.Background()
	for _, tt := range []struct{ name, s string }{
		{"single quotes", `it's "quoted" ''twice''`},
		{"injection", `'; DROP TABLE facts; --`},
		{"injection in parens", `x'); DELETE FROM articles WHERE ('1'='1`},
		{"placeholders", `? ?1 :name @name $name %s %w`},
		{"backslashes and escapes", `C:\path\n\t\x00 \' \"`},
		{"control bytes", "\x01\x02\x07\x1b[31mred\x1b[0m\x7f"},
		{"invalid UTF-8", "caf\xe9 \xff\xfe\xfd \xc3\x28"},
		{"unicode", "Ḩamā 中文 🇸🇾 \u200f\u202eevil\u202c \uFEFF e\u0301 \U0010FFFF"},
		{"line endings", "a\r\nb\rc\n\n"},
		{"json-looking", `{"start": 1, "end": 2}]`},
		{"empty-looking", " "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db := MustOpenDB(t, e)
			topic := "topic " + tt.s
			source := []byte(tt.s)
			_, err := db.PutTopic(ctx, TopicRecord{ID: topic, Title: tt.s, Hash: tt.s, Source: source})
			if e == postgresEngine && !utf8.ValidString(tt.s) {
				// PostgreSQL's text is UTF-8 and refuses anything else;
				// crosscheck reads only UTF-8 articles (facts.ParseArticle),
				// so this is only reachable from a caller's own bytes, and
				// it is refused as invalid input, with nothing written.
				if ErrorCode(err) != EINVALID {
					t.Fatalf("PutTopic of invalid UTF-8 = %v, want code %s", err, EINVALID)
				}
				if n := count(t, db, `SELECT COUNT(*) FROM topics`); n != 0 {
					t.Errorf("%d topics written", n)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			rec, err := db.Topic(ctx, topic)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(TopicRecord{ID: topic, Title: tt.s, Hash: tt.s, Source: source, CreatedAt: testNow, UpdatedAt: testNow}, rec); diff != "" {
				t.Errorf("Topic mismatch (-want +got):\n%s", diff)
			}

			a := facts.Article{
				ID: "id " + tt.s, File: tt.s, Text: tt.s, Hash: tt.s, Title: tt.s, Outlet: tt.s,
				Wire: tt.s, Byline: tt.s, URL: tt.s,
			}
			f := facts.Fact{
				Slot: tt.s, Kind: facts.Kind(tt.s), Value: tt.s, Surface: tt.s, Sentence: tt.s,
				Attribution: facts.Attribution(tt.s), Source: tt.s, Aspect: facts.Aspect(tt.s), Extractor: tt.s,
			}
			mustSave(t, db, topic, a, []facts.Fact{f}, SaveResult{New, 1})
			if diff := cmp.Diff([]facts.Article{a}, mustArticles(t, db, topic)); diff != "" {
				t.Errorf("Articles mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(owned(topic, a.ID, f), mustFacts(t, db, topic)); diff != "" {
				t.Errorf("Facts mismatch (-want +got):\n%s", diff)
			}
			runID, err := db.StartRun(ctx, tt.s, tt.s)
			if err != nil {
				t.Fatal(err)
			}
			if err := db.FinishRun(ctx, runID, RunResult{Status: tt.s, Errors: []RunError{{File: tt.s, Message: tt.s}}}); err != nil {
				t.Fatal(err)
			}
			runs, err := db.Runs(ctx, 1)
			if err != nil {
				t.Fatal(err)
			}
			if r := runs[0]; r.Command != tt.s || r.Version != tt.s || r.Status != tt.s || r.Errors[0] != (RunError{tt.s, tt.s}) {
				t.Errorf("run did not round-trip: %+v", r)
			}
			if n := tableCount(t, db, "topics", "articles", "facts", "runs", "run_errors"); n != 5 {
				t.Errorf("%d of 5 tables left", n)
			}
		})
	}
}

func TestSaveArticle_ManyFacts(t *testing.T) { eachEngine(t, testSaveArticle_ManyFacts) }

// testSaveArticle_ManyFacts: facts written several to a statement come
// back all, in order, across the statements' boundaries.
func testSaveArticle_ManyFacts(t *testing.T, e engine) {
	db := MustOpenDB(t, e)
	mustPutTopic(t, db, "ferry")
	var fs []facts.Fact
	for i := range 2*factsPerInsert + 7 {
		f := fullFact(fmt.Sprintf("count:%03d", i), i)
		f.Value = strconv.Itoa(i)
		fs = append(fs, f)
	}
	mustSave(t, db, "ferry", fullArticle("a1", "h1"), fs, SaveResult{Status: New, Version: 1})
	if diff := cmp.Diff(owned("ferry", "a1", fs...), mustFacts(t, db, "ferry")); diff != "" {
		t.Errorf("facts (-saved +read):\n%s", diff)
	}
}

// TestSaveArticles checks that saving a topic's articles in one call
// stores exactly what saving them one by one stores, with the same
// results, and that a failure in any of them writes none of them.
func TestSaveArticles(t *testing.T) { eachEngine(t, testSaveArticles) }

func testSaveArticles(t *testing.T, e engine) {
	ctx := context.Background()
	a1 := fullArticle("a", "h1")
	b1 := fullArticle("b", "h1")
	a2 := fullArticle("a", "h2")
	c1 := facts.Article{ID: "c", Hash: "hc", Body: []facts.Span{}}
	first := []ArticleFacts{{a1, []facts.Fact{fullFact("meeting.date", 40)}}, {b1, nil}}
	second := []ArticleFacts{{a2, []facts.Fact{fullFact("meeting.date", 41), fullFact("z", 1)}}, {b1, nil}, {c1, nil}}

	one := MustOpenDB(t, e)
	mustPutTopic(t, one, "t")
	var oneRes []SaveResult
	for _, round := range [][]ArticleFacts{first, second} {
		for _, it := range round {
			r, err := one.SaveArticle(ctx, "t", it.Article, it.Facts)
			if err != nil {
				t.Fatal(err)
			}
			oneRes = append(oneRes, r)
		}
	}

	all := MustOpenDB(t, e)
	mustPutTopic(t, all, "t")
	var allRes []SaveResult
	for _, round := range [][]ArticleFacts{first, second} {
		r, err := all.SaveArticles(ctx, "t", round)
		if err != nil {
			t.Fatal(err)
		}
		allRes = append(allRes, r...)
	}
	want := []SaveResult{{New, 1}, {New, 1}, {Changed, 2}, {Unchanged, 1}, {New, 1}}
	if diff := cmp.Diff(want, oneRes); diff != "" {
		t.Errorf("SaveArticle results (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(oneRes, allRes); diff != "" {
		t.Errorf("SaveArticles results differ from SaveArticle's (-one +all):\n%s", diff)
	}
	if diff := cmp.Diff(mustArticles(t, one, "t"), mustArticles(t, all, "t")); diff != "" {
		t.Errorf("Articles differ (-one +all):\n%s", diff)
	}
	if diff := cmp.Diff(mustFacts(t, one, "t"), mustFacts(t, all, "t")); diff != "" {
		t.Errorf("Facts differ (-one +all):\n%s", diff)
	}

	// A bad fact in the last article: the first two are not written either.
	bad := []ArticleFacts{{fullArticle("d", "h"), nil}, {fullArticle("a", "h3"), nil}, {fullArticle("e", "h"), []facts.Fact{{Slot: "s"}}}}
	before, beforeFacts := mustArticles(t, all, "t"), mustFacts(t, all, "t")
	if _, err := all.SaveArticles(ctx, "t", bad); ErrorCode(err) != EINVALID {
		t.Fatalf("SaveArticles with a bad fact: error %v, want code %s", err, EINVALID)
	}
	// A failure inside the transaction (a cancelled context) writes nothing.
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := all.SaveArticles(cancelled, "t", bad[:2]); !errors.Is(err, context.Canceled) {
		t.Fatalf("SaveArticles with a cancelled context: error %v, want context.Canceled", err)
	}
	if diff := cmp.Diff(before, mustArticles(t, all, "t")); diff != "" {
		t.Errorf("failed SaveArticles changed the articles (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff(beforeFacts, mustFacts(t, all, "t")); diff != "" {
		t.Errorf("failed SaveArticles changed the facts (-before +after):\n%s", diff)
	}
}

// TestAsStored checks that AsStored gives what Articles and Facts read
// back after SaveArticles, field for field and in the same order: every
// field set and unset, every date precision, facts out of order and tied
// on position, ids that sort differently by byte than by letter, and an
// id given twice.
func TestAsStored(t *testing.T) { eachEngine(t, testAsStored) }

func testAsStored(t *testing.T, e engine) {
	ctx := context.Background()
	db := MustOpenDB(t, e)
	mustPutTopic(t, db, "t")

	b := fullArticle("b", "hb")
	a := fullArticle("a", "ha")
	a.Published = facts.Month(2025, time.October)
	c := facts.Article{ID: "C", Hash: "hc", Body: []facts.Span{}}
	d := fullArticle("é", "hd")
	d.Published = facts.Year(2024)
	e2 := fullArticle("a-2", "he")
	e2.Published = facts.Interval(time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 10, 20, 0, 0, 0, 0, time.UTC), facts.PrecisionPart)
	e2.Body = nil
	bAgain := b
	bAgain.Hash = "hb2"

	tie1, tie2 := fullFact("same", 10), fullFact("same", 10)
	tie2.Value = "second"
	items := []ArticleFacts{
		{b, []facts.Fact{fullFact("z.slot", 50), fullFact("meeting.date", 50), fullFact("meeting.date", 10), {Slot: "bare", Kind: facts.KindEvent}}},
		{a, []facts.Fact{tie1, tie2, fullFact("a", 3)}},
		{c, nil},
		{d, []facts.Fact{fullFact("Z", 1), fullFact("a", 1)}},
		{e2, nil},
		{bAgain, []facts.Fact{fullFact("only", 7)}},
	}
	if _, err := db.SaveArticles(ctx, "t", items); err != nil {
		t.Fatal(err)
	}
	arts, fs, err := AsStored("t", items)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(mustArticles(t, db, "t"), arts); diff != "" {
		t.Errorf("AsStored articles differ from Articles (-stored +AsStored):\n%s", diff)
	}
	if diff := cmp.Diff(mustFacts(t, db, "t"), fs); diff != "" {
		t.Errorf("AsStored facts differ from Facts (-stored +AsStored):\n%s", diff)
	}
}
