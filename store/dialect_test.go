package store

import "testing"

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
