package discover

// SetRangeCases sets the fewest cases worth a reader of their own for a
// test, and returns the function that restores it.
func SetRangeCases(n uint64) (restore func()) {
	old := rangeCases
	rangeCases = n
	return func() { rangeCases = old }
}
