package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// TopicRecord is a topic as stored: the topic file's bytes and hash, so
// that a changed file can be detected and articles re-extracted from it.
type TopicRecord struct {
	ID    string
	Title string
	// Hash identifies the topic file's content, such as its hex SHA-256.
	Hash string
	// Source is the topic file as read.
	Source []byte
	// Folder is the inbox folder the batch last read the topic from (its
	// name, not its path), or "" when it was put by another command. A
	// new folder is recorded without counting as a change of the topic.
	Folder string
	// CreatedAt and UpdatedAt default to DB.Now when zero in PutTopic.
	CreatedAt time.Time
	UpdatedAt time.Time
}

// TopicSummary is a line of a topic listing.
type TopicSummary struct {
	ID    string
	Title string
	// Articles counts the topic's current articles.
	Articles int
	// Facts counts the facts of the current articles.
	Facts     int
	UpdatedAt time.Time
}

// PutTopic inserts the topic or updates it. It reports changed when the
// topic is new or its hash differs from the stored one, which is when the
// caller must re-extract the topic's articles. An unchanged topic is left
// as it is, timestamps included.
func (db *DB) PutTopic(ctx context.Context, rec TopicRecord) (changed bool, err error) {
	if rec.ID == "" {
		return false, errorf(EINVALID, "put topic: empty id")
	}
	if rec.Hash == "" {
		return false, errorf(EINVALID, "put topic %q: empty hash", rec.ID)
	}
	tx, err := db.begin(ctx)
	if err != nil {
		return false, wrap(err, "put topic %q", rec.ID)
	}
	defer tx.Rollback()
	if changed, err = db.putTopic(ctx, tx, rec); err != nil {
		return false, wrap(err, "put topic %q", rec.ID)
	}
	if err := tx.Commit(); err != nil {
		return false, wrap(err, "put topic %q: commit", rec.ID)
	}
	return changed, nil
}

func (db *DB) putTopic(ctx context.Context, tx *txn, rec TopicRecord) (bool, error) {
	now := db.now()
	if rec.CreatedAt.IsZero() {
		rec.CreatedAt = now
	}
	if rec.UpdatedAt.IsZero() {
		rec.UpdatedAt = now
	}
	// A nil Source would be stored as NULL; keep it a (possibly empty)
	// blob so Topic returns what was put.
	if rec.Source == nil {
		rec.Source = []byte{}
	}

	var hash, folder string
	err := tx.QueryRowContext(ctx, `SELECT hash, folder FROM topics WHERE id = ?`, rec.ID).Scan(&hash, &folder)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err := tx.ExecContext(ctx, `
			INSERT INTO topics (id, title, hash, source, folder, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`,
			rec.ID, rec.Title, rec.Hash, rec.Source, rec.Folder, formatTime(rec.CreatedAt), formatTime(rec.UpdatedAt))
		if err != nil {
			return false, wrap(err, "insert")
		}
		if err := logChange(ctx, tx, rec.ID, "", "topic", 0, now); err != nil {
			return false, err
		}
		return true, nil
	case err != nil:
		return false, wrap(err, "look up")
	case hash == rec.Hash:
		if rec.Folder != "" && rec.Folder != folder {
			if _, err := tx.ExecContext(ctx, `UPDATE topics SET folder = ? WHERE id = ?`, rec.Folder, rec.ID); err != nil {
				return false, wrap(err, "update folder")
			}
		}
		return false, nil
	}
	if rec.Folder == "" {
		rec.Folder = folder // check and ingest keep the batch's folder
	}
	// created_at is kept: the topic was created when it was first put.
	_, err = tx.ExecContext(ctx, `
		UPDATE topics SET title = ?, hash = ?, source = ?, folder = ?, updated_at = ?
		WHERE id = ?`,
		rec.Title, rec.Hash, rec.Source, rec.Folder, formatTime(rec.UpdatedAt), rec.ID)
	if err != nil {
		return false, wrap(err, "update")
	}
	if err := logChange(ctx, tx, rec.ID, "", "topic", 0, now); err != nil {
		return false, err
	}
	return true, nil
}

// Topic returns the topic with the given id, or an ENOTFOUND error.
func (db *DB) Topic(ctx context.Context, id string) (TopicRecord, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return TopicRecord{}, wrap(err, "topic %q", id)
	}
	defer tx.Rollback()
	rec, err := findTopic(ctx, tx, id)
	if err != nil {
		return TopicRecord{}, wrap(err, "topic %q", id)
	}
	// Read-only: the deferred rollback ends the transaction.
	return rec, nil
}

func findTopic(ctx context.Context, tx *txn, id string) (TopicRecord, error) {
	var (
		rec              TopicRecord
		created, updated string
	)
	err := tx.QueryRowContext(ctx, `
		SELECT id, title, hash, source, folder, created_at, updated_at
		FROM topics WHERE id = ?`, id).
		Scan(&rec.ID, &rec.Title, &rec.Hash, &rec.Source, &rec.Folder, &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return TopicRecord{}, errorf(ENOTFOUND, "topic %q not found", id)
	}
	if err != nil {
		return TopicRecord{}, wrap(err, "look up")
	}
	if rec.Source == nil {
		rec.Source = []byte{}
	}
	if rec.CreatedAt, err = parseTime(created); err != nil {
		return TopicRecord{}, err
	}
	if rec.UpdatedAt, err = parseTime(updated); err != nil {
		return TopicRecord{}, err
	}
	return rec, nil
}

// topicExists returns an ENOTFOUND error when the topic is absent, so that
// reads of a mistyped topic id fail instead of returning nothing.
func topicExists(ctx context.Context, tx *txn, id string) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM topics WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return errorf(ENOTFOUND, "topic %q not found", id)
	}
	if err != nil {
		return wrap(err, "look up topic %q", id)
	}
	return nil
}

// Topics lists all topics ordered by id, with counts of their current
// articles and those articles' facts.
func (db *DB) Topics(ctx context.Context) ([]TopicSummary, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, wrap(err, "list topics")
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `
		SELECT t.id, t.title, t.updated_at,
			(SELECT COUNT(*) FROM articles a
			 WHERE a.topic_id = t.id AND a.current = 1),
			(SELECT COUNT(*) FROM facts f JOIN articles a ON a.rowid = f.article_rowid
			 WHERE a.topic_id = t.id AND a.current = 1)
		FROM topics t
		ORDER BY t.id`)
	if err != nil {
		return nil, wrap(err, "list topics")
	}
	defer rows.Close()
	var out []TopicSummary
	for rows.Next() {
		var (
			s       TopicSummary
			updated string
		)
		if err := rows.Scan(&s.ID, &s.Title, &updated, &s.Articles, &s.Facts); err != nil {
			return nil, wrap(err, "list topics")
		}
		if s.UpdatedAt, err = parseTime(updated); err != nil {
			return nil, wrap(err, "list topics")
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, wrap(err, "list topics")
	}
	return out, nil
}

// TopicFolders maps each topic the batch has read to the inbox folder it
// was last read from; topics put by other commands are left out.
func (db *DB) TopicFolders(ctx context.Context) (map[string]string, error) {
	rows, err := db.queryContext(ctx, `SELECT id, folder FROM topics WHERE folder <> ''`)
	if err != nil {
		return nil, wrap(err, "topic folders")
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, folder string
		if err := rows.Scan(&id, &folder); err != nil {
			return nil, wrap(err, "topic folders")
		}
		out[id] = folder
	}
	if err := rows.Err(); err != nil {
		return nil, wrap(err, "topic folders")
	}
	return out, nil
}
