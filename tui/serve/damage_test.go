package serve

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/casefiletest"
	"github.com/rongjiuzhu/hall/casefile/gen"
)

// A terminal that meets a damaged page (the cases tree's header flipped)
// shows the damage screen; the server does not die, another terminal
// goes on working on what it can read, and a new one still connects.
func TestDamageOnOneTerminalLeavesTheOthers(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "hall.db")
	h := &hall{t: t, db: db, done: make(chan error, 1)}
	h.st = openStore(t, db, true)
	if _, err := gen.FillDemo(h.st, "local:admin", 2026); err != nil {
		t.Fatal(err)
	}
	deskKey, otherKey := h.register("desk1", casefile.RoleFrontDesk), h.register("desk2", casefile.RoleFrontDesk)
	if err := h.st.Close(); err != nil {
		t.Fatal(err)
	}
	casefiletest.DamagePageHeader(t, db, "cases")
	h.st = openStore(t, db, true)
	h.serve(Config{HostKey: filepath.Join(dir, DefaultHostKeyName), Lang: casefile.ZH, Grace: 5 * time.Second,
		WatchEvery: 50 * time.Millisecond, Options: consoleOptions(h.st)})

	desk := h.open(deskKey, 100, 30)
	other := h.open(otherKey, 100, 30)
	desk.waitFor("今日受理")
	other.waitFor("今日受理")
	desk.keys("2") // the queue reads the damaged cases tree
	s := desk.waitFor("数据库文件已损坏", "hall restore", "按 ctrl\\+c 退出")
	if strings.Contains(desk.output(), "goroutine") || strings.Contains(s, "panic") {
		t.Fatalf("a stack trace on the terminal:\n%s", s)
	}
	// the other terminal still answers: the intake opens
	other.keys("1")
	other.waitFor("身份证")
	// and the server still takes a new terminal
	third := h.open(deskKey, 100, 30)
	third.waitFor("今日受理")
}
