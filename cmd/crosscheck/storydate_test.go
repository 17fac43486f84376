package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck-news/crosscheck/compare"
)

// An undated article is read against the story's date, which its dated
// articles give: its "on Tuesday" is their Tuesday.
func TestCheckUndatedArticleTakesStoryDate(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"01_herald.txt": "Harbour Trust votes to cap ferry fees\n\nPosted on March 11, 2026\n\n" +
			"The Harbour Trust voted on Tuesday to cap ferry fees at Port Alder, chair Ann Roe said.\n",
		"02_post.txt": "Port Alder ferry fees capped\n\n" +
			"The Harbour Trust voted on Tuesday to cap ferry fees at Port Alder after a long debate.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, stderr, code := run(t, "", "check", dir, "--format", "json")
	if code != 0 {
		t.Fatalf("check: code %d, stderr %s", code, stderr)
	}
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
