package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck-news/crosscheck/compare"
)

// storyFiles are a dated and an undated article on one vote.
var storyFiles = map[string]string{
	"01_herald.txt": "Harbour Trust votes to cap ferry fees\n\nPosted on March 11, 2026\n\n" +
		"The Harbour Trust voted on Tuesday to cap ferry fees at Port Alder, chair Ann Roe said.\n",
	"02_post.txt": "Port Alder ferry fees capped\n\n" +
		"The Harbour Trust voted on Tuesday to cap ferry fees at Port Alder after a long debate.\n",
}

func writeStory(t *testing.T, dir string, names ...string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(storyFiles[name]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// An undated article is read against the story's date, which its dated
// articles give: its "on Tuesday" is their Tuesday.
func TestCheckUndatedArticleTakesStoryDate(t *testing.T) {
	dir := t.TempDir()
	writeStory(t, dir, "01_herald.txt", "02_post.txt")
	out, stderr, code := run(t, "", "check", dir, "--format", "json")
	if code != 0 {
		t.Fatalf("check: code %d, stderr %s", code, stderr)
	}
	wantLedes(t, out)
}

// The story's date counts the articles already stored: an undated article
// ingested on its own after a dated one takes the story's date too.
func TestIngestUndatedArticleAfterDatedOne(t *testing.T) {
	dir := t.TempDir()
	writeStory(t, dir, "01_herald.txt", "02_post.txt")
	topic := filepath.Join(t.TempDir(), "topic.yaml")
	if err := os.WriteFile(topic, []byte("id: fees\ntitle: Ferry fees capped\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "s.db")
	for _, name := range []string{"01_herald.txt", "02_post.txt"} {
		if _, stderr, code := run(t, db, "ingest", "--topic", topic, filepath.Join(dir, name)); code != 0 {
			t.Fatalf("ingest %s: code %d, stderr %s", name, code, stderr)
		}
	}
	out, stderr, code := run(t, db, "compare", "--topic", "fees", "--format", "json")
	if code != 0 {
		t.Fatalf("compare: code %d, stderr %s", code, stderr)
	}
	wantLedes(t, out)
}

// The nightly batch reads an undated article as check does.
func TestBatchUndatedArticleTakesStoryDate(t *testing.T) {
	inbox, out := t.TempDir(), t.TempDir()
	writeStory(t, filepath.Join(inbox, "fees"), "01_herald.txt", "02_post.txt")
	if _, stderr, code := run(t, "", "batch", "--inbox", inbox, "--out", out); code != 0 {
		t.Fatalf("batch: code %d, stderr %s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(out, "fees.json"))
	if err != nil {
		t.Fatal(err)
	}
	wantLedes(t, string(data))
}

// wantLedes checks that both articles date their lede to the Tuesday
// before the dated article's March 11, 2026.
func wantLedes(t *testing.T, out string) {
	t.Helper()
	var res compare.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("decode: %v", err)
	}
	for _, s := range res.Facts {
		if s.Slot != "date:lede" {
			continue
		}
		got := map[string]string{}
		for _, v := range s.Values {
			got[v.Article] = v.Value
		}
		if got["01_herald"] != "2026-03-10" || got["02_post"] != "2026-03-10" {
			t.Errorf("date:lede values %v, want 2026-03-10 in both", got)
		}
		return
	}
	t.Errorf("no date:lede slot in %s", out)
}
