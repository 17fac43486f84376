package main

import (
	"os"
	"path/filepath"
	"testing"
)

// caravanStory is the corpus story the caravan tests read, with our topic
// file testdata/caravan/topic.yaml.
const caravanStory = "2018-04-29-migrant-caravan-reaches-border"

// corpusDir is ../shared/corpus beside the repository root: the real
// stories kept out of the repository. Without it the test skips, and fails
// under CI=true, where the corpus must be present.
func corpusDir(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs(repo)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("repository root %s has no go.mod: %v", root, err)
	}
	dir := filepath.Join(filepath.Dir(root), "shared", "corpus")
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no corpus at %s (../shared/corpus beside the repository), which CI=true requires", dir)
		}
		t.Skipf("no corpus at %s (../shared/corpus beside the repository): skipped", dir)
	}
	return dir
}

// caravanDir is the caravan story's folder in the corpus.
func caravanDir(t testing.TB) string {
	t.Helper()
	return filepath.Join(corpusDir(t), caravanStory)
}

// caravanTopicFile is our topic file for the caravan story.
var caravanTopicFile = filepath.Join(repo, "testdata", "caravan", "topic.yaml")

// caravanArgs are check's arguments for the caravan story with our topic
// file.
func caravanArgs(t testing.TB) []string {
	t.Helper()
	return []string{"check", caravanDir(t), "--topic-file", caravanTopicFile}
}

// caravanInto makes dst a topic folder of the caravan story: the corpus
// folder's files and our topic file.
func caravanInto(t *testing.T, dst string) {
	t.Helper()
	copyInto(t, caravanDir(t), dst)
	b, err := os.ReadFile(caravanTopicFile)
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dst, "topic.yaml"), b)
}
