package facts

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRecycledTokenBuffersChangeNothing: articles extracted again and
// again from several goroutines at once, each on token buffers another
// article used before (or, for a very long one, on a buffer not kept),
// give the facts they give extracted once alone (run with -race to see
// the buffers are not shared while in use).
func TestRecycledTokenBuffersChangeNothing(t *testing.T) {
	topic, _, err := LoadTopic(filepath.Join("..", "seeds", "topic.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	x, err := NewExtractor(topic)
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	var arts []Article
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, err := ParseArticle(filepath.Base(p), b)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	for _, s := range fuzzTexts {
		if a, err := ParseArticle("f.txt", []byte(s)); err == nil {
			arts = append(arts, a)
		}
	}
	// An article too long for its buffer to be kept (past maxPooledTokens).
	long := strings.Repeat(fuzzTexts[0]+"\n\n", 2000)
	if a, err := ParseArticle("long.txt", []byte(long)); err == nil {
		arts = append(arts, a)
	} else {
		t.Fatal(err)
	}
	ctx := context.Background()
	want := make([][]Fact, len(arts))
	for i := range arts {
		a := arts[i]
		if want[i], err = x.Extract(ctx, &a); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 6 {
				i := (g + round) % len(arts)
				a := arts[i]
				got, err := x.Extract(ctx, &a)
				if err != nil {
					errs <- err.Error()
					return
				}
				if diff := cmp.Diff(want[i], got); diff != "" {
					errs <- arts[i].ID + ":\n" + diff
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
}

// A token buffer given back holds no token of its article, past its
// length as well: release clears only the length, the rest having been
// cleared by the articles before.
func TestReleasedTokenBufferIsZero(t *testing.T) {
	x := NewGeneralExtractor("t").x
	texts := append([]string{strings.Repeat(fuzzTexts[0]+"\n\n", 40)}, fuzzTexts...)
	for _, s := range texts {
		a, err := ParseArticle("t.txt", []byte(s))
		if err != nil {
			continue
		}
		d := x.analyse(&a)
		bp := d.tokBuf
		d.release()
		// Read at once: the pool may hand the buffer to another
		// article, but no test of the package runs in parallel.
		buf := *bp
		for i, tk := range buf[:cap(buf)] {
			if tk != (Token{}) {
				t.Fatalf("token %d of %d (%q) left in a released buffer", i, cap(buf), tk.Text)
			}
		}
	}
}
