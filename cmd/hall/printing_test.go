package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/casefiletest"
)

// The screens print into hall-print beside the database (or --print-dir);
// under hall serve they name the server the files are on.
func TestScreenPrintingDefaults(t *testing.T) {
	printTools(t)
	db := tempDB(t)
	mustHall(t, "--db", db, "demo")
	a := &app{dbPath: db, lang: casefile.ZH}
	st, err := a.open(false)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	number := casefiletest.CaseIn(t, st, "") // any case

	got, err := a.screenPrinting(st, &screenPrintOptions{}, false).Receipt(number, osWho())
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(filepath.Dir(db), printDirName, number+"-receipt.pdf"); got.File != want || got.Host != "" {
		t.Errorf("printed %+v, want %s on this machine", got, want)
	}
	if fi, err := os.Stat(filepath.Dir(got.File)); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("the folder: %v, %v; want 0700", fi, err)
	}

	dir := filepath.Join(t.TempDir(), "elsewhere")
	got, err = a.screenPrinting(st, &screenPrintOptions{dir: dir}, true).Receipt(number, osWho())
	host, _ := os.Hostname()
	if err != nil || got.File != filepath.Join(dir, number+"-receipt.pdf") || got.Host == "" || (host != "" && got.Host != host) {
		t.Errorf("--print-dir under serve: %+v, %v", got, err)
	}
}
