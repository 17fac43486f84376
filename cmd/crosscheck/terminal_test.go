package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestIsTerminal: /dev/null is a character device but no terminal, so a
// batch run with 2>/dev/null draws no progress bar; files and buffers are
// no terminals either. (A real terminal needs a pty, which CI lacks.)
func TestIsTerminal(t *testing.T) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	file, err := os.Create(filepath.Join(t.TempDir(), "out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	for name, w := range map[string]interface{ Write([]byte) (int, error) }{
		os.DevNull: null,
		"a file":   file,
		"a buffer": new(bytes.Buffer),
	} {
		if isTerminal(w) {
			t.Errorf("isTerminal(%s) = true, want false", name)
		}
	}
}
