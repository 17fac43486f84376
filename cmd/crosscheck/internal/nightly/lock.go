//go:build unix

package nightly

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/crosscheck-news/crosscheck/store"
)

// errBusy says another batch holds the database.
var errBusy = errors.New("another batch is running on this database")

// batchLock is an exclusive lock on a file next to a SQLite database, or
// a session advisory lock on a PostgreSQL server. The kernel drops the
// first and the server the second when the process dies, even by kill -9,
// so a crashed batch never blocks the next one.
type batchLock struct {
	f      *os.File
	server *store.ServerLock
}

// lockBatch takes the lock for the database at dbPath, waiting up to wait
// (0: not at all) for a running batch to finish.
func lockBatch(ctx context.Context, dbPath string, wait time.Duration) (*batchLock, error) {
	if store.IsPostgres(dbPath) {
		return lockServer(ctx, dbPath, wait)
	}
	// The lock file goes beside the database: not beside a file that is
	// not one, which opening the database refuses next.
	if err := store.CheckFile(dbPath); err != nil {
		return nil, err
	}
	if dir := filepath.Dir(dbPath); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("database folder: %w", err)
		}
	}
	path := dbPath + ".lock"
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	deadline := time.Now().Add(wait)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			// Say who holds it, for whoever finds the file.
			_ = f.Truncate(0)
			_, _ = f.WriteAt([]byte(fmt.Sprintf("pid %d since %s\n", os.Getpid(), time.Now().UTC().Format(time.RFC3339))), 0)
			return &batchLock{f: f}, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if time.Now().After(deadline) {
			holder := make([]byte, 80)
			n, _ := f.ReadAt(holder, 0)
			f.Close()
			return nil, fmt.Errorf("%w (%s: %s); wait for it or pass --wait DURATION", errBusy, path, trimNL(string(holder[:n])))
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// lockServer takes the batch lock of a PostgreSQL database, so that two
// batches on one server, from any machines, exclude each other as two on
// one SQLite file do, with the same messages.
func lockServer(ctx context.Context, dsn string, wait time.Duration) (*batchLock, error) {
	l, err := store.OpenServerLock(ctx, dsn, "batch")
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(wait)
	for {
		ok, holder, err := l.TryLock(ctx)
		switch {
		case err != nil:
			l.Close()
			return nil, err
		case ok:
			return &batchLock{server: l}, nil
		case time.Now().After(deadline):
			l.Close()
			return nil, fmt.Errorf("%w (%s: %s); wait for it or pass --wait DURATION", errBusy, l.Where, holder)
		}
		select {
		case <-ctx.Done():
			l.Close()
			return nil, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

func trimNL(s string) string {
	for len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == 0) {
		s = s[:len(s)-1]
	}
	if s == "" {
		return "holder unknown"
	}
	return s
}

// unlock releases the lock.
func (l *batchLock) unlock() {
	if l.server != nil {
		_ = l.server.Close()
		return
	}
	_ = syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
}
