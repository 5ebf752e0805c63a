package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportRepeatNeedsAReason: importing a second MZ-01 application for a
// person whose MZ-01 case is open is refused with the earlier case named
// and the flag to give a reason; with --repeat-reason it is stored and the
// reason is in its history (before: stored without a word).
func TestImportRepeatNeedsAReason(t *testing.T) {
	db := tempDB(t)
	first := importOne(t, db)
	csv := filepath.Join(t.TempDir(), "again.csv")
	row := "身份证号,姓名,项目,收入明细,家庭人数,受理日期\n" + validID("19800101", 1) + ",欧阳娜娜,MZ-01,工资:1000,3,2026-11-03\n"
	if err := os.WriteFile(csv, []byte(row), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, code := hall(t, "--db", db, "import", csv)
	if code != 1 || !strings.Contains(errs, first) || !strings.Contains(errs, "--repeat-reason") || !strings.Contains(errs, "须填写再次申请的理由") {
		t.Fatalf("repeat import: exit %d\n%s", code, errs)
	}
	mustHall(t, "--db", db, "import", csv, "--repeat-reason", "低保年度续期")
	c := stored(t, db, "2026-000002")
	if note := c.History[0].Text(); !strings.Contains(note.ZH, "低保年度续期") || !strings.Contains(note.ZH, first) {
		t.Errorf("intake history of the repeat: %+v", note)
	}
}
