package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The minutes of the demo's closed session carry the journal's head as
// the close found it; `hall audit record N` prints that record, whose
// hash begins with the 16 digits on paper, and `hall audit head` is past
// it (the close's own record follows).
func TestMinutesAnchorTheJournalOnTheDemo(t *testing.T) {
	pdftotext := printTools(t)
	db := tempDB(t)
	s := closedDemoSession(t, db)
	out := filepath.Join(t.TempDir(), "minutes.pdf")
	mustHall(t, "--db", db, "print", "minutes", s.Number, "--out", out)
	text := strings.Join(strings.Fields(pdfFileText(t, pdftotext, out)), "")
	m := regexp.MustCompile(`闭会时数据库日志：第(\d+)条记录，哈希([0-9a-f]{16})（可用hallauditrecord(\d+)核对）`).FindStringSubmatch(text)
	if m == nil || m[1] != m[3] {
		t.Fatalf("the minutes carry no journal line:\n%s", text)
	}
	rec := mustHall(t, "--db", db, "--lang", "en", "audit", "record", m[1])
	if !strings.Contains(rec, "journal record "+m[1]+"\n") || !strings.Contains(rec, "hash: "+m[2]) || !strings.Contains(rec, "it chains") {
		t.Errorf("audit record %s:\n%s\nwant the hash beginning %s", m[1], rec, m[2])
	}
	zh := mustHall(t, "--db", db, "audit", "record", m[1])
	if !strings.Contains(zh, "日志第 "+m[1]+" 条记录") || !strings.Contains(zh, "哈希："+m[2]) {
		t.Errorf("audit record (zh):\n%s", zh)
	}
	_, errs, code := hall(t, "--db", db, "--lang", "en", "audit", "record", "999999999")
	if code != exitFailed || !strings.Contains(errs, "no such record") {
		t.Errorf("a record past the head: exit %d, %s", code, errs)
	}
	if _, _, code := hall(t, "--db", db, "audit", "record", "x"); code != exitUsage {
		t.Errorf("record x: exit %d, want %d", code, exitUsage)
	}
}
