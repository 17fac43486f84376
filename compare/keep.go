package compare

// keep holds a few large working buffers (tables of a megabyte or so,
// made once per topic compared) for the next comparison. A sync.Pool
// empties at every other collection, and a comparison collects more
// often than that, so the buffers would be made anew each time; these
// stay, up to keepSlots of them per kind (one per batch worker or so) and
// each no larger than keepMaxBytes (a 50-article topic's shingle table is
// 1.5 MB), so that what is kept stays a few megabytes however large a
// topic once was.
type keep[T any] struct{ free chan T }

const (
	keepSlots    = 4
	keepMaxBytes = 4 << 20
)

func newKeep[T any]() keep[T] { return keep[T]{free: make(chan T, keepSlots)} }

// get returns a kept buffer, false when there is none.
func (k keep[T]) get() (T, bool) {
	select {
	case t := <-k.free:
		return t, true
	default:
		var zero T
		return zero, false
	}
}

// put keeps t when there is room, of size bytes; a larger one is left to
// the collector.
func (k keep[T]) put(t T, size int) {
	if size > keepMaxBytes {
		return
	}
	select {
	case k.free <- t:
	default:
	}
}
