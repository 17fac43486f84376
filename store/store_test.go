package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/crosscheck-news/crosscheck/facts"
)

// testNow is the fixed time of MustOpenDB databases, so stored timestamps
// can be compared exactly.
var testNow = time.Date(2026, 3, 14, 9, 30, 0, 123456789, time.UTC)

// MustOpenDB opens a fresh database of engine e (see freshLocation), with
// Now fixed at testNow. The database is closed when the test ends.
func MustOpenDB(tb testing.TB, e engine) *DB {
	tb.Helper()
	return mustOpenPath(tb, freshLocation(tb, e))
}

func mustOpenPath(tb testing.TB, path string) *DB {
	tb.Helper()
	db, err := Open(context.Background(), path)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	db.Now = func() time.Time { return testNow }
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return db
}

// mustPutTopic stores a minimal topic.
func mustPutTopic(tb testing.TB, db *DB, id string) {
	tb.Helper()
	if _, err := db.PutTopic(context.Background(), TopicRecord{ID: id, Title: "Topic " + id, Hash: "h-" + id, Source: []byte("id: " + id)}); err != nil {
		tb.Fatalf("PutTopic(%q): %v", id, err)
	}
}

// mustSave saves an article and checks the status.
func mustSave(tb testing.TB, db *DB, topic string, a facts.Article, fs []facts.Fact, want SaveResult) {
	tb.Helper()
	got, err := db.SaveArticle(context.Background(), topic, a, fs)
	if err != nil {
		tb.Fatalf("SaveArticle(%q, %q): %v", topic, a.ID, err)
	}
	if got != want {
		tb.Fatalf("SaveArticle(%q, %q) = %+v, want %+v", topic, a.ID, got, want)
	}
}

// count runs a COUNT query on the raw database.
func count(tb testing.TB, db *DB, query string, args ...any) int {
	tb.Helper()
	var n int
	if err := db.db.QueryRow(db.d.rebind(query), args...).Scan(&n); err != nil {
		tb.Fatalf("%s: %v", query, err)
	}
	return n
}

func pragma(tb testing.TB, db *DB, name string) string {
	tb.Helper()
	var v string
	if err := db.db.QueryRow(`PRAGMA ` + name).Scan(&v); err != nil {
		tb.Fatalf("PRAGMA %s: %v", name, err)
	}
	return v
}

// TestMigrations_SameNames checks that the two engines' schemas move
// together: a migration added for one is added for the other, under the
// same name, so a schema version means the same tables on both.
func TestMigrations_SameNames(t *testing.T) {
	names := func(glob, dir string) []string {
		ms, err := fs.Glob(migrationFS, glob)
		if err != nil || len(ms) == 0 {
			t.Fatalf("no migrations in %s: %v", glob, err)
		}
		for i := range ms {
			ms[i] = strings.TrimPrefix(ms[i], dir)
		}
		return ms
	}
	sqlite, postgres := names(sqliteMigrations, "migrations/sqlite/"), names(postgresMigrations, "migrations/postgres/")
	if strings.Join(sqlite, " ") != strings.Join(postgres, " ") {
		t.Errorf("migrations differ:\nsqlite:   %v\npostgres: %v", sqlite, postgres)
	}
}

func numMigrations(tb testing.TB) int {
	tb.Helper()
	names, err := fs.Glob(migrationFS, sqliteMigrations)
	if err != nil || len(names) == 0 {
		tb.Fatalf("no migrations: %v", err)
	}
	return len(names)
}

// TestOpen_Pragmas checks SQLite's connection settings; PostgreSQL has
// none of these.
func TestOpen_Pragmas(t *testing.T) {
	db := MustOpenDB(t, sqliteEngine)
	for _, tt := range []struct{ name, want string }{
		{"journal_mode", "wal"},
		{"foreign_keys", "1"},
		{"busy_timeout", "5000"},
		{"synchronous", "1"}, // NORMAL
	} {
		if got := pragma(t, db, tt.name); got != tt.want {
			t.Errorf("PRAGMA %s = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestOpen_EmptyPath(t *testing.T) {
	if _, err := Open(context.Background(), ""); ErrorCode(err) != EINVALID {
		t.Fatalf("Open(\"\") error = %v, want code %s", err, EINVALID)
	}
}

func TestOpen_MigrationsIdempotent(t *testing.T) { eachEngine(t, testOpen_MigrationsIdempotent) }

func testOpen_MigrationsIdempotent(t *testing.T, e engine) {
	ctx := context.Background()
	path := freshLocation(t, e)
	want := numMigrations(t)

	for i := 0; i < 3; i++ {
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("Open #%d: %v", i, err)
		}
		if got := schemaVersion(t, db); got != want {
			t.Errorf("Open #%d: schema version = %d, want %d", i, got, want)
		}
		if i == 0 {
			mustPutTopic(t, db, "kept")
		}
		if _, err := db.Topic(ctx, "kept"); err != nil {
			t.Errorf("Open #%d: data lost: %v", i, err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestOpen_NewerSchemaRejected(t *testing.T) { eachEngine(t, testOpen_NewerSchemaRejected) }

func testOpen_NewerSchemaRejected(t *testing.T, e engine) {
	ctx := context.Background()
	path := freshLocation(t, e)
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	bump := `PRAGMA user_version = 99`
	if e == postgresEngine {
		bump = `INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')`
	}
	if _, err := db.db.Exec(bump); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(ctx, path); ErrorCode(err) != EINVALID {
		t.Fatalf("Open of a newer schema: error = %v, want code %s", err, EINVALID)
	}
}

func TestMigrate_FailureRollsBack(t *testing.T) { eachEngine(t, testMigrate_FailureRollsBack) }

func testMigrate_FailureRollsBack(t *testing.T, e engine) {
	ctx := context.Background()
	loc := filepath.Join(t.TempDir(), "m.db")
	dir, run := "migrations/sqlite/", migrate
	version := func(sdb *sql.DB) (v int) {
		sdb.QueryRow(`PRAGMA user_version`).Scan(&v)
		return v
	}
	tableB := `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'b'`
	if e == postgresEngine {
		loc, dir, run = freshSchema(t), "migrations/postgres/", migratePostgres
		version = func(sdb *sql.DB) (v int) {
			sdb.QueryRow(`SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
			return v
		}
		tableB = `SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'b'`
	}
	sdb := rawDB(t, e, loc)
	sdb.SetMaxOpenConns(1)
	fsys := fstest.MapFS{
		dir + "0001_a.sql": {Data: []byte(`CREATE TABLE a (x INTEGER);`)},
		dir + "0002_b.sql": {Data: []byte(`CREATE TABLE b (x INTEGER); THIS IS NOT SQL;`)},
	}
	if err := run(ctx, sdb, fsys); err == nil {
		t.Fatal("migrate with a broken migration succeeded")
	}
	var tables int
	sdb.QueryRow(tableB).Scan(&tables)
	if v := version(sdb); v != 1 || tables != 0 {
		t.Errorf("after failed migration: schema version = %d, table b count = %d; want 1, 0", v, tables)
	}

	// Fixing the migration lets the next run apply it, and only it.
	fsys[dir+"0002_b.sql"] = &fstest.MapFile{Data: []byte(`CREATE TABLE b (x INTEGER);`)}
	if err := run(ctx, sdb, fsys); err != nil {
		t.Fatalf("migrate after fix: %v", err)
	}
	if v := version(sdb); v != 2 {
		t.Errorf("schema version = %d, want 2", v)
	}
}

func TestForeignKeys(t *testing.T) { eachEngine(t, testForeignKeys) }

func testForeignKeys(t *testing.T, e engine) {
	ctx := context.Background()
	db := MustOpenDB(t, e)

	// Orphans are refused.
	for _, tt := range []struct {
		name  string
		query string
	}{
		{"article without topic", `INSERT INTO articles (topic_id, article_id, version, hash, ingested_at) VALUES ('nope', 'a', 1, 'h', 'x')`},
		{"fact without article", `INSERT INTO facts (article_rowid, slot, kind, start, "end") VALUES (4242, 's', 'date', 0, 1)`},
		{"run error without run", `INSERT INTO run_errors (run_id, file, message) VALUES (4242, 'f', 'm')`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := db.db.ExecContext(ctx, tt.query)
			if err == nil {
				t.Fatal("insert succeeded")
			}
			if got := driverCode(err); got != EINVALID {
				t.Errorf("driverCode(%v) = %s, want %s", err, got, EINVALID)
			}
		})
	}

	// Deleting a topic takes its articles and their facts with it.
	mustPutTopic(t, db, "t")
	mustSave(t, db, "t", facts.Article{ID: "a", Hash: "h1"}, []facts.Fact{{Slot: "s", Kind: facts.KindDate, Span: facts.Span{Start: 0, End: 1}}}, SaveResult{New, 1})
	mustSave(t, db, "t", facts.Article{ID: "a", Hash: "h2"}, []facts.Fact{{Slot: "s", Kind: facts.KindDate, Span: facts.Span{Start: 0, End: 1}}}, SaveResult{Changed, 2})
	if _, err := db.db.ExecContext(ctx, `DELETE FROM topics WHERE id = 't'`); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM articles`); n != 0 {
		t.Errorf("%d articles left after topic delete", n)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM facts`); n != 0 {
		t.Errorf("%d facts left after topic delete", n)
	}
}

func TestErrorCodeAndMessage(t *testing.T) {
	coded := errorf(ENOTFOUND, "topic %q not found", "x")
	cause := errors.New("disk on fire")
	for _, tt := range []struct {
		name     string
		err      error
		code     string
		message  string
		errorStr string
	}{
		{"nil", nil, "", "", ""},
		{"plain", cause, EINTERNAL, "internal error", "disk on fire"},
		{"coded", coded, ENOTFOUND, `topic "x" not found`, `topic "x" not found`},
		{"wrapped coded", wrap(coded, "articles of %q", "x"), ENOTFOUND, `topic "x" not found`, `articles of "x": topic "x" not found`},
		{"wrapped plain", wrap(cause, "save"), EINTERNAL, "save", "save: disk on fire"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := ErrorCode(tt.err); got != tt.code {
				t.Errorf("ErrorCode = %q, want %q", got, tt.code)
			}
			if got := ErrorMessage(tt.err); got != tt.message {
				t.Errorf("ErrorMessage = %q, want %q", got, tt.message)
			}
			if tt.err != nil && tt.err.Error() != tt.errorStr {
				t.Errorf("Error() = %q, want %q", tt.err.Error(), tt.errorStr)
			}
		})
	}
	if !errors.Is(wrap(context.Canceled, "save"), context.Canceled) {
		t.Error("wrap hides context.Canceled from errors.Is")
	}
}

// TestOpen_TwoHandles checks that two handles on one file, as two
// crosscheck processes would have, can write at the same time: the busy
// timeout and immediate transactions make them take turns instead of
// failing with "database is locked".
func TestOpen_TwoHandles(t *testing.T) { eachEngine(t, testOpen_TwoHandles) }

func testOpen_TwoHandles(t *testing.T, e engine) {
	path := freshLocation(t, e)
	dbs := []*DB{mustOpenPath(t, path), mustOpenPath(t, path)}
	mustPutTopic(t, dbs[0], "t")

	const perHandle = 50
	errc := make(chan error, len(dbs)*perHandle)
	for i, db := range dbs {
		go func() {
			for j := 0; j < perHandle; j++ {
				a := facts.Article{ID: fmt.Sprintf("h%d-%d", i, j), Hash: "h"}
				_, err := db.SaveArticle(context.Background(), "t", a, []facts.Fact{{Slot: "s", Kind: facts.KindDate}})
				errc <- err
			}
		}()
	}
	for range len(dbs) * perHandle {
		if err := <-errc; err != nil {
			t.Fatal(err)
		}
	}
	if got := len(mustArticles(t, dbs[1], "t")); got != len(dbs)*perHandle {
		t.Errorf("%d articles, want %d", got, len(dbs)*perHandle)
	}
}

// TestOpen_OddPath checks that characters with a meaning in URIs, which
// the DSN is, still name the file they say.
func TestOpen_OddPath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "news desk?#%20 ü")
	path := filepath.Join(dir, "cross check.db")
	db := mustOpenPath(t, path)
	mustPutTopic(t, db, "t")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database not at %s: %v", path, err)
	}
	if db.Path() != path {
		t.Errorf("Path() = %q, want %q", db.Path(), path)
	}
}

// Another program's SQLite file is refused, not given crosscheck's tables.
func TestOpenRefusesForeignDatabase(t *testing.T) { eachEngine(t, testOpenRefusesForeignDatabase) }

func testOpenRefusesForeignDatabase(t *testing.T, e engine) {
	loc := freshLocation(t, e)
	if e == sqliteEngine {
		loc = filepath.Join(t.TempDir(), "shop.db")
	}
	raw := rawDB(t, e, loc)
	if _, err := raw.Exec(`CREATE TABLE customers (id INTEGER)`); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), loc)
	if ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), "another program's tables") {
		t.Fatalf("Open = %v, want EINVALID naming another program's tables", err)
	}
	tables := `SELECT count(*) FROM sqlite_master WHERE type = 'table'`
	if e == postgresEngine {
		tables = `SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()`
	}
	var n int
	if err := raw.QueryRow(tables).Scan(&n); err != nil || n != 1 {
		t.Errorf("tables after a refused open: %d (%v), want the 1 it had", n, err)
	}
	// A database without crosscheck's schema is not an existing store: a
	// missing file, an empty schema, a database the server lacks.
	missing := []string{filepath.Join(t.TempDir(), "none.db")}
	if e == postgresEngine {
		u, _ := url.Parse(freshSchema(t))
		missing = []string{u.String()}
		u.Path = "/no_such_database"
		missing = append(missing, u.String())
	}
	for _, loc := range missing {
		if _, err := OpenExisting(context.Background(), loc); ErrorCode(err) != ENOTFOUND || !strings.Contains(ErrorMessage(err), "no database at") {
			t.Errorf("OpenExisting(%s) = %v, want ENOTFOUND: no database at", loc, err)
		}
	}
}

// TestCheckForeignStaleVersion: a database another crosscheck process
// migrated after this one read version 0 is ours, not a foreign file (a
// reader beside a batch that is creating the database).
func TestCheckForeignStaleVersion(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "d.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := checkForeign(ctx, db.db, 0, path); err != nil {
		t.Errorf("a migrated database read with a stale version 0: %v", err)
	}
}
