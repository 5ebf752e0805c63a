package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportDevZeroStops: `hall import /dev/zero` stops at once with a
// message saying the file is not text (before: read to the 256 MB limit).
func TestImportDevZeroStops(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	_, errs, code := hall(t, "--db", tempDB(t), "import", "/dev/zero")
	if code != 1 || !strings.Contains(errs, "NUL") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

// TestImportLargeFileInChunks: a file over importOneTx rows is checked
// whole, then stored in chunks: every row is there once; a bad row near
// the end refuses the whole file before anything is stored.
func TestImportLargeFileInChunks(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "hall.db")
	n := importOneTx + importChunk/2
	var b strings.Builder
	b.WriteString("身份证号,姓名,项目,受理日期\n")
	for i := range n {
		fmt.Fprintf(&b, "%s,张三,MZ-01,2026-11-02\n", validID(fmt.Sprintf("19%02d%02d%02d", 40+i/1000%50, 1+i/100%10, 10+i/1000%10), i%1000))
	}
	good := b.String()
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte(good+"610602198001011235,李四,MZ-01,2026-11-02\n"), 0o600)
	if _, errs, code := hall(t, "--db", db, "import", bad); code != 1 || !strings.Contains(errs, fmt.Sprintf("第 %d 行", n+2)) {
		t.Fatalf("a bad last row: exit %d %q", code, errs)
	}
	if out := mustHall(t, "--db", db, "cases", "--limit", "5"); !strings.Contains(out, "没有案件") {
		t.Fatalf("the refused file stored cases:\n%s", out)
	}
	ok := filepath.Join(dir, "ok.csv")
	os.WriteFile(ok, []byte(good), 0o600)
	out := mustHall(t, "--db", db, "import", ok)
	if want := fmt.Sprintf("已导入 %d 条申请：2026-000001 至 2026-%06d", n, n); !strings.Contains(out, want) {
		t.Errorf("import said %q, want %q", out, want)
	}
	mustHall(t, "--db", db, "check")
}
