package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Each kind of failure ends with its own exit code (README.md, "Exit
// codes").
func TestExitCodes(t *testing.T) {
	db := tempDB(t)
	mustHall(t, "--db", db, "demo")
	damaged := filepath.Join(t.TempDir(), "damaged.db")
	if err := os.WriteFile(damaged, []byte(strings.Repeat("not a bbolt database ", 500)), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		args []string
		code int
		says string
	}{
		{"unknown command", []string{"--db", db, "casez"}, exitUsage, `unknown command "casez"`},
		{"unknown flag", []string{"--db", db, "cases", "--colour"}, exitUsage, "unknown flag: --colour"},
		{"too many arguments", []string{"--db", db, "case", "show", "a", "b"}, exitUsage, "用法见 hall case show --help"},
		{"too few arguments", []string{"--db", db, "session", "vote", "YH2026-001"}, exitUsage, "accepts 4 arg(s)"},
		{"unparsable flag value", []string{"--db", db, "cases", "--limit", "many"}, exitUsage, `invalid argument "many"`},
		{"missing required flag", []string{"--db", db, "user", "add", "li"}, exitUsage, "required flag"},
		{"bad flag value", []string{"--db", db, "cases", "--status", "pending"}, exitUsage, "未知状态"},
		{"bad language", []string{"--db", db, "--lang", "fr", "cases"}, exitUsage, "unknown language"},
		{"bad argument value", []string{"--db", db, "session", "decide", "YH2026-001", "2026-000001", "maybe"}, exitUsage, "决定"},
		{"damaged database", []string{"--db", damaged, "cases"}, exitDamaged, "数据库文件已损坏"},
		{"other", []string{"--db", db, "case", "show", "2026-999999"}, exitFailed, "找不到案件"},
		{"fine", []string{"--db", db, "cases", "--limit", "1"}, exitOK, ""},
	} {
		_, errs, code := hall(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.says) {
			t.Errorf("%s: hall %q: exit %d, want %d; stderr %q, want %q", c.name, c.args, code, c.code, errs, c.says)
		}
	}
}
