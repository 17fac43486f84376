package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/crosscheck-news/crosscheck/facts"
)

// TestOpenExisting_ReadsBesideAWriter: while another connection holds the
// write lock (a batch in the middle of a transaction), a database opened
// for reading reads at once what was committed. With the write lock
// taken for reads too, it waited out the busy timeout and failed with
// "database is locked".
func TestOpenExisting_ReadsBesideAWriter(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "crosscheck.db")
	w := mustOpenPath(t, path)
	mustPutTopic(t, w, "t")
	for i := range 3 {
		a := facts.Article{ID: fmt.Sprintf("a%d", i), Hash: "h"}
		if _, err := w.SaveArticle(ctx, "t", a, []facts.Fact{{Slot: "s", Kind: facts.KindDate, Value: "2026-01-02"}}); err != nil {
			t.Fatal(err)
		}
	}

	conn, err := w.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, `ROLLBACK`)
	// An uncommitted write the reader must not see.
	if _, err := conn.ExecContext(ctx, `DELETE FROM articles WHERE article_id = 'a0'`); err != nil {
		t.Fatal(err)
	}

	r, err := OpenExisting(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	snap, err := r.TopicSnapshot(ctx, "t")
	if err != nil {
		t.Fatalf("TopicSnapshot beside a writer: %v", err)
	}
	if len(snap.Articles) != 3 || len(snap.Facts) != 3 || snap.Topic.ID != "t" {
		t.Errorf("snapshot beside a writer: %d articles, %d facts, topic %q; want the 3 committed", len(snap.Articles), len(snap.Facts), snap.Topic.ID)
	}
	if _, err := r.Topics(ctx); err != nil {
		t.Errorf("Topics beside a writer: %v", err)
	}
}
