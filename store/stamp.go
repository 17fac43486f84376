package store

import "context"

// FileStamp is what a file looked like (size, modification time) when its
// content hash was taken.
type FileStamp struct {
	ArticleID string
	Size      int64
	MTimeNS   int64
	Hash      string
}

// FileStamps returns the topic's file stamps by article id.
func (db *DB) FileStamps(ctx context.Context, topicID string) (map[string]FileStamp, error) {
	rows, err := db.queryContext(ctx, `
		SELECT article_id, size, mtime_ns, hash FROM file_stamps WHERE topic_id = ?`, topicID)
	if err != nil {
		return nil, wrap(err, "file stamps of %q", topicID)
	}
	defer rows.Close()
	out := map[string]FileStamp{}
	for rows.Next() {
		var s FileStamp
		if err := rows.Scan(&s.ArticleID, &s.Size, &s.MTimeNS, &s.Hash); err != nil {
			return nil, wrap(err, "file stamps of %q", topicID)
		}
		out[s.ArticleID] = s
	}
	if err := rows.Err(); err != nil {
		return nil, wrap(err, "file stamps of %q", topicID)
	}
	return out, nil
}

// PutFileStamps records file stamps, in one transaction.
func (db *DB) PutFileStamps(ctx context.Context, topicID string, stamps []FileStamp) error {
	if len(stamps) == 0 {
		return nil
	}
	tx, err := db.begin(ctx)
	if err != nil {
		return wrap(err, "file stamps of %q", topicID)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `
		INSERT INTO file_stamps (topic_id, article_id, size, mtime_ns, hash) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (topic_id, article_id) DO UPDATE SET
			size = excluded.size, mtime_ns = excluded.mtime_ns, hash = excluded.hash`)
	if err != nil {
		return wrap(err, "file stamps of %q", topicID)
	}
	defer stmt.Close()
	for _, s := range stamps {
		if _, err := stmt.ExecContext(ctx, topicID, s.ArticleID, s.Size, s.MTimeNS, s.Hash); err != nil {
			return wrap(err, "file stamp %q/%q", topicID, s.ArticleID)
		}
	}
	if err := tx.Commit(); err != nil {
		return wrap(err, "file stamps of %q: commit", topicID)
	}
	return nil
}
