package store

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-news/crosscheck/facts"
)

// TestReadBesideWriter checks that reads run while a write transaction
// is open, and see the last committed state: the batch reads one topic's
// hashes and verdicts while it writes another, and with SQLite's single
// writer connection those reads used to queue behind the write. With the
// old single pool the reads below wait for the connection the open
// transaction holds, until the deadline.
func TestReadBesideWriter(t *testing.T) { eachEngine(t, testReadBesideWriter) }

func testReadBesideWriter(t *testing.T, e engine) {
	db := MustOpenDB(t, e)
	mustPutTopic(t, db, "t")
	mustSave(t, db, "t", facts.Article{ID: "a1", Hash: "h1"}, nil, SaveResult{New, 1})

	ctx := context.Background()
	tx, err := db.begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE topics SET title = 'pending' WHERE id = ?`, "t"); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET hash = 'pending' WHERE topic_id = ?`, "t"); err != nil {
		t.Fatal(err)
	}

	// A deadline turns the old behaviour (waiting for the writer's
	// connection) into an error instead of a hung test.
	rctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	rec, err := db.Topic(rctx, "t") // a read transaction
	if err != nil {
		t.Fatalf("Topic while a write is open: %v", err)
	}
	if rec.Title != "Topic t" {
		t.Errorf("Topic while a write is open: title %q, want the committed %q", rec.Title, "Topic t")
	}
	hashes, err := db.CurrentHashes(rctx, "t") // a read outside a transaction
	if err != nil {
		t.Fatalf("CurrentHashes while a write is open: %v", err)
	}
	if diff := cmp.Diff(map[string]string{"a1": "h1"}, hashes); diff != "" {
		t.Errorf("CurrentHashes while a write is open (-committed +got):\n%s", diff)
	}

	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if rec, err = db.Topic(ctx, "t"); err != nil || rec.Title != "pending" {
		t.Errorf("Topic after the commit: %q, %v; want %q", rec.Title, err, "pending")
	}
	if hashes, err = db.CurrentHashes(ctx, "t"); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]string{"a1": "pending"}, hashes); diff != "" {
		t.Errorf("CurrentHashes after the commit (-want +got):\n%s", diff)
	}
}

// TestOpen_ReaderPragmas checks that the readers' SQLite connections have
// the writer's settings, foreign keys and busy timeout included.
func TestOpen_ReaderPragmas(t *testing.T) {
	db := MustOpenDB(t, sqliteEngine)
	if db.rdb == db.db {
		t.Fatal("SQLite database without a readers' pool")
	}
	for _, tt := range []struct{ name, want string }{
		{"journal_mode", "wal"},
		{"foreign_keys", "1"},
		{"busy_timeout", "5000"},
		{"synchronous", "1"},
	} {
		var got string
		if err := db.rdb.QueryRow(`PRAGMA ` + tt.name).Scan(&got); err != nil {
			t.Fatalf("PRAGMA %s: %v", tt.name, err)
		}
		if got != tt.want {
			t.Errorf("readers' PRAGMA %s = %q, want %q", tt.name, got, tt.want)
		}
	}
}
