// Package spooltest holds what the tests of printing to files share: the
// spool's own and those of the screens that print. It is for tests only.
package spooltest

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/casefiletest"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/printouts"
)

// NeedFont skips a test that prints for lack of a Chinese font, or fails
// it under CI (CI=true), which must have one.
func NeedFont(tb testing.TB) {
	tb.Helper()
	if _, err := printouts.FindFont(""); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatal("no CJK font: apt-get install fonts-wqy-microhei")
		}
		tb.Skip("no CJK font: apt-get install fonts-wqy-microhei")
	}
}

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

// SessionPrinted fails unless the papers of session number are in dir:
// its minutes and notice list, a letter for each case decided other than
// deferred and none for a deferred one, and a print recorded in the
// history of every case on the agenda.
func SessionPrinted(tb testing.TB, st *casefile.Store, dir, number string) {
	tb.Helper()
	for _, name := range []string{number + "-minutes.pdf", number + "-notice.pdf"} {
		MustPDF(tb, filepath.Join(dir, name))
	}
	s, err := meeting.New(st).Session(number)
	if err != nil {
		tb.Fatal(err)
	}
	for _, it := range s.Agenda {
		_, err := os.Stat(filepath.Join(dir, it.Case+"-letter.pdf"))
		if letter := it.Decision.Result != casefile.StatusDeferred; letter != (err == nil) {
			tb.Errorf("%s (%s): letter printed %v", it.Case, it.Decision.Result, err == nil)
		}
		if len(casefiletest.Prints(tb, st, it.Case)) == 0 {
			tb.Errorf("%s: no print recorded", it.Case)
		}
	}
}
