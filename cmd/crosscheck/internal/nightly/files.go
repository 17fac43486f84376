package nightly

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// WriteFileAtomic writes path through a temporary file in the same folder
// and renames it into place, so a failed run never leaves half a report.
func WriteFileAtomic(path string, write func(*os.File) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func exists(path string) bool { _, err := os.Stat(path); return err == nil }

// removeStaleTemps removes the temporary files WriteFileAtomic leaves
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
