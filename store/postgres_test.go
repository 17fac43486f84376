package store

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-news/crosscheck/store/storetest"
)

// schemaOf describes a database's schema as both engines can: each table's
// columns in order, and the names of the indexes crosscheck made.
func schemaOf(tb testing.TB, db *DB) map[string][]string {
	tb.Helper()
	ctx := context.Background()
	out := map[string][]string{}
	var query string
	if db.d == sqliteDialect {
		query = `
			SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
			WHERE m.type = 'table' ORDER BY m.name, p.cid`
	} else {
		query = `
			SELECT table_name, column_name FROM information_schema.columns
			WHERE table_schema = current_schema() AND table_name <> 'schema_migrations'
			ORDER BY table_name, ordinal_position`
	}
	rows, err := db.queryContext(ctx, query)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var table, column string
		if err := rows.Scan(&table, &column); err != nil {
			tb.Fatal(err)
		}
		out[table] = append(out[table], column)
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	if db.d == sqliteDialect {
		query = `SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`
	} else {
		// Primary keys and UNIQUE constraints get indexes of their own,
		// named by the server; SQLite's are the autoindexes left out above.
		query = `
			SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()
				AND indexname NOT LIKE '%\_pkey' AND indexname NOT LIKE '%\_key'
			ORDER BY indexname`
	}
	rows, err = db.queryContext(ctx, query)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			tb.Fatal(err)
		}
		out["indexes"] = append(out["indexes"], name)
	}
	return out
}

// TestSchema_SameOnBothEngines: the migrations of the two engines build
// the same tables, with the same columns in the same order, and the same
// indexes, so that the store's one set of queries fits both and a desk's
// data can move from one to the other.
func TestSchema_SameOnBothEngines(t *testing.T) {
	sqlite := schemaOf(t, MustOpenDB(t, sqliteEngine))
	if len(sqlite) < 8 {
		t.Fatalf("SQLite schema has only %v", sqlite)
	}
	storetest.Admin(t)
	postgres := schemaOf(t, MustOpenDB(t, postgresEngine))
	if diff := cmp.Diff(sqlite, postgres); diff != "" {
		t.Errorf("schemas differ (-sqlite +postgres):\n%s", diff)
	}
}

// TestOpen_ConcurrentFirstOpen: crosscheck processes that open one new
// PostgreSQL database at the same moment (workers starting together) all
// succeed, and the migrations are applied once.
func TestOpen_ConcurrentFirstOpen(t *testing.T) {
	storetest.Admin(t)
	loc := freshLocation(t, postgresEngine)
	const n = 4
	dbs := make([]*DB, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			dbs[i], errs[i] = Open(context.Background(), loc)
		}()
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("Open #%d: %v", i, errs[i])
		}
		defer dbs[i].Close()
	}
	if got, want := count(t, dbs[0], `SELECT COUNT(*) FROM schema_migrations`), numMigrations(t); got != want {
		t.Errorf("%d migrations recorded, want %d", got, want)
	}
}

// TestServerLock: one session at a time holds a lock; the others are told
// who holds it; closing releases it; another schema (another store) has
// a lock of its own.
func TestServerLock(t *testing.T) {
	storetest.Admin(t)
	ctx := context.Background()
	loc := freshLocation(t, postgresEngine)
	open := func(loc string) *ServerLock {
		t.Helper()
		l, err := OpenServerLock(ctx, loc, "batch")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { l.Close() })
		return l
	}
	tryLock := func(l *ServerLock, want bool) string {
		t.Helper()
		ok, holder, err := l.TryLock(ctx)
		if err != nil || ok != want {
			t.Fatalf("TryLock = %v, %q, %v; want %v", ok, holder, err, want)
		}
		return holder
	}
	first, second := open(loc), open(loc)
	tryLock(first, true)
	holder := tryLock(second, false)
	if want := fmt.Sprintf("crosscheck pid %d from 127.0.0.1 since ", os.Getpid()); !strings.HasPrefix(holder, want) {
		t.Errorf("holder = %q, want prefix %q", holder, want)
	}
	tryLock(open(freshLocation(t, postgresEngine)), true)
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	tryLock(second, true)
}
