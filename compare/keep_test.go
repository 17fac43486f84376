package compare

import "testing"

// A table handed back and made again must hold nothing of its last use:
// the shingles of one topic would join the articles of the next.
func TestShingleIndexReusedEmpty(t *testing.T) {
	for round := 0; round < 3; round++ {
		ix := newShingleIndex(100)
		for h := uint64(0); h < 100; h++ {
			if v := ix.slot(h*7919 + uint64(round)); *v != 0 {
				t.Fatalf("round %d: shingle %d already holds %d", round, h, *v)
			}
			*ix.slot(h*7919 + uint64(round)) = int32(h) + 1
		}
		for h := uint64(0); h < 100; h++ {
			if v := *ix.slot(h*7919 + uint64(round)); v != int32(h)+1 {
				t.Fatalf("round %d: shingle %d holds %d, want %d", round, h, v, h+1)
			}
		}
		ix.release()
	}
	q := newQuoteScores(5)
	q.set(1, 2, 0.5, 2)
	q.release()
	q = newQuoteScores(5)
	if s, w := q.at(1, 2), q.weight(1, 2); s != 0 || w != 0 {
		t.Errorf("a kept score block holds %v, weight %v", s, w)
	}
	q.release()
}
