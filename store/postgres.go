package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	// pgx's database/sql driver, so that the store keeps one
	// implementation over database/sql for both engines.
	"github.com/jackc/pgx/v5/stdlib"
)

// postgresMigrations is the glob of the PostgreSQL migrations in
// migrationFS.
const postgresMigrations = "migrations/postgres/*.sql"

// IsPostgres reports whether db, a --db value, names a PostgreSQL database
// (a postgres:// or postgresql:// URL) rather than a SQLite file.
func IsPostgres(db string) bool {
	l := strings.ToLower(db)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// Redact returns a --db value fit for messages: a URL without its password;
// a file path as it is.
func Redact(dsn string) string {
	if !strings.Contains(dsn, "://") {
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		scheme, _, _ := strings.Cut(dsn, "://")
		return scheme + "://…"
	}
	return u.Redacted()
}

// pgConfig parses a postgres URL. Connections name themselves
// "crosscheck pid N" unless the URL says otherwise, so that a busy lock
// can say who holds it and a DBA can see who is connected.
func pgConfig(dsn string) (*pgx.ConnConfig, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		// pgx's message may quote the URL, password included.
		return nil, errorf(EINVALID, "%s is not a PostgreSQL URL crosscheck can use (postgres://user@host/database)", Redact(dsn))
	}
	if cfg.RuntimeParams == nil {
		cfg.RuntimeParams = map[string]string{}
	}
	if cfg.RuntimeParams["application_name"] == "" {
		cfg.RuntimeParams["application_name"] = fmt.Sprintf("crosscheck pid %d", os.Getpid())
	}
	return cfg, nil
}

// openPostgres opens the PostgreSQL database at dsn. With create false
// the database must already hold crosscheck's schema.
func openPostgres(ctx context.Context, dsn string, create bool) (*DB, error) {
	where := Redact(dsn)
	cfg, err := pgConfig(dsn)
	if err != nil {
		return nil, err
	}
	sdb := stdlib.OpenDB(*cfg)
	// A handful of connections: the store's methods are short
	// transactions, and many crosscheck processes may share one server.
	sdb.SetMaxOpenConns(4)
	sdb.SetMaxIdleConns(4)
	db := &DB{db: sdb, d: postgresDialect, path: where, Now: time.Now}
	if err := db.initPostgres(ctx, create); err != nil {
		sdb.Close()
		return nil, err
	}
	return db, nil
}

// initPostgres checks the database is crosscheck's (or empty) and
// migrates it.
func (db *DB) initPostgres(ctx context.Context, create bool) error {
	var (
		schema sql.NullString
		ours   bool
		tables int
	)
	err := db.db.QueryRowContext(ctx, `
		SELECT current_schema(),
			EXISTS (SELECT 1 FROM information_schema.tables
				WHERE table_schema = current_schema() AND table_name = 'schema_migrations'),
			(SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema())`).
		Scan(&schema, &ours, &tables)
	var pe *pgconn.PgError
	switch {
	case errors.As(err, &pe) && pe.Code == "3D000": // invalid_catalog_name
		if create {
			return errorf(ENOTFOUND, "no database at %s: the server has no such database; create it (createdb) or pass the right --db", db.path)
		}
		return errorf(ENOTFOUND, "no database at %s; 'crosscheck check' or 'ingest' creates one (or pass the right --db)", db.path)
	case err != nil && ctx.Err() == nil && !errors.As(err, &pe):
		// pgx lists each address it tried on a line of its own; the
		// user gets one line.
		return &Error{Code: EINTERNAL, Message: "connect", Err: oneLine(err)}
	case err != nil:
		return wrap(err, "connect")
	case !schema.Valid:
		return errorf(EINVALID, "%s: no schema to keep crosscheck's tables in (the search_path names none that exists)", db.path)
	case !ours && !create:
		return errorf(ENOTFOUND, "no database at %s; 'crosscheck check' or 'ingest' creates one (or pass the right --db)", db.path)
	case !ours && tables > 0:
		return errorf(EINVALID, "%s holds another program's tables (%d) and none of crosscheck's; pass another --db (another database, or a schema of its own with ?search_path=NAME)", db.path, tables)
	}
	return migratePostgres(ctx, db.db, migrationFS)
}

// migratePostgres applies the migrations/postgres/*.sql files of fsys the
// database has not seen yet. schema_migrations records each applied
// migration; a migration and its record share a transaction, and an
// advisory lock held for that transaction makes crosscheck processes that
// open one fresh database at once take turns instead of racing.
func migratePostgres(ctx context.Context, sdb *sql.DB, fsys fs.FS) error {
	names, err := fs.Glob(fsys, postgresMigrations)
	if err != nil {
		return wrap(err, "list migrations")
	}
	sort.Strings(names)
	for {
		done, err := migrateNext(ctx, sdb, fsys, names)
		if err != nil || done {
			return err
		}
	}
}

// migrateNext applies the first migration the database lacks, if any, and
// reports whether there was none left.
func migrateNext(ctx context.Context, sdb *sql.DB, fsys fs.FS, names []string) (done bool, err error) {
	tx, err := sdb.BeginTx(ctx, nil)
	if err != nil {
		return false, wrap(err, "migrate: begin")
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext('crosscheck'), hashtext('migrate ' || current_schema()))`); err != nil {
		return false, wrap(err, "migrate: lock")
	}
	if _, err := tx.ExecContext(ctx, `
		CREATE TABLE IF NOT EXISTS schema_migrations (
			version    INTEGER PRIMARY KEY,
			name       TEXT NOT NULL,
			applied_at TEXT NOT NULL
		)`); err != nil {
		return false, wrap(err, "migrate: create schema_migrations")
	}
	var version int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&version); err != nil {
		return false, wrap(err, "read schema version")
	}
	if version > len(names) {
		// An older crosscheck must not write to a schema it does not know.
		return false, errorf(EINVALID, "database schema version %d is newer than this program's %d", version, len(names))
	}
	if version == len(names) {
		return true, tx.Commit()
	}
	name := names[version]
	script, err := fs.ReadFile(fsys, name)
	if err != nil {
		return false, wrap(err, "read migration %s", name)
	}
	if _, err := tx.ExecContext(ctx, string(script)); err != nil {
		return false, wrap(err, "migration %s", name)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
		version+1, strings.TrimPrefix(name, "migrations/postgres/"), formatTime(time.Now())); err != nil {
		return false, wrap(err, "migration %s: record", name)
	}
	if err := tx.Commit(); err != nil {
		return false, wrap(err, "migration %s: commit", name)
	}
	return false, nil
}

// oneLine is err with its message on one line.
func oneLine(err error) error { return flatError{err} }

// flatError shows its cause's message with every run of white space made
// one space; errors.Is and As still see the cause.
type flatError struct{ err error }

func (e flatError) Error() string { return strings.Join(strings.Fields(e.err.Error()), " ") }
func (e flatError) Unwrap() error { return e.err }

// ServerLock is a PostgreSQL session advisory lock on its own connection,
// which two crosscheck batches on one database take to exclude each other,
// as the lock file beside a SQLite database does. The server drops it when
// the session ends, so a batch killed by kill -9 never blocks the next.
type ServerLock struct {
	sdb  *sql.DB
	conn *sql.Conn
	name string
	// Where is the database, without its password, for messages.
	Where string
}

// OpenServerLock connects to the PostgreSQL database at dsn for the lock
// called name; TryLock takes it. The lock is per database and schema, like
// crosscheck's tables.
func OpenServerLock(ctx context.Context, dsn, name string) (*ServerLock, error) {
	where := Redact(dsn)
	cfg, err := pgConfig(dsn)
	if err != nil {
		return nil, err
	}
	sdb := stdlib.OpenDB(*cfg)
	conn, err := sdb.Conn(ctx)
	if err == nil {
		err = conn.PingContext(ctx)
	}
	if err != nil {
		sdb.Close()
		return nil, wrap(oneLine(err), "lock %s", where)
	}
	return &ServerLock{sdb: sdb, conn: conn, name: name, Where: where}, nil
}

// keys are the two int4 keys of the advisory lock, as SQL: one for
// crosscheck, one for the lock's name in the current schema.
const lockKeys = `hashtext('crosscheck'), hashtext($1 || ' ' || current_schema())`

// TryLock takes the lock if no other session holds it. When one does, ok
// is false and holder says who: the holder's application name (crosscheck
// pid N), address and since when it is connected.
func (l *ServerLock) TryLock(ctx context.Context) (ok bool, holder string, err error) {
	if err := l.conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock(`+lockKeys+`)`, l.name).Scan(&ok); err != nil {
		return false, "", wrap(err, "lock %s", l.Where)
	}
	if ok {
		return true, "", nil
	}
	var (
		app, addr sql.NullString
		since     sql.NullTime
	)
	err = l.conn.QueryRowContext(ctx, `
		SELECT a.application_name, host(a.client_addr), a.backend_start
		FROM pg_locks k JOIN pg_stat_activity a ON a.pid = k.pid
		WHERE k.locktype = 'advisory' AND k.granted AND k.objsubid = 2
			AND k.classid = hashtext('crosscheck')::oid AND k.objid = hashtext($1 || ' ' || current_schema())::oid
		LIMIT 1`, l.name).Scan(&app, &addr, &since)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, "holder unknown", nil
	case err != nil:
		return false, "", wrap(err, "lock %s: holder", l.Where)
	}
	holder = app.String
	if holder == "" {
		holder = "a session"
	}
	if addr.Valid {
		holder += " from " + addr.String
	}
	if since.Valid {
		holder += " since " + since.Time.UTC().Format(time.RFC3339)
	}
	return false, holder, nil
}

// Close releases the lock, if held, and closes its connection.
func (l *ServerLock) Close() error {
	_, uerr := l.conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock(`+lockKeys+`)`, l.name)
	cerr := l.conn.Close()
	l.sdb.Close()
	if err := errors.Join(uerr, cerr); err != nil {
		return wrap(err, "unlock %s", l.Where)
	}
	return nil
}
