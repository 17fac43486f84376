package store

import (
	"context"
	"slices"

	"github.com/crosscheck-news/crosscheck/facts"
)

// AddVerdict records a desk's verdict on a finding of a topic. Verdicts are
// only added, never changed: the latest on a slot counts and the earlier
// ones are its history.
func (db *DB) AddVerdict(ctx context.Context, v facts.Verdict) error {
	switch {
	case v.Slot == "" || v.Finding == "":
		return errorf(EINVALID, "verdict: no finding")
	case !slices.Contains(facts.Decisions, v.Decision):
		return errorf(EINVALID, "verdict: decision %q; want confirm, dismiss or follow-up", v.Decision)
	}
	if v.At.IsZero() {
		v.At = db.now()
	}
	tx, err := db.begin(ctx)
	if err != nil {
		return wrap(err, "add verdict")
	}
	defer tx.Rollback()
	if err := topicExists(ctx, tx, v.Topic); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO verdicts (topic_id, slot, finding, decision, note, judge, at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`,
		v.Topic, v.Slot, v.Finding, string(v.Decision), v.Note, v.By, formatTime(v.At)); err != nil {
		return wrap(err, "add verdict")
	}
	if err := tx.Commit(); err != nil {
		return wrap(err, "add verdict: commit")
	}
	return nil
}

// Verdicts returns a topic's verdicts in the order they were given.
func (db *DB) Verdicts(ctx context.Context, topicID string) ([]facts.Verdict, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, wrap(err, "verdicts of %q", topicID)
	}
	defer tx.Rollback()
	if err := topicExists(ctx, tx, topicID); err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `
		SELECT slot, finding, decision, note, judge, at FROM verdicts
		WHERE topic_id = ? ORDER BY id`, topicID)
	if err != nil {
		return nil, wrap(err, "verdicts of %q", topicID)
	}
	defer rows.Close()
	var out []facts.Verdict
	for rows.Next() {
		v := facts.Verdict{Topic: topicID}
		var decision, at string
		if err := rows.Scan(&v.Slot, &v.Finding, &decision, &v.Note, &v.By, &at); err != nil {
			return nil, wrap(err, "verdicts of %q", topicID)
		}
		v.Decision = facts.Decision(decision)
		if v.At, err = parseTime(at); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, wrap(rows.Err(), "verdicts of %q", topicID)
}

// LastVerdictID returns the id of the latest verdict on the topic, 0 when
// none: the batch reports a topic again when a verdict was given since its
// last reports (TopicResult.VerdictsSeen).
func (db *DB) LastVerdictID(ctx context.Context, topicID string) (int64, error) {
	var id int64
	err := db.queryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM verdicts WHERE topic_id = ?`, topicID).Scan(&id)
	return id, wrap(err, "verdicts of %q", topicID)
}
