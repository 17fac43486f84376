package store

import (
	"context"

	"github.com/crosscheck-news/crosscheck/facts"
)

// Snapshot is a topic as one moment of the database holds it: its record,
// current articles and their facts, read in one transaction.
type Snapshot struct {
	Topic    TopicRecord
	Articles []facts.Article
	Facts    []facts.Fact
}

// TopicSnapshot reads a topic's record, articles and facts in one read
// transaction. Read one by one, a batch committing between the reads
// gives an article without its facts (an omission that is not one) or
// facts of an article the list lacks. A missing topic is an ENOTFOUND
// error.
func (db *DB) TopicSnapshot(ctx context.Context, topicID string) (Snapshot, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return Snapshot{}, wrap(err, "topic %q", topicID)
	}
	// Read-only: the deferred rollback ends the transaction.
	defer tx.Rollback()
	var s Snapshot
	if s.Topic, err = findTopic(ctx, tx, topicID); err != nil {
		return Snapshot{}, wrap(err, "topic %q", topicID)
	}
	if s.Articles, err = listArticles(ctx, tx, topicID); err != nil {
		return Snapshot{}, wrap(err, "articles of %q", topicID)
	}
	if s.Facts, err = listFacts(ctx, tx, topicID); err != nil {
		return Snapshot{}, wrap(err, "facts of %q", topicID)
	}
	return s, nil
}
