package store

import (
	"context"
	"fmt"
	"strings"
)

// copyTables are the store's tables in an order their references allow:
// every row a row refers to is copied before it.
var copyTables = []string{"topics", "articles", "facts", "runs", "run_errors", "changes", "topic_results", "file_stamps", "verdicts"}

// identityColumns are the columns a PostgreSQL destination numbers itself;
// after rows are copied with their own numbers, its counters must start
// past them.
var identityColumns = map[string]string{
	"articles": "rowid", "facts": "id", "runs": "id", "run_errors": "id", "changes": "id", "verdicts": "id",
}

// Counts returns the number of rows of each of the store's tables.
func (db *DB) Counts(ctx context.Context) (map[string]int, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, wrap(err, "count rows")
	}
	defer tx.Rollback()
	out := map[string]int{}
	for _, t := range copyTables {
		var n int
		// t is one of copyTables, never input.
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+t).Scan(&n); err != nil {
			return nil, wrap(err, "count %s", t)
		}
		out[t] = n
	}
	return out, nil
}

// CopyTo copies every row of the store into dst, whichever engines the two
// are, keeping ids, versions, timestamps and the change log as they are, so
// that dst then answers every command as db did. dst must hold no topic
// yet. The rows are read in one transaction of db and written in one of
// dst: a failed copy leaves dst as it was. It returns the rows copied per
// table.
func (db *DB) CopyTo(ctx context.Context, dst *DB) (map[string]int, error) {
	var topics int
	if err := dst.queryRowContext(ctx, `SELECT count(*) FROM topics`).Scan(&topics); err != nil {
		return nil, wrap(err, "copy: read destination")
	}
	if topics > 0 {
		return nil, errorf(EINVALID, "copy: %s already holds %d topics; copy into an empty database", Redact(dst.path), topics)
	}
	src, err := db.beginRead(ctx)
	if err != nil {
		return nil, wrap(err, "copy: read %s", Redact(db.path))
	}
	defer src.Rollback()
	out, err := dst.begin(ctx)
	if err != nil {
		return nil, wrap(err, "copy: write %s", Redact(dst.path))
	}
	defer out.Rollback()
	counts := map[string]int{}
	for _, t := range copyTables {
		n, err := copyTable(ctx, src, out, t)
		if err != nil {
			return nil, wrap(err, "copy %s", t)
		}
		counts[t] = n
	}
	if dst.d.name == "postgres" {
		for t, col := range identityColumns {
			// Names are ours, never input; setval takes the next number past
			// the copied ones (or 1 for an empty table).
			q := fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%s', '%s'), COALESCE(MAX(%s), 0) + 1, false) FROM %s`, t, col, col, t)
			if _, err := out.ExecContext(ctx, q); err != nil {
				return nil, wrap(err, "copy: renumber %s", t)
			}
		}
	}
	if err := out.Commit(); err != nil {
		return nil, wrap(err, "copy: commit")
	}
	return counts, nil
}

// copyTable copies one table's rows, naming the columns the source has
// (both schemas have the same columns; articles' row number, which facts
// refer to, is a column "rowid" in both).
func copyTable(ctx context.Context, src, dst *txn, table string) (int, error) {
	// table is one of copyTables, never input.
	rows, err := src.QueryContext(ctx, `SELECT * FROM `+table+` ORDER BY 1`)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	types, err := rows.ColumnTypes()
	if err != nil {
		return 0, err
	}
	quoted := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = `"` + c + `"` // "end" is a keyword
	}
	ins, err := dst.PrepareContext(ctx, fmt.Sprintf(`INSERT INTO %s (%s) VALUES (%s)`,
		table, strings.Join(quoted, ", "), strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ")))
	if err != nil {
		return 0, err
	}
	defer ins.Close()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return n, err
		}
		for i, v := range vals {
			// A driver may hand text over as bytes; only the blob column
			// (a topic file's source) is bytes in both schemas.
			if b, ok := v.([]byte); ok && !isBlob(types[i].DatabaseTypeName()) {
				vals[i] = string(b)
			}
		}
		if _, err := ins.ExecContext(ctx, vals...); err != nil {
			return n, err
		}
		n++
	}
	return n, rows.Err()
}

func isBlob(typ string) bool {
	typ = strings.ToUpper(typ)
	return typ == "BLOB" || typ == "BYTEA"
}
