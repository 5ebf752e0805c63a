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
	d.must("（只读：研判会成员）", "只读：研判会成员不能记录出席、议程、表决和决定")
	d.mustNot("n 新开研判会")
	d.press("n")
	d.must("无此操作权限（角色：研判会成员）")
	if d.page().sessions.formOpen {
		t.Fatal("a member opened the new session's form")
	}

	openDemoSession(t, d)
	before := storedSession(t, ms, demoOpen)
	d.mustNot("space 出席/缺席", "b 生成议程")
	d.press("space", "b")
	d.must("无此操作权限（角色：研判会成员）")

	d.press("w")
	k := d.page().walk.keys()
	for name, b := range map[string]bool{"agree": k.Agree.Enabled(), "disagree": k.Disagree.Enabled(), "abstain": k.Abstain.Enabled(),
		"recuse": k.Recuse.Enabled(), "decide": k.Decide.Enabled()} {
		if b {
			t.Errorf("the %s key is live for a member", name)
		}
	}
	d.mustNot("a 同意", "d 不同意", "s 弃权", "r 回避")
	d.press("?")    // the full help too
	d.must("上/下一件") // reading keys stay
	d.mustNot("a 同意", "d 不同意", "s 弃权", "r 回避", "enter 决定")
	d.press("?")
	d.press("a")
	d.must("无此操作权限（角色：研判会成员）")
	if d.page().sh.modal != nil {
		t.Fatal("a prompt opened for a member")
	}
	d.press("d", "r", "enter")
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

	d.press("3")
	d.mustNot("c 闭会")
	d.must("只读：研判会成员")
	d.press("c")
	if d.page().sh.modal != nil {
		t.Fatal("a member was asked to close the session")
	}
}

// The console honours a role given by its root (hall serve's front desk,
// or WithRoot(WithRole)); a secretary keeps every write key.
func TestMeetingRoleFromTheRoot(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsoleAs(t, ms, "li", casefile.ZH, 120, 40, WithRoot(frontdesk.WithRole(casefile.RoleMember)))
	d.must("（只读：研判会成员）")
	d = newMtgConsoleAs(t, ms, "wang", casefile.ZH, 120, 40, WithRoot(frontdesk.WithRole(casefile.RoleSecretary)))
	d.mustNot("只读")
	openDemoSession(t, d)
	d.must("space 出席/缺席", "b 生成议程")
	d.press("w")
	d.must("a 同意", "d 不同意", "s 弃权", "r 回避", "enter 决定")
}
