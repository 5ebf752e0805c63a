//go:build !linux

package casefile

import "os"

// fdatasync syncs f (a full fsync where fdatasync is not offered).
func fdatasync(f *os.File) error { return f.Sync() }
