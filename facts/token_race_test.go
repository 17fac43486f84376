package facts

import (
	"sync"
	"testing"
)

// TestFoldConcurrent: Fold is called from parallel extraction workers;
// run with -race, it must neither race nor panic.
func TestFoldConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				if got := Fold("Tartús, Ḥamāh and Qāmishlī — «naïve» café"); got != "tartus, hamah and qamishli — «naive» cafe" {
					t.Errorf("Fold = %q", got)
					return
				}
			}
		}()
	}
	wg.Wait()
}
