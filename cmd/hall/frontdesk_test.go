package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
)

// `hall` with no subcommand opens the front desk on the database; keys
// come from stdin here, and ctrl+c on a screen with nothing unsaved quits
// at once.
func TestFrontDeskOpensAndQuits(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hall.db")
	var out, errb bytes.Buffer
	code := run([]string{"--db", db, "--lang", "en"}, strings.NewReader("\x03"), &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("the front desk did not open the database: %v", err)
	}
	// the front desk's frame: alternate screen, mouse clicks, and the
	// window titled with the hall's name in the chosen language
	for _, want := range []string{"\x1b[?1049h", "\x1b[?1002h", "Example County Integrated Social Assistance Hall"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q: %q", want, out.String())
		}
	}
}

// A database held by another process is reported in the user's language
// before any screen is drawn.
func TestFrontDeskLockedDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hall.db")
	cat, err := casefile.DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	st, err := casefile.Open(db, cat, casefile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, tc := range []struct{ lang, want string }{
		{"en", "database is in use by another process"},
		{"zh", "数据库正被另一个程序使用"},
	} {
		var out, errb bytes.Buffer
		code := run([]string{"--db", db, "--lang", tc.lang}, strings.NewReader(""), &out, &errb)
		if code == 0 || !strings.Contains(errb.String(), tc.want) {
			t.Fatalf("%s: exit %d, stderr %q; want an error saying %q", tc.lang, code, errb.String(), tc.want)
		}
	}
}
