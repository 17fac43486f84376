package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/google/go-cmp/cmp"
)

// referenceInsertFacts is insertFacts as it was before facts went to
// PostgreSQL as one JSON value, before its integers were passed as int64
// and before SQLite got them through the driver's query path: 50 rows to a
// statement, each value bound on its own through database/sql. It is kept
// here as what the stored rows must equal; since migration 0007 it stores
// the sentence as storedSentence says, as the store does.
func referenceInsertFacts(ctx context.Context, tx *txn, rowid int64, text string, fs []facts.Fact) error {
	for lo := 0; lo < len(fs); lo += factsPerInsert {
		hi := min(lo+factsPerInsert, len(fs))
		args := make([]any, 0, (hi-lo)*factColumnsN)
		for _, f := range fs[lo:hi] {
			sentence, fromText := storedSentence(text, &f)
			args = append(args,
				rowid, f.Slot, string(f.Kind), f.Value, f.Surface, f.Span.Start, f.Span.End, sentence,
				f.SentenceSpan.Start, f.SentenceSpan.End, string(f.Attribution), f.Source, string(f.Aspect),
				boolInt(f.Negated), boolInt(f.Background), f.Extractor, f.Label, fromText)
		}
		if _, err := tx.ExecContext(ctx, factInsert(hi-lo), args...); err != nil {
			return err
		}
	}
	return nil
}

// factColumns are every column of facts.
var factColumns = []string{"id", "article_rowid", "slot", "kind", "value", "surface", "start", `"end"`,
	"sentence", "sentence_start", "sentence_end", "attribution", "source", "aspect", "negated",
	"background", "extractor", "label", "sentence_from_text"}

// factRows dumps every column of every facts row in id order, each value
// with its Go type as the driver returns it and, in SQLite, its storage
// class (typeof): a number stored as TEXT, or ” stored as NULL, shows.
func factRows(tb testing.TB, db *DB) [][]string {
	tb.Helper()
	cols := append([]string(nil), factColumns...)
	if db.d == sqliteDialect {
		for _, c := range factColumns {
			cols = append(cols, "typeof("+c+")")
		}
	}
	rows, err := db.queryContext(context.Background(), `SELECT `+strings.Join(cols, ", ")+` FROM facts ORDER BY id`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			tb.Fatal(err)
		}
		row := make([]string, len(vals))
		for i, v := range vals {
			row[i] = fmt.Sprintf("%s=%T:%q", cols[i], v, fmt.Sprint(v))
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// seedTopic returns the facts of the seed articles, extracted as the batch
// does, each article saved twice under two ids, and an article whose facts
// carry text JSON must escape.
func seedTopic(tb testing.TB) (string, []ArticleFacts) {
	tb.Helper()
	ctx := context.Background()
	dir := filepath.Join("..", "seeds")
	t, _, err := facts.LoadTopic(filepath.Join(dir, "topic.yaml"))
	if err != nil {
		tb.Fatal(err)
	}
	x, err := facts.NewExtractor(t)
	if err != nil {
		tb.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no seed articles: %v", err)
	}
	var items []ArticleFacts
	for k := range 2 {
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				tb.Fatal(err)
			}
			a, err := facts.ParseArticle(filepath.Base(p), data)
			if err != nil {
				tb.Fatal(err)
			}
			fs, err := x.Extract(ctx, &a)
			if err != nil {
				tb.Fatal(err)
			}
			a.ID = fmt.Sprintf("%d-%s", k, a.ID)
			for i := range fs {
				fs[i].Article = a.ID
			}
			items = append(items, ArticleFacts{a, fs})
		}
	}
	var odd []facts.Fact
	for i, s := range []string{
		`"quoted" \back\slash\ C:\path\n`, "tab\there\nnew\r\nline\x01\x1f\x7f",
		"Ḩamā 中文 🇸🇾 \u2028\u2029 \u200f\u202e \uFEFF e\u0301 \U0010FFFF",
		`{"start": 1, "end": 2}]`, "", " ", "0", "12", "true", "null",
	} {
		f := fullFact(fmt.Sprintf("odd:%02d", i), i)
		f.Value, f.Surface, f.Sentence, f.Source, f.Label = s, s, s, s, s
		f.Negated, f.Background = i%2 == 0, i%3 == 0
		odd = append(odd, f)
	}
	odd = append(odd, facts.Fact{Slot: "bare", Kind: facts.KindNumber})
	items = append(items, ArticleFacts{facts.Article{ID: "odd", Hash: "h"}, odd})
	return t.ID, items
}

// TestInsertFacts_SameRowsAsBefore saves a topic through SaveArticles and
// checks that every column of every facts row (and in SQLite its storage
// class) is what the reference insert stores, ids included.
func TestInsertFacts_SameRowsAsBefore(t *testing.T) { eachEngine(t, testInsertFacts_SameRowsAsBefore) }

func testInsertFacts_SameRowsAsBefore(t *testing.T, e engine) {
	ctx := context.Background()
	topic, items := seedTopic(t)

	got := MustOpenDB(t, e)
	mustPutTopic(t, got, topic)
	if _, err := got.SaveArticles(ctx, topic, items); err != nil {
		t.Fatal(err)
	}

	// The reference stores the same articles without facts, then their
	// facts article by article with the old insert, so ids come in the
	// same order.
	want := MustOpenDB(t, e)
	mustPutTopic(t, want, topic)
	bare := make([]ArticleFacts, len(items))
	for i, it := range items {
		bare[i] = ArticleFacts{Article: it.Article}
	}
	if _, err := want.SaveArticles(ctx, topic, bare); err != nil {
		t.Fatal(err)
	}
	tx, err := want.begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	for _, it := range items {
		rowid, err := currentRowid(ctx, tx, topic, it.Article.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := referenceInsertFacts(ctx, tx, rowid, it.Article.Text, it.Facts); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}

	wantRows, gotRows := factRows(t, want), factRows(t, got)
	nfacts := 0
	for _, it := range items {
		nfacts += len(it.Facts)
	}
	if len(wantRows) != nfacts {
		t.Fatalf("reference stored %d facts, want %d", len(wantRows), nfacts)
	}
	if diff := cmp.Diff(wantRows, gotRows); diff != "" {
		t.Errorf("facts rows (-reference +saved):\n%s", diff)
	}
}

// TestInsertFacts_TextJSONCannotCarry: a fact whose text is invalid UTF-8
// or holds a NUL skips the JSON insert. SQLite stores it byte for byte;
// PostgreSQL refuses it as invalid input, as it always did, with nothing
// written.
func TestInsertFacts_TextJSONCannotCarry(t *testing.T) {
	eachEngine(t, testInsertFacts_TextJSONCannotCarry)
}

func testInsertFacts_TextJSONCannotCarry(t *testing.T, e engine) {
	ctx := context.Background()
	for _, s := range []string{"caf\xe9 \xff", "a\x00b"} {
		t.Run(fmt.Sprintf("%q", s), func(t *testing.T) {
			db := MustOpenDB(t, e)
			mustPutTopic(t, db, "t")
			fs := []facts.Fact{fullFact("before", 1), fullFact("odd", 2), fullFact("after", 3)}
			fs[1].Value, fs[1].Sentence = s, s
			_, err := db.SaveArticle(ctx, "t", fullArticle("a", "h"), fs)
			if e == postgresEngine {
				if ErrorCode(err) != EINVALID {
					t.Fatalf("SaveArticle = %v, want code %s", err, EINVALID)
				}
				if n := count(t, db, `SELECT COUNT(*) FROM articles`) + count(t, db, `SELECT COUNT(*) FROM facts`); n != 0 {
					t.Errorf("%d rows written", n)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(owned("t", "a", fs...), mustFacts(t, db, "t")); diff != "" {
				t.Errorf("facts (-saved +read):\n%s", diff)
			}
		})
	}
}

func TestAppendFactsJSON(t *testing.T) {
	f := facts.Fact{Slot: "s\"\\", Kind: "k", Value: "a\nb\tc\r\x01\x1f\u2028é🇸🇾", Span: facts.Span{Start: 3, End: 12},
		SentenceSpan: facts.Span{End: 40}, Negated: true, Extractor: "x/v1"}
	// The third fact's sentence is the text's "Sentence." and is left
	// out, flagged 1.
	text := "One. Sentence. Two."
	inText := facts.Fact{Slot: "c", Sentence: "Sentence.", SentenceSpan: facts.Span{Start: 5, End: 14}}
	got, ok := appendFactsJSON(nil, text, []facts.Fact{f, {Slot: "b"}, inText})
	want := `[["s\"\\","k","a\nb\tc\r\u0001\u001f` + "\u2028é🇸🇾" + `","",3,12,"",0,40,"","","",1,0,"x/v1","",0],` +
		`["b","","","",0,0,"",0,0,"","","",0,0,"","",0],` +
		`["c","","","",0,0,"",5,14,"","","",0,0,"","",1]]`
	if !ok || string(got) != want {
		t.Errorf("appendFactsJSON = %s, %v\nwant %s", got, ok, want)
	}
	for _, bad := range []string{"\xff", "a\x00"} {
		if _, ok := appendFactsJSON(nil, "", []facts.Fact{{Slot: "s", Label: bad}}); ok {
			t.Errorf("appendFactsJSON accepted %q", bad)
		}
	}
}

// TestInsertFacts_RefusedRowWritesNothing: a fact the schema refuses (an
// end before its start) in the second INSERT of an article's facts fails
// the whole save with an error naming those facts, and leaves no article,
// fact or change behind. In SQLite the facts go through the driver's
// query path (see rawExec), whose error comes from the statement's first
// step; this holds that it is not lost there.
func TestInsertFacts_RefusedRowWritesNothing(t *testing.T) {
	eachEngine(t, testInsertFacts_RefusedRowWritesNothing)
}

func testInsertFacts_RefusedRowWritesNothing(t *testing.T, e engine) {
	ctx := context.Background()
	db := MustOpenDB(t, e)
	mustPutTopic(t, db, "t")
	var fs []facts.Fact
	for i := range factsPerInsert + 10 {
		fs = append(fs, fullFact(fmt.Sprintf("slot:%02d", i), i))
	}
	fs[factsPerInsert+5].Span = facts.Span{Start: 9, End: 3}
	items := []ArticleFacts{
		{Article: facts.Article{ID: "fine", Hash: "h1"}, Facts: fs[:3]},
		{Article: facts.Article{ID: "refused", Hash: "h2"}, Facts: fs},
	}
	_, err := db.SaveArticles(ctx, "t", items)
	if err == nil {
		t.Fatal("SaveArticles stored a fact whose end is before its start")
	}
	// SQLite names the INSERT of 50 facts that failed; PostgreSQL takes
	// an article's facts in one statement.
	want := fmt.Sprintf(`save article "t"/"refused": insert facts %d–%d`, factsPerInsert, len(fs)-1)
	if e == postgresEngine {
		want = fmt.Sprintf(`save article "t"/"refused": insert %d facts`, len(fs))
	}
	if msg := err.Error(); !strings.Contains(msg, want) || !strings.Contains(strings.ToLower(msg), "check constraint") {
		t.Errorf("error %q does not say %q and the check constraint", msg, want)
	}
	for _, q := range []string{
		`SELECT COUNT(*) FROM articles`,
		`SELECT COUNT(*) FROM facts`,
		`SELECT COUNT(*) FROM changes WHERE kind <> 'topic'`,
	} {
		if n := count(t, db, q); n != 0 {
			t.Errorf("%s: %d after a failed save, want 0", q, n)
		}
	}
	// The store goes on: the connection and its cached statement are
	// usable for the next save.
	if _, err := db.SaveArticles(ctx, "t", items[:1]); err != nil {
		t.Fatalf("next save: %v", err)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM facts`); n != 3 {
		t.Errorf("facts after the next save: %d, want 3", n)
	}
}

// TestRawExec_RefusesRows: rawExec runs a statement only to its first
// step, so one that returns rows is an error rather than half-run.
func TestRawExec_RefusesRows(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t, sqliteEngine)
	tx, err := db.begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	ok, err := tx.rawExec(ctx, `SELECT 1`, nil)
	if !ok || err == nil || !strings.Contains(err.Error(), "returns rows") {
		t.Errorf("rawExec(SELECT 1) = %v, %v; want true and a 'returns rows' error", ok, err)
	}
	if ok, err := tx.rawExec(ctx, `INSERT INTO topics (id, hash, created_at, updated_at) VALUES (?, 'h', 'now', 'now')`,
		[]driver.NamedValue{{Ordinal: 1, Value: "x"}}); !ok || err != nil {
		t.Fatalf("rawExec(INSERT) = %v, %v; want true, nil", ok, err)
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM topics WHERE id = 'x'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("inserted topic rows: %d, %v; want 1", n, err)
	}
}
