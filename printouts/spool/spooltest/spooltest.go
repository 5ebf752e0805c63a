// Package spooltest holds what the tests of printing to files share: the
// spool's own and those of the screens that print. It is for tests only.
package spooltest

import (
	"bytes"
	"os"
	"testing"
)

// MustPDF fails unless path is a PDF readable by its owner only.
func MustPDF(tb testing.TB, path string) {
	tb.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		tb.Fatalf("no file printed: %v", err)
	}
	if fi.Mode().Perm() != 0o600 {
		tb.Errorf("%s: mode %v, want 0600", path, fi.Mode().Perm())
	}
	data, _ := os.ReadFile(path)
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		tb.Fatalf("%s is not a PDF: %.20q", path, data)
	}
}
