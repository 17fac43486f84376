package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/stdlib"
)

// engine is a database engine the store serves; every store test that
// touches a database runs once per engine, as subtests named after it.
type engine string

const (
	sqliteEngine   engine = "sqlite"
	postgresEngine engine = "postgres"
)

// postgresEnv names the variable holding the DSN of a PostgreSQL server
// the tests may use (.ci/postgres.sh starts one and sets it). Each test
// gets a schema of its own in that database, dropped at the end.
const postgresEnv = "CROSSCHECK_TEST_POSTGRES"

// eachEngine runs test once with SQLite and once with PostgreSQL. Without
// a server the PostgreSQL half is skipped, except under CI=true where it
// fails: CI must test both engines.
func eachEngine(t *testing.T, test func(t *testing.T, e engine)) {
	t.Helper()
	for _, e := range []engine{sqliteEngine, postgresEngine} {
		t.Run(string(e), func(t *testing.T) {
			if e == postgresEngine {
				postgresAdmin(t)
			}
			test(t, e)
		})
	}
}

var (
	adminOnce sync.Once
	adminDB   *sql.DB
	adminErr  error
	schemaSeq atomic.Int64
)

// postgresAdmin returns a connection pool to the test server, skipping or
// failing the test when there is none.
func postgresAdmin(tb testing.TB) *sql.DB {
	tb.Helper()
	dsn := os.Getenv(postgresEnv)
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("%s is not set: CI must run the store tests against PostgreSQL (.ci/postgres.sh starts one)", postgresEnv)
		}
		tb.Skipf("%s not set; bash .ci/postgres.sh go test ./store/ runs the PostgreSQL half", postgresEnv)
	}
	adminOnce.Do(func() {
		adminDB, adminErr = sql.Open("pgx", dsn)
		if adminErr == nil {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			adminErr = adminDB.PingContext(ctx)
		}
	})
	if adminErr != nil {
		tb.Fatalf("PostgreSQL at %s: %v", Redact(dsn), adminErr)
	}
	return adminDB
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

// freshSchema creates a schema on the test server, dropped when the test
// ends, and returns the server's DSN with search_path set to it, so that
// tests stay independent of each other as SQLite's files are.
func freshSchema(tb testing.TB) string {
	tb.Helper()
	admin := postgresAdmin(tb)
	name := fmt.Sprintf("t%d_%d", os.Getpid(), schemaSeq.Add(1))
	if _, err := admin.Exec(`CREATE SCHEMA ` + name); err != nil {
		tb.Fatalf("create schema: %v", err)
	}
	tb.Cleanup(func() {
		if _, err := admin.Exec(`DROP SCHEMA ` + name + ` CASCADE`); err != nil {
			tb.Errorf("drop schema %s: %v", name, err)
		}
	})
	u, err := url.Parse(os.Getenv(postgresEnv))
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}

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
