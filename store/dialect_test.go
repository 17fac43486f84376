package store

import (
	"context"
	"database/sql"
	"errors"
	"testing"
)

// TestRebind: PostgreSQL gets $1, $2… for the ? placeholders, and only for
// them: a ? in a string literal, a quoted identifier or a comment is text.
func TestRebind(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`SELECT a FROM t WHERE x = ? AND y = ?`, `SELECT a FROM t WHERE x = $1 AND y = $2`},
		{`INSERT INTO t VALUES (?, '?', ?)`, `INSERT INTO t VALUES ($1, '?', $2)`},
		{`SELECT "wh?" FROM t WHERE a = ?`, `SELECT "wh?" FROM t WHERE a = $1`},
		{`SELECT 'it''s ?' , ?`, `SELECT 'it''s ?' , $1`},
		{"SELECT ? -- why? because\nFROM t WHERE b = ?", "SELECT $1 -- why? because\nFROM t WHERE b = $2"},
		{`SELECT 'unterminated ?`, `SELECT 'unterminated ?`},
		{`SELECT ? -- no newline?`, `SELECT $1 -- no newline?`},
	} {
		if got := postgresDialect.rebind(tt.in); got != tt.want {
			t.Errorf("rebind(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := sqliteDialect.rebind(tt.in); got != tt.in {
			t.Errorf("SQLite rebind(%q) = %q, want it unchanged", tt.in, got)
		}
	}
}

// TestStmtContext checks what a SQLite transaction's statements run
// under: a context the driver cannot see end (so it runs them inline),
// and the caller's error once the caller's context has ended, before the
// statement runs. PostgreSQL's statements keep the caller's context.
func TestStmtContext(t *testing.T) {
	live, cancel := context.WithCancel(context.Background())
	defer cancel()
	ended, end := context.WithCancel(context.Background())
	end()

	sqlite := &txn{inline: true}
	ctx, err := sqlite.stmtContext(live)
	if err != nil || ctx.Done() != nil {
		t.Errorf("SQLite, live context: Done() = %v, error %v; want nil, nil", ctx.Done(), err)
	}
	if _, err := sqlite.stmtContext(ended); !errors.Is(err, context.Canceled) {
		t.Errorf("SQLite, ended context: error %v, want context.Canceled", err)
	}
	if _, err := sqlite.ExecContext(ended, `SELECT 1`); !errors.Is(err, context.Canceled) {
		t.Errorf("SQLite ExecContext, ended context: error %v, want context.Canceled", err)
	}
	if ok, err := (&txn{inline: true, conn: new(sql.Conn)}).rawExec(ended, `SELECT 1`, nil); !ok || !errors.Is(err, context.Canceled) {
		t.Errorf("SQLite rawExec, ended context: %v, %v; want true, context.Canceled", ok, err)
	}

	postgres := &txn{}
	if ctx, err := postgres.stmtContext(live); err != nil || ctx != live {
		t.Errorf("PostgreSQL: got another context (%v, %v), want the caller's", ctx, err)
	}
}
