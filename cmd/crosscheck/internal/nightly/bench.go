package nightly

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// BenchOptions say what Bench generates and how it runs the batch: the
// bench command's flags.
type BenchOptions struct {
	// Topics and Articles are the generated inbox's size: Topics folders
	// of Articles articles; Seed makes it (the same seed, the same inbox).
	Topics, Articles int
	Seed             uint64
	// Dir is where the inbox is generated and kept; "" for a temporary
	// folder, removed.
	Dir string
	// KeepDB keeps the database and the reports (BenchFigures.DB and
	// Reports say where).
	KeepDB bool
	// CPUProfile and MemProfile are files for a CPU profile of the batch
	// runs and a heap profile after the first one; "" for none.
	CPUProfile, MemProfile string
	// Reruns is how many no-change reruns are timed after the first run.
	Reruns int
	// Workers is Options.Workers of the runs.
	Workers int
	// Version is the crosscheck version recorded with the runs.
	Version string
}

// BenchFigures are what one bench measured, for the command to print.
type BenchFigures struct {
	// Articles and InboxBytes are the generated inbox's size; Generate
	// how long writing it took.
	Articles   int
	InboxBytes int64
	Generate   time.Duration
	// First is the first run's time end to end, FirstLine its summary
	// (Result.Summary).
	First     time.Duration
	FirstLine string
	// Reruns are the no-change reruns' times, RerunLine the last one's
	// summary.
	Reruns    []time.Duration
	RerunLine string
	PeakRSS   int64 // bytes; 0 when /proc is not there
	RSSReset  bool  // the peak was reset before the batch runs
	// PeakHeap is the largest live Go heap sampled during the runs;
	// TotalAlloc and NumGC are the first run's allocations and
	// collections.
	PeakHeap   uint64
	TotalAlloc uint64
	NumGC      uint32
	// DBBytes and ReportBytes are the database's size (with its WAL) and
	// the out folder's after the runs.
	DBBytes     int64
	ReportBytes int64
	// DB and Reports are where the database and the reports were, kept
	// with BenchOptions.KeepDB and removed otherwise.
	DB, Reports string
}

// Bench generates an inbox of o.Topics folders of o.Articles articles
// (GenerateInbox), runs the real batch (Run) on it into a fresh SQLite
// database and out folder, once from scratch and o.Reruns times again
// with nothing changed, and returns what it measured. The database lives
// in a temporary folder, removed unless o.KeepDB. An o.Dir that holds
// anything but an earlier bench's inbox is an ErrUsage.
func Bench(ctx context.Context, o BenchOptions) (BenchFigures, error) {
	if o.Workers < 1 {
		o.Workers = 1
	}
	work, err := os.MkdirTemp("", "crosscheck-bench-")
	if err != nil {
		return BenchFigures{}, err
	}
	keepWork := o.KeepDB
	defer func() {
		if !keepWork {
			os.RemoveAll(work)
		}
	}()
	inbox := filepath.Join(work, "inbox")
	if o.Dir != "" {
		inbox = o.Dir
		if err := checkBenchDir(inbox); err != nil {
			return BenchFigures{}, err
		}
	}
	var fig BenchFigures
	start := time.Now()
	fig.Articles, fig.InboxBytes, err = GenerateInbox(inbox, o.Topics, o.Articles, o.Seed)
	if err != nil {
		return BenchFigures{}, fmt.Errorf("generate inbox: %w", err)
	}
	fig.Generate = time.Since(start)

	bo := Options{DB: filepath.Join(work, "bench.db"), Inbox: inbox, Out: filepath.Join(work, "out"),
		Stderr: io.Discard, LogFormat: "text", Workers: o.Workers, Version: o.Version}
	batch := func() (time.Duration, string, error) {
		t0 := time.Now()
		res, err := Run(ctx, bo)
		if err != nil {
			return time.Since(t0), "", err
		}
		return time.Since(t0), res.Summary(), res.Err()
	}

	// What generation allocated is not the batch's: free it and reset the
	// kernel's peak-RSS mark (Linux: writing 5 to clear_refs).
	runtime.GC()
	debug.FreeOSMemory()
	fig.RSSReset = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
	sampler := startHeapSampler()
	defer sampler.stop()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)

	if o.CPUProfile != "" {
		f, err := os.Create(o.CPUProfile)
		if err != nil {
			return BenchFigures{}, err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return BenchFigures{}, err
		}
		defer pprof.StopCPUProfile()
	}
	if fig.First, fig.FirstLine, err = batch(); err != nil {
		return BenchFigures{}, fmt.Errorf("first run: %w", err)
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	fig.TotalAlloc = after.TotalAlloc - before.TotalAlloc
	fig.NumGC = after.NumGC - before.NumGC
	if o.MemProfile != "" {
		if err := writeHeapProfile(o.MemProfile); err != nil {
			return BenchFigures{}, err
		}
	}
	for i := 0; i < o.Reruns; i++ {
		d, line, err := batch()
		if err != nil {
			return BenchFigures{}, fmt.Errorf("rerun %d: %w", i+1, err)
		}
		if !strings.HasPrefix(line, "nothing to do") {
			return BenchFigures{}, fmt.Errorf("rerun %d did work on an unchanged inbox: %s", i+1, line)
		}
		fig.Reruns = append(fig.Reruns, d)
		fig.RerunLine = line
	}
	if o.CPUProfile != "" {
		pprof.StopCPUProfile()
	}
	fig.PeakHeap = sampler.stop()
	fig.PeakRSS = peakRSS()
	fig.DBBytes = fileSizes(bo.DB, bo.DB+"-wal", bo.DB+"-shm")
	fig.ReportBytes = dirSize(bo.Out)
	fig.DB, fig.Reports = bo.DB, bo.Out
	return fig, nil
}

// benchMarker marks a folder bench generated, so --dir never writes into
// (or mixes its topics with) a real inbox.
const benchMarker = ".crosscheck-bench"

// checkBenchDir lets --dir be a missing or empty folder, or an earlier
// bench's inbox, which it removes.
func checkBenchDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) || err == nil && len(entries) == 0 {
		return nil
	}
	if err != nil {
		return err
	}
	if exists(filepath.Join(dir, benchMarker)) {
		return os.RemoveAll(dir) // ours, from an earlier bench: start afresh
	}
	return usagef("--dir %s is not empty and was not made by crosscheck bench", dir)
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// peakRSS reads the process's peak resident set size from /proc.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 0
}

// heapSampler records the largest live heap seen while it runs.
type heapSampler struct {
	peak atomic.Uint64
	done chan struct{}
	once sync.Once
	wg   sync.WaitGroup
}

func startHeapSampler() *heapSampler {
	h := &heapSampler{done: make(chan struct{})}
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() {
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			if v := sample[0].Value.Uint64(); v > h.peak.Load() {
				h.peak.Store(v)
			}
		}
	}
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			read()
			select {
			case <-h.done:
				return
			case <-t.C:
			}
		}
	}()
	return h
}

func (h *heapSampler) stop() uint64 {
	h.once.Do(func() { close(h.done) })
	h.wg.Wait()
	return h.peak.Load()
}

func fileSizes(paths ...string) int64 {
	var n int64
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil {
			n += st.Size()
		}
	}
	return n
}

func dirSize(dir string) int64 {
	var n int64
	_ = filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}
