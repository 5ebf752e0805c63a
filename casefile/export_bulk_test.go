package casefile

// SetBulkRunSize sets the size of a bulk load's runs for a test and
// returns the function that restores it.
func SetBulkRunSize(n int) func() {
	old := bulkRunSize
	bulkRunSize = n
	return func() { bulkRunSize = old }
}
