package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// RunError is one file a run could not process, and why.
type RunError struct {
	File    string
	Message string
}

// RunResult is how a run ended, as passed to FinishRun.
type RunResult struct {
	// Status is a short word such as "ok" or "failed"; it must be set.
	Status string
	// Seen, New, Changed and Unchanged count the articles the run read and
	// what SaveArticle did with them.
	Seen, New, Changed, Unchanged int
	Errors                        []RunError
}

// RunRecord is a run as stored.
type RunRecord struct {
	ID      int64
	Command string
	// Version is the crosscheck version that ran.
	Version   string
	StartedAt time.Time
	// FinishedAt is zero while the run has not finished.
	FinishedAt time.Time
	// Status is "running" until FinishRun sets it.
	Status                        string
	Seen, New, Changed, Unchanged int
	Errors                        []RunError
}

// runningStatus is the status of a run that was started and not finished:
// still going, or killed before it could say how it ended.
const runningStatus = "running"

// StartRun records the start of a run of command by crosscheck version
// version and returns its id, for FinishRun.
func (db *DB) StartRun(ctx context.Context, command, version string) (int64, error) {
	tx, err := db.begin(ctx)
	if err != nil {
		return 0, wrap(err, "start run")
	}
	defer tx.Rollback()
	var id int64
	if err := tx.QueryRowContext(ctx, `
		INSERT INTO runs (command, version, started_at, status) VALUES (?, ?, ?, ?)
		RETURNING id`,
		command, version, formatTime(db.now()), runningStatus).Scan(&id); err != nil {
		return 0, wrap(err, "start run")
	}
	if err := tx.Commit(); err != nil {
		return 0, wrap(err, "start run: commit")
	}
	return id, nil
}

// FinishRun records how run id ended. A run can be finished once; a second
// call is an ECONFLICT error, an unknown id an ENOTFOUND error.
func (db *DB) FinishRun(ctx context.Context, id int64, r RunResult) error {
	if r.Status == "" {
		return errorf(EINVALID, "finish run %d: empty status", id)
	}
	tx, err := db.begin(ctx)
	if err != nil {
		return wrap(err, "finish run %d", id)
	}
	defer tx.Rollback()
	if err := db.finishRun(ctx, tx, id, r); err != nil {
		return wrap(err, "finish run %d", id)
	}
	if err := tx.Commit(); err != nil {
		return wrap(err, "finish run %d: commit", id)
	}
	return nil
}

func (db *DB) finishRun(ctx context.Context, tx *txn, id int64, r RunResult) error {
	res, err := tx.ExecContext(ctx, `
		UPDATE runs SET finished_at = ?, status = ?, articles_seen = ?, articles_new = ?,
			articles_changed = ?, articles_unchanged = ?, errors = ?
		WHERE id = ? AND finished_at IS NULL`,
		formatTime(db.now()), r.Status, r.Seen, r.New, r.Changed, r.Unchanged, len(r.Errors), id)
	if err != nil {
		return wrap(err, "update")
	}
	n, err := res.RowsAffected()
	if err != nil {
		return wrap(err, "update")
	}
	if n == 0 {
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM runs WHERE id = ?`, id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return errorf(ENOTFOUND, "run %d not found", id)
		}
		if err != nil {
			return wrap(err, "look up")
		}
		return errorf(ECONFLICT, "run %d already finished", id)
	}
	for _, e := range r.Errors {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO run_errors (run_id, file, message) VALUES (?, ?, ?)`,
			id, e.File, e.Message); err != nil {
			return wrap(err, "insert error for %s", e.File)
		}
	}
	return nil
}

// Runs returns the latest runs, newest first; limit <= 0 means all.
func (db *DB) Runs(ctx context.Context, limit int) ([]RunRecord, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, wrap(err, "list runs")
	}
	defer tx.Rollback()
	runs, err := listRuns(ctx, tx, limit)
	if err != nil {
		return nil, wrap(err, "list runs")
	}
	return runs, nil
}

func listRuns(ctx context.Context, tx *txn, limit int) ([]RunRecord, error) {
	// Ids grow with time and, unlike timestamps, never tie.
	query := `
		SELECT id, command, version, started_at, finished_at, status,
			articles_seen, articles_new, articles_changed, articles_unchanged
		FROM runs ORDER BY id DESC`
	var args []any
	if limit > 0 {
		// No LIMIT at all for "all": the engines disagree on how to say
		// "no limit" (-1 in SQLite, NULL or ALL in PostgreSQL).
		query += ` LIMIT ?`
		args = append(args, limit)
	}
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, wrap(err, "query")
	}
	defer rows.Close()
	var out []RunRecord
	for rows.Next() {
		var (
			r        RunRecord
			started  string
			finished sql.NullString
		)
		if err := rows.Scan(&r.ID, &r.Command, &r.Version, &started, &finished, &r.Status,
			&r.Seen, &r.New, &r.Changed, &r.Unchanged); err != nil {
			return nil, wrap(err, "scan")
		}
		if r.StartedAt, err = parseTime(started); err != nil {
			return nil, err
		}
		if finished.Valid {
			if r.FinishedAt, err = parseTime(finished.String); err != nil {
				return nil, err
			}
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, wrap(err, "query")
	}
	rows.Close()

	for i := range out {
		if out[i].Errors, err = runErrors(ctx, tx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func runErrors(ctx context.Context, tx *txn, id int64) ([]RunError, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT file, message FROM run_errors WHERE run_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, wrap(err, "errors of run %d", id)
	}
	defer rows.Close()
	var out []RunError
	for rows.Next() {
		var e RunError
		if err := rows.Scan(&e.File, &e.Message); err != nil {
			return nil, wrap(err, "errors of run %d", id)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, wrap(err, "errors of run %d", id)
	}
	return out, nil
}
