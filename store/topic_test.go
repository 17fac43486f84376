package store

import (
	"context"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/google/go-cmp/cmp"
)

func TestPutTopic(t *testing.T) { eachEngine(t, testPutTopic) }

func testPutTopic(t *testing.T, e engine) {
	ctx := context.Background()
	db := MustOpenDB(t, e)
	t0 := testNow
	t1 := testNow.Add(time.Hour)

	// Steps run in order against one database; each says what Topic must
	// return afterwards.
	for _, step := range []struct {
		name        string
		now         time.Time
		rec         TopicRecord
		wantChanged bool
		want        TopicRecord
	}{
		{
			name:        "new",
			now:         t0,
			rec:         TopicRecord{ID: "moscow", Title: "Talks", Hash: "h1", Source: []byte("id: moscow\n")},
			wantChanged: true,
			want:        TopicRecord{ID: "moscow", Title: "Talks", Hash: "h1", Source: []byte("id: moscow\n"), CreatedAt: t0, UpdatedAt: t0},
		},
		{
			name: "same hash is unchanged and not rewritten",
			now:  t1,
			rec:  TopicRecord{ID: "moscow", Title: "Ignored", Hash: "h1", Source: []byte("ignored")},
			want: TopicRecord{ID: "moscow", Title: "Talks", Hash: "h1", Source: []byte("id: moscow\n"), CreatedAt: t0, UpdatedAt: t0},
		},
		{
			name:        "new hash updates, keeps created_at",
			now:         t1,
			rec:         TopicRecord{ID: "moscow", Title: "Talks in Moscow", Hash: "h2", Source: []byte("id: moscow\ntitle: x\n")},
			wantChanged: true,
			want:        TopicRecord{ID: "moscow", Title: "Talks in Moscow", Hash: "h2", Source: []byte("id: moscow\ntitle: x\n"), CreatedAt: t0, UpdatedAt: t1},
		},
		{
			name: "a new folder with the same hash is recorded, not a change",
			now:  t1,
			rec:  TopicRecord{ID: "moscow", Hash: "h2", Folder: "Moscow Talks"},
			want: TopicRecord{ID: "moscow", Title: "Talks in Moscow", Hash: "h2", Source: []byte("id: moscow\ntitle: x\n"), Folder: "Moscow Talks", CreatedAt: t0, UpdatedAt: t1},
		},
		{
			name:        "a put without a folder keeps the batch's",
			now:         t1,
			rec:         TopicRecord{ID: "moscow", Title: "Talks", Hash: "h3", Source: []byte("id: moscow\n")},
			wantChanged: true,
			want:        TopicRecord{ID: "moscow", Title: "Talks", Hash: "h3", Source: []byte("id: moscow\n"), Folder: "Moscow Talks", CreatedAt: t0, UpdatedAt: t1},
		},
		{
			name:        "explicit timestamps are kept",
			now:         t1,
			rec:         TopicRecord{ID: "other", Hash: "h", CreatedAt: t0.Add(-time.Hour), UpdatedAt: t0},
			wantChanged: true,
			want:        TopicRecord{ID: "other", Hash: "h", Source: []byte{}, CreatedAt: t0.Add(-time.Hour), UpdatedAt: t0},
		},
	} {
		t.Run(step.name, func(t *testing.T) {
			db.Now = func() time.Time { return step.now }
			changed, err := db.PutTopic(ctx, step.rec)
			if err != nil {
				t.Fatal(err)
			}
			if changed != step.wantChanged {
				t.Errorf("changed = %v, want %v", changed, step.wantChanged)
			}
			got, err := db.Topic(ctx, step.rec.ID)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(step.want, got); diff != "" {
				t.Errorf("Topic mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTopicFolders: only topics the batch read from a folder are listed.
func TestTopicFolders(t *testing.T) { eachEngine(t, testTopicFolders) }

func testTopicFolders(t *testing.T, e engine) {
	ctx := context.Background()
	db := MustOpenDB(t, e)
	for _, rec := range []TopicRecord{
		{ID: "ferry", Hash: "h", Folder: "Ferry Fire"},
		{ID: "port", Hash: "h"},
		{ID: "vote", Hash: "h", Folder: "vote"},
	} {
		if _, err := db.PutTopic(ctx, rec); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.TopicFolders(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]string{"ferry": "Ferry Fire", "vote": "vote"}, got); diff != "" {
		t.Errorf("TopicFolders (-want +got):\n%s", diff)
	}
}

func TestPutTopic_Invalid(t *testing.T) { eachEngine(t, testPutTopic_Invalid) }

func testPutTopic_Invalid(t *testing.T, e engine) {
	db := MustOpenDB(t, e)
	for _, rec := range []TopicRecord{{Hash: "h"}, {ID: "x"}} {
		if _, err := db.PutTopic(context.Background(), rec); ErrorCode(err) != EINVALID {
			t.Errorf("PutTopic(%+v) error = %v, want code %s", rec, err, EINVALID)
		}
	}
}

func TestTopic_NotFound(t *testing.T) { eachEngine(t, testTopic_NotFound) }

func testTopic_NotFound(t *testing.T, e engine) {
	db := MustOpenDB(t, e)
	_, err := db.Topic(context.Background(), "missing")
	if ErrorCode(err) != ENOTFOUND {
		t.Fatalf("error = %v, want code %s", err, ENOTFOUND)
	}
}

func TestTopics(t *testing.T) { eachEngine(t, testTopics) }

func testTopics(t *testing.T, e engine) {
	ctx := context.Background()
	db := MustOpenDB(t, e)
	if got, err := db.Topics(ctx); err != nil || len(got) != 0 {
		t.Fatalf("Topics of empty store = %v, %v", got, err)
	}
	mustPutTopic(t, db, "zeta")
	mustPutTopic(t, db, "alpha")
	mustPutTopic(t, db, "empty")
	fact := func(slot string) facts.Fact {
		return facts.Fact{Slot: slot, Kind: facts.KindCount, Span: facts.Span{Start: 1, End: 2}}
	}
	mustSave(t, db, "alpha", facts.Article{ID: "a1", Hash: "1"}, []facts.Fact{fact("x"), fact("y")}, SaveResult{New, 1})
	// The old version's 3 facts must not be counted.
	mustSave(t, db, "alpha", facts.Article{ID: "a2", Hash: "1"}, []facts.Fact{fact("x"), fact("y"), fact("z")}, SaveResult{New, 1})
	mustSave(t, db, "alpha", facts.Article{ID: "a2", Hash: "2"}, []facts.Fact{fact("x")}, SaveResult{Changed, 2})
	// Removed articles are not counted.
	mustSave(t, db, "alpha", facts.Article{ID: "a3", Hash: "1"}, []facts.Fact{fact("x")}, SaveResult{New, 1})
	if err := db.RemoveArticle(ctx, "alpha", "a3"); err != nil {
		t.Fatal(err)
	}
	mustSave(t, db, "zeta", facts.Article{ID: "z1", Hash: "1"}, nil, SaveResult{New, 1})

	got, err := db.Topics(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []TopicSummary{
		{ID: "alpha", Title: "Topic alpha", Articles: 2, Facts: 3, UpdatedAt: testNow},
		{ID: "empty", Title: "Topic empty", UpdatedAt: testNow},
		{ID: "zeta", Title: "Topic zeta", Articles: 1, UpdatedAt: testNow},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Topics mismatch (-want +got):\n%s", diff)
	}
}
