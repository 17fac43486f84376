package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"strconv"
	"strings"
)

// dialect is what differs between the two engines the store serves. The
// store's queries are written once, in the SQL both engines accept, with
// ? placeholders; everything engine-specific (connection settings,
// migration tracking, the schema files) is chosen by the dialect, so the
// Go code that reads and writes topics, articles and facts has one path.
type dialect struct {
	// name is "sqlite" or "postgres"; it names the migrations folder.
	name string
	// numbered says placeholders are written $1, $2… (PostgreSQL) instead
	// of ? (SQLite).
	numbered bool
}

var (
	sqliteDialect   = dialect{name: "sqlite"}
	postgresDialect = dialect{name: "postgres", numbered: true}
)

// rebind rewrites the ? placeholders of query for the dialect. Question
// marks inside string literals, quoted identifiers and comments are left
// alone.
func (d dialect) rebind(query string) string {
	if !d.numbered || !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 8)
	n := 0
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case c == '\'' || c == '"':
			end := strings.IndexByte(query[i+1:], c)
			if end < 0 {
				b.WriteString(query[i:])
				return b.String()
			}
			b.WriteString(query[i : i+end+2])
			i += end + 1
		case c == '-' && i+1 < len(query) && query[i+1] == '-':
			end := strings.IndexByte(query[i:], '\n')
			if end < 0 {
				b.WriteString(query[i:])
				return b.String()
			}
			b.WriteString(query[i : i+end])
			i += end - 1
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// txn is a transaction whose queries are rebound for the dialect. It has
// only the methods the store uses, so no query can reach the driver
// without being rebound.
type txn struct {
	tx *sql.Tx
	d  dialect
	// conn is the connection tx runs on, held by SQLite transactions for
	// rawExec; nil with PostgreSQL. Commit and Rollback give it back.
	conn *sql.Conn
	// inline is set for SQLite transactions: their statements get a
	// context that cannot be cancelled (see stmtContext).
	inline bool
}

// stmtContext is the context a statement of t runs under. mattn's SQLite
// driver runs a statement under a cancellable context on a goroutine of
// its own, and fetches each row of a query on a new goroutine too, so
// that it can interrupt SQLite when the context ends; database/sql adds a
// watcher per query. For the ~10 statements of each article saved and
// every row read, that hand-off cost more than the statement. A SQLite
// transaction's statements are short, so they run inline under a context
// without cancellation, and cancellation is checked before each one
// instead: an interrupted batch stops at the next statement.
func (t *txn) stmtContext(ctx context.Context) (context.Context, error) {
	if !t.inline {
		return ctx, nil
	}
	if err := ctx.Err(); err != nil {
		return ctx, err
	}
	return context.WithoutCancel(ctx), nil
}

func (t *txn) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	ctx, err := t.stmtContext(ctx)
	if err != nil {
		return nil, err
	}
	return t.tx.ExecContext(ctx, t.d.rebind(query), args...)
}

func (t *txn) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	ctx, err := t.stmtContext(ctx)
	if err != nil {
		return nil, err
	}
	return t.tx.QueryContext(ctx, t.d.rebind(query), args...)
}

func (t *txn) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if sctx, err := t.stmtContext(ctx); err == nil {
		ctx = sctx
	} // else database/sql reports the ended context through Scan
	return t.tx.QueryRowContext(ctx, t.d.rebind(query), args...)
}

func (t *txn) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	return t.tx.PrepareContext(ctx, t.d.rebind(query))
}

func (t *txn) Commit() error {
	err := t.tx.Commit()
	t.release()
	return err
}

func (t *txn) Rollback() error {
	err := t.tx.Rollback()
	t.release()
	return err
}

// release gives the connection back to the pool once the transaction is
// over; a second call (Rollback deferred after Commit) does nothing.
func (t *txn) release() {
	if t.conn != nil {
		_ = t.conn.Close() // only ever fails as already closed
		t.conn = nil
	}
}

// rawExec runs an INSERT, UPDATE or DELETE on the transaction's SQLite
// connection straight through the driver, with arguments the caller has
// already given the driver's types (int64, string, []byte…). database/sql
// would copy every argument into a new []driver.NamedValue and pass each
// through its converter: for the ~850 values of an article's facts that
// was half of the store's allocated bytes. ok is false when the
// transaction has no connection of its own (PostgreSQL) or the driver
// lacks the interfaces; the caller then goes through database/sql.
//
// The statement goes through the driver's query path, not its exec path,
// though it returns no rows: mattn's query path copies every argument
// into one C buffer and binds them all and takes the first step (which
// runs the whole INSERT) in a single cgo call, where its exec path makes
// one cgo call per value, some 1,000 per article. That was a third of
// the store's CPU, 13 % of the nightly batch's. An error of the statement
// comes from that first step, so QueryContext returns it; Close only
// resets the statement for the next article.
func (t *txn) rawExec(ctx context.Context, query string, args []driver.NamedValue) (ok bool, err error) {
	if t.conn == nil {
		return false, nil
	}
	if ctx, err = t.stmtContext(ctx); err != nil {
		return true, err
	}
	err = t.conn.Raw(func(dc any) error {
		// The connection's own Query, not Prepare: mattn's driver keeps
		// its prepared statements (_stmt_cache_size) for the former only.
		qc, isQ := dc.(driver.QueryerContext)
		if !isQ {
			return nil
		}
		ok = true
		rows, err := qc.QueryContext(ctx, query, args)
		if err != nil {
			return err
		}
		if len(rows.Columns()) != 0 {
			// A statement that returns rows would have run only as far
			// as its first; rawExec is for those that return none.
			_ = rows.Close()
			return errorf(EINTERNAL, "rawExec: statement returns rows: %.40q", query)
		}
		return rows.Close()
	})
	return ok, err
}

// queryContext runs a read outside a transaction.
func (db *DB) queryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return db.reader().QueryContext(ctx, db.d.rebind(query), args...)
}

// queryRowContext runs a one-row read outside a transaction.
func (db *DB) queryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return db.reader().QueryRowContext(ctx, db.d.rebind(query), args...)
}
