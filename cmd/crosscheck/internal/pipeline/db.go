package pipeline

import (
	"context"
	"fmt"

	"github.com/crosscheck-news/crosscheck/store"
)

// OpenDB opens the store at path (a SQLite file, created when it does not
// exist, or a postgres:// URL), with an error that names the database
// (its password redacted).
func OpenDB(ctx context.Context, path string) (*store.DB, error) {
	db, err := store.Open(ctx, path)
	if err != nil {
		if !store.IsPostgres(path) {
			// The SQLite store's error already begins "open database PATH".
			return nil, err
		}
		return nil, fmt.Errorf("open database %s: %w", store.Redact(path), err)
	}
	return db, nil
}
