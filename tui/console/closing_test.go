package console

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// Closing shows the summary, asks, freezes the session; after it no key
// changes anything, and print says it is not available yet.
func TestMeetingClosingFreezesTheSession(t *testing.T) {
	_, ms, d := walking(t, casefile.ZH, 120, 40, 0)
	agreeAll(d)
	d.Press("enter", "enter", "y")
	d.Press("c")
	d.Must("议程 11 件：批准 1  不予救助 0  暂缓 0  未决 10", "按部门", "县民政局", "c 闭会")
	d.Press("p") // printing is for a closed session
	d.Press("c")
	d.Must("闭会 "+demoOpen, "10 件未作决定", "闭会后本次研判会的出席、表决和决定记录将冻结")
	d.Press("y")
	s := storedSession(t, ms, demoOpen)
	if s.Status != meeting.SessionClosed || len(s.Undecided) != 10 {
		t.Fatalf("session %s, undecided %v", s.Status, s.Undecided)
	}
	d.Must("已闭会："+demoOpen+"，记录已冻结", "已闭会，记录已冻结（只读）")
	d.Press("p")
	d.Must("「打印决定书和会议纪要」尚未开放")
	d.Press("2", "n")
	for _, k := range []bool{d.page().walk.keys().Agree.Enabled(), d.page().walk.keys().Recuse.Enabled(), d.page().walk.keys().Decide.Enabled()} {
		if k {
			t.Fatal("a key changes a closed session")
		}
	}
	d.Press("a", "r")
	if d.page().prompt() != nil {
		t.Fatal("a prompt opened on a closed session")
	}
}

func TestMeetingPrintHook(t *testing.T) {
	_, ms := openMeeting(t)
	var printed string
	d := newMtgConsole(t, ms, casefile.ZH, 80, 24, withPrint(func(s string) tea.Cmd { printed = s; return nil }))
	d.Press("down", "enter", "p")
	if printed != demoClosed {
		t.Fatalf("printed %q", printed)
	}
}
