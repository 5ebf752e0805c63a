package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
)

// The check's stages and bars go to a terminal only: a file or a pipe
// that stderr is redirected to gets none of them (the old bar wrote
// "\r" redraws into logs once a check ran for half a second).
func TestCheckBarOnlyOnATerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	bar := (&app{lang: casefile.EN}).checkBar(f)
	bar.stage(casefile.T("重放日志", "replaying the journal"))
	for i := range 1000 {
		bar.progress(i, 1000)
	}
	bar.stage(casefile.T("核对记录与索引", "comparing records and indexes"))
	bar.progress(5, 10)
	bar.end()
	if fi, err := f.Stat(); err != nil || fi.Size() != 0 {
		t.Errorf("the bar wrote %d bytes to a file (%v)", fi.Size(), err)
	}
	// A whole check with stderr captured: only its findings, none here.
	db := tempDB(t)
	mustHall(t, "--db", db, "demo")
	if out, errs, code := hall(t, "--db", db, "--lang", "en", "check"); code != 0 || errs != "" || out != "database check passed.\n" {
		t.Errorf("check: exit %d\nstdout %q\nstderr %q", code, out, errs)
	}
}
