package nightly

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

func exists(path string) bool { _, err := os.Stat(path); return err == nil }

// removeStaleTemps removes the temporary files pipeline.WriteFileAtomic leaves
// behind when a process dies between creating and renaming them
// (".index.html.123456"), those last written more than olderThan ago
// (0: all).
func removeStaleTemps(out string, olderThan time.Duration) {
	entries, err := os.ReadDir(out)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if !strings.HasPrefix(n, ".") || !e.Type().IsRegular() {
			continue
		}
		if olderThan > 0 {
			if info, err := e.Info(); err != nil || time.Since(info.ModTime()) < olderThan {
				continue
			}
		}
		for _, ext := range []string{".html.", ".md.", ".json."} {
			if strings.Contains(n, ext) {
				_ = os.Remove(filepath.Join(out, n))
				break
			}
		}
	}
}
