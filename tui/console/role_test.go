package console

import (
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
)

// A member (casefile.RoleMember) follows the meeting without writing it:
// the console, reading the role the user is registered with, shows no
// write key, says it is read-only, and a write key records nothing.
func TestMeetingReadOnlyForMember(t *testing.T) {
	st, ms := openMeeting(t)
	if err := st.AddUser(casefile.User{Name: "zhao", Role: casefile.RoleMember, Fingerprints: []string{"SHA256:x"}}, "local:admin"); err != nil {
		t.Fatal(err)
	}
	d := newMtgConsoleAs(t, ms, "zhao", casefile.ZH, 120, 40)
	d.Must("（只读：研判会成员）", "只读：研判会成员不能记录出席、议程、表决和决定")
	d.MustNot("n 新开研判会")
	d.Press("n")
	d.Must("无此操作权限（角色：研判会成员）")
	if d.page().sessions.formOpen {
		t.Fatal("a member opened the new session's form")
	}

	openDemoSession(t, d)
	before := storedSession(t, ms, demoOpen)
	d.MustNot("space 出席/缺席", "b 生成议程")
	d.Press("space", "b")
	d.Must("无此操作权限（角色：研判会成员）")

	d.Press("w")
	k := d.page().walk.keys()
	for name, b := range map[string]bool{"agree": k.Agree.Enabled(), "disagree": k.Disagree.Enabled(), "abstain": k.Abstain.Enabled(),
		"recuse": k.Recuse.Enabled(), "decide": k.Decide.Enabled()} {
		if b {
			t.Errorf("the %s key is live for a member", name)
		}
	}
	d.MustNot("a 同意", "d 不同意", "s 弃权", "r 回避")
	d.Press("?")    // the full help too
	d.Must("上/下一件") // reading keys stay
	d.MustNot("a 同意", "d 不同意", "s 弃权", "r 回避", "enter 决定")
	d.Press("?")
	d.Press("a")
	d.Must("无此操作权限（角色：研判会成员）")
	if d.page().sh.modal != nil {
		t.Fatal("a prompt opened for a member")
	}
	d.Press("d", "r", "enter")
	if d.page().sh.modal != nil {
		t.Fatal("a prompt opened for a member")
	}
	after := storedSession(t, ms, demoOpen)
	for i, it := range after.Agenda {
		if len(it.Votes) != len(before.Agenda[i].Votes) || len(it.Recusals) != len(before.Agenda[i].Recusals) || (it.Decision == nil) != (before.Agenda[i].Decision == nil) {
			t.Fatalf("%s changed for a member: %+v", it.Case, it)
		}
	}
	if presentCount(after) != presentCount(before) {
		t.Fatal("attendance changed for a member")
	}

	d.Press("3")
	d.MustNot("c 闭会")
	d.Must("只读：研判会成员")
	d.Press("c")
	if d.page().sh.modal != nil {
		t.Fatal("a member was asked to close the session")
	}
}

// The console honours a role given by its root (hall serve's front desk,
// or WithRoot(WithRole)); a secretary keeps every write key.
func TestMeetingRoleFromTheRoot(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsoleAs(t, ms, "li", casefile.ZH, 120, 40, WithRoot(frontdesk.WithRole(casefile.RoleMember)))
	d.Must("（只读：研判会成员）")
	d = newMtgConsoleAs(t, ms, "wang", casefile.ZH, 120, 40, WithRoot(frontdesk.WithRole(casefile.RoleSecretary)))
	d.MustNot("只读")
	openDemoSession(t, d)
	d.Must("space 出席/缺席", "b 生成议程")
	d.Press("w")
	d.Must("a 同意", "d 不同意", "s 弃权", "r 回避", "enter 决定")
}
