package main

import (
	"os"
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/casefiletest"
)

// `hall` with no subcommand opens the front desk on the database; keys
// come from stdin here, and ctrl+c on a screen with nothing unsaved quits
// at once.
func TestFrontDeskOpensAndQuits(t *testing.T) {
	db := tempDB(t)
	// the front desk's frame: alternate screen, mouse clicks, and the
	// window titled with the hall's name in the chosen language
	opensAndQuits(t, "Example County Integrated Social Assistance Hall", "--db", db, "--lang", "en")
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("the front desk did not open the database: %v", err)
	}
}

// A database held by another process is reported in the user's language
// before any screen is drawn.
func TestFrontDeskLockedDatabase(t *testing.T) {
	db := tempDB(t)
	st, _ := casefiletest.Open(t, db, casefile.Options{})
	defer st.Close()
	for _, tc := range []struct{ lang, want string }{
		{"en", "database is in use by another process"},
		{"zh", "数据库正被另一个程序使用"},
	} {
		_, errs, code := hall(t, "--db", db, "--lang", tc.lang)
		if code == 0 || !strings.Contains(errs, tc.want) {
			t.Fatalf("%s: exit %d, stderr %q; want an error saying %q", tc.lang, code, errs, tc.want)
		}
	}
}
