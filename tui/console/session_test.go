package console

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
)

func TestMeetingListsSessionsAndOpensOne(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.ZH, 80, 24)
	d.Must("综合研判会", demoOpen, demoClosed, "进行中", "已闭会", "15/17", "0/11", "11/11", "n  新开研判会")
	openDemoSession(t, d)
	d.Must("出席 15/17，已达法定人数", "[x] 王建国", "[ ] 林秋菊", "议程", "11 件，已决 0 件", "2026-000013")
	d.Press("esc")
	d.Must("综合研判会", demoClosed)
	// a closed session opens on its summary, read-only
	d.Press("down", "enter")
	d.Must("已闭会，记录已冻结（只读）", "批准 6", "不予救助 3", "暂缓 2", "按部门", "按项目")
	d.Press("2")
	k := d.page().walk.keys()
	if k.Agree.Enabled() || k.Decide.Enabled() || k.Recuse.Enabled() {
		t.Fatal("a closed session takes votes")
	}
	d.Press("1")
	if d.page().setup.keys().Toggle.Enabled() || d.page().setup.keys().Build.Enabled() {
		t.Fatal("a closed session takes attendance")
	}
}

// Attendance toggles change the quorum at once; vote keys are off
// without a quorum (and out of the help), on with it.
func TestMeetingQuorumReachedAndLost(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.ZH, 100, 30)
	openDemoSession(t, d)
	// 15 of 17 present: mark seven voting members absent (the chair
	// first, then the members after him), keeping 8
	d.Press("space")
	for i := 0; i < 6; i++ {
		d.Press("right", "space")
	}
	if n := presentCount(storedSession(t, ms, demoOpen)); n != 8 {
		t.Fatalf("%d present in the store, want 8", n)
	}
	d.Must("出席 8/17，未达法定人数，不能表决")
	// the walkthrough, a present member selected: no vote key is live
	d.Press("w", "right", "right", "right", "right", "right", "right", "right")
	m := d.page().walk.selectedMember()
	if !d.page().sh.b.sess.IsPresent(m.ID) {
		t.Fatalf("%s is absent", m.Name)
	}
	k := d.page().walk.keys()
	if k.Agree.Enabled() || k.Disagree.Enabled() || k.Abstain.Enabled() || k.Decide.Enabled() {
		t.Fatal("vote keys live without a quorum")
	}
	d.MustNot("a 同意", "enter 决定")
	d.Must("未达法定人数")
	// pressing a vote key does nothing
	d.Press("a")
	if it := storedSession(t, ms, demoOpen).Item(d.page().sh.cur); len(it.Votes) != 0 {
		t.Fatalf("a vote was recorded without a quorum: %+v", it.Votes)
	}
	// back to attendance: a click on an absent member brings the quorum back
	d.Press("1")
	x, y := d.find("[ ] 王建国")
	d.Click(x+1, y)
	d.Must("出席 9/17，已达法定人数")
	if n := presentCount(storedSession(t, ms, demoOpen)); n != 9 {
		t.Fatalf("%d present in the store, want 9", n)
	}
	d.Press("2")
	k = d.page().walk.keys()
	if !k.Agree.Enabled() || !k.Decide.Enabled() {
		t.Fatal("vote keys off with a quorum")
	}
	d.Must("a 同意", "enter 决定")
	d.Press("a")
	if v := storedSession(t, ms, demoOpen).Item(d.page().sh.cur).Vote(m.ID); v == nil || v.Choice != meeting.Agree {
		t.Fatalf("vote %+v", v)
	}
}

// A user who may not write the meeting sees the domain's refusal.
func TestMeetingForbidden(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsoleAs(t, ms, "clerk", casefile.ZH, 80, 24)
	openDemoSession(t, d)
	d.Press("space")
	d.Must("无此操作权限", "clerk 未登记")
	if n := presentCount(storedSession(t, ms, demoOpen)); n != 15 {
		t.Fatalf("attendance changed: %d present", n)
	}
}

// A new session: date and place, attendance by clicks, then the agenda
// built with a group filter (duplicates resolved first).
func TestMeetingNewSessionAndAgenda(t *testing.T) {
	st := tuitest.OpenStore(t, true)
	ms := meeting.New(st)
	if _, err := ms.SetCommittee(meeting.DefaultCommittee(st.Catalog()), tuitest.TestUser); err != nil {
		t.Fatal(err)
	}
	d := newMtgConsole(t, ms, casefile.ZH, 100, 30)
	d.Must("还没有研判会")
	d.Press("n")
	if !d.page().Typing() {
		t.Fatal("the place is not being typed")
	}
	d.Type("三楼会议室")
	d.Press("ctrl+s")
	d.Must("已开会：YH2026-001", "出席 0/17，未达法定人数")
	for i := 0; i < 9; i++ {
		x, y := d.find("[ ] ")
		d.Click(x+1, y)
	}
	d.Must("出席 9/17，已达法定人数")
	d.Press("tab", "tab", "tab") // the group filter
	for !strings.Contains(d.View(), "< 大学新生入学资助 >") {
		d.Press("right")
	}
	d.Press("b")
	s := storedSession(t, ms, "YH2026-001")
	if len(s.Agenda) == 0 {
		t.Fatal("nothing on the agenda")
	}
	for _, it := range s.Agenda {
		found := false
		for _, a := range it.Apps {
			if p := st.Catalog().Project(a.Project); p != nil && p.Group == "college_freshman" {
				found = true
			}
		}
		if !found {
			t.Fatalf("%s is not in the group", it.Case)
		}
	}
	d.Must(fmt.Sprintf("议程已生成：新增 %d 件", len(s.Agenda)), "同一救助政策只能享受一次")
	// a duplicate to decline shows its mark and why
	var declined string
	for _, it := range s.Agenda {
		for _, a := range it.Apps {
			if a.Mark == meeting.MarkDecline && declined == "" {
				declined = it.Case
			}
		}
	}
	if declined == "" {
		t.Fatal("no duplicate to decline on the agenda")
	}
	d.Press("w")
	for d.page().sh.cur != declined {
		d.Press("]")
	}
	d.Must("不予重复救助", "同一救助政策只能享受一次")
}

// `hall meeting NUMBER` opens the session at once; an unknown number is
// said on screen in the user's language.
func TestMeetingOpensNamedSession(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.ZH, 80, 24, WithSession(demoOpen))
	d.Must("出席 15/17，已达法定人数", "研判会 "+demoOpen)
	d = newMtgConsole(t, ms, casefile.EN, 80, 24, WithSession("YH1999-001"))
	d.Must("session not found: YH1999-001", "Adjudication meetings", demoOpen)
}
