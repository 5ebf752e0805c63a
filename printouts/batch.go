package printouts

import "runtime"

// InOrder makes n things, build(0) … build(n-1), on up to workers goroutines
// (workers < 1: GOMAXPROCS), and hands each to use in order on the calling
// goroutine as soon as it and all before it are made. At most 2×workers
// things are made and not yet used at any moment, so memory stays bounded
// however large n is. build must be safe to call concurrently (a Printer's
// documents are); use is never called concurrently.
//
// A session's letters are laid out this way on every core and still
// written, recorded and numbered in agenda order.
func InOrder[T any](n, workers int, build func(i int) T, use func(i int, v T)) {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	if workers <= 1 {
		for i := range n {
			use(i, build(i))
		}
		return
	}
	window := 2 * workers
	// slots[i%window] carries thing i: thing i+window is started only
	// once thing i is used, so a slot never holds two.
	slots := make([]chan T, window)
	for i := range slots {
		slots[i] = make(chan T, 1)
	}
	free := make(chan struct{}, window) // one token per thing made and not yet used
	jobs := make(chan int)
	done := make(chan struct{})
	defer close(done)
	go func() {
		defer close(jobs)
		for i := range n {
			select {
			case free <- struct{}{}:
			case <-done: // use panicked: stop feeding
				return
			}
			select {
			case jobs <- i:
			case <-done:
				return
			}
		}
	}()
	for range workers {
		go func() {
			for i := range jobs {
				slots[i%window] <- build(i)
			}
		}()
	}
	for i := range n {
		use(i, <-slots[i%window])
		<-free
	}
}
