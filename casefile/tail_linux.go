package casefile

import (
	"os"
	"syscall"
)

// fdatasync syncs f's data (and only the metadata needed to read it back).
func fdatasync(f *os.File) error { return syscall.Fdatasync(int(f.Fd())) }
