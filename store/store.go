// Package store keeps topics, articles, their facts and a log of runs in a
// SQLite database file (the default) or a PostgreSQL database (a
// postgres:// URL). It is the only package that knows about SQL or the
// drivers; the rest of crosscheck sees facts types and coded errors.
//
// Every exported method of DB is one transaction: it either does all of
// its work or none of it. Unexported helpers take a *txn so they can be
// composed inside those transactions.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	// The driver registers itself as "sqlite3"; only this package imports
	// it so the cgo dependency stays in one place.
	_ "github.com/mattn/go-sqlite3"
)

// migrationFS holds the schema migrations of each engine, one folder per
// dialect with the same file names: both schemas move together. They are
// applied in name order, so names start with a zero-padded sequence
// number.
//
//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationFS embed.FS

// sqliteMigrations is the glob of the SQLite migrations in migrationFS.
const sqliteMigrations = "migrations/sqlite/*.sql"

// timeFormat is how timestamps are stored: UTC with a fixed number of
// fraction digits, so that text order is time order.
const timeFormat = "2006-01-02T15:04:05.000000000Z"

// DB is an open crosscheck database.
type DB struct {
	db *sql.DB
	// rdb runs the reads that need no write lock: with SQLite, its own
	// connections beside db's single writer, so that a reader (the
	// batch reading one topic's hashes or verdicts) does not wait for the
	// writer's transaction on another topic to end; WAL lets them run
	// together, each on the last committed state. With PostgreSQL, db.
	rdb  *sql.DB
	d    dialect
	path string

	// Now returns the current time. Every timestamp the store writes comes
	// from it, so tests can fix it; Open sets it to time.Now.
	Now func() time.Time
}

// Open opens the database at path, creating it and its parent folder if
// needed, and brings its schema up to date. A postgres:// or postgresql://
// URL opens that PostgreSQL database instead, creating crosscheck's tables
// in it if needed.
func Open(ctx context.Context, path string) (*DB, error) {
	return open(ctx, path, true)
}

// OpenExisting opens a crosscheck database that must already exist, for
// commands that only read: a mistyped --db path is an error, not a new
// empty database.
func OpenExisting(ctx context.Context, path string) (*DB, error) {
	return open(ctx, path, false)
}

func open(ctx context.Context, path string, create bool) (*DB, error) {
	if path == "" {
		return nil, errorf(EINVALID, "open database: empty path")
	}
	if IsPostgres(path) {
		return openPostgres(ctx, path, create)
	}
	if scheme, _, ok := strings.Cut(path, "://"); ok && !strings.ContainsAny(scheme, `/\`) {
		return nil, errorf(EINVALID, "%s is a URL crosscheck cannot open; pass a SQLite file path or a postgres:// URL to --db", Redact(path))
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, wrap(err, "open database %s", path)
	}
	info, err := os.Stat(abs)
	switch {
	case err == nil && info.IsDir():
		return nil, errorf(EINVALID, "%s is a folder, not a database file", path)
	case errors.Is(err, fs.ErrNotExist) && !create:
		return nil, errorf(ENOTFOUND, "no database at %s; 'crosscheck check' or 'ingest' creates one (or pass the right --db)", path)
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
			return nil, wrap(err, "open database %s: create folder", path)
		}
	case err != nil:
		return nil, wrap(err, "open database %s", path)
	default:
		if err := checkOurs(abs); err != nil {
			return nil, err
		}
	}

	// The settings go in the DSN rather than in a PRAGMA after opening
	// because database/sql may open more than one connection over time and
	// foreign_keys and busy_timeout are per-connection settings:
	//   - WAL lets readers (a report) run while a writer (an ingest) is
	//     committing, and makes commits cheaper.
	//   - Foreign keys are off by default in SQLite; without them the
	//     ON DELETE CASCADE clauses and the article/topic links would be
	//     decoration.
	//   - The busy timeout makes a second crosscheck process wait up to
	//     5 s for the lock instead of failing at once with SQLITE_BUSY.
	//   - Immediate transactions take the write lock when they begin (in
	//     writing commands; see below). A deferred transaction that reads
	//     and then writes can fail to upgrade its lock in WAL mode without
	//     the busy timeout helping.
	//   - synchronous=NORMAL is durable enough in WAL mode (a power cut
	//     may lose the last commits, never corrupt the file) and much
	//     faster than FULL.
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", "5000")
	q.Set("_txlock", "immediate")
	if !create {
		// The commands that open an existing database only read. An
		// immediate transaction would take the write lock for every read
		// and queue them behind a running batch's writes (and the batch
		// behind them); a deferred one reads a snapshot beside the writer,
		// as WAL allows.
		q.Set("_txlock", "deferred")
	}
	q.Set("_synchronous", "NORMAL")
	// Keep prepared statements per connection: a batch saves every article
	// through the same dozen statements, and preparing them again each
	// time was a fifth of the store's CPU (sqlite3_prepare_v2 and
	// finalize). One entry per size of the multi-row fact INSERT, plus the
	// rest.
	q.Set("_stmt_cache_size", strconv.Itoa(factsPerInsert+64))
	dsn := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs), RawQuery: q.Encode()}).String()

	sdb, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, wrap(err, "open database %s", path)
	}
	// SQLite allows one writer at a time and every exported method is a
	// write-capable transaction; one connection serialises them in this
	// process instead of having them queue on the file lock.
	sdb.SetMaxOpenConns(1)
	sdb.SetConnMaxLifetime(0)

	db := &DB{db: sdb, rdb: sdb, d: sqliteDialect, path: abs, Now: time.Now}
	if err := db.init(ctx); err != nil {
		sdb.Close()
		return nil, wrap(err, "open database %s", path)
	}
	// The readers' pool, opened once the schema is in place. Deferred
	// transactions: a read never takes the write lock.
	q.Set("_txlock", "deferred")
	rdsn := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs), RawQuery: q.Encode()}).String()
	rdb, err := sql.Open("sqlite3", rdsn)
	if err != nil {
		sdb.Close()
		return nil, wrap(err, "open database %s", path)
	}
	rdb.SetMaxOpenConns(readConns)
	rdb.SetMaxIdleConns(readConns)
	rdb.SetConnMaxLifetime(0)
	db.rdb = rdb
	return db, nil
}

// readConns is the number of SQLite connections kept for reads: one per
// pipeline stage that reads while another writes (the batch's prepare and
// report stages, a server's requests), with room to spare.
const readConns = 4

// init checks the connection settings took effect and migrates the schema.
func (db *DB) init(ctx context.Context) error {
	var fk int
	if err := db.db.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil {
		return wrap(err, "read foreign_keys")
	}
	if fk != 1 {
		// The schema's integrity rests on foreign keys; refuse to run
		// rather than silently store orphans.
		return errorf(EINTERNAL, "foreign keys are not enabled")
	}
	var version int
	if err := db.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return wrap(err, "read schema version")
	}
	if err := checkForeign(ctx, db.db, version, db.path); err != nil {
		return err
	}
	return migrate(ctx, db.db, migrationFS)
}

// Close closes the database.
func (db *DB) Close() error {
	var rerr error
	if db.rdb != nil && db.rdb != db.db {
		rerr = db.rdb.Close()
	}
	// The writer last: SQLite checkpoints the WAL into the database file
	// when its last connection closes.
	if err := errors.Join(rerr, db.db.Close()); err != nil {
		return wrap(err, "close database %s", db.path)
	}
	return nil
}

// Path returns the absolute path of the database file, or the URL of a
// PostgreSQL database without its password.
func (db *DB) Path() string { return db.path }

// migrate applies the migrations/sqlite/*.sql files of fsys that the database has
// not seen yet. PRAGMA user_version counts the migrations applied; each
// migration and the version bump share a transaction, so a failed migration
// leaves the database as it was before it.
func migrate(ctx context.Context, sdb *sql.DB, fsys fs.FS) error {
	names, err := fs.Glob(fsys, sqliteMigrations)
	if err != nil {
		return wrap(err, "list migrations")
	}
	sort.Strings(names)

	var version int
	if err := sdb.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return wrap(err, "read schema version")
	}
	if version > len(names) {
		// An older crosscheck must not write to a schema it does not know.
		return errorf(EINVALID, "database schema version %d is newer than this program's %d", version, len(names))
	}
	for i := version; i < len(names); i++ {
		if err := migrateOne(ctx, sdb, fsys, names[i], i+1); err != nil {
			return err
		}
	}
	return nil
}

// migrateOne applies one migration and sets user_version to version,
// unless another process applied it first: two crosscheck processes that
// open a new database at once (a batch creating it, a reader beside it)
// both find it unmigrated. The write lock is taken before the version is
// read again, so exactly one of them runs the script.
func migrateOne(ctx context.Context, sdb *sql.DB, fsys fs.FS, name string, version int) error {
	script, err := fs.ReadFile(fsys, name)
	if err != nil {
		return wrap(err, "read migration %s", name)
	}
	conn, err := sdb.Conn(ctx)
	if err != nil {
		return wrap(err, "migration %s: connect", name)
	}
	defer conn.Close()
	// BEGIN IMMEDIATE whatever the connection's _txlock: a deferred
	// transaction that read the version could not take the write lock
	// once another process had committed.
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		return wrap(err, "migration %s: begin", name)
	}
	committed := false
	defer func() {
		if !committed {
			// The error that stopped the migration is what counts.
			_, _ = conn.ExecContext(context.WithoutCancel(ctx), `ROLLBACK`)
		}
	}()
	var current int
	if err := conn.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&current); err != nil {
		return wrap(err, "migration %s: read schema version", name)
	}
	if current >= version {
		return nil
	}
	if _, err := conn.ExecContext(ctx, string(script)); err != nil {
		return wrap(err, "migration %s", name)
	}
	// PRAGMA takes no parameters; version is an int of our own, not input.
	if _, err := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, version)); err != nil {
		return wrap(err, "migration %s: set user_version", name)
	}
	if _, err := conn.ExecContext(ctx, `COMMIT`); err != nil {
		return wrap(err, "migration %s: commit", name)
	}
	committed = true
	return nil
}

// beginRead starts a transaction that only reads, on the readers' pool:
// its queries see one committed state and never wait for a writer.
func (db *DB) beginRead(ctx context.Context) (*txn, error) {
	if db.rdb == nil || db.rdb == db.db {
		return db.begin(ctx)
	}
	tx, err := db.rdb.BeginTx(ctx, nil)
	if err != nil {
		return nil, wrap(err, "begin transaction")
	}
	return &txn{tx: tx, d: db.d, inline: true}, nil
}

// reader is the pool for reads outside a transaction.
func (db *DB) reader() *sql.DB {
	if db.rdb == nil {
		return db.db
	}
	return db.rdb
}

// begin starts a transaction.
func (db *DB) begin(ctx context.Context) (*txn, error) {
	if db.d.numbered {
		tx, err := db.db.BeginTx(ctx, nil)
		if err != nil {
			return nil, wrap(err, "begin transaction")
		}
		return &txn{tx: tx, d: db.d}, nil
	}
	// SQLite's transactions keep hold of their connection, so that
	// insertFactsRows can reach the driver below database/sql (see
	// rawExec).
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return nil, wrap(err, "begin transaction")
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		conn.Close()
		return nil, wrap(err, "begin transaction")
	}
	return &txn{tx: tx, d: db.d, conn: conn, inline: true}, nil
}

// now returns the current time as the store records it.
func (db *DB) now() time.Time {
	if db.Now == nil {
		return time.Now().UTC()
	}
	return db.Now().UTC()
}

// formatTime renders t for storage.
func formatTime(t time.Time) string { return t.UTC().Format(timeFormat) }

// parseTime reads a stored timestamp.
func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(timeFormat, s)
	if err != nil {
		return time.Time{}, wrap(err, "parse timestamp %q", s)
	}
	return t, nil
}

// boolInt converts a bool to the 0/1 the schema stores.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// sqliteHeader opens every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// CheckFile refuses a path that holds a file other than a SQLite
// database, as Open would, without opening it: a command that makes files
// beside the database (the batch's lock) asks first, so that a mistaken
// --db leaves nothing beside someone else's file. A missing file passes.
func CheckFile(path string) error {
	if info, err := os.Stat(path); err != nil || info.IsDir() {
		return nil // Open says what is wrong with a folder or a path it cannot see
	}
	return checkOurs(path)
}

// checkOurs refuses a file that is not a SQLite database, before the
// driver would write a WAL beside it. An empty file is a database yet to
// be written.
func checkOurs(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return wrap(err, "open database %s", path)
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF || err == nil) {
		return nil
	}
	if string(head[:n]) != sqliteHeader {
		return errorf(EINVALID, "%s is not a SQLite database; pass another --db", path)
	}
	return nil
}

// checkForeign refuses a SQLite database that holds another program's
// tables and none of ours: migrating it would add crosscheck's tables to
// someone else's file.
func checkForeign(ctx context.Context, sdb *sql.DB, version int, path string) error {
	if version > 0 {
		return nil
	}
	var n int
	if err := sdb.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table'`).Scan(&n); err != nil {
		return wrap(err, "read tables")
	}
	if n > 0 {
		// Another crosscheck process (a reader beside the batch that is
		// creating the file) may have migrated it since the version was
		// read: tables and version are committed together, so a version
		// read after the tables says whether they are ours.
		if err := sdb.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
			return wrap(err, "read schema version")
		}
		if version > 0 {
			return nil
		}
		return errorf(EINVALID, "%s holds another program's tables (%d) and none of crosscheck's; pass another --db", path, n)
	}
	return nil
}
