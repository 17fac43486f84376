package facts

import (
	"context"
	"reflect"
	"sync"
	"testing"
)

// TestNumberFrameOfRecycledBuffers: the frames of every number fact of
// the seeds and the corpus are the same read once, read again from
// buffers the first pass recycled, and read by four goroutines at once
// (run with -race, this also checks the pool is shared safely).
func TestNumberFrameOfRecycledBuffers(t *testing.T) {
	texts := append([]string(nil), fuzzTexts...)
	texts = append(texts, readTexts(t, "../seeds/*.txt", "../../shared/corpus/*/*.txt")...)
	x := NewGeneralExtractor("t")
	var fs []Fact
	for _, s := range texts {
		a, err := ParseArticle("t.txt", []byte(s))
		if err != nil {
			continue
		}
		got, err := x.Extract(context.Background(), &a)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range got {
			if f.Kind == KindNumber {
				fs = append(fs, f)
			}
		}
	}
	if len(fs) < 50 {
		t.Fatalf("only %d number facts: the test checks little", len(fs))
	}
	first := make([]NumberFrame, len(fs))
	for i, f := range fs {
		first[i] = NumberFrameOf(f)
	}
	framed := 0
	for i, f := range fs {
		if got := NumberFrameOf(f); !reflect.DeepEqual(got, first[i]) {
			t.Fatalf("NumberFrameOf(%q in %q) = %+v, then %+v", f.Surface, f.Sentence, first[i], got)
		}
		if first[i].Phrase != "" {
			framed++
		}
	}
	if framed < len(fs)/2 {
		t.Fatalf("only %d of %d facts framed: the test checks little", framed, len(fs))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range fs {
				k := (i + g*len(fs)/4) % len(fs)
				if got := NumberFrameOf(fs[k]); !reflect.DeepEqual(got, first[k]) {
					errs <- fs[k].Surface
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for s := range errs {
		t.Errorf("a goroutine read another frame of %q", s)
	}
}
