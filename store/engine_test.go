package store

import (
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5/stdlib"

	"github.com/crosscheck-news/crosscheck/store/storetest"
)

// engine is a database engine the store serves; every store test that
// touches a database runs once per engine, as subtests named after it.
type engine string

const (
	sqliteEngine   engine = "sqlite"
	postgresEngine engine = "postgres"
)

// eachEngine runs test once with SQLite and once with PostgreSQL, on the
// server storetest.Env names. Without one the PostgreSQL half is skipped,
// except under CI=true where it fails: CI must test both engines.
func eachEngine(t *testing.T, test func(t *testing.T, e engine)) {
	t.Helper()
	for _, e := range []engine{sqliteEngine, postgresEngine} {
		t.Run(string(e), func(t *testing.T) {
			if e == postgresEngine {
				storetest.Admin(t)
			}
			test(t, e)
		})
	}
}

// freshLocation returns where a new, empty database of engine e lives: a
// path below a folder that does not exist yet (so Open has to create it),
// or the URL of a fresh schema on the test server.
func freshLocation(tb testing.TB, e engine) string {
	tb.Helper()
	if e == sqliteEngine {
		return filepath.Join(tb.TempDir(), "data", "crosscheck.db")
	}
	return freshSchema(tb)
}

// freshSchema is a PostgreSQL database of the test's own.
func freshSchema(tb testing.TB) string { return storetest.FreshSchema(tb) }

// rawDB opens a plain database/sql handle on a location, below the store,
// for tests that set up what the store must refuse.
func rawDB(tb testing.TB, e engine, loc string) *sql.DB {
	tb.Helper()
	var (
		sdb *sql.DB
		err error
	)
	if e == sqliteEngine {
		sdb, err = sql.Open("sqlite3", loc)
	} else {
		cfg, cerr := pgConfig(loc)
		if cerr != nil {
			tb.Fatal(cerr)
		}
		sdb = stdlib.OpenDB(*cfg)
	}
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { sdb.Close() })
	return sdb
}

// schemaVersion is the number of migrations applied, as each engine
// records it.
func schemaVersion(tb testing.TB, db *DB) int {
	tb.Helper()
	if db.d == sqliteDialect {
		return count(tb, db, `PRAGMA user_version`)
	}
	return count(tb, db, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`)
}

// tableCount counts the named tables in the database.
func tableCount(tb testing.TB, db *DB, names ...string) int {
	tb.Helper()
	n := 0
	for _, name := range names {
		if db.d == sqliteDialect {
			n += count(tb, db, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, name)
		} else {
			n += count(tb, db, `SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?`, name)
		}
	}
	return n
}
