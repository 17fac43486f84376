package compare

import (
	"os"
	"path/filepath"
	"testing"
)

// caravanDir is the caravan story in ../shared/corpus beside the
// repository: real articles, which are not ours to copy into it (our topic
// file for them is testdata/caravan/topic.yaml). Without the corpus the
// test skips, and fails under CI=true, where it must be present.
func caravanDir(t testing.TB) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root := wd
	for {
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			break
		}
		if up := filepath.Dir(root); up != root {
			root = up
			continue
		}
		t.Fatalf("no go.mod above %s", wd)
	}
	dir := filepath.Join(filepath.Dir(root), "shared", "corpus", "2018-04-29-migrant-caravan-reaches-border")
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no corpus story at %s (../shared/corpus beside the repository), which CI=true requires", dir)
		}
		t.Skipf("no corpus story at %s (../shared/corpus beside the repository): skipped", dir)
	}
	return dir
}
