package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"github.com/crosscheck-news/crosscheck/facts"
)

// Change is one pending change of a topic: an article new, changed or
// removed, or the topic file itself changed (Kind "topic").
type Change struct {
	ID        int64
	TopicID   string
	ArticleID string
	Kind      string
	Version   int
	At        time.Time
}

// TopicResult is what a topic's last written reports said.
type TopicResult struct {
	TopicID string
	// Summary is the count of slots per status, as JSON.
	Summary json.RawMessage
	// Contradictions are the ids of the slots in contradiction.
	Contradictions []string
	// Verdicts is the count of findings by the desk's verdicts, as JSON;
	// VerdictsSeen is the latest verdict (LastVerdictID) the reports show.
	Verdicts     json.RawMessage
	VerdictsSeen int64
	UpdatedAt    time.Time
}

// logChange records a change in the transaction that makes it.
func logChange(ctx context.Context, tx *txn, topicID, articleID, kind string, version int, at time.Time) error {
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO changes (topic_id, article_id, kind, version, at) VALUES (?, ?, ?, ?, ?)`,
		topicID, articleID, kind, version, formatTime(at)); err != nil {
		return wrap(err, "log %s change of %q/%q", kind, topicID, articleID)
	}
	return nil
}

// PendingChanges returns the topic's changes not yet reported, oldest
// first.
func (db *DB) PendingChanges(ctx context.Context, topicID string) ([]Change, error) {
	rows, err := db.queryContext(ctx, `
		SELECT id, topic_id, article_id, kind, version, at FROM changes
		WHERE topic_id = ? AND reported = 0 ORDER BY id`, topicID)
	if err != nil {
		return nil, wrap(err, "pending changes of %q", topicID)
	}
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var c Change
		var at string
		if err := rows.Scan(&c.ID, &c.TopicID, &c.ArticleID, &c.Kind, &c.Version, &at); err != nil {
			return nil, wrap(err, "pending changes of %q", topicID)
		}
		if c.At, err = parseTime(at); err != nil {
			return nil, wrap(err, "pending changes of %q", topicID)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, wrap(err, "pending changes of %q", topicID)
	}
	return out, nil
}

// MarkReported records that the topic's reports now reflect every change
// up to and including id upTo, and what they said — in one transaction,
// so a run that dies before it leaves the changes pending.
func (db *DB) MarkReported(ctx context.Context, topicID string, upTo int64, r TopicResult) error {
	return db.MarkAllReported(ctx, []Reported{{TopicID: topicID, UpTo: upTo, Result: r}})
}

// Reported is a topic whose reports were written: they reflect its changes
// up to and including id UpTo, and said Result.
type Reported struct {
	TopicID string
	UpTo    int64
	Result  TopicResult
}

// MarkAllReported is MarkReported for several topics in one transaction,
// so that a batch marks every topic of the index it wrote, or none.
func (db *DB) MarkAllReported(ctx context.Context, ts []Reported) error {
	tx, err := db.begin(ctx)
	if err != nil {
		return wrap(err, "mark topics reported")
	}
	defer tx.Rollback()
	for _, t := range ts {
		if err := db.markReported(ctx, tx, t.TopicID, t.UpTo, t.Result); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return wrap(err, "mark topics reported: commit")
	}
	return nil
}

func (db *DB) markReported(ctx context.Context, tx *txn, topicID string, upTo int64, r TopicResult) error {
	if _, err := tx.ExecContext(ctx, `
		UPDATE changes SET reported = 1 WHERE topic_id = ? AND id <= ? AND reported = 0`, topicID, upTo); err != nil {
		return wrap(err, "mark %q reported", topicID)
	}
	contra, err := json.Marshal(r.Contradictions)
	if err != nil {
		return wrap(err, "mark %q reported", topicID)
	}
	if r.Contradictions == nil {
		contra = []byte("[]")
	}
	summary := r.Summary
	if len(summary) == 0 {
		summary = json.RawMessage("{}")
	}
	verdicts := r.Verdicts
	if len(verdicts) == 0 {
		verdicts = json.RawMessage("{}")
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO topic_results (topic_id, summary, contradictions, verdicts, verdicts_seen, updated_at) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (topic_id) DO UPDATE SET summary = excluded.summary,
			contradictions = excluded.contradictions, verdicts = excluded.verdicts,
			verdicts_seen = excluded.verdicts_seen, updated_at = excluded.updated_at`,
		topicID, string(summary), string(contra), string(verdicts), r.VerdictsSeen, formatTime(db.now())); err != nil {
		return wrap(err, "mark %q reported", topicID)
	}
	return nil
}

// TopicResultOf returns what the topic's last reports said; ok is false
// when no report was written yet.
func (db *DB) TopicResultOf(ctx context.Context, topicID string) (TopicResult, bool, error) {
	var (
		r                        TopicResult
		summary, contr, verdicts string
		at                       string
	)
	err := db.queryRowContext(ctx, `
		SELECT topic_id, summary, contradictions, verdicts, verdicts_seen, updated_at FROM topic_results WHERE topic_id = ?`,
		topicID).Scan(&r.TopicID, &summary, &contr, &verdicts, &r.VerdictsSeen, &at)
	if err == sql.ErrNoRows {
		return TopicResult{}, false, nil
	}
	if err != nil {
		return TopicResult{}, false, wrap(err, "result of %q", topicID)
	}
	r.Summary = json.RawMessage(summary)
	r.Verdicts = json.RawMessage(verdicts)
	if err := json.Unmarshal([]byte(contr), &r.Contradictions); err != nil {
		return TopicResult{}, false, wrap(err, "result of %q", topicID)
	}
	if r.UpdatedAt, err = parseTime(at); err != nil {
		return TopicResult{}, false, wrap(err, "result of %q", topicID)
	}
	return r, true, nil
}

// CurrentHashes maps each current article of the topic to its content
// hash, so a batch can skip unchanged files without a query per file.
func (db *DB) CurrentHashes(ctx context.Context, topicID string) (map[string]string, error) {
	rows, err := db.queryContext(ctx, `
		SELECT article_id, hash FROM articles WHERE topic_id = ? AND current = 1`, topicID)
	if err != nil {
		return nil, wrap(err, "hashes of %q", topicID)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, h string
		if err := rows.Scan(&id, &h); err != nil {
			return nil, wrap(err, "hashes of %q", topicID)
		}
		out[id] = h
	}
	if err := rows.Err(); err != nil {
		return nil, wrap(err, "hashes of %q", topicID)
	}
	return out, nil
}

// VersionFacts returns the facts stored with one version of an article,
// so a batch can say which facts an edited article changed.
func (db *DB) VersionFacts(ctx context.Context, topicID, articleID string, version int) ([]facts.Fact, error) {
	rows, err := db.queryContext(ctx, `
		SELECT f.slot, f.kind, f.value, f.surface, f.start, f."end", f.negated, f.background, f.aspect, f.attribution, f.label
		FROM facts f JOIN articles a ON a.rowid = f.article_rowid
		WHERE a.topic_id = ? AND a.article_id = ? AND a.version = ?
		ORDER BY f.start, f."end", f.slot, f.id`, topicID, articleID, version)
	if err != nil {
		return nil, wrap(err, "facts of %q/%q v%d", topicID, articleID, version)
	}
	defer rows.Close()
	var out []facts.Fact
	for rows.Next() {
		var f facts.Fact
		var kind, aspect, attribution string
		if err := rows.Scan(&f.Slot, &kind, &f.Value, &f.Surface, &f.Span.Start, &f.Span.End, &f.Negated, &f.Background, &aspect, &attribution, &f.Label); err != nil {
			return nil, wrap(err, "facts of %q/%q v%d", topicID, articleID, version)
		}
		f.Topic, f.Article = topicID, articleID
		f.Kind, f.Aspect, f.Attribution = facts.Kind(kind), facts.Aspect(aspect), facts.Attribution(attribution)
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, wrap(err, "facts of %q/%q v%d", topicID, articleID, version)
	}
	return out, nil
}
