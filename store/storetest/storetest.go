// Package storetest gives tests a PostgreSQL database of their own on the
// test server named by CROSSCHECK_TEST_POSTGRES (.ci/postgres.sh starts one
// and sets it), so that the store's tests and the commands' end-to-end
// tests run against both engines. It lives beside store because only
// store and its helpers may import a database driver.
package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	// pgx's database/sql driver registers itself as "pgx".
	_ "github.com/jackc/pgx/v5/stdlib"
)

// Env names the variable holding the test server's DSN.
const Env = "CROSSCHECK_TEST_POSTGRES"

var (
	adminOnce sync.Once
	adminDB   *sql.DB
	adminErr  error
	schemaSeq atomic.Int64
)

// Admin returns a connection pool to the test server. Without a server the
// test is skipped, except under CI=true where it fails: CI must test both
// engines.
func Admin(tb testing.TB) *sql.DB {
	tb.Helper()
	dsn := os.Getenv(Env)
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("%s is not set: CI must run the tests against PostgreSQL too (.ci/postgres.sh starts one)", Env)
		}
		tb.Skipf("%s not set; 'bash .ci/postgres.sh go test ./...' runs the PostgreSQL half", Env)
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
		tb.Fatalf("PostgreSQL test server (%s): %v", Env, adminErr)
	}
	return adminDB
}

// FreshSchema creates a schema on the test server, dropped when the test
// ends, and returns the server's DSN with search_path set to it: a
// database of the test's own, as a temporary SQLite file is.
func FreshSchema(tb testing.TB) string {
	tb.Helper()
	admin := Admin(tb)
	name := fmt.Sprintf("t%d_%d", os.Getpid(), schemaSeq.Add(1))
	if _, err := admin.Exec(`CREATE SCHEMA ` + name); err != nil {
		tb.Fatalf("create schema: %v", err)
	}
	tb.Cleanup(func() {
		if _, err := admin.Exec(`DROP SCHEMA ` + name + ` CASCADE`); err != nil {
			tb.Errorf("drop schema %s: %v", name, err)
		}
	})
	u, err := url.Parse(os.Getenv(Env))
	if err != nil {
		tb.Fatalf("%s: %v", Env, err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}
